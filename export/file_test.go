package export

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"jixiao/model"
)

func TestDefaultFileName(t *testing.T) {
	tests := []struct {
		unit, code string
		format     Format
		want       string
	}{
		{"抚宁区司法局", "315002", FormatMarkdown, "抚宁区司法局-2020-绩效目标.md"},
		{"抚宁区司法局", "315002", FormatCSV, "抚宁区司法局-2020-绩效目标.csv"},
		{"../../etc/passwd", "1", FormatCSV, "_.._etc_passwd-2020-绩效目标.csv"},
		{`a\b:c*d?e"f<g>h|i`, "1", FormatMarkdown, "a_b_c_d_e_f_g_h_i-2020-绩效目标.md"},
		{"  司法局\n", "1", FormatMarkdown, "司法局-2020-绩效目标.md"},
		{"司法\t局", "1", FormatMarkdown, "司法_局-2020-绩效目标.md"},
		{"", "315002", FormatMarkdown, "315002-2020-绩效目标.md"},
		{"...", "", FormatMarkdown, "单位-2020-绩效目标.md"},
	}
	for _, tt := range tests {
		d := &model.Document{UnitName: tt.unit, UnitCode: tt.code, Year: 2020}
		if got := DefaultFileName(d, tt.format); got != tt.want {
			t.Errorf("DefaultFileName(%q, %s) = %q, want %q", tt.unit, tt.format, got, tt.want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	d := model.Sample()
	path := filepath.Join(dir, DefaultFileName(d, FormatCSV))
	if err := WriteFile(path, d, nil, Options{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	WriteCSV(&want, d, CSVOptions{})
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatal("file differs from WriteCSV")
	}
	// A failed export (GBK cannot hold the emoji) keeps the earlier file
	// and leaves no temporary file behind.
	d.Projects[0].Goal = "😀"
	if err := WriteFile(path, d, nil, Options{Format: FormatCSV, CSV: CSVOptions{Encoding: EncodingGBK}}); err == nil {
		t.Fatal("GBK export of an emoji succeeded")
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Error("failed export changed the earlier file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.md"), d, nil, Options{}); err == nil {
		t.Error("export into a missing folder succeeded")
	}
}
