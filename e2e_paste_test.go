package main

import (
	"os"
	"path/filepath"
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// TestE2EPasteRowsIntoGrid drives the real binary in tmux at 80×24: six
// rows copied from a spreadsheet (tab-separated, CRLF, a quoted cell with a
// line break, the merged 一级 copied as blank) are pasted on the sample's
// first indicator grid, are found in the bbolt file, and one u takes them
// all back out of it.
func TestE2EPasteRowsIntoGrid(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := sampleDB(t)
	dir := filepath.Dir(db)
	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002")
	s.Keys("Enter")
	s.WaitFor(wait, "法律援助经费")
	s.Keys("Down", "Down", "Down", "i")
	s.WaitFor(wait, "第 1/7 行")

	s.Paste("产出指标\t数量指标\t宣传场次\t组织主题宣传活动\t≥4次\t计划标准\r\n" +
		"\t\t宣传资料\t\"印制宣传资料\n发放到村\"\t≥2000份\t计划标准\r\n" +
		"\t质量指标\t办结率\t法律援助案件办结率\t≥95%\t历史标准\r\n" +
		"\t时效指标\t及时率\t补贴按季度发放\t100%\t计划标准\r\n" +
		"效益指标\t社会效益指标\t知晓率\t群众法律知晓率\t≥70%\t行业标准\r\n" +
		"满意度指标\t服务对象满意度指标\t满意度\t受援群众满意程度\t≥90%\t行业标准\r\n")
	s.WaitFor(wait, "粘贴了 6 行，已保存", "第 2/13 行", "宣传场次")

	// What is on disk now (the app holds the file's lock: read a copy).
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(dir, "snapshot.db")
	if err := os.WriteFile(snap, data, 0o600); err != nil {
		t.Fatal(err)
	}
	key := model.DocKey{UnitCode: "315002", Year: 2020}
	sample := model.Sample().Projects[0].Indicators
	ins := storetest.StoredDocument(t, snap, key).Projects[0].Indicators
	want := []model.Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "宣传场次", Desc: "组织主题宣传活动", Value: "≥4次", Basis: "计划标准"},
		{L1: "产出指标", L2: "数量指标", L3: "宣传资料", Desc: "印制宣传资料\n发放到村", Value: "≥2000份", Basis: "计划标准"},
		{L1: "产出指标", L2: "质量指标", L3: "办结率", Desc: "法律援助案件办结率", Value: "≥95%", Basis: "历史标准"},
		{L1: "产出指标", L2: "时效指标", L3: "及时率", Desc: "补贴按季度发放", Value: "100%", Basis: "计划标准"},
		{L1: "效益指标", L2: "社会效益指标", L3: "知晓率", Desc: "群众法律知晓率", Value: "≥70%", Basis: "行业标准"},
		{L1: "满意度指标", L2: "服务对象满意度指标", L3: "满意度", Desc: "受援群众满意程度", Value: "≥90%", Basis: "行业标准"},
	}
	if len(ins) != len(sample)+6 || ins[0] != sample[0] || ins[7] != sample[1] {
		t.Fatalf("stored after the paste: %d rows %+v", len(ins), ins)
	}
	for i, w := range want {
		if ins[1+i] != w {
			t.Errorf("stored row %d: %+v, want %+v", 2+i, ins[1+i], w)
		}
	}

	s.Keys("u")
	s.WaitGone(wait, "粘贴了 6 行")
	s.WaitFor(wait, "第 1/7 行", "已保存")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}
	ins = storetest.StoredDocument(t, db, key).Projects[0].Indicators
	if len(ins) != len(sample) {
		t.Fatalf("after u: %d rows stored, want %d", len(ins), len(sample))
	}
	for i := range ins {
		if ins[i] != sample[i] {
			t.Errorf("after u, row %d: %+v", i+1, ins[i])
		}
	}
}
