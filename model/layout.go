package model

import (
	"fmt"
	"slices"
	"strings"
)

// Layout is where a document's indicator tables put 成本 (cost): the
// 2020-style tables (and the provincial templates built on them) file
// 成本指标 as a 二级 under 产出指标; 财预〔2021〕101号 makes 成本指标 a 一级
// of its own (经济/社会/生态环境成本指标) and leaves 产出 = 数量/质量/时效.
// The layout belongs to the document, not to its year: tables of 2022 and
// 2023 still use the older one. LayoutAuto, the zero value (and what a
// document stored before layouts existed reads as), takes the layout from
// the document's rows.
type Layout string

// The layouts.
const (
	LayoutAuto Layout = ""
	Layout2020 Layout = "2020-style"
	Layout101  Layout = "101号"
)

// Layouts lists the layouts in the order a picker offers them.
var Layouts = []Layout{LayoutAuto, Layout2020, Layout101}

// String returns the name `jixiao check` and the JSON use: "auto",
// "2020-style" or "101号".
func (l Layout) String() string {
	if l == LayoutAuto {
		return "auto"
	}
	return string(l)
}

// Label returns the Chinese name shown to users.
func (l Layout) Label() string {
	switch l {
	case Layout2020:
		return "2020年式（成本指标在产出指标下）"
	case Layout101:
		return "财预〔2021〕101号（成本指标为一级指标）"
	}
	return "自动识别"
}

// ParseLayout reads a layout name: "auto" (or "" or 自动), "2020-style"
// (or 2020), "101号" (or 101).
func ParseLayout(s string) (Layout, error) {
	switch strings.TrimSpace(s) {
	case "", "auto", "自动", "自动识别":
		return LayoutAuto, nil
	case "2020-style", "2020", "2020年式":
		return Layout2020, nil
	case "101号", "101":
		return Layout101, nil
	}
	return LayoutAuto, fmt.Errorf("layout %q: want auto, 2020-style or 101号", s)
}

// layoutFallbackYear is the first budget year the 101号 guidance applies
// to; a document whose rows say nothing about cost falls back to 101号
// from that year on and to the 2020 style before it.
const layoutFallbackYear = 2022

// DetectLayout reads the layout a document's rows follow: 101号 when 成本指标
// stands as a 一级 (or a 101号 成本 二级 appears), 2020-style when it
// stands under 产出指标. Mixed reports that rows of both kinds are present;
// the layout is then the one more rows follow. Without any cost row, or
// on a tie, the layout follows the year: 101号 from 2022, else 2020.
// Blank template rows are not read.
func DetectLayout(d *Document) (l Layout, mixed bool) {
	if d == nil {
		return Layout101, false
	}
	var n2020, n101 int
	for i := range d.Projects {
		a, b := countLayoutRows(&d.Projects[i])
		n2020 += a
		n101 += b
	}
	return pickLayout(n2020, n101, d.Year)
}

func pickLayout(n2020, n101, year int) (Layout, bool) {
	mixed := n2020 > 0 && n101 > 0
	switch {
	case n2020 > n101:
		return Layout2020, mixed
	case n101 > n2020:
		return Layout101, mixed
	case year != 0 && year < layoutFallbackYear:
		return Layout2020, mixed
	}
	return Layout101, mixed
}

// countLayoutRows counts a project's rows that follow each layout.
func countLayoutRows(p *Project) (n2020, n101 int) {
	// Rows come in runs under one 一级 and 二级: look a pair up once.
	// Only a row that files 成本 is asked whether it is a blank template
	// row.
	var prev *Indicator
	var l Layout
	for j := range p.Indicators {
		in := &p.Indicators[j]
		if prev == nil || in.L1 != prev.L1 || in.L2 != prev.L2 {
			l, prev = namesLayout(in), in
		}
		if l == LayoutAuto || blankRow(in) {
			continue
		}
		if l == Layout2020 {
			n2020++
		} else {
			n101++
		}
	}
	return n2020, n101
}

// namesLayout says which layout a row follows by where its 一级 and 二级
// file 成本, or LayoutAuto when they say nothing about it.
func namesLayout(in *Indicator) Layout {
	// Most rows use the standard names: decide those without a lookup.
	switch in.L1 {
	case L1Cost:
		return Layout101
	case L1Output, L1Effect, L1Satisfaction:
		switch in.L2 {
		case L2Cost:
			if in.L1 == L1Output {
				return Layout2020
			}
		case L2Quantity, L2Quality, L2Timeliness, L2Satisfaction, "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标":
			return LayoutAuto
		}
	}
	l1, l2 := taxOf(in.L1), taxOf(in.L2)
	switch {
	case l1 != nil && l1.l1 == L1Cost:
		return Layout101
	case l1 != nil && l1.l1 == L1Output && l2 != nil && l2.l2 == L2Cost:
		return Layout2020
	case l2 != nil && l2.l2 != "" && len(l2.l2Parents) == 1 && l2.l2Parents[0] == L1Cost:
		return Layout101 // 经济成本指标 etc., whatever the 一级 says
	}
	return LayoutAuto
}

// EffectiveLayout is the layout the rules and pickers follow: the one set
// on the document, or the detected one under LayoutAuto.
func (d *Document) EffectiveLayout() Layout {
	if d != nil && d.Layout != LayoutAuto {
		return d.Layout
	}
	l, _ := DetectLayout(d)
	return l
}

// LayoutL1Names lists the 一级指标 names a layout offers: no 成本指标 一级 in
// the 2020 style.
func LayoutL1Names(l Layout) []string {
	names := L1Names()
	if l == Layout2020 {
		names = slices.DeleteFunc(names, func(n string) bool { return n == L1Cost })
	}
	return names
}

// LayoutL2Names lists the 二级指标 names a layout offers under l1: under
// 产出指标 no 成本指标 in the 101号 layout.
func LayoutL2Names(l Layout, l1 string) []string {
	names := L2Names(l1)
	if c, ok := CanonicalL1(l1); ok && c == L1Output && l == Layout101 {
		names = slices.DeleteFunc(names, func(n string) bool { return n == L2Cost })
	}
	return names
}
