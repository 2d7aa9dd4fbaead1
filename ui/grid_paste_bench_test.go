package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// BenchmarkPasteRows pastes 1,000 rows (the rows BenchmarkImportCSV in
// the main package imports, as Excel puts them on the clipboard) on a
// grid of 10 rows, from the PasteMsg through Update to the saved state:
// the project written to a real file (one bbolt transaction, fsync on)
// and the status line saying so. Undoing it between runs is not timed.
func BenchmarkPasteRows(b *testing.B) {
	path := filepath.Join(b.TempDir(), store.FileName)
	st, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	doc := model.Generate(1, 10)
	if err := st.CreateDocument(doc); err != nil {
		b.Fatal(err)
	}
	var clip strings.Builder
	for _, in := range model.Generate(1, 1000).Projects[0].Indicators {
		for c := range model.IndicatorColumns {
			if c > 0 {
				clip.WriteByte('\t')
			}
			v := in.Cell(c)
			if strings.ContainsAny(v, "\t\r\n\"") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			clip.WriteString(v)
		}
		clip.WriteString("\r\n")
	}
	paste := tea.PasteMsg{Content: clip.String()}

	b.Run("rows=1000", func(b *testing.B) {
		a := New(st, nil)
		settle(a, tea.WindowSizeMsg{Width: 140, Height: 40}, nil)
		settle(a, openProjectMsg{Key: doc.Key(), ID: doc.Projects[0].ID, View: viewGrid}, isReviewLoad)
		g, ok := a.top().(*gridScreen)
		if !ok {
			b.Fatalf("in front is %T, not the grid", a.top())
		}
		undo := tea.KeyPressMsg{Code: 'u', Text: "u"}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			settle(a, paste, isReviewLoad)
			b.StopTimer()
			if n := len(g.Project().Indicators); n != 1010 || !strings.Contains(a.View().Content, "粘贴了 1000 行，已保存") {
				b.Fatalf("%d rows after the paste:\n%s", n, a.View().Content)
			}
			settle(a, undo, isReviewLoad)
			b.StartTimer()
		}
	})
}
