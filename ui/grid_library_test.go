package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// typeIn types s into the open editor one character at a time.
func typeIn(g *Grid, s string) {
	for _, r := range s {
		g.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func TestGridLibrarySuggestsAndFills(t *testing.T) {
	g := newTestGrid(model.Project{ID: "n", Name: "新项目", Indicators: []model.Indicator{{L1: "满意度指标"}}}, 100, 30)
	g.common.Library = model.NewLibrary([]*model.Document{model.Sample()})
	g.FocusCell(0, colL3)
	g.Update(press("enter"))
	typeIn(g, "满意")
	view := ansi.Strip(g.View())
	// The sample's own rows come before the starter rows, with sources.
	if !strings.Contains(view, "抚宁区司法局 2020") || !strings.Contains(view, "ctrl+y 填入整行") {
		t.Fatalf("no suggestions:\n%s", view)
	}
	first := g.suggest.rows[0]
	if first.BuiltIn() || !strings.Contains(first.L3, "满意") {
		t.Errorf("first suggestion %+v", first)
	}
	// ↓ then ctrl+y fills the second suggestion: 一级 kept, the rest set.
	g.Update(press("down"))
	want := g.suggest.rows[1]
	g.Update(press("ctrl+y"))
	got := g.project.Indicators[0]
	if g.mode != modeBrowse || got.L1 != "满意度指标" || got.L2 != want.L2 || got.L3 != want.L3 || got.Desc != want.Desc || got.Value != want.Value || got.Basis != want.Basis {
		t.Fatalf("filled %+v from %+v", got, want)
	}
	if strings.Contains(ansi.Strip(g.View()), "填入整行") {
		t.Error("suggestions still shown after filling")
	}
	// One undo step takes it all back.
	g.Update(press("u"))
	if got := g.project.Indicators[0]; got != (model.Indicator{L1: "满意度指标"}) {
		t.Errorf("after one undo: %+v", got)
	}
	if r, c := g.Cursor(); r != 0 || c != colL3 {
		t.Errorf("cursor after undo at %d,%d", r, c)
	}
}

func TestGridBasisPickerKeepsFreeText(t *testing.T) {
	g := newTestGrid(model.Project{ID: "n", Indicators: []model.Indicator{{L3: "x"}}}, 100, 30)
	g.common.Library = model.NewLibrary([]*model.Document{model.Sample()})
	g.FocusCell(0, colBasis)
	g.Update(press("enter"))
	if g.mode != modePick || !strings.Contains(ansi.Strip(g.View()), "预算支出标准") {
		t.Fatalf("no 依据 picker:\n%s", ansi.Strip(g.View()))
	}
	typeIn(g, "工作") // matches 工作计划 of the file, but what was typed is kept
	g.Update(press("enter"))
	if v := g.project.Indicators[0].Basis; v != "工作" {
		t.Errorf("依据 = %q, want the typed text", v)
	}
	g.Update(press("enter"))
	g.Update(press("ctrl+u"))
	typeIn(g, "计划")
	g.Update(press("down"))
	g.Update(press("enter"))
	if v := g.project.Indicators[0].Basis; v != "计划标准" {
		t.Errorf("依据 = %q after choosing below the typed text", v)
	}
}

// benchLibrary is a library of about n distinct rows in the generator's
// vocabulary (every row's value differs; about 60 distinct 三级). With
// distinct set every row's 三级 is its own too (第k个 appended): the
// worst case for the search, far more names than a real file has.
func benchLibrary(n int, distinct bool) *model.Library {
	d := model.Generate((n+9)/10, 10)
	k := 0
	for i := range d.Projects {
		for j := range d.Projects[i].Indicators {
			in := &d.Projects[i].Indicators[j]
			in.Value = fmt.Sprintf("≥%d件", k)
			if distinct {
				in.L3 += fmt.Sprintf("第%d个", k)
			}
			k++
		}
	}
	return model.NewLibrary([]*model.Document{d})
}

// BenchmarkLibraryKey measures one keystroke in the 三级 editor — Update,
// the library search and View with the suggestions drawn — at 140×40,
// with a library of 100 and of 50,000 rows (and 50,000 rows of as many
// 三级 names, the worst case). The key alternates between
// typing 意 after 满 and deleting it, so every key searches.
func BenchmarkLibraryKey(b *testing.B) {
	for _, c := range []struct {
		n        int
		distinct bool
	}{{100, false}, {50_000, false}, {50_000, true}} {
		lib := benchLibrary(c.n, c.distinct)
		name := fmt.Sprintf("rows=%d", c.n)
		if c.distinct {
			name += "/distinct"
		}
		b.Run(name, func(b *testing.B) {
			g := newTestGrid(manyRows(40), 140, 40)
			g.common.Library = lib
			g.FocusCell(20, colL3)
			g.Update(press("enter"))
			g.editor.SetValue("满")
			g.refreshSuggestions()
			g.View()
			yi, del := tea.KeyPressMsg{Code: '意', Text: "意"}, press("backspace")
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if i%2 == 0 {
					g.Update(yi)
				} else {
					g.Update(del)
				}
				_ = g.View()
			}
			b.StopTimer()
			if len(g.suggest.rows) == 0 {
				b.Fatal("no suggestions")
			}
		})
	}
}
