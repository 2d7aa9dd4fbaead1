package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Comparator is the relation an indicator value states: 正向 indicators take
// ≥ > =, 反向 ones ≤ <. CmpNone is a bare number such as "75%".
type Comparator string

// The comparators, in their canonical (half-width mathematical) form.
const (
	CmpNone Comparator = ""
	CmpGE   Comparator = "≥"
	CmpLE   Comparator = "≤"
	CmpGT   Comparator = ">"
	CmpLT   Comparator = "<"
	CmpEQ   Comparator = "="
)

// ValueScale is the number of decimals kept for an indicator value's number.
const ValueScale = 4

// PercentUnit is the canonical unit of percentages.
const PercentUnit = "%"

// maxUnitRunes bounds what may follow the number and still count as a unit
// ("人次", "个月", "平方米"); longer trailing text makes the value qualitative.
const maxUnitRunes = 6

// Value is a parsed 指标值. A quantitative value has a comparator, an exact
// number (Num, scaled by 10^ValueScale) and a unit; anything else is
// qualitative text kept as written in Raw.
type Value struct {
	Raw          string
	Quantitative bool
	Cmp          Comparator
	Num          int64  // the number × 10^ValueScale
	Unit         string // canonical: "%" for % ％ 百分率 百分比
	RawUnit      string // the unit as written, e.g. "百分率" or "%百分率"
}

// IsPercent reports whether the value is a percentage.
func (v Value) IsPercent() bool { return v.Quantitative && v.Unit == PercentUnit }

// NumString formats the number with as many decimals as it has.
func (v Value) NumString() string { return formatFixed(v.Num, ValueScale, 0) }

// comparators lists every accepted spelling, longest first so that ">="
// wins over ">".
var comparators = []struct {
	text string
	cmp  Comparator
}{
	{">=", CmpGE}, {"<=", CmpLE}, {"＞＝", CmpGE}, {"＜＝", CmpLE},
	{"≥", CmpGE}, {"≧", CmpGE}, {"⩾", CmpGE},
	{"≤", CmpLE}, {"≦", CmpLE}, {"⩽", CmpLE},
	{">", CmpGT}, {"＞", CmpGT}, {"<", CmpLT}, {"＜", CmpLT},
	{"=", CmpEQ}, {"＝", CmpEQ},
}

// percentWords are the ways the seed and its peers write "percent".
var percentWords = []string{"%", "％", "百分率", "百分比"}

// ParseValue reads an indicator value. "≥260件" is ≥, 260, 件; "≥30 人次"
// is ≥, 30, 人次; "≥65%百分率" and "≤0.2 百分率" are percentages; "5 个月"
// has no comparator. Text that is not a comparator, a number and a short
// unit ("年度计划", "**平米", "2020年12月31日", "2020 年底") is qualitative.
func ParseValue(raw string) Value {
	v := Value{Raw: raw}
	s := strings.TrimSpace(raw)
	for _, c := range comparators {
		if strings.HasPrefix(s, c.text) {
			v.Cmp = c.cmp
			s = strings.TrimSpace(s[len(c.text):])
			break
		}
	}
	// Most qualitative values ("年度计划") fail here, before any allocation.
	if !startsWithDigit(s) {
		return Value{Raw: raw}
	}
	s = normalizeDigits(s)
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	if end == 0 {
		return Value{Raw: raw}
	}
	num, err := parseFixed(s[:end], ValueScale, ValueScale, 1<<62)
	if err != nil {
		return Value{Raw: raw}
	}
	// Spaces inside a unit are line wraps or OCR ("百分 率"); Chinese
	// units never contain one.
	unit := s[end:]
	if strings.ContainsFunc(unit, unicode.IsSpace) {
		unit = strings.Join(strings.Fields(unit), "")
	}
	if isYear(num, unit) {
		return Value{Raw: raw}
	}
	canon, ok := canonicalUnit(unit)
	if !ok {
		return Value{Raw: raw}
	}
	v.Quantitative, v.Num, v.Unit, v.RawUnit = true, num, canon, unit
	return v
}

// startsWithDigit reports whether s starts with an ASCII or full-width digit.
func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// isYear reports whether the number and unit name a calendar year, as in
// "2020 年底" or "2020年": a deadline, not a quantity.
func isYear(num int64, unit string) bool {
	const one = 10_000 // 1 at ValueScale
	return strings.HasPrefix(unit, "年") && num%one == 0 && num >= 1000*one && num <= 9999*one
}

// canonicalUnit checks that unit is a plausible unit and folds the spellings
// of percent into "%".
func canonicalUnit(unit string) (string, bool) {
	if unit == "" {
		return "", true
	}
	rest := unit
	isPct := false
	for progress := true; progress; {
		progress = false
		for _, w := range percentWords {
			if strings.HasPrefix(rest, w) {
				rest = strings.TrimSpace(rest[len(w):])
				isPct, progress = true, true
			}
		}
	}
	if isPct {
		if rest != "" {
			return "", false
		}
		return PercentUnit, true
	}
	if utf8.RuneCountInString(unit) > maxUnitRunes {
		return "", false
	}
	for _, r := range unit {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) && r != '/' || unicode.IsSymbol(r) && r != '℃' && r != '㎡' {
			return "", false
		}
	}
	return unit, true
}
