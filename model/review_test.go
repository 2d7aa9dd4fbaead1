package model

import (
	"errors"
	"testing"
)

func TestParseReviewStatus(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want ReviewStatus
		err  bool
	}{
		{"", ReviewPending, false},
		{"未审核", ReviewPending, false},
		{" 已审核 ", ReviewApproved, false},
		{"需修改", ReviewChanges, false},
		{"通过", ReviewPending, true},
		{"已审核了", ReviewPending, true},
	} {
		got, err := ParseReviewStatus(tt.in)
		if got != tt.want || (err != nil) != tt.err || (err != nil && !errors.Is(err, ErrReviewStatus)) {
			t.Errorf("ParseReviewStatus(%q) = %q, %v", tt.in, got, err)
		}
	}
	for _, s := range ReviewStatuses {
		if back, err := ParseReviewStatus(s.String()); err != nil || back != s {
			t.Errorf("%q does not read back: %q, %v", s.String(), back, err)
		}
	}
}

func TestReviewCounts(t *testing.T) {
	d := &Document{Projects: []Project{
		{ID: "a", Review: Review{Status: ReviewApproved}},
		{ID: "b", Review: Review{Status: ReviewChanges, Note: "预算数与财政资金不符"}},
		{ID: "c", Indicators: []Indicator{{L3: "x", Note: "指标值请量化"}, {L3: "y", Note: "  "}}},
		{ID: "d", Review: Review{Status: ReviewApproved}},
	}}
	c := d.ReviewCounts()
	if c != (ReviewCounts{Approved: 2, Changes: 1, Projects: 4}) || c.Pending() != 1 || c.AllApproved() {
		t.Errorf("counts %+v", c)
	}
	if got := c.String(); got != "已审核 2/4，需修改 1" {
		t.Errorf("String %q", got)
	}
	if n := d.Projects[2].Notes(); n != 1 {
		t.Errorf("notes of c: %d, want 1 (a blank note does not count)", n)
	}
	var sums []ProjectSummary
	for i := range d.Projects {
		sums = append(sums, Summarize(&d.Projects[i]))
	}
	if ReviewCountsOf(sums) != c {
		t.Errorf("from summaries %+v, from projects %+v", ReviewCountsOf(sums), c)
	}
	if sums[1].Review != ReviewChanges || sums[1].Notes != 1 || sums[2].Notes != 1 {
		t.Errorf("summaries %+v", sums)
	}
	if !d.Reviewed() || (&Document{Projects: []Project{{ID: "x"}}}).Reviewed() {
		t.Error("Reviewed")
	}
	if !(ReviewCounts{}).AllApproved() || (ReviewCounts{}).String() != "已审核 0/0" {
		t.Error("an empty document")
	}
}

// TestCopyForwardLeavesTheReviewBehind: next year's draft starts 未审核
// without notes, and the source keeps its review.
func TestCopyForwardLeavesTheReviewBehind(t *testing.T) {
	src := Sample()
	src.Projects[0].Review = Review{Status: ReviewApproved, Note: "同意"}
	src.Projects[0].Indicators[1].Note = "依据请写明"
	d := CopyForward(src, DocKey{UnitCode: src.UnitCode, Year: src.Year + 1}, "")
	if d.Reviewed() || d.ReviewCounts().Approved != 0 {
		t.Errorf("the copy is reviewed: %+v", d.Projects[0].Review)
	}
	if src.Projects[0].Review.Note != "同意" || src.Projects[0].Indicators[1].Note != "依据请写明" {
		t.Error("the source lost its review")
	}
}
