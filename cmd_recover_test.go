package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/store"
	"jixiao/store/storetest"
)

// TestListAfterPowerCut: a power cut while a commit wrote its meta page
// (after the sample was listed, a second document was being added) leaves
// that page torn. `jixiao list` lists the file as it was before that
// commit, and says on stderr, in Chinese, that the last change may be lost
// and where the file as found was kept; the next list says nothing.
func TestListAfterPowerCut(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatal(errOut)
	}
	_, wantList, _ := runCLI(t, nil, "list", "--db", db)
	cutPowerDuringCommit(t, db, func(s *store.Store) error {
		return s.CreateDocument(storetest.Document("315003", 2021, 2, 2))
	})

	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	copies, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "jixiao-damaged-*.db"))
	if len(copies) != 1 {
		t.Fatalf("damaged copies %v, want one", copies)
	}
	want := "jixiao: 上次异常中断（如断电）时正在保存的最后一处修改可能没有保存，其余内容完好；中断时的文件已另存为 " + copies[0] + "\n"
	if code != exitOK || out != wantList || errOut != want {
		t.Errorf("list after the cut: exit %d\n%s%s\nwant exit 0\n%s%s", code, out, errOut, wantList, want)
	}
	code, out, errOut = runCLI(t, nil, "list", "--db", db)
	if code != exitOK || out != wantList || errOut != "" {
		t.Errorf("second list: exit %d %q %q", code, out, errOut)
	}
	if !strings.HasSuffix(copies[0], ".db") {
		t.Errorf("copy %s", copies[0])
	}
}

// cutPowerDuringCommit runs commit on the file at db and then leaves the
// file as a power cut while the commit wrote its meta page would: every
// data page written, the meta page torn before its checksum (the meta's
// last 8 bytes).
func cutPowerDuringCommit(t *testing.T, db string, commit func(*store.Store) error) {
	t.Helper()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := commit(s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// The commit's meta page is the one with the higher txid.
	ps := os.Getpagesize()
	page := 0
	if binary.NativeEndian.Uint64(after[ps+64:]) > binary.NativeEndian.Uint64(after[64:]) {
		page = ps
	}
	copy(after[page+72:page+80], before[page+72:page+80])
	write(t, db, after)
}

// TestCopyBacksUpFirst: `jixiao copy` writes only once the backup of the
// file as it was is written: the newest backup holds the source and not
// the copy.
func TestCopyBacksUpFirst(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, nil, "copy", "315002/2020", "--year", "2021", "--db", db); code != exitOK {
		t.Fatal(errOut)
	}
	backups, err := store.ListBackups(db)
	if err != nil || len(backups) == 0 {
		t.Fatalf("backups %v %v", backups, err)
	}
	s, err := store.Open(backups[0], &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.ListDocuments()
	if err != nil || len(docs) != 1 || docs[0].Key.Year != 2020 {
		t.Errorf("the newest backup holds %+v %v, want the sample alone", docs, err)
	}
}
