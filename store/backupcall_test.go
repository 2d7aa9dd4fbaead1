package store_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"jixiao/store"
	"jixiao/store/storetest"
)

// TestBackupBeforeWriting: Store.Backup, which a command that writes calls
// first, returns the backup of the file as Open found it, once written, on
// every call; with NoBackup it writes one of the current state. Either is a readable
// copy holding what the file held.
func TestBackupBeforeWriting(t *testing.T) {
	for _, noBackup := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "jixiao.db")
		s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
		doc := storetest.Document("315002", 2020, 3, 2)
		if err := s.CreateDocument(doc); err != nil {
			t.Fatal(err)
		}
		s = storetest.MustReopen(t, s, &store.Options{NoBackup: noBackup})
		backup, err := s.Backup()
		if err != nil {
			t.Fatalf("NoBackup %v: %v", noBackup, err)
		}
		list, err := store.ListBackups(path)
		if err != nil || len(list) != 1 || list[0] != backup {
			t.Fatalf("NoBackup %v: Backup %q, backups %v %v", noBackup, backup, list, err)
		}
		// The write the backup came before.
		if err := s.DeleteDocument(doc.Key()); err != nil {
			t.Fatal(err)
		}
		if again, err := s.Backup(); !noBackup && (err != nil || again != backup) {
			t.Errorf("NoBackup %v: second Backup %q %v, want %q", noBackup, again, err, backup)
		}
		s.Close()
		if got := storetest.StoredDocument(t, backup, doc.Key()); !reflect.DeepEqual(got.Projects, doc.Projects) {
			t.Errorf("NoBackup %v: the backup does not hold the document", noBackup)
		}
	}
}
