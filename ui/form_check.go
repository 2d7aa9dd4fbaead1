package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"jixiao/model"
)

// check validates text for fd and returns the normalised text or a Chinese
// message naming the field.
func check(fd *formField, text string) (string, string) {
	t := strings.TrimSpace(text)
	if fd.Kind == kindMultiline {
		t = strings.TrimRight(text, " \t\n")
	}
	if t == "" {
		if fd.Required {
			return "", fd.Label + "：不能为空"
		}
		return "", ""
	}
	switch fd.Kind {
	case kindMoney:
		m, err := parseWanYuan(t)
		if err != nil {
			return "", fd.Label + "：" + numberError(err) + "（金额以万元计，如 16.00；也可写 84万元 或 840,000元）"
		}
		return m.String(), ""
	case kindPercent:
		p, err := model.ParsePercent(t)
		if err != nil {
			return "", fd.Label + "：" + numberError(err) + "（百分比 0–100，如 40.00）"
		}
		return p.String(), ""
	case kindChoice:
		if !slices.Contains(fd.Options, t) {
			return "", fd.Label + "：应为 " + strings.Join(fd.Options, " 或 ")
		}
	case kindYear:
		// Input methods often leave full-width digits (２０２０).
		k, err := model.ParseDocKey("x/" + width.Narrow.String(t))
		if err != nil {
			return "", fd.Label + "：应为四位数字的年度，如 2020"
		}
		return strconv.Itoa(k.Year), ""
	}
	return t, ""
}

// parseWanYuan reads an amount in 万元 as accountants write it: 16.00,
// 1,234.5, 84万元, or in 元 (840,000元), converted exactly (1 元 is the
// smallest unit kept; 0.5 元 is too precise).
func parseWanYuan(s string) (model.Money, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "，", "")
	if n, ok := strings.CutSuffix(s, "万元"); ok {
		return model.ParseMoney(strings.TrimSpace(n))
	}
	n, ok := strings.CutSuffix(s, "元")
	if !ok {
		return model.ParseMoney(s)
	}
	m, err := model.ParseMoney(strings.TrimSpace(n))
	if err != nil {
		return m, err
	}
	if m.Units()%10000 != 0 {
		return model.Money{}, model.ErrTooPrecise
	}
	return model.MoneyUnits(m.Units() / 10000), nil
}

// numberError says in Chinese what is wrong with a number.
func numberError(err error) string {
	switch {
	case errors.Is(err, model.ErrNegative):
		return "不能为负数"
	case errors.Is(err, model.ErrTooPrecise):
		return "小数位数太多"
	case errors.Is(err, model.ErrOverflow):
		return "数额太大"
	case errors.Is(err, model.ErrRange):
		return "应在 0 到 100 之间"
	case errors.Is(err, model.ErrEmpty):
		return "不能为空"
	}
	return "不是有效的数字"
}
