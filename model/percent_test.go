package model

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in         string
		hundredths int64
		str        string
		err        error
	}{
		{"20", 20_00, "20.00", nil},
		{"20.00", 20_00, "20.00", nil},
		{"33.5", 33_50, "33.50", nil},
		{"0", 0, "0.00", nil},
		{"0.01", 1, "0.01", nil},
		{"100", 100_00, "100.00", nil},
		{"100.00", 100_00, "100.00", nil},
		{"２０", 20_00, "20.00", nil},
		{"６５．５", 65_50, "65.50", nil},
		{"75%", 75_00, "75.00", nil},
		{"75％", 75_00, "75.00", nil},
		{"75 %", 75_00, "75.00", nil},
		{" 75% ", 75_00, "75.00", nil},
		{"\u3000７５％\u3000", 75_00, "75.00", nil},

		{"", 0, "", ErrEmpty},
		{"%", 0, "", ErrEmpty},
		{"-1", 0, "", ErrNegative},
		{"-0.5%", 0, "", ErrNegative},
		{"100.01", 0, "", ErrRange},
		{"101", 0, "", ErrRange},
		{"1000", 0, "", ErrRange},
		{"99999999999999999999", 0, "", ErrRange},
		{"33.333", 0, "", ErrTooPrecise},
		{"1e2", 0, "", ErrSyntax},
		{"20%%", 0, "", ErrSyntax},
		{"百分之二十", 0, "", ErrSyntax},
		{"20.", 0, "", ErrSyntax},
	}
	for _, tt := range tests {
		p, err := ParsePercent(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParsePercent(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if err != nil {
			if p.IsSet() {
				t.Errorf("ParsePercent(%q) failed but returned a set value %s", tt.in, p)
			}
			continue
		}
		if p.Hundredths() != tt.hundredths || !p.IsSet() || p.String() != tt.str {
			t.Errorf("ParsePercent(%q) = %d %q set=%v, want %d %q", tt.in, p.Hundredths(), p, p.IsSet(), tt.hundredths, tt.str)
		}
	}
}

func TestPercentUnsetAndHundred(t *testing.T) {
	var unset Percent
	if unset.IsSet() || unset.String() != "" || unset.IsHundred() {
		t.Errorf("zero Percent: set=%v %q hundred=%v", unset.IsSet(), unset, unset.IsHundred())
	}
	p, err := ParseOptionalPercent(" ")
	if err != nil || p.IsSet() {
		t.Errorf("ParseOptionalPercent(blank) = %v, %v; want unset", p, err)
	}
	if _, err := ParseOptionalPercent("120"); !errors.Is(err, ErrRange) {
		t.Errorf("ParseOptionalPercent(120) error = %v, want ErrRange", err)
	}
	for in, want := range map[string]bool{"100": true, "100.00": true, "99.99": false, "0": false} {
		p, err := ParsePercent(in)
		if err != nil {
			t.Fatal(err)
		}
		if p.IsHundred() != want {
			t.Errorf("ParsePercent(%q).IsHundred() = %v, want %v", in, p.IsHundred(), want)
		}
	}
	a, b := PercentHundredths(20_00), PercentHundredths(40_00)
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Error("Cmp does not order 20 < 40")
	}
}

func TestPercentJSON(t *testing.T) {
	in := Plan{Mar: PercentHundredths(20_00), Jun: PercentHundredths(40_50), Dec: PercentHundredths(100_00)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"mar":"20.00","jun":"40.50","oct":null,"dec":"100.00"}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	var out Plan
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	for _, bad := range []string{`"101"`, `20`, `"-1"`, `"x"`} {
		var p Percent
		if err := json.Unmarshal([]byte(bad), &p); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, p)
		}
	}
}

// FuzzParsePercent checks that any input either fails with a sentinel error
// or yields a value in 0–100 that formats and re-parses to itself.
func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"20", "20.00", "33.5", "75%", "７５％", "100", "100.01", "-1", "33.333", "", "%", " 75% ", "1e2"} {
		f.Add(s)
	}
	sentinels := []error{ErrEmpty, ErrNegative, ErrSyntax, ErrTooPrecise, ErrRange}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePercent(s)
		if err != nil {
			known := false
			for _, e := range sentinels {
				known = known || errors.Is(err, e)
			}
			if !known || p.IsSet() {
				t.Fatalf("ParsePercent(%q) = %v, %v: want an unset value and a sentinel error", s, p, err)
			}
			return
		}
		if !p.IsSet() || p.Hundredths() < 0 || p.Hundredths() > 100_00 {
			t.Fatalf("ParsePercent(%q) = %d hundredths: out of 0–100", s, p.Hundredths())
		}
		again, err := ParsePercent(p.String())
		if err != nil || again != p {
			t.Fatalf("ParsePercent(%q) = %s, which re-parses to %v, %v", s, p, again, err)
		}
		if withSign, err := ParsePercent(p.String() + "%"); err != nil || withSign != p {
			t.Fatalf("ParsePercent(%q) = %v, %v; want %s", p.String()+"%", withSign, err, p)
		}
	})
}
