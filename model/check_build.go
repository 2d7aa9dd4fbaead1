package model

import (
	"strings"
	"unicode/utf8"
)

// The rules in this file judge how a value or a goal is built — a verb of
// direction with or without a figure, a figure with or without a unit,
// money or not — rather than matching whole phrases, so that they hold on
// tables nobody here has seen.

// directionWords are verbs that state a direction of change. A value or
// goal built from one of them without a figure ("有所提高", "进一步提升",
// "增加岗位") cannot be checked at year end: 提高 by how much?
var directionWords = newNeedles(
	"提高", "提升", "改善", "减轻", "增强", "巩固", "加强", "完善", "优化",
	"增加", "减少", "降低", "扩大", "促进", "推进", "推动", "改进", "增进",
	"加快", "强化", "深化", "拓宽", "拓展", "缩短", "缩小", "下降", "上升",
	"增长", "好转",
)

// stateWords make a value a yes/no state that can be checked without a
// figure ("是", "达标", "建成", "无安全事故", "符合国家标准").
var stateWords = newNeedles(
	"是", "否", "达标", "合格", "通过", "建成", "完成", "实现", "符合",
	"达到", "满足", "无", "未发生", "零",
)

// processWords mark a 绩效目标 that states how the work is done (按计划,
// 按要求, 如期) or how far it has got (完成…%) instead of what it delivers.
var processWords = newNeedles("按计划", "按要求", "按时", "按期", "按进度", "如期", "完成")

// templateMarks are the placeholders a template leaves in an indicator
// name for the unit to replace ("(≥**个)", "××率"); unlike placeholders
// they leave out ? and …, which OCR puts into names.
var templateMarks = newNeedles("*", "＊", "××", "○○", "xx", "XX")

// moneyWords name money; movingWords are what money does before it buys
// anything (arrives, is passed down, paid out, spent). Together before 率
// they measure the input, not an output: 资金到位率, 预算执行率.
var (
	moneyWords  = newNeedles("资金", "预算", "经费", "拨款", "款项")
	movingWords = []string{"到位", "下达", "拨付", "执行", "使用", "支出", "支付"}
)

// blankRow reports whether an indicator row holds only a 一级 and 二级 (or
// nothing): a template row the unit did not fill in, which the rules skip.
func blankRow(in *Indicator) bool {
	return blank(in.L3) && blank(in.Value) && blank(in.Desc) && blank(in.Basis)
}

// hasFigure reports whether s holds a number (a digit that is not an
// enumeration mark such as "1、"), or a multiple (倍, 百分之).
func hasFigure(s string) bool {
	for i := 0; i < len(s); {
		n := digitLen(s[i:])
		if n == 0 {
			i++
			continue
		}
		j := i
		for j < len(s) && digitLen(s[j:]) > 0 {
			j += digitLen(s[j:])
		}
		if !strings.HasPrefix(s[j:], "、") && !strings.HasPrefix(s[j:], "）") && !strings.HasPrefix(s[j:], ")") {
			return true
		}
		i = j
	}
	return strings.Contains(s, "倍") || strings.Contains(s, "百分之")
}

// digitLen returns the length of the ASCII or full-width digit s starts
// with, or 0.
func digitLen(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] >= '0' && s[0] <= '9':
		return 1
	case len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99:
		return 3
	}
	return 0
}

// hasDeliverable reports whether a goal names an amount of something: a
// number followed by a unit that is not a percentage or a date ("6万人",
// "1000亩", "30场"). "完成工程70%" and "2023年12月" name none.
func hasDeliverable(s string) bool {
	for i := 0; i < len(s); {
		if digitLen(s[i:]) == 0 {
			i++
			continue
		}
		for i < len(s) && (digitLen(s[i:]) > 0 || s[i] == '.' || s[i] == ',') {
			if n := digitLen(s[i:]); n > 0 {
				i += n
			} else {
				i++
			}
		}
		rest := strings.TrimLeft(s[i:], " ")
		for _, mult := range []string{"万", "余", "多", "千", "百"} {
			rest = strings.TrimPrefix(rest, mult)
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune("年月日号时、", r) && !strings.HasPrefix(rest, "百分") {
			return true
		}
	}
	return false
}

// movesMoney reports whether an indicator name measures money arriving or
// moving ("资金到位率", "预算执行率", "拨付率"): a moving word right before
// 率, with a money word before it (拨付 is money by itself).
func movesMoney(name string) bool {
	for rest := name; ; {
		i := strings.Index(rest, "率")
		if i < 0 {
			return false
		}
		head := rest[:i]
		for _, w := range movingWords {
			if strings.HasSuffix(head, w) && (w == "拨付" || moneyWords.in(head[:len(head)-len(w)])) {
				return true
			}
		}
		rest = rest[i+len("率"):]
	}
}

// moneyUnit reports whether a value's unit is an amount of money or a
// unit cost: 元, 万元, 元/亩, 万元/公里, 元/人·天.
func moneyUnit(unit string) bool {
	for _, m := range []string{"元", "万元", "千元", "亿元"} {
		if unit == m || strings.HasPrefix(unit, m+"/") {
			return true
		}
	}
	return false
}

// nameTarget reads a target written into an indicator name ("…达标率100%",
// "受益人数（≥500人）"): the text from the first digit on, parsed as a
// value. It is not quantitative when the name holds no such target.
func nameTarget(name string) Value {
	i := strings.IndexAny(name, "0123456789")
	if i < 0 {
		return Value{}
	}
	tail := strings.TrimRight(name[i:], ")）] ")
	return ParseValue(tail)
}

// beneficiaryWord marks the row that counts a project's beneficiaries as a
// whole; a row that counts a part of them (the same group, narrower) must
// not count more.
const beneficiaryWord = "受益"

// totalSuffixes end the name of a beneficiary count ("受益脱贫人口数").
var totalSuffixes = []string{"人口数", "人口", "人数", "户数", "数量", "数"}

// beneficiaryGroup returns the group a 受益 count names ("受益脱贫(监测)人口数"
// → "脱贫(监测)"), or "" when the name is not such a count or the group is
// too short to recognise in another name.
func beneficiaryGroup(name string) string {
	i := strings.Index(name, beneficiaryWord)
	if i < 0 {
		return ""
	}
	g := name[i+len(beneficiaryWord):]
	// The count's own target or template note ends the group.
	if j := strings.IndexAny(g, "≥≤><=*＊0123456789"); j >= 0 {
		g = g[:j]
	}
	g = strings.TrimRight(g, "(（")
	for _, suf := range totalSuffixes {
		if strings.HasSuffix(g, suf) {
			g = g[:len(g)-len(suf)]
			break
		}
	}
	if utf8.RuneCountInString(g) < 2 {
		return ""
	}
	return g
}
