package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

var testKey = model.DocKey{UnitCode: "315002", Year: 2020}

// legalAid returns the sample's 法律援助经费 project.
func legalAid(t testing.TB) model.Project {
	t.Helper()
	for _, p := range model.Sample().Projects {
		if p.Name == "法律援助经费" {
			return p
		}
	}
	t.Fatal("sample has no 法律援助经费")
	return model.Project{}
}

// manyRows returns a project of n distinct rows in groups of five, so
// merged 一级/二级 cells occur as in real tables.
func manyRows(n int) model.Project {
	p := model.Project{ID: "big", Name: "大项目"}
	l1 := model.L1Names()
	for i := range n {
		p.Indicators = append(p.Indicators, model.Indicator{
			L1: l1[(i/5)%len(l1)], L2: model.L2Names(l1[(i/5)%len(l1)])[0],
			L3:   fmt.Sprintf("第%d项三级指标", i+1),
			Desc: strings.Repeat("绩效指标描述文字", 1+i%3), Value: fmt.Sprintf("≥%d件", i), Basis: "年度工作计划",
		})
	}
	return p
}

func newTestGrid(p model.Project, w, h int) *Grid {
	g := NewGrid(newCommon(w, h), testKey, p)
	g.SetSize(w, h)
	return g
}

// press turns a key name as written in bindings ("down", "K", "alt+up",
// "ctrl+s", "shift+tab") into a key press.
func press(name string) tea.KeyPressMsg {
	var k tea.Key
	parts := strings.Split(name, "+")
	base := parts[len(parts)-1]
	for _, m := range parts[:len(parts)-1] {
		switch m {
		case "alt":
			k.Mod |= tea.ModAlt
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "shift":
			k.Mod |= tea.ModShift
		}
	}
	special := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "home": tea.KeyHome,
		"end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace,
	}
	if r, ok := special[base]; ok {
		k.Code = r
	} else {
		r := []rune(base)[0]
		k.Code = r
		if k.Mod == 0 {
			k.Text = base
		}
		if r >= 'A' && r <= 'Z' {
			k.Code = r + ('a' - 'A')
			k.ShiftedCode = r
			k.Mod |= tea.ModShift
		}
	}
	return tea.KeyPressMsg(k)
}

// typeText sends s as typed text, as an input method commits it.
func typeText(s string) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: tea.KeyExtended, Text: s}
}

// run sends msgs in order and returns the projectChangedMsgs the commands
// produced.
func run(t *testing.T, g *Grid, msgs ...tea.Msg) []projectChangedMsg {
	t.Helper()
	var out []projectChangedMsg
	for _, m := range msgs {
		out = append(out, changes(g.Update(m))...)
	}
	return out
}

func changes(cmd tea.Cmd) []projectChangedMsg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case projectChangedMsg:
		return []projectChangedMsg{m}
	case tea.BatchMsg:
		var out []projectChangedMsg
		for _, c := range m {
			out = append(out, changes(c)...)
		}
		return out
	}
	return nil
}

func keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = press(n)
	}
	return out
}

func TestGridCursorKeys(t *testing.T) {
	tests := []struct {
		name     string
		keys     []string
		row, col int
	}{
		{"down twice", []string{"down", "j"}, 2, 0},
		{"up stops at top", []string{"up", "k"}, 0, 0},
		{"right then left", []string{"right", "l", "l", "h"}, 0, 2},
		{"right stops at last column", []string{"end", "right", "l"}, 0, 5},
		{"home", []string{"l", "l", "home"}, 0, 0},
		{"tab crosses row end", []string{"end", "tab"}, 1, 0},
		{"shift+tab crosses row start", []string{"j", "shift+tab"}, 0, 5},
		{"G and g", []string{"G"}, 6, 0},
		{"g back to top", []string{"G", "l", "g"}, 0, 1},
		{"down stops at bottom", []string{"G", "down", "down"}, 6, 0},
		{"pgdown then pgup", []string{"pgdown", "pgup"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newTestGrid(legalAid(t), 80, 24)
			if got := run(t, g, keys(tt.keys...)...); len(got) != 0 {
				t.Fatalf("cursor keys changed the project: %d messages", len(got))
			}
			if r, c := g.Cursor(); r != tt.row || c != tt.col {
				t.Fatalf("cursor = (%d,%d), want (%d,%d)", r, c, tt.row, tt.col)
			}
		})
	}
}

func TestGridPageDownMovesByScreen(t *testing.T) {
	g := newTestGrid(manyRows(100), 80, 24)
	run(t, g, press("pgdown"))
	r, _ := g.Cursor()
	if r < 2 || r > 20 {
		t.Fatalf("pgdown moved to row %d; want a screenful (2..20)", r)
	}
	if !strings.Contains(ansi.Strip(g.View()), fmt.Sprintf("第%d项三级指标", r+1)) {
		t.Fatalf("row %d not on screen after pgdown", r)
	}
}

func TestGridEditCommitAndCancel(t *testing.T) {
	g := newTestGrid(legalAid(t), 80, 24)
	// Edit 三级指标 of row 2: clear it, type CJK through the input method.
	got := run(t, g, press("j"), press("l"), press("l"), press("e"))
	if !g.Editing() {
		t.Fatal("e did not open the editor")
	}
	got = append(got, run(t, g, press("ctrl+u"), typeText("提高援助"), typeText("质量"), press("enter"))...)
	if g.Editing() {
		t.Fatal("enter did not close the editor")
	}
	if len(got) != 1 {
		t.Fatalf("got %d change messages, want 1", len(got))
	}
	if got[0].Key != testKey || got[0].Project.ID != "p01" {
		t.Fatalf("message for %v/%s, want %v/p01", got[0].Key, got[0].Project.ID, testKey)
	}
	if v := got[0].Project.Indicators[1].L3; v != "提高援助质量" {
		t.Fatalf("committed L3 = %q, want 提高援助质量", v)
	}
	if v := g.Project().Indicators[1].L3; v != "提高援助质量" {
		t.Fatalf("grid holds %q", v)
	}

	// esc cancels: nothing sent, nothing changed.
	before := g.Project()
	got = run(t, g, press("e"), typeText("不要"), press("esc"))
	if len(got) != 0 || g.Editing() {
		t.Fatalf("esc: %d messages, editing=%v", len(got), g.Editing())
	}
	if !slices.Equal(g.Project().Indicators, before.Indicators) {
		t.Fatal("esc changed the project")
	}

	// Keys that mean something in the grid are text in the editor.
	got = run(t, g, press("e"), press("ctrl+u"), press("q"), press("j"), press("D"), press("u"), press("enter"))
	if len(got) != 1 || got[0].Project.Indicators[1].L3 != "qjDu" {
		t.Fatalf("editor did not take grid keys as text: %+v", got)
	}
}

func TestGridMessageIsACopy(t *testing.T) {
	g := newTestGrid(legalAid(t), 80, 24)
	got := run(t, g, press("D"))
	run(t, g, press("D"))
	if len(got) != 1 || len(got[0].Project.Indicators) != 6 {
		t.Fatalf("first delete's message changed after the second delete")
	}
}

func TestGridRowsAndUndo(t *testing.T) {
	orig := legalAid(t)
	g := newTestGrid(orig, 80, 24)
	n := len(orig.Indicators)

	// a: a row below, opened in the 一级 picker with 一级/二级 carried over.
	got := run(t, g, press("a"))
	if len(got) != 1 || len(got[0].Project.Indicators) != n+1 {
		t.Fatalf("a: %d messages", len(got))
	}
	if !g.Editing() {
		t.Fatal("a did not open the picker on the new row")
	}
	run(t, g, press("esc"))
	if r, _ := g.Cursor(); r != 1 {
		t.Fatalf("new row at %d, want 1", r)
	}
	if in := g.Project().Indicators[1]; in.L1 != orig.Indicators[0].L1 || in.L3 != "" {
		t.Fatalf("new row = %+v", in)
	}

	// O: a row above the cursor.
	run(t, g, press("O"), press("esc"))
	if r, _ := g.Cursor(); r != 1 || len(g.Project().Indicators) != n+2 {
		t.Fatalf("O: cursor %d, rows %d", r, len(g.Project().Indicators))
	}

	// D, J, K.
	got = run(t, g, press("u"), press("u"), press("D"))
	if len(got) != 3 || len(g.Project().Indicators) != n-1 || g.Project().Indicators[0] != orig.Indicators[1] {
		t.Fatalf("u u D: %d msgs, rows %d", len(got), len(g.Project().Indicators))
	}
	got = run(t, g, press("J"), press("alt+down"))
	if p := g.Project(); len(got) != 2 || p.Indicators[2] != orig.Indicators[1] {
		t.Fatalf("J alt+down: row 2 = %+v", p.Indicators[2])
	}
	if r, _ := g.Cursor(); r != 2 {
		t.Fatalf("cursor did not follow the moved row: %d", r)
	}
	run(t, g, press("K"))
	if g.Project().Indicators[1] != orig.Indicators[1] {
		t.Fatal("K did not move the row up")
	}

	// Undo everything back to the original, each step announced.
	got = run(t, g, press("u"), press("u"), press("u"), press("u"))
	if len(got) != 4 {
		t.Fatalf("undo sent %d messages, want 4", len(got))
	}
	if !slices.Equal(got[3].Project.Indicators, orig.Indicators) || !slices.Equal(g.Project().Indicators, orig.Indicators) {
		t.Fatalf("after undoing all: %+v", g.Project().Indicators)
	}
	if got := run(t, g, press("u")); len(got) != 0 {
		t.Fatal("undo with nothing to undo sent a message")
	}
}

func TestGridUndoDepth(t *testing.T) {
	orig := legalAid(t)
	g := newTestGrid(orig, 140, 40)
	const steps = 25
	for i := range steps {
		run(t, g, press("end"), press("e"), press("ctrl+u"), typeText(fmt.Sprintf("依据%d", i)), press("enter"))
	}
	if v := g.Project().Indicators[0].Basis; v != "依据24" {
		t.Fatalf("after edits: %q", v)
	}
	for range steps {
		if len(run(t, g, press("u"))) != 1 {
			t.Fatal("an undo step sent no message")
		}
	}
	if v := g.Project().Indicators[0].Basis; v != orig.Indicators[0].Basis {
		t.Fatalf("after %d undos: %q, want %q", steps, v, orig.Indicators[0].Basis)
	}
}

func TestGridPicker(t *testing.T) {
	tests := []struct {
		name  string
		col   int
		input []tea.Msg
		want  string
	}{
		{"enter keeps the current name", colL1, nil, "产出指标"},
		{"down picks the next name", colL1, keys("down"), "效益指标"},
		{"typing filters, enter takes the best match", colL1, []tea.Msg{press("ctrl+u"), typeText("满意")}, "满意度指标"},
		{"characters in order match", colL2, []tea.Msg{press("ctrl+u"), typeText("时效")}, "时效指标"},
		{"up from the best match keeps free text", colL1, []tea.Msg{press("ctrl+u"), typeText("产出")}, "产出指标"},
		{"free text when nothing matches", colL1, []tea.Msg{press("ctrl+u"), typeText("自定义一级")}, "自定义一级"},
		{"free text chosen over a match", colL1, []tea.Msg{press("ctrl+u"), typeText("效益"), press("up")}, "效益"},
		// Several lines first ask whether to insert them as rows; n keeps
		// them in the picker, as one line.
		{"paste is one line", colL2, []tea.Msg{press("ctrl+u"), tea.PasteMsg{Content: "自定\n二级"}, press("n")}, "自定 二级"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newTestGrid(legalAid(t), 80, 24)
			g.FocusCell(0, tt.col)
			run(t, g, press("enter"))
			if !g.Editing() {
				t.Fatal("enter on 一级/二级 did not open the picker")
			}
			got := run(t, g, append(tt.input, press("enter"))...)
			if v := g.Project().Indicators[0].Cell(tt.col); v != tt.want {
				t.Fatalf("cell = %q, want %q", v, tt.want)
			}
			if changed := g.Project().Indicators[0].Cell(tt.col) != legalAid(t).Indicators[0].Cell(tt.col); changed != (len(got) == 1) {
				t.Fatalf("changed=%v but %d messages", changed, len(got))
			}
		})
	}
}

func TestFilterNames(t *testing.T) {
	all := model.L2Names("")
	tests := []struct {
		q    string
		want []string
	}{
		{"", all},
		{"数量", []string{"数量指标"}},
		{"效益", []string{"经济效益指标", "社会效益指标", "生态效益指标"}},
		{"社效", []string{"社会效益指标"}},
		{"成本", []string{"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}},
		{"满 意", []string{"服务对象满意度指标"}},
		{"不存在", nil},
	}
	for _, tt := range tests {
		if got := filterNames(all, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("filterNames(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestGridTabWalksARow(t *testing.T) {
	g := newTestGrid(model.Project{ID: "x", Name: "新项目"}, 80, 24)
	got := run(t, g, press("a"))
	got = append(got, run(t, g,
		typeText("产出"), press("tab"), // picker: 产出指标
		typeText("数量"), press("tab"),
		typeText("咨询受理数"), press("tab"),
		typeText("受理案件数量"), press("tab"),
		typeText("≥260件"), press("tab"),
		typeText("受理案件数量"), press("enter"))...)
	want := model.Indicator{L1: "产出指标", L2: "数量指标", L3: "咨询受理数", Desc: "受理案件数量", Value: "≥260件", Basis: "受理案件数量"}
	if p := g.Project(); len(p.Indicators) != 1 || p.Indicators[0] != want {
		t.Fatalf("row = %+v", p.Indicators)
	}
	if len(got) != 7 || got[6].Project.Indicators[0] != want {
		t.Fatalf("%d messages; last %+v", len(got), got[len(got)-1].Project.Indicators)
	}
}

func TestGridPasteMultiLine(t *testing.T) {
	g := newTestGrid(legalAid(t), 80, 24)
	g.FocusCell(0, colDesc)
	text := "第一行说明\n第二行说明\n第三行\n第四行\n第五行"
	run(t, g, press("e"), press("ctrl+u"), tea.PasteMsg{Content: text})
	if g.mode != modeLarge {
		t.Fatalf("five pasted lines stayed in the cell editor (mode %d)", g.mode)
	}
	v := ansi.Strip(g.View())
	if !strings.Contains(v, "编辑 第 1 行 · 绩效指标描述") || !strings.Contains(v, "第五行") {
		t.Fatalf("large editor not shown:\n%s", v)
	}
	got := run(t, g, press("ctrl+s"))
	if len(got) != 1 || got[0].Project.Indicators[0].Desc != text {
		t.Fatalf("committed %+v", got)
	}
	// The cell shows the lines as lines.
	v = ansi.Strip(g.View())
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(v, l) {
			t.Fatalf("%q not shown:\n%s", l, v)
		}
	}
}
