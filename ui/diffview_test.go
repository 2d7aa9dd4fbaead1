package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store/storetest"
)

// TestDiffScreen: d on 315002/2021 offers 2020 first (then the copy kept
// at an export, then other units), shows the five changes with the
// counts, scrolls, and enter on a row change opens that cell of the grid.
func TestDiffScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	st := openStore(t, path)
	other := model.Sample()
	other.UnitCode, other.UnitName = "999001", "别的单位"
	for _, d := range []*model.Document{model.Sample(), storetest.FiveChanges(), other} {
		if err := st.PutDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	sent := storetest.FiveChanges()
	sent.Projects[0].Name = "法律援助"
	if err := st.SaveSnapshot(sent, time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC), "md"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	h := openHarness(t, path, 80, 24)
	h.keys("down", "enter") // 315002/2021
	h.mustSee("抚宁区司法局  2021 年")
	h.keys("d")
	h.mustSee("与哪份文本对比？", "315002/2020 抚宁区司法局", "导出时的副本", "999001/2020 别的单位")
	scr := h.screen()
	if strings.Index(scr, "315002/2020 抚宁区司法局") > strings.Index(scr, "导出时的副本") ||
		strings.Index(scr, "导出时的副本") > strings.Index(scr, "999001/2020") {
		t.Errorf("choices out of order:\n%s", scr)
	}
	h.checkSize(80, 24)
	h.keys("enter")
	h.mustSee("变动对比：315002/2020 → 315002/2021", "共 5 处变动：项目改名 1，金额变动 1，目标用途变动 1，新增指标 1，指标值变动 1。",
		"指标值：≥260件 → ≥300件", "预算数：4.64 → 5.00（+0.36）")
	h.checkSize(80, 24)
	h.keys("G")
	h.mustSee("项目名称：社区矫正经费 → 社区矫正工作经费")
	h.checkSize(80, 24)

	// Back to the choice, and the copy as sent: only the name differs.
	h.keys("esc", "down", "enter")
	h.mustSee("共 1 处变动：项目改名 1。", "项目名称：法律援助 → 法律援助经费")
	h.keys("esc", "up", "enter", "g", "enter")
	h.mustSee("指标表 法律援助经费", "第 1/7 行 · 指标值")
}

// TestExportKeepsSnapshot: an export from the app keeps the document as
// written, by time.
func TestExportKeepsSnapshot(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	dir := t.TempDir()
	h.keys("e")
	h.mustSee("导出")
	h.keys("tab")
	h.send(keyMsg("ctrl+u"))
	h.typeText(filepath.Join(dir, "a.md"))
	h.keys("enter")
	h.mustSee("已导出")
	list, err := h.st.Snapshots(model.DocKey{UnitCode: "315002", Year: 2020})
	if err != nil || len(list) != 1 || !list[0].At.Equal(fixedNow) || list[0].Note != "md "+filepath.Join(dir, "a.md") || list[0].Projects != 9 {
		t.Fatalf("snapshots %+v %v", list, err)
	}
}
