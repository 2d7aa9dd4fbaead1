package ui

import (
	"fmt"
	"slices"

	"jixiao/model"
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

// move keeps what is known of a document that moved to a new key.
func (r *Reviews) move(from, to model.DocKey) {
	if dr := r.docs[from]; dr != nil {
		delete(r.docs, from)
		dr.key = to
		r.docs[to] = dr
	}
	if c, ok := r.counts[from]; ok {
		delete(r.counts, from)
		r.counts[to] = c
	}
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

	// layout is the document's effective 指标体系 (model.Layout): set on
	// it, or detected from its rows; layoutMixed, its rows mix both.
	layout      model.Layout
	layoutMixed bool

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
	dr.layout, dr.layoutMixed = dr.doc.Layout, false
	if dr.layout == model.LayoutAuto {
		dr.layout, dr.layoutMixed = model.DetectLayout(dr.doc)
	}
	// Part 1's findings (ProjectID "") come first, as model.Check lists
	// them.
	part1 := dr.byID[""]
	dr.total = countOf(part1)
	dr.all = append(dr.all, part1...)
	for i := range dr.doc.Projects {
		fs := dr.byID[dr.doc.Projects[i].ID]
		c := countOf(fs)
		dr.counts[dr.doc.Projects[i].ID] = c
		dr.total = dr.total.add(c)
		dr.all = append(dr.all, fs...)
	}
}

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
// place than cur; false when there is none that way (no wrapping: the
// user is told 没有更多问题 instead of being sent back to the start).
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
		return model.Finding{}, false
	}
	for i := len(dr.all) - 1; i >= 0; i-- {
		if dr.pos(&dr.all[i]).cmp(cur) < 0 {
			return dr.all[i], true
		}
	}
	return model.Finding{}, false
}

// noMoreFindings is the note when ] or [ finds nothing that way.
func noMoreFindings(dir int) noteMsg {
	if dir < 0 {
		return noteMsg{Text: "前面没有问题了"}
	}
	return noteMsg{Text: "没有更多问题"}
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
