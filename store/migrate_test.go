package store_test

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// writeOldFile writes a bbolt file with a jixiao meta bucket of the given
// schema version, then lets fill add that schema's buckets in the same
// transaction.
func writeOldFile(t *testing.T, path, schema string, fill func(tx *bolt.Tx) error) {
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
		if err := meta.Put([]byte("schema"), []byte(schema)); err != nil {
			return err
		}
		return fill(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeSchema0 writes a file in the first prototype's layout: meta with
// schema "0", and bucket "documents" holding each document whole, projects
// inline, as plain JSON.
func writeSchema0(t *testing.T, path string, docs ...*model.Document) {
	t.Helper()
	writeOldFile(t, path, "0", func(tx *bolt.Tx) error {
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

// sealV1 is schema 1's value framing: the bytes, then their CRC-32C,
// big-endian.
func sealV1(data []byte) []byte {
	return binary.BigEndian.AppendUint32(data, crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
}

// summaryV1 is schema 1's summary value: fields joined by U+001F (written
// as the byte 0xFF inside text), amounts in units of 0.0001 万元, "" when
// not filled in.
func summaryV1(p *model.Project) []byte {
	s := model.Summarize(p)
	text := func(v string) string { return strings.ReplaceAll(v, "\x1f", "\xff") }
	money := func(m model.Money) string {
		if !m.IsSet() {
			return ""
		}
		return strconv.FormatInt(m.Units(), 10)
	}
	return sealV1([]byte(strings.Join([]string{text(s.ID), text(s.Code), text(s.Name), money(s.Budget), money(s.Fiscal), money(s.Other),
		strconv.Itoa(s.Indicators), strconv.Itoa(s.Filled), strconv.Itoa(s.Fields)}, "\x1f")))
}

// writeSchema1 writes a file in schema 1's layout: bucket "docs" holding a
// bucket per document named <unit>\x00<year>, with keys "header" and
// "order" and buckets "projects" and "summaries" keyed by project ID.
// Projects must have IDs.
func writeSchema1(t *testing.T, path string, docs ...*model.Document) {
	t.Helper()
	writeOldFile(t, path, "1", func(tx *bolt.Tx) error {
		all, err := tx.CreateBucket([]byte("docs"))
		if err != nil {
			return err
		}
		for _, d := range docs {
			b, err := all.CreateBucket(fmt.Appendf(nil, "%s\x00%04d", d.UnitCode, d.Year))
			if err != nil {
				return err
			}
			projects, err := b.CreateBucket([]byte("projects"))
			if err != nil {
				return err
			}
			summaries, err := b.CreateBucket([]byte("summaries"))
			if err != nil {
				return err
			}
			header, err := json.Marshal(d)
			if err != nil {
				return err
			}
			if err := b.Put([]byte("header"), sealV1(header)); err != nil {
				return err
			}
			var ids []string
			for i := range d.Projects {
				p := &d.Projects[i]
				v, err := json.Marshal(p)
				if err != nil {
					return err
				}
				if err := projects.Put([]byte(p.ID), sealV1(v)); err != nil {
					return err
				}
				if err := summaries.Put([]byte(p.ID), summaryV1(p)); err != nil {
					return err
				}
				ids = append(ids, p.ID)
			}
			order, err := json.Marshal(ids)
			if err != nil {
				return err
			}
			if err := b.Put([]byte("order"), sealV1(order)); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestMigrateSchema1 opens a real schema-1 file: every document comes back
// whole, lists and summaries agree, the schema-1 buckets are gone, the
// unmigrated file is kept as a backup, and edits work and survive a reopen.
func TestMigrateSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	a := storetest.Document("315002", 2020, 300, 4) // spans many pages
	b := storetest.Document("315002", 2021, 3, 2)
	c := storetest.Document("1\x002020\x00x", 2019, 2, 1) // begins with another's name
	d := storetest.Document("1", 2020, 0, 0)
	d.Projects = []model.Project{} // as Document returns it
	docs := []*model.Document{a, b, c, d}
	for _, doc := range docs {
		for i := range doc.Projects {
			doc.Projects[i].ID = fmt.Sprintf("%s-%d-%d", doc.UnitCode, doc.Year, i)
		}
	}
	a.Projects[7].Name = "名\x1f称" // the summary's separator, escaped
	writeSchema1(t, path, docs...)

	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	list, err := s.ListDocuments()
	if err != nil || len(list) != 4 {
		t.Fatalf("migrated list: %+v, %v", list, err)
	}
	counts := map[model.DocKey]int{}
	for _, row := range list {
		counts[row.Key] = row.Projects
	}
	for _, doc := range docs {
		if counts[doc.Key()] != len(doc.Projects) {
			t.Errorf("list row of %s: %d projects, want %d", doc.Key(), counts[doc.Key()], len(doc.Projects))
		}
		got, err := s.Document(doc.Key())
		if err != nil {
			t.Fatalf("%s: %v", doc.Key(), err)
		}
		if !reflect.DeepEqual(got, doc) {
			t.Errorf("migrated document %s differs", doc.Key())
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
	backups, err := s.Backups()
	if err != nil || len(backups) != 1 {
		t.Fatalf("backups before migration: %v, %v", backups, err)
	}
	if err := s.SaveProject(b.Key(), &model.Project{Code: "NEW"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDocument(d.Key()); err != nil {
		t.Fatal(err)
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
	if _, sums, err := s.Header(b.Key()); err != nil || len(sums) != 4 || sums[3].Code != "NEW" {
		t.Errorf("after edit and reopen: %+v, %v", sums, err)
	}
	if got, err := s.Document(c.Key()); err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("%s after deleting %s: %v", c.Key(), d.Key(), err)
	}
	s.Close()

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte("docs")) != nil {
			t.Error("schema 1's docs bucket is still there")
		}
		if v := string(tx.Bucket([]byte("meta")).Get([]byte("schema"))); v != "3" {
			t.Errorf("schema %q after migration, want 3", v)
		}
		return nil
	})
}
