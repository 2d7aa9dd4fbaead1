package model

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in    string
		units int64
		str   string
		err   error
	}{
		{"16", 16_0000, "16.00", nil},
		{"16.00", 16_0000, "16.00", nil},
		{"4.64", 4_6400, "4.64", nil},
		{"26.45", 26_4500, "26.45", nil},
		{"0", 0, "0.00", nil},
		{"0.0001", 1, "0.0001", nil},
		{"4.6425", 4_6425, "4.6425", nil},
		{"4.640", 4_6400, "4.64", nil},
		{".5", 5000, "0.50", nil},
		{"+3", 3_0000, "3.00", nil},
		{"007.10", 7_1000, "7.10", nil},
		{"  12.5  ", 12_5000, "12.50", nil},
		{"1,234.5", 1234_5000, "1234.50", nil},
		{"1,234,567", 1234567_0000, "1234567.00", nil},
		{"１６．００", 16_0000, "16.00", nil},
		{"１，２３４．５", 1234_5000, "1234.50", nil},
		{"\u3000４.６４\u3000", 4_6400, "4.64", nil},
		{"9999999999.9999", 99_999_999_999_999, "9999999999.9999", nil},

		{"", 0, "", ErrEmpty},
		{"   ", 0, "", ErrEmpty},
		{"-1", 0, "", ErrNegative},
		{"－５", 0, "", ErrNegative},
		{"-0", 0, "", ErrNegative},
		{"1e5", 0, "", ErrSyntax},
		{"1E5", 0, "", ErrSyntax},
		{"16.", 0, "", ErrSyntax},
		{".", 0, "", ErrSyntax},
		{"+", 0, "", ErrSyntax},
		{"1.2.3", 0, "", ErrSyntax},
		{"12,34", 0, "", ErrSyntax},
		{",123", 0, "", ErrSyntax},
		{"1234,567", 0, "", ErrSyntax},
		{"1 000", 0, "", ErrSyntax},
		{"16万元", 0, "", ErrSyntax},
		{"0x10", 0, "", ErrSyntax},
		{"NaN", 0, "", ErrSyntax},
		{"--1", 0, "", ErrNegative},
		{"+-1", 0, "", ErrSyntax},
		{"1.23456", 0, "", ErrTooPrecise},
		{"0.00001", 0, "", ErrTooPrecise},
		{"10000000000", 0, "", ErrOverflow},
		{"9999999999.99999", 0, "", ErrTooPrecise},
		{"99999999999999999999999999", 0, "", ErrOverflow},
		{"922337203685477580799", 0, "", ErrOverflow},
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseMoney(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if err != nil {
			if m.IsSet() {
				t.Errorf("ParseMoney(%q) failed but returned a set amount %s", tt.in, m)
			}
			continue
		}
		if m.Units() != tt.units || !m.IsSet() || m.String() != tt.str {
			t.Errorf("ParseMoney(%q) = %d units %q set=%v, want %d %q", tt.in, m.Units(), m, m.IsSet(), tt.units, tt.str)
		}
	}
}

func TestParseOptionalMoney(t *testing.T) {
	m, err := ParseOptionalMoney("  ")
	if err != nil || m.IsSet() {
		t.Errorf("ParseOptionalMoney(blank) = %v, %v; want unset, nil", m, err)
	}
	m, err = ParseOptionalMoney("0")
	if err != nil || !m.IsSet() || !m.IsZero() {
		t.Errorf("ParseOptionalMoney(0) = %v set=%v, %v; want a set zero", m, m.IsSet(), err)
	}
	if _, err := ParseOptionalMoney("-2"); !errors.Is(err, ErrNegative) {
		t.Errorf("ParseOptionalMoney(-2) error = %v, want ErrNegative", err)
	}
}

func mustMoney(t testing.TB, s string) Money {
	t.Helper()
	m, err := ParseMoney(s)
	if err != nil {
		t.Fatalf("ParseMoney(%q): %v", s, err)
	}
	return m
}

func TestMoneyArithmetic(t *testing.T) {
	tests := []struct {
		a, b, sum, diff string
		cmp             int
	}{
		{"0.1", "0.2", "0.30", "-0.10", -1},
		{"16.00", "4.64", "20.64", "11.36", 1},
		{"0.0001", "0.0002", "0.0003", "-0.0001", -1},
		{"45", "45.00", "90.00", "0.00", 0},
		{"9999999999.9999", "0.0001", "10000000000.00", "9999999999.9998", 1},
	}
	for _, tt := range tests {
		a, b := mustMoney(t, tt.a), mustMoney(t, tt.b)
		if got := a.Add(b).String(); got != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.sum)
		}
		if got := a.Sub(b).String(); got != tt.diff {
			t.Errorf("%s − %s = %s, want %s", tt.a, tt.b, got, tt.diff)
		}
		if got := a.Cmp(b); got != tt.cmp {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.cmp)
		}
	}
	// 0.1 + 0.2 is exactly 0.3, unlike float64.
	if mustMoney(t, "0.1").Add(mustMoney(t, "0.2")).Cmp(mustMoney(t, "0.3")) != 0 {
		t.Error("0.1 + 0.2 != 0.3")
	}
	// Ten thousand additions of 0.01 are exactly 100.
	var acc Money
	cent := mustMoney(t, "0.01")
	for i := 0; i < 10_000; i++ {
		acc = acc.Add(cent)
	}
	if acc.String() != "100.00" {
		t.Errorf("10000 × 0.01 = %s, want 100.00", acc)
	}
}

func TestMoneyUnsetAndZero(t *testing.T) {
	var unset Money
	if unset.IsSet() || unset.String() != "" || !unset.IsZero() {
		t.Errorf("zero Money: set=%v %q zero=%v; want unset, \"\", zero", unset.IsSet(), unset, unset.IsZero())
	}
	if s := unset.Add(unset); s.IsSet() {
		t.Error("unset + unset is set")
	}
	if s := unset.Add(mustMoney(t, "4.64")); !s.IsSet() || s.String() != "4.64" {
		t.Errorf("unset + 4.64 = %q set=%v", s, s.IsSet())
	}
	if s := mustMoney(t, "1").Sub(mustMoney(t, "1.5")); s.String() != "-0.50" || s.Units() != -5000 {
		t.Errorf("1 − 1.5 = %q (%d units), want -0.50", s, s.Units())
	}
}

func TestSampleSumExact(t *testing.T) {
	var sum Money
	for _, s := range []string{"16.00", "4.64", "7.00", "12.00", "45.00", "26.45", "32.00", "61.00", "3.00"} {
		sum = sum.Add(mustMoney(t, s))
	}
	if sum.String() != "207.09" || sum.Units() != 207_0900 {
		t.Errorf("sum of the seed's 预算数 = %s, want 207.09", sum)
	}
}

func TestMoneyJSON(t *testing.T) {
	type row struct {
		A Money `json:"a"`
		B Money `json:"b"`
		C Money `json:"c"`
	}
	in := row{A: mustMoney(t, "16"), B: mustMoney(t, "4.6425")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"a":"16.00","b":"4.6425","c":null}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	var out row
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	if out.C.IsSet() {
		t.Error("null came back set")
	}
	zero := mustMoney(t, "0")
	b, _ = json.Marshal(zero)
	var z Money
	if err := json.Unmarshal(b, &z); err != nil || !z.IsSet() || !z.IsZero() {
		t.Errorf("explicit 0 round trip: %s → %v set=%v err=%v", b, z, z.IsSet(), err)
	}

	for _, bad := range []string{`"-1"`, `16`, `"abc"`, `"1.23456"`, `{}`} {
		var m Money
		if err := json.Unmarshal([]byte(bad), &m); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, m)
		}
	}
}

// FuzzParseMoney checks that any input either fails with a sentinel error
// or yields a set amount that formats and re-parses to itself.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"16", "16.00", "4.64", "1,234.5", "１６．００", "-1", "1e5", "1.23456", "10000000000", "", ".5", "0.0001", "9999999999.9999", "922337203685477580799"} {
		f.Add(s)
	}
	sentinels := []error{ErrEmpty, ErrNegative, ErrSyntax, ErrTooPrecise, ErrOverflow}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			known := false
			for _, e := range sentinels {
				known = known || errors.Is(err, e)
			}
			if !known || m.IsSet() {
				t.Fatalf("ParseMoney(%q) = %v, %v: want an unset amount and a sentinel error", s, m, err)
			}
			return
		}
		if !m.IsSet() || m.Units() < 0 || m.Units() > maxMoneyUnits {
			t.Fatalf("ParseMoney(%q) = %d units set=%v: out of bounds", s, m.Units(), m.IsSet())
		}
		again, err := ParseMoney(m.String())
		if err != nil || again != m {
			t.Fatalf("ParseMoney(%q) = %s, which re-parses to %v, %v", s, m, again, err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Money
		if err := json.Unmarshal(b, &back); err != nil || back != m {
			t.Fatalf("JSON round trip of %s: %v, %v", m, back, err)
		}
	})
}
