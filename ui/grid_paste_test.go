package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// excelRows is a range as Excel puts it on the clipboard: six rows of the
// six columns, CRLF, the merged 一级 copied as blank, a cell with a line
// break in quotes.
const excelRows = "产出指标\t数量指标\t宣传场次\t组织主题宣传活动\t≥4次\t计划标准\r\n" +
	"\t\t宣传资料\t\"印制宣传资料\n发放到村\"\t≥2000份\t计划标准\r\n" +
	"\t质量指标\t办结率\t法律援助案件办结率\t≥95%\t历史标准\r\n" +
	"\t时效指标\t及时率\t补贴按季度发放\t100%\t计划标准\r\n" +
	"效益指标\t社会效益指标\t知晓率\t群众法律知晓率\t≥70%\t行业标准\r\n" +
	"满意度指标\t服务对象满意度指标\t满意度\t受援群众满意程度\t≥90%\t行业标准\r\n"

func TestGridPasteRows(t *testing.T) {
	p := legalAid(t)
	g := newTestGrid(p, 100, 30)
	g.FocusCell(1, colL1)
	got := run(t, g, pasteMsg(excelRows))
	if len(got) != 1 || got[0].Done != "粘贴了 6 行" {
		t.Fatalf("changes %+v", got)
	}
	ins := got[0].Project.Indicators
	if len(ins) != len(p.Indicators)+6 {
		t.Fatalf("%d rows", len(ins))
	}
	want := []model.Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "宣传场次", Desc: "组织主题宣传活动", Value: "≥4次", Basis: "计划标准"},
		{L1: "产出指标", L2: "数量指标", L3: "宣传资料", Desc: "印制宣传资料\n发放到村", Value: "≥2000份", Basis: "计划标准"},
		{L1: "产出指标", L2: "质量指标", L3: "办结率", Desc: "法律援助案件办结率", Value: "≥95%", Basis: "历史标准"},
		{L1: "产出指标", L2: "时效指标", L3: "及时率", Desc: "补贴按季度发放", Value: "100%", Basis: "计划标准"},
	}
	for i, w := range want {
		if ins[2+i] != w {
			t.Errorf("row %d: %+v, want %+v", 3+i, ins[2+i], w)
		}
	}
	if ins[1] != p.Indicators[1] || ins[8] != p.Indicators[2] {
		t.Error("the rows around the paste changed")
	}
	if r, _ := g.Cursor(); r != 2 {
		t.Errorf("cursor on row %d, want the first pasted row", r+1)
	}
	// One u takes the whole paste back.
	got = run(t, g, press("u"))
	if len(got) != 1 || len(got[0].Project.Indicators) != len(p.Indicators) {
		t.Fatalf("after u: %+v", got)
	}
	for i, in := range got[0].Project.Indicators {
		if in != p.Indicators[i] {
			t.Errorf("after u, row %d: %+v", i+1, in)
		}
	}
}

func TestGridPasteColumnsFromTheCursor(t *testing.T) {
	p := legalAid(t)
	g := newTestGrid(p, 100, 30)
	g.FocusCell(0, colL3)
	got := run(t, g, pasteMsg("受理数\t描述\t≥1件\t计划标准\n"))
	if len(got) != 1 {
		t.Fatalf("changes %+v", got)
	}
	in := got[0].Project.Indicators[1]
	if in != (model.Indicator{L1: p.Indicators[0].L1, L2: p.Indicators[0].L2, L3: "受理数", Desc: "描述", Value: "≥1件", Basis: "计划标准"}) {
		t.Errorf("pasted row %+v", in)
	}

	// Five columns do not fit from 三级: refused, nothing changed.
	g = newTestGrid(p, 100, 30)
	g.FocusCell(0, colL3)
	cmd := g.Update(pasteMsg("a\tb\tc\td\te\r\n"))
	msg, ok := cmd().(errMsg)
	if !ok || !strings.Contains(msg.Err.Error(), "粘贴的内容有 5 列，从“三级指标”起只放得下 4 列，没有粘贴") {
		t.Fatalf("too wide: %#v", cmd())
	}
	if len(g.Project().Indicators) != len(p.Indicators) {
		t.Error("a refused paste changed the grid")
	}

	// One line without tabs edits the cell, as before.
	g = newTestGrid(p, 100, 30)
	g.FocusCell(0, colValue)
	run(t, g, pasteMsg("≥300件"))
	if !g.Editing() || !strings.Contains(g.editor.Value(), "≥300件") {
		t.Errorf("a one-line paste did not go into the cell editor (%q)", g.editor.Value())
	}
}

// TestGridPasteSavedAndUndone: through the app and a real file, the paste
// is stored in one write, the status line says so, and u stores the grid
// as it was.
func TestGridPasteSavedAndUndone(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.openSample()
	h.keys("down", "down", "down", "i")
	h.mustSee("第 1/7 行")
	h.send(pasteMsg(excelRows))
	h.mustSee("粘贴了 6 行，已保存", "第 2/13 行")
	stored := func() []model.Indicator {
		t.Helper()
		doc, err := h.st.Document(model.Sample().Key())
		if err != nil {
			t.Fatal(err)
		}
		return doc.Projects[0].Indicators
	}
	ins := stored()
	if len(ins) != 13 || ins[1].L3 != "宣传场次" || ins[2].L1 != "产出指标" || ins[2].Desc != "印制宣传资料\n发放到村" || ins[6].L1 != "满意度指标" {
		t.Fatalf("stored rows: %+v", ins)
	}
	h.keys("u")
	h.mustSee("第 1/7 行", "已保存")
	if ins := stored(); len(ins) != 7 || ins[1] != model.Sample().Projects[0].Indicators[1] {
		t.Fatalf("after u, stored rows: %+v", ins)
	}
}

// TestGridPasteIntoEditorOffersRows: several lines pasted into an open
// editor of a one-line column ask first; y inserts them as rows below, n
// puts them in the cell as before. Several lines into 描述 are its text.
func TestGridPasteIntoEditorOffersRows(t *testing.T) {
	p := legalAid(t)
	block := "受理数\t描述一\t≥1件\r\n办结率\t描述二\t≥95%\r\n"

	g := newTestGrid(p, 100, 30)
	g.FocusCell(0, colL3)
	run(t, g, press("enter"))
	if got := run(t, g, pasteMsg(block)); len(got) != 0 || !strings.Contains(g.View(), "粘贴的是 2 行：y 插入为新行，n/esc 粘进本格") {
		t.Fatalf("no question:\n%s", g.View())
	}
	run(t, g, press("x")) // other keys wait for the answer
	got := run(t, g, press("y"))
	if len(got) != 1 || got[0].Done != "粘贴了 2 行" || g.Editing() {
		t.Fatalf("y: %+v (editing %v)", got, g.Editing())
	}
	ins := got[0].Project.Indicators
	if len(ins) != len(p.Indicators)+2 || ins[1].L3 != "受理数" || ins[2].Value != "≥95%" || ins[1].L1 != p.Indicators[0].L1 || ins[0] != p.Indicators[0] {
		t.Errorf("rows %+v", ins[:3])
	}

	g = newTestGrid(p, 100, 30)
	g.FocusCell(0, colValue)
	run(t, g, press("enter"), press("ctrl+u"))
	run(t, g, pasteMsg("≥1件\n≥2件"))
	if got := run(t, g, press("n")); len(got) != 0 || !g.Editing() || !strings.Contains(g.editor.Value(), "≥1件\n≥2件") {
		t.Fatalf("n: %+v, editor %q", got, g.editor.Value())
	}

	g = newTestGrid(p, 100, 30)
	g.FocusCell(0, colDesc)
	run(t, g, press("enter"), press("ctrl+u"))
	run(t, g, pasteMsg("第一行\n第二行"))
	if strings.Contains(g.View(), "粘贴的是") || !strings.Contains(g.editor.Value(), "第一行\n第二行") {
		t.Fatalf("a paragraph pasted into 描述 was not its text: %q", g.editor.Value())
	}
}

// TestGridPasteIntoEmptyGrid: rows pasted on a grid without rows become
// its rows; nothing is above them to fill 一级/二级 from.
func TestGridPasteIntoEmptyGrid(t *testing.T) {
	g := newTestGrid(model.Project{ID: "p", Name: "新项目"}, 80, 24)
	got := run(t, g, pasteMsg("\t数量指标\t受理数\r\n\t\t办结率\r\n"))
	if len(got) != 1 || len(got[0].Project.Indicators) != 2 {
		t.Fatalf("changes %+v", got)
	}
	ins := got[0].Project.Indicators
	if ins[0] != (model.Indicator{L2: "数量指标", L3: "受理数"}) || ins[1] != (model.Indicator{L2: "数量指标", L3: "办结率"}) {
		t.Errorf("rows %+v", ins)
	}
	if r, c := g.Cursor(); r != 0 || c != colL1 {
		t.Errorf("cursor at %d,%d", r, c)
	}
	run(t, g, press("u"))
	if n := len(g.Project().Indicators); n != 0 {
		t.Errorf("%d rows after u", n)
	}
	if !strings.Contains(g.View(), "共 0 行") {
		t.Errorf("view after u:\n%s", g.View())
	}
}

// TestGridApplyPasteReverses: taking a paste out and putting it back are
// each other's reverse (what a redo needs).
func TestGridApplyPasteReverses(t *testing.T) {
	p := legalAid(t)
	g := newTestGrid(p, 100, 30)
	g.FocusCell(2, colL3)
	got := run(t, g, pasteMsg("a\tb\r\nc\td\r\n"))
	after := got[0].Project.Indicators
	inv := g.applyPaste(undoOp{Kind: undoPaste, Row: 3, To: 2})
	if len(g.project.Indicators) != len(p.Indicators) || inv.Kind != undoUnpaste || len(inv.Inds) != 2 || inv.Inds[1].L3 != "c" {
		t.Fatalf("out: %d rows, inverse %+v", len(g.project.Indicators), inv)
	}
	back := g.applyPaste(inv)
	if back.Kind != undoPaste || back.Row != 3 || back.To != 2 || len(g.project.Indicators) != len(after) {
		t.Fatalf("back in: %+v, %d rows", back, len(g.project.Indicators))
	}
	for i := range after {
		if g.project.Indicators[i] != after[i] {
			t.Errorf("row %d: %+v, want %+v", i+1, g.project.Indicators[i], after[i])
		}
	}
}
