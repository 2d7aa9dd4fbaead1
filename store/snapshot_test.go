package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

func TestSnapshots(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := model.Sample()
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	other := storetest.Document("3150021", 2020, 1, 1) // a unit code that starts with the sample's
	if err := s.CreateDocument(other); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Snapshots(doc.Key()); err != nil || len(got) != 0 {
		t.Fatalf("before any: %v, %v", got, err)
	}
	sent := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	if err := s.SaveSnapshot(doc, sent, "md a.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSnapshot(other, sent, "csv"); err != nil {
		t.Fatal(err)
	}
	changed := model.Sample()
	changed.Projects[0].Name = "改"
	later := sent.Add(90 * time.Minute)
	if err := s.SaveSnapshot(changed, later, "csv b.csv"); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})

	list, err := s.Snapshots(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Snapshot{
		{Key: doc.Key(), At: sent, Note: "md a.md", Projects: len(doc.Projects)},
		{Key: doc.Key(), At: later, Note: "csv b.csv", Projects: len(doc.Projects)},
	}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("Snapshots = %+v\nwant %+v", list, want)
	}
	got, err := s.LoadSnapshot(doc.Key(), sent)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("LoadSnapshot differs from what was kept")
	}
	if got, _ := s.LoadSnapshot(doc.Key(), later); got.Projects[0].Name != "改" {
		t.Errorf("second snapshot: %q", got.Projects[0].Name)
	}
	if _, err := s.LoadSnapshot(doc.Key(), sent.Add(time.Second)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing snapshot: %v", err)
	}
	// The document itself is untouched by its snapshots.
	if cur, _ := s.Document(doc.Key()); !reflect.DeepEqual(cur, doc) {
		t.Error("document changed by a snapshot")
	}
}

func TestSnapshotsPruned(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 1, 1)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range store.KeepSnapshots + 3 {
		if err := s.SaveSnapshot(doc, t0.Add(time.Duration(i)*time.Minute), ""); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Snapshots(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != store.KeepSnapshots || !list[0].At.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("%d kept, first %v", len(list), list[0].At)
	}
}

// TestSnapshotsListChecksDamage: a listed snapshot's checksum is checked
// even though only its note and count are decoded.
func TestSnapshotsListChecksDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	doc := model.Sample()
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	if err := s.SaveSnapshot(doc, at, "md"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Flip one byte inside the stored JSON (a project name).
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("法律援助经费"))
	if i < 0 {
		t.Fatal("snapshot text not found in the file")
	}
	data[i+1] ^= 0x01
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if _, err := s.Snapshots(doc.Key()); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Snapshots of a damaged copy: %v, want ErrCorrupt", err)
	}
	if _, err := s.LoadSnapshot(doc.Key(), at); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("LoadSnapshot of a damaged copy: %v, want ErrCorrupt", err)
	}
}

// TestSnapshotsFollowTheDocument: an import that replaces a document keeps
// what was sent of it; deleting the document deletes its snapshots (a new
// document of that key starts with no history), and no other's.
func TestSnapshotsFollowTheDocument(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := model.Sample()
	other := storetest.Document("3150021", 2020, 1, 1)
	for _, d := range []*model.Document{doc, other} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSnapshot(d, time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC), "md"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutDocument(model.Sample()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Snapshots(doc.Key()); err != nil || len(got) != 1 {
		t.Fatalf("snapshots after an import: %v %v", got, err)
	}
	if err := s.DeleteDocument(doc.Key()); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDocument(model.Sample()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Snapshots(doc.Key()); err != nil || len(got) != 0 {
		t.Errorf("snapshots of a deleted document: %v %v", got, err)
	}
	if got, err := s.Snapshots(other.Key()); err != nil || len(got) != 1 {
		t.Errorf("snapshots of the other document: %v %v", got, err)
	}
}
