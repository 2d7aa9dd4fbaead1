package ui

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
)

// TestExportDialogXLSXAndHTML: ←/→ on the format row go through Markdown,
// CSV, Excel and HTML; a path still at its default follows the format's
// extension; the Excel and HTML files written are the workbook jixiao
// import reads back and the self-contained page, each with the 审核问题
// the dialog promises (as jixiao export writes them).
func TestExportDialogXLSXAndHTML(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		ext   string
		check func(t *testing.T, b []byte)
	}{
		{"excel", []string{"right", "right"}, ".xlsx", func(t *testing.T, b []byte) {
			wi, err := export.ReadXLSX(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("the workbook does not read back: %v", err)
			}
			if wi.Key.UnitCode != "315002" || len(wi.Projects) != 9 || wi.Header == nil {
				t.Errorf("read back %v with %d projects", wi.Key, len(wi.Projects))
			}
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			f, err := zr.Open("xl/workbook.xml")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			wb, _ := io.ReadAll(f)
			if !strings.Contains(string(wb), `name="`+export.SheetFindings+`"`) {
				t.Errorf("no %s sheet: %s", export.SheetFindings, wb)
			}
		}},
		{"html", []string{"left"}, ".html", func(t *testing.T, b []byte) {
			if !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "法律援助经费") {
				t.Errorf("html starts %q", b[:min(len(b), 60)])
			}
			if !strings.Contains(string(b), "审核问题（4 个错误，53 个警告）") {
				t.Error("the page has no 审核问题 section")
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.openSample()
			h.keys("e")
			h.mustSee("导出")
			h.keys(tc.keys...)
			d := h.app.top().(*exportDialog)
			if got := d.path.Value(); !strings.HasSuffix(got, "-绩效目标"+tc.ext) {
				t.Errorf("default path %q, want the %s extension", got, tc.ext)
			}
			h.mustSee("[•] " + map[string]string{".xlsx": "Excel", ".html": "HTML"}[tc.ext])
			h.keys("down")
			path := filepath.Join(t.TempDir(), "out"+tc.ext)
			h.keys("ctrl+a", "ctrl+k")
			h.typeText(path)
			h.keys("enter")
			h.mustSee("已导出")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, b)
		})
	}
}
