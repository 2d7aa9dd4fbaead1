package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

func TestBackupsKeepNewestFive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	doc := storetest.Document("315002", 2020, 2, 2)
	var seen []string
	var atOpen model.Document // the document as the newest backup holds it
	for i := range 7 {
		s, err := store.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		atOpen = *doc
		// A change each time: a state the newest backup holds already is
		// not backed up again (TestBackupSkipsUnchangedState).
		if i == 0 {
			err = s.CreateDocument(doc)
		} else {
			doc.Title = fmt.Sprintf("第 %d 次", i)
			err = s.SaveHeader(doc)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil { // waits for the backup
			t.Fatal(err)
		}
		list, err := store.ListBackups(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != min(i+1, store.KeepBackups) {
			t.Fatalf("after open %d: %d backups: %v", i+1, len(list), list)
		}
		if slices.Contains(seen, list[0]) {
			t.Fatalf("after open %d: newest backup %s is not new", i+1, list[0])
		}
		seen = append(seen, list[0])
	}
	list, _ := store.ListBackups(path)
	// The newest five are the last five made, newest first.
	want := slices.Clone(seen[2:])
	slices.Reverse(want)
	if !slices.Equal(list, want) {
		t.Errorf("backups %v, want %v", list, want)
	}
	for _, old := range seen[:2] {
		if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("old backup %s not removed", old)
		}
	}
	// A backup is a working database with the data as it was at the open
	// that made it.
	b := storetest.MustOpenPath(t, list[0], &store.Options{NoBackup: true})
	got, err := b.Document(doc.Key())
	if err != nil || !reflect.DeepEqual(got, &atOpen) {
		t.Errorf("backup %s: %+v, %v", list[0], got, err)
	}
}

func TestListBackupsIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jixiao.db")
	for _, name := range []string{
		"jixiao.db.bak-20200101-120000",
		"jixiao.db.bak-20200101-120000-2",
		"jixiao.db.bak-20200101-120000-10",
		"jixiao.db.bak-20191231-235959",
		"jixiao.db.bak-2020",               // not a stamp
		"jixiao.db.baktmp-123",             // a backup being written
		"jixiao.db.replaced-20200101-1200", // a restored-over file
		"other.db.bak-20200101-120000",
	} {
		write(t, filepath.Join(dir, name), []byte("x"))
	}
	got, err := store.ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"jixiao.db.bak-20200101-120000-10", "jixiao.db.bak-20200101-120000-2",
		"jixiao.db.bak-20200101-120000", "jixiao.db.bak-20191231-235959"}
	for i := range want {
		want[i] = filepath.Join(dir, want[i])
	}
	if !slices.Equal(got, want) {
		t.Errorf("ListBackups:\n got %v\nwant %v", got, want)
	}
	if got, err := store.ListBackups(filepath.Join(dir, "missing", "x.db")); err != nil || len(got) != 0 {
		t.Errorf("missing folder: %v, %v", got, err)
	}
}

func TestRestore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	s := storetest.MustOpenPath(t, path, nil)
	doc := storetest.Document("315002", 2020, 3, 1)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustReopen(t, s, nil) // backs up the file with the document
	if err := s.DeleteDocument(doc.Key()); err != nil {
		t.Fatal(err)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 2 {
		t.Fatalf("backups %v, %v", list, err)
	}
	if err := store.Restore(path, list[0]); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("Restore while open: %v, want ErrLocked", err)
	}
	s.Close()

	replaced, err := store.RestoreFrom(path, list[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(replaced, path+".replaced-") {
		t.Errorf("replaced file kept as %q", replaced)
	}
	s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if got, err := s.Document(doc.Key()); err != nil || !reflect.DeepEqual(got, doc) {
		t.Errorf("after restore: %+v, %v", got, err)
	}
	s.Close()
	old := storetest.MustOpenPath(t, replaced, &store.Options{NoBackup: true})
	if l, err := old.ListDocuments(); err != nil || len(l) != 0 {
		t.Errorf("replaced file should be the one without the document: %v, %v", l, err)
	}
}

func TestRestoreRefusesBadBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jixiao.db")
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if err := s.CreateDocument(storetest.Document("315002", 2020, 1, 1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	for name, data := range map[string][]byte{
		"empty": nil, "text": []byte(strings.Repeat("not a database\n", 400)),
		"truncated": before[:len(before)/3],
	} {
		bad := filepath.Join(dir, "bad-"+name)
		write(t, bad, data)
		err := store.Restore(path, bad)
		if !errors.Is(err, store.ErrCorrupt) && !errors.Is(err, store.ErrNotJixiao) {
			t.Errorf("%s backup: %v", name, err)
		}
	}
	if err := store.Restore(path, filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing backup: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "replaced") || strings.Contains(e.Name(), "restoring") {
			t.Errorf("refused restore left %s", e.Name())
		}
	}
}

// TestBackupSkipsUnchangedState: opening the file and changing nothing
// (list, check, a second look in the app) keeps no second copy of a state
// the newest backup holds, so read-only opens never rotate out the backup
// of an earlier state; the first change after makes a new one again.
func TestBackupSkipsUnchangedState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	doc := storetest.Document("315002", 2020, 2, 2)
	s, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	open := func() (*store.Store, []string) {
		t.Helper()
		s, err := store.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		name, err := s.Backup()
		if err != nil {
			t.Fatal(err)
		}
		list, _ := store.ListBackups(path)
		if len(list) == 0 || list[0] != name {
			t.Fatalf("Backup() = %s, newest %v", name, list)
		}
		return s, list
	}
	s, first := open() // the state with the document: new
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for range 6 {
		s, list := open()
		if !slices.Equal(list, first) {
			t.Fatalf("an open that changed nothing made a backup: %v, was %v", list, first)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	s, _ = open()
	doc.Title = "改过"
	if err := s.SaveHeader(doc); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, list := open()
	defer s.Close()
	if len(list) != len(first)+1 || list[1] != first[0] {
		t.Errorf("after a change: backups %v, want a new one before %v", list, first)
	}
}
