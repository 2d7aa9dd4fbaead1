package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// TestE2EEditingNeverSurprises drives the real binary at 80×24 through the
// traps issue 11 fixed, in one session over a 60-project document: a
// project whose grid cells are first inherited then overwritten, Part 1
// edited with line breaks, the walk-through left with esc, / search in the
// 60-project list, and Markdown then CSV exported into a fresh folder
// without either overwriting the other.
func TestE2EEditingNeverSurprises(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	doc := model.Generate(60, 2)
	db := putDoc(t, doc)

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "抚宁区示例局", "1/1")
	s.Keys("Enter")
	s.WaitFor(wait, "项目 60", "第一部分 · 项目 60")

	// A new project with two indicator rows; the second row inherits
	// 一级/二级 and the short names typed over them replace them.
	s.Keys("G", "a")
	s.WaitFor(wait, "▸ 项目编码")
	s.Type("315-0499-JBN-E2E1")
	s.Keys("Tab")
	s.Type("调解员培训经费")
	s.Keys("Tab")
	s.Type("5")
	s.Keys("Tab")
	s.WaitFor(wait, "5.00", "已保存")
	s.Keys("C-g")
	s.WaitFor(wait, "还没有指标")
	s.Keys("a")
	s.WaitFor(wait, "›")
	for _, v := range []string{"产出", "数量", "培训人次", "培训调解员人次", "≥260人次", "计划标准"} {
		s.Type(v)
		s.Keys("Tab")
	}
	s.WaitFor(wait, "第 1/1 行", "≥260人次", "已保存")
	s.Keys("a")
	s.WaitFor(wait, "› 产出指标") // inherited from the row above
	for _, v := range []string{"产出", "质量", "培训合格率", "考核合格的比例", "≥90%", "历史标准"} {
		s.Type(v)
		s.Keys("Tab")
	}
	s.WaitFor(wait, "第 2/2 行", "≥90%", "已保存")
	// Typing over a filled cell replaces it.
	s.Keys("Up", "Home", "Right", "Right", "Right", "Right")
	s.WaitFor(wait, "第 1/2 行 · 指标值")
	s.Type("≥300人次")
	s.Keys("Enter")
	s.WaitFor(wait, "≥300人次", "已保存")
	if strings.Contains(s.Screen(), "≥260人次") {
		t.Fatalf("typing over the cell appended to it:\n%s", s.Screen())
	}
	s.Keys("Escape")
	s.WaitFor(wait, "资金支出计划") // the form under the grid
	s.Keys("Escape")
	s.WaitFor(wait, "项目 61/61", "调解员培训经费")

	// Part 1 with line breaks: alt+enter breaks the line, enter commits.
	s.Keys("g", "Enter", "Enter")
	s.WaitFor(wait, "alt+enter 换行", "enter 确定")
	s.Keys("C-u")
	s.Type("第一段")
	s.Keys("M-Enter")
	s.Type("第二段")
	s.Keys("Enter")
	s.WaitFor(wait, "一、总体绩效目标", "第一段 第二段", "已保存")
	s.Keys("Escape")
	s.WaitFor(wait, "第一部分 · 项目 61")

	// The walk, left with esc, returns to the document on its project.
	s.Keys("Down", "Down", "Down", "w")
	s.WaitFor(wait, "项目 1/61", "· 表单")
	s.Keys("C-n")
	s.WaitFor(wait, "· 指标表")
	s.Keys("Escape")
	s.WaitFor(wait, "项目 1/61", "预算数")
	if strings.Contains(s.Screen(), "逐项填写 ›") || strings.Contains(s.Screen(), "› 逐项填写") {
		t.Fatalf("esc did not leave the walk:\n%s", s.Screen())
	}

	// / search in the 61-project list.
	s.Keys("/")
	s.Type("智慧调解")
	s.WaitFor(wait, "/ 智慧调解", "项目 1/3 共 61", "智慧调解平台建设（2）")
	s.Keys("Enter", "Down", "Enter")
	s.WaitFor(wait, "▸ 项目编码", "智慧调解平台建设（2）")
	s.Keys("Escape")
	s.WaitFor(wait, "项目 2/3 共 61")
	s.Keys("Escape")
	s.WaitFor(wait, "项目 30/61")

	// Export Markdown then CSV into a fresh folder.
	dir := t.TempDir()
	md := filepath.Join(dir, export.DefaultFileName(doc, export.FormatMarkdown))
	csv := filepath.Join(dir, export.DefaultFileName(doc, export.FormatCSV))
	s.Keys("e")
	s.WaitFor(wait, "格式", "文件")
	s.Keys("Down", "C-a", "C-k")
	s.Type(md)
	s.Keys("Enter")
	s.WaitFor(wait, "已导出")
	s.Keys("Up", "Right") // CSV: the extension follows
	s.WaitFor(wait, "[•] CSV")
	s.Keys("Enter")
	s.WaitFor(wait, "已导出", ".csv")
	s.Keys("Enter") // again: the file is there now
	s.WaitFor(wait, "覆盖？")
	s.Keys("n")
	s.WaitFor(wait, "未导出")
	s.Keys("Escape")
	s.WaitFor(wait, "项目 30/61")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	b, err := os.ReadFile(md)
	if err != nil || !strings.HasPrefix(string(b), "#") {
		t.Fatalf("the Markdown file is not Markdown (or missing): %.40q %v", b, err)
	}
	if b, err := os.ReadFile(csv); err != nil || !strings.Contains(string(b), "调解员培训经费") {
		t.Fatalf("the CSV file lacks the new project: %v", err)
	}
	got := storetest.StoredDocument(t, db, doc.Key())
	if got.Overall != "第一段\n第二段" {
		t.Errorf("stored 总体绩效目标 %q", got.Overall)
	}
	p := got.Projects[len(got.Projects)-1]
	want := [][6]string{
		{"产出指标", "数量指标", "培训人次", "培训调解员人次", "≥300人次", "计划标准"},
		{"产出指标", "质量指标", "培训合格率", "考核合格的比例", "≥90%", "历史标准"},
	}
	if p.Name != "调解员培训经费" || len(p.Indicators) != len(want) {
		t.Fatalf("new project %q with %d rows: %+v", p.Name, len(p.Indicators), p.Indicators)
	}
	for i, w := range want {
		in := p.Indicators[i]
		if g := [6]string{in.L1, in.L2, in.L3, in.Desc, in.Value, in.Basis}; g != w {
			t.Errorf("row %d\n got %q\nwant %q", i+1, g, w)
		}
	}
}

// TestE2EHeaderMove edits the header in the real binary at 80×24: a 年度
// another document has is refused under the field with the typed year
// kept, a free one moves the document with its projects, and the
// document screen and the file follow.
func TestE2EHeaderMove(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	doc := model.Generate(12, 3)
	other := model.Document{UnitCode: doc.UnitCode, UnitName: "另一份", Year: doc.Year + 1, Status: model.StatusDraft}
	db := putDoc(t, doc, &other)
	taken, free := doc.Year+1, doc.Year+2

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "抚宁区示例局", "1/2")
	s.Keys("Enter")
	s.WaitFor(wait, "H 编辑表头", "项目 12")
	s.Keys("H")
	s.WaitFor(wait, "▸ 单位编码", "状态")
	s.Keys("Tab", "Tab", "C-u")
	s.Type(itoa(taken))
	s.Keys("Tab")
	s.WaitFor(wait, "年度：已有文本 "+doc.UnitCode+"/"+itoa(taken), "▸ 年度       "+itoa(taken))
	s.Keys("C-u")
	s.Type(itoa(free))
	s.Keys("Tab")
	s.WaitFor(wait, "▸ 编制单位", "已保存")
	s.Keys("Escape")
	s.WaitFor(wait, doc.UnitCode+"/"+itoa(free), itoa(free)+" 年", "项目 12")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}
	moved := storetest.StoredDocument(t, db, model.DocKey{UnitCode: doc.UnitCode, Year: free})
	if len(moved.Projects) != 12 || moved.UnitName != doc.UnitName {
		t.Fatalf("moved document: %d projects, %q", len(moved.Projects), moved.UnitName)
	}
	if o := storetest.StoredDocument(t, db, other.Key()); o.UnitName != "另一份" {
		t.Fatalf("the other document changed: %+v", o)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
