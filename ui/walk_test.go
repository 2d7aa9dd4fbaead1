package ui

import (
	"fmt"
	"strings"
	"testing"

	"jixiao/model"
)

func TestWalkThroughSteps(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("w")
	h.mustSee("第一部分 部门整体绩效目标", "ctrl+n 下一步")
	h.keys("ctrl+p")
	h.mustSee("已是第一步")
	h.keys("ctrl+n")
	h.mustSee("项目 1/9 法律援助经费 · 表单", "▸ 项目编码")
	h.keys("ctrl+n")
	h.mustSee("项目 1/9 法律援助经费 · 指标表", "咨询受理案件数量")
	h.keys("ctrl+n")
	h.mustSee("项目 2/9 公用取暖费 · 表单")
	h.keys("ctrl+p", "ctrl+p")
	h.mustSee("项目 1/9 法律援助经费 · 表单")
	h.checkSize(80, 24)
}

func TestWalkKeepsTypedFieldAndProgress(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	p := h.storedProjects()[0]
	s := model.Summarize(&p)
	h.keys("down", "down", "down", "w") // from the selected project
	h.mustSee("项目 1/9 法律援助经费 · 表单", fmt.Sprintf(" %d/%d ", s.Filled, s.Fields))
	for range 10 { // to 绩效目标
		h.keys("tab")
	}
	h.keys("ctrl+u")
	h.mustSee("▸ 绩效目标")
	h.typeText("为困难群众提供法律援助")
	h.keys("ctrl+n") // leaves the form: the typed goal is kept
	h.mustSee("项目 1/9 法律援助经费 · 指标表")
	if got := h.storedProjects()[0].Goal; got != "为困难群众提供法律援助" {
		t.Errorf("stored 绩效目标 = %q", got)
	}
}

func TestWalkEscReturnsToTheDocument(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("w", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n") // project 2's grid
	h.mustSee("项目 2/9 公用取暖费 · 指标表")
	h.keys("esc")
	h.mustSee("项目 9") // the document screen, not the grid the walk showed
	if strings.Contains(h.screen(), "› 逐项填写") || strings.Contains(h.screen(), "指标表 公用取暖费") {
		t.Fatalf("esc did not leave the walk for the document:\n%s", h.screen())
	}
	// The cursor is on the project the walk was on: enter opens it.
	h.keys("enter")
	h.mustSee("项目 公用取暖费", "▸ 项目编码")
	h.keys("esc")
	// From Part 1, esc lands on Part 1's entry; the next keys are list
	// keys there, not edits of a 保障措施 item.
	h.keys("g", "w", "down", "down", "esc")
	h.mustSee("项目 9")
	if strings.Contains(h.screen(), "› 逐项填写") || strings.Contains(h.screen(), "一、总体绩效目标") {
		t.Fatalf("esc from the walk's Part 1 did not go back to the document:\n%s", h.screen())
	}
	h.keys("enter")
	h.mustSee("二、分项绩效目标")
}

func TestWalkGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.openSample()
		h.keys("w", "ctrl+n")
		h.checkSize(sz[0], sz[1])
		h.golden(goldenName("walk", sz))
	}
}
