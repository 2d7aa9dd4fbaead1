package store_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// TestOldFileReadsLayoutAuto: a file written before documents had a
// layout (its headers carry no "layout") opens with every document on
// LayoutAuto, which the rules detect from the rows.
func TestOldFileReadsLayoutAuto(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jixiao.db")
	doc := storetest.Document("315002", 2020, 3, 2)
	for i := range doc.Projects {
		doc.Projects[i].ID = fmt.Sprintf("p%d", i)
	}
	header, err := json.Marshal(doc)
	if err != nil || strings.Contains(string(header), `"layout"`) {
		t.Fatalf("an auto document's header must not carry a layout: %s %v", header, err)
	}
	writeSchema1(t, path, doc)
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	got, err := s.Document(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	if got.Layout != model.LayoutAuto {
		t.Errorf("old document's layout = %q, want auto", got.Layout)
	}
}

// TestLayoutSurvivesReopen: a layout set on a document is in the file at
// once, through CreateDocument and SaveHeader.
func TestLayoutSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), store.FileName)
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	doc := storetest.Document("315002", 2023, 2, 2)
	doc.Layout = model.Layout2020
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	read := func(want model.Layout) {
		t.Helper()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
		got, err := s.Document(doc.Key())
		if err != nil {
			t.Fatal(err)
		}
		if got.Layout != want {
			t.Errorf("layout after reopen = %q, want %q", got.Layout, want)
		}
	}
	read(model.Layout2020)
	doc.Layout = model.Layout101
	if err := s.SaveHeader(doc); err != nil {
		t.Fatal(err)
	}
	read(model.Layout101)
	doc.Layout = model.LayoutAuto
	if err := s.SaveHeader(doc); err != nil {
		t.Fatal(err)
	}
	read(model.LayoutAuto)
}
