package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// issueCount is how many errors and warnings the review rules found.
type issueCount struct{ Errors, Warnings int }

func countOf(fs []model.Finding) issueCount {
	e, w := model.Count(fs)
	return issueCount{e, w}
}

func (c issueCount) add(o issueCount) issueCount {
	return issueCount{c.Errors + o.Errors, c.Warnings + o.Warnings}
}

// String is the 问题数 cell: "2 错 5 警", "3 警", "无".
func (c issueCount) String() string {
	switch {
	case c.Errors > 0 && c.Warnings > 0:
		return fmt.Sprintf("%d 错 %d 警", c.Errors, c.Warnings)
	case c.Errors > 0:
		return fmt.Sprintf("%d 错", c.Errors)
	case c.Warnings > 0:
		return fmt.Sprintf("%d 警", c.Warnings)
	}
	return "无"
}

// notChecked fills a 问题数 cell whose count is not known yet.
const notChecked = "…"

// Reviews keeps the review findings (审核) of the documents opened in this
// run, so that screens draw counts and markers from a cache instead of
// checking in View or on a keypress. It is changed only in Update (the
// root's goroutine); commands get immutable snapshots of the documents.
type Reviews struct {
	docs map[model.DocKey]*docReview
	// counts is home's 问题数, per document: from a document's review
	// when it is open, else from a check run after the list loads.
	counts map[model.DocKey]issueCount
}

func newReviews() *Reviews {
	return &Reviews{docs: map[model.DocKey]*docReview{}, counts: map[model.DocKey]issueCount{}}
}

// doc returns the review of k, or nil if the document was never opened.
func (r *Reviews) doc(k model.DocKey) *docReview {
	if r == nil {
		return nil
	}
	return r.docs[k]
}

func (r *Reviews) ensure(k model.DocKey) *docReview {
	dr := r.docs[k]
	if dr == nil {
		dr = &docReview{key: k, byID: map[string][]model.Finding{}, counts: map[string]issueCount{}, editAt: map[string]int{}}
		r.docs[k] = dr
	}
	return dr
}

// count returns home's 问题数 of k, if known.
func (r *Reviews) count(k model.DocKey) (issueCount, bool) {
	if r == nil {
		return issueCount{}, false
	}
	c, ok := r.counts[k]
	return c, ok
}

// project returns the findings of one project (nil when unknown).
func (r *Reviews) project(k model.DocKey, id string) []model.Finding {
	if dr := r.doc(k); dr != nil {
		return dr.byID[id]
	}
	return nil
}

// docReview is one document's findings. doc is the whole document as last
// loaded and edited; it is replaced, never changed in place, so a check
// running in a command can read the snapshot it was given.
type docReview struct {
	key    model.DocKey
	doc    *model.Document // nil until the first load has been checked
	byID   map[string][]model.Finding
	counts map[string]issueCount
	total  issueCount
	all    []model.Finding // in document order, for the panel and ] / [

	err error // why the last load failed

	edits  int            // numbers the edits seen since the document opened
	editAt map[string]int // project ID → number of its last edit
}

// loaded reports whether the whole document has been checked.
func (dr *docReview) loaded() bool { return dr != nil && dr.doc != nil }

// projectIndex is the position of project id in the document, or -1.
func (dr *docReview) projectIndex(id string) int {
	if dr.doc == nil {
		return -1
	}
	return dr.doc.ProjectIndex(id)
}

// refresh recomputes what is derived from byID: the counts and the
// ordered list.
func (dr *docReview) refresh() {
	dr.total = issueCount{}
	clear(dr.counts)
	dr.all = dr.all[:0]
	if dr.doc == nil {
		return
	}
	for i := range dr.doc.Projects {
		fs := dr.byID[dr.doc.Projects[i].ID]
		c := countOf(fs)
		dr.counts[dr.doc.Projects[i].ID] = c
		dr.total = dr.total.add(c)
		dr.all = append(dr.all, fs...)
	}
}

// setProject puts the edited p into the snapshot (copy on write).
func (dr *docReview) setProject(p model.Project) {
	if dr.doc == nil {
		return
	}
	d := *dr.doc
	d.Projects = slices.Clone(d.Projects)
	if i := d.ProjectIndex(p.ID); i >= 0 {
		d.Projects[i] = p
	} else {
		d.Projects = append(d.Projects, p)
	}
	dr.doc = &d
}

// findingPos orders findings as model.Check lists them: by project, then
// form fields, the grid as a whole, then rows and columns.
type findingPos struct{ project, row, field int }

func (p findingPos) cmp(o findingPos) int {
	switch {
	case p.project != o.project:
		return p.project - o.project
	case p.row != o.row:
		return p.row - o.row
	}
	return p.field - o.field
}

func (dr *docReview) pos(f *model.Finding) findingPos {
	return findingPos{dr.projectIndex(f.ProjectID), f.Row, model.FieldOrder(f.Field)}
}

// step returns the next (dir 1) or previous (dir -1) finding at another
// place than cur, wrapping around the document.
func (dr *docReview) step(cur findingPos, dir int) (model.Finding, bool) {
	if !dr.loaded() || len(dr.all) == 0 {
		return model.Finding{}, false
	}
	if dir > 0 {
		for i := range dr.all {
			if dr.pos(&dr.all[i]).cmp(cur) > 0 {
				return dr.all[i], true
			}
		}
		return dr.all[0], true
	}
	for i := len(dr.all) - 1; i >= 0; i-- {
		if dr.pos(&dr.all[i]).cmp(cur) < 0 {
			return dr.all[i], true
		}
	}
	return dr.all[len(dr.all)-1], true
}

// findingView says which screen shows a finding: the grid for rows and
// the grid as a whole, the form for the rest.
func findingView(f *model.Finding) projectView {
	if f.Row >= 0 || f.Field == model.FieldIndicators {
		return viewGrid
	}
	return viewForm
}

// findingPlace names where a finding is, in Chinese: "第 3 行 指标值",
// "预算数".
func findingPlace(f *model.Finding) string {
	if f.Row >= 0 {
		return fmt.Sprintf("第 %d 行 %s", f.Row+1, model.FieldLabel(f.Field))
	}
	return model.FieldLabel(f.Field)
}

// severityMark is the one-column marker of a severity: ✗ error, ! warning.
func severityMark(s model.Severity) string {
	if s == model.SeverityError {
		return "✗"
	}
	return "!"
}

// findingHint is the status line's text for the findings under the cursor.
func findingHint(st *Styles, fs []model.Finding) string {
	if len(fs) == 0 {
		return ""
	}
	f := fs[0]
	s := st.Warning
	if f.Severity == model.SeverityError {
		s = st.Error
	}
	text := severityMark(f.Severity) + " " + findingPlace(&f) + "：" + f.Message
	if f.Suggestion != "" {
		text += "（" + f.Suggestion + "）"
	}
	if len(fs) > 1 {
		text += fmt.Sprintf(" 等 %d 条", len(fs))
	}
	return s.Render(safe(oneLine(text)))
}

// hinter is a screen with a finding to show in the status line.
type hinter interface{ Hint() string }

// --- messages ------------------------------------------------------------

// loadReviewMsg asks the root to read the whole document and check it (after
// the document screen's first frame, and after projects are added).
type loadReviewMsg struct{ Key model.DocKey }

// reviewLoadedMsg carries a whole document and its findings. At is the
// number of edits the document held when it was read.
type reviewLoadedMsg struct {
	Key      model.DocKey
	Doc      *model.Document
	Findings []model.Finding
	At       int
	Err      error
}

// projectCheckedMsg carries one edited project's findings.
type projectCheckedMsg struct {
	Key      model.DocKey
	ID       string
	Findings []model.Finding
	At       int
}

// findingsChangedMsg tells the screens that the cached findings of Key (or
// home's counts) changed.
type findingsChangedMsg struct{ Key model.DocKey }

// docCountsMsg carries home's 问题数 for documents not open.
type docCountsMsg struct{ Counts map[model.DocKey]issueCount }

// openFindingsMsg asks the root to open the findings panel of a document.
type openFindingsMsg struct{ Key model.DocKey }

// gotoFindingMsg asks the root to show a finding: the project's form field
// or grid cell, over the document screen.
type gotoFindingMsg struct {
	Key model.DocKey
	F   model.Finding
}

// --- the root's side -----------------------------------------------------

// reviewRequest handles the review's own messages; ok is false for others.
func (a *App) reviewRequest(msg tea.Msg) (tea.Cmd, bool) {
	switch m := msg.(type) {
	case loadReviewMsg:
		return a.loadReview(m.Key), true
	case reviewLoadedMsg:
		return a.reviewLoaded(m), true
	case projectCheckedMsg:
		return a.projectChecked(m), true
	case docCountsMsg:
		for k, c := range m.Counts {
			if !a.common.Reviews.doc(k).loaded() {
				a.common.Reviews.counts[k] = c
			}
		}
		return a.broadcast(findingsChangedMsg{}), true
	case openFindingsMsg:
		return a.push(newFindingsPanel(a.common, m.Key), nil), true
	case gotoFindingMsg:
		return a.gotoFinding(m), true
	case openExportMsg:
		return a.push(newExportDialog(a.common, m.Doc), nil), true
	case exportMsg:
		return a.export(m), true
	}
	return nil, false
}

// observe keeps the findings in step with the requests that change a
// document: an edited project is checked alone, beside its write.
func (a *App) observe(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case projectChangedMsg:
		return a.recheck(m)
	case addProjectMsg:
		return a.loadReview(m.Key)
	case deleteProjectMsg:
		if dr := a.common.Reviews.doc(m.Key); dr.loaded() {
			d := *dr.doc
			if i := d.ProjectIndex(m.ID); i >= 0 {
				d.Projects = slices.Delete(slices.Clone(d.Projects), i, i+1)
			}
			dr.doc = &d
			delete(dr.byID, m.ID)
			return a.findingsChanged(dr)
		}
	case moveProjectMsg:
		if dr := a.common.Reviews.doc(m.Key); dr.loaded() {
			d := *dr.doc
			if i := d.ProjectIndex(m.ID); i >= 0 && m.To >= 0 && m.To < len(d.Projects) {
				ps := slices.Clone(d.Projects)
				p := ps[i]
				ps = slices.Insert(slices.Delete(ps, i, i+1), m.To, p)
				d.Projects = ps
			}
			dr.doc = &d
			return a.findingsChanged(dr)
		}
	case docsLoadedMsg:
		return a.countDocs(m.Docs)
	}
	return nil
}

// loadReview reads the whole document behind the queued writes (so it sees
// them) and checks it in a command of its own.
func (a *App) loadReview(k model.DocKey) tea.Cmd {
	dr := a.common.Reviews.ensure(k)
	at := dr.edits
	var doc *model.Document
	var err error
	return a.enqueue(saveJob{read: true, key: k,
		run: func(s *store.Store) error { doc, err = s.Document(k); return nil },
		after: func(*App) tea.Cmd {
			return func() tea.Msg {
				if err != nil {
					return reviewLoadedMsg{Key: k, Err: err}
				}
				return reviewLoadedMsg{Key: k, Doc: doc, Findings: model.Check(doc), At: at}
			}
		}})
}

// reviewLoaded takes a checked document. Projects edited after it was
// read keep their newer copy and findings (their own check is on its way
// or has come).
func (a *App) reviewLoaded(m reviewLoadedMsg) tea.Cmd {
	dr := a.common.Reviews.ensure(m.Key)
	dr.err = m.Err
	if m.Err != nil {
		// The document screen says so; opening a damaged project says
		// which one.
		return a.broadcast(findingsChangedMsg{Key: m.Key})
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
	return a.findingsChanged(dr)
}

// recheck checks an edited project against a snapshot of its document.
// A changed 项目编码 can make or end a duplicate elsewhere, so then the
// whole snapshot is checked.
func (a *App) recheck(m projectChangedMsg) tea.Cmd {
	dr := a.common.Reviews.ensure(m.Key)
	dr.edits++
	at, p := dr.edits, m.Project
	dr.editAt[p.ID] = at
	var codeChanged bool
	if dr.doc != nil {
		if i := dr.doc.ProjectIndex(p.ID); i >= 0 {
			codeChanged = dr.doc.Projects[i].Code != p.Code
		}
	}
	dr.setProject(p)
	snap, k := dr.doc, m.Key
	if snap == nil {
		// Not loaded yet: the header's 满意度 threshold, no other codes.
		for _, s := range a.stack {
			if d, ok := s.(*document); ok && d.key == k && d.doc != nil {
				snap = d.doc
			}
		}
		return func() tea.Msg {
			return projectCheckedMsg{Key: k, ID: p.ID, Findings: model.CheckProject(snap, &p), At: at}
		}
	}
	if codeChanged {
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
func (a *App) projectChecked(m projectCheckedMsg) tea.Cmd {
	dr := a.common.Reviews.ensure(m.Key)
	if dr.editAt[m.ID] != m.At {
		return nil
	}
	dr.byID[m.ID] = m.Findings
	return a.findingsChanged(dr)
}

// findingsChanged recomputes a review's counts and tells the screens.
func (a *App) findingsChanged(dr *docReview) tea.Cmd {
	dr.refresh()
	if dr.loaded() {
		a.common.Reviews.counts[dr.key] = dr.total
	}
	return a.broadcast(findingsChangedMsg{Key: dr.key})
}

// countDocs checks, in a command, every listed document whose count is not
// known, for home's 问题数; the list is already on screen.
func (a *App) countDocs(docs []store.DocInfo) tea.Cmd {
	var keys []model.DocKey
	for _, d := range docs {
		if _, ok := a.common.Reviews.counts[d.Key]; !ok {
			keys = append(keys, d.Key)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	st := a.store
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

// gotoFinding closes the screens above the document (keeping what is typed
// in them) and opens the finding's project at its field or cell.
func (a *App) gotoFinding(m gotoFindingMsg) tea.Cmd {
	di := -1
	for i, s := range a.stack {
		if d, ok := s.(*document); ok && d.key == m.Key {
			di = i
		}
	}
	if di < 0 {
		return nil
	}
	for i := len(a.stack) - 1; i > di; i-- {
		if f, ok := a.stack[i].(flusher); ok {
			f.Flush()
		}
	}
	a.stack = a.stack[:di+1]
	a.showHelp = false
	d := a.stack[di].(*document)
	d.focus(m.F.ProjectID)
	if m.F.ProjectID == "" {
		return nil
	}
	f := m.F
	return msgCmd(openProjectMsg{Key: m.Key, ID: f.ProjectID, View: findingView(&f), Jump: &f})
}

// statusHint is the top screen's finding under the cursor, if any.
func (a *App) statusHint() string {
	if h, ok := a.top().(hinter); ok {
		return h.Hint()
	}
	return ""
}
