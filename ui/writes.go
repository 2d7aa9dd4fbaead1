package ui

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// The store call behind each edit and each read that must see the edits
// queued before it. Each returns the queue's command.

// saveProject writes an edited project; a newer edit of the same project
// still queued replaces the older.
func (q *writeQueue) saveProject(m projectChangedMsg) tea.Cmd {
	p, k := m.Project, m.Key
	return q.add(saveJob{coalesce: "p:" + k.String() + "/" + p.ID, what: projectLabel(p), key: k, origin: m.Origin, done: m.Done,
		run: func(s *store.Store) error { return s.SaveProject(k, &p) }})
}

// saveHeader writes the document header and Part 1.
func (q *writeQueue) saveHeader(m headerChangedMsg) tea.Cmd {
	doc := m.Doc
	return q.add(saveJob{coalesce: "h:" + doc.Key().String(), what: "第一部分", key: doc.Key(), origin: m.Origin,
		run: func(s *store.Store) error { return s.SaveHeader(&doc) }})
}

// saveHeaderEdit saves one field of a document's header
// (store.EditHeader: the header as stored, behind the queued writes,
// changed and saved in one transaction, so no older copy of Part 1 is
// written back), moving the document when its key changed. Unless the
// edit is of the title itself, the title follows a changed 单位名称, 年度
// or 状态 (model.Retitle), whichever screen made the edit. The
// answer, headerSavedMsg, gives the screens the header as stored.
func (q *writeQueue) saveHeaderEdit(m headerEditMsg) tea.Cmd {
	t := m.Target
	var saved *model.Document
	var from model.DocKey
	return q.add(saveJob{what: m.What, key: m.From, origin: m.Origin,
		keyAfter: func() model.DocKey { return t.key },
		run: func(s *store.Store) error {
			from = t.key
			doc, err := s.EditHeader(from, func(h *model.Header) {
				was := *h
				m.Edit(h)
				if h.Title == was.Title {
					// A title that says the old name, year or status
					// says the new ones.
					h.Title = model.Retitle(h.Title, was, *h)
				}
			})
			if err != nil {
				return err
			}
			t.key, saved = doc.Key(), doc
			return nil
		},
		after: func() tea.Cmd { return msgCmd(headerSavedMsg{From: from, To: saved.Key(), Doc: saved}) }})
}

// saveStatus sets a document's 状态 (草案 / 定稿) alone: a header edit of
// that one field, so no older copy of Part 1 is written back.
func (q *writeQueue) saveStatus(k model.DocKey, st model.Status) tea.Cmd {
	return q.saveHeaderEdit(headerEditMsg{Target: &headerTarget{key: k}, From: k, What: "状态 " + string(st),
		Edit: func(h *model.Header) { h.Status = st }})
}

func (q *writeQueue) deleteDoc(k model.DocKey) tea.Cmd {
	return q.add(saveJob{what: "删除 " + k.String(), key: k,
		run: func(s *store.Store) error { return s.DeleteDocument(k) }})
}

// insertProject stores the new, empty p at position at.
func (q *writeQueue) insertProject(k model.DocKey, p model.Project, at int) tea.Cmd {
	return q.add(saveJob{what: "新项目", key: k,
		run: func(s *store.Store) error { return s.InsertProject(k, &p, at) }})
}

func (q *writeQueue) deleteProject(m deleteProjectMsg) tea.Cmd {
	return q.add(saveJob{what: "删除项目", key: m.Key,
		run: func(s *store.Store) error { return s.DeleteProject(m.Key, m.ID) }})
}

func (q *writeQueue) moveProject(m moveProjectMsg) tea.Cmd {
	return q.add(saveJob{what: "项目顺序", key: m.Key,
		run: func(s *store.Store) error { return s.MoveProject(m.Key, m.ID, m.To) }})
}

// createDoc creates a document (draft, in 万元 unless said) and then says
// so with docCreatedMsg.
func (q *writeQueue) createDoc(m createDocMsg) tea.Cmd {
	doc := m.Doc
	if doc.Status == "" {
		doc.Status = model.StatusDraft
	}
	if doc.Currency == "" {
		doc.Currency = "万元"
	}
	k := doc.Key()
	return q.add(saveJob{what: "新建 " + k.String(), key: k, origin: m.Origin,
		run:   func(s *store.Store) error { return s.CreateDocument(&doc) },
		after: func() tea.Cmd { return msgCmd(docCreatedMsg{Key: k}) }})
}

// planCopy reads the document to copy behind the queued writes and
// answers with the copy and the rows the 101号 layout moves.
func (q *writeQueue) planCopy(m planCopyMsg) tea.Cmd {
	return q.readDocument(m.From, func(doc *model.Document, err error) tea.Msg {
		if err != nil {
			return copyPlannedMsg{Err: err}
		}
		c := model.CopyForward(doc, m.To, m.UnitName)
		return copyPlannedMsg{Copy: c, Moves: model.MovesTo101(c)}
	})
}

// copyDoc backs the file up, then stores the copy as a new document (never
// over one), and opens it.
func (q *writeQueue) copyDoc(m copyDocMsg) tea.Cmd {
	doc := m.Doc
	k := doc.Key()
	return q.add(saveJob{what: "复制为 " + k.String(), key: k, origin: m.Origin, done: "已复制为 " + k.String(),
		run: func(s *store.Store) error {
			if _, err := s.BackupNow(); err != nil {
				return fmt.Errorf("复制前备份数据库：%w", err)
			}
			return s.CreateDocument(doc)
		},
		after: func() tea.Cmd { return msgCmd(docCreatedMsg{Key: k}) }})
}

// errSampleThere says s found the sample already in the file.
var errSampleThere = errors.New("示例已经在文件中，未改动")

// addSample stores the sample document unless it is there already.
func (q *writeQueue) addSample(doc *model.Document) tea.Cmd {
	return q.add(saveJob{what: "示例 " + doc.Key().String(), key: doc.Key(),
		run: func(s *store.Store) error {
			if err := s.CreateDocument(doc); errors.Is(err, store.ErrExists) {
				return errSampleThere
			} else {
				return err
			}
		}})
}

// readProject reads a project behind the queued writes and answers with
// projectLoadedMsg.
func (q *writeQueue) readProject(m openProjectMsg) tea.Cmd {
	var p *model.Project
	var err error
	return q.add(saveJob{read: true, key: m.Key,
		run: func(s *store.Store) error { p, err = s.Project(m.Key, m.ID); return nil },
		after: func() tea.Cmd {
			return msgCmd(projectLoadedMsg{Key: m.Key, Project: p, View: m.View, Jump: m.Jump, InPlace: m.InPlace, Err: err})
		}})
}

// reload reads a project or a document's header behind the queued writes
// after an edit that failed to save was given up, and answers with
// reloadedMsg (or errMsg).
func (q *writeQueue) reload(m reloadMsg) tea.Cmd {
	var p *model.Project
	var doc *model.Document
	var err error
	return q.add(saveJob{read: true, key: m.Key,
		run: func(s *store.Store) error {
			if m.ID != "" {
				p, err = s.Project(m.Key, m.ID)
			} else {
				doc, _, err = s.Header(m.Key)
			}
			return nil
		},
		after: func() tea.Cmd {
			if err != nil {
				return msgCmd(errMsg{What: "读取", Err: err})
			}
			return msgCmd(reloadedMsg{Key: m.Key, Project: p, Doc: doc})
		}})
}

// readDocument reads a whole document behind the queued writes and hands
// it to then, in a command of its own (a check or an export).
func (q *writeQueue) readDocument(k model.DocKey, then func(*model.Document, error) tea.Msg) tea.Cmd {
	var doc *model.Document
	var err error
	return q.add(saveJob{read: true, key: k,
		run:   func(s *store.Store) error { doc, err = s.Document(k); return nil },
		after: func() tea.Cmd { return func() tea.Msg { return then(doc, err) } }})
}

// export writes the export file from the document as stored after every
// edit made so far.
func (q *writeQueue) export(m exportMsg) tea.Cmd {
	return q.readDocument(m.Key, func(doc *model.Document, err error) tea.Msg {
		if err != nil {
			return exportDoneMsg{Path: m.Path, Err: err}
		}
		if fi, err := os.Stat(m.Path); err == nil && fi.IsDir() {
			return exportDoneMsg{Path: m.Path, Err: errExportIsDir}
		} else if err == nil && !m.Overwrite {
			return exportDoneMsg{Path: m.Path, Err: errExportExists}
		}
		var findings []model.Finding
		if m.Opts.Format != export.FormatCSV {
			// Markdown, Excel and HTML carry the 审核问题, as jixiao
			// export's do; a CSV has no place for them.
			findings = model.Check(doc)
		}
		if err := export.WriteFile(m.Path, doc, findings, m.Opts); err != nil {
			return exportDoneMsg{Path: m.Path, Err: err}
		}
		// What was sent is kept, for 变动对比 with it later.
		return exportDoneMsg{Path: m.Path, Kept: q.keepSent(doc, m)}
	})
}
