package ui

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// The write queue alone, over a real file, with no screen and no App.

func newTestQueue(t *testing.T) (*writeQueue, *store.Store) {
	t.Helper()
	st := openStore(t, filepath.Join(t.TempDir(), "jixiao.db"))
	t.Cleanup(func() { st.Close() })
	if err := st.CreateDocument(model.Sample()); err != nil {
		t.Fatal(err)
	}
	return newWriteQueue(st, func() time.Time { return fixedNow }), st
}

// msgsOf runs cmd and the batches it returns, and lists the messages.
func msgsOf(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch m := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, msgsOf(c)...)
		}
		return out
	default:
		return []tea.Msg{m}
	}
}

// savedIn returns the one savedMsg among msgs.
func savedIn(t *testing.T, msgs []tea.Msg) savedMsg {
	t.Helper()
	var got []savedMsg
	for _, m := range msgs {
		if s, ok := m.(savedMsg); ok {
			got = append(got, s)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d writes ran, want 1: %#v", len(got), msgs)
	}
	return got[0]
}

func TestWriteQueueRunsInOrderAndCoalesces(t *testing.T) {
	q, st := newTestQueue(t)
	p := model.Sample().Projects[0]
	edit := func(name string) tea.Cmd {
		c := p
		c.Name = name
		return q.saveProject(projectChangedMsg{Key: sampleKey, Project: c})
	}
	first := edit("一")
	if first == nil || edit("二") != nil || edit("三") != nil {
		t.Fatal("a second write started while the first was running")
	}
	if len(q.jobs) != 2 || !q.writing() {
		t.Fatalf("queue holds %d jobs, want the running one and the newest", len(q.jobs))
	}
	stat, next := q.finish(savedIn(t, msgsOf(first)))
	if stat == nil || stat.bad || stat.text != "已保存 15:04:05" {
		t.Fatalf("status after the first write: %+v", stat)
	}
	msgs := msgsOf(next)
	_, rest := q.finish(savedIn(t, msgs))
	if q.busy() {
		t.Fatal("jobs left after the queue drained")
	}
	// An empty queue reads what the screens show again.
	var docs, header bool
	for _, m := range msgsOf(rest) {
		switch m.(type) {
		case docsLoadedMsg:
			docs = true
		case headerLoadedMsg:
			header = true
		}
	}
	if !docs || !header {
		t.Errorf("no reload after the queue drained (list %v, header %v)", docs, header)
	}
	got, err := st.Project(sampleKey, p.ID)
	if err != nil || got.Name != "三" {
		t.Fatalf("stored %q (%v), want the newest 三", got.Name, err)
	}
}

func TestWriteQueueFailureReopensTheEditorAndHoldsTheQuit(t *testing.T) {
	q, _ := newTestQueue(t)
	boom := errors.New("boom")
	origin := &editOrigin{field: 3, text: "typed"}
	run := q.add(saveJob{what: "项目", key: sampleKey, origin: origin, run: func(*store.Store) error { return boom }})
	if q.quit(false) != nil {
		t.Fatal("quit while a write was queued")
	}
	stat, cmd := q.finish(savedIn(t, msgsOf(run)))
	if stat == nil || !stat.bad || stat.text != "保存项目失败：boom（未退出）" {
		t.Fatalf("status %+v", stat)
	}
	var failed *saveFailedMsg
	for _, m := range msgsOf(cmd) {
		switch m := m.(type) {
		case saveFailedMsg:
			failed = &m
		case tea.QuitMsg:
			t.Fatal("quit although the write failed")
		}
	}
	if failed == nil || failed.Origin.text != "typed" || !errors.Is(failed.Err, boom) {
		t.Fatalf("saveFailedMsg %+v, want the origin and the error", failed)
	}
	if !q.takeRefused() || q.takeRefused() {
		t.Fatal("the refused quit is not reported exactly once")
	}
	// The quit key again gives the edit up: a second failure quits.
	run = q.add(saveJob{what: "项目", key: sampleKey, run: func(*store.Store) error { return boom }})
	q.quit(true)
	_, cmd = q.finish(savedIn(t, msgsOf(run)))
	if msgs := msgsOf(cmd); len(msgs) != 1 || msgs[0] != tea.Quit() {
		t.Fatalf("after giving up: %#v, want the quit", msgs)
	}
}

func TestWriteQueueReadsSeeTheWritesBeforeThem(t *testing.T) {
	q, _ := newTestQueue(t)
	p := model.Sample().Projects[0]
	p.Name = "改名"
	write := q.saveProject(projectChangedMsg{Key: sampleKey, Project: p})
	if q.readProject(openProjectMsg{Key: sampleKey, ID: p.ID}) != nil {
		t.Fatal("the read ran before the write queued ahead of it")
	}
	if q.writing() != true {
		t.Fatal("保存中 not shown while a write is queued")
	}
	_, next := q.finish(savedIn(t, msgsOf(write)))
	var loaded *projectLoadedMsg
	for _, m := range msgsOf(next) {
		if s, ok := m.(savedMsg); ok {
			_, after := q.finish(s)
			for _, m := range msgsOf(after) {
				if l, ok := m.(projectLoadedMsg); ok {
					loaded = &l
				}
			}
		}
	}
	if loaded == nil || loaded.Project == nil || loaded.Project.Name != "改名" {
		t.Fatalf("the read after the write got %+v", loaded)
	}
}
