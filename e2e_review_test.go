package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/tmuxtest"
)

// TestE2EReviewFixAndExport drives the real binary in tmux at 80×24 as the
// accountant reviewing the sample would: open the findings panel, jump to
// the **平米 placeholder, type the real target, see the error count drop,
// export Markdown from the dialog and find the file on disk.
func TestE2EReviewFixAndExport(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := sampleDB(t)
	dir := filepath.Dir(db)

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002", "4 错 53 警") // home's 问题数, checked after the list showed
	s.Keys("Enter")
	s.WaitFor(wait, "问题 4 错 53 警", "1 错 3 警")

	s.Keys("v")
	s.WaitFor(wait, "审核问题  4 个错误，53 个警告", "“**平米”是占位符")
	for range 6 { // the seventh finding: 公用取暖费, row 1, 指标值
		s.Keys("Down")
	}
	s.Keys("Enter")
	s.WaitFor(wait, "第 1/7 行 · 指标值", "“**平米”是占位符")

	s.Keys("Enter")      // edit the cell
	s.Keys("C-a", "C-k") // clear it
	s.Type("1200平方米")
	s.Keys("Enter")
	s.WaitFor(wait, "1200平方", "已保存") // wrapped in its 80-column cell
	s.WaitGone(wait, "占位符")
	s.Keys("Escape")
	s.WaitFor(wait, "问题 3 错 53 警", "3 警")

	out := filepath.Join(dir, "抚宁-export.md")
	s.Keys("e")
	s.WaitFor(wait, "导出 抚宁区司法局", "格式", "Markdown")
	s.Keys("Down", "C-a", "C-k")
	s.Type(out)
	s.Keys("Enter")
	s.WaitFor(wait, "已导出：")
	s.Keys("Escape") // alone: escape then q at once reads as alt+q
	s.WaitFor(wait, "问题 3 错 53 警")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{"抚宁区司法局", "公用取暖费", "1200平方米", "效果指标"} {
		if !strings.Contains(md, want) {
			t.Errorf("exported Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "平米") {
		t.Error("exported Markdown still has the **平米 placeholder")
	}
}
