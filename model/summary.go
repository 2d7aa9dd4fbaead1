package model

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// ProjectSummary is what lists and totals need of a project, small enough
// that a document screen of 1,000 projects opens without decoding every
// indicator. The store keeps one beside each project and rewrites it with
// the project.
type ProjectSummary struct {
	ID         string `json:"id"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	Budget     Money  `json:"budget"`
	Fiscal     Money  `json:"fiscal"`
	Other      Money  `json:"other"`
	Indicators int    `json:"indicators"`
	Filled     int    `json:"filled"` // fields filled in, of Fields
	Fields     int    `json:"fields"`
	// Review is the project's 审核状态 and Notes its count of notes
	// (Project.Notes), so lists count reviews without reading projects.
	Review ReviewStatus `json:"review"`
	Notes  int          `json:"notes"`
}

// Summarize returns the project's summary. Completeness counts the form's
// fields (项目编码, 项目名称, 预算数, 财政资金, 资金用途, the four plan points,
// 绩效目标) and every indicator cell; 其他资金 is optional and not counted.
func Summarize(p *Project) ProjectSummary {
	s := ProjectSummary{ID: p.ID, Code: p.Code, Name: p.Name, Budget: p.Budget, Fiscal: p.Fiscal, Other: p.Other, Indicators: len(p.Indicators),
		Review: p.Review.Status, Notes: p.Notes()}
	count := func(ok bool) {
		s.Fields++
		if ok {
			s.Filled++
		}
	}
	filled := func(t string) bool { return strings.TrimSpace(t) != "" }
	count(filled(p.Code))
	count(filled(p.Name))
	count(p.Budget.IsSet())
	count(p.Fiscal.IsSet())
	count(filled(p.Use))
	for _, m := range p.Plan.Months() {
		count(m.IsSet())
	}
	count(filled(p.Goal))
	for i := range p.Indicators {
		for c := 0; c < len(IndicatorColumns); c++ {
			count(filled(p.Indicators[i].Cell(c)))
		}
	}
	return s
}

// TotalsOf adds up project summaries exactly.
func TotalsOf(ps []ProjectSummary) Totals {
	var t Totals
	for i := range ps {
		t.Budget = t.Budget.Add(ps[i].Budget)
		t.Fiscal = t.Fiscal.Add(ps[i].Fiscal)
		t.Other = t.Other.Add(ps[i].Other)
		t.Indicators += ps[i].Indicators
	}
	t.Projects = len(ps)
	return t
}

// NewProjectID returns a fresh random project ID (16 hex digits). IDs are
// internal and never shown; 项目编码 is what users edit.
func NewProjectID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}
