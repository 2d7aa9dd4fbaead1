package store_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"jixiao/model"
	"jixiao/store/storetest"
)

// BenchmarkSaveField commits one edited indicator value — what the grid
// sends when a cell's edit is confirmed — with fsync on, in a document of 10
// and of 1,000 projects (10 indicators each, model.Generate). raw-fsync
// writes the same bytes (the project's encoding) to a file and fsyncs it:
// the floor set by the disk. bbolt syncs twice per commit (the data pages,
// then the meta page), so SaveField cannot get under 2× raw-fsync.
func BenchmarkSaveField(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			// Backups are made on open only, so NoBackup changes nothing
			// measured here; it keeps the fixture's open cheap.
			s := storetest.MustOpen(b)
			doc := model.Generate(n, 10)
			if err := s.CreateDocument(doc); err != nil {
				b.Fatal(err)
			}
			p, err := s.Project(doc.Key(), doc.Projects[n/2].ID)
			if err != nil {
				b.Fatal(err)
			}
			key := doc.Key()
			doc = nil // only the stored file matters from here
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// A new value every time, so every commit really writes.
				p.Indicators[3].Value = fmt.Sprintf("≥%d件", 100+i%1000)
				if err := s.SaveProject(key, p); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	b.Run("raw-fsync", func(b *testing.B) {
		// The project SaveField/projects=1000 edits (project i does not
		// depend on how many follow it).
		p := model.Generate(501, 10).Projects[500]
		p.Indicators[3].Value = "≥100件"
		data, err := json.Marshal(&p)
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Create(filepath.Join(b.TempDir(), "raw"))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		b.ReportAllocs()
		for b.Loop() {
			// In place, as bbolt rewrites its pages in place.
			if _, err := f.WriteAt(data, 0); err != nil {
				b.Fatal(err)
			}
			if err := f.Sync(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMoveDocument moves a 1,000-project document (10 indicators
// each) to a new 年度 and back with store.EditHeader — what H does when
// 年度 changes — beside put-whole, PutDocument of the same document: the
// move rewrites every key once, so it should cost about what writing the
// document does (the README's target: ≤ 1.5× put-whole).
func BenchmarkMoveDocument(b *testing.B) {
	s := storetest.MustOpen(b)
	doc := model.Generate(1000, 10)
	if err := s.CreateDocument(doc); err != nil {
		b.Fatal(err)
	}
	b.Run("move", func(b *testing.B) {
		key := doc.Key()
		for b.Loop() {
			moved, err := s.EditHeader(key, func(h *model.Header) { h.Year = 4041 - h.Year }) // 2021 ↔ 2020
			if err != nil {
				b.Fatal(err)
			}
			key = moved.Key()
		}
	})
	b.Run("put-whole", func(b *testing.B) {
		d := *doc
		d.Year = 3000
		for b.Loop() {
			if err := s.PutDocument(&d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
