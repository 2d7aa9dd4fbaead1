package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"
)

var (
	testTime    = time.Date(2026, 11, 30, 15, 25, 24, 0, time.UTC)
	testEntries = []entry{
		{"jixiao.exe", 0o755, []byte("MZ binary")},
		{"使用说明.txt", 0o644, windowsText([]byte("# 使用说明\n第一行\n"))},
		{"SHA256SUMS.txt", 0o644, []byte("00  jixiao.exe\r\n")},
	}
)

// TestArchivesAreReproducible writes each archive twice, at different
// wall-clock times and in another time zone, and wants the same bytes.
func TestArchivesAreReproducible(t *testing.T) {
	for _, w := range []struct {
		name  string
		write func(io.Writer, string, time.Time, []entry) error
	}{{"zip", writeZip}, {"tar.gz", writeTarGz}} {
		t.Run(w.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := w.write(&a, "jixiao_1.0.0_windows_amd64", testTime, testEntries); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1100 * time.Millisecond) // a writer reading the clock would differ now
			if err := w.write(&b, "jixiao_1.0.0_windows_amd64", testTime.In(time.FixedZone("CST", 8*3600)), testEntries); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("the same entries gave different archive bytes")
			}
		})
	}
}

// TestZipContents reads the zip back as an unzip tool does: the folder,
// then the files in order, with UTF-8 names flagged, modes and the commit's
// time.
func TestZipContents(t *testing.T) {
	var buf bytes.Buffer
	if err := writeZip(&buf, "jixiao_1.0.0_windows_amd64", testTime, testEntries); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		mode fs.FileMode
	}{
		{"jixiao_1.0.0_windows_amd64/", fs.ModeDir | 0o755},
		{"jixiao_1.0.0_windows_amd64/jixiao.exe", 0o755},
		{"jixiao_1.0.0_windows_amd64/使用说明.txt", 0o644},
		{"jixiao_1.0.0_windows_amd64/SHA256SUMS.txt", 0o644},
	}
	if len(zr.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		if f.Name != want[i].name || f.Mode() != want[i].mode {
			t.Errorf("entry %d: %s %v, want %s %v", i, f.Name, f.Mode(), want[i].name, want[i].mode)
		}
		if !f.Modified.Equal(testTime) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, testTime)
		}
		if strings.Contains(f.Name, "使用说明") && (f.NonUTF8 || f.Flags&0x800 == 0) {
			t.Errorf("%s: the UTF-8 name flag is not set (flags %#x)", f.Name, f.Flags)
		}
		if i == 0 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(data, testEntries[i-1].Data) {
			t.Errorf("%s: content %q, want %q", f.Name, data, testEntries[i-1].Data)
		}
	}
}

// TestTarGzContents reads the tar.gz back: no owner names, root ids, the
// commit's time, the gzip header without name or time.
func TestTarGzContents(t *testing.T) {
	var buf bytes.Buffer
	if err := writeTarGz(&buf, "jixiao_1.0.0_linux_loong64", testTime, testEntries); err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header name %q time %v, want neither", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var names []string
	for i := 0; ; i++ {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" || !h.ModTime.Equal(testTime) {
			t.Errorf("%s: owner %d:%d %q:%q time %v", h.Name, h.Uid, h.Gid, h.Uname, h.Gname, h.ModTime)
		}
		if i > 0 {
			data, _ := io.ReadAll(tr)
			if !bytes.Equal(data, testEntries[i-1].Data) || h.Mode != int64(testEntries[i-1].Mode) {
				t.Errorf("%s: mode %o content %q", h.Name, h.Mode, data)
			}
		}
	}
	want := "jixiao_1.0.0_linux_loong64/ jixiao_1.0.0_linux_loong64/jixiao.exe jixiao_1.0.0_linux_loong64/使用说明.txt jixiao_1.0.0_linux_loong64/SHA256SUMS.txt"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries %s, want %s", got, want)
	}
}

func TestSHA256Sums(t *testing.T) {
	got := string(sha256sums(map[string][]byte{"b": []byte("abc"), "a": nil}, "\r\n"))
	want := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a\r\n" +
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b\r\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWindowsText(t *testing.T) {
	got := string(windowsText([]byte("一\n二\r\n三")))
	if want := "\ufeff一\r\n二\r\n三"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestArchiveNames(t *testing.T) {
	for _, tc := range []struct {
		t            target
		folder, file string
	}{
		{target{"windows", "amd64"}, "jixiao_1.0.0_windows_amd64", "jixiao_1.0.0_windows_amd64.zip"},
		{target{"windows", "386"}, "jixiao_1.0.0_windows_386", "jixiao_1.0.0_windows_386.zip"},
		{target{"linux", "loong64"}, "jixiao_1.0.0_linux_loong64", "jixiao_1.0.0_linux_loong64.tar.gz"},
		{target{"darwin", "arm64"}, "jixiao_1.0.0_darwin_arm64", "jixiao_1.0.0_darwin_arm64.tar.gz"},
	} {
		if folder, file := archiveName("1.0.0", tc.t); folder != tc.folder || file != tc.file {
			t.Errorf("%s: %s %s, want %s %s", tc.t, folder, file, tc.folder, tc.file)
		}
	}
}

func TestBuildEnvPinsTheTarget(t *testing.T) {
	env := buildEnv([]string{"HOME=/root", "GOAMD64=v3", "GOFLAGS=-race", "CGO_ENABLED=1", "GOOS=plan9"}, target{"linux", "arm64"})
	got := strings.Join(env, " ")
	want := "HOME=/root CGO_ENABLED=0 GOOS=linux GOARCH=arm64 GOFLAGS=-mod=readonly -buildvcs=false GOTOOLCHAIN=local"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestParseTargets(t *testing.T) {
	ts, err := parseTargets("windows/amd64, linux/loong64")
	if err != nil || len(ts) != 2 || ts[1] != (target{"linux", "loong64"}) {
		t.Errorf("got %v, %v", ts, err)
	}
	if _, err := parseTargets("linux"); err == nil {
		t.Error("linux without an arch was accepted")
	}
}

func TestReleaseManualDropsMarkers(t *testing.T) {
	in := "# 说明\n\n<!-- keys:文本列表 -->\n| 按键 | 作用 |\n<!-- /keys -->\n<!-- screen:home -->\n```text\n屏幕\n```\n<!-- /screen -->\n<!-- 别的注释 -->\n"
	want := "# 说明\n\n| 按键 | 作用 |\n```text\n屏幕\n```\n<!-- 别的注释 -->\n"
	if got := string(releaseManual([]byte(in))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
