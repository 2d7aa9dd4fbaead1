package model

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, got)
	}
}

func optMoney(t testing.TB, s string) Money {
	t.Helper()
	m, err := ParseOptionalMoney(s)
	if err != nil {
		t.Fatalf("money %q: %v", s, err)
	}
	return m
}

func mustPlan(t testing.TB, mar, jun, oct, dec string) Plan {
	t.Helper()
	var p Plan
	for i, s := range []string{mar, jun, oct, dec} {
		v, err := ParseOptionalPercent(s)
		if err != nil {
			t.Fatalf("percent %q: %v", s, err)
		}
		switch i {
		case 0:
			p.Mar = v
		case 1:
			p.Jun = v
		case 2:
			p.Oct = v
		case 3:
			p.Dec = v
		}
	}
	return p
}

// cleanDoc is a document whose one project passes every rule; each case
// below breaks (or nearly breaks) one thing.
func cleanDoc(t testing.TB) *Document {
	t.Helper()
	return &Document{
		UnitCode: "315002", UnitName: "抚宁区司法局", Year: 2020,
		Overall:  "为全区群众提供法律援助 260 件以上，受援群众满意度 90% 以上",
		Goals:    []Goal{{Goal: "法律援助工作", Indicator: "受理法律援助案件 ≥260件"}},
		Measures: []Measure{{Title: "加强支出管理", Content: "按预算进度使用经费"}},
		Projects: []Project{{
			ID: "p1", Code: "315-0404-JBN-PIZB", Name: "法律援助经费",
			Budget: optMoney(t, "16.00"), Fiscal: optMoney(t, "16.00"),
			Use:  "法律援助机构信息化网络化建设；案件补贴、律师值班补贴",
			Plan: mustPlan(t, "20", "40", "60", "100"),
			Goal: "受理法律援助案件 260 件以上，案件补贴按月发放",
			Indicators: []Indicator{
				{"产出指标", "数量指标", "法律援助案件受理数", "咨询受理案件数量", "≥260件", "上年受理数", ""},
				{"产出指标", "质量指标", "法律援助案件办结率", "办结案件占受理案件的比例", "≥95%", "历年经验", ""},
				{"产出指标", "时效指标", "补贴发放及时率", "按月发放补贴", "100%", "补贴发放办法", ""},
				{"产出指标", "成本指标", "案件补贴", "案件补贴与律师值班补贴", "≤10万元", "补贴标准", ""},
				{"效益指标", "社会效益指标", "法律援助宣传人次", "法律援助宣传情况", "≥30 人次", "宣传场次人数", ""},
				{"满意度指标", "服务对象满意度指标", "受援群众满意度", "受援群众的满意程度", "≥90%", "调查问卷", ""},
			},
		}},
	}
}

// where writes a finding's rule and place compactly for comparisons:
// RULE, RULE@field or RULE@row.field (row 1-based).
func where(f Finding) string {
	switch {
	case f.ProjectID == "":
		return f.Rule + "@" + f.Field
	case f.Row >= 0:
		return fmt.Sprintf("%s@%d.%s", f.Rule, f.Row+1, f.Field)
	case f.Field == FieldIndicators:
		return f.Rule
	}
	return f.Rule + "@" + f.Field
}

func wheres(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = where(f)
	}
	return out
}

func TestCheckCleanDocument(t *testing.T) {
	if fs := Check(cleanDoc(t)); len(fs) != 0 {
		t.Fatalf("clean document has findings: %v", fs)
	}
}

type ruleCase struct {
	name string
	edit func(t *testing.T, d *Document)
	want []string // where() of every finding, in order
}

// ruleCases break cleanDoc one way each: for every rule a case that raises
// it and a near miss that must not.
func ruleCases() []ruleCase {
	row := func(d *Document, i int) *Indicator { return &d.Projects[0].Indicators[i] }
	p0 := func(d *Document) *Project { return &d.Projects[0] }
	return []ruleCase{
		// BUDGET_SUM
		{"budget ≠ fiscal", func(t *testing.T, d *Document) { p0(d).Fiscal = optMoney(t, "15.99") }, []string{"BUDGET_SUM@budget"}},
		{"budget = fiscal + other", func(t *testing.T, d *Document) {
			p0(d).Fiscal, p0(d).Other = optMoney(t, "15.9999"), optMoney(t, "0.0001")
		}, nil},
		{"fiscal missing", func(t *testing.T, d *Document) { p0(d).Fiscal = Money{} }, []string{"BUDGET_SUM@budget"}},
		// BUDGET_ZERO
		{"budget missing", func(t *testing.T, d *Document) { p0(d).Budget = Money{} }, []string{"BUDGET_ZERO@budget"}},
		{"budget zero", func(t *testing.T, d *Document) { p0(d).Budget = optMoney(t, "0") }, []string{"BUDGET_ZERO@budget"}},
		{"budget one yuan", func(t *testing.T, d *Document) {
			p0(d).Budget, p0(d).Fiscal = optMoney(t, "0.0001"), optMoney(t, "0.0001")
			row(d, 3).Value = "≤1元"
		}, nil},
		// PLAN_*
		{"plan point missing", func(t *testing.T, d *Document) { p0(d).Plan.Jun = Percent{} }, []string{"PLAN_MISSING@plan.jun"}},
		{"plan all zero until december", func(t *testing.T, d *Document) { p0(d).Plan = mustPlan(t, "0", "0", "0", "100") }, nil},
		{"plan above 100", func(t *testing.T, d *Document) { p0(d).Plan.Oct = PercentHundredths(120_00) }, []string{"PLAN_RANGE@plan.oct"}},
		{"plan negative", func(t *testing.T, d *Document) { p0(d).Plan.Mar = PercentHundredths(-1) }, []string{"PLAN_RANGE@plan.mar"}},
		{"plan goes down", func(t *testing.T, d *Document) { p0(d).Plan = mustPlan(t, "30", "20", "60", "100") }, []string{"PLAN_ORDER@plan.jun"}},
		{"plan goes down after a gap", func(t *testing.T, d *Document) { p0(d).Plan = mustPlan(t, "50", "", "40", "100") }, []string{"PLAN_MISSING@plan.jun", "PLAN_ORDER@plan.oct"}},
		{"plan flat", func(t *testing.T, d *Document) { p0(d).Plan = mustPlan(t, "40", "40", "40", "100") }, nil},
		{"plan ends below 100", func(t *testing.T, d *Document) { p0(d).Plan.Dec = PercentHundredths(99_99) }, []string{"PLAN_END@plan.dec"}},
		{"plan ends below october", func(t *testing.T, d *Document) { p0(d).Plan.Dec = PercentHundredths(50_00) }, []string{"PLAN_ORDER@plan.dec", "PLAN_END@plan.dec"}},
		// REQUIRED, CODE_DUP
		{"code blank", func(t *testing.T, d *Document) { p0(d).Code = "  " }, []string{"REQUIRED@code"}},
		{"name, use, goal empty", func(t *testing.T, d *Document) { p0(d).Name, p0(d).Use, p0(d).Goal = "", "", "\u3000" }, []string{"REQUIRED@name", "REQUIRED@use", "REQUIRED@goal"}},
		{"三级指标 empty", func(t *testing.T, d *Document) { row(d, 1).L3 = "" }, []string{"REQUIRED@2.l3"}},
		{"code twice", func(t *testing.T, d *Document) {
			q := d.Projects[0]
			q.ID, q.Code = "p2", " 315-0404-jbn-pizb"
			d.Projects = append(d.Projects, q)
		}, []string{"CODE_DUP@code", "CODE_DUP@code"}},
		{"codes differ", func(t *testing.T, d *Document) {
			q := d.Projects[0]
			q.ID, q.Code = "p2", "315-0404-JBN-PIZC"
			d.Projects = append(d.Projects, q)
		}, nil},
		// L1_UNKNOWN, L2_UNKNOWN, L2_PARENT
		{"一级 unknown", func(t *testing.T, d *Document) { row(d, 4).L1 = "效率指标" }, []string{"NEED_EFFECT", "L1_UNKNOWN@5.l1"}},
		{"一级 old name and spaces", func(t *testing.T, d *Document) { row(d, 4).L1, row(d, 4).L2 = "效果指标", "社会效益 指标" }, nil},
		{"一级 empty", func(t *testing.T, d *Document) { row(d, 4).L1 = "" }, []string{"NEED_EFFECT", "L1_UNKNOWN@5.l1"}},
		{"二级 unknown", func(t *testing.T, d *Document) { row(d, 1).L2 = "品质指标" }, []string{"NEED_QUALITY", "L2_UNKNOWN@2.l2"}},
		{"二级 short name", func(t *testing.T, d *Document) { row(d, 1).L2 = "质量" }, nil},
		{"一级 used as 二级", func(t *testing.T, d *Document) {
			*row(d, 1) = Indicator{"产出指标", "效果指标", "社会效益指标", "法律援助案件办结率(%)", "75%", "完成情况", ""}
		}, []string{"NEED_QUALITY", "L2_PARENT@2.l2"}},
		{"二级 under the wrong 一级", func(t *testing.T, d *Document) { row(d, 4).L2 = "数量指标" }, []string{"L2_PARENT@5.l2"}},
		{"成本 as its own 一级", func(t *testing.T, d *Document) { row(d, 3).L1, row(d, 3).L2 = "成本指标", "经济成本指标" }, nil},
		{"成本指标 under 成本 一级", func(t *testing.T, d *Document) { row(d, 3).L1 = "成本指标" }, []string{"L2_PARENT@4.l2"}},
		// NEED_*
		{"no indicators", func(t *testing.T, d *Document) { p0(d).Indicators = nil }, []string{"NEED_OUTPUT", "NEED_EFFECT", "NEED_SATISFACTION", "NEED_COST"}},
		{"no satisfaction", func(t *testing.T, d *Document) { p0(d).Indicators = p0(d).Indicators[:5] }, []string{"NEED_SATISFACTION"}},
		{"no 产出 kinds", func(t *testing.T, d *Document) {
			p0(d).Indicators = []Indicator{
				{"产出指标", "数量指标", "案件受理数", "", "≥260件", "上年受理数", ""},
				{"效益指标", "社会效益指标", "宣传人次", "", "≥30人次", "宣传场次", ""},
				{"满意度指标", "服务对象满意度指标", "满意度", "", "≥90%", "调查问卷", ""},
			}
		}, []string{"NEED_QUALITY", "NEED_TIMELINESS", "NEED_COST"}},
		{"no quantity", func(t *testing.T, d *Document) { row(d, 0).L2 = "质量指标" }, []string{"NEED_QUANTITY"}},
		// DUP_INDICATOR, MISPLACED
		{"三级 twice", func(t *testing.T, d *Document) { row(d, 4).L3 = "法律援助案件 受理数" }, []string{"DUP_INDICATOR@5.l3"}},
		{"outcome under 产出", func(t *testing.T, d *Document) { row(d, 1).L3 = "再犯罪率"; row(d, 1).Value = "≤0.2%" }, []string{"MISPLACED@2.l3"}},
		{"satisfaction under 产出", func(t *testing.T, d *Document) { row(d, 1).L3 = "群众满意度" }, []string{"MISPLACED@2.l3"}},
		{"outcome under 效益", func(t *testing.T, d *Document) { row(d, 4).L3 = "再犯罪率"; row(d, 4).Value = "≤0.2%" }, nil},
		// VALUE_EMPTY, VALUE_PLACEHOLDER
		{"value empty", func(t *testing.T, d *Document) { row(d, 0).Value = " " }, []string{"VALUE_EMPTY@1.value"}},
		{"value **", func(t *testing.T, d *Document) { row(d, 0).Value = "**平米" }, []string{"VALUE_PLACEHOLDER@1.value"}},
		{"value xx", func(t *testing.T, d *Document) { row(d, 0).Value = "≥XX件" }, []string{"VALUE_PLACEHOLDER@1.value"}},
		{"value 待定", func(t *testing.T, d *Document) { row(d, 4).Value = "待定" }, []string{"VALUE_PLACEHOLDER@5.value"}},
		{"value …", func(t *testing.T, d *Document) { row(d, 1).Value = "≥…%" }, []string{"VALUE_PLACEHOLDER@2.value"}},
		// VALUE_VAGUE
		{"quantity 年终总结", func(t *testing.T, d *Document) { row(d, 0).Value = "年终总结" }, []string{"VALUE_VAGUE@1.value"}},
		{"quantity not a number", func(t *testing.T, d *Document) { row(d, 0).Value = "报到人数" }, []string{"VALUE_VAGUE@1.value"}},
		{"cost 节约成本", func(t *testing.T, d *Document) { row(d, 3).Value = "节约成本" }, []string{"VALUE_VAGUE@4.value"}},
		{"effect 年度计划", func(t *testing.T, d *Document) { row(d, 4).Value = "年度 计划" }, []string{"VALUE_VAGUE@5.value"}},
		{"satisfaction in words", func(t *testing.T, d *Document) { row(d, 5).Value = "比较满意" }, []string{"VALUE_VAGUE@6.value"}},
		{"quality in words", func(t *testing.T, d *Document) { row(d, 1).Value = "高效高质量提供援助" }, nil},
		{"cost within budget in words", func(t *testing.T, d *Document) { row(d, 3).Value = "支出金额控制在预算额度内" }, []string{"COST_NOT_AMOUNT@4.value"}},
		{"deadline", func(t *testing.T, d *Document) { row(d, 2).Value = "2020年12月31日前完成" }, nil},
		// VALUE_PERCENT
		{"rate ≥100%", func(t *testing.T, d *Document) { row(d, 1).Value = "≥100%" }, []string{"VALUE_PERCENT@2.value"}},
		{"percent above 100", func(t *testing.T, d *Document) { row(d, 2).Value = "120%" }, []string{"VALUE_PERCENT@3.value"}},
		{"rate =100%", func(t *testing.T, d *Document) { row(d, 1).Value = "=100%" }, nil},
		{"rate ≥99.99%", func(t *testing.T, d *Document) { row(d, 1).Value = "≥99.99%" }, nil},
		// VALUE_UNIT
		{"百分率", func(t *testing.T, d *Document) { row(d, 1).Value = "≥95百分率" }, []string{"VALUE_UNIT@2.value"}},
		{"%百分率", func(t *testing.T, d *Document) { row(d, 1).Value = "≥95%百分率" }, []string{"VALUE_UNIT@2.value"}},
		{"full-width percent", func(t *testing.T, d *Document) { row(d, 1).Value = "≥95％" }, []string{"VALUE_UNIT@2.value"}},
		{"平米", func(t *testing.T, d *Document) { row(d, 0).Value = "≥260平米" }, []string{"VALUE_UNIT@1.value"}},
		{"rate without unit", func(t *testing.T, d *Document) { row(d, 1).Value = "≥95" }, []string{"VALUE_UNIT@2.value"}},
		{"count without unit", func(t *testing.T, d *Document) { row(d, 0).Value = "≥260" }, []string{"VALUE_UNIT@1.value"}},
		{"bare count", func(t *testing.T, d *Document) { row(d, 0).Value = "168" }, []string{"VALUE_UNIT@1.value"}},
		{"count with a unit", func(t *testing.T, d *Document) { row(d, 0).Value = "168辆" }, nil},
		{"effect count without unit", func(t *testing.T, d *Document) { row(d, 4).Value = "≥30" }, nil},
		// SATISFACTION_LOW
		{"satisfaction 65%", func(t *testing.T, d *Document) { row(d, 5).Value = "≥65%" }, []string{"SATISFACTION_LOW@6.value"}},
		{"satisfaction 79.99%", func(t *testing.T, d *Document) { row(d, 5).Value = "≥79.99%" }, []string{"SATISFACTION_LOW@6.value"}},
		{"satisfaction 80%", func(t *testing.T, d *Document) { row(d, 5).Value = "≥80%" }, nil},
		{"satisfaction 65百分率", func(t *testing.T, d *Document) { row(d, 5).Value = "≥65百分率" }, []string{"VALUE_UNIT@6.value", "SATISFACTION_LOW@6.value"}},
		{"satisfaction 85% under a stricter document", func(t *testing.T, d *Document) {
			d.SatisfactionMin = PercentHundredths(90_00)
			row(d, 5).Value = "≥85%"
		}, []string{"SATISFACTION_LOW@6.value"}},
		{"satisfaction 70% under a looser document", func(t *testing.T, d *Document) {
			d.SatisfactionMin = PercentHundredths(70_00)
			row(d, 5).Value = "≥70%"
		}, nil},
		// COST_OVER
		{"cost above budget", func(t *testing.T, d *Document) { row(d, 3).Value = "≤16.01万元" }, []string{"COST_OVER@4.value"}},
		{"cost equal to budget", func(t *testing.T, d *Document) { row(d, 3).Value = "≤16万元" }, nil},
		{"cost in 元 above budget", func(t *testing.T, d *Document) { row(d, 3).Value = "≤160001元" }, []string{"COST_OVER@4.value"}},
		{"cost in 元 within budget", func(t *testing.T, d *Document) { row(d, 3).Value = "≤160000元" }, nil},
		{"cost as 一级 above budget", func(t *testing.T, d *Document) {
			row(d, 3).L1, row(d, 3).L2, row(d, 3).Value = "成本指标", "经济成本指标", "20万元"
		}, []string{"COST_OVER@4.value"}},
		// Comparators in words and odd units are numbers (issue 13).
		{"count 不少于", func(t *testing.T, d *Document) { row(d, 0).Value = "不少于260件" }, nil},
		{"count 以上", func(t *testing.T, d *Document) { row(d, 0).Value = "260件以上" }, nil},
		{"count with bracketed unit", func(t *testing.T, d *Document) { row(d, 0).Value = "≥3台（套）" }, nil},
		{"satisfaction 95%以上", func(t *testing.T, d *Document) { row(d, 5).Value = "95%以上" }, nil},
		{"satisfaction 不低于", func(t *testing.T, d *Document) { row(d, 5).Value = "不低于95%" }, nil},
		{"satisfaction ≥95%（含）", func(t *testing.T, d *Document) { row(d, 5).Value = "≥95%（含）" }, nil},
		{"satisfaction 百分比", func(t *testing.T, d *Document) { row(d, 5).Value = "=99百分比" }, nil},
		{"cost 不超过", func(t *testing.T, d *Document) { row(d, 3).Value = "不超过10万元" }, nil},
		{"unit cost per person-day", func(t *testing.T, d *Document) { row(d, 3).Value = "≤50元/人·天" }, nil},
		// OLD_TEMPLATE, NEED_SATISFACTION with the older template
		{"older satisfaction 二级 under 效益", func(t *testing.T, d *Document) {
			row(d, 5).L1, row(d, 5).L2 = "效益指标", "社会公众或服务对象满意度指标"
		}, []string{"OLD_TEMPLATE@6.l2"}},
		{"older satisfaction 二级 under 满意度", func(t *testing.T, d *Document) { row(d, 5).L2 = "社会公众或服务对象满意度指标" }, nil},
		{"older satisfaction 二级, low target", func(t *testing.T, d *Document) {
			row(d, 5).L1, row(d, 5).L2, row(d, 5).Value = "效益指标", "社会公众或服务对象满意度指标", "≥70%"
		}, []string{"OLD_TEMPLATE@6.l2", "SATISFACTION_LOW@6.value"}},
		{"current satisfaction 二级 under 效益", func(t *testing.T, d *Document) { row(d, 5).L1 = "效益指标" }, []string{"NEED_SATISFACTION", "L2_PARENT@6.l2"}},
		// Blank template rows
		{"blank template row", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators, Indicator{L1: "效益指标", L2: "生态效益指标"})
		}, nil},
		{"blank template rows only", func(t *testing.T, d *Document) {
			p0(d).Indicators = []Indicator{{L1: "效益指标", L2: "经济效益指标"}, {L1: "效益指标", L2: "生态效益指标", Basis: " "}}
		}, []string{"NEED_OUTPUT", "NEED_EFFECT", "NEED_SATISFACTION", "NEED_COST"}},
		{"row with a value but no name", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators, Indicator{L1: "效益指标", L2: "生态效益指标", Value: "≥10亩", Basis: "计划标准"})
		}, []string{"REQUIRED@7.l3"}},
		// LAYOUT_MIXED
		{"mixed layouts, 2020 majority", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"成本指标", "经济成本指标", "单件成本", "", "≤500元/件", "计划标准", ""})
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"产出指标", "成本指标", "宣传成本", "", "≤2万元", "计划标准", ""})
		}, []string{"LAYOUT_MIXED@7.l1"}},
		{"mixed layouts, 101 majority", func(t *testing.T, d *Document) {
			row(d, 3).L1, row(d, 3).L2 = "成本指标", "经济成本指标"
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"成本指标", "社会成本指标", "占用耕地", "", "≤5亩", "计划标准", ""})
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"产出指标", "成本指标", "宣传成本", "", "≤2万元", "计划标准", ""})
		}, []string{"LAYOUT_MIXED@8.l2"}},
		{"layout set to 101, cost under 产出", func(t *testing.T, d *Document) { d.Layout = Layout101 }, []string{"LAYOUT_MIXED@4.l2"}},
		{"layout set to 2020, cost 一级", func(t *testing.T, d *Document) {
			d.Layout = Layout2020
			row(d, 3).L1, row(d, 3).L2 = "成本指标", "经济成本指标"
		}, []string{"LAYOUT_MIXED@4.l1"}},
		{"layout set to 2020, cost under 产出", func(t *testing.T, d *Document) { d.Layout = Layout2020 }, nil},
		{"mixed across projects", func(t *testing.T, d *Document) {
			q := d.Projects[0]
			q.ID, q.Code = "p2", "315-0404-JBN-PIZC"
			q.Indicators = slices.Clone(q.Indicators)
			q.Indicators[3].L1, q.Indicators[3].L2 = "成本指标", "经济成本指标"
			d.Projects = append(d.Projects, q)
		}, []string{"LAYOUT_MIXED@4.l1"}},
		// MISPLACED satisfaction under 效益
		{"satisfaction under 社会效益", func(t *testing.T, d *Document) {
			row(d, 4).L3 = "市民对空气质量改善的满意程度"
			row(d, 4).Value = "≥85%"
		}, []string{"MISPLACED@5.l3"}},
		// L3_TEMPLATE
		{"template note in the name", func(t *testing.T, d *Document) { row(d, 0).L3 = "法律援助案件受理数(≥**件)" }, []string{"L3_TEMPLATE@1.l3"}},
		{"core mark in the name", func(t *testing.T, d *Document) { row(d, 1).L3 = "*法律援助案件办结率" }, []string{"L3_TEMPLATE@2.l3"}},
		{"name with a percent sign", func(t *testing.T, d *Document) { row(d, 1).L3 = "法律援助案件办结率%" }, nil},
		// INPUT_AS_OUTPUT
		{"资金到位率 under 产出", func(t *testing.T, d *Document) { row(d, 1).L3 = "项目资金到位率"; row(d, 1).Value = "100%" }, []string{"INPUT_AS_OUTPUT@2.l3"}},
		{"预算执行率 under 效益", func(t *testing.T, d *Document) { row(d, 4).L3 = "预算执行率"; row(d, 4).Value = "≥95%" }, []string{"INPUT_AS_OUTPUT@5.l3"}},
		{"拨付率", func(t *testing.T, d *Document) { row(d, 2).L3 = "补贴拨付率"; row(d, 2).Value = "100%" }, []string{"INPUT_AS_OUTPUT@3.l3"}},
		{"资金支付及时率 is timeliness", func(t *testing.T, d *Document) { row(d, 2).L3 = "资金支付及时率" }, nil},
		{"设备使用率 is not money", func(t *testing.T, d *Document) { row(d, 1).L3 = "设备使用率" }, nil},
		// VALUE_DIRECTION
		{"direction alone in 效益", func(t *testing.T, d *Document) { row(d, 4).Value = "增加岗位" }, []string{"VALUE_DIRECTION@5.value"}},
		{"direction with 有所", func(t *testing.T, d *Document) { row(d, 4).Value = "有所提高" }, []string{"VALUE_DIRECTION@5.value"}},
		{"direction in 质量", func(t *testing.T, d *Document) { row(d, 1).Value = "进一步提升" }, []string{"VALUE_DIRECTION@2.value"}},
		{"direction with a figure", func(t *testing.T, d *Document) { row(d, 4).Value = "提高到90%以上，较上年增加5个百分点" }, nil},
		{"direction with a date", func(t *testing.T, d *Document) { row(d, 2).Value = "2020年12月底前完成提升" }, nil},
		{"state, no direction", func(t *testing.T, d *Document) { row(d, 4).Value = "达标" }, nil},
		// VALUE_VAGUE in 效益 and 社会成本
		{"effect with no figure", func(t *testing.T, d *Document) { row(d, 4).Value = "时限长远" }, []string{"VALUE_VAGUE@5.value"}},
		{"effect yes/no", func(t *testing.T, d *Document) { row(d, 4).Value = "无重大安全事故" }, nil},
		{"social cost with no figure", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"成本指标", "社会成本指标", "对当地文物保护影响", "", "长远", "计划标准", ""})
		}, []string{"LAYOUT_MIXED@7.l1", "VALUE_VAGUE@7.value"}},
		// COST_BENEFIT
		{"eco cost states a benefit", func(t *testing.T, d *Document) {
			row(d, 3).L1, row(d, 3).L2 = "成本指标", "经济成本指标"
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"成本指标", "生态环境成本指标", "提升绿化水平", "", "提升", "计划标准", ""})
		}, []string{"COST_BENEFIT@7.l3"}},
		{"eco cost states a harm", func(t *testing.T, d *Document) {
			row(d, 3).L1, row(d, 3).L2 = "成本指标", "经济成本指标"
			p0(d).Indicators = append(p0(d).Indicators, Indicator{"成本指标", "生态环境成本指标", "施工扬尘超标天数", "", "0天", "计划标准", ""})
		}, nil},
		// QUANTITY_RATE
		{"rate as a count", func(t *testing.T, d *Document) { row(d, 0).L3 = "法律援助覆盖率"; row(d, 0).Value = "≥90%" }, []string{"QUANTITY_RATE@1.value"}},
		// COST_NOT_AMOUNT
		{"cost as a rate", func(t *testing.T, d *Document) { row(d, 3).L3 = "成本控制率"; row(d, 3).Value = "100%" }, []string{"COST_NOT_AMOUNT@4.value"}},
		{"cost 万 without 元", func(t *testing.T, d *Document) { row(d, 3).Value = "10万" }, []string{"COST_NOT_AMOUNT@4.value"}},
		{"cost 参照", func(t *testing.T, d *Document) { row(d, 3).Value = "参照上年标准" }, []string{"COST_NOT_AMOUNT@4.value"}},
		{"economic cost as an efficiency", func(t *testing.T, d *Document) {
			row(d, 3).L1, row(d, 3).L2, row(d, 3).L3, row(d, 3).Value = "成本指标", "经济成本指标", "资金使用效率", "=100百分比"
		}, []string{"COST_NOT_AMOUNT@4.value"}},
		{"cost per 亩", func(t *testing.T, d *Document) { row(d, 3).Value = "1600元/亩" }, nil},
		// L3_TARGET
		{"name target contradicts value", func(t *testing.T, d *Document) { row(d, 1).L3 = "*案件办结率100%"; row(d, 1).Value = ">=98%" }, []string{"L3_TEMPLATE@2.l3", "L3_TARGET@2.value"}},
		{"name target agrees", func(t *testing.T, d *Document) { row(d, 1).L3 = "案件办结率95%"; row(d, 1).Value = "≥95%" }, nil},
		{"name with a year", func(t *testing.T, d *Document) {
			row(d, 2).L3 = "2020 年内"
			row(d, 2).Value = "2020年12月31日前"
		}, nil},
		// COUNT_OVER_TOTAL
		{"part above the beneficiaries", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators[:5:5],
				Indicator{"效益指标", "社会效益指标", "受益脱贫(监测)人口数", "", "≥500人", "计划标准", ""},
				Indicator{"效益指标", "社会效益指标", "解决脱贫(监测)饮水安全问题人数", "", "≥1000人", "计划标准", ""},
				row(d, 5).clone())
		}, []string{"COUNT_OVER_TOTAL@7.value"}},
		{"other people above the beneficiaries", func(t *testing.T, d *Document) {
			p0(d).Indicators = append(p0(d).Indicators[:5:5],
				Indicator{"效益指标", "社会效益指标", "接待游客数量(≥**人)", "", ">=60000人", "计划标准", ""},
				Indicator{"效益指标", "社会效益指标", "受益建档立卡贫困人口数≥**人", "", ">=29人", "计划标准", ""},
				row(d, 5).clone())
		}, []string{"L3_TEMPLATE@6.l3", "L3_TEMPLATE@7.l3"}},
		// GOAL_VAGUE, GOAL_PROCESS
		{"goal direction only", func(t *testing.T, d *Document) {
			p0(d).Goal = "进一步提高博物馆运行效率和免费开放服务水平"
		}, []string{"GOAL_VAGUE@goal"}},
		{"goal direction, enumerated", func(t *testing.T, d *Document) { p0(d).Goal = "1、加强法治宣传 2、完善制度" }, []string{"GOAL_VAGUE@goal"}},
		{"goal direction with a figure", func(t *testing.T, d *Document) { p0(d).Goal = "受援群众满意度提高到90%" }, nil},
		{"goal progress only", func(t *testing.T, d *Document) { p0(d).Goal = "完成项目主体工程70%" }, []string{"GOAL_PROCESS@goal"}},
		{"goal process", func(t *testing.T, d *Document) {
			p0(d).Goal = "按计划完成年度工作任务，按要求使用资金"
		}, []string{"GOAL_PROCESS@goal"}},
		{"goal with deliverables", func(t *testing.T, d *Document) {
			p0(d).Goal = "完成高标准农田建设1000亩，带来观光游客不少于6万人"
		}, nil},
		// BUDGET_YUAN
		{"budget in 元", func(t *testing.T, d *Document) {
			p0(d).Budget, p0(d).Fiscal = optMoney(t, "160000"), optMoney(t, "160000")
		}, []string{"BUDGET_YUAN@budget"}},
		{"large budget beside large ones", func(t *testing.T, d *Document) {
			p0(d).Budget, p0(d).Fiscal = optMoney(t, "16000"), optMoney(t, "16000")
			q := d.Projects[0]
			q.ID, q.Code = "p2", "315-0404-JBN-PIZC"
			q.Budget, q.Fiscal = optMoney(t, "800"), optMoney(t, "800")
			d.Projects = append(d.Projects, q)
		}, nil},
		// PART1_EMPTY
		{"part 1 empty", func(t *testing.T, d *Document) { d.Overall, d.Goals, d.Measures = " ", []Goal{{}}, nil }, []string{"PART1_EMPTY@overall", "PART1_EMPTY@goals", "PART1_EMPTY@measures"}},
		// BASIS_EMPTY
		{"basis empty", func(t *testing.T, d *Document) { row(d, 2).Basis = "" }, []string{"BASIS_EMPTY@3.basis"}},
	}
}

func (in *Indicator) clone() Indicator { return *in }

func TestCheckRules(t *testing.T) {
	for _, tt := range ruleCases() {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanDoc(t)
			tt.edit(t, d)
			got := wheres(Check(d))
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestEveryRuleTested keeps the table honest: every rule in Rules is
// raised by at least one case, and every finding has the severity Rules
// gives its rule.
func TestEveryRuleTested(t *testing.T) {
	raised := map[string]bool{}
	for _, tt := range ruleCases() {
		d := cleanDoc(t)
		tt.edit(t, d)
		for _, f := range Check(d) {
			raised[f.Rule] = true
			if want := Rules[RuleOrder(f.Rule)].Severity; f.Severity != want {
				t.Errorf("%s: severity %v, want %v", f.Rule, f.Severity, want)
			}
			if f.Message == "" || f.ProjectID != "p1" && f.ProjectID != "p2" && f.Rule != RulePart1Empty {
				t.Errorf("%s: incomplete finding %+v", f.Rule, f)
			}
		}
	}
	for _, r := range Rules {
		if !raised[r.Code] {
			t.Errorf("rule %s has no failing case", r.Code)
		}
	}
}

// renderFindings writes findings one per line, grouped under their project,
// for the golden file: what a reviewer reads to judge every finding.
func renderFindings(d *Document, fs []Finding) string {
	var b strings.Builder
	last := "\x00"
	for _, f := range fs {
		if f.ProjectID != last {
			last = f.ProjectID
			fmt.Fprintf(&b, "\n## %d %s (%s)\n", d.ProjectIndex(f.ProjectID)+1, f.ProjectName, f.ProjectCode)
		}
		loc := FieldLabel(f.Field)
		if f.Row >= 0 {
			in := d.Projects[d.ProjectIndex(f.ProjectID)].Indicators[f.Row]
			loc = fmt.Sprintf("第%d行 %s [%s|%s|%s|%s]", f.Row+1, loc, in.L1, in.L2, in.L3, in.Value)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s", f.Severity.Label(), f.Rule, loc, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, "\t建议：%s", f.Suggestion)
		}
		b.WriteByte('\n')
	}
	e, w := Count(fs)
	fmt.Fprintf(&b, "\n%d 个错误，%d 个警告\n", e, w)
	return b.String()
}

func TestCheckSampleGolden(t *testing.T) {
	d := Sample()
	golden(t, "check/sample.golden", []byte(renderFindings(d, Check(d))))
}

// TestCheckSampleMustFind pins, apart from the golden file, the faults the
// issue names: a reviewer reading the golden diff could miss one going.
func TestCheckSampleMustFind(t *testing.T) {
	d := Sample()
	fs := Check(d)
	has := func(rule, project, value string) int {
		n := 0
		for _, f := range fs {
			if f.Rule != rule || !strings.Contains(f.ProjectName, project) {
				continue
			}
			if value != "" && (f.Row < 0 || d.Projects[d.ProjectIndex(f.ProjectID)].Indicators[f.Row].Value != value) {
				continue
			}
			n++
		}
		return n
	}
	tests := []struct {
		rule, project, value string
		min                  int
	}{
		{RuleValuePlaceholder, "公用取暖费", "**平米", 1},
		{RuleL2Parent, "法律援助经费", "", 1},
		{RuleSatisfactionLow, "", "≥65百分率", 3},
		{RuleSatisfactionLow, "", "≥65%百分率", 2},
		{RuleValueVague, "人民调解经费", "年终总结", 1},
		{RuleValueVague, "人民调解经费", "节约成本", 1},
		{RuleValueVague, "", "年度计划", 6},
		{RuleValuePercent, "人民调解经费", "≥100%", 1},
		{RuleMisplaced, "中央政法", "", 1},
	}
	for _, tt := range tests {
		if got := has(tt.rule, tt.project, tt.value); got < tt.min {
			t.Errorf("%s on %q %q: %d findings, want at least %d", tt.rule, tt.project, tt.value, got, tt.min)
		}
	}
	// The seed's forms are right: its sums add up, its plans rise to 100,
	// and nothing is required and missing. Any such finding is a false alarm.
	for _, f := range fs {
		switch f.Rule {
		case RuleBudgetSum, RuleBudgetZero, RulePlanMissing, RulePlanRange, RulePlanOrder, RulePlanEnd,
			RuleRequired, RuleCodeDup, RuleL1Unknown, RuleL2Unknown, RuleCostOver, RuleBasisEmpty:
			t.Errorf("false alarm on the sample: %+v", f)
		}
	}
}

// TestCheckOrderAndLocations checks what the UI relies on: findings are
// ordered by project, form field, grid, row, column, rule; every location
// points at something that exists; CheckProject gives each project's share
// of Check.
func TestCheckOrderAndLocations(t *testing.T) {
	d := Sample()
	d.Projects = append(d.Projects, cleanDoc(t).Projects[0], Project{ID: "empty"})
	d.Projects[len(d.Projects)-2].Code = d.Projects[0].Code // a CODE_DUP pair
	fs := Check(d)
	key := func(f Finding) [4]int {
		return [4]int{d.ProjectIndex(f.ProjectID), f.Row, FieldOrder(f.Field), RuleOrder(f.Rule)}
	}
	for i, f := range fs {
		pi := d.ProjectIndex(f.ProjectID)
		switch {
		case pi < 0:
			t.Fatalf("finding %d: unknown project %q", i, f.ProjectID)
		case f.Row >= len(d.Projects[pi].Indicators) || f.Row < -1:
			t.Errorf("finding %d: row %d out of range", i, f.Row)
		case FieldOrder(f.Field) < 0 || RuleOrder(f.Rule) < 0:
			t.Errorf("finding %d: unknown field %q or rule %q", i, f.Field, f.Rule)
		case (f.Row >= 0) != (FieldOrder(f.Field) >= FieldOrder(FieldL1)):
			t.Errorf("finding %d: row %d with field %q", i, f.Row, f.Field)
		case f.ProjectCode != d.Projects[pi].Code || f.ProjectName != d.Projects[pi].Name:
			t.Errorf("finding %d: code/name do not match project", i)
		}
		if i > 0 {
			a, b := key(fs[i-1]), key(f)
			// Form fields and the grid (row -1) come before rows, so compare
			// the row only within the grid part.
			if slices.Compare(a[:1], b[:1]) == 0 && a[2] < FieldOrder(FieldL1) && b[2] >= FieldOrder(FieldL1) {
				continue
			}
			if slices.Compare(a[:], b[:]) > 0 {
				t.Errorf("findings %d and %d out of order: %v then %v", i-1, i, where(fs[i-1]), where(f))
			}
		}
	}
	var joined []Finding
	for i := range d.Projects {
		joined = append(joined, CheckProject(d, &d.Projects[i])...)
	}
	if !slices.Equal(wheres(joined), wheres(fs)) {
		t.Errorf("CheckProject over all projects differs from Check:\n%q\n%q", wheres(joined), wheres(fs))
	}
	if e, _ := Count(CheckProject(d, &d.Projects[0])); e == 0 {
		t.Errorf("CheckProject misses the CODE_DUP of project 1")
	}
}

func TestCount(t *testing.T) {
	fs := []Finding{{Severity: SeverityError}, {Severity: SeverityWarning}, {Severity: SeverityWarning}, {}}
	if e, w := Count(fs); e != 1 || w != 2 {
		t.Errorf("Count = %d, %d; want 1, 2", e, w)
	}
	if e, w := Count(nil); e != 0 || w != 0 {
		t.Errorf("Count(nil) = %d, %d", e, w)
	}
}

func TestSeverityLabels(t *testing.T) {
	for _, tt := range []struct {
		s          Severity
		str, label string
	}{{SeverityError, "error", "错误"}, {SeverityWarning, "warning", "警告"}, {0, "unknown", "未知"}} {
		if tt.s.String() != tt.str || tt.s.Label() != tt.label {
			t.Errorf("%d: %q %q, want %q %q", tt.s, tt.s.String(), tt.s.Label(), tt.str, tt.label)
		}
	}
}

// TestTaxIndexAgreesWithTaxonomy guards the fast lookup against drifting
// from CanonicalL1/CanonicalL2, which the UI's pickers use.
func TestTaxIndexAgreesWithTaxonomy(t *testing.T) {
	var names []string
	for _, l1 := range Taxonomy {
		names = append(names, l1.Name, strings.TrimSuffix(l1.Name, "指标"))
		names = append(names, l1.Aliases...)
		for _, l2 := range l1.Level2 {
			names = append(names, l2, strings.TrimSuffix(l2, "指标"), " "+l2)
		}
	}
	names = append(names, "", "效率指标", "社会 效益指标")
	for _, n := range names {
		e, _ := lookupTax(n)
		c1, ok1 := CanonicalL1(n)
		c2, parents, ok2 := CanonicalL2(n)
		if e.l1 != c1 || (e.l1 != "") != ok1 {
			t.Errorf("%q: l1 %q, CanonicalL1 %q %v", n, e.l1, c1, ok1)
		}
		if e.l2 != c2 || (e.l2 != "") != ok2 || !slices.Equal(e.l2Parents, parents) {
			t.Errorf("%q: l2 %q %v, CanonicalL2 %q %v %v", n, e.l2, e.l2Parents, c2, parents, ok2)
		}
	}
}

// FuzzCheck feeds arbitrary cell text and amounts through the rules: no
// panic, and every finding points at a real place with a known rule.
func FuzzCheck(f *testing.F) {
	f.Add("315-0404-JBN-PIZB", "产出指标", "效果指标", "社会效益指标", "≥65%百分率", "", int64(160000), int64(150000))
	f.Add("", "满意度", "服务对象满意度", "满意率", "≥1e9%", "调查", int64(0), int64(0))
	f.Add(" ", "成本指标", "经济成本", "成本", "≤99999999999万元", "x", int64(1), int64(-1))
	f.Add("1", "效益指标", "社会公众或服务对象满意度指标", "受益脱贫(监测)人口数≥**人", "不低于95%（含）", "", int64(1e12), int64(0))
	f.Add("2", "成本", "生态环境成本", "提升绿化1、", "进一步提升", "", int64(0), int64(0))
	f.Fuzz(func(t *testing.T, code, l1, l2, l3, value, basis string, budget, fiscal int64) {
		d := &Document{Projects: []Project{{
			ID: "p", Code: code, Budget: MoneyUnits(budget), Fiscal: MoneyUnits(fiscal), Goal: l3 + value,
			Plan:       Plan{Mar: PercentHundredths(budget % 20000), Dec: PercentHundredths(fiscal % 20000)},
			Indicators: []Indicator{{l1, l2, l3, value, value, basis, ""}, {l2, l1, l3, basis, value, l3, ""}},
		}, {ID: "q", Code: value}}}
		for _, fd := range Check(d) {
			if RuleOrder(fd.Rule) < 0 || FieldOrder(fd.Field) < 0 || fd.Row < -1 || fd.Row > 1 || fd.Message == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}

func TestNumMatchesNumString(t *testing.T) {
	for _, n := range []int64{0, 1, 10, 10_000, 650_000, 2_000, 123_456_789, 99_999, -5_000, 1 << 62} {
		v := Value{Num: n}
		if got, want := num(v), v.NumString(); got != want {
			t.Errorf("num(%d) = %q, NumString %q", n, got, want)
		}
	}
}

// TestSpaceBytesAreUnicodeIsSpace checks the byte patterns the rules use
// for white space against unicode.IsSpace, for every rune, alone and at
// either end of text.
func TestSpaceBytesAreUnicodeIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		want := unicode.IsSpace(r) && utf8.ValidRune(r)
		if got := spaceLen(s); got != 0 && got != len(s) || (got != 0) != want {
			t.Fatalf("spaceLen(%q) = %d, unicode.IsSpace %v", s, got, want)
		}
		if got := endsWithSpace("价" + s); got != want {
			t.Fatalf("endsWithSpace(价%q) = %v", s, got)
		}
		if got := hasSpace("价" + s + "价"); got != want {
			t.Fatalf("hasSpace(价%q价) = %v", s, got)
		}
		if want && (!spaceLead[s[0]] || !spaceTail[s[len(s)-1]]) {
			t.Fatalf("%U: first or last byte missing from spaceLead/spaceTail", r)
		}
		// hasSpace reads eight bytes at a time: try every offset in a
		// word, for the runes whose bytes are near the ones it looks for.
		if r < 0x3100 {
			const text = "价值观念价值观念价值"
			for at := 0; at <= len(text); at++ {
				u := text[:at] + s + text[at:]
				if got := hasSpace(u); got != strings.ContainsFunc(u, unicode.IsSpace) {
					t.Fatalf("hasSpace(%q) = %v", u, got)
				}
			}
		}
	}
}

// FuzzSpace checks the white-space helpers against the strings functions
// they stand in for, on any text, valid UTF-8 or not.
func FuzzSpace(f *testing.F) {
	for _, s := range []string{"", " ", "\u3000年度计划\u3000", "≥ 30 人次", "社会 效益指标", "\xe2\x80", "\xe2\x80\x80", "x\xc2", "\xc2\xa0\xff", "百分\u2028率"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Fatalf("blank(%q) = %v, want %v", s, got, want)
		}
		if got, want := trim(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasSpace(s), strings.ContainsFunc(s, unicode.IsSpace); got != want {
			t.Fatalf("hasSpace(%q) = %v, want %v", s, got, want)
		}
		if got, want := squeeze(s), strings.Join(strings.Fields(s), ""); got != want {
			t.Fatalf("squeeze(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestCheckAgreesWithCheckProject runs the document-wide pass (pooled
// buffers, the code index) and the one-project pass on the same projects,
// with some codes repeated and respelled: each project's findings must be
// the same either way.
func TestCheckAgreesWithCheckProject(t *testing.T) {
	d := Generate(300, 12)
	pairs := 0
	for i := 0; i < len(d.Projects); i += 17 {
		// Generated codes are unique: each respelled code makes one pair.
		d.Projects[i].Code = " " + strings.ToLower(d.Projects[i+1].Code)
		pairs++
		d.Projects[i].Indicators[3].Value = "≥ 3 件"
		d.Projects[i].Indicators[1].L2 = "效果指标"
	}
	all := Check(d)
	var joined []Finding
	for i := range d.Projects {
		joined = append(joined, CheckProject(d, &d.Projects[i])...)
	}
	if !slices.Equal(all, joined) {
		t.Fatalf("Check: %d findings; CheckProject one by one: %d", len(all), len(joined))
	}
	var dup int
	for _, f := range all {
		if f.Rule == RuleCodeDup {
			dup++
		}
	}
	if dup != 2*pairs {
		t.Errorf("%d CODE_DUP findings, want %d: one per respelled code and one per original", dup, 2*pairs)
	}
}

// TestCheckResultsAreTheCallers guards the checker pool: a result must not
// share memory with a later run's.
func TestCheckResultsAreTheCallers(t *testing.T) {
	d := Generate(50, 10)
	first := Check(d)
	if len(first) == 0 {
		t.Fatal("no findings to compare")
	}
	kept := slices.Clone(first)
	for range 3 {
		_ = Check(Generate(60, 12))
		_ = CheckProject(d, &d.Projects[0])
	}
	if !slices.Equal(first, kept) {
		t.Fatal("a later Check changed an earlier result")
	}
	if got := Check(d); !slices.Equal(got, kept) {
		t.Fatal("a second Check of the same document differs")
	}
	if got := CheckProject(nil, &Project{ID: "x", Code: "A", Name: "n", Use: "u", Goal: "g"}); slices.ContainsFunc(got, func(f Finding) bool { return f.ProjectID != "x" }) {
		t.Fatal("a finding of another run leaked into CheckProject")
	}
}

// TestL3MemoNeverStale feeds the 三级指标 memo names that share their
// first bytes and length (so they share a slot), names with spaces and
// empty ones, in an order that keeps evicting: each answer must be what
// squeeze and the keyword search give for that name.
func TestL3MemoNeverStale(t *testing.T) {
	names := []string{"", " ", "群众满意度", "群众满意率", "群众 满意度", "法律援助咨询件数", "法律援助咨询次数", "再犯罪率", "再犯罪数", "效益", "效 益"}
	for i := range 200 {
		names = append(names, fmt.Sprintf("指标%03d", i), fmt.Sprintf("指标%03d 满意度", i))
	}
	c := getChecker(nil)
	defer putChecker(c)
	for round := range 3 {
		for k := range names {
			raw := names[(k*7+round)%len(names)]
			var r rowInfo
			c.nameL3(&r, raw)
			l3 := squeeze(raw)
			if r.l3 != l3 || r.l3Head != head8(l3) || int(r.outcome) != outcomeKeywords.index(l3) {
				t.Fatalf("%q: memo gave %q %x %d", raw, r.l3, r.l3Head, r.outcome)
			}
		}
	}
}
