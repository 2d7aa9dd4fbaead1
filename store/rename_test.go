package store_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// TestEditHeaderMovesTheDocument: changing a document's 单位编码 and
// 年度 moves all of it (header, order, projects, summaries, snapshots) in
// one transaction; the neighbours whose codes share its first bytes are
// untouched; a key that is taken is refused and nothing changes.
func TestEditHeaderMovesTheDocument(t *testing.T) {
	// set is the edit that makes a header say what d's says.
	set := func(d *model.Document) func(*model.Header) {
		h := d.Header()
		return func(x *model.Header) { *x = h }
	}
	s := storetest.MustOpen(t)
	doc := storetest.Document("31", 2020, 3, 2)
	near := storetest.Document("315", 2020, 2, 1) // its code begins with doc's
	taken := storetest.Document("31", 2021, 1, 1) // the key asked for below
	for _, d := range []*model.Document{doc, near, taken} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	if err := s.SaveSnapshot(doc, at, "md 司法局.md"); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveProject(doc.Key(), doc.Projects[2].ID, 0); err != nil {
		t.Fatal(err)
	}
	before, err := s.Document(doc.Key())
	if err != nil {
		t.Fatal(err)
	}

	// The key is taken: refused, all three documents as they were.
	h := *before
	h.Projects, h.Year, h.UnitName = nil, 2021, "改了名字"
	if _, err := s.EditHeader(doc.Key(), set(&h)); !errors.Is(err, store.ErrExists) {
		t.Fatalf("EditHeader onto 31/2021: %v, want ErrExists", err)
	}
	for _, want := range []*model.Document{before, near, taken} {
		if got, err := s.Document(want.Key()); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s after the refused move: %v\n got %+v\nwant %+v", want.Key(), err, got, want)
		}
	}

	// A free key: moved, with the new header and everything else.
	h.UnitCode, h.Year = "310001", 2022
	stored, err := s.EditHeader(doc.Key(), set(&h))
	if err != nil {
		t.Fatal(err)
	}
	if stored.Key() != h.Key() || stored.Overall != before.Overall {
		t.Errorf("EditHeader returned %s with 总体绩效目标 %q", stored.Key(), stored.Overall)
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
	if _, err := s.Document(doc.Key()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("old key after the move: %v, want ErrNotFound", err)
	}
	got, err := s.Document(h.Key())
	if err != nil {
		t.Fatal(err)
	}
	want := h
	want.Projects = before.Projects
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("moved document:\n got %+v\nwant %+v", got, &want)
	}
	_, sums, err := s.Header(h.Key())
	if err != nil || len(sums) != len(before.Projects) {
		t.Fatalf("moved summaries: %v %v", sums, err)
	}
	for i := range sums {
		if want := model.Summarize(&before.Projects[i]); sums[i] != want {
			t.Errorf("moved summary %d = %+v, want %+v", i, sums[i], want)
		}
	}
	snaps, err := s.Snapshots(h.Key())
	if err != nil || len(snaps) != 1 || !snaps[0].At.Equal(at) || snaps[0].Projects != 3 {
		t.Errorf("snapshots of the moved document: %+v %v", snaps, err)
	}
	if old, err := s.Snapshots(doc.Key()); err != nil || len(old) != 0 {
		t.Errorf("snapshots left under the old key: %+v %v", old, err)
	}
	for _, want := range []*model.Document{near, taken} {
		if got, err := s.Document(want.Key()); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s after the move: %v", want.Key(), err)
		}
	}
	list, err := s.ListDocuments()
	if err != nil || len(list) != 3 {
		t.Fatalf("list after the move: %d documents, %v", len(list), err)
	}

	// The same key is a header save; a missing or invalid one is refused.
	h.Status = model.StatusFinal
	if _, err := s.EditHeader(h.Key(), set(&h)); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Header(h.Key()); got.Status != model.StatusFinal {
		t.Errorf("status after a same-key save: %q", got.Status)
	}
	if _, err := s.EditHeader(model.DocKey{UnitCode: "999", Year: 2020}, set(&h)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving a missing document: %v, want ErrNotFound", err)
	}
	bad := h
	bad.Year = 20
	if _, err := s.EditHeader(h.Key(), set(&bad)); !errors.Is(err, store.ErrInvalidKey) {
		t.Errorf("moving to year 20: %v, want ErrInvalidKey", err)
	}
}
