package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// reviewer keeps the review cache (Reviews) in step with the documents:
// it reads and checks a document when its screen opens, checks each
// edited project alone beside its write, and counts home's 问题数. It
// owns Reviews; screens only read it, and learn of changes from
// findingsChangedMsg. Reads go through the write queue, so they see every
// edit queued before them.
type reviewer struct {
	reviews *Reviews
	writes  *writeQueue
	// headers are the documents' headers as last loaded or edited: an
	// edit made before the whole document is checked is checked against
	// its header (the 满意度 threshold).
	headers map[model.DocKey]*model.Document
}

func newReviewer(r *Reviews, w *writeQueue) *reviewer {
	return &reviewer{reviews: r, writes: w, headers: map[model.DocKey]*model.Document{}}
}

// handle takes the review's own messages; ok is false for any other.
func (r *reviewer) handle(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch m := msg.(type) {
	case loadReviewMsg:
		return r.load(m.Key), true
	case reviewLoadedMsg:
		return r.loaded(m), true
	case projectCheckedMsg:
		return r.projectChecked(m), true
	case docCountsMsg:
		for k, c := range m.Counts {
			if !r.reviews.doc(k).loaded() {
				r.reviews.counts[k] = c
			}
		}
		return msgCmd(findingsChangedMsg{}), true
	}
	return nil, false
}

// observe follows the requests and answers that change a document: an
// edited project is checked alone, a list load counts what is not known.
func (r *reviewer) observe(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case projectChangedMsg:
		return r.recheck(m.Key, m.Project)
	case reloadedMsg:
		if m.Project != nil {
			// The findings were of the edit given up.
			return r.recheck(m.Key, *m.Project)
		}
	case headerLoadedMsg:
		if m.Err == nil && m.Doc != nil {
			r.headers[m.Key] = m.Doc
		}
	case headerSavedMsg:
		if m.From != m.To {
			r.reviews.move(m.From, m.To)
			delete(r.headers, m.From)
		}
		r.headers[m.To] = m.Doc
		return r.headerChanged(headerCopy(m.Doc))
	case headerChangedMsg:
		d := m.Doc
		r.headers[d.Key()] = &d
		return r.headerChanged(d)
	case addProjectMsg:
		return r.load(m.Key)
	case deleteProjectMsg:
		return r.edit(m.Key, func(d *model.Document) {
			if i := d.ProjectIndex(m.ID); i >= 0 {
				d.Projects = slices.Delete(slices.Clone(d.Projects), i, i+1)
			}
		}, m.ID)
	case moveProjectMsg:
		return r.edit(m.Key, func(d *model.Document) {
			if i := d.ProjectIndex(m.ID); i >= 0 && m.To >= 0 && m.To < len(d.Projects) {
				ps := slices.Clone(d.Projects)
				p := ps[i]
				d.Projects = slices.Insert(slices.Delete(ps, i, i+1), m.To, p)
			}
		}, "")
	case docsLoadedMsg:
		return r.countDocs(m.Docs)
	}
	return nil
}

// edit changes a checked document's snapshot (copy on write) and drops
// the findings of the project gone, if any.
func (r *reviewer) edit(k model.DocKey, change func(*model.Document), gone string) tea.Cmd {
	dr := r.reviews.doc(k)
	if !dr.loaded() {
		return nil
	}
	d := *dr.doc
	change(&d)
	dr.doc = &d
	if gone != "" {
		delete(dr.byID, gone)
	}
	return r.changed(dr)
}

// load reads the whole document behind the queued writes (so it sees
// them) and checks it in a command of its own.
// headerChanged checks the whole document again after its header or
// Part 1 changed: Part 1's findings, and the layout (指标体系) every
// project's findings follow.
func (r *reviewer) headerChanged(h model.Document) tea.Cmd {
	k := h.Key()
	dr := r.reviews.doc(k)
	if !dr.loaded() {
		return nil
	}
	h.Projects = dr.doc.Projects
	dr.doc = &h
	dr.edits++
	snap, at := dr.doc, dr.edits
	return func() tea.Msg {
		return reviewLoadedMsg{Key: k, Doc: snap, Findings: model.Check(snap), At: at}
	}
}

func (r *reviewer) load(k model.DocKey) tea.Cmd {
	at := r.reviews.ensure(k).edits
	return r.writes.readDocument(k, func(doc *model.Document, err error) tea.Msg {
		if err != nil {
			return reviewLoadedMsg{Key: k, Err: err}
		}
		return reviewLoadedMsg{Key: k, Doc: doc, Findings: model.Check(doc), At: at}
	})
}

// loaded takes a checked document. Projects edited after it was read keep
// their newer copy and findings (their own check is on its way or has
// come).
func (r *reviewer) loaded(m reviewLoadedMsg) tea.Cmd {
	dr := r.reviews.ensure(m.Key)
	dr.err = m.Err
	if m.Err != nil {
		// The document screen says so; opening a damaged project says
		// which one.
		return msgCmd(findingsChangedMsg{Key: m.Key})
	}
	doc := *m.Doc
	doc.Projects = slices.Clone(doc.Projects)
	newer := map[string]bool{}
	for i := range doc.Projects {
		id := doc.Projects[i].ID
		if dr.editAt[id] > m.At && dr.doc != nil {
			if j := dr.doc.ProjectIndex(id); j >= 0 {
				doc.Projects[i] = dr.doc.Projects[j]
				newer[id] = true
			}
		}
	}
	byID := make(map[string][]model.Finding, len(doc.Projects))
	for _, f := range m.Findings {
		if !newer[f.ProjectID] {
			byID[f.ProjectID] = append(byID[f.ProjectID], f)
		}
	}
	for id := range newer {
		byID[id] = dr.byID[id]
	}
	dr.doc, dr.byID = &doc, byID
	return r.changed(dr)
}

// recheck checks an edited project against a snapshot of its document.
// A changed 项目编码 can make or end a duplicate elsewhere, so then the
// whole snapshot is checked.
func (r *reviewer) recheck(k model.DocKey, p model.Project) tea.Cmd {
	dr := r.reviews.ensure(k)
	dr.edits++
	at := dr.edits
	dr.editAt[p.ID] = at
	var codeChanged bool
	var layoutWas model.Layout
	var mixedWas bool
	if dr.doc != nil {
		if i := dr.doc.ProjectIndex(p.ID); i >= 0 {
			codeChanged = dr.doc.Projects[i].Code != p.Code
		}
		layoutWas, mixedWas = model.DetectLayout(dr.doc)
	}
	dr.setProject(p)
	snap := dr.doc
	if snap != nil && snap.Layout == model.LayoutAuto {
		// The rows decide the layout every project is checked against.
		l, mixed := model.DetectLayout(snap)
		codeChanged = codeChanged || l != layoutWas || mixed != mixedWas
	}
	switch {
	case snap == nil:
		// Not loaded yet: the header's 满意度 threshold, no other codes.
		head := r.headers[k]
		return func() tea.Msg {
			return projectCheckedMsg{Key: k, ID: p.ID, Findings: model.CheckProject(head, &p), At: at}
		}
	case codeChanged:
		return func() tea.Msg {
			return reviewLoadedMsg{Key: k, Doc: snap, Findings: model.Check(snap), At: at}
		}
	}
	return func() tea.Msg {
		return projectCheckedMsg{Key: k, ID: p.ID, Findings: model.CheckProject(snap, &p), At: at}
	}
}

// projectChecked takes an edited project's findings unless a newer edit's
// check is on its way.
func (r *reviewer) projectChecked(m projectCheckedMsg) tea.Cmd {
	dr := r.reviews.ensure(m.Key)
	if dr.editAt[m.ID] != m.At {
		return nil
	}
	dr.byID[m.ID] = m.Findings
	return r.changed(dr)
}

// changed recomputes a review's counts and tells the screens.
func (r *reviewer) changed(dr *docReview) tea.Cmd {
	dr.refresh()
	if dr.loaded() {
		r.reviews.counts[dr.key] = dr.total
	}
	return msgCmd(findingsChangedMsg{Key: dr.key})
}

// countDocs checks, in a command, every listed document whose count is not
// known, for home's 问题数; the list is already on screen.
func (r *reviewer) countDocs(docs []store.DocInfo) tea.Cmd {
	var keys []model.DocKey
	for _, d := range docs {
		if _, ok := r.reviews.counts[d.Key]; !ok {
			keys = append(keys, d.Key)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	st := r.writes.store
	return func() tea.Msg {
		out := make(map[model.DocKey]issueCount, len(keys))
		for _, k := range keys {
			doc, err := st.Document(k)
			if err != nil {
				continue // the list already says what is wrong with it
			}
			out[k] = countOf(model.Check(doc))
		}
		return docCountsMsg{Counts: out}
	}
}
