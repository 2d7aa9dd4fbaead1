package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// Issue 11: editing that never surprises.

// TestPickerTypingReplacesTheInheritedName adds a row (it inherits 一级
// and 二级 from the row above) and types a short name into each picker:
// the typed text replaces the inherited one and the list filters on it,
// so 产出 + tab is 产出指标, never 产出指标产出.
func TestPickerTypingReplacesTheInheritedName(t *testing.T) {
	p := model.Project{ID: "p", Indicators: []model.Indicator{{L1: "产出指标", L2: "数量指标", L3: "三级"}}}
	g := newTestGrid(p, 80, 24)
	// A message that is no key (the cursor's blink) leaves the picker fresh.
	run(t, g, press("a"), struct{}{}, typeText("产"), typeText("出"), press("tab"), typeText("质量"), press("tab"))
	in := g.Project().Indicators[1]
	if in.L1 != "产出指标" || in.L2 != "质量指标" {
		t.Errorf("typed 产出 / 质量 over inherited names: got 一级 %q 二级 %q", in.L1, in.L2)
	}
	// Confirmed without typing, the inherited name stays.
	run(t, g, press("esc"), press("a"), press("tab"), press("tab"))
	if in := g.Project().Indicators[2]; in.L1 != "产出指标" || in.L2 != "质量指标" {
		t.Errorf("confirmed untouched: got 一级 %q 二级 %q", in.L1, in.L2)
	}
}

// TestGridTypingOverACellReplacesIt: a printable key on a cell starts an
// edit that replaces the cell (spreadsheet habit); enter, e and f2 edit it
// keeping the text.
func TestGridTypingOverACellReplacesIt(t *testing.T) {
	p := model.Project{ID: "p", Indicators: []model.Indicator{{L1: "产出指标", L2: "数量指标", L3: "三级", Value: "≥260件"}}}
	g := newTestGrid(p, 80, 24)
	g.FocusCell(0, colValue)
	run(t, g, typeText("≥"), typeText("300件"), press("enter"))
	if got := g.Project().Indicators[0].Value; got != "≥300件" {
		t.Errorf("typed over ≥260件: got %q, want ≥300件", got)
	}
	for _, k := range []string{"enter", "e", "f2"} {
		run(t, g, press(k), typeText("（改）"), press("enter"))
	}
	if got := g.Project().Indicators[0].Value; got != "≥300件（改）（改）（改）" {
		t.Errorf("enter/e/f2 then typing: got %q, want the text kept and added to", got)
	}
}

// TestMultiLineEditorsEnterCommitsAltEnterBreaksEscAsks: in Part 1's text
// area enter commits, alt+enter is a line break (the footer says both),
// and esc after typing asks 放弃修改？ instead of dropping the text.
func TestMultiLineEditorsEnterCommitsAltEnterBreaksEscAsks(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("enter", "enter", "ctrl+u")
	h.mustSee("enter 确定", "alt+enter 换行")
	h.typeText("第一段")
	h.keys("alt+enter")
	h.typeText("第二段")
	h.keys("esc")
	h.mustSee("放弃修改？y 确定，n/esc 取消")
	h.keys("n") // keep typing
	h.typeText("。")
	h.keys("enter")
	if got := h.storedHeader().Overall; got != "第一段\n第二段。" {
		t.Fatalf("stored 总体绩效目标 = %q, want the two lines committed by enter", got)
	}
	h.mustSee("一、总体绩效目标", "第一段 第二段。") // back on the list
	// Changed again and given up with y: what is stored stays.
	h.keys("enter")
	h.typeText("多余")
	h.keys("esc", "y")
	h.mustSee("一、总体绩效目标")
	if got := h.storedHeader().Overall; got != "第一段\n第二段。" {
		t.Errorf("after 放弃修改 y: stored %q", got)
	}
}

// TestGridLargerEditorEscAsks: esc in a cell editor holding more than a
// line asks before dropping it.
func TestGridLargerEditorEscAsks(t *testing.T) {
	g := newTestGrid(legalAid(t), 80, 24)
	g.FocusCell(0, colDesc)
	run(t, g, press("enter"), typeText("甲"), press("alt+enter"), typeText("乙"), press("esc"))
	if !g.Editing() || !strings.Contains(g.View(), "放弃修改？") {
		t.Fatalf("esc dropped two lines without asking:\n%s", g.View())
	}
	run(t, g, press("n"), press("enter"))
	if got := g.Project().Indicators[0].Desc; !strings.HasSuffix(got, "甲\n乙") {
		t.Errorf("after n and enter: %q", got)
	}
}

// TestAddedProjectShowsAtOnce: a project added and named shows in the
// list, its count and totals at once (before any reload: the writes are
// held); one added and left untouched is dropped on esc, and the status
// line says so.
func TestAddedProjectShowsAtOnce(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("G", "a")
	h.mustSee("▸ 项目编码")
	h.holdSaved = true
	h.keys("tab")
	h.typeText("新加的项目")
	h.keys("tab") // 预算数
	h.typeText("3")
	h.keys("tab", "esc")
	h.mustSee("项目 10", "新加的项目", "预算数 210.09", "项目 10/10")
	h.holdSaved = false
	for _, m := range h.held {
		h.send(m)
	}
	h.keys("a", "esc")
	h.mustSee("新项目未填写，未保留", "项目 10  指标", "项目 10/10")
	if n := len(h.storedProjects()); n != 10 {
		t.Errorf("%d projects stored, want the 9 and the one named", n)
	}
}

// TestUndoSurvivesLeavingTheGrid edits a cell, leaves the grid and opens
// it again: u still takes the edit back, u with nothing left says so, and
// ctrl+r does it again.
func TestUndoSurvivesLeavingTheGrid(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	orig := h.storedProjects()[0].Indicators[0].L3
	h.keys("down", "down", "down", "i", "right", "right", "enter", "ctrl+u")
	h.typeText("改过的三级指标")
	h.keys("enter", "esc")
	h.mustSee("项目 9")
	h.keys("i")
	h.mustSee("改过的三级指标")
	h.keys("u")
	if got := h.storedProjects()[0].Indicators[0].L3; got != orig {
		t.Fatalf("u after reopening the grid: stored %q, want %q", got, orig)
	}
	h.keys("u")
	h.mustSee("没有可撤销的操作")
	h.keys("ctrl+r")
	if got := h.storedProjects()[0].Indicators[0].L3; got != "改过的三级指标" {
		t.Fatalf("ctrl+r: stored %q", got)
	}
	h.keys("ctrl+r")
	h.mustSee("没有可重做的操作")
}

// TestHelpPageFitsSmallTerminals opens the ? page over the grid (the most
// keys) at 80×24 and 60×16: reading it with ↓, every key and what it does
// is on screen at some point, none cut off on the right.
func TestHelpPageFitsSmallTerminals(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		h := newHarness(t, 80, 24)
		h.openSample()
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		h.keys("down", "down", "down", "i", "?")
		seen := ""
		for range 20 {
			h.checkSize(sz[0], sz[1])
			for _, l := range strings.Split(h.screen(), "\n") {
				seen += strings.Join(strings.Fields(l), " ") + "\n" // the key column is padded
			}
			h.keys("down")
		}
		km := h.app.common.Keys
		for _, g := range append(km.gridHelp(), km.globalHelp()...) {
			for _, b := range g {
				if want := b.Help().Key + " " + b.Help().Desc; !strings.Contains(seen, want) {
					t.Errorf("%dx%d: the ? page never shows %q whole", sz[0], sz[1], want)
				}
			}
		}
	}
}

// TestGridTitleKeepsThePosition: a long project name gives way to 第 n/7 行.
func TestGridTitleKeepsThePosition(t *testing.T) {
	p := legalAid(t)
	p.Name = strings.Repeat("很长的项目名称", 12)
	g := newTestGrid(p, 80, 24)
	if first := strings.SplitN(g.View(), "\n", 2)[0]; !strings.Contains(first, "第 1/7 行") {
		t.Errorf("the title lost the position: %q", first)
	}
}

// TestNextFindingWithNoneLeft: ] past the last finding says 没有更多问题
// instead of going round (the ? page test sees ] and [ in the grid's help).
func TestNextFindingWithNoneLeft(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("G", "i")
	for range 20 {
		h.keys("]")
	}
	h.mustSee("没有更多问题")
}

// TestAmountsInWanYuanOrYuan: the form shows 万元 beside the amounts,
// takes 84万元 and 840,000元 (converted exactly), and asks 是否以元填写？
// about a bare 50000 without changing it.
func TestAmountsInWanYuanOrYuan(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "tab", "tab") // 预算数
	h.mustSee("16.00 万元")
	h.typeText("84万元")
	h.keys("tab")
	h.typeText("840,000元")
	h.keys("tab")
	h.typeText("50000")
	h.keys("tab")
	p := h.storedProjects()[0]
	if p.Budget.String() != "84.00" || p.Fiscal.String() != "84.00" || p.Other.String() != "50000.00" {
		t.Fatalf("stored 预算数 %s 财政资金 %s 其他资金 %s", p.Budget, p.Fiscal, p.Other)
	}
	h.mustSee("是否以元填写？50000.00 元 = 5.00 万元")
}

// TestYuanQuestionFollowsTheUnit: 是否以元填写？ is asked about an amount
// out of scale with the unit's other projects, not about every large
// number: in the sample (the other projects 191.09 万 in all) 50000 is
// asked about, 16000 (1.6 亿, unusual but not 元) is not.
func TestYuanQuestionFollowsTheUnit(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "tab", "tab") // 预算数 of 法律援助经费
	h.typeText("16000")
	h.keys("tab")
	if strings.Contains(h.screen(), "是否以元填写") {
		t.Fatalf("16000 asked about:\n%s", h.screen())
	}
	h.keys("shift+tab")
	h.typeText("50000")
	h.keys("tab")
	h.mustSee("是否以元填写？50000.00 元 = 5.00 万元")
}
