package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
)

// TestExportFollowsFormatAsksBeforeOverwriting exports Markdown, then CSV,
// into a fresh folder: the file name's extension follows the format (the
// user never named the file), so the Markdown file is not written over;
// exporting again asks 覆盖？; the dialog opens next time in that folder.
func TestExportFollowsFormatAsksBeforeOverwriting(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	dir := t.TempDir()
	doc := model.Sample()
	md := filepath.Join(dir, export.DefaultFileName(doc, export.FormatMarkdown))
	csv := filepath.Join(dir, export.DefaultFileName(doc, export.FormatCSV))

	h.keys("e", "down") // the path
	h.keys("ctrl+a", "ctrl+k")
	h.typeText(md)
	h.keys("enter")
	h.mustSee("已导出")
	h.keys("up", "right") // CSV: the path follows
	if got := h.app.top().(*exportDialog).path.Value(); got != csv {
		t.Fatalf("path after switching to CSV = %q, want %q", got, csv)
	}
	h.keys("enter")
	h.mustSee("已导出")
	b, err := os.ReadFile(md)
	if err != nil || !strings.HasPrefix(string(b), "#") {
		t.Fatalf("the Markdown file was written over (or is gone): %.40q %v", b, err)
	}
	if b, err := os.ReadFile(csv); err != nil || !strings.HasPrefix(string(b), "\ufeff") {
		t.Fatalf("no CSV at %s: %.40q %v", csv, b, err)
	}

	// Again: the file exists, so it asks; n leaves it alone.
	if err := os.WriteFile(csv, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.keys("enter")
	h.mustSee("文件已存在", "覆盖？y 确定，n/esc 取消")
	h.keys("n")
	h.mustSee("未导出")
	if b, _ := os.ReadFile(csv); string(b) != "mine" {
		t.Fatal("n wrote over the file")
	}
	h.keys("enter", "y")
	h.mustSee("已导出")
	if b, _ := os.ReadFile(csv); string(b) == "mine" {
		t.Fatal("y did not write over the file")
	}

	// The dialog remembers the folder for the run.
	h.keys("esc", "e")
	if got := filepath.Dir(h.app.top().(*exportDialog).path.Value()); got != dir {
		t.Errorf("the dialog opens in %q, want the last folder %q", got, dir)
	}
}
