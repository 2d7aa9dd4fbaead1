package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Status is where a document stands: 草案 (draft) or 定稿 (final).
type Status string

// The document statuses.
const (
	StatusDraft Status = "草案"
	StatusFinal Status = "定稿"
)

// DefaultSatisfactionMin is the lowest 满意度 target, in percent, that the
// review rules accept unless a document sets its own.
var DefaultSatisfactionMin = PercentHundredths(80_00)

// DocKey names a document: one per unit (单位编码) and year, written
// "315002/2020".
type DocKey struct {
	UnitCode string
	Year     int
}

// String writes the key as 单位编码/年度.
func (k DocKey) String() string { return k.UnitCode + "/" + strconv.Itoa(k.Year) }

// ParseDocKey reads "315002/2020".
func ParseDocKey(s string) (DocKey, error) {
	code, year, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok || strings.TrimSpace(code) == "" {
		return DocKey{}, fmt.Errorf("document %q: want 单位编码/年度, e.g. 315002/2020", s)
	}
	y, err := strconv.Atoi(strings.TrimSpace(year))
	if err != nil || y < 1900 || y > 9999 {
		return DocKey{}, fmt.Errorf("document %q: year must be a 4-digit number", s)
	}
	return DocKey{UnitCode: strings.TrimSpace(code), Year: y}, nil
}

// Document is one unit's 部门预算绩效文本 for one year: Part 1, the
// department's overall targets (部门整体绩效目标), and Part 2, one
// 绩效目标表 per project. It is compiled (编制) by the unit and reviewed
// (审核) by the finance bureau. Amounts are in 万元.
type Document struct {
	UnitCode string `json:"unit_code"` // 单位编码
	UnitName string `json:"unit_name"` // 单位名称
	Year     int    `json:"year"`      // 年度
	Title    string `json:"title"`     // 标题, e.g. 司法局 2020 年部门预算绩效文本（草案）
	Status   Status `json:"status"`    // 状态
	Compiler string `json:"compiler"`  // 编制单位
	Reviewer string `json:"reviewer"`  // 审核单位
	Currency string `json:"currency"`  // 金额单位, always 万元 today

	// SatisfactionMin is the lowest acceptable 满意度 target; unset means
	// DefaultSatisfactionMin.
	SatisfactionMin Percent `json:"satisfaction_min"`

	// Layout is where the indicator tables put 成本指标; LayoutAuto (what
	// a document stored before layouts existed reads as) detects it.
	Layout Layout `json:"layout,omitempty"`

	Overall  string    `json:"overall"`  // 总体绩效目标
	Goals    []Goal    `json:"goals"`    // 分项绩效目标
	Measures []Measure `json:"measures"` // 工作保障措施

	Projects []Project `json:"-"` // Part 2, in order; stored per project
}

// Key returns the document's 单位编码/年度.
func (d *Document) Key() DocKey { return DocKey{UnitCode: d.UnitCode, Year: d.Year} }

// Goal is one 分项绩效目标: a goal (绩效目标) and its indicators in prose
// (绩效指标).
type Goal struct {
	Goal      string `json:"goal"`
	Indicator string `json:"indicator"`
}

// Measure is one 工作保障措施: a short title and its text.
type Measure struct {
	Title   string `json:"title"`
	Content string `json:"content"`
}

// Plan is a project's 资金支出计划: the cumulative share of the budget spent
// by the end of March, June, October and December. Dec must be 100.
type Plan struct {
	Mar Percent `json:"mar"` // 3月底
	Jun Percent `json:"jun"` // 6月底
	Oct Percent `json:"oct"` // 10月底
	Dec Percent `json:"dec"` // 12月底
}

// Months returns the four plan points in order.
func (p Plan) Months() [4]Percent { return [4]Percent{p.Mar, p.Jun, p.Oct, p.Dec} }

// PlanMonthNames are the labels of the plan points.
var PlanMonthNames = [4]string{"3月底", "6月底", "10月底", "12月底"}

// Project is one 绩效目标表. ID is stable and internal; Code (项目编码) is
// what users see and edit.
type Project struct {
	ID         string      `json:"id"`
	Code       string      `json:"code"`   // 项目编码
	Name       string      `json:"name"`   // 项目名称
	Budget     Money       `json:"budget"` // 预算数 = 财政资金 + 其他资金
	Fiscal     Money       `json:"fiscal"` // 财政资金
	Other      Money       `json:"other"`  // 其他资金
	Use        string      `json:"use"`    // 资金用途
	Plan       Plan        `json:"plan"`   // 资金支出计划 (%)
	Goal       string      `json:"goal"`   // 绩效目标
	Indicators []Indicator `json:"indicators"`
	Review     Review      `json:"review,omitzero"` // 审核状态 and 审核意见
}

// Indicator is one row of the indicator grid.
type Indicator struct {
	L1    string `json:"l1"`             // 一级指标
	L2    string `json:"l2"`             // 二级指标
	L3    string `json:"l3"`             // 三级指标
	Desc  string `json:"desc"`           // 绩效指标描述
	Value string `json:"value"`          // 指标值, e.g. ≥260件; see ParseValue
	Basis string `json:"basis"`          // 指标值确定依据
	Note  string `json:"note,omitempty"` // the reviewer's note on the row, not a grid column
}

// IndicatorColumns are the grid's column titles in order.
var IndicatorColumns = [6]string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"}

// Cell returns column i (0–5) of the row.
func (in *Indicator) Cell(i int) string {
	switch i {
	case 0:
		return in.L1
	case 1:
		return in.L2
	case 2:
		return in.L3
	case 3:
		return in.Desc
	case 4:
		return in.Value
	case 5:
		return in.Basis
	}
	return ""
}

// SetCell sets column i (0–5) of the row.
func (in *Indicator) SetCell(i int, v string) {
	switch i {
	case 0:
		in.L1 = v
	case 1:
		in.L2 = v
	case 2:
		in.L3 = v
	case 3:
		in.Desc = v
	case 4:
		in.Value = v
	case 5:
		in.Basis = v
	}
}

// Totals are a document's sums, exact.
type Totals struct {
	Budget, Fiscal, Other Money
	Projects, Indicators  int
}

// Totals adds up the document's projects.
func (d *Document) Totals() Totals {
	var t Totals
	for i := range d.Projects {
		p := &d.Projects[i]
		t.Budget = t.Budget.Add(p.Budget)
		t.Fiscal = t.Fiscal.Add(p.Fiscal)
		t.Other = t.Other.Add(p.Other)
		t.Indicators += len(p.Indicators)
	}
	t.Projects = len(d.Projects)
	return t
}

// ProjectIndex returns the position of the project with the given ID, or -1.
func (d *Document) ProjectIndex(id string) int {
	for i := range d.Projects {
		if d.Projects[i].ID == id {
			return i
		}
	}
	return -1
}
