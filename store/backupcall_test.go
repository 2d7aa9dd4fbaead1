package store_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"jixiao/store"
	"jixiao/store/storetest"
)

// TestBackupBeforeWriting: Store.Backup, which a command that writes calls
// first, returns the backup of the file as Open found it, once written,
// while nothing has been committed since (with NoBackup it writes one);
// after a commit it writes a new one of the current state. Each is a
// readable copy holding what the file held.
func TestBackupBeforeWriting(t *testing.T) {
	for _, noBackup := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "jixiao.db")
		s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
		doc := storetest.Document("315002", 2020, 3, 2)
		if err := s.CreateDocument(doc); err != nil {
			t.Fatal(err)
		}
		s = storetest.MustReopen(t, s, &store.Options{NoBackup: noBackup})
		first, err := s.Backup()
		if err != nil {
			t.Fatalf("NoBackup %v: %v", noBackup, err)
		}
		list, err := store.ListBackups(path)
		if err != nil || len(list) != 1 || list[0] != first {
			t.Fatalf("NoBackup %v: Backup %q, backups %v %v", noBackup, first, list, err)
		}
		if again, err := s.Backup(); err != nil || again != first {
			t.Errorf("NoBackup %v: Backup again with no commit between: %q %v, want %q", noBackup, again, err, first)
		}
		if err := s.DeleteDocument(doc.Key()); err != nil {
			t.Fatal(err)
		}
		second, err := s.Backup()
		if err != nil || second == first {
			t.Errorf("NoBackup %v: Backup after a commit: %q %v", noBackup, second, err)
		}
		s.Close()
		if got := storetest.StoredDocument(t, first, doc.Key()); !reflect.DeepEqual(got.Projects, doc.Projects) {
			t.Errorf("NoBackup %v: the first backup does not hold the document", noBackup)
		}
		b, err := store.Open(second, &store.Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Document(doc.Key()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("NoBackup %v: the second backup: %v, want the document deleted", noBackup, err)
		}
		b.Close()
	}
}
