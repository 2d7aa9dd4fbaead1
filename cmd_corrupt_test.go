package main

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/export"
	"jixiao/store"
	"jixiao/store/storetest"
)

var (
	plainOnce sync.Once
	plainBin  string
	plainErr  error
)

// plainBinary builds the binary without -race, once: the corruption tests
// run it more than a hundred times.
func plainBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	plainOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jixiao-plain-")
		if err != nil {
			plainErr = err
			return
		}
		plainBin = filepath.Join(dir, "jixiao")
		if out, err := exec.Command("go", "build", "-o", plainBin, ".").CombinedOutput(); err != nil {
			plainErr = errors.New(string(out))
		}
	})
	if plainErr != nil {
		t.Fatal(plainErr)
	}
	return plainBin
}

// runBinary runs the binary with a 10 s limit: a damaged file must give an
// answer, never a hang.
func runBinary(t *testing.T, bin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Env = append(os.Environ(), "JIXIAO_DB=")
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("jixiao %s hangs", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if strings.Contains(errOut.String(), "panic") || strings.Contains(errOut.String(), "goroutine ") {
		t.Fatalf("jixiao %s panicked:\n%s", strings.Join(args, " "), errOut.String())
	}
	return code, out.String(), errOut.String()
}

// sampleFile makes a database with the sample and returns its bytes and
// what `jixiao list` prints for it.
func sampleFile(t *testing.T, bin, db string) (data []byte, list string) {
	t.Helper()
	if code, _, errOut := runBinary(t, bin, "sample", "--db", db); code != 0 {
		t.Fatalf("sample: %s", errOut)
	}
	code, list, errOut := runBinary(t, bin, "list", "--db", db)
	if code != 0 {
		t.Fatalf("list: %s", errOut)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	return data, list
}

// TestCLIDamagedFiles: `jixiao list` on a truncated, empty, foreign or
// random file exits 2 with a message naming the file and its newest
// backup and how to restore it; `jixiao restore` then brings the backup
// back and list prints what it printed before the damage.
func TestCLIDamagedFiles(t *testing.T) {
	bin := plainBinary(t)
	good, goodList := sampleFile(t, bin, filepath.Join(t.TempDir(), "jixiao.db"))
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(6, 6))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name string
		data func(t *testing.T, path string) []byte
		what string
	}{
		{"zero-length file", func(*testing.T, string) []byte { return nil }, "已损坏"},
		{"truncated to half", func(*testing.T, string) []byte { return good[:len(good)/2] }, "已损坏"},
		{"truncated to one page", func(*testing.T, string) []byte { return good[:4096] }, "已损坏"},
		{"both meta pages flipped", func(*testing.T, string) []byte {
			// One damaged meta page is what a power cut leaves
			// (TestListAfterPowerCut); both is damage.
			d := append([]byte(nil), good...)
			d[40] ^= 0x10
			d[4096+40] ^= 0x10
			return d
		}, "已损坏"},
		{"a CSV file", func(*testing.T, string) []byte {
			return []byte(strings.Repeat("单位编码,年度\n315002,2020\n", 400))
		}, "不是 jixiao 的数据文件"},
		{"random bytes", func(*testing.T, string) []byte { return random }, "不是 jixiao 的数据文件"},
		{"another bbolt file", func(t *testing.T, path string) []byte {
			other := filepath.Join(t.TempDir(), "other.db")
			db, err := bolt.Open(other, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
			db.Close()
			data, _ := os.ReadFile(other)
			return data
		}, "不是 jixiao 的数据文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "jixiao.db")
			backup := db + ".bak-20200101-120000"
			write(t, backup, good)
			write(t, db, tt.data(t, db))

			code, out, errOut := runBinary(t, bin, "list", "--db", db)
			want := "jixiao: " + db + " " + tt.what
			advice := "  最新的备份：" + backup + "\n  恢复它：jixiao restore --db " + db + "\n"
			if code != exitUsage || out != "" || !strings.HasPrefix(errOut, want) || !strings.HasSuffix(errOut, advice) {
				t.Fatalf("list: exit %d %q\n%s\nwant exit 2, %q … %q", code, out, errOut, want, advice)
			}
			// The app itself says the same before touching the terminal.
			if code, _, errOut2 := runBinary(t, bin, "--db", db); code != exitUsage || !strings.HasPrefix(errOut2, want) || !strings.HasSuffix(errOut2, advice) {
				t.Errorf("app: exit %d %q", code, errOut2)
			}

			code, out, errOut = runBinary(t, bin, "restore", "--db", db)
			if code != exitOK || !strings.HasPrefix(out, "已用 "+backup+" 恢复 "+db+"。\n") {
				t.Fatalf("restore: exit %d %q %q", code, out, errOut)
			}
			if code, out, errOut := runBinary(t, bin, "list", "--db", db); code != exitOK || out != goodList {
				t.Errorf("list after restore: exit %d %q %q, want %q", code, out, errOut, goodList)
			}
			kept, _ := filepath.Glob(db + ".replaced-*")
			if len(kept) != 1 {
				t.Errorf("the damaged file is not kept: %v", kept)
			}
		})
	}
}

// TestCLIFlippedBytes flips random bytes (seeded) in a real file, 120
// times: `jixiao list` either prints exactly what it printed before (the
// flip hit free space, or was caught and nothing decoded differently) or
// exits 2 naming the newest backup — never a panic, a hang or other output.
func TestCLIFlippedBytes(t *testing.T) {
	bin := plainBinary(t)
	orig, goodList := sampleFile(t, bin, filepath.Join(t.TempDir(), "jixiao.db"))
	rng := rand.New(rand.NewPCG(315002, 2020))
	const cases = 120
	detected := 0
	for i := range cases {
		dir := t.TempDir()
		db := filepath.Join(dir, "jixiao.db")
		backup := db + ".bak-20200101-120000"
		write(t, backup, orig)
		data := append([]byte(nil), orig...)
		for range 1 + rng.IntN(8) {
			data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
		}
		write(t, db, data)
		code, out, errOut := runBinary(t, bin, "list", "--db", db)
		switch {
		case code == exitOK && out == goodList:
		case code == exitUsage && out == "" && strings.HasPrefix(errOut, "jixiao: "+db+" ") &&
			strings.Contains(errOut, "  最新的备份："+backup+"\n"):
			detected++
		case code == exitUsage && strings.Contains(errOut, "由更新版本的 jixiao 写入"):
			detected++ // the flip raised the schema version
		case code == exitOK && strings.HasPrefix(errOut, "jixiao: 上次异常中断") &&
			(out == goodList || out == db+" 中还没有文档。用 `jixiao sample` 添加示例，或在应用（`jixiao`）中新建。\n"):
			// The flip hit the newer meta page: the file opened as it was
			// before the sample was added, saying so (or a false alarm from
			// the older one).
			detected++
		default:
			t.Errorf("case %d: exit %d\n%s%s", i, code, out, errOut)
		}
	}
	t.Logf("%d of %d flipped files were reported damaged, the rest listed exactly as before", detected, cases)
	if detected == 0 {
		t.Error("no flip was detected: the test flips nothing that matters")
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestListHostileNames: a 单位名称 or 单位编码 holding escape sequences, bidi
// overrides or line breaks is listed with them written as \uXXXX: nothing
// reaches the terminal as a control, and each document stays on one line.
func TestListHostileNames(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := storetest.Document("31\x1b[2J5002", 2020, 1, 1)
	doc.UnitName = "司法局\u202e\n\x1b]0;pwned\x07"
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	want := `31\u001B[2J5002  司法局\u202E\u000A\u001B]0;pwned\u0007  2020  草案  1 项  1.00 万元  已审核 0/1` + "\n"
	if code != exitOK || errOut != "" || out != want {
		t.Errorf("list: %d %q\n got %q\nwant %q", code, errOut, out, want)
	}
}

// TestImportExportHostileNames: the names import and export print come
// from the file and the database; written out, they cannot drive the
// terminal.
func TestImportExportHostileNames(t *testing.T) {
	db := tempDB(t)
	doc := storetest.Document("315002\x1b[2J", 2020, 1, 1)
	doc.UnitName = "司法局\u202e\x1b]0;pwned\x07"
	csv := filepath.Join(t.TempDir(), "in.csv")
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, doc, export.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	write(t, csv, buf.Bytes())
	code, out, errOut := runCLI(t, nil, "import", csv, "--db", db)
	if code != exitOK || !strings.Contains(out, `315002\u001B[2J/2020 司法局\u202E\u001B]0;pwned\u0007：`) {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}
	md := filepath.Join(t.TempDir(), "out.md")
	code, out2, errOut := runCLI(t, nil, "export", "--db", db, "--format", "md", "-o", md)
	if code != exitOK || !strings.Contains(out2, `（315002\u001B[2J/2020，`) {
		t.Errorf("export: %d %q %q", code, out2, errOut)
	}
	for _, s := range []string{out, out2} {
		if strings.ContainsAny(s, "\x1b\x07\u202e") {
			t.Errorf("a control character reached the output: %q", s)
		}
	}
}
