package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// routeDiff handles the requests of the diff screen and the library: the
// reads run in the write queue, behind the edits made so far.
func (a *App) routeDiff(msg tea.Msg) (tea.Cmd, bool) {
	switch m := msg.(type) {
	case openDiffMsg:
		a.push(newDiffScreen(a.common, m.Key))
		return a.writes.readDiffChoices(m.Key), true
	case compareMsg:
		return a.writes.compare(m), true
	case libraryLoadedMsg:
		if m.Err != nil {
			a.setError("读取指标库", m.Err)
			return nil, true
		}
		a.common.Library = m.Lib
		return nil, true
	case diffChoicesMsg:
		if m.Err != nil {
			a.setError("读取可对比的文本", m.Err)
		}
		return a.broadcast(m), true
	case diffReadyMsg:
		if m.Err != nil {
			a.setError("变动对比", m.Err)
		}
		return a.broadcast(m), true
	}
	return nil, false
}

// readDiffChoices lists what a document can be compared with: the other
// documents and its own copies kept at export.
func (q *writeQueue) readDiffChoices(k model.DocKey) tea.Cmd {
	var docs []store.DocInfo
	var snaps []store.Snapshot
	var err error
	return q.add(saveJob{read: true, key: k,
		run: func(s *store.Store) error {
			if docs, err = s.ListDocuments(); err == nil {
				snaps, err = s.Snapshots(k)
			}
			return nil
		},
		after: func() tea.Cmd {
			return msgCmd(diffChoicesMsg{Key: k, Docs: docs, Snaps: snaps, Err: err})
		}})
}

// compare reads the open document and the other side, and compares them
// in a command of its own.
func (q *writeQueue) compare(m compareMsg) tea.Cmd {
	var a, b *model.Document
	var err error
	return q.add(saveJob{read: true, key: m.Key,
		run: func(s *store.Store) error {
			if m.Other.At.IsZero() {
				a, err = s.Document(m.Other.Key)
			} else {
				a, err = s.LoadSnapshot(m.Other.Key, m.Other.At)
			}
			if err == nil {
				b, err = s.Document(m.Key)
			}
			return nil
		},
		after: func() tea.Cmd {
			return func() tea.Msg {
				if err != nil {
					return diffReadyMsg{Key: m.Key, Err: err}
				}
				r := &export.DiffReport{A: m.Other.Label, B: m.Key.String(), Diff: model.Compare(a, b)}
				return diffReadyMsg{Key: m.Key, Report: r}
			}
		}})
}

// readLibrary reads every document and builds the indicator library from
// their rows and the starter rows.
func (q *writeQueue) readLibrary() tea.Cmd {
	var docs []*model.Document
	var err error
	return q.add(saveJob{read: true,
		run: func(s *store.Store) error {
			var list []store.DocInfo
			if list, err = s.ListDocuments(); err != nil {
				return nil
			}
			for _, info := range list {
				d, derr := s.Document(info.Key)
				if derr != nil {
					// One damaged document must not take the library
					// away: its rows are left out.
					err = errors.Join(err, derr)
					continue
				}
				docs = append(docs, d)
			}
			return nil
		},
		after: func() tea.Cmd {
			return func() tea.Msg {
				lib := model.NewLibrary(docs)
				if err != nil && len(docs) == 0 {
					return libraryLoadedMsg{Lib: lib, Err: err}
				}
				return libraryLoadedMsg{Lib: lib}
			}
		}})
}

// keepSent keeps the document as exported, named by the time, so that it
// can be compared with later ("as sent").
func (q *writeQueue) keepSent(doc *model.Document, m exportMsg) error {
	note := fmt.Sprintf("%s %s", m.Opts.Format, m.Path)
	return q.store.SaveSnapshot(doc, q.now(), note)
}
