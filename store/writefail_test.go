package store_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

func remount(t *testing.T, dir, mode string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v %s", dir, mode, err, out)
	}
}

// savedDocument writes a document of 3 projects to path and returns it as
// stored.
func savedDocument(t *testing.T, path string) *model.Document {
	t.Helper()
	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := storetest.Document("315002", 2020, 3, 4)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return doc
}

// mustHold opens path and checks that it holds exactly want.
func mustHold(t *testing.T, path string, want *model.Document) {
	t.Helper()
	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Document(want.Key())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the file changed:\n got %s\nwant %s", clip(got), clip(want))
	}
}

// TestDiskFull: on a full disk an edit fails with ENOSPC, the store stays
// usable and reads the last saved state, nothing is half-written, and once
// there is room the same edit saves.
func TestDiskFull(t *testing.T) {
	dir := storetest.MountTmpfs(t, "2m")
	path := filepath.Join(dir, "jixiao.db")
	doc := savedDocument(t, path)

	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Fill the disk to the last byte.
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()

	// An edit bigger than any free page: 300 KB of text.
	p := doc.Projects[1]
	p.Goal = strings.Repeat("预算绩效目标", 100_000/6+1)
	p.Indicators = append([]model.Indicator(nil), p.Indicators...)
	p.Indicators[0].Value = "≥999件"
	err = s.SaveProject(doc.Key(), &p)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("SaveProject on a full disk: %v, want ENOSPC", err)
	}
	t.Logf("the error the user sees: %v", err)
	// The store still reads the last saved state.
	got, err := s.Project(doc.Key(), p.ID)
	if err != nil || !reflect.DeepEqual(*got, doc.Projects[1]) {
		t.Fatalf("after the failed save: %v, %s", err, clip(got))
	}
	if _, err := s.ListDocuments(); err != nil {
		t.Fatalf("list after the failed save: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Logf("close: %v", err)
	}
	mustHold(t, path, doc)

	// With room again the same edit saves.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s2 := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if err := s2.SaveProject(doc.Key(), &p); err != nil {
		t.Fatalf("SaveProject with room: %v", err)
	}
	s2.Close()
	doc.Projects[1] = p
	mustHold(t, path, doc)
}

// TestReadOnlyDisk: a file on a read-only file system does not open (bbolt
// needs to write), with an error naming the file and saying why; the file
// is untouched.
func TestReadOnlyDisk(t *testing.T) {
	dir := storetest.MountTmpfs(t, "4m")
	path := filepath.Join(dir, "jixiao.db")
	doc := savedDocument(t, path)
	before, _ := os.ReadFile(path)
	remount(t, dir, "ro")
	_, err := store.Open(path, nil)
	var oe *store.OpenError
	if !errors.As(err, &oe) || oe.Path != path || !errors.Is(err, syscall.EROFS) {
		t.Fatalf("Open on a read-only disk: %v, want an OpenError naming %s with EROFS", err, path)
	}
	t.Logf("the error the user sees: %v", err)
	remount(t, dir, "rw")
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the failed open changed the file")
	}
	mustHold(t, path, doc)
}

// TestReadOnlyFileAndFolder: permissions. A read-only file does not open
// (permission denied, naming it); in a read-only folder the file opens and
// saves, the backup fails and Close says so. Root ignores permissions, so
// as root only the read-only disk test above applies.
func TestReadOnlyFileAndFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which ignores file permissions; TestReadOnlyDisk covers a read-only file system")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "jixiao.db")
	doc := savedDocument(t, path)

	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, nil)
	var oe *store.OpenError
	if !errors.As(err, &oe) || oe.Path != path || !errors.Is(err, os.ErrPermission) {
		t.Errorf("Open of a read-only file: %v", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}

	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	s, err := store.Open(path, nil)
	if err != nil {
		t.Fatalf("Open in a read-only folder: %v", err)
	}
	p := doc.Projects[0]
	p.Name = "只读文件夹中"
	if err := s.SaveProject(doc.Key(), &p); err != nil {
		t.Errorf("SaveProject in a read-only folder: %v", err)
	}
	if err := s.Close(); err == nil || !errors.Is(err, os.ErrPermission) {
		t.Errorf("Close: %v, want the backup's permission error", err)
	}
	doc.Projects[0] = p
	mustHold(t, path, doc)

	// A new file in a read-only folder cannot be created.
	_, err = store.Open(filepath.Join(dir, "new.db"), nil)
	if !errors.Is(err, os.ErrPermission) {
		t.Errorf("Open of a new file in a read-only folder: %v", err)
	}
}

// TestStaleBackupTempRemoved: a jixiao killed while writing its backup
// leaves <db>.baktmp-*; the next open removes it (it holds the lock, so no
// backup is being written), and leaves other files alone.
func TestStaleBackupTempRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a [b]*")
	path := filepath.Join(dir, "jixiao.db")
	savedDocument(t, path)
	stale := path + ".baktmp-123456"
	other := filepath.Join(dir, "other.db.baktmp-1")
	write(t, stale, []byte("half a backup"))
	write(t, other, []byte("not ours"))
	s := storetest.MustOpenPath(t, path, nil)
	if _, err := s.Backups(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary backup is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another database's file was removed: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var tmp []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".baktmp-") {
			tmp = append(tmp, e.Name())
		}
	}
	if len(tmp) != 1 {
		t.Errorf("temporary files after the backup: %v, want only other.db's", tmp)
	}
}
