package model

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// valueCase is the expected parse of one 指标值. num is the number as
// NumString writes it; unit is canonical.
type valueCase struct {
	raw   string
	quant bool
	cmp   Comparator
	num   string
	unit  string
}

// seedValues is every 指标值 in the seed, as transcribed by Sample and as the
// OCR printed the wrapped ones.
var seedValues = []valueCase{
	{"≥260件", true, CmpGE, "260", "件"},
	{"高效高质量提供援助", false, "", "", ""},
	{"高效高质量 提供援助", false, "", "", ""},
	{"", false, "", "", ""},
	{"75%", true, CmpNone, "75", "%"},
	{"70%", true, CmpNone, "70", "%"},
	{"≥30 人次", true, CmpGE, "30", "人次"},
	{"≥65百分率", true, CmpGE, "65", "%"},
	{"**平米", false, "", "", ""},
	{"5 个月", true, CmpNone, "5", "个月"},
	{"100%", true, CmpNone, "100", "%"},
	{"年度预算", false, "", "", ""},
	{"≥20度", true, CmpGE, "20", "度"},
	{"≥90百分率", true, CmpGE, "90", "%"},
	{"≥1次", true, CmpGE, "1", "次"},
	{"≥75%", true, CmpGE, "75", "%"},
	{"年度计划", false, "", "", ""},
	{"≥70%", true, CmpGE, "70", "%"},
	{"≥65%百分率", true, CmpGE, "65", "%"},
	{"≥65%百分 率", true, CmpGE, "65", "%"},
	{"年终总结", false, "", "", ""},
	{"2020 年底", false, "", "", ""},
	{"节约成本", false, "", "", ""},
	{"≥100%", true, CmpGE, "100", "%"},
	{"报到人数", false, "", "", ""},
	{"≥70", true, CmpGE, "70", ""},
	{"≤0.2 百分率", true, CmpLE, "0.2", "%"},
	{"≤0.2 百分 率", true, CmpLE, "0.2", "%"},
	{"支出金额控制在预算额度内", false, "", "", ""},
	{"支出金额控 制在预算额 度内", false, "", "", ""},
	{"≥70百分率", true, CmpGE, "70", "%"},
	{"≥65百分率", true, CmpGE, "65", "%"},
	{"年度工作计划", false, "", "", ""},
	{"年度工作计 划", false, "", "", ""},
	{"≥60%", true, CmpGE, "60", "%"},
	{"≥75百分率", true, CmpGE, "75", "%"},
	{"≥95百分率", true, CmpGE, "95", "%"},
	{"≤0.4%", true, CmpLE, "0.4", "%"},
}

// realworldValues is every 指标值 in testdata/realworld/*.csv (tables that
// departments published), as transcribed; TestParseValueCoversRealworld
// keeps it complete.
var realworldValues = []valueCase{
	{"10辆", true, CmpNone, "10", "辆"},
	{"≥80M", true, CmpGE, "80", "M"},
	{"优良", false, "", "", ""},
	{"2023.07-2024.01", false, "", "", ""},
	{"250万", true, CmpNone, "250", "万"},
	{"≥85%", true, CmpGE, "85", "%"},
	{"≥90%", true, CmpGE, "90", "%"},
	{">=20平方米", true, CmpGE, "20", "平方米"},
	{">=4个", true, CmpGE, "4", "个"},
	{">=60亩", true, CmpGE, "60", "亩"},
	{">=98%", true, CmpGE, "98", "%"},
	{">=95%", true, CmpGE, "95", "%"},
	{"<=475元/亩", true, CmpLE, "475", "元/亩"},
	{"<=2875元/个", true, CmpLE, "2875", "元/个"},
	{"<=3000元/平方米", true, CmpLE, "3000", "元/平方米"},
	{">=6万元", true, CmpGE, "6", "万元"},
	{">=2.61万元", true, CmpGE, "2.61", "万元"},
	{">=60000人", true, CmpGE, "60000", "人"},
	{">=29人", true, CmpGE, "29", "人"},
	{">=90%", true, CmpGE, "90", "%"},
	{"≥100公里", true, CmpGE, "100", "公里"},
	{"≥20座", true, CmpGE, "20", "座"},
	{"100%", true, CmpNone, "100", "%"},
	{"≥100%", true, CmpGE, "100", "%"},
	{"1600元/亩", true, CmpNone, "1600", "元/亩"},
	{"3500公斤", true, CmpNone, "3500", "公斤"},
	{"≥500人", true, CmpGE, "500", "人"},
	{"≥1000人", true, CmpGE, "1000", "人"},
	{"≥500亩", true, CmpGE, "500", "亩"},
	{"≥200亩", true, CmpGE, "200", "亩"},
	{"≥20年", true, CmpGE, "20", "年"},
	{"≥95%", true, CmpGE, "95", "%"},
	{"=300天", true, CmpEQ, "300", "天"},
	{"=100百分比", true, CmpEQ, "100", "%"},
	{"=99百分比", true, CmpEQ, "99", "%"},
	{"长远", false, "", "", ""},
	{"提升", false, "", "", ""},
	{"增加岗位", false, "", "", ""},
	{"=30000人次", true, CmpEQ, "30000", "人次"},
	{"时限长远", false, "", "", ""},
}

// wordValues are the comparators in words and the units with a bracket or
// a middle dot that departments write (issue 13).
var wordValues = []valueCase{
	{"95%以上", true, CmpGE, "95", "%"},
	{"90%以下", true, CmpLE, "90", "%"},
	{"3个以上", true, CmpGE, "3", "个"},
	{"5次及以上", true, CmpGE, "5", "次"},
	{"20万元以内", true, CmpLE, "20", "万元"},
	{"不低于95%", true, CmpGE, "95", "%"},
	{"不少于3个", true, CmpGE, "3", "个"},
	{"不小于3个", true, CmpGE, "3", "个"},
	{"大于90%", true, CmpGT, "90", "%"},
	{"大于等于90%", true, CmpGE, "90", "%"},
	{"高于90%", true, CmpGT, "90", "%"},
	{"超过3次", true, CmpGT, "3", "次"},
	{"不超过20万元", true, CmpLE, "20", "万元"},
	{"不高于5%", true, CmpLE, "5", "%"},
	{"小于等于5%", true, CmpLE, "5", "%"},
	{"小于5%", true, CmpLT, "5", "%"},
	{"低于5%", true, CmpLT, "5", "%"},
	{"等于100%", true, CmpEQ, "100", "%"},
	{"达到95%", true, CmpGE, "95", "%"},
	{"不低于 95 %", true, CmpGE, "95", "%"},
	{"≥95%（含）", true, CmpGE, "95", "%"},
	{">95%（含）", true, CmpGE, "95", "%"},
	{"<5%(含)", true, CmpLE, "5", "%"},
	{"≥95%以上", true, CmpGE, "95", "%"},
	{">=95%", true, CmpGE, "95", "%"},
	{"<=5%", true, CmpLE, "5", "%"},
	{"≥3台（套）", true, CmpGE, "3", "台（套）"},
	{"≥2个（家）", true, CmpGE, "2", "个（家）"},
	{"≥2个(家)", true, CmpGE, "2", "个(家)"},
	{"≤50元/人·天", true, CmpLE, "50", "元/人·天"},
	{"≤3000元/平方米", true, CmpLE, "3000", "元/平方米"},
	{"≥1000人次", true, CmpGE, "1000", "人次"},
	// Still qualitative: words that contradict the sign, brackets that
	// do not close or open the unit, a dot first.
	{"≤90%以上", false, "", "", ""},
	{"≥3台（套", false, "", "", ""},
	{"≥3（套）", false, "", "", ""},
	{"≥3·天", false, "", "", ""},
	{"不低于", false, "", "", ""},
	{"有所提高", false, "", "", ""},
}

// otherValues covers the spellings the seed does not use.
var otherValues = []valueCase{
	// Comparators, ASCII and full-width.
	{">=90%", true, CmpGE, "90", "%"},
	{"<=5%", true, CmpLE, "5", "%"},
	{">3个", true, CmpGT, "3", "个"},
	{"<3个", true, CmpLT, "3", "个"},
	{"=100%", true, CmpEQ, "100", "%"},
	{"＞＝９０％", true, CmpGE, "90", "%"},
	{"＜＝５％", true, CmpLE, "5", "%"},
	{"≧80%", true, CmpGE, "80", "%"},
	{"≦1%", true, CmpLE, "1", "%"},
	{"⩾80%", true, CmpGE, "80", "%"},
	{"⩽1%", true, CmpLE, "1", "%"},
	{"＞3次", true, CmpGT, "3", "次"},
	{"＜3次", true, CmpLT, "3", "次"},
	{"＝100％", true, CmpEQ, "100", "%"},
	// Spaces around the comparator, the number and the unit.
	{" ≥ 30 人次 ", true, CmpGE, "30", "人次"},
	{"\u3000≥３０\u3000人次", true, CmpGE, "30", "人次"},
	{"≥ 90 %", true, CmpGE, "90", "%"},
	// Percent words, decimals, thousands, units.
	{"≥90百分比", true, CmpGE, "90", "%"},
	{"≥90％", true, CmpGE, "90", "%"},
	{"≤0.25%", true, CmpLE, "0.25", "%"},
	{"99.5%", true, CmpNone, "99.5", "%"},
	{"0.0001", true, CmpNone, "0.0001", ""},
	{"≥1,000册", true, CmpGE, "1000", "册"},
	{"≥1，000册", true, CmpGE, "1000", "册"},
	{"≥3年", true, CmpGE, "3", "年"},
	{"≥500平方米", true, CmpGE, "500", "平方米"},
	{"≥2次/年", true, CmpGE, "2", "次/年"},
	{"≥18℃", true, CmpGE, "18", "℃"},
	{"120㎡", true, CmpNone, "120", "㎡"},
	{"≥16.00万元", true, CmpGE, "16", "万元"},
	// Qualitative: no number first, a date, a long or odd tail, a bad number.
	{"≥", false, "", "", ""},
	{"≥高质量", false, "", "", ""},
	{"约90%", false, "", "", ""},
	{"2020年", false, "", "", ""},
	{"2020年12月31日", false, "", "", ""},
	{"2020年12月31日前", false, "", "", ""},
	{"5个月内完成全部工作任务", false, "", "", ""},
	{"1.2.3件", false, "", "", ""},
	{"0.123456%", false, "", "", ""},
	{"1e5件", false, "", "", ""},
	{"3-5次", false, "", "", ""},
	{"≥90%。", false, "", "", ""},
	{"≥99999999999999999999999件", false, "", "", ""},
	// Too large for the scaled int64: once wrapped round to a wrong number.
	{"≥100000000000000000件", false, "", "", ""},
	{"≥400000000000000000件", false, "", "", ""},
}

// allValues is every case above.
func allValues() []valueCase {
	return slices.Concat(seedValues, realworldValues, wordValues, otherValues)
}

func TestParseValue(t *testing.T) {
	for _, tt := range allValues() {
		v := ParseValue(tt.raw)
		if v.Raw != tt.raw {
			t.Errorf("ParseValue(%q).Raw = %q, want the input as written", tt.raw, v.Raw)
		}
		if v.Quantitative != tt.quant {
			t.Errorf("ParseValue(%q).Quantitative = %v, want %v (%+v)", tt.raw, v.Quantitative, tt.quant, v)
			continue
		}
		if !tt.quant {
			if v != (Value{Raw: tt.raw}) {
				t.Errorf("ParseValue(%q) = %+v, want only Raw set for qualitative text", tt.raw, v)
			}
			continue
		}
		if v.Cmp != tt.cmp || v.NumString() != tt.num || v.Unit != tt.unit {
			t.Errorf("ParseValue(%q) = cmp %q num %s unit %q, want %q %s %q", tt.raw, v.Cmp, v.NumString(), v.Unit, tt.cmp, tt.num, tt.unit)
		}
		if v.IsPercent() != (tt.unit == PercentUnit) {
			t.Errorf("ParseValue(%q).IsPercent() = %v", tt.raw, v.IsPercent())
		}
	}
}

func TestParseValueRawUnit(t *testing.T) {
	tests := []struct{ raw, rawUnit string }{
		{"≥65百分率", "百分率"},
		{"≥65%百分率", "%百分率"},
		{"≥65%百分 率", "%百分率"},
		{"≥30 人次", "人次"},
		{"75%", "%"},
		{"≥70", ""},
	}
	for _, tt := range tests {
		if got := ParseValue(tt.raw).RawUnit; got != tt.rawUnit {
			t.Errorf("ParseValue(%q).RawUnit = %q, want %q", tt.raw, got, tt.rawUnit)
		}
	}
}

// TestParseValueCoversSample makes sure the table above has a case for every
// 指标值 in Sample, so a new or changed value in the sample is pinned here.
func TestParseValueCoversSample(t *testing.T) {
	known := map[string]bool{}
	for _, c := range seedValues {
		known[c.raw] = true
	}
	for _, p := range Sample().Projects {
		for r, in := range p.Indicators {
			if !known[in.Value] {
				t.Errorf("%s row %d: value %q has no case in seedValues", p.ID, r+1, in.Value)
			}
		}
	}
}

// TestParseValueCoversRealworld makes sure realworldValues has a case for
// every 指标值 in the published tables under testdata/realworld.
func TestParseValueCoversRealworld(t *testing.T) {
	known := map[string]bool{}
	for _, c := range realworldValues {
		known[c.raw] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "realworld", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no realworld tables: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, rec := range recs[1:] {
			if v := rec[18]; !known[v] {
				t.Errorf("%s row %d: value %q has no case in realworldValues", name, i+2, v)
			}
		}
	}
}

// FuzzParseValue checks that ParseValue never panics, always keeps the text
// as written, and that a quantitative value's number re-parses exactly.
func FuzzParseValue(f *testing.F) {
	for _, c := range allValues() {
		f.Add(c.raw)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := ParseValue(s)
		if pv, ok := plainValue(s); ok && pv != parseValue(s) {
			t.Fatalf("%q: parsePlainValue %+v, parseValue %+v", s, pv, parseValue(s))
		}
		if v.Raw != s {
			t.Fatalf("ParseValue(%q).Raw = %q", s, v.Raw)
		}
		if !v.Quantitative {
			if v != (Value{Raw: s}) {
				t.Fatalf("ParseValue(%q) is qualitative but has parts: %+v", s, v)
			}
			return
		}
		if v.Num < 0 {
			t.Fatalf("ParseValue(%q).Num = %d, negative", s, v.Num)
		}
		n, err := parseFixed(v.NumString(), ValueScale, ValueScale, 1<<62)
		if err != nil || n != v.Num {
			t.Fatalf("ParseValue(%q): NumString %q re-parses to %d, %v; want %d", s, v.NumString(), n, err, v.Num)
		}
		// Written back in canonical form, the value parses to the same parts.
		canon := string(v.Cmp) + v.NumString() + v.Unit
		w := ParseValue(canon)
		if !w.Quantitative || w.Cmp != v.Cmp || w.Num != v.Num || w.Unit != v.Unit {
			t.Fatalf("ParseValue(%q) = %+v; its canonical form %q parses to %+v", s, v, canon, w)
		}
	})
}

func plainValue(s string) (Value, bool) {
	var v Value
	ok := parsePlainValue(s, &v)
	return v, ok
}

// TestPlainValueAgreesWithGeneral checks the one-pass reader against the
// general one on every value above and on the shapes it is meant for, and
// that it does take those shapes (a fast path that never runs would pass
// every other test).
func TestPlainValueAgreesWithGeneral(t *testing.T) {
	var raws []string
	for _, c := range allValues() {
		raws = append(raws, c.raw)
	}
	cmps := []string{"", "≥", "≤", ">", "<", "=", ">=", "＞", "≧", "⩽", " ≥", "≥ "}
	nums := []string{"0", "7", "260", "0.2", "12.34", "99.9999", "1.23456", "5.", ".5", "1,000", "１００", "2020", "99999999999999", "100000000000000"}
	units := []string{"", " ", "%", " %", "％", "件", " 人次", "  人次", "人次", "个月", "万元", "元", "年", " 年", "年底", "百分率", " 百分比", "百分", "%百分率", "平米", "平方米", "km", "六个字的单位", "七个字的长单位", "件。", "件 ", "\u3000件"}
	for _, c := range cmps {
		for _, n := range nums {
			for _, u := range units {
				raws = append(raws, c+n+u)
			}
		}
	}
	for _, s := range raws {
		if v, ok := plainValue(s); ok {
			if w := parseValue(s); v != w {
				t.Errorf("%q: parsePlainValue %+v, parseValue %+v", s, v, w)
			}
		}
	}
	for _, s := range []string{"≥260件", "≤0.2%", "100%", "5个月", "≤12.34万元", ">3次", "=1", "≥99.9999%", "≥30 人次", "≥65百分率", "90％", "3  %", "2021年12月31日前", "≥5年", "2020 年底"} {
		if _, ok := plainValue(s); !ok {
			t.Errorf("parsePlainValue(%q) declined a plain value", s)
		}
	}
}

// TestParseDecimalAgreesWithParseFixed tries every string of up to six
// characters over digits, point and comma, and long digit runs.
func TestParseDecimalAgreesWithParseFixed(t *testing.T) {
	const alphabet = "0159.,"
	check := func(s string) {
		got, ok := parseDecimal(s)
		want, err := parseFixed(s, ValueScale, ValueScale, 1<<62)
		if ok && (err != nil || got != want) {
			t.Fatalf("parseDecimal(%q) = %d; parseFixed says %d, %v", s, got, want, err)
		}
		if !ok && err == nil && !strings.Contains(s, ",") && !strings.HasPrefix(s, ".") && len(s) < 14 {
			t.Fatalf("parseDecimal(%q) declined a plain number (%d)", s, want)
		}
	}
	var walk func(prefix string)
	walk = func(prefix string) {
		check(prefix)
		if len(prefix) == 6 {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			walk(prefix + alphabet[i:i+1])
		}
	}
	walk("")
	for n := 1; n <= 20; n++ {
		check(strings.Repeat("9", n))
		check(strings.Repeat("9", n) + ".9999")
	}
}

// TestUnitLettersSkipTables backs canonicalUnit's shortcut: no CJK unified
// ideograph and no ASCII letter is a digit, space, punctuation or symbol.
func TestUnitLettersSkipTables(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			t.Errorf("%U is a digit, space, punctuation or symbol", r)
		}
	}
	for _, r := range "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			t.Errorf("%q is a digit, space, punctuation or symbol", r)
		}
	}
}

// TestNeedsNormalizingEveryRune checks the byte-wise test against the
// runes normalizeDigits maps, for every rune alone and inside text.
func TestNeedsNormalizingEveryRune(t *testing.T) {
	mapped := func(r rune) bool {
		return r >= '０' && r <= '９' || r == '．' || r == '。' || r == '，' || r == '－' || r == '＋' || r == '\u3000'
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if got := needsNormalizing(s); got != mapped(r) {
			t.Fatalf("needsNormalizing(%q) = %v", s, got)
		}
		if got := needsNormalizing("\xe3价" + s + "\xef"); got != mapped(r) {
			t.Fatalf("needsNormalizing(%q) inside text = %v", s, got)
		}
	}
}
