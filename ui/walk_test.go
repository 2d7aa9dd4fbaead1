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

func TestWalkEscLeavesWhereYouAre(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("w", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n") // project 2's grid
	h.mustSee("项目 2/9 公用取暖费 · 指标表")
	h.keys("esc")
	h.mustSee("指标表 公用取暖费")
	if strings.Contains(h.screen(), "逐项填写") {
		t.Fatalf("still in the walk:\n%s", h.screen())
	}
	h.keys("esc")
	h.mustSee("项目 9") // the document screen
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
