package ui

import (
	"reflect"
	"testing"

	"jixiao/model"
)

func (h *harness) storedHeader() *model.Document {
	h.t.Helper()
	doc, _, err := h.st.Header(sampleKey)
	if err != nil {
		h.t.Fatal(err)
	}
	return doc
}

func TestPart1OverallIsMultiLine(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("enter") // 总体绩效目标
	h.mustSee("一、总体绩效目标", "二、分项绩效目标")
	h.keys("enter")
	h.keys("ctrl+u") // the cursor is at the end: delete-to-start clears the one line
	h.typeText("第一段")
	h.keys("alt+enter") // a line break; enter would commit
	h.typeText("第二段")
	h.keys("ctrl+s")
	if got := h.storedHeader().Overall; got != "第一段\n第二段" {
		t.Errorf("stored 总体绩效目标 = %q", got)
	}
	h.mustSee("第一段 第二段")
}

func TestPart1GoalsAddEditDeleteReorder(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	orig := h.storedHeader().Goals
	h.keys("down", "enter") // 分项绩效目标, cursor on goal 1
	h.mustSee("1、绩效目标：人民调解工作")

	h.keys("a") // a new goal after the first
	h.typeText("安置帮教工作")
	h.keys("tab")
	h.typeText("做好刑满释放人员衔接")
	h.keys("ctrl+s")
	goals := h.storedHeader().Goals
	if len(goals) != len(orig)+1 || goals[1] != (model.Goal{Goal: "安置帮教工作", Indicator: "做好刑满释放人员衔接"}) {
		t.Fatalf("after add: %d goals, second %+v", len(goals), goals[1])
	}

	h.keys("K") // move the new goal to the top
	if g := h.storedHeader().Goals[0].Goal; g != "安置帮教工作" {
		t.Fatalf("after K the first goal is %q", g)
	}
	h.keys("D", "y")
	if got := h.storedHeader().Goals; !reflect.DeepEqual(got, orig) {
		t.Fatalf("after delete goals = %+v, want the original", got)
	}

	h.keys("a", "esc") // added and left empty: not kept
	if got := h.storedHeader().Goals; !reflect.DeepEqual(got, orig) {
		t.Fatalf("an empty goal was kept: %d goals", len(got))
	}
}

func TestPart1MeasuresEdit(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "enter") // 工作保障措施
	h.mustSee("（一）")
	h.keys("enter", "tab", "ctrl+u")
	h.typeText("全面加强支出管理。")
	h.keys("tab")
	m := h.storedHeader().Measures[0]
	if m.Content != "全面加强支出管理。" {
		t.Errorf("stored measure = %+v", m)
	}
	h.keys("esc", "esc")
	h.mustSee("抚宁区司法局  2020 年")
}

// TestPart1ReopenedAtOnceShowsTheEdit leaves Part 1 and opens it again
// before any reload could come back: the second visit starts from the
// edit, so its next write does not undo it.
func TestPart1ReopenedAtOnceShowsTheEdit(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("enter", "enter", "ctrl+u")
	h.typeText("新的总体目标")
	h.holdSaved = true // the app hears of no finished write, so no reload
	h.keys("ctrl+s", "esc", "enter")
	h.mustSee("新的总体目标")
	h.holdSaved = false
	for _, m := range h.held {
		h.send(m)
	}
	if got := h.storedHeader().Overall; got != "新的总体目标" {
		t.Errorf("stored 总体绩效目标 = %q", got)
	}
}
