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
// ("人次", "个月", "平方米", "元/人·天", "台（套）"); longer trailing text
// makes the value qualitative.
const maxUnitRunes = 8

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
var comparators = []comparator{
	{">=", CmpGE}, {"<=", CmpLE}, {"＞＝", CmpGE}, {"＜＝", CmpLE},
	{"≥", CmpGE}, {"≧", CmpGE}, {"⩾", CmpGE},
	{"≤", CmpLE}, {"≦", CmpLE}, {"⩽", CmpLE},
	{">", CmpGT}, {"＞", CmpGT}, {"<", CmpLT}, {"＜", CmpLT},
	{"=", CmpEQ}, {"＝", CmpEQ},
}

// comparator is one spelling of a Comparator.
type comparator struct {
	text string
	cmp  Comparator
}

// percentWords are the ways the seed and its peers write "percent".
var percentWords = []string{"%", "％", "百分率", "百分比"}

// percentFirst marks the bytes a percent word starts with: a unit that
// starts with none of them is not a percentage.
var percentFirst = func() (t [256]bool) {
	for _, w := range percentWords {
		t[w[0]] = true
	}
	return t
}()

// ParseValue reads an indicator value. "≥260件" is ≥, 260, 件; "≥30 人次"
// is ≥, 30, 人次; "≥65%百分率" and "≤0.2 百分率" are percentages; "5 个月"
// has no comparator. A comparator may be written in words before the
// number ("不低于95%", "不超过20万元", "大于90%") or after the unit
// ("95%以上", "90%以下", "≥95%（含）"). A unit may carry a bracketed
// alternative ("≥3台（套）") or be compound ("元/人·天"). Text that is not
// a comparator, a number and a short unit ("年度计划", "**平米",
// "2020年12月31日", "2020 年底") is qualitative.
func ParseValue(raw string) Value {
	var v Value
	if !parsePlainValue(raw, &v) {
		v = parseValue(raw)
	}
	return v
}

// parsePlainValue reads into v, in one pass and without allocating, the
// shape nearly every value has: "≥260件", "≤0.2%", "100%", "5个月",
// "≥30 人次", "≥65百分率" — an optional ≥ ≤ > < = right before ASCII digits,
// at most one point, spaces, and a unit that is a spelling of percent or up
// to maxUnitRunes CJK ideographs — or a year ("2021年12月31日前", which is
// qualitative). It reports false for anything else (other spaces,
// full-width digits, other comparators), which parseValue then reads. For
// what it accepts, the result is parseValue's; FuzzParseValue and
// TestPlainValueAgreesWithGeneral check that they agree.
func parsePlainValue(raw string, v *Value) bool {
	cmp := CmpNone
	s := raw
	if len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x89 && (s[2] == 0xA5 || s[2] == 0xA4) {
		cmp = CmpGE
		if s[2] == 0xA4 {
			cmp = CmpLE
		}
		s = s[3:]
	} else if len(s) >= 1 {
		switch s[0] {
		case '>':
			cmp = CmpGT
		case '<':
			cmp = CmpLT
		case '=':
			cmp = CmpEQ
		}
		if cmp != CmpNone {
			s = s[1:]
		}
	}
	num, end, ok := scanDecimal(s)
	// A thousands comma is left to parseValue.
	if !ok || end < len(s) && s[end] == ',' {
		return false
	}
	// Spaces between the number and its unit ("≥30 人次") are dropped,
	// as parseValue drops them; trailing ones are left to it.
	unit := s[end:]
	for unit != "" && unit[0] == ' ' {
		unit = unit[1:]
	}
	// A year is a deadline, as parseValue finds: "2021年12月31日前".
	if isYear(num, unit) {
		*v = Value{Raw: raw}
		return true
	}
	// A comparator in words after the unit ("3个以上") is parseValue's.
	if hasCmpSuffix(unit) {
		return false
	}
	canon := unit
	switch {
	case unit == "":
		if end < len(s) {
			return false
		}
	case unit == PercentUnit:
	case unit == "％" || unit == "百分率" || unit == "百分比":
		canon = PercentUnit
	case unit[0] < utf8.RuneSelf || strings.HasPrefix(unit, "百"):
		return false
	default:
		// U+4E00–U+9FFF are the three-byte sequences E4 B8 80 to E9 BF BF.
		if len(unit)%3 != 0 || len(unit) > 3*maxUnitRunes {
			return false
		}
		for i := 0; i < len(unit); i += 3 {
			b0, b1, b2 := unit[i], unit[i+1], unit[i+2]
			if b0 < 0xE4 || b0 > 0xE9 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 || b0 == 0xE4 && b1 < 0xB8 {
				return false
			}
		}
	}
	*v = Value{Raw: raw, Quantitative: true, Cmp: cmp, Num: num, Unit: canon, RawUnit: unit}
	return true
}

// parseValue is ParseValue for any text.
func parseValue(raw string) Value {
	v := Value{Raw: raw}
	s := trim(raw)
	if s != "" {
		for _, c := range comparatorsByFirst[s[0]] {
			if strings.HasPrefix(s, c.text) {
				v.Cmp = c.cmp
				s = trim(s[len(c.text):])
				break
			}
		}
		if v.Cmp == CmpNone && s[0] >= utf8.RuneSelf {
			for _, c := range cmpWords {
				if strings.HasPrefix(s, c.text) {
					v.Cmp = c.cmp
					s = trim(s[len(c.text):])
					break
				}
			}
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
	num, ok := parseDecimal(s[:end])
	if !ok {
		var err error
		if num, err = parseFixed(s[:end], ValueScale, ValueScale, 1<<62); err != nil {
			return Value{Raw: raw}
		}
	}
	// Spaces inside a unit are line wraps or OCR ("百分 率"); Chinese
	// units never contain one.
	unit := squeeze(s[end:])
	if isYear(num, unit) {
		return Value{Raw: raw}
	}
	unit, v.Cmp, ok = cutCmpSuffix(unit, v.Cmp)
	if !ok {
		return Value{Raw: raw}
	}
	canon, ok := canonicalUnit(unit)
	if !ok {
		return Value{Raw: raw}
	}
	v.Quantitative, v.Num, v.Unit, v.RawUnit = true, num, canon, unit
	return v
}

// cmpWords are comparators written in words before the number, longest
// first where one starts another ("大于等于" before "大于").
var cmpWords = []comparator{
	{"大于或等于", CmpGE}, {"大于等于", CmpGE}, {"不低于", CmpGE}, {"不少于", CmpGE}, {"不小于", CmpGE}, {"达到", CmpGE},
	{"小于或等于", CmpLE}, {"小于等于", CmpLE}, {"不超过", CmpLE}, {"不高于", CmpLE}, {"不多于", CmpLE}, {"不大于", CmpLE},
	{"大于", CmpGT}, {"高于", CmpGT}, {"多于", CmpGT}, {"超过", CmpGT},
	{"小于", CmpLT}, {"低于", CmpLT}, {"少于", CmpLT},
	{"等于", CmpEQ},
}

// cmpSuffixes are comparators written after the unit ("95%以上"), and the
// inclusive mark "（含）", which turns > into ≥ and < into ≤.
var cmpSuffixes = []comparator{
	{"及以上", CmpGE}, {"以上", CmpGE}, {"及以下", CmpLE}, {"以下", CmpLE}, {"以内", CmpLE}, {"之内", CmpLE},
	{"（含）", CmpNone}, {"(含)", CmpNone},
}

// hasCmpSuffix reports whether unit ends with a word cutCmpSuffix takes.
func hasCmpSuffix(unit string) bool {
	for _, c := range cmpSuffixes {
		if strings.HasSuffix(unit, c.text) {
			return true
		}
	}
	return false
}

// cutCmpSuffix takes the comparator words off the end of a unit and merges
// them with the comparator written before the number. It reports false
// when they disagree ("≤90%以上").
func cutCmpSuffix(unit string, cmp Comparator) (string, Comparator, bool) {
	for cut := true; cut; {
		cut = false
		for _, c := range cmpSuffixes {
			if !strings.HasSuffix(unit, c.text) {
				continue
			}
			unit, cut = unit[:len(unit)-len(c.text)], true
			switch {
			case c.cmp == CmpNone: // （含）
				switch cmp {
				case CmpGT:
					cmp = CmpGE
				case CmpLT:
					cmp = CmpLE
				}
			case cmp == CmpNone:
				cmp = c.cmp
			case cmp != c.cmp && !(cmp == CmpGT && c.cmp == CmpGE) && !(cmp == CmpLT && c.cmp == CmpLE):
				return "", cmp, false
			}
			break
		}
	}
	return unit, cmp, true
}

// comparatorsByFirst is comparators split by first byte, in the same
// order, so a value tries only the few spellings that can match it and a
// value without a comparator (100%, 年度计划) tries none.
var comparatorsByFirst = func() (t [256][]comparator) {
	for _, c := range comparators {
		t[c.text[0]] = append(t[c.text[0]], c)
	}
	return t
}()

// parseDecimal is parseFixed(s, ValueScale, ValueScale, 1<<62) for the
// usual number of a value: ASCII digits, then at most one point and one
// to ValueScale decimals, at most 14 integer digits (so no overflow) and no
// thousands commas. It reports false for anything else, which parseFixed
// then reads or rejects.
func parseDecimal(s string) (int64, bool) {
	n, end, ok := scanDecimal(s)
	return n, ok && end == len(s)
}

// scanDecimal reads the number parseDecimal takes from the start of s and
// returns where it ends. It reports false when the run of digits and
// points there is not such a number (too long, a second point, a fifth
// decimal), so that the run as a whole would fail parseDecimal too.
func scanDecimal(s string) (n int64, end int, ok bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int64(s[i]-'0')
		i++
	}
	if i == 0 || i > 14 {
		return 0, 0, false
	}
	dec := 0
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9' && dec < ValueScale; i++ {
			n = n*10 + int64(s[i]-'0')
			dec++
		}
		if dec == 0 {
			return 0, 0, false
		}
	}
	if i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		return 0, 0, false
	}
	for ; dec < ValueScale; dec++ {
		n *= 10
	}
	return n, i, true
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
	for progress := percentFirst[unit[0]]; progress; {
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
	n, open := 0, rune(0)
	for _, r := range unit {
		// Too long is refused like a wrong rune, so one pass does both.
		if n++; n > maxUnitRunes {
			return "", false
		}
		// A bracketed alternative after the unit ("台（套）", "个(家)"),
		// not nested and not first; a middle dot joins a compound unit
		// ("元/人·天").
		switch r {
		case '（', '(':
			if n == 1 || open != 0 {
				return "", false
			}
			open = r
			continue
		case '）', ')':
			if r == '）' && open != '（' || r == ')' && open != '(' {
				return "", false
			}
			open = 0
			continue
		case '·', '・':
			if n == 1 {
				return "", false
			}
			continue
		}
		// Letters of the CJK Unified Ideographs block and ASCII letters,
		// which nearly every unit is made of, are none of the four
		// categories below; the unicode tables are searched for the rest
		// (TestUnitLettersSkipTables checks the whole block).
		if r >= 0x4E00 && r <= 0x9FFF || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			continue
		}
		if unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) && r != '/' || unicode.IsSymbol(r) && r != '℃' && r != '㎡' {
			return "", false
		}
	}
	if open != 0 {
		return "", false
	}
	return unit, true
}
