package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a finding blocks the table (an error the finance
// bureau (财政局审核) would send back for certain) or only deserves a look
// (a warning).
type Severity int

// The severities. The zero value is not a valid severity, so a Finding that
// was never filled in is easy to spot.
const (
	SeverityWarning Severity = iota + 1
	SeverityError
)

// String returns "warning" or "error", the spelling used in JSON output.
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "unknown"
}

// Label returns the Chinese label shown to users: 错误 or 警告.
func (s Severity) Label() string {
	switch s {
	case SeverityWarning:
		return "警告"
	case SeverityError:
		return "错误"
	}
	return "未知"
}

// Field ids say where on a project a finding is. They are stable: the UI
// maps them to form fields and grid columns, and `jixiao check --json`
// prints them. Form fields have Row -1; row fields name a grid column.
const (
	FieldCode    = "code"     // 项目编码
	FieldName    = "name"     // 项目名称
	FieldBudget  = "budget"   // 预算数
	FieldFiscal  = "fiscal"   // 财政资金
	FieldOther   = "other"    // 其他资金
	FieldUse     = "use"      // 资金用途
	FieldPlanMar = "plan.mar" // 资金支出计划 3月底
	FieldPlanJun = "plan.jun" // 资金支出计划 6月底
	FieldPlanOct = "plan.oct" // 资金支出计划 10月底
	FieldPlanDec = "plan.dec" // 资金支出计划 12月底
	FieldGoal    = "goal"     // 绩效目标

	// FieldIndicators is the indicator grid as a whole (Row -1): findings
	// about what the grid lacks, such as no 产出指标 at all.
	FieldIndicators = "indicators"

	FieldL1    = "l1"    // 一级指标
	FieldL2    = "l2"    // 二级指标
	FieldL3    = "l3"    // 三级指标
	FieldDesc  = "desc"  // 绩效指标描述
	FieldValue = "value" // 指标值
	FieldBasis = "basis" // 指标值确定依据
)

// PlanFields are the field ids of the four plan points, in Plan.Months order.
var PlanFields = [4]string{FieldPlanMar, FieldPlanJun, FieldPlanOct, FieldPlanDec}

// RowFields are the field ids of the grid columns, in IndicatorColumns order.
var RowFields = [6]string{FieldL1, FieldL2, FieldL3, FieldDesc, FieldValue, FieldBasis}

// fieldOrder is the order findings are listed in: the project form top to
// bottom, the grid as a whole, then the grid columns left to right.
var fieldOrder = map[string]int{
	FieldCode: 0, FieldName: 1, FieldBudget: 2, FieldFiscal: 3, FieldOther: 4, FieldUse: 5,
	FieldPlanMar: 6, FieldPlanJun: 7, FieldPlanOct: 8, FieldPlanDec: 9, FieldGoal: 10, FieldIndicators: 11,
	FieldL1: 12, FieldL2: 13, FieldL3: 14, FieldDesc: 15, FieldValue: 16, FieldBasis: 17,
}

var fieldLabels = map[string]string{
	FieldCode: "项目编码", FieldName: "项目名称", FieldBudget: "预算数", FieldFiscal: "财政资金",
	FieldOther: "其他资金", FieldUse: "资金用途",
	FieldPlanMar: "3月底", FieldPlanJun: "6月底", FieldPlanOct: "10月底", FieldPlanDec: "12月底",
	FieldGoal: "绩效目标", FieldIndicators: "绩效指标",
	FieldL1: "一级指标", FieldL2: "二级指标", FieldL3: "三级指标", FieldDesc: "绩效指标描述",
	FieldValue: "指标值", FieldBasis: "指标值确定依据",
}

// FieldLabel returns the Chinese label of a field id ("预算数", "3月底",
// "指标值"), or the id itself when it is unknown.
func FieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return l
	}
	return field
}

// FieldOrder returns the position of a field id in the order findings are
// listed (form fields, the grid as a whole, grid columns), or -1.
func FieldOrder(field string) int {
	if o, ok := fieldOrder[field]; ok {
		return o
	}
	return -1
}

// Finding is one fault the review rules found. Project, Row and Field say
// where it is, so a screen can jump to the form field or grid cell.
type Finding struct {
	Rule        string   // rule code, e.g. "BUDGET_SUM"; see Rules
	Severity    Severity // error or warning
	ProjectID   string   // Project.ID; "" for document-level findings (Part 1)
	ProjectCode string   // 项目编码 when checked
	ProjectName string   // 项目名称 when checked
	Row         int      // indicator row index (0-based), -1 when not a row
	Field       string   // a Field* id
	Message     string   // what is wrong, in Chinese
	Suggestion  string   // how to fix it, in Chinese; may be empty
}

// Count returns how many of the findings are errors and how many warnings.
func Count(fs []Finding) (errors, warnings int) {
	for i := range fs {
		switch fs[i].Severity {
		case SeverityError:
			errors++
		case SeverityWarning:
			warnings++
		}
	}
	return errors, warnings
}

// Check runs every review rule on the document. Findings come ordered by
// project, then form fields (in form order), then the grid as a whole, then
// rows (by index, columns left to right), then rule (in Rules order).
// Part 1 (部门整体绩效目标) has no rules yet, so today every finding names a
// project; ProjectID "" is kept for document-level findings to come.
func Check(d *Document) []Finding {
	if d == nil {
		return nil
	}
	c := newChecker(d)
	// Counting codes once keeps CODE_DUP linear; CheckProject, which sees
	// one project, scans the others instead.
	codes := make(map[string]int, len(d.Projects))
	for i := range d.Projects {
		if k := codeKey(d.Projects[i].Code); k != "" {
			codes[k]++
		}
	}
	c.codeDup = func(p *Project, k string) bool { return codes[k] > 1 }
	c.values = new(valueCache)
	for i := range d.Projects {
		c.project(&d.Projects[i])
	}
	return c.out
}

// CheckProject runs the rules on one project of d (the document supplies the
// 满意度 threshold and the other projects' codes for CODE_DUP). d may be nil,
// and p need not be in d yet (a project being edited).
func CheckProject(d *Document, p *Project) []Finding {
	if p == nil {
		return nil
	}
	c := newChecker(d)
	c.codeDup = func(p *Project, k string) bool {
		if d == nil {
			return false
		}
		for i := range d.Projects {
			o := &d.Projects[i]
			if o == p || o.ID == p.ID {
				continue
			}
			// Most codes are already in canonical form: compare them as
			// they are before folding.
			if o.Code == k || needsFold(o.Code) && codeKey(o.Code) == k {
				return true
			}
		}
		return false
	}
	c.project(p)
	return c.out
}

// checker carries what the rules need across one run.
type checker struct {
	d      *Document
	satMin int64 // the 满意度 threshold in Value.Num units
	// satMinText and satLowHint are built once, not per finding.
	satMinText, satLowHint string
	codeDup                func(p *Project, key string) bool
	out                    []Finding

	p      *Project
	rows   []rowInfo   // the current project's rows, reused across projects
	values *valueCache // nil in CheckProject, which parses few values
}

// valueCache remembers parsed 指标值 by their text across one Check run.
// Departments write the same few values in project after project (≥90%,
// 100%, 年度计划), and ParseValue allocates; a direct-mapped table of recent
// texts turns most parses into a hash and a compare. A miss just parses.
type valueCache struct {
	slots [512]struct {
		raw string
		v   Value
	}
}

func (vc *valueCache) parse(raw string) Value {
	if vc == nil {
		return ParseValue(raw)
	}
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(raw); i++ {
		h = (h ^ uint32(raw[i])) * 16777619
	}
	slot := &vc.slots[h%uint32(len(vc.slots))]
	if slot.raw != raw {
		slot.raw, slot.v = raw, ParseValue(raw)
	}
	return slot.v
}

func newChecker(d *Document) *checker {
	min := DefaultSatisfactionMin
	if d != nil && d.SatisfactionMin.IsSet() {
		min = d.SatisfactionMin
	}
	scale := int64(1)
	for i := PercentScale; i < ValueScale; i++ {
		scale *= 10
	}
	c := &checker{d: d, satMin: min.Hundredths() * scale}
	c.satMinText = num(Value{Num: c.satMin})
	c.satLowHint = "满意度目标一般不低于 " + c.satMinText + "%"
	return c
}

func (c *checker) add(rule string, row int, field, msg, suggestion string) {
	c.out = append(c.out, Finding{
		Rule:        rule,
		Severity:    ruleSeverity[rule],
		ProjectID:   c.p.ID,
		ProjectCode: c.p.Code,
		ProjectName: c.p.Name,
		Row:         row,
		Field:       field,
		Message:     msg,
		Suggestion:  suggestion,
	})
}

// project runs the rules in listing order, so no sort is needed.
func (c *checker) project(p *Project) {
	c.p = p
	c.formFields()
	c.grid()
	for i := range p.Indicators {
		c.row(i)
	}
}

// blank reports whether s has nothing but white space.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// squeeze drops white space, which OCR and line wraps put inside names and
// values; it allocates only when there is some.
func squeeze(s string) string {
	if !hasSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// trim is strings.TrimSpace, but looks only at the first and last rune
// when neither is white space, the usual case; TrimSpace decodes through
// the unicode tables for text that starts with "≥".
func trim(s string) string {
	if s == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// hasSpace is strings.ContainsFunc(s, unicode.IsSpace) without decoding
// every rune: it runs on every name and value, and only runes whose UTF-8
// lead byte is 0xC2 or 0xE1–0xE3 can be non-ASCII white space.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c >= '\t' && c <= '\r':
			return true
		case c == 0xC2 || c >= 0xE1 && c <= 0xE3:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}

// hasDigit reports whether s holds an ASCII or full-width digit; without
// one, a value cannot be a number and need not be parsed.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// needsFold reports whether codeKey would change code.
func needsFold(code string) bool {
	for i := 0; i < len(code); i++ {
		if c := code[i]; c >= 'a' && c <= 'z' || c <= ' ' || c >= 0x80 {
			return true
		}
	}
	return false
}

// codeKey folds a 项目编码 for comparison: spaces dropped, ASCII upper case.
func codeKey(code string) string {
	code = squeeze(code)
	for i := 0; i < len(code); i++ {
		if code[i] >= 'a' && code[i] <= 'z' {
			return strings.ToUpper(code)
		}
	}
	return code
}
