package ui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"jixiao/model"
)

func TestDocumentShowsTotalsAndProjects(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.mustSee("抚宁区司法局  2020 年  草案", "预算数 207.09", "项目 9", "总体绩效目标", "分项绩效目标  5 项", "工作保障措施  6 项", "法律援助经费")
	h.checkSize(80, 24)
}

func TestDocumentReorderAndDeleteProjects(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	before := h.storedProjects()
	ids := func() []string {
		var out []string
		for _, p := range h.storedProjects() {
			out = append(out, p.ID)
		}
		return out
	}
	h.keys("down", "down", "down") // the first project
	h.keys("J", "alt+down")        // two places down
	got := ids()
	want := []string{before[1].ID, before[2].ID, before[0].ID}
	if !slices.Equal(got[:3], want) {
		t.Fatalf("order after J, alt+down = %v, want %v…", got[:3], want)
	}
	h.keys("K") // one back up
	if got := ids(); got[1] != before[0].ID {
		t.Fatalf("after K the first project is at %d", slices.Index(got, before[0].ID))
	}
	h.keys("D")
	h.mustSee("删除项目", "y 确定")
	h.keys("n")
	if len(ids()) != 9 {
		t.Fatal("n deleted the project")
	}
	h.keys("D", "y")
	got = ids()
	if len(got) != 8 || slices.Contains(got, before[0].ID) {
		t.Fatalf("after D y: %d projects, deleted one still there: %v", len(got), slices.Contains(got, before[0].ID))
	}
	h.mustSee("项目 8")
}

func TestDocumentGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.openSample()
		h.checkSize(sz[0], sz[1])
		h.golden(goldenName("document", sz))
	}
}

// TestDocumentOfAThousandProjects opens a large document and moves to its
// end: the screen stays exactly the terminal's size and the cursor row is
// the last project, because only the visible rows are drawn.
func TestDocumentOfAThousandProjects(t *testing.T) {
	h := newHarness(t, 80, 24)
	doc := model.Generate(1000, 3)
	if err := h.st.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	h.run(h.app.writes.loadDocs())
	h.keys("enter")
	last := doc.Projects[len(doc.Projects)-1]
	start := time.Now()
	h.keys("G")
	h.mustSee(last.Code, fmt.Sprintf("项目 %d", len(doc.Projects)))
	h.keys("pgup", "pgup", "g")
	h.mustSee("总体绩效目标")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("moving through 1,000 projects took %v", d)
	}
	h.checkSize(80, 24)
}
