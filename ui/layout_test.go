package ui

import (
	"slices"
	"testing"

	"jixiao/model"
)

// TestLayoutOnTheDocumentScreen: the document screen shows the 指标体系
// the rules follow (detected from the rows until one is set); L steps it
// through auto, 2020年式 and 101号, saves it at once, checks the document
// again, and the grid's pickers follow it.
func TestLayoutOnTheDocumentScreen(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.mustSee("指标体系 自动识别：2020年式（成本指标在产出指标下）", "问题 4 错 53 警")

	h.keys("L")
	h.mustSee("指标体系 2020年式（成本指标在产出指标下）  L 切换", "问题 4 错 53 警")
	if got := h.storedHeader().Layout; got != model.Layout2020 {
		t.Fatalf("stored layout %q after one L", got)
	}
	pickers := func() (l1, l2 []string) {
		h.keys("down", "down", "down", "i") // 法律援助经费's grid
		g := h.topGrid()
		g.FocusCell(0, colL1)
		h.keys("enter")
		l1 = slices.Clone(g.picker.names)
		h.keys("esc")
		g.FocusCell(0, colL2)
		h.keys("enter")
		l2 = slices.Clone(g.picker.names)
		h.keys("esc", "esc")
		h.mustSee("指标体系")
		return l1, l2
	}
	l1, l2 := pickers()
	if slices.Contains(l1, model.L1Cost) || !slices.Contains(l2, model.L2Cost) {
		t.Errorf("2020年式 pickers: 一级 %v, 产出's 二级 %v", l1, l2)
	}

	// 101号: the sample's 成本 rows under 产出 now go against the layout.
	h.keys("L")
	h.mustSee("指标体系 财预〔2021〕101号（成本指标为一级指标）")
	if got := h.storedHeader().Layout; got != model.Layout101 {
		t.Fatalf("stored layout %q after two L", got)
	}
	h.mustSee("问题 4 错 61 警")
	l1, l2 = pickers()
	if !slices.Contains(l1, model.L1Cost) || slices.Contains(l2, model.L2Cost) {
		t.Errorf("101号 pickers: 一级 %v, 产出's 二级 %v", l1, l2)
	}
	h.keys("v")
	h.mustSee("本文档设定为财预〔2021〕101号格式")
	h.keys("esc")

	h.keys("L")
	h.mustSee("指标体系 自动识别：2020年式", "问题 4 错 53 警")
	if got := h.storedHeader().Layout; got != model.LayoutAuto {
		t.Fatalf("stored layout %q after three L", got)
	}
	h.checkSize(80, 24)
}

// TestPartOneFindings: an empty Part 1 is reported in the review, under
// its own heading, and counted in the document's 问题数.
func TestPartOneFindings(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.openSample()
	d := h.storedHeader()
	c := headerCopy(d)
	c.Overall = ""
	_, cmd := h.app.Update(headerChangedMsg{Doc: c})
	h.run(cmd)
	h.mustSee("问题 4 错 54 警")
	h.keys("v")
	h.mustSee("第一部分 部门整体绩效目标  1 警", "总体绩效目标未填写", "1. 法律援助经费")
	// enter on it opens Part 1 on 总体绩效目标.
	h.keys("enter")
	if _, ok := h.app.top().(*part1); !ok {
		t.Fatalf("enter on a Part 1 finding opened %T:\n%s", h.app.top(), h.screen())
	}
	h.mustSee("总体绩效目标")
}
