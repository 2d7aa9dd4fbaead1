package ui

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// settle delivers msg to the app and then every message its commands
// produce, in order, as the Bubble Tea runtime would (one at a time), so
// that when it returns the app shows the result. It is the benchmark's
// counterpart of the tests' harness, which needs a *testing.T. Messages
// for which skip returns true are dropped, with the work they would start.
func settle(a *App, msg tea.Msg, skip func(tea.Msg) bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if skip != nil && skip(m) {
			continue
		}
		switch m := m.(type) {
		case nil, tea.QuitMsg:
			continue
		case tea.BatchMsg:
			for _, c := range m {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if v := reflect.ValueOf(m); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() { // tea.Sequence's unexported message
				if c := v.Index(i).Interface().(tea.Cmd); c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if _, cmd := a.Update(m); cmd != nil {
			queue = append(queue, cmd())
		}
	}
}

// perfFile writes model.Generate(projects, 10) to a new file in dir and
// returns its path and the document's key. The generated document is not
// kept, so it is not counted in the heap of what follows.
func perfFile(tb testing.TB, dir string, projects int) (string, model.DocKey) {
	tb.Helper()
	path := filepath.Join(dir, store.FileName)
	st, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	doc := model.Generate(projects, 10)
	if err := st.CreateDocument(doc); err != nil {
		tb.Fatal(err)
	}
	if err := st.Close(); err != nil {
		tb.Fatal(err)
	}
	return path, doc.Key()
}

// openFirstFrame is what a user waits for between starting jixiao and
// seeing a document: open the file (lock, page check, schema, and the
// backup started in the background), build the root model at 140×40, open
// the document as the home screen's enter does (the root loads the header
// and the project summaries in a command) and render the frame. The
// review — reading every project and checking it — starts once that frame
// is up (loadReviewMsg) and fills in the 问题数 column while the user reads;
// it is left out here and measured by the heap-full-MB metric. The caller
// closes the store.
func openFirstFrame(tb testing.TB, path string, key model.DocKey) (*store.Store, *App, string) {
	st, err := store.Open(path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	a := New(st, nil)
	settle(a, tea.WindowSizeMsg{Width: 140, Height: 40}, nil)
	settle(a, openDocMsg{Key: key}, isReviewLoad)
	return st, a, a.View().Content
}

func isReviewLoad(m tea.Msg) bool {
	_, ok := m.(loadReviewMsg)
	return ok
}

func heapInUseMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapInuse) / 1e6
}

// BenchmarkOpenFirstFrame opens a file holding one document of 10 or 1,000
// projects (10 indicators each) and renders the document screen's first
// frame at 140×40. The store is opened with the real defaults: the backup
// Open starts runs in the background while the frame is built, as it does
// for the user, and competes with it for the CPU; only the wait for it in
// Close is outside the timer. heap-MB is the heap in use, after a
// collection, while the document is on screen.
func BenchmarkOpenFirstFrame(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			path, key := perfFile(b, b.TempDir(), n)
			b.ReportAllocs()
			for b.Loop() {
				st, _, frame := openFirstFrame(b, path, key)
				if !strings.Contains(frame, "抚宁区示例局") {
					b.Fatalf("the first frame does not show the document:\n%s", frame)
				}
				// Close waits for the backup; the user does not (it runs
				// while they read the screen), so it is left out.
				b.StopTimer()
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.StopTimer()
			st, app, _ := openFirstFrame(b, path, key)
			b.ReportMetric(heapInUseMB(), "heap-MB")
			// Then the review load the first frame starts: the whole
			// document read and checked, the 问题数 column filled.
			settle(app, loadReviewMsg{Key: key}, nil)
			if !strings.Contains(app.View().Content, "问题") {
				b.Fatalf("the review did not run:\n%s", app.View().Content)
			}
			b.ReportMetric(heapInUseMB(), "heap-full-MB")
			runtime.KeepAlive(app) // the screen is still up when the heap is measured
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
