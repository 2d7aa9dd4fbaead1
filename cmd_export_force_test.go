package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportRefusesToOverwrite: export never writes over a file without
// --force, and says so in Chinese, naming the file.
func TestExportRefusesToOverwrite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "jixiao.db")
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatalf("sample: %d %s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "out.md")
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, nil, "export", "--db", db, "-o", out)
	if code == exitOK || !strings.Contains(errOut, "文件已存在："+out) || !strings.Contains(errOut, "--force") {
		t.Fatalf("export over a file: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Fatal("the file was written over without --force")
	}
	code, stdout, errOut := runCLI(t, nil, "export", "--db", db, "-o", out, "--force")
	if code != exitOK || !strings.HasPrefix(stdout, "已写入 ") {
		t.Fatalf("export --force: %d %q %q", code, stdout, errOut)
	}
}
