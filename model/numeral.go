package model

import "strconv"

// ChineseNumber writes 1–99 as 一 … 九十九, for the （一） numbering of the
// 工作保障措施; larger numbers stay in digits.
func ChineseNumber(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	switch {
	case n < 1 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return string(d[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(d[n-10])
	case n%10 == 0:
		return string(d[n/10]) + "十"
	}
	return string(d[n/10]) + "十" + string(d[n%10])
}
