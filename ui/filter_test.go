package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// TestSlashFiltersTheLists types / and a CJK fragment into the document's
// 60-project list, the home list and the findings panel: each shows only
// what matches as it is typed, says where the cursor is (1/4 共 60), and
// esc clears the filter.
func TestSlashFiltersTheLists(t *testing.T) {
	h := newHarness(t, 80, 24)
	doc := model.Generate(60, 2)
	if err := h.st.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	h.run(h.app.writes.loadDocs())
	h.keys("s") // a second document for the home list
	h.mustSee("1/2")
	h.keys("/")
	h.typeText("示例")
	h.mustSee("/ 示例", "1/1 共 2", "抚宁区示例局")
	if strings.Contains(h.screen(), "抚宁区司法局") {
		t.Fatalf("home filter let 抚宁区司法局 through:\n%s", h.screen())
	}
	h.keys("enter", "enter") // keep the filter, open the document
	h.mustSee("项目 60", "第一部分 · 项目 60")

	h.keys("/")
	h.typeText("智慧调解")
	h.mustSee("项目 1/3 共 60", "智慧调解平台建设（2）")
	if strings.Contains(h.screen(), "总体绩效目标") || strings.Contains(h.screen(), "法律援助经费") {
		t.Fatalf("the filter shows more than the matches:\n%s", h.screen())
	}
	h.keys("enter", "down", "enter") // the second match's form
	h.mustSee("▸ 项目编码", "智慧调解平台建设（2）")
	h.keys("esc")
	h.mustSee("项目 2/3 共 60")
	h.keys("esc") // clears the filter, stays on the project
	h.mustSee("项目 30/60")
	h.keys("esc")
	h.mustSee("/ 示例") // home kept its filter
	h.keys("esc")     // all again, the cursor still on 抚宁区示例局
	h.mustSee("抚宁区司法局", "2/2")
}

// TestFindingsPanelFilter filters the findings panel by a project's name.
func TestFindingsPanelFilter(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("v")
	h.mustSee("审核问题", "1/57")
	h.keys("/")
	h.typeText("公用取暖")
	h.mustSee("1/4 共 57", "公用取暖费")
	if strings.Contains(h.screen(), "法律援助经费") {
		t.Fatalf("the filter shows other projects' findings:\n%s", h.screen())
	}
	h.keys("esc") // all again, the cursor still on 公用取暖费's first finding
	h.mustSee("7/57")
}
