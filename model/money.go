package model

import (
	"encoding/json"
	"fmt"
)

// MoneyScale is the number of decimals Money keeps: 4 decimals of 万元 is 1 元.
const MoneyScale = 4

// maxMoneyUnits bounds a single amount to 9,999,999,999.9999 万元, so that
// sums of up to 900,000 amounts still fit in an int64.
const maxMoneyUnits = 99_999_999_999_999

// Money is an exact amount in 万元 (ten thousand yuan) held as an integer
// count of 0.0001 万元. The zero value is "not filled in", which is distinct
// from an explicit 0. Sums are exact; no floating point is ever involved.
type Money struct {
	units int64
	set   bool
}

// MoneyUnits returns the amount of n ten-thousandths of 万元.
func MoneyUnits(n int64) Money { return Money{units: n, set: true} }

// ParseMoney reads an amount in 万元: "16", "16.00", "4.64", "1,234.5" and
// full-width "１６．００". It rejects negatives, exponents, more than 4
// decimals, amounts of 10^10 万元 or more, and empty text (ErrEmpty; callers
// that allow an empty amount check for it and keep the zero Money).
func ParseMoney(s string) (Money, error) {
	v, err := parseFixed(s, MoneyScale, MoneyScale, maxMoneyUnits)
	if err != nil {
		return Money{}, err
	}
	return Money{units: v, set: true}, nil
}

// ParseOptionalMoney is ParseMoney where empty text means "not filled in".
func ParseOptionalMoney(s string) (Money, error) {
	m, err := ParseMoney(s)
	if err == ErrEmpty {
		return Money{}, nil
	}
	return m, err
}

// IsSet reports whether the amount was filled in.
func (m Money) IsSet() bool { return m.set }

// Units returns the amount in ten-thousandths of 万元.
func (m Money) Units() int64 { return m.units }

// IsZero reports whether the amount is missing or exactly 0.
func (m Money) IsZero() bool { return m.units == 0 }

// Add returns the exact sum. A sum is set when either side is.
func (m Money) Add(o Money) Money {
	return Money{units: m.units + o.units, set: m.set || o.set}
}

// Sub returns m − o exactly (it may be negative).
func (m Money) Sub(o Money) Money {
	return Money{units: m.units - o.units, set: m.set || o.set}
}

// Cmp compares two amounts: -1, 0 or +1.
func (m Money) Cmp(o Money) int {
	switch {
	case m.units < o.units:
		return -1
	case m.units > o.units:
		return 1
	}
	return 0
}

// String formats with 2 decimals unless more are needed ("16.00", "4.6425");
// an amount not filled in is "".
func (m Money) String() string {
	if !m.set {
		return ""
	}
	return formatFixed(m.units, MoneyScale, 2)
}

// MarshalJSON stores the amount as its decimal string, or null when unset.
func (m Money) MarshalJSON() ([]byte, error) {
	if !m.set {
		return []byte("null"), nil
	}
	return json.Marshal(m.String())
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (m *Money) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = Money{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("money: %w", err)
	}
	v, err := ParseMoney(s)
	if err != nil {
		return fmt.Errorf("money %q: %w", s, err)
	}
	*m = v
	return nil
}
