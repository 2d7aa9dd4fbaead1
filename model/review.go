package model

import (
	"fmt"
	"strings"
)

// ReviewStatus is a project's 审核状态: where the person reviewing the
// document stands with it. The zero value is 未审核, so every project
// written before reviews existed is unreviewed.
type ReviewStatus string

// The review statuses. ReviewPending is stored as "".
const (
	ReviewPending  ReviewStatus = ""
	ReviewApproved ReviewStatus = "已审核"
	ReviewChanges  ReviewStatus = "需修改"
)

// ReviewStatuses are the statuses in the order the app offers them.
var ReviewStatuses = [3]ReviewStatus{ReviewPending, ReviewApproved, ReviewChanges}

// String returns the status as shown and exported: 未审核, 已审核 or 需修改.
func (s ReviewStatus) String() string {
	if s == ReviewPending {
		return "未审核"
	}
	return string(s)
}

// ParseReviewStatus reads a status as String writes it; "" (a cell left
// blank) is 未审核.
func ParseReviewStatus(s string) (ReviewStatus, error) {
	switch strings.TrimSpace(s) {
	case "", "未审核":
		return ReviewPending, nil
	case string(ReviewApproved):
		return ReviewApproved, nil
	case string(ReviewChanges):
		return ReviewChanges, nil
	}
	return ReviewPending, fmt.Errorf("%q: %w", s, ErrReviewStatus)
}

// Review is the reviewer's verdict on one project: its status and the
// 审核意见, a note of any number of lines. Notes on single indicator rows
// are kept on the rows (Indicator.Note).
type Review struct {
	Status ReviewStatus `json:"status,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// Notes counts the project's notes: its own 审核意见 and each indicator row
// that has one. Blank notes do not count.
func (p *Project) Notes() int {
	n := 0
	if strings.TrimSpace(p.Review.Note) != "" {
		n++
	}
	for i := range p.Indicators {
		if strings.TrimSpace(p.Indicators[i].Note) != "" {
			n++
		}
	}
	return n
}

// clearReview drops the project's review: status, note and row notes.
// The indicators must not be shared with another project.
func (p *Project) clearReview() {
	p.Review = Review{}
	for i := range p.Indicators {
		p.Indicators[i].Note = ""
	}
}

// Reviewed reports whether anything of the review has been recorded in
// the document: a status other than 未审核, or a note.
func (d *Document) Reviewed() bool {
	for i := range d.Projects {
		if d.Projects[i].Review.Status != ReviewPending || d.Projects[i].Notes() > 0 {
			return true
		}
	}
	return false
}

// ReviewCounts are how many projects have each status.
type ReviewCounts struct {
	Approved, Changes, Projects int
}

// Pending is the number of projects not yet reviewed.
func (c ReviewCounts) Pending() int { return c.Projects - c.Approved - c.Changes }

// AllApproved reports whether every project is 已审核 (true for a document
// without projects): what 定稿 asks for.
func (c ReviewCounts) AllApproved() bool { return c.Approved == c.Projects }

// String writes the counts as the lists show them: 已审核 12/30, with
// 需修改 when there are any.
func (c ReviewCounts) String() string {
	s := fmt.Sprintf("已审核 %d/%d", c.Approved, c.Projects)
	if c.Changes > 0 {
		s += fmt.Sprintf("，需修改 %d", c.Changes)
	}
	return s
}

func (c *ReviewCounts) add(s ReviewStatus) {
	c.Projects++
	switch s {
	case ReviewApproved:
		c.Approved++
	case ReviewChanges:
		c.Changes++
	}
}

// ReviewCountsOf counts the statuses of project summaries.
func ReviewCountsOf(ps []ProjectSummary) ReviewCounts {
	var c ReviewCounts
	for i := range ps {
		c.add(ps[i].Review)
	}
	return c
}

// ReviewCounts counts the statuses of the document's projects.
func (d *Document) ReviewCounts() ReviewCounts {
	var c ReviewCounts
	for i := range d.Projects {
		c.add(d.Projects[i].Review.Status)
	}
	return c
}
