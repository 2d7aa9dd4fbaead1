package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWindowsArchive builds the windows/amd64 archive as the release does
// (go build for real) and reads it back as a person unzipping it would:
// one folder holding jixiao.exe, 使用说明.txt (BOM, CRLF, no test markers)
// and SHA256SUMS.txt whose sums are those of the other two.
func TestWindowsArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds jixiao for windows/amd64")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	st := stamp{Version: "1.2.3", Commit: strings.Repeat("ab", 20), Date: time.Date(2026, 11, 30, 15, 25, 24, 0, time.UTC)}
	manual := releaseManual([]byte("# 使用说明\n\n<!-- keys:全局 -->\n| 按键 | 作用 |\n<!-- /keys -->\n"))
	name, data, err := buildArchive(root, t.TempDir(), target{"windows", "amd64"}, st, manual)
	if err != nil {
		t.Fatal(err)
	}
	if name != "jixiao_1.2.3_windows_amd64.zip" {
		t.Errorf("archive name %s", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[strings.TrimPrefix(f.Name, "jixiao_1.2.3_windows_amd64/")] = b
	}
	want := "jixiao_1.2.3_windows_amd64/ jixiao_1.2.3_windows_amd64/jixiao.exe jixiao_1.2.3_windows_amd64/使用说明.txt jixiao_1.2.3_windows_amd64/SHA256SUMS.txt"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("entries\n%s\nwant\n%s", got, want)
	}
	exe := files["jixiao.exe"]
	if !bytes.HasPrefix(exe, []byte("MZ")) {
		t.Errorf("jixiao.exe is not a Windows executable")
	}
	for _, s := range []string{"1.2.3", st.Commit, "2026-11-30T15:25:24Z"} {
		if !bytes.Contains(exe, []byte(s)) {
			t.Errorf("jixiao.exe is not stamped with %s", s)
		}
	}
	if doc, want := string(files["使用说明.txt"]), "\ufeff# 使用说明\r\n\r\n| 按键 | 作用 |\r\n"; doc != want {
		t.Errorf("使用说明.txt %q, want %q", doc, want)
	}
	var sums strings.Builder
	for _, n := range []string{"jixiao.exe", "使用说明.txt"} {
		h := sha256.Sum256(files[n])
		sums.WriteString(hex.EncodeToString(h[:]) + "  " + n + "\r\n")
	}
	if got := string(files["SHA256SUMS.txt"]); got != sums.String() {
		t.Errorf("SHA256SUMS.txt\n%s\nwant\n%s", got, sums.String())
	}
}
