package ui

import (
	"strconv"
	"strings"

	"jixiao/model"
)

// reviewItem is one entry of a project's review as the findings panel and
// the review mode list it: a finding of the rules, or a note of the
// reviewer (审核意见) on the project or on one of its rows.
type reviewItem struct {
	Finding *model.Finding // nil for a note
	// For a note: the project, the row (−1 for the project's own note)
	// and the text.
	ProjectID string
	Row       int
	Note      string
}

// isNote reports whether the item is a reviewer's note.
func (it *reviewItem) isNote() bool { return it.Finding == nil }

// projectItems merges a project's findings (in the rules' order) with its
// notes: the project's note first, then each row's note after that row's
// findings.
func projectItems(p *model.Project, fs []model.Finding) []reviewItem {
	var out []reviewItem
	if strings.TrimSpace(p.Review.Note) != "" {
		out = append(out, reviewItem{ProjectID: p.ID, Row: -1, Note: p.Review.Note})
	}
	next := 0 // the next row whose note is not out yet
	flushNotes := func(upTo int) {
		for ; next < len(p.Indicators) && next <= upTo; next++ {
			if n := p.Indicators[next].Note; strings.TrimSpace(n) != "" {
				out = append(out, reviewItem{ProjectID: p.ID, Row: next, Note: n})
			}
		}
	}
	for i := range fs {
		flushNotes(fs[i].Row - 1)
		out = append(out, reviewItem{Finding: &fs[i], ProjectID: fs[i].ProjectID, Row: fs[i].Row})
	}
	flushNotes(len(p.Indicators))
	return out
}

// documentItems lists the review of a whole checked document: Part 1's
// findings, then each project's items, in document order.
func documentItems(dr *docReview) []reviewItem {
	if !dr.loaded() {
		return nil
	}
	var out []reviewItem
	// Part 1's findings (ProjectID "") first, as model.Check lists them.
	for i, f := range dr.byID[""] {
		out = append(out, reviewItem{Finding: &dr.byID[""][i], Row: f.Row})
	}
	for i := range dr.doc.Projects {
		p := &dr.doc.Projects[i]
		out = append(out, projectItems(p, dr.byID[p.ID])...)
	}
	return out
}

// notePlace names where a note is: 项目 or 第 3 行.
func notePlace(row int) string {
	if row < 0 {
		return "项目"
	}
	return "第 " + strconv.Itoa(row+1) + " 行"
}

// noteHint is the status line's text for a reviewer's note: "✎ 意见：…"
// on one line; "" when there is none.
func noteHint(st *Styles, note string) string {
	if strings.TrimSpace(note) == "" {
		return ""
	}
	return st.Note.Render("✎ 意见：") + safe(oneLine(clip(note, safeWidth)))
}
