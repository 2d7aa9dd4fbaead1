package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// wait is how long an end-to-end step may take on a loaded CI machine.
const wait = 20 * time.Second

// TestE2ETypeDocumentFromScratch drives the real binary in tmux at 80×24 as
// an accountant would: create a document, add a project with CJK text, fill
// its form and three indicator rows with the keyboard alone, quit, reopen,
// and find everything there — on screen and in the bbolt file.
func TestE2ETypeDocumentFromScratch(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := filepath.Join(t.TempDir(), "jixiao.db")

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "还没有任何文本", "按 n 新建")

	// New document.
	s.Keys("n")
	s.WaitFor(wait, "新建文本", "单位编码")
	for i, v := range []string{"315002", "抚宁区司法局", "2021", "司法局", "秦皇岛市抚宁区财政局"} {
		if i > 0 {
			s.Keys("Tab")
		}
		s.Type(v)
	}
	s.Keys("Enter")
	s.WaitFor(wait, "抚宁区司法局  2021 年", "项目 0", "已保存")

	// New project: its form opens with the cursor in 项目编码.
	s.Keys("a")
	s.WaitFor(wait, "项目编码", "资金支出计划")
	for i, v := range []string{"315-0404-JBN-PIZB", "法律援助经费", "16", "16.00"} {
		if i > 0 {
			s.Keys("Tab")
		}
		s.Type(v)
	}
	s.Keys("Tab") // to 其他资金, which offers 预算数 − 财政资金
	s.WaitFor(wait, "0.00（预算数 − 财政资金）")
	s.Keys("Enter") // take the offer; enter also moves on to 资金用途
	s.Type("法律援助机构信息化网络化建设，做到应援尽援")
	for _, v := range []string{"20", "40", "60", "100"} {
		s.Keys("Tab")
		s.Type(v)
	}
	s.Keys("Tab")
	s.Type("为经济困难群众提供法律援助")
	s.Keys("Tab")
	s.WaitFor(wait, "100.00", "已保存")

	// Its indicator grid: three rows, typed cell by cell (tab commits a
	// cell and opens the next; 一级/二级 open a picker filtered as you type).
	s.Keys("C-g")
	s.WaitFor(wait, "还没有指标")
	typeRows(s, [][6]string{
		{"产出", "数量", "法律援助咨询、案件受理数", "咨询受理案件数量", "≥260件", "计划标准"},
		{"产出", "质量", "法律援助案件办结率", "办结案件占受理案件的比例", "≥75%", "历史标准"},
		{"满意", "服务", "群众满意度", "接受援助群众的满意程度", "≥90%", "其他标准"},
	})
	s.WaitFor(wait, "第 3/3 行", "≥260件", "≥75%", "≥90%", "已保存")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	// Reopen: the document, the project and its grid are all there.
	s = tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002", "抚宁区司法局", "2021")
	s.Keys("Enter")
	s.WaitFor(wait, "预算数 16.00", "项目 1  指标 3", "315-0404-JBN-PIZB", "法律援助经费")
	s.Keys("q")
	s.WaitExit(wait)

	doc := storetest.StoredDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2021})
	if doc.UnitName != "抚宁区司法局" || doc.Compiler != "司法局" || doc.Reviewer != "秦皇岛市抚宁区财政局" {
		t.Errorf("header = %q %q %q", doc.UnitName, doc.Compiler, doc.Reviewer)
	}
	if len(doc.Projects) != 1 {
		t.Fatalf("%d projects, want 1", len(doc.Projects))
	}
	p := doc.Projects[0]
	got := strings.Join([]string{p.Code, p.Name, p.Budget.String(), p.Fiscal.String(), p.Other.String(), p.Use,
		p.Plan.Mar.String(), p.Plan.Jun.String(), p.Plan.Oct.String(), p.Plan.Dec.String(), p.Goal}, "|")
	want := "315-0404-JBN-PIZB|法律援助经费|16.00|16.00|0.00|法律援助机构信息化网络化建设，做到应援尽援|20.00|40.00|60.00|100.00|为经济困难群众提供法律援助"
	if got != want {
		t.Errorf("project\n got %s\nwant %s", got, want)
	}
	wantRows := [][6]string{
		{"产出指标", "数量指标", "法律援助咨询、案件受理数", "咨询受理案件数量", "≥260件", "计划标准"},
		{"产出指标", "质量指标", "法律援助案件办结率", "办结案件占受理案件的比例", "≥75%", "历史标准"},
		{"满意度指标", "服务对象满意度指标", "群众满意度", "接受援助群众的满意程度", "≥90%", "其他标准"},
	}
	if len(p.Indicators) != len(wantRows) {
		t.Fatalf("%d indicators, want %d: %+v", len(p.Indicators), len(wantRows), p.Indicators)
	}
	for i, w := range wantRows {
		in := p.Indicators[i]
		if g := [6]string{in.L1, in.L2, in.L3, in.Desc, in.Value, in.Basis}; g != w {
			t.Errorf("row %d\n got %q\nwant %q", i+1, g, w)
		}
	}
}

// typeRows adds one grid row per entry with a, typing its six cells with
// tab between them (一级/二级 through the picker, which starts with the
// row above's name: ctrl+u clears it) and enter after the last.
func typeRows(s *tmuxtest.Session, rows [][6]string) {
	for _, r := range rows {
		s.Keys("a")
		s.WaitFor(wait, "›")
		for c, v := range r {
			if c > 0 {
				s.Keys("Tab")
			}
			if c < 2 {
				s.Keys("C-u")
			}
			s.Type(v)
		}
		s.Keys("Enter")
	}
}

// TestE2ETypeSeedTable types the seed's 法律援助经费 绩效目标表 from scratch
// with the keyboard alone — the form and all seven indicator rows, with the
// seed's own oddities (an empty value, 效果指标 as a 二级 of 产出指标, the
// older 一级 name 效果指标, ≥65百分率) — then reopens the file and finds
// exactly the sample's project.
func TestE2ETypeSeedTable(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := filepath.Join(t.TempDir(), "jixiao.db")
	want := model.Sample().Projects[0]

	s := tmuxtest.Start(t, 100, 30, nil, bin, "--db", db)
	s.WaitFor(wait, "按 n 新建")
	s.Keys("n")
	s.WaitFor(wait, "单位编码")
	for i, v := range []string{"315002", "抚宁区司法局", "2020", "司法局", "秦皇岛市抚宁区财政局"} {
		if i > 0 {
			s.Keys("Tab")
		}
		s.Type(v)
	}
	s.Keys("C-s")
	s.WaitFor(wait, "抚宁区司法局  2020 年", "已保存")

	s.Keys("a")
	s.WaitFor(wait, "资金支出计划")
	s.Type(want.Code)
	s.Keys("Tab")
	s.Type(want.Name)
	s.Keys("Tab")
	s.Type(want.Budget.String())
	s.Keys("Tab")
	s.Type(want.Fiscal.String())
	s.Keys("Tab", "Tab") // 其他资金 left blank, as in the seed
	s.Type(want.Use)
	for _, m := range want.Plan.Months() {
		s.Keys("Tab")
		s.Type(m.String())
	}
	s.Keys("Tab")
	s.Type(want.Goal)
	s.Keys("Tab")
	s.WaitFor(wait, "100.00", "已保存")

	s.Keys("C-g")
	s.WaitFor(wait, "还没有指标")
	var rows [][6]string
	for _, in := range want.Indicators {
		rows = append(rows, [6]string{in.L1, in.L2, in.L3, in.Desc, in.Value, in.Basis})
	}
	typeRows(s, rows)
	s.WaitFor(wait, "第 7/7 行", "≥65百分率", "已保存")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	// Reopen the app: the grid shows the table as typed.
	s = tmuxtest.Start(t, 100, 30, nil, bin, "--db", db)
	s.WaitFor(wait, "315002")
	s.Keys("Enter")
	s.WaitFor(wait, want.Code)
	s.Keys("Down", "Down", "Down", "i")
	s.WaitFor(wait, "第 1/7 行", "≥260件", "高效高质量", "≥30 人次", "≥65百分率")
	s.Keys("q")
	s.WaitExit(wait)

	doc := storetest.StoredDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2020})
	if len(doc.Projects) != 1 {
		t.Fatalf("%d projects, want 1", len(doc.Projects))
	}
	got := doc.Projects[0]
	got.ID = want.ID
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored project differs from the seed's\n got %+v\nwant %+v", got, want)
	}
}
