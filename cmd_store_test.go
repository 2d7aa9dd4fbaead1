package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// runCLI runs the command line in-process against db and returns the exit
// code, stdout and stderr.
func runCLI(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return env[k] }}
	code := run(e, args)
	return code, out.String(), errOut.String()
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "data", "jixiao.db") }

func TestSampleThenList(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	if code != exitOK || errOut != "" ||
		out != db+" 中还没有文档。用 `jixiao sample` 添加示例，或在应用（`jixiao`）中新建。\n" {
		t.Errorf("list of a new file: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "sample", "--db", db)
	if code != exitOK || errOut != "" || out != "已把 315002/2020 抚宁区司法局（9 个项目，207.09 万元）添加到 "+db+"。\n" {
		t.Errorf("sample: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "sample", "--db", db)
	if code != exitOK || errOut != "" || out != "315002/2020 已在 "+db+" 中，没有改动。\n" {
		t.Errorf("second sample: %d %q %q", code, out, errOut)
	}
	// JIXIAO_DB names the file when --db is absent.
	code, out, errOut = runCLI(t, map[string]string{"JIXIAO_DB": db}, "list")
	if code != exitOK || errOut != "" || out != "315002  抚宁区司法局  2020  草案  9 项  207.09 万元  已审核 0/9\n" {
		t.Errorf("list: %d %q %q", code, out, errOut)
	}
}

func TestListAlignsByDisplayWidth(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := []*model.Document{
		storetest.Document("315002", 2020, 9, 1), // 45.00 万元
		storetest.Document("1", 2021, 12, 0),     // 78.00 万元
		storetest.Document("3150020001", 2019, 0, 0),
	}
	docs[0].UnitName = "抚宁区司法局"
	docs[1].UnitName = "Bureau"
	docs[1].Status = model.StatusFinal
	for i := range docs[1].Projects {
		docs[1].Projects[i].Review.Status = model.ReviewApproved
	}
	docs[0].Projects[3].Review.Status = model.ReviewApproved
	docs[0].Projects[4].Review = model.Review{Status: model.ReviewChanges, Note: "请补充"}
	docs[2].UnitName = "财政局"
	for _, d := range docs {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	want := "" +
		"1           Bureau        2021  定稿  12 项  78.00 万元  已审核 12/12\n" +
		"315002      抚宁区司法局  2020  草案   9 项  45.00 万元  已审核 1/9，需修改 1\n" +
		"3150020001  财政局        2019  草案   0 项   0.00 万元  已审核 0/0\n"
	if code != exitOK || errOut != "" || out != want {
		t.Errorf("list: %d %q\n got:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

func TestListLockedFile(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("list of a locked file took %v", elapsed)
	}
	if code != exitUsage || out != "" || errOut != lockedMessage(db) {
		t.Errorf("list of a locked file: %d %q %q", code, out, errOut)
	}
}

func TestListDamagedFile(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatal(errOut)
	}
	// A backup is made when the file is opened: sample's has no document,
	// this list's has the sample.
	runCLI(t, nil, "list", "--db", db)
	backups, err := store.ListBackups(db)
	if err != nil || len(backups) != 2 {
		t.Fatalf("backups: %v %v", backups, err)
	}
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	want := "jixiao: " + db + " 已损坏（详情：the file is empty）\n" +
		"  最新的备份：" + backups[0] + "\n" +
		"  恢复它：jixiao restore --db " + db + "\n"
	if code != exitUsage || out != "" || errOut != want {
		t.Errorf("list of an empty file: %d %q\n got %q\nwant %q", code, out, errOut, want)
	}
	// Following the advice brings the document back.
	if code, out, errOut := runCLI(t, nil, "restore", "--db", db); code != exitOK || errOut != "" ||
		!strings.HasPrefix(out, "已用 "+backups[0]+" 恢复 "+db+"。\n被替换的文件保留为 "+db+".replaced-") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, nil, "list", "--db", db); code != exitOK || !strings.HasPrefix(out, "315002  抚宁区司法局") {
		t.Errorf("list after restore: %d %q", code, out)
	}
}

func TestRestoreCommand(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := runCLI(t, nil, "restore", "--db", db)
	if code != exitDomain || out != "" || errOut != "jixiao: "+db+" 没有可恢复的备份\n" {
		t.Errorf("restore without backups: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, nil, "restore", "--list", "--db", db); code != exitOK || out != db+" 没有备份。\n" {
		t.Errorf("restore --list without backups: %d %q", code, out)
	}
	runCLI(t, nil, "sample", "--db", db) // backup 1: the empty file
	runCLI(t, nil, "list", "--db", db)   // backup 2: with the sample
	backups, _ := store.ListBackups(db)
	if len(backups) != 2 {
		t.Fatalf("backups %v", backups)
	}
	code, out, errOut = runCLI(t, nil, "restore", "--list", "--db", db)
	if want := db + " 的备份（新的在前）：\n  " + backups[0] + "\n  " + backups[1] + "\n"; code != exitOK || out != want {
		t.Errorf("restore --list: %d %q %q, want %q", code, out, errOut, want)
	}

	// A damaged backup is refused and the database is left alone.
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, []byte(strings.Repeat("x", 9000)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, nil, "restore", "--db", db, "--from", bad)
	if code != exitDomain || out != "" || !strings.HasPrefix(errOut, "jixiao: "+bad+" 无法恢复：") ||
		!strings.HasSuffix(errOut, "；"+db+" 没有改动\n") {
		t.Errorf("restore of a bad backup: %d %q %q", code, out, errOut)
	}

	// Restoring the older backup (the empty file) while the file is open
	// is refused; once closed it works.
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, nil, "restore", "--db", db, "--from", backups[1])
	if code != exitUsage || errOut != lockedMessage(db) {
		t.Errorf("restore of an open file: %d %q", code, errOut)
	}
	s.Close()
	if code, _, errOut := runCLI(t, nil, "restore", "--db", db, "--from", backups[1]); code != exitOK {
		t.Fatalf("restore --from: %d %q", code, errOut)
	}
	if _, out, _ := runCLI(t, nil, "list", "--db", db); !strings.Contains(out, "中还没有文档") {
		t.Errorf("after restoring the empty backup, list says %q", out)
	}
}

func TestStoreCommandsUsage(t *testing.T) {
	for _, name := range []string{"sample", "list", "restore"} {
		code, out, errOut := runCLI(t, nil, name, "-h")
		if code != exitOK || out != "" || !strings.HasPrefix(errOut, "用法：jixiao "+name+" [--db PATH]") || !strings.Contains(errOut, "--db 字符串") {
			t.Errorf("%s -h: %d %q %q", name, code, out, errOut)
		}
		code, _, errOut = runCLI(t, nil, name, "--db", tempDB(t), "extra")
		if code != exitUsage || errOut != "jixiao "+name+": 多余的参数 \"extra\"\n" {
			t.Errorf("%s extra: %d %q", name, code, errOut)
		}
		if code, _, _ := runCLI(t, nil, name, "--nope"); code != exitUsage {
			t.Errorf("%s --nope: exit %d", name, code)
		}
	}
	// No --db, no JIXIAO_DB and no HOME: say so, exit 2.
	code, _, errOut := runCLI(t, map[string]string{}, "list")
	if code != exitUsage || !strings.HasPrefix(errOut, "jixiao: 找不到存放数据的文件夹，请用 --db 或 JIXIAO_DB 指定数据文件（") {
		t.Errorf("list without any path: %d %q", code, errOut)
	}
}

// TestBinary builds the real binary and runs it as a user would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "x.db")
	jixiao := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = &out, &errOut
		cmd.Env = append(os.Environ(), "JIXIAO_DB=") // only --db counts
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), out.String(), errOut.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out.String(), errOut.String()
	}
	if code, _, errOut := jixiao("sample", "--db", db); code != 0 {
		t.Fatalf("sample: %d %s", code, errOut)
	}
	code, out, errOut := jixiao("list", "--db", db)
	if code != 0 {
		t.Fatalf("list: %d %s", code, errOut)
	}
	fields := strings.Fields(out)
	if len(fields) < 6 || fields[0] != "315002" || fields[2] != "2020" || !strings.Contains(out, "207.09") {
		t.Errorf("list printed %q", out)
	}

	// Another process (this test) holds the file: list gives up within 2 s.
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, _, errOut = jixiao("list", "--db", db)
	elapsed := time.Since(start)
	if code != exitUsage || !strings.Contains(errOut, db) {
		t.Errorf("list of a held file: %d %q", code, errOut)
	}
	if elapsed > 2*time.Second {
		t.Errorf("list of a held file took %v", elapsed)
	}
}
