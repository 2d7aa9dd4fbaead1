package store_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// writeSchema0 writes a file in the first prototype's layout: meta with
// schema "0", and bucket "documents" holding each document whole, projects
// inline, as plain JSON.
func writeSchema0(t *testing.T, path string, docs ...*model.Document) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("magic"), []byte("jixiao")); err != nil {
			return err
		}
		if err := meta.Put([]byte("schema"), []byte("0")); err != nil {
			return err
		}
		b, err := tx.CreateBucket([]byte("documents"))
		if err != nil {
			return err
		}
		for _, d := range docs {
			v, err := json.Marshal(struct {
				*model.Document
				Projects []model.Project `json:"projects"`
			}{d, d.Projects})
			if err != nil {
				return err
			}
			if err := b.Put([]byte(d.Key().String()), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateSchema0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	a := storetest.Document("315002", 2020, 4, 3)
	b := storetest.Document("315001", 2019, 2, 1)
	a.Projects[2].ID = "kept-id" // IDs the prototype had are kept
	writeSchema0(t, path, a, b)

	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	list, err := s.ListDocuments()
	if err != nil || len(list) != 2 || list[0].Key != b.Key() || list[1].Projects != 4 || list[1].Indicators != 12 {
		t.Fatalf("migrated list: %+v, %v", list, err)
	}
	got, err := s.Document(a.Key())
	if err != nil {
		t.Fatal(err)
	}
	if got.Projects[2].ID != "kept-id" {
		t.Errorf("project ID %q, want kept-id", got.Projects[2].ID)
	}
	for i := range got.Projects {
		if got.Projects[i].ID == "" {
			t.Errorf("project %d has no ID after migration", i)
		}
		a.Projects[i].ID = got.Projects[i].ID
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("migrated document:\n got %+v\nwant %+v", got, a)
	}
	// The unmigrated file was backed up first, even with NoBackup: that
	// backup is a safety net, not the routine one.
	backups, err := s.Backups()
	if err != nil || len(backups) != 1 {
		t.Fatalf("backups before migration: %v, %v", backups, err)
	}
	// Editing works in the new layout and survives a reopen.
	if err := s.SaveProject(a.Key(), &model.Project{Code: "NEW"}); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
	if _, sums, err := s.Header(a.Key()); err != nil || len(sums) != 5 || sums[4].Code != "NEW" {
		t.Errorf("after edit and reopen: %+v, %v", sums, err)
	}
}
