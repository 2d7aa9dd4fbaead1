package store_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// writeSchema2 writes a file in schema 2's layout, the one before reviews:
// buckets headers and orders keyed by <unit>\x00<year>, and projects keyed
// by <len><name><id>\x00p (the project's JSON) and …\x00s (its summary of
// 9 fields, as schema 1 wrote it), every value sealed. damage names
// projects whose summary gets a flipped byte. Projects must have IDs.
func writeSchema2(t *testing.T, path string, damage map[string]bool, docs ...*model.Document) {
	t.Helper()
	writeOldFile(t, path, "2", func(tx *bolt.Tx) error {
		var bs [3]*bolt.Bucket
		for i, name := range []string{"headers", "orders", "projects"} {
			var err error
			if bs[i], err = tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		headers, orders, projects := bs[0], bs[1], bs[2]
		put := func(b *bolt.Bucket, k []byte, v any) error {
			data, err := json.Marshal(v)
			if err != nil {
				return err
			}
			return b.Put(k, sealV1(data))
		}
		for _, d := range docs {
			name := fmt.Appendf(nil, "%s\x00%04d", d.UnitCode, d.Year)
			prefix := append(binary.AppendUvarint(nil, uint64(len(name))), name...)
			if err := put(headers, name, d); err != nil {
				return err
			}
			var ids []string
			for i := range d.Projects {
				p := &d.Projects[i]
				key := func(kind byte) []byte { return append(append(append([]byte{}, prefix...), p.ID...), 0, kind) }
				if err := put(projects, key('p'), p); err != nil {
					return err
				}
				sum := summaryV1(p)
				if damage[p.ID] {
					sum[1] ^= 1
				}
				if err := projects.Put(key('s'), sum); err != nil {
					return err
				}
				ids = append(ids, p.ID)
			}
			if err := put(orders, name, ids); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestMigrateSchema2 opens a real file of schema 2: every document comes
// back unchanged and unreviewed, the summaries gain 审核状态 and the count
// of notes, the file was backed up first, and a review saved afterwards
// counts in the list and survives a reopen.
func TestMigrateSchema2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	a := storetest.Document("315002", 2020, 300, 3) // spans many pages
	b := storetest.Document("315001", 2021, 2, 1)
	e := storetest.Document("9", 2020, 0, 0)
	e.Projects = []model.Project{} // as Document returns it
	docs := []*model.Document{a, b, e}
	for _, doc := range docs {
		for i := range doc.Projects {
			doc.Projects[i].ID = fmt.Sprintf("%s-%d-%d", doc.UnitCode, doc.Year, i)
		}
	}
	a.Projects[5].Name = "名\x1f称" // the summary's separator, escaped
	writeSchema2(t, path, nil, docs...)

	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	list, err := s.ListDocuments()
	if err != nil || len(list) != 3 {
		t.Fatalf("migrated list: %+v, %v", list, err)
	}
	for _, row := range list {
		want := map[model.DocKey]int{a.Key(): 300, b.Key(): 2, e.Key(): 0}[row.Key]
		if row.Projects != want || row.Review != (model.ReviewCounts{Projects: want}) || row.Notes != 0 {
			t.Errorf("list row %s: %d projects, review %+v, %d notes; want %d unreviewed", row.Key, row.Projects, row.Review, row.Notes, want)
		}
	}
	for _, doc := range docs {
		got, err := s.Document(doc.Key())
		if err != nil || !reflect.DeepEqual(got, doc) {
			t.Fatalf("migrated document %s differs (%v)", doc.Key(), err)
		}
		_, sums, err := s.Header(doc.Key())
		if err != nil || len(sums) != len(doc.Projects) {
			t.Fatalf("Header %s: %d summaries, %v", doc.Key(), len(sums), err)
		}
		for i := range sums {
			if want := model.Summarize(&doc.Projects[i]); sums[i] != want {
				t.Errorf("%s summary %d = %+v, want %+v", doc.Key(), i, sums[i], want)
			}
		}
	}
	if backups, err := s.Backups(); err != nil || len(backups) != 1 {
		t.Fatalf("backups before migration: %v, %v", backups, err)
	}

	// A review in the new schema: status, a project note of two lines and a
	// row note.
	p := a.Projects[1]
	p.Review = model.Review{Status: model.ReviewChanges, Note: "预算数偏大。\n请补充测算依据。"}
	p.Indicators = append([]model.Indicator(nil), p.Indicators...)
	p.Indicators[2].Note = "指标值请量化"
	if err := s.SaveProject(a.Key(), &p); err != nil {
		t.Fatal(err)
	}
	q := a.Projects[7]
	q.Review.Status = model.ReviewApproved
	if err := s.SaveProject(a.Key(), &q); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
	got, err := s.Project(a.Key(), p.ID)
	if err != nil || !reflect.DeepEqual(*got, p) {
		t.Errorf("reviewed project after reopen: %+v, %v", got, err)
	}
	list, err = s.ListDocuments()
	if err != nil {
		t.Fatal(err)
	}
	if r := list[0]; r.Key != a.Key() && list[1].Key == a.Key() {
		list[0], list[1] = list[1], list[0]
	}
	for _, row := range list {
		if row.Key == a.Key() && (row.Review != model.ReviewCounts{Approved: 1, Changes: 1, Projects: 300} || row.Notes != 2) {
			t.Errorf("list row of %s after the review: %+v, %d notes", a.Key(), row.Review, row.Notes)
		}
	}
	s.Close()

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != "3" {
			t.Errorf("schema %q after migration, want 3", v)
		}
		return nil
	})
}

// TestMigrateSchema2Damaged: a schema-2 file with a damaged summary is
// refused as ErrCorrupt before anything is migrated: the file keeps
// schema 2 and its bytes, for restore to deal with.
func TestMigrateSchema2Damaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	a := storetest.Document("315002", 2020, 3, 1)
	for i := range a.Projects {
		a.Projects[i].ID = fmt.Sprintf("%s-%d", a.UnitCode, i)
	}
	writeSchema2(t, path, map[string]bool{"315002-1": true}, a)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err == nil {
		s.Close()
	}
	if !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("Open of a damaged schema-2 file: %v, want ErrCorrupt", err)
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the damaged file changed (%v)", err)
	}
}
