package model

import (
	"slices"
	"strings"
	"sync"
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

	// Part 1 (部门整体绩效目标) fields, for document-level findings
	// (ProjectID "", Row -1).
	FieldOverall  = "overall"  // 总体绩效目标
	FieldGoals    = "goals"    // 分项绩效目标
	FieldMeasures = "measures" // 工作保障措施

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
	FieldOverall: 0, FieldGoals: 1, FieldMeasures: 2,
	FieldCode: 3, FieldName: 4, FieldBudget: 5, FieldFiscal: 6, FieldOther: 7, FieldUse: 8,
	FieldPlanMar: 9, FieldPlanJun: 10, FieldPlanOct: 11, FieldPlanDec: 12, FieldGoal: 13, FieldIndicators: 14,
	FieldL1: 15, FieldL2: 16, FieldL3: 17, FieldDesc: 18, FieldValue: 19, FieldBasis: 20,
}

var fieldLabels = map[string]string{
	FieldCode: "项目编码", FieldName: "项目名称", FieldBudget: "预算数", FieldFiscal: "财政资金",
	FieldOther: "其他资金", FieldUse: "资金用途",
	FieldPlanMar: "3月底", FieldPlanJun: "6月底", FieldPlanOct: "10月底", FieldPlanDec: "12月底",
	FieldGoal: "绩效目标", FieldIndicators: "绩效指标",
	FieldOverall: "总体绩效目标", FieldGoals: "分项绩效目标", FieldMeasures: "工作保障措施",
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

// Check runs every review rule on the document. Findings about Part 1
// (部门整体绩效目标; ProjectID "") come first, then the projects' in
// project order: form fields (in form order), the grid as a whole, rows
// (by index, columns left to right), then rule (in Rules order).
func Check(d *Document) []Finding {
	if d == nil {
		return nil
	}
	c := getChecker(d)
	defer putChecker(c)
	c.partOne()
	c.markDupCodes()
	total := totalBudget(d)
	for i := range d.Projects {
		c.dupCode = c.dups[i]
		c.otherBudget = total - max(d.Projects[i].Budget.Units(), 0)
		c.project(&d.Projects[i])
	}
	return c.findings()
}

// CheckProject runs the rules on one project of d (the document supplies the
// 满意度 threshold and the other projects' codes for CODE_DUP). d may be nil,
// and p need not be in d yet (a project being edited).
func CheckProject(d *Document, p *Project) []Finding {
	if p == nil {
		return nil
	}
	c := getChecker(d)
	defer putChecker(c)
	if d == nil {
		// No document to read the layout from: the project's rows say.
		a, b := countLayoutRows(p)
		c.layout, c.layoutMixed = pickLayout(a, b, 0)
	}
	c.dupCode = !blank(p.Code) && codeUsedElsewhere(d, p)
	c.otherBudget = OtherBudgets(d, p).Units()
	c.project(p)
	return c.findings()
}

// totalBudget is the sum of the 预算数 of d's projects, in Money units.
func totalBudget(d *Document) int64 {
	var t int64
	for i := range d.Projects {
		t += max(d.Projects[i].Budget.Units(), 0)
	}
	return t
}

// OtherBudgets is what the 预算数 of the projects of d other than p add
// up to (zero for a nil d).
func OtherBudgets(d *Document, p *Project) Money {
	if d == nil {
		return Money{}
	}
	var t int64
	for i := range d.Projects {
		if o := &d.Projects[i]; o != p && o.ID != p.ID {
			t += max(o.Budget.Units(), 0)
		}
	}
	return MoneyUnits(t)
}

// codeUsedElsewhere reports whether another project of d has p's 项目编码.
// CheckProject sees one project, so it scans the others instead of
// indexing them all.
func codeUsedElsewhere(d *Document, p *Project) bool {
	if d == nil {
		return false
	}
	k := codeKey(p.Code)
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

// checker carries what the rules need across one run. Checkers are pooled:
// the buffers they keep (findings, rows, the code index) are sized by the
// first runs, and later runs, one per edit, reuse them instead of growing
// them again.
type checker struct {
	d      *Document
	satMin int64 // the 满意度 threshold in Value.Num units
	// satMinText and satLowHint are built once, not per finding.
	satMinText, satLowHint string
	out                    []Finding // scratch; findings copies it out

	// The document's layout (see Layout): set on it, or detected, and
	// whether its rows mix both.
	layout                 Layout
	layoutSet, layoutMixed bool
	layoutNoteText         string // layoutNote, once built
	// LAYOUT_MIXED's messages, once built.
	layoutMsgL1, layoutMsgL2 string

	otherBudget int64 // the other projects' 预算数 summed, for BUDGET_YUAN

	p         *Project
	total     beneficiaryTotal // the current project's 受益 count, if any
	numBuf    [24]byte         // scratch for numText
	dupCode   bool             // p's 项目编码 is used by another project
	rows      []rowInfo        // the current project's rows, reused across projects
	l3Memo    [1 << l3MemoBits]l3Memo
	goalMemo  [1 << goalMemoBits]goalMemo
	valueMemo [1 << valueMemoBits]valueMemo

	// Check only: codes maps each folded 项目编码 to the first project
	// that has it, and dups[i] says project i shares its code.
	codes map[string]int
	dups  []bool
}

var checkers = sync.Pool{New: func() any { return new(checker) }}

// maxPooledFindings bounds what a pooled checker keeps between runs, so
// one document full of faults does not pin its findings' memory.
const maxPooledFindings = 1 << 14

func getChecker(d *Document) *checker {
	min := DefaultSatisfactionMin
	if d != nil && d.SatisfactionMin.IsSet() {
		min = d.SatisfactionMin
	}
	scale := int64(1)
	for i := PercentScale; i < ValueScale; i++ {
		scale *= 10
	}
	c := checkers.Get().(*checker)
	c.d, c.satMin = d, min.Hundredths()*scale
	c.layoutNoteText, c.layoutMsgL1, c.layoutMsgL2 = "", "", ""
	c.layoutSet = d != nil && d.Layout != LayoutAuto
	if c.layoutSet {
		c.layout, c.layoutMixed = d.Layout, false
	} else {
		c.layout, c.layoutMixed = DetectLayout(d)
	}
	c.satMinText = num(Value{Num: c.satMin})
	c.satLowHint = "满意度目标一般不低于 " + c.satMinText + "%"
	return c
}

// putChecker drops every reference into the document before pooling c.
func putChecker(c *checker) {
	if cap(c.out) > maxPooledFindings {
		c.out = nil
	}
	// Findings past len(c.out) were never written; rows were, by longer
	// projects earlier in the run.
	clear(c.out)
	clear(c.rows[:cap(c.rows)])
	clear(c.codes)
	clear(c.l3Memo[:])
	clear(c.goalMemo[:])
	clear(c.valueMemo[:])
	c.out, c.rows, c.dups = c.out[:0], c.rows[:0], c.dups[:0]
	c.d, c.p, c.total = nil, nil, beneficiaryTotal{}
	checkers.Put(c)
}

// findings returns a copy of the findings, exactly as long, or nil.
func (c *checker) findings() []Finding {
	if len(c.out) == 0 {
		return nil
	}
	return slices.Clone(c.out)
}

// markDupCodes fills c.dups for every project of the document with one
// map lookup per project, which keeps CODE_DUP linear in Check.
func (c *checker) markDupCodes() {
	ps := c.d.Projects
	if c.codes == nil {
		c.codes = make(map[string]int, len(ps))
	}
	c.dups = slices.Grow(c.dups[:0], len(ps))[:len(ps)]
	clear(c.dups)
	for i := range ps {
		k := codeKey(ps[i].Code)
		if k == "" {
			continue
		}
		if j, ok := c.codes[k]; ok {
			c.dups[i], c.dups[j] = true, true
		} else {
			c.codes[k] = i
		}
	}
}

func (c *checker) add(rule string, row int, field, msg, suggestion string) {
	f := Finding{
		Rule:       rule,
		Severity:   ruleSeverity[rule],
		Row:        row,
		Field:      field,
		Message:    msg,
		Suggestion: suggestion,
	}
	if c.p != nil {
		f.ProjectID, f.ProjectCode, f.ProjectName = c.p.ID, c.p.Code, c.p.Name
	}
	c.out = append(c.out, f)
}

// partOne checks that Part 1 (部门整体绩效目标) is there at all.
func (c *checker) partOne() {
	d := c.d
	c.p = nil
	if blank(d.Overall) {
		c.add(RulePart1Empty, -1, FieldOverall, "总体绩效目标未填写", "写出部门全年要达到的总体目标：做哪些事，做到什么程度")
	}
	goals := false
	for _, g := range d.Goals {
		goals = goals || !blank(g.Goal) || !blank(g.Indicator)
	}
	if !goals {
		c.add(RulePart1Empty, -1, FieldGoals, "分项绩效目标未填写", "按主要工作分项写出绩效目标和可考核的绩效指标")
	}
	measures := false
	for _, m := range d.Measures {
		measures = measures || !blank(m.Title) || !blank(m.Content)
	}
	if !measures {
		c.add(RulePart1Empty, -1, FieldMeasures, "工作保障措施未填写", "写出保障目标实现的措施，如支出管理、绩效运行监控、绩效自评")
	}
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
	if s != "" && !spaceLead[s[0]] {
		return false // the usual case, decided by one byte
	}
	return allSpace(s)
}

// allSpace is blank past its first byte; kept apart so blank inlines.
func allSpace(s string) bool {
	for s != "" {
		n := spaceLen(s)
		if n == 0 {
			return false
		}
		s = s[n:]
	}
	return true
}

// The rules look for white space (unicode.IsSpace) in every name and value
// they read. Decoding each rune and searching the unicode tables for it
// would cost more than the rest of a rule; instead the few white-space
// runes are matched by their UTF-8 bytes: ASCII \t–\r and space, U+0085
// and U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000–U+200A (E2 80
// 80–8A), U+2028, U+2029, U+202F (E2 80 A8, A9, AF), U+205F (E2 81 9F)
// and U+3000 (E3 80 80). These byte strings are valid UTF-8, so they match
// exactly where decoding would give a white-space rune, even inside
// invalid text. TestSpaceBytesAreUnicodeIsSpace checks every rune.

// spaceLen returns the length in bytes of the white-space rune s starts
// with, or 0.
func spaceLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return 1
	case 0xC2:
		if len(s) > 1 && (s[1] == 0x85 || s[1] == 0xA0) {
			return 2
		}
	case 0xE1:
		if len(s) > 2 && s[1] == 0x9A && s[2] == 0x80 {
			return 3
		}
	case 0xE2:
		if len(s) > 2 {
			switch c := s[2]; s[1] {
			case 0x80:
				if c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF {
					return 3
				}
			case 0x81:
				if c == 0x9F {
					return 3
				}
			}
		}
	case 0xE3:
		if len(s) > 2 && s[1] == 0x80 && s[2] == 0x80 {
			return 3
		}
	}
	return 0
}

// endsWithSpace reports whether the last rune of s (as
// utf8.DecodeLastRuneInString reads it) is white space. The bytes before a
// matched sequence do not matter: its first byte is not a continuation
// byte, so the last rune starts there.
func endsWithSpace(s string) bool {
	n := len(s)
	switch {
	case n == 0:
		return false
	case s[n-1] < utf8.RuneSelf:
		return spaceLen(s[n-1:]) == 1
	case n >= 2 && spaceLen(s[n-2:]) == 2:
		return true
	}
	return n >= 3 && spaceLen(s[n-3:]) == 3
}

// squeeze drops white space, which OCR and line wraps put inside names and
// values; it allocates only when there is some.
func squeeze(s string) string {
	if !hasSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// trim is strings.TrimSpace, but looks only at the first and last bytes
// when the text neither starts nor ends with white space, the usual case.
func trim(s string) string {
	n := len(s)
	if n == 0 {
		return s
	}
	// Most values start with ≥ or ≤ (E2 89): only E2 80 and E2 81 start
	// white space.
	lead := spaceLead[s[0]] && (s[0] != 0xE2 || n > 1 && s[1] <= 0x81)
	if lead || spaceTail[s[n-1]] {
		return trimEnds(s)
	}
	return s
}

// trimEnds is the rest of trim, for text whose first or last byte may
// belong to white space.
func trimEnds(s string) string {
	if spaceLen(s) == 0 && !endsWithSpace(s) {
		return s
	}
	return strings.TrimSpace(s)
}

// spaceLead and spaceTail mark the bytes a white-space rune can start and
// end with, so that most text is ruled out by a table look-up.
var spaceLead, spaceTail = func() (lead, tail [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\v', '\f', '\r'} {
		lead[c], tail[c] = true, true
	}
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		lead[c] = true
	}
	for _, c := range []byte{0x85, 0xA0, 0x80, 0x81, 0x82, 0x83, 0x84, 0x86, 0x87, 0x88, 0x89, 0x8A, 0xA8, 0xA9, 0xAF, 0x9F} {
		tail[c] = true
	}
	return lead, tail
}()

// hasSpace is strings.ContainsFunc(s, unicode.IsSpace) without decoding
// every rune: it runs on every name and value. It reads eight bytes at a
// time and looks closer only at words where maySpace finds a byte a
// white-space rune can start with; Chinese ideographs, which start with
// 0xE4–0xE9, pass eight bytes at a time.
func hasSpace(s string) bool {
	if len(s) < 8 {
		return hasSpaceFrom(s, 0, len(s))
	}
	// The last word overlaps the one before when the length is not a
	// multiple of eight, which does no harm to "is there any".
	for i := 0; ; i += 8 {
		if i > len(s)-8 {
			i = len(s) - 8
		}
		if maySpace(s[i:]) && hasSpaceFrom(s, i, i+8) {
			return true
		}
		if i == len(s)-8 {
			return false
		}
	}
}

// maySpace reports whether the first eight bytes of s hold one a
// white-space rune can start with: below 0x21, 0xC2 or 0xE0–0xE3. It uses
// the classic test for a byte below n in a word, (x - n·0x01…01) &^ x &
// 0x80…80, which is non-zero exactly when there is one (for n ≤ 0x80).
func maySpace(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	low := (x - ones*0x21) &^ x & highs
	e := x ^ ones*0xE0 // 0xE0–0xE3 become 0–3
	e = (e - ones*4) &^ e & highs
	c := x ^ ones*0xC2 // 0xC2 becomes 0
	c = (c - ones) &^ c & highs
	return low|e|c != 0
}

// hasSpaceFrom reports whether a white-space rune starts in s[from:to].
func hasSpaceFrom(s string, from, to int) bool {
	for i := from; i < to; i++ {
		if spaceLead[s[i]] && spaceLen(s[i:]) > 0 {
			return true
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
