package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// TestE2EReviewMode drives the real binary in tmux at 80×24 as a reviewer
// would: in the review mode (r) three projects get a status, a note on the
// project (two lines, alt+enter between them) and a note on a row; after
// quitting and reopening the app every one of them is there, in the
// document list, the home list and the review mode. The Markdown export
// from the dialog has each project's 审核意见 section, and the CSV with its
// two review columns goes through export → import → export unchanged.
func TestE2EReviewMode(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := sampleDB(t)
	dir := filepath.Dir(db)

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002", "4 错 ")
	s.Keys("Enter")
	s.WaitFor(wait, "问题 4 错 ", "已审核 0/9")
	s.Keys("j", "j", "j", "r") // on the first project
	s.WaitFor(wait, "项目 1/9", "法律援助经费", "审核问题与意见", "没有项目意见")

	type review struct {
		status     string // the key
		note1      string // the project note's two lines
		note2      string
		down       int // rows down to the row noted
		row        string
		statusWant model.ReviewStatus
	}
	reviews := []review{
		{"x", "预算数偏大", "请补充测算依据", 2, "指标值为空，请填写", model.ReviewChanges},
		{"a", "同意", "资金用途清楚", 0, "依据请写明标准", model.ReviewApproved},
		{"x", "绩效目标过于笼统", "请量化", 3, "满意度应不低于80%", model.ReviewChanges},
	}
	for i, r := range reviews {
		if i > 0 {
			s.Keys("n")
			s.WaitFor(wait, "项目 "+string(rune('1'+i))+"/9")
		}
		s.Keys(r.status)
		s.WaitFor(wait, r.statusWant.String()+"  ")
		s.Keys("m")
		s.WaitFor(wait, "项目意见 · ", "alt+enter 换行")
		s.Type(r.note1)
		s.Keys("M-Enter")
		s.Type(r.note2)
		s.Keys("Enter")
		s.WaitFor(wait, "✎ 项目意见："+r.note1, r.note2)
		for range r.down {
			s.Keys("j")
		}
		s.Keys("M")
		s.WaitFor(wait, "行意见 · ")
		s.Type(r.row)
		s.Keys("Enter")
		s.WaitFor(wait, "意见："+r.row, "意见 2 条")
	}
	s.WaitFor(wait, "已审核 1/9，需修改 2", "已保存")
	s.Keys("Escape")
	s.WaitFor(wait, "问题 4 错 ", "已审核 1/9", "需修改")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	// In the file, exactly as typed.
	doc := storetest.StoredDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2020})
	for i, r := range reviews {
		p := doc.Projects[i]
		if p.Review != (model.Review{Status: r.statusWant, Note: r.note1 + "\n" + r.note2}) || p.Indicators[r.down].Note != r.row || p.Notes() != 2 {
			t.Errorf("project %d stored as %+v, row %d note %q", i+1, p.Review, r.down+1, p.Indicators[r.down].Note)
		}
	}

	// Reopened: the home list, the document list and the review mode show it.
	s = tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002", "1/9 改2")
	s.Keys("Enter")
	s.WaitFor(wait, "已审核 1/9，需修改 2", "需修改", "已审核")
	s.Keys("r")
	s.WaitFor(wait, "项目 1/9", "需修改", "✎ 项目意见：预算数偏大", "请补充测算依据", "第 3 行意见：指标值为空，请填写")
	s.Keys("n")
	s.WaitFor(wait, "项目 2/9", "已审核", "✎ 项目意见：同意", "资金用途清楚", "第 1 行意见：依据请写明标准")
	s.Keys("n")
	s.WaitFor(wait, "项目 3/9", "需修改", "✎ 项目意见：绩效目标过于笼统", "第 4 行意见：满意度应不低于80%")
	s.Keys("Escape")
	s.WaitFor(wait, "问题 4 错 ")

	// The findings panel lists the notes beside the findings.
	s.Keys("v")
	s.WaitFor(wait, "审核意见 6 条", "✎ 意见 项目：预算数偏大")
	s.Keys("Escape") // alone: escape then e at once reads as alt+e
	s.WaitFor(wait, "315002/2020  问题 4 错 ")

	// Markdown from the export dialog.
	md := filepath.Join(dir, "审核.md")
	s.Keys("e")
	s.WaitFor(wait, "导出 抚宁区司法局", "格式", "Markdown")
	s.Keys("Down", "C-a", "C-k")
	s.Type(md)
	s.Keys("Enter")
	s.WaitFor(wait, "已导出：")
	s.Keys("Escape")
	s.WaitFor(wait, "问题 4 错 ")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"审核进度：已审核 1/9，需修改 2",
		"#### 审核意见\n\n审核状态：需修改\n\n预算数偏大\\\n请补充测算依据\n\n",
		"|   3 | 组织主题宣传活动场次 | 指标值为空，请填写 |",
		"审核状态：已审核\n\n同意\\\n资金用途清楚",
		"审核状态：未审核",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("exported Markdown lacks %q", want)
		}
	}
	if n := strings.Count(string(b), "#### 审核意见\n"); n != 9 {
		t.Errorf("%d 审核意见 sections, want 9", n)
	}

	// CSV: the two review columns, and export → import → export unchanged.
	first, err := exec.Command(bin, "export", "--db", db, "--format", "csv", "-o", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(first, []byte("\n"))
	if !bytes.HasSuffix(head, []byte(",指标值确定依据,审核状态,审核意见")) ||
		!bytes.Contains(first, []byte(",需修改,\"预算数偏大\n请补充测算依据\"\n")) {
		t.Errorf("CSV header or review columns:\n%s", first[:min(len(first), 600)])
	}
	file := filepath.Join(dir, "审核.csv")
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	db2 := filepath.Join(dir, "copy.db")
	if out, err := exec.Command(bin, "import", file, "--db", db2).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	second, err := exec.Command(bin, "export", "--db", db2, "--format", "csv", "-o", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("CSV export → import → export differs")
	}
}
