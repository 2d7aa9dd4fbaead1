package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
	"jixiao/store/storetest"
)

// TestFirstFrameReadsSummariesOnly guards what keeps a document of 1,000
// projects instant to open: the document screen is built from the stored
// project summaries (store.Header) and never decodes a project. Every
// project value in a real file is damaged; the first frame must still show
// the document with the right totals, and opening a project must then
// report the damage (so the damage is real and the test can fail).
func TestFirstFrameReadsSummariesOnly(t *testing.T) {
	const n = 1000
	path, key := perfFile(t, t.TempDir(), n)
	doc := model.Generate(n, 10) // the same document: Generate is deterministic
	sums := make([]model.ProjectSummary, n)
	for i := range doc.Projects {
		sums[i] = model.Summarize(&doc.Projects[i])
	}
	total := model.TotalsOf(sums)

	ids := make([]string, n)
	for i := range doc.Projects {
		ids[i] = doc.Projects[i].ID
	}
	storetest.DamageProjects(t, path, key, ids)

	st, a, frame := openFirstFrame(t, path, key)
	defer st.Close()
	screen := ansi.Strip(frame)
	for _, want := range []string{
		doc.UnitName,
		fmt.Sprintf("预算数 %s", total.Budget),
		fmt.Sprintf("项目 %d  指标 %d", n, n*10),
		doc.Projects[0].Code, doc.Projects[0].Name,
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("first frame lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "失败") {
		t.Errorf("first frame reports a failure:\n%s", screen)
	}
	lines := strings.Split(frame, "\n")
	if len(lines) != 40 {
		t.Errorf("first frame has %d lines, want 40", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 140 {
			t.Errorf("line %d is %d columns wide, want 140", i, w)
		}
	}

	// Part 1 takes the first three rows; the fourth is project 1.
	for range 3 {
		settle(a, tea.KeyPressMsg{Code: tea.KeyDown}, nil)
	}
	settle(a, tea.KeyPressMsg{Code: tea.KeyEnter}, nil)
	if screen := ansi.Strip(a.View().Content); !strings.Contains(screen, "读取项目失败") || !strings.Contains(screen, "损坏") {
		t.Errorf("opening a damaged project does not report it:\n%s", screen)
	}
}

// TestGridKeyCostIsTheScreen guards what BenchmarkGridKey times: a ↓
// keypress (Update and View at 140×40) allocates for the rows on screen,
// not for the table. With the cursor on row 500 of 1,000 rows and of 20,000
// the screen is the same (row i of manyRows does not depend on the table's
// length), so a keypress must allocate as much, give or take the runtime's
// noise; 10 rows (part of a screen) may not allocate more than a full
// screen. A View that built every row would allocate 20 times as much in
// 20,000 rows as in 1,000.
func TestGridKeyCostIsTheScreen(t *testing.T) {
	allocs := func(n int) float64 {
		g := newTestGrid(manyRows(n), 140, 40)
		g.FocusCell(min(n/2, 500), colL3)
		g.View()
		down, up, i := press("down"), press("up"), 0
		// The fewest of a few runs: under -race the runtime now and then
		// adds allocations of its own (131 against 130 was seen).
		least := math.Inf(1)
		for range 3 {
			least = min(least, testing.AllocsPerRun(50, func() {
				if i++; i%2 == 0 {
					g.Update(down)
				} else {
					g.Update(up)
				}
				_ = g.View()
			}))
		}
		return least
	}
	small, big, huge := allocs(10), allocs(1000), allocs(20_000)
	t.Logf("allocations per keypress: %.0f (10 rows), %.0f (1,000), %.0f (20,000)", small, big, huge)
	// The noise is an allocation or two; anything that grows with the
	// table is at least 20 times that.
	slack := max(2, big/50)
	if huge > big+slack {
		t.Errorf("a keypress allocates %.0f times in 20,000 rows and %.0f in 1,000: it depends on the table, not the screen", huge, big)
	}
	if small > big+slack {
		t.Errorf("a keypress allocates %.0f times in 10 rows, more than in a full screen (%.0f)", small, big)
	}
}
