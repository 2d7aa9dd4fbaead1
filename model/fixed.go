package model

import (
	"strings"
	"unicode/utf8"
)

// parseFixed reads a non-negative decimal written with ASCII or full-width
// digits, optional thousands commas in the integer part, and at most maxDec
// decimals. It returns the value scaled by 10^scale (scale >= maxDec), so
// 16.5 with scale 4 is 165000. It never uses floating point.
func parseFixed(s string, scale, maxDec int, max int64) (int64, error) {
	s = strings.TrimSpace(normalizeDigits(s))
	if s == "" {
		return 0, ErrEmpty
	}
	if s[0] == '-' {
		return 0, ErrNegative
	}
	if s[0] == '+' {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" && (!hasDot || frac == "") {
		return 0, ErrSyntax
	}
	if hasDot && frac == "" {
		return 0, ErrSyntax
	}
	// Thousands separators: only between groups of three digits.
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, ErrSyntax
			}
		}
		intPart = strings.Join(groups, "")
	}
	if len(frac) > maxDec {
		return 0, ErrTooPrecise
	}
	var v int64
	for _, c := range intPart {
		if c < '0' || c > '9' {
			return 0, ErrSyntax
		}
		d := int64(c - '0')
		// Checked before multiplying, so that no digit string, however
		// long, can wrap the int64 round to a small or negative value.
		if v > (max-d)/10 {
			return 0, ErrOverflow
		}
		v = v*10 + d
	}
	for i := 0; i < scale; i++ {
		if v > max/10 {
			return 0, ErrOverflow
		}
		v *= 10
	}
	var f int64
	for i, c := range frac {
		if c < '0' || c > '9' {
			return 0, ErrSyntax
		}
		d := int64(c - '0')
		for j := i + 1; j < scale; j++ {
			d *= 10
		}
		f += d
	}
	v += f
	if v > max {
		return 0, ErrOverflow
	}
	return v, nil
}

// formatFixed writes v (scaled by 10^scale) with at least minDec decimals,
// and more only when they are not zero.
func formatFixed(v int64, scale, minDec int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	pow := int64(1)
	for i := 0; i < scale; i++ {
		pow *= 10
	}
	ip, fp := v/pow, v%pow
	digits := []byte(itoa(fp))
	for len(digits) < scale {
		digits = append([]byte{'0'}, digits...)
	}
	n := len(digits)
	for n > minDec && digits[n-1] == '0' {
		n--
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(itoa(ip))
	if n > 0 {
		b.WriteByte('.')
		b.Write(digits[:n])
	}
	return b.String()
}

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}

// normalizeDigits maps full-width digits, point, comma, signs and spaces to
// ASCII so that text typed through a Chinese input method parses the same.
func normalizeDigits(s string) string {
	if !needsNormalizing(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '，':
			b.WriteByte(',')
		case r == '－':
			b.WriteByte('-')
		case r == '＋':
			b.WriteByte('+')
		case r == '\u3000':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsNormalizing reports whether normalizeDigits would change s, so the
// common case (ASCII or Chinese text without full-width digits) allocates
// nothing. Every rune normalizeDigits maps starts with byte 0xEF or 0xE3,
// which is never a continuation byte, so decoding only there sees the same
// runes a rune-by-rune reading would.
func needsNormalizing(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != 0xEF && c != 0xE3 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r >= '０' && r <= '９' || r == '．' || r == '。' || r == '，' || r == '－' || r == '＋' || r == '\u3000' {
			return true
		}
	}
	return false
}
