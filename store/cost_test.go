package store_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// TestHeaderDoesNotDecodeProjects damages every project value: Header and
// ListDocuments still work (they read summaries only), Document reports
// the damage.
func TestHeaderDoesNotDecodeProjects(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 5, 3)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	ids := make([]string, len(doc.Projects))
	for i := range doc.Projects {
		ids[i] = doc.Projects[i].ID
	}
	storetest.DamageProjects(t, path, doc.Key(), ids)
	s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if _, sums, err := s.Header(doc.Key()); err != nil || len(sums) != 5 {
		t.Errorf("Header: %d summaries, %v", len(sums), err)
	}
	if list, err := s.ListDocuments(); err != nil || list[0].Budget.String() != "15.00" {
		t.Errorf("ListDocuments: %+v, %v", list, err)
	}
	if _, err := s.Document(doc.Key()); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Document: %v, want ErrCorrupt", err)
	}
}

// TestHeaderScales: opening a document of 1,000 projects (the summaries)
// costs at most 5× what opening a whole document of 10 projects does
// (what a store that decodes projects would pay for 10). Projects have 20
// indicators, like a full 绩效目标表.
func TestHeaderScales(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	s := storetest.MustOpen(t)
	big, small := storetest.Document("1", 2020, 1000, 20), storetest.Document("2", 2020, 10, 20)
	for _, d := range []*model.Document{big, small} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	best := func(f func() error) time.Duration {
		b := time.Duration(1 << 62)
		for range 15 {
			start := time.Now()
			if err := f(); err != nil {
				t.Fatal(err)
			}
			b = min(b, time.Since(start))
		}
		return b
	}
	header := best(func() error { _, _, err := s.Header(big.Key()); return err })
	whole := best(func() error { _, err := s.Document(small.Key()); return err })
	t.Logf("Header(1000 projects) %v, Document(10 projects) %v, ratio %.1f", header, whole, float64(header)/float64(whole))
	if header > 5*whole {
		t.Errorf("Header of 1,000 projects took %v, more than 5× Document of 10 (%v)", header, whole)
	}
}

// TestEditCostIndependentOfDocumentSize counts the pages a SaveProject
// commit writes: a project edit in a document of 1,000 projects must write
// about as much as in one of 10, never the whole document, and no more
// pages than the flat layout needs (each page costs the disk a scattered
// write before the commit's first fsync).
func TestEditCostIndependentOfDocumentSize(t *testing.T) {
	pagesWritten := func(n int) int64 {
		s := storetest.MustOpen(t)
		doc := storetest.Document("315002", 2020, n, 20)
		if err := s.CreateDocument(doc); err != nil {
			t.Fatal(err)
		}
		p := doc.Projects[n/2]
		p.Name = "改名"
		before := s.Stats().Write
		if err := s.SaveProject(doc.Key(), &p); err != nil {
			t.Fatal(err)
		}
		return s.Stats().Write - before
	}
	small, big := pagesWritten(10), pagesWritten(1000)
	t.Logf("pages written by one SaveProject: %d (10 projects), %d (1,000 projects)", small, big)
	// A deeper B+tree adds a page per level; a whole-document rewrite
	// would add hundreds. At 1,000 projects a save writes the leaf holding
	// the project and its summary, two branch pages, the root page, the
	// freelist and the meta page; schema 1's nested buckets wrote 10.
	if big > small+2 || big > 7 {
		t.Errorf("SaveProject wrote %d pages in a 1,000-project document, %d in a 10-project one (want at most 7, and 2 more than at 10)", big, small)
	}
}

func BenchmarkHeader(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := storetest.MustOpen(b)
			doc := storetest.Document("315002", 2020, n, 20)
			if err := s.CreateDocument(doc); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, _, err := s.Header(doc.Key()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOpen(b *testing.B) {
	s := storetest.MustOpen(b)
	if err := s.CreateDocument(storetest.Document("315002", 2020, 1000, 20)); err != nil {
		b.Fatal(err)
	}
	path := s.Path()
	s.Close()
	for b.Loop() {
		s, err := store.Open(path, &store.Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
