package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// TestL2PickerAfterL1Change adds a row (it copies 一级/二级 from the row
// above), changes its 一级, and opens the 二级 picker: the copied 二级 is
// offered only if it belongs under the new 一级; otherwise the picker
// opens on the only 二级 there is, or on nothing. Free text stays.
func TestL2PickerAfterL1Change(t *testing.T) {
	tests := []struct {
		name     string
		l1, l2   string // of the row above
		typed    string // the new 一级, typed into its picker
		wantOpen string // what the 二级 picker opens on
	}{
		{"same 一级 keeps the 二级", "产出指标", "质量指标", "产出", "质量指标"},
		{"one 二级 under the new 一级", "产出指标", "质量指标", "满意度", oneL2("满意度指标")},
		{"several under the new 一级", "满意度指标", oneL2("满意度指标"), "效益", ""},
		{"free text 二级 stays", "产出指标", "自定二级", "效益", "自定二级"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.Project{ID: "p", Indicators: []model.Indicator{{L1: tt.l1, L2: tt.l2, L3: "三级"}}}
			g := newTestGrid(p, 140, 40)
			run(t, g, press("a"), press("ctrl+u"), typeText(tt.typed), press("tab"))
			if g.mode != modePick || g.editCol != colL2 {
				t.Fatalf("tab from 一级 did not open the 二级 picker (mode %d, column %d)", g.mode, g.editCol)
			}
			if got := g.picker.input.Value(); got != tt.wantOpen {
				t.Errorf("二级 picker opens on %q, want %q", got, tt.wantOpen)
			}
		})
	}
}

// oneL2 returns the single 二级 of l1, failing loudly if the taxonomy
// changes under the test.
func oneL2(l1 string) string {
	names := model.L2Names(l1)
	if len(names) != 1 {
		panic(l1 + " no longer has exactly one 二级")
	}
	return names[0]
}

// TestFormValuesShareAColumn draws the project form at 80×24 and 140×40,
// with 资金用途 focused and not: its text starts in the same column as
// every one-line field's.
func TestFormValuesShareAColumn(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.openSample()
		h.keys("down", "down", "down", "enter")
		for _, focus := range []bool{false, true} {
			if focus {
				h.keys("tab", "tab", "tab", "tab", "tab")
			}
			cols := map[string]int{}
			for _, l := range strings.Split(h.screen(), "\n") {
				for _, label := range []string{"项目名称", "预算数", "资金用途"} {
					if i := strings.Index(l, label+" "); i >= 0 {
						rest := strings.TrimLeft(l[i+len(label):], " ")
						cols[label] = ansi.StringWidth(l[:len(l)-len(rest)])
					}
				}
			}
			if len(cols) != 3 || cols["资金用途"] != cols["项目名称"] || cols["预算数"] != cols["项目名称"] {
				t.Errorf("%dx%d, 资金用途 focused %v: values start at columns %v, want one column\n%s", sz[0], sz[1], focus, cols, h.screen())
			}
		}
	}
}
