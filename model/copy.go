package model

import (
	"slices"
)

// CopyForward returns a new 草案 document for key made from src — last
// year's targets as this year's starting point: the header (with the year
// in the title moved on), Part 1 and every project with its plan, goal and
// indicators, copied so that editing one never changes the other, and
// none of src's review (审核状态, 审核意见, row notes). The
// projects keep their IDs (IDs are per document). unitName, when not
// empty, replaces the 单位名称.
func CopyForward(src *Document, key DocKey, unitName string) *Document {
	d := *src
	d.UnitCode, d.Year, d.Status = key.UnitCode, key.Year, StatusDraft
	if unitName != "" {
		d.UnitName = unitName
	}
	d.Title = Retitle(src.Title, src.Header(), d.Header())
	d.Goals = slices.Clone(src.Goals)
	d.Measures = slices.Clone(src.Measures)
	d.Projects = make([]Project, len(src.Projects))
	for i, p := range src.Projects {
		p.Indicators = slices.Clone(p.Indicators)
		p.clearReview() // a new draft is not reviewed yet
		d.Projects[i] = p
	}
	return &d
}

// LayoutMove is one indicator row that the layout of 财预〔2021〕101号
// files elsewhere: 成本指标 is a 一级 of its own (经济/社会/生态环境成本),
// 效果指标 is called 效益指标, and 服务对象满意度 is under 满意度指标, not
// 效益.
type LayoutMove struct {
	Project     int    // index in Document.Projects
	Code, Name  string // the project's 项目编码 and 项目名称
	Row         int    // index in the project's Indicators
	FromL1      string // 一级/二级 before
	FromL2      string
	ToL1, ToL2  string // 一级/二级 after; ToL2 empty when no 二级 fits and the user must pick one
	IndicatorL3 string // the row's 三级指标, to show which row moves
}

// MovesTo101 lists the rows of d that are in the older layout, and where
// the 101号 layout puts them: 产出指标/成本指标 → 成本指标/经济成本指标;
// 一级 效果指标 → 效益指标; a 二级 under a 一级 it does not belong to (old
// 服务对象满意度指标 under 效益) → under its own 一级; a 一级 name used as a
// 二级 (产出指标/效果指标, 三级 社会效益指标) → that 一级, with the 三级 as
// 二级 when it is one. d is not changed; an empty list means d is in the
// 101号 layout already (as far as its names are known).
func MovesTo101(d *Document) []LayoutMove {
	var moves []LayoutMove
	for pi := range d.Projects {
		p := &d.Projects[pi]
		for i := range p.Indicators {
			in := &p.Indicators[i]
			l1, l2, ok := relayout(in)
			if !ok {
				continue
			}
			moves = append(moves, LayoutMove{Project: pi, Code: p.Code, Name: p.Name, Row: i,
				FromL1: in.L1, FromL2: in.L2, ToL1: l1, ToL2: l2, IndicatorL3: in.L3})
		}
	}
	return moves
}

// ApplyLayout makes the moves MovesTo101 listed for d.
func ApplyLayout(d *Document, moves []LayoutMove) {
	for _, m := range moves {
		in := &d.Projects[m.Project].Indicators[m.Row]
		in.L1, in.L2 = m.ToL1, m.ToL2
	}
}

// relayout returns where the 101号 layout files in, and whether that
// differs from where it is.
func relayout(in *Indicator) (l1, l2 string, moved bool) {
	l1, l2 = in.L1, in.L2
	c1, known1 := CanonicalL1(in.L1)
	if known1 && c1 == L1Effect && normName(in.L1) != L1Effect {
		l1 = L1Effect // 效果指标
	}
	c2, parents, known2 := CanonicalL2(in.L2)
	switch {
	case known2 && c2 == L2Cost:
		// 成本 is a 一级 now, wherever the old 二级 stood.
		l1, l2 = L1Cost, "经济成本指标"
	case known2 && known1 && !slices.Contains(parents, c1) && len(parents) == 1:
		l1 = parents[0]
	case !known2 && known1:
		// A 一级 name in the 二级 column: 产出指标/效果指标.
		c, ok := CanonicalL1(in.L2)
		if !ok || c == c1 {
			break
		}
		l1, l2 = c, ""
		if c == L1Cost {
			l2 = "经济成本指标"
		} else if c3, p3, ok := CanonicalL2(in.L3); ok && slices.Contains(p3, c) {
			l2 = c3
		}
	}
	return l1, l2, l1 != in.L1 || l2 != in.L2
}
