package ui

import (
	"testing"
)

func TestFieldCheck(t *testing.T) {
	tests := []struct {
		kind     fieldKind
		required bool
		in       string
		want     string
		err      string
	}{
		{kindMoney, false, "16", "16.00", ""},
		{kindMoney, false, " １６．５ ", "16.50", ""},
		{kindMoney, false, "1,234.5", "1234.50", ""},
		{kindMoney, false, "", "", ""},
		{kindMoney, true, "  ", "", "字段：不能为空"},
		{kindMoney, false, "16元", "0.0016", ""}, // 16 元, in 万元
		{kindMoney, false, "84万元", "84.00", ""},
		{kindMoney, false, "840,000元", "84.00", ""},
		{kindMoney, false, "0.5元", "", "字段：小数位数太多（金额以万元计，如 16.00；也可写 84万元 或 840,000元）"},
		{kindMoney, false, "16块", "", "字段：不是有效的数字（金额以万元计，如 16.00；也可写 84万元 或 840,000元）"},
		{kindPercent, false, "40", "40.00", ""},
		{kindPercent, false, "40%", "40.00", ""},
		{kindPercent, false, "101", "", "字段：应在 0 到 100 之间（百分比 0–100，如 40.00）"},
		{kindYear, true, "２０２０", "2020", ""},
		{kindYear, true, "20", "", "字段：应为四位数字的年度，如 2020"},
		{kindText, false, "  法律援助经费 ", "法律援助经费", ""},
		{kindMultiline, false, "  第一行\n第二行\n\n", "  第一行\n第二行", ""},
	}
	for _, tc := range tests {
		fd := &formField{Label: "字段", Kind: tc.kind, Required: tc.required}
		got, err := check(fd, tc.in)
		if got != tc.want || err != tc.err {
			t.Errorf("check(%v, %q) = %q, %q; want %q, %q", tc.kind, tc.in, got, err, tc.want, tc.err)
		}
	}
}

// FuzzFieldCheck: whatever is typed, check never panics, and what it keeps
// is already in its normal form (checking it again changes nothing), so a
// saved value never drifts on the next commit.
func FuzzFieldCheck(f *testing.F) {
	for _, s := range []string{"16", "16.00", "１６", "-1", "1e3", "100%", "2020", "法律援助", "1,234.5678", " \n"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		fd := &formField{Label: "字段", Kind: fieldKind(k % 5)}
		norm, msg := check(fd, s)
		if msg != "" {
			if norm != "" {
				t.Fatalf("check(%q) failed with %q but kept %q", s, msg, norm)
			}
			return
		}
		again, msg2 := check(fd, norm)
		if msg2 != "" || again != norm {
			t.Fatalf("check(%q) = %q, but check(%q) = %q, %q", s, norm, norm, again, msg2)
		}
	})
}
