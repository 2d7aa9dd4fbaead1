package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// sampleKey is the sample document's key.
var sampleKey = model.DocKey{UnitCode: "315002", Year: 2020}

// storedProjects reads the sample document's projects back from the file.
func (h *harness) storedProjects() []model.Project {
	h.t.Helper()
	doc, err := h.st.Document(sampleKey)
	if err != nil {
		h.t.Fatal(err)
	}
	return doc.Projects
}

// TestAddProjectFillFormAndReopen types a project from scratch: the new
// project opens with the cursor in 项目编码, every field is written when
// the cursor leaves it, and a second run of the app finds it all.
func TestAddProjectFillFormAndReopen(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("G", "a") // after the last project
	h.mustSee("▸ 项目编码")
	fill := []string{"315-0404-JBN-TEST", "法律援助经费（复制）", "16", "12"}
	for _, v := range fill {
		h.typeText(v)
		h.keys("tab")
	}
	h.mustSee("预算数 16.00 ≠ 财政资金 + 其他资金 12.00", "回车采用 4.00")
	h.keys("enter") // takes the offered 其他资金
	h.send(pasteMsg("法律援助机构信息化网络化建设，\n案件补贴律师值班补贴"))
	h.keys("tab")
	for _, v := range []string{"20", "40", "60", "100"} {
		h.typeText(v)
		h.keys("tab")
	}
	h.typeText("法律援助")
	h.keys("esc") // cancels the typed 绩效目标
	h.keys("esc") // nothing to cancel: back to the document
	h.mustSee("315-0404-JBN-TEST", "已保存 15:04:05")

	ps := h.storedProjects()
	if len(ps) != 10 {
		t.Fatalf("%d projects stored, want 10", len(ps))
	}
	p := ps[9]
	want := model.Project{
		ID: p.ID, Code: "315-0404-JBN-TEST", Name: "法律援助经费（复制）",
		Budget: model.MoneyUnits(16_0000), Fiscal: model.MoneyUnits(12_0000), Other: model.MoneyUnits(4_0000),
		Use:  "法律援助机构信息化网络化建设，\n案件补贴律师值班补贴",
		Plan: model.Plan{Mar: model.PercentHundredths(20_00), Jun: model.PercentHundredths(40_00), Oct: model.PercentHundredths(60_00), Dec: model.PercentHundredths(100_00)},
	}
	// 绩效目标 was typed but cancelled with esc: not kept.
	if p.Code != want.Code || p.Name != want.Name || p.Budget != want.Budget || p.Fiscal != want.Fiscal ||
		p.Other != want.Other || p.Use != want.Use || p.Plan != want.Plan || p.Goal != "" {
		t.Errorf("stored project\n got %+v\nwant %+v", p, want)
	}

	h2 := h.reopen(80, 24)
	h2.keys("enter", "G")
	h2.mustSee("315-0404-JBN-TEST", "法律援助经费（复制）", "16.00")
}

func TestMoneyFieldKeepsLastGoodValue(t *testing.T) {
	tests := []struct {
		typed string
		err   string
	}{
		{"abc", "预算数：不是有效的数字"},
		{"-3", "预算数：不能为负数"},
		{"1.23456", "预算数：小数位数太多"},
		{"99999999999", "预算数：数额太大"},
	}
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.openSample()
			h.keys("down", "down", "down", "enter") // 法律援助经费
			h.keys("tab", "tab")                    // 预算数
			h.keys("ctrl+u")                        // clear the line
			h.typeText(tc.typed)
			h.keys("tab")
			h.mustSee(tc.err, "▸ 预算数")
			if got := h.storedProjects()[0].Budget.String(); got != "16.00" {
				t.Errorf("stored 预算数 = %q, want the last good 16.00", got)
			}
			h.keys("esc") // cancels the bad text, back to 16.00
			h.mustSee("16.00")
			h.keys("tab")
			h.mustSee("▸ 财政资金")
		})
	}
}

func TestPlanNoteSaysCumulative(t *testing.T) {
	tests := []struct {
		plan []string
		note string
	}{
		{[]string{"20", "10", "60", "100"}, "6月底 10.00 小于前一期 20.00"},
		{[]string{"20", "40", "60", "90"}, "12月底应为 100.00"},
		{[]string{"20", "40", "60", "100"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.note, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.openSample()
			h.keys("down", "down", "down", "enter")
			for range 6 {
				h.keys("tab")
			}
			h.mustSee("累计：3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底 = 100")
			for _, v := range tc.plan {
				h.keys("ctrl+u")
				h.typeText(v)
				h.keys("tab")
			}
			s := h.screen()
			if tc.note != "" {
				h.mustSee(tc.note)
			} else if strings.Contains(s, "小于前一期") || strings.Contains(s, "应为 100") {
				t.Errorf("a good plan shows a warning:\n%s", s)
			}
		})
	}
}

func TestQuitKeepsTheFieldBeingTyped(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "tab")
	h.keys("ctrl+u")
	h.typeText("法律援助经费（改）")
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if got := h.storedProjects()[0].Name; got != "法律援助经费（改）" {
		t.Errorf("stored 项目名称 = %q after ctrl+c", got)
	}
}

func TestFormToGridAndBack(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "ctrl+g")
	h.mustSee("指标表 法律援助经费")
	h.keys("esc")
	h.mustSee("▸ 项目编码")
	h.keys("esc")
	h.mustSee("项目 9")
}

func TestProjectFormGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.openSample()
		h.keys("down", "down", "down", "enter")
		h.checkSize(sz[0], sz[1])
		h.golden(goldenName("projectform", sz))
	}
}

// TestGridFromFormSeesTheLastField opens the grid from the form while the
// write of the field just typed has not come back (its savedMsg is held):
// the grid must open at once on the new value, or its own next write would
// bring the old one back.
func TestGridFromFormSeesTheLastField(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "tab", "ctrl+u")
	h.typeText("新名称")
	h.holdSaved = true
	h.keys("ctrl+g")
	if len(h.held) != 1 {
		t.Fatalf("%d writes held back, want 1", len(h.held))
	}
	g, ok := h.app.top().(*gridScreen)
	if !ok {
		t.Fatalf("top screen is %T, want the grid", h.app.top())
	}
	if got := g.Project().Name; got != "新名称" {
		t.Errorf("grid opened with 项目名称 %q, want 新名称", got)
	}
	h.holdSaved = false
	h.send(h.held[0])
	if got := h.storedProjects()[0].Name; got != "新名称" {
		t.Errorf("stored 项目名称 %q", got)
	}
}

// TestOpenProjectReadsAfterQueuedWrites opens a project while a write of
// it is still running: the read waits for it and the form shows the write.
func TestOpenProjectReadsAfterQueuedWrites(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	p := h.storedProjects()[0]
	p.Name = "写入中的名称"
	_, write := h.app.Update(projectChangedMsg{Key: sampleKey, Project: p})
	h.keys("down", "down", "down", "enter") // the read is queued behind the write
	if _, ok := h.app.top().(*projectForm); ok {
		t.Fatal("the form opened before the write finished")
	}
	h.send(write())
	h.mustSee("▸ 项目编码", "写入中的名称")
}
