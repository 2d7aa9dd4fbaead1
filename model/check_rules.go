package model

import (
	"strconv"
	"strings"
)

// Rule codes. Each is stable: tests, the UI and `jixiao check --json` use
// them. Rules lists them with their severity and a Chinese title.
const (
	RuleRequired         = "REQUIRED"
	RuleCodeDup          = "CODE_DUP"
	RuleBudgetZero       = "BUDGET_ZERO"
	RuleBudgetSum        = "BUDGET_SUM"
	RuleBudgetYuan       = "BUDGET_YUAN"
	RulePlanMissing      = "PLAN_MISSING"
	RulePlanRange        = "PLAN_RANGE"
	RulePlanOrder        = "PLAN_ORDER"
	RulePlanEnd          = "PLAN_END"
	RuleGoalVague        = "GOAL_VAGUE"
	RuleGoalProcess      = "GOAL_PROCESS"
	RulePart1Empty       = "PART1_EMPTY"
	RuleNeedOutput       = "NEED_OUTPUT"
	RuleNeedEffect       = "NEED_EFFECT"
	RuleNeedSatisfaction = "NEED_SATISFACTION"
	RuleNeedQuantity     = "NEED_QUANTITY"
	RuleNeedQuality      = "NEED_QUALITY"
	RuleNeedTimeliness   = "NEED_TIMELINESS"
	RuleNeedCost         = "NEED_COST"
	RuleL1Unknown        = "L1_UNKNOWN"
	RuleL2Unknown        = "L2_UNKNOWN"
	RuleL2Parent         = "L2_PARENT"
	RuleOldTemplate      = "OLD_TEMPLATE"
	RuleLayoutMixed      = "LAYOUT_MIXED"
	RuleDupIndicator     = "DUP_INDICATOR"
	RuleMisplaced        = "MISPLACED"
	RuleL3Template       = "L3_TEMPLATE"
	RuleInputAsOutput    = "INPUT_AS_OUTPUT"
	RuleCostBenefit      = "COST_BENEFIT"
	RuleValueEmpty       = "VALUE_EMPTY"
	RuleValuePlaceholder = "VALUE_PLACEHOLDER"
	RuleValueVague       = "VALUE_VAGUE"
	RuleValueDirection   = "VALUE_DIRECTION"
	RuleValuePercent     = "VALUE_PERCENT"
	RuleValueUnit        = "VALUE_UNIT"
	RuleQuantityRate     = "QUANTITY_RATE"
	RuleSatisfactionLow  = "SATISFACTION_LOW"
	RuleL3Target         = "L3_TARGET"
	RuleCostNotAmount    = "COST_NOT_AMOUNT"
	RuleCostOver         = "COST_OVER"
	RuleCountOverTotal   = "COUNT_OVER_TOTAL"
	RuleBasisEmpty       = "BASIS_EMPTY"
)

// RuleInfo describes one review rule.
type RuleInfo struct {
	Code     string
	Severity Severity
	Title    string // what the rule catches, in Chinese
}

// Rules lists every review rule. Within one field, findings follow this
// order.
var Rules = []RuleInfo{
	{RuleRequired, SeverityError, "必填项（项目编码、项目名称、资金用途、绩效目标、三级指标）未填写"},
	{RuleCodeDup, SeverityError, "项目编码在文档中重复"},
	{RuleBudgetZero, SeverityError, "预算数未填写或为 0"},
	{RuleBudgetSum, SeverityError, "预算数不等于财政资金与其他资金之和"},
	{RuleBudgetYuan, SeverityWarning, "预算数像是以元填写的（单位是万元）"},
	{RulePlanMissing, SeverityError, "资金支出计划未填写"},
	{RulePlanRange, SeverityError, "资金支出计划不在 0–100 之间"},
	{RulePlanOrder, SeverityError, "资金支出计划（累计）后一时点低于前一时点"},
	{RulePlanEnd, SeverityError, "12月底资金支出计划不是 100%"},
	{RuleGoalVague, SeverityWarning, "绩效目标只写了方向（提高、加强……），没有可考核的数字"},
	{RuleGoalProcess, SeverityWarning, "绩效目标写的是过程（按计划完成、完成进度），不是产出"},
	{RulePart1Empty, SeverityWarning, "第一部分（总体绩效目标、分项绩效目标、工作保障措施）未填写"},
	{RuleNeedOutput, SeverityError, "没有产出指标"},
	{RuleNeedEffect, SeverityError, "没有效益指标"},
	{RuleNeedSatisfaction, SeverityWarning, "没有满意度指标"},
	{RuleNeedQuantity, SeverityWarning, "产出指标中没有数量指标"},
	{RuleNeedQuality, SeverityWarning, "产出指标中没有质量指标"},
	{RuleNeedTimeliness, SeverityWarning, "产出指标中没有时效指标"},
	{RuleNeedCost, SeverityWarning, "没有成本指标"},
	{RuleL1Unknown, SeverityError, "一级指标不在标准指标体系中"},
	{RuleL2Unknown, SeverityError, "二级指标不在标准指标体系中"},
	{RuleL2Parent, SeverityError, "二级指标放在了错误的一级指标下"},
	{RuleOldTemplate, SeverityWarning, "旧版模板：满意度指标放在效益指标下"},
	{RuleLayoutMixed, SeverityWarning, "成本指标的位置与文档的指标体系格式不一致（两种格式混用）"},
	{RuleDupIndicator, SeverityWarning, "同一项目中三级指标重复"},
	{RuleMisplaced, SeverityWarning, "效益类或满意度类指标放在了产出或效益指标下"},
	{RuleL3Template, SeverityWarning, "三级指标名称中留有模板的填写说明（**）"},
	{RuleInputAsOutput, SeverityWarning, "资金到位、下达、执行等投入情况被当作产出或效益"},
	{RuleCostBenefit, SeverityWarning, "社会成本或生态环境成本写成了效益"},
	{RuleValueEmpty, SeverityError, "指标值未填写"},
	{RuleValuePlaceholder, SeverityError, "指标值是占位符"},
	{RuleValueVague, SeverityWarning, "指标值不可衡量"},
	{RuleValueDirection, SeverityWarning, "指标值只写了方向（提高、增加……），没有数字"},
	{RuleValuePercent, SeverityWarning, "百分比超过 100% 或比率目标为 ≥100%"},
	{RuleValueUnit, SeverityWarning, "计量单位不规范或缺失"},
	{RuleQuantityRate, SeverityWarning, "数量指标用百分比表示"},
	{RuleSatisfactionLow, SeverityWarning, "满意度目标低于下限"},
	{RuleL3Target, SeverityWarning, "三级指标名称中的目标值与指标值不一致"},
	{RuleCostNotAmount, SeverityWarning, "成本指标的值不是金额"},
	{RuleCostOver, SeverityError, "成本指标金额超过项目预算数"},
	{RuleCountOverTotal, SeverityWarning, "部分人数多于受益总人数"},
	{RuleBasisEmpty, SeverityWarning, "指标值确定依据未填写"},
}

var ruleSeverity, ruleOrder = func() (map[string]Severity, map[string]int) {
	sev := make(map[string]Severity, len(Rules))
	ord := make(map[string]int, len(Rules))
	for i, r := range Rules {
		sev[r.Code], ord[r.Code] = r.Severity, i
	}
	return sev, ord
}()

// RuleOrder returns the position of a rule code in Rules, or -1.
func RuleOrder(code string) int {
	if o, ok := ruleOrder[code]; ok {
		return o
	}
	return -1
}

// placeholders are what people type for "fill in later". Any of them in a
// 指标值 means the target was never set (the seed's "**平米").
var placeholders = newNeedles("*", "＊", "××", "○○", "…", "...", "待定", "待填", "待补", "?", "？", "xx", "xX", "Xx", "XX")

// vaguePhrases name a plan, a report or an intention instead of a target:
// the value cannot be checked against anything at year end. The finance
// bureau returns "年度计划", "年终总结", "节约成本" as not measurable.
var vaguePhrases = newNeedles(
	"年度计划", "工作计划", "年终总结", "年度总结", "工作总结",
	"节约成本", "降低成本", "年度预算", "按计划", "按要求", "完成情况",
)

// outcomeKeywords mark a 三级指标 that measures an outcome (效益) or
// satisfaction rather than an output. The MISPLACED rule is a keyword
// heuristic: it looks only at the 三级指标 name (the description may well
// mention outcomes in passing), and only under 产出指标. The list:
//
//	再犯罪率 重新犯罪率 再犯率   — a 社区矫正 outcome (社会效益)
//	知晓率 知晓度 认可度 获得感 幸福感 投诉率 效益 — outcomes (社会效益)
//	满意度 满意率 满意程度       — belong under 满意度指标 (also when
//	                              filed under 效益指标)
var outcomeKeywords = newNeedles(
	"再犯罪率", "重新犯罪率", "再犯率",
	"知晓率", "知晓度", "认可度", "获得感", "幸福感", "投诉率", "效益",
	"满意度", "满意率", "满意程度",
)

// satisfactionKeywords is where the 满意 words start in outcomeKeywords.
const satisfactionKeywords = 10

// standardUnit returns the spelling the finance bureau asks for in place
// of unit, if it asks for one. Percent spellings (百分率, 百分比, ％) are
// handled through Value.RawUnit. A switch, not a map: it runs on every
// number.
func standardUnit(unit string) (string, bool) {
	switch unit {
	case "平米":
		return "平方米", true
	}
	return "", false
}

// taxEntry is what a name means in the taxonomy: a 一级 name (or alias),
// a 二级 name with the 一级 names it may stand under, or both (成本指标).
type taxEntry struct {
	l1        string
	l2        string
	l2Parents []string
}

// taxSlots answer taxonomy lookups without allocating: CanonicalL1/L2
// build strings per call, and a map would hash the whole name, for every
// row on every keystroke. Keys are the names with and without the 指标
// suffix, in an open-addressed table whose hash reads a few bytes only.
var taxSlots = func() *[taxTableSize]taxSlot {
	idx := map[string]*taxEntry{}
	var keys []string
	put := func(name string, f func(e *taxEntry)) {
		for _, k := range []string{name, strings.TrimSuffix(name, "指标")} {
			e := idx[k]
			if e == nil {
				e = new(taxEntry)
				idx[k] = e
				keys = append(keys, k)
			}
			f(e)
		}
	}
	for _, l1 := range Taxonomy {
		put(l1.Name, func(e *taxEntry) { e.l1 = l1.Name })
		for _, a := range l1.Aliases {
			put(a, func(e *taxEntry) { e.l1 = l1.Name })
		}
		for _, l2 := range l1.Level2 {
			put(l2, func(e *taxEntry) { e.l2 = l2; e.l2Parents = append(e.l2Parents, l1.Name) })
		}
	}
	for _, a := range level2Aliases {
		put(a.name, func(e *taxEntry) { e.l2 = a.l2; e.l2Parents = a.parents })
	}
	t := new([taxTableSize]taxSlot)
	for _, k := range keys {
		h := taxHash(k)
		for t[h].e != nil {
			h = (h + 1) % taxTableSize
		}
		t[h] = taxSlot{key: k, e: idx[k]}
	}
	return t
}()

// taxTableSize keeps the table at most a third full, so a miss ends at an
// empty slot after a probe or two.
const (
	taxBits      = 7
	taxTableSize = 1 << taxBits
)

type taxSlot struct {
	key string
	e   *taxEntry
}

// taxHash mixes the length and the last byte of each of the first four
// runes of a Chinese name, which tell the standard names apart (经济效益 and
// 经济成本 differ in the third); text of any other shape just probes more.
func taxHash(s string) uint32 {
	h := uint32(len(s))
	for i := 2; i < len(s) && i < 12; i += 3 {
		h = h<<8 ^ uint32(s[i])
	}
	return h * 0x9E3779B1 >> (32 - taxBits)
}

// findTax returns the taxonomy entry named exactly s, or nil.
func findTax(s string) *taxEntry {
	for h := taxHash(s); ; h = (h + 1) % taxTableSize {
		sl := &taxSlots[h]
		if sl.e == nil || sl.key == s {
			return sl.e
		}
	}
}

// taxOf returns the taxonomy entry for a name as written, or nil. No key
// holds white space, so a name is squeezed only when it is not found as
// it is, and then only if it has some.
func taxOf(s string) *taxEntry {
	if e := findTax(s); e != nil {
		return e
	}
	if !hasSpace(s) {
		return nil
	}
	return findTax(squeeze(s))
}

// lookupTax is taxOf as a value.
func lookupTax(s string) (taxEntry, bool) {
	if e := taxOf(s); e != nil {
		return *e, true
	}
	return taxEntry{}, false
}

// rowInfo is what the rules need to know of a row, computed once per row.
type rowInfo struct {
	l1, l2   string    // canonical names, "" when unknown
	l2Entry  *taxEntry // nil when the 二级 is not in the taxonomy
	l2Parent bool      // the 二级 does not belong under the 一级
	l3       string
	l3Head   uint64 // the first eight bytes of l3: most names differ there
	outcome  int8   // outcomeKeywords.index(l3)
	l3Facts
	skip   bool   // a blank template row (blankRow): no rule reads it
	layout Layout // the layout its 成本 placement follows, if any
	// costBenefit: a 社会/生态环境成本 row that states a benefit.
	costBenefit bool
}

func (r *rowInfo) isOutput() bool       { return r.l1 == L1Output && !r.l2Parent }
func (r *rowInfo) isSatisfaction() bool { return r.l1 == L1Satisfaction || r.l2 == L2Satisfaction }
func (r *rowInfo) isQuantity() bool     { return r.l2 == L2Quantity && !r.l2Parent }
func (r *rowInfo) isCost() bool {
	return r.l1 == L1Cost || r.l1 == L1Output && r.l2 == L2Cost && !r.l2Parent
}

// isMoneyCost reports a cost row that must state money: 成本指标 under 产出,
// or 经济成本 (any 成本 一级 row but a 社会/生态环境成本 one).
func (r *rowInfo) isMoneyCost() bool {
	return r.isCost() && !r.isImpactCost()
}

// isImpactCost reports a 社会成本 or 生态环境成本 row: the harm a project
// does, which need not be money ("占用耕地≤5亩", "无").
func (r *rowInfo) isImpactCost() bool {
	return r.l1 == L1Cost && (r.l2 == "社会成本指标" || r.l2 == "生态环境成本指标")
}

// isOldSatisfaction reports the older template's satisfaction 二级 filed
// under 效益指标.
func (r *rowInfo) isOldSatisfaction() bool {
	return r.l1 == L1Effect && r.l2 == L2Satisfaction && !r.l2Parent
}

// classify fills c.rows for the current project, reusing its storage.
func (c *checker) classify() {
	c.rows = c.rows[:0]
	// Rows come in runs under one 一级 and 二级: reuse the last lookup
	// while the text repeats.
	for i := range c.p.Indicators {
		in := &c.p.Indicators[i]
		c.rows = append(c.rows, rowInfo{})
		r := &c.rows[i]
		var prev *Indicator
		var prevRow *rowInfo
		if i > 0 {
			prev, prevRow = &c.p.Indicators[i-1], &c.rows[i-1]
		}
		if prev != nil && in.L1 == prev.L1 {
			r.l1 = prevRow.l1
		} else if e := taxOf(in.L1); e != nil {
			r.l1 = e.l1
		}
		if prev != nil && in.L2 == prev.L2 && r.l1 == prevRow.l1 {
			r.l2Entry, r.l2, r.l2Parent = prevRow.l2Entry, prevRow.l2, prevRow.l2Parent
		} else if e := taxOf(in.L2); e != nil {
			r.l2Entry, r.l2 = e, e.l2
			r.l2Parent = r.l1 != "" && !contains(e.l2Parents, r.l1)
		}
		c.nameL3(r, in.L3)
		r.skip = r.l3 == "" && blankRow(in)
		switch {
		case r.skip:
		case r.l1 == L1Cost:
			r.layout = Layout101
		case r.l1 == L1Output && r.l2 == L2Cost:
			r.layout = Layout2020
		case r.l2Entry != nil && len(r.l2Entry.l2Parents) == 1 && r.l2Entry.l2Parents[0] == L1Cost:
			r.layout = Layout101
		}
	}
}

// l3Memo is what classify works out from one 三级指标 text. A department
// gives the same indicators (群众满意度, 资金支付及时率) in project after
// project, so the checker remembers recent texts in a small table and
// works out each again only when its slot holds another.
type l3Memo struct {
	set     bool
	raw     string // the text as written
	l3      string // squeezed
	head    uint64 // head8(l3)
	outcome int8   // outcomeKeywords.index(l3)
	l3Facts
}

// l3Facts are what the rules read from a 三级指标 text alone.
type l3Facts struct {
	template  bool // templateMarks.in(l3)
	moneyRate bool // movesMoney(l3)
	direction bool // directionWords.in(l3)
	digit     bool // hasDigit(l3)
}

// l3MemoBits sizes the memo well above the few dozen names a document
// uses, so that few of them share a slot.
const l3MemoBits = 8

// nameL3 fills the row's 三级指标 fields from the memo, or works them out
// and remembers them.
func (c *checker) nameL3(r *rowInfo, raw string) {
	// Names often share their first runes (法律援助…), so the hash takes
	// the last bytes too.
	x := head8(raw) ^ uint64(len(raw))
	if len(raw) > 8 {
		x ^= head8(raw[len(raw)-8:]) * 31
	}
	h := x * 0x9E3779B97F4A7C15 >> (64 - l3MemoBits)
	m := &c.l3Memo[h]
	if !m.set || m.raw != raw {
		l3 := squeeze(raw)
		*m = l3Memo{set: true, raw: raw, l3: l3, head: head8(l3), outcome: int8(outcomeKeywords.index(l3)),
			l3Facts: l3Facts{template: templateMarks.in(l3), moneyRate: movesMoney(l3), direction: directionWords.in(l3), digit: hasDigit(l3)}}
	}
	r.l3, r.l3Head, r.outcome, r.l3Facts = m.l3, m.head, m.outcome, m.l3Facts
}

// head8 packs the first eight bytes of s (fewer when s is shorter) into
// a word, so that rows can be told apart by one comparison.
func head8(s string) uint64 {
	if len(s) >= 8 {
		return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	}
	var h uint64
	for i := len(s) - 1; i >= 0; i-- {
		h = h<<8 | uint64(s[i])
	}
	return h
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c *checker) formFields() {
	p := c.p
	if blank(p.Code) {
		c.add(RuleRequired, -1, FieldCode, "项目编码未填写", "")
	} else if c.dupCode {
		c.add(RuleCodeDup, -1, FieldCode, "项目编码“"+strings.TrimSpace(p.Code)+"”在文档中重复", "每个项目的编码在文档中必须唯一，请核对财政下达的项目编码")
	}
	if blank(p.Name) {
		c.add(RuleRequired, -1, FieldName, "项目名称未填写", "")
	}
	c.budget()
	if blank(p.Use) {
		c.add(RuleRequired, -1, FieldUse, "资金用途未填写", "")
	}
	c.plan()
	if blank(p.Goal) {
		c.add(RuleRequired, -1, FieldGoal, "绩效目标未填写", "")
	} else {
		c.goal(p.Goal)
	}
}

// goal judges how the 绩效目标 is built: a direction with no figure
// (GOAL_VAGUE), or a process or a share of progress with no amount of
// anything delivered (GOAL_PROCESS).
func (c *checker) goal(raw string) {
	// Departments reuse goal text across projects: judge each text once.
	m := &c.goalMemo[(head8(raw)^uint64(len(raw)))*0x9E3779B97F4A7C15>>(64-goalMemoBits)]
	if !m.set || m.raw != raw {
		*m = goalMemo{set: true, raw: raw}
		g := squeeze(raw)
		m.direction, m.process = directionWords.index(g), -1
		if m.direction >= 0 && hasFigure(g) {
			m.direction = -1
		}
		if m.direction < 0 {
			if m.process = processWords.index(g); m.process >= 0 && hasDeliverable(g) {
				m.process = -1
			}
		}
	}
	if k := m.direction; k >= 0 {
		c.add(RuleGoalVague, -1, FieldGoal, goalVagueMsgs[k],
			"写出年底要达到的结果：完成多少（件、人次、亩），达到什么标准，如 服务对象满意度≥90%")
		return
	}
	if k := m.process; k >= 0 {
		c.add(RuleGoalProcess, -1, FieldGoal, goalProcessMsgs[k],
			"写出资金换来的产出和效果：建成或完成多少（亩、公里、件、人次），带来什么效益")
	}
}

// goalVagueMsgs and goalProcessMsgs are the goal findings' messages, one
// per word, built once rather than per finding.
var goalVagueMsgs, goalProcessMsgs = func() (vague, process []string) {
	for _, w := range directionWords.words {
		vague = append(vague, "绩效目标只写了方向（“"+w+"”），没有可考核的数字或时限")
	}
	for _, w := range processWords.words {
		process = append(process, "绩效目标写的是过程或进度（“"+w+"”），没有写交付什么")
	}
	return vague, process
}()

// goalMemo is what goal works out from one 绩效目标 text: the index of
// the direction word of a goal with no figure, and of the process word of
// a goal with no deliverable, or -1.
type goalMemo struct {
	set                bool
	raw                string
	direction, process int
}

const goalMemoBits = 6

// valueMemo is what qualitative works out from one 指标值 text.
type valueMemo struct {
	set              bool
	raw              string
	vague, checkable bool   // vaguePhrases.in; hasFigure or stateWords.in
	direction        int    // directionWords.index
	costMsg          string // COST_NOT_AMOUNT's message for it, once built
}

const valueMemoBits = 7

// yuanBudgetMin is the amount, in Money units, from which an amount may
// be 元 typed into a 万元 field in a small unit: 10,000 万元, a hundred
// million 元.
const yuanBudgetMin = 10_000 * 10_000

// LooksLikeYuan reports whether an amount typed into a 万元 field looks
// written in 元. others is what the document's other projects' 预算数 add
// up to. It does when the amount is 10,000 万元 or more in a small unit
// (the other projects together under 1% of it), or 10,000 times the
// others or more (one project in 元 among projects in 万元). It is a
// question for the user, never a reason to change the amount.
func LooksLikeYuan(m, others Money) bool {
	u, o := m.Units(), max(others.Units(), 0)
	switch {
	case u <= 0:
		return false
	case o > 0 && u/10_000 >= o:
		return true
	}
	return u >= yuanBudgetMin && u/100 >= o
}

// budgetYuan warns of a 预算数 that looks like 元 typed as 万元.
func (c *checker) budgetYuan() {
	if !LooksLikeYuan(c.p.Budget, MoneyUnits(c.otherBudget)) {
		return
	}
	asWan := MoneyUnits(c.p.Budget.Units() / 10_000)
	c.add(RuleBudgetYuan, -1, FieldBudget, "预算数 "+c.p.Budget.String()+" 万元，像是以元填写的（合 "+asWan.String()+" 万元）",
		"预算数的单位是万元：若填的是元，改为 "+asWan.String())
}

func (c *checker) budget() {
	p := c.p
	sum := p.Fiscal.Add(p.Other)
	if p.Budget.IsZero() {
		msg := "预算数未填写"
		if p.Budget.IsSet() {
			msg = "预算数为 0"
		}
		sug := ""
		if !sum.IsZero() {
			sug = "财政资金 + 其他资金 = " + sum.String() + " 万元"
		}
		c.add(RuleBudgetZero, -1, FieldBudget, msg, sug)
		return
	}
	if p.Budget.Cmp(sum) != 0 {
		c.add(RuleBudgetSum, -1, FieldBudget,
			"预算数 "+p.Budget.String()+" 万元 ≠ 财政资金 "+moneyOrZero(p.Fiscal)+" + 其他资金 "+moneyOrZero(p.Other)+" = "+moneyOrZero(sum)+" 万元",
			"核对金额：预算数应等于财政资金与其他资金之和")
	}
	c.budgetYuan()
}

func moneyOrZero(m Money) string {
	if !m.IsSet() {
		return "0.00"
	}
	return m.String()
}

func (c *checker) plan() {
	months := c.p.Plan.Months()
	var high Percent // highest earlier point, for PLAN_ORDER
	highAt := -1
	for i, m := range months {
		f, name := PlanFields[i], PlanMonthNames[i]
		if !m.IsSet() {
			c.add(RulePlanMissing, -1, f, "资金支出计划"+name+"未填写", "填写截至"+name+"累计支出占预算的百分比")
			continue
		}
		if m.Hundredths() < 0 || m.Hundredths() > hundredPercent {
			c.add(RulePlanRange, -1, f, "资金支出计划"+name+"为 "+m.String()+"%，应在 0–100 之间", "")
			continue
		}
		if highAt >= 0 && m.Cmp(high) < 0 {
			c.add(RulePlanOrder, -1, f,
				"资金支出计划"+name+" "+m.String()+"% 低于"+PlanMonthNames[highAt]+" "+high.String()+"%",
				"支出计划是累计数，不能下降：改为不低于 "+high.String())
		}
		if i == len(months)-1 && !m.IsHundred() {
			c.add(RulePlanEnd, -1, f, "12月底累计支出计划为 "+m.String()+"%，应为 100%", "改为 100")
		}
		if highAt < 0 || m.Cmp(high) > 0 {
			high, highAt = m, i
		}
	}
}

// grid checks what the indicator table as a whole must contain.
func (c *checker) grid() {
	c.classify()
	var output, effect, satisfaction, quantity, quality, timeliness, cost bool
	c.total = beneficiaryTotal{row: -1}
	for i := range c.rows {
		r := &c.rows[i]
		if r.skip {
			continue
		}
		if r.isSatisfaction() && !r.l2Parent {
			satisfaction = true
			if r.l1 != L1Output {
				continue
			}
		}
		switch r.l1 {
		case L1Effect:
			effect = true
		case L1Satisfaction:
			satisfaction = true
		case L1Cost:
			cost = true
		case L1Output:
			output = true
			if r.l2Parent {
				break
			}
			switch r.l2 {
			case L2Quantity:
				quantity = true
			case L2Quality:
				quality = true
			case L2Timeliness:
				timeliness = true
			case L2Cost:
				cost = true
			}
		}
		if c.total.row < 0 && r.l1 == L1Effect {
			c.markTotal(i, r)
		}
	}
	f := FieldIndicators
	if !output {
		sug := "至少填写一项产出指标（数量、质量、时效、成本）"
		if c.layout == Layout101 {
			sug = "至少填写一项产出指标（数量、质量、时效）"
		}
		c.add(RuleNeedOutput, -1, f, "没有产出指标", sug)
	}
	if !effect {
		c.add(RuleNeedEffect, -1, f, "没有效益指标", "至少填写一项效益指标（经济、社会、生态效益或可持续影响）")
	}
	if !satisfaction {
		c.add(RuleNeedSatisfaction, -1, f, "没有满意度指标", "一般应设服务对象满意度指标")
	}
	if output {
		if !quantity {
			c.add(RuleNeedQuantity, -1, f, "产出指标中没有数量指标", "增设数量指标，如完成的件数、人次、场次")
		}
		if !quality {
			c.add(RuleNeedQuality, -1, f, "产出指标中没有质量指标", "增设质量指标，如合格率、达标率、办结率")
		}
		if !timeliness {
			c.add(RuleNeedTimeliness, -1, f, "产出指标中没有时效指标", "增设时效指标，如资金支付及时率、完成时限")
		}
	}
	if !cost {
		sug := "在产出指标下设成本指标，写明金额（万元），不超过预算数"
		if c.layout == Layout101 {
			sug = "设一级指标“成本指标”，在经济成本指标下写明金额（万元）或单位成本，不超过预算数"
		}
		c.add(RuleNeedCost, -1, f, "没有成本指标", sug)
	}
}

// beneficiaryTotal is a project's count of its beneficiaries as a whole
// ("受益脱贫人口数 ≥500人"): row -1 when it has none.
type beneficiaryTotal struct {
	row   int
	group string // the group counted, e.g. "脱贫(监测)"
	v     Value
}

// markTotal makes row i the project's beneficiary total if it is one.
func (c *checker) markTotal(i int, r *rowInfo) {
	g := beneficiaryGroup(r.l3)
	if g == "" {
		return
	}
	v := ParseValue(trim(c.p.Indicators[i].Value))
	if v.Quantitative && v.Unit != "" && !v.IsPercent() {
		c.total = beneficiaryTotal{row: i, group: g, v: v}
	}
}

func (c *checker) row(i int) {
	in := &c.p.Indicators[i]
	r := &c.rows[i]
	if r.skip {
		return
	}

	// 一级指标. A name found in the taxonomy is not blank, so only an
	// unknown one is looked at again.
	switch {
	case r.l1 != "":
	case blank(in.L1):
		c.add(RuleL1Unknown, i, FieldL1, "一级指标未填写", "可选："+strings.Join(LayoutL1Names(c.layout), "、"))
	default:
		c.add(RuleL1Unknown, i, FieldL1, "一级指标“"+strings.TrimSpace(in.L1)+"”不在标准指标体系中", "可选："+strings.Join(LayoutL1Names(c.layout), "、"))
	}
	mixed := r.layout != LayoutAuto && r.layout != c.layout && (c.layoutSet || c.layoutMixed)
	if mixed && r.layout == Layout101 {
		if c.layoutMsgL1 == "" {
			c.layoutMsgL1 = c.layoutNote() + "，此行却把成本指标作为一级指标"
		}
		c.add(RuleLayoutMixed, i, FieldL1, c.layoutMsgL1,
			"改为一级指标“产出指标”、二级指标“成本指标”；或把文档格式改为 101号")
	}

	// 二级指标
	switch {
	case r.l2Entry != nil:
		if r.l2Parent {
			c.l2Parent(i, in, r)
		}
	case blank(in.L2):
		c.add(RuleL2Unknown, i, FieldL2, "二级指标未填写", c.l2Choices(r.l1))
	default:
		c.add(RuleL2Unknown, i, FieldL2, "二级指标“"+strings.TrimSpace(in.L2)+"”不在标准指标体系中", c.l2Choices(r.l1))
	}
	if r.isOldSatisfaction() {
		c.add(RuleOldTemplate, i, FieldL2, "“"+strings.TrimSpace(in.L2)+"”放在效益指标下是旧版模板的做法",
			"现行模板把满意度作为一级指标：改为一级指标“"+L1Satisfaction+"”、二级指标“"+L2Satisfaction+"”")
	}
	if mixed && r.layout == Layout2020 {
		if c.layoutMsgL2 == "" {
			c.layoutMsgL2 = c.layoutNote() + "，此行却把成本指标放在产出指标下"
		}
		c.add(RuleLayoutMixed, i, FieldL2, c.layoutMsgL2,
			"改为一级指标“成本指标”、二级指标“经济成本指标”；或把文档格式改为 2020年式")
	}

	// 三级指标
	if r.l3 == "" {
		c.add(RuleRequired, i, FieldL3, "三级指标未填写", "")
	} else {
		c.name(i, in, r)
	}

	c.value(i, in, r)

	if blank(in.Basis) {
		c.add(RuleBasisEmpty, i, FieldBasis, "指标值确定依据未填写", "写明依据，如年度工作计划、历史数据、行业标准、文件规定")
	}
}

// layoutNote says which layout the document follows and why; built once
// per run, as every LAYOUT_MIXED finding of it starts so.
func (c *checker) layoutNote() string {
	if c.layoutNoteText != "" {
		return c.layoutNoteText
	}
	how := "本文档"
	switch {
	case c.layoutSet:
		how = "本文档设定为"
	case c.layoutMixed:
		how = "本文档多数指标按"
	}
	if c.layout == Layout101 {
		c.layoutNoteText = how + "财预〔2021〕101号格式（成本指标为一级指标）"
	} else {
		c.layoutNoteText = how + "2020年式（成本指标在产出指标下）"
	}
	return c.layoutNoteText
}

// name checks a row's 三级指标.
func (c *checker) name(i int, in *Indicator, r *rowInfo) {
	for j := 0; j < i; j++ {
		if !c.rows[j].skip && c.rows[j].l3Head == r.l3Head && c.rows[j].l3 == r.l3 {
			c.add(RuleDupIndicator, i, FieldL3, "三级指标“"+r.l3+"”与第 "+strconv.Itoa(j+1)+" 行重复", "合并或删除重复的指标")
			break
		}
	}
	c.misplaced(i, r)
	if r.template {
		c.add(RuleL3Template, i, FieldL3, "三级指标“"+r.l3+"”中留有模板的填写说明或标记（*）", "删去模板说明，只保留指标名称；目标写在指标值里")
	}
	if (r.l1 == L1Output || r.l1 == L1Effect) && r.moneyRate {
		c.add(RuleInputAsOutput, i, FieldL3, "“"+r.l3+"”衡量的是资金投入（到位、下达、执行），不是"+strings.TrimSuffix(r.l1, "指标"),
			"写资金换来的产出（数量、质量、时效）或效益；资金到位、执行情况不作为绩效指标")
	}
	if r.isImpactCost() && (r.direction || directionWords.in(squeeze(in.Value))) {
		r.costBenefit = true
		c.add(RuleCostBenefit, i, FieldL3, "“"+r.l3+"”写的是效益（"+strings.TrimSuffix(r.l2, "指标")+"应是项目带来的代价或负面影响）",
			"社会成本、生态环境成本写项目造成的影响及其上限（如 占用耕地≤5亩、无），效益放到效益指标下")
	}
}

// l2Choices lists the 二级 names the document's layout offers under l1.
func (c *checker) l2Choices(l1 string) string {
	if l1 == "" {
		return ""
	}
	return "“" + l1 + "”下可选：" + strings.Join(LayoutL2Names(c.layout, l1), "、")
}

func (c *checker) l2Parent(i int, in *Indicator, r *rowInfo) {
	l2 := strings.TrimSpace(in.L2)
	e := *r.l2Entry
	if e.l2 == "" {
		// A 一级 name used as a 二级, e.g. 效果指标 under 产出指标.
		sug := "若是" + e.l1 + "，把一级指标改为“" + e.l1 + "”并选其下的二级指标；否则" + c.l2Choices(r.l1)
		if t, ok := lookupTax(r.l3); ok && contains(t.l2Parents, e.l1) {
			sug = "改为一级指标“" + e.l1 + "”、二级指标“" + t.l2 + "”"
		}
		c.add(RuleL2Parent, i, FieldL2, "“"+l2+"”是一级指标，不能作为“"+r.l1+"”的二级指标", sug)
		return
	}
	sug := "把一级指标改为“" + e.l2Parents[0] + "”，或" + c.l2Choices(r.l1)
	if e.l2 == L2Cost && r.l1 == L1Cost && c.layout == Layout101 {
		sug = "成本指标是一级指标：二级指标改为经济成本指标、社会成本指标或生态环境成本指标"
	}
	c.add(RuleL2Parent, i, FieldL2,
		"二级指标“"+e.l2+"”属于“"+strings.Join(e.l2Parents, "”或“")+"”，不能放在“"+r.l1+"”下", sug)
}

// misplaced flags an outcome or satisfaction measure filed under 产出, and
// a satisfaction measure filed under a 效益 二级 (not the older template's
// satisfaction 二级).
func (c *checker) misplaced(i int, r *rowInfo) {
	k := int(r.outcome)
	switch {
	case k < 0:
	case r.isOutput() && k >= satisfactionKeywords:
		c.add(RuleMisplaced, i, FieldL3, "“"+r.l3+"”是满意度指标，不宜放在产出指标下",
			"移到一级指标“"+L1Satisfaction+"”、二级指标“"+L2Satisfaction+"”下")
	case r.isOutput():
		c.add(RuleMisplaced, i, FieldL3, "“"+r.l3+"”衡量的是效果，不是产出，不宜放在产出指标下",
			"移到一级指标“"+L1Effect+"”（如社会效益指标）下")
	case r.l1 == L1Effect && !r.isSatisfaction() && k >= satisfactionKeywords:
		c.add(RuleMisplaced, i, FieldL3, "“"+r.l3+"”是满意度指标，不宜放在效益指标下",
			"移到一级指标“"+L1Satisfaction+"”、二级指标“"+L2Satisfaction+"”下；效益指标写项目带来的实际效果")
	}
}

// percentNum is 100% in Value.Num units.
const percentNum = 100 * 10_000

func (c *checker) value(i int, in *Indicator, r *rowInfo) {
	raw := trim(in.Value)
	if raw == "" {
		c.add(RuleValueEmpty, i, FieldValue, "指标值未填写", "")
		return
	}
	if placeholders.in(raw) {
		c.add(RuleValuePlaceholder, i, FieldValue, "指标值“"+raw+"”是占位符，目标没有定下来", "填写实际的目标值和单位")
		return
	}
	var v Value
	// ParseValue, without copying the result out of it.
	if hasDigit(raw) && !parsePlainValue(raw, &v) {
		v = parseValue(raw)
	}
	if !v.Quantitative {
		c.qualitative(i, raw, r)
		return
	}
	if v.IsPercent() {
		switch {
		case v.Num > percentNum:
			c.add(RuleValuePercent, i, FieldValue, "百分比 "+string(c.numText(v))+"% 超过 100%", "比率最高为 100%，请核对")
		case v.Num == percentNum && (v.Cmp == CmpGE || v.Cmp == CmpGT):
			c.add(RuleValuePercent, i, FieldValue, "比率目标“"+raw+"”不可能超过 100%", "写作 100%，或定一个合理的目标值")
		}
		// 百分比 is the unit word provincial systems print: accepted.
		if v.RawUnit != PercentUnit && v.RawUnit != "百分比" {
			c.add(RuleValueUnit, i, FieldValue, "单位“"+v.RawUnit+"”不规范", "写作 "+string(v.Cmp)+string(c.numText(v))+PercentUnit)
		}
	} else if std, ok := standardUnit(v.Unit); ok {
		c.add(RuleValueUnit, i, FieldValue, "单位“"+v.Unit+"”不规范", "写作 "+string(v.Cmp)+string(c.numText(v))+std)
	} else if v.Unit == "" && (strings.Contains(r.l3, "率") || r.isSatisfaction()) {
		c.add(RuleValueUnit, i, FieldValue, "比率“"+raw+"”缺少单位", "写作 "+string(v.Cmp)+string(c.numText(v))+PercentUnit)
	} else if v.Unit == "" && r.isQuantity() {
		c.add(RuleValueUnit, i, FieldValue, "数量“"+raw+"”缺少计量单位", "写明单位，如 "+string(v.Cmp)+string(c.numText(v))+"个、"+string(v.Cmp)+string(c.numText(v))+"人次")
	}
	if r.isQuantity() && v.IsPercent() {
		c.add(RuleQuantityRate, i, FieldValue, "数量指标“"+r.l3+"”的值是百分比“"+raw+"”",
			"数量指标写完成的数量和单位（件、人次、个）；比率（覆盖率、达标率）放在质量指标下")
	}
	if r.isSatisfaction() && (v.IsPercent() || v.Unit == "") && v.Cmp != CmpLE && v.Cmp != CmpLT && v.Num < c.satMin {
		c.add(RuleSatisfactionLow, i, FieldValue, "满意度目标 "+string(c.numText(v))+"% 低于 "+c.satMinText+"%", c.satLowHint)
	}
	if r.digit {
		if t := nameTarget(r.l3); t.Quantitative && t.Unit != "" && t.Unit == v.Unit && t.Num != v.Num {
			c.add(RuleL3Target, i, FieldValue, "三级指标名称中的目标“"+string(t.Cmp)+t.NumString()+t.Unit+"”与指标值“"+raw+"”不一致",
				"名称只写指标，目标只写在指标值里：删去名称中的目标，并核对指标值")
		}
	}
	if r.isMoneyCost() && !moneyUnit(v.Unit) {
		c.costNotAmount(i, raw, v)
	} else if r.isCost() {
		c.costOver(i, v)
	}
	if t := &c.total; t.row >= 0 && i != t.row && r.l1 == L1Effect && v.Unit == t.v.Unit && v.Num > t.v.Num && strings.Contains(r.l3, t.group) {
		c.add(RuleCountOverTotal, i, FieldValue, "“"+r.l3+"” "+string(c.numText(v))+v.Unit+" 多于第 "+strconv.Itoa(t.row+1)+" 行的受益总数 "+t.v.NumString()+t.v.Unit,
			"部分不能多于总数：核对两行的数字和统计口径")
	}
}

// qualitative judges a value that is not a number and a unit.
func (c *checker) qualitative(i int, raw string, r *rowInfo) {
	// Departments repeat their words (年度计划, 控制在预算内): judge each
	// text once.
	m := &c.valueMemo[(head8(raw)^uint64(len(raw)))*0x9E3779B97F4A7C15>>(64-valueMemoBits)]
	if !m.set || m.raw != raw {
		sq := squeeze(raw)
		*m = valueMemo{set: true, raw: raw, vague: vaguePhrases.in(sq), direction: directionWords.index(sq),
			checkable: hasFigure(sq) || stateWords.in(sq)}
	}
	vague := func() {
		c.add(RuleValueVague, i, FieldValue, "指标值“"+raw+"”不可衡量，年底无法考核", c.vagueSuggestion(r))
	}
	checkable := m.checkable
	switch {
	case m.vague:
		// A plan or report is never a target, whatever the 二级.
		vague()
	case r.isMoneyCost():
		if m.costMsg == "" {
			m.costMsg = costNotAmountMsg(raw, Value{Raw: raw})
		}
		c.add(RuleCostNotAmount, i, FieldValue, m.costMsg, costNotAmountHint)
	case r.isImpactCost():
		if !r.costBenefit && !checkable {
			vague()
		}
	case m.direction >= 0 && !checkable:
		k := m.direction
		c.add(RuleValueDirection, i, FieldValue, "指标值“"+raw+"”只写了方向（“"+directionWords.words[k]+"”），没有数字",
			"写出要达到的数值和单位，如 "+directionWords.words[k]+"到 ≥95%、新增 ≥10个")
	case r.isQuantity() || r.isSatisfaction():
		// A count or a satisfaction rate must be a number to be checked.
		vague()
	case r.l1 == L1Effect && !checkable:
		vague()
	}
}

// costNotAmount flags a money cost whose value is not an amount of money.
func (c *checker) costNotAmount(i int, raw string, v Value) {
	c.add(RuleCostNotAmount, i, FieldValue, costNotAmountMsg(raw, v), costNotAmountHint)
}

// costNotAmountHint is COST_NOT_AMOUNT's suggestion.
const costNotAmountHint = "写出金额上限（万元）或单位成本（如 元/平方米、元/人·天），不超过预算数"

// costNotAmountMsg says why a cost value is not an amount.
func costNotAmountMsg(raw string, v Value) string {
	why := "不是金额"
	switch {
	case v.IsPercent():
		why = "是比率，不是金额"
	case v.Quantitative && v.Unit == "万":
		why = "缺少“元”，看不出是金额"
	case v.Quantitative && v.Unit == "":
		why = "没有金额单位"
	}
	return "成本指标的值“" + raw + "”" + why
}

func (c *checker) vagueSuggestion(r *rowInfo) string {
	switch {
	case r.isImpactCost():
		return "写出影响的程度及其上限，如 占用耕地≤5亩、无"
	case r.isSatisfaction():
		return "写出满意度百分比，如 ≥90%"
	case r.isCost():
		return "写出金额上限（万元），不超过预算数"
	}
	switch r.l2 {
	case L2Quantity:
		return "写出具体数量和单位，如 ≥12次"
	case L2Quality:
		return "写出合格率、达标率等，如 ≥95%"
	case L2Timeliness:
		return "写出完成时限，如 12月31日前完成"
	}
	return "写成年底可以考核的目标值"
}

// costOver compares a 成本 value in 万元 or 元 with the project's 预算数.
func (c *checker) costOver(i int, v Value) {
	b := c.p.Budget
	if b.IsZero() {
		return
	}
	// v.Num is the amount × 10^4; Money units are 万元 × 10^4 = 元.
	var over bool
	switch v.Unit {
	case "万元":
		over = v.Num > b.Units()
	case "元":
		over = v.Num > b.Units()*10_000
	default:
		return
	}
	if over {
		c.add(RuleCostOver, i, FieldValue, "成本 "+string(c.numText(v))+v.Unit+" 超过项目预算数 "+b.String()+" 万元", "成本不能超过预算数，请核对金额和单位")
	}
}

// num formats a value's number like Value.NumString.
func num(v Value) string {
	var buf [24]byte
	return string(appendNum(buf[:0], v))
}

// numText formats a value's number into the checker's scratch buffer, for
// use inside one concatenation: string(c.numText(v)) there copies nothing,
// so a finding's message costs one allocation, not two.
func (c *checker) numText(v Value) []byte { return appendNum(c.numBuf[:0], v) }

// appendNum appends a value's number as Value.NumString writes it.
func appendNum(b []byte, v Value) []byte {
	var buf [24]byte
	n := v.Num
	neg := n < 0
	if neg {
		n = -n
	}
	i := len(buf)
	frac := n % 10_000
	digits := ValueScale
	for digits > 0 && frac%10 == 0 {
		frac /= 10
		digits--
	}
	for d := 0; d < digits; d++ {
		i--
		buf[i] = byte('0' + frac%10)
		frac /= 10
	}
	if digits > 0 {
		i--
		buf[i] = '.'
	}
	ip := n / 10_000
	for {
		i--
		buf[i] = byte('0' + ip%10)
		ip /= 10
		if ip == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...)
}
