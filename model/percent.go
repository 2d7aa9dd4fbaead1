package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// PercentScale is the number of decimals a Percent keeps.
const PercentScale = 2

const hundredPercent = 100_00

// Percent is an exact percentage from 0 to 100 with up to 2 decimals, held as
// hundredths of a percent. The zero value is "not filled in".
type Percent struct {
	hundredths int64
	set        bool
}

// PercentHundredths returns n hundredths of a percent.
func PercentHundredths(n int64) Percent { return Percent{hundredths: n, set: true} }

// ParsePercent reads "20", "20.00", "33.5", "２０", with an optional trailing
// % or ％. It rejects negatives, more than 2 decimals, and values above 100
// (ErrRange, however large they are).
func ParsePercent(s string) (Percent, error) {
	s = trimPercentSign(s)
	v, err := parseFixed(s, PercentScale, PercentScale, 1_000_000_00)
	if err == ErrOverflow {
		return Percent{}, ErrRange
	}
	if err != nil {
		return Percent{}, err
	}
	if v > hundredPercent {
		return Percent{}, ErrRange
	}
	return Percent{hundredths: v, set: true}, nil
}

// ParseOptionalPercent is ParsePercent where empty text means "not filled in".
func ParseOptionalPercent(s string) (Percent, error) {
	p, err := ParsePercent(s)
	if err == ErrEmpty {
		return Percent{}, nil
	}
	return p, err
}

func trimPercentSign(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"%", "％"} {
		if len(s) >= len(suf) && s[len(s)-len(suf):] == suf {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// IsSet reports whether the percentage was filled in.
func (p Percent) IsSet() bool { return p.set }

// Hundredths returns the value in hundredths of a percent.
func (p Percent) Hundredths() int64 { return p.hundredths }

// IsHundred reports whether the value is exactly 100.
func (p Percent) IsHundred() bool { return p.set && p.hundredths == hundredPercent }

// Cmp compares two percentages: -1, 0 or +1.
func (p Percent) Cmp(o Percent) int {
	switch {
	case p.hundredths < o.hundredths:
		return -1
	case p.hundredths > o.hundredths:
		return 1
	}
	return 0
}

// String formats with 2 decimals ("20.00"), as the printed tables do; a
// value not filled in is "".
func (p Percent) String() string {
	if !p.set {
		return ""
	}
	return formatFixed(p.hundredths, PercentScale, 2)
}

// MarshalJSON stores the value as its decimal string, or null when unset.
func (p Percent) MarshalJSON() ([]byte, error) {
	if !p.set {
		return []byte("null"), nil
	}
	return json.Marshal(p.String())
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (p *Percent) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = Percent{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("percent: %w", err)
	}
	v, err := ParsePercent(s)
	if err != nil {
		return fmt.Errorf("percent %q: %w", s, err)
	}
	*p = v
	return nil
}
