package model

import "testing"

// sumBytes reads every byte of s.
func sumBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(s[i])
	}
	return n
}

// scanDocument reads every field of every project once, every byte of
// every text: the least any rule set that looks at the whole document must
// do, and the yardstick for BenchmarkCheck (Check should stay within about
// 3× of it). Summing string lengths alone would touch no text at all.
func scanDocument(d *Document) int {
	n := 0
	for i := range d.Projects {
		p := &d.Projects[i]
		n += sumBytes(p.ID) + sumBytes(p.Code) + sumBytes(p.Name) + sumBytes(p.Use) + sumBytes(p.Goal)
		n += int(p.Budget.Units() + p.Fiscal.Units() + p.Other.Units())
		for _, m := range p.Plan.Months() {
			n += int(m.Hundredths())
		}
		for j := range p.Indicators {
			in := &p.Indicators[j]
			n += sumBytes(in.L1) + sumBytes(in.L2) + sumBytes(in.L3) + sumBytes(in.Desc) + sumBytes(in.Value) + sumBytes(in.Basis)
		}
	}
	return n
}

var benchSink int

func BenchmarkCheck(b *testing.B) {
	d := Generate(1000, 10)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			benchSink += scanDocument(d)
		}
	})
	b.Run("projects=1000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink += len(Check(d))
		}
	})
	b.Run("one project", func(b *testing.B) {
		b.ReportAllocs()
		p := &d.Projects[500]
		for b.Loop() {
			benchSink += len(CheckProject(d, p))
		}
	})
}
