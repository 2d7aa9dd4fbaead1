package model

import (
	"fmt"
	"slices"
	"testing"
)

func l3s(rows []LibraryRow) []string {
	var s []string
	for _, r := range rows {
		s = append(s, r.L3)
	}
	return s
}

func TestLibrarySearch(t *testing.T) {
	old := Sample()
	cur := Sample()
	cur.Year = 2021
	cur.Projects[0].Indicators[6].Value = "≥90%" // the 2021 群众满意度 row differs from 2020's
	l := NewLibrary([]*Document{old, cur})

	tests := []struct {
		q     string
		limit int
		want  []string
	}{
		{"", 5, nil},
		{"满意", 5, []string{"群众满意度", "群众满意度", "在职人员满意度", "社区矫正满意度"}},
		{"群众满意度", 3, []string{"群众满意度", "群众满意度", "群众满意度"}},
		{"支付及时率", 3, []string{"支付及时率", "资金支付及时率"}},
		{"验收合格", 3, []string{"验收合格率", "验收合格率"}}, // the sample's, then the starter row
		{"经济成本", 3, []string{"经济成本"}},
		{"不存在的指标", 3, nil},
		{"率", 2, nil}, // checked below: two rows, some ending in 率
	}
	for _, tt := range tests {
		got := l.Search(tt.q, tt.limit)
		if tt.q == "率" {
			if len(got) != 2 {
				t.Errorf("Search(率) = %v", l3s(got))
			}
			continue
		}
		if tt.q == "满意" {
			// Prefixes first (none start with 满意), then containing:
			// the sample's rows before the starter rows, the newest first.
			if len(got) != 5 || got[0].Year != 2021 || got[0].Source != "抚宁区司法局 2021" || got[4].BuiltIn() && got[3].BuiltIn() {
				t.Errorf("Search(满意) = %v %+v", l3s(got), got[0])
			}
			continue
		}
		if g := l3s(got); !slices.Equal(g, tt.want) {
			t.Errorf("Search(%q, %d) = %v, want %v", tt.q, tt.limit, g, tt.want)
		}
	}
	// The exact 三级 ranks before the longer one, whatever the use count.
	if got := l.Search("支付及时率", 3); got[0].Uses != 2 || got[1].Source != starterSource || got[1].Value != "=100%" || got[1].Basis != "计划标准" {
		t.Errorf("支付及时率: %+v", got)
	}
}

func TestLibraryRowsAndBases(t *testing.T) {
	l := NewLibrary([]*Document{Sample(), Sample()})
	n := 0
	for _, p := range Sample().Projects {
		for _, in := range p.Indicators {
			if in.L3 != "" {
				n++
			}
		}
	}
	rows := l.Rows()
	fromFile := 0
	for _, r := range rows {
		if !r.BuiltIn() {
			fromFile++
			if r.Uses%2 != 0 {
				t.Errorf("row %q used %d times, want an even number (two copies)", r.L3, r.Uses)
			}
		}
	}
	if fromFile > n || fromFile < n-2 || len(rows) != fromFile+len(starterRows) {
		t.Errorf("%d rows from the file (of %d), %d in all", fromFile, n, len(rows))
	}
	if b := l.Bases(); !slices.Equal(b[:5], BasisStandards) || len(b) < 20 || !slices.Contains(b, "工作计划") {
		t.Errorf("Bases = %v", b)
	}
	if got := l.Find("宣传"); len(got) < 3 || rankIn(got[0].L3, "宣传") > rankIn(got[len(got)-1].L3, "宣传") {
		t.Errorf("Find(宣传) = %v", l3s(got))
	}
	if len(l.Find("")) != len(rows) {
		t.Error("Find of blank text is not every row")
	}
}

func TestStarterRowsAreWellFormed(t *testing.T) {
	for _, in := range StarterRows() {
		if in.L1 == "" || in.L2 == "" || in.L3 == "" || in.Desc == "" || in.Value == "" || !slices.Contains(BasisStandards, in.Basis) {
			t.Errorf("starter row %+v", in)
		}
	}
	for _, want := range []string{"资金支付及时率", "服务对象满意度", "项目完成率", "验收合格率", "经济成本"} {
		if !slices.ContainsFunc(StarterRows(), func(in Indicator) bool { return in.L3 == want }) {
			t.Errorf("no starter row %s", want)
		}
	}
}

// LibraryOf returns a library of n distinct rows from the generator's
// documents (every row made distinct by its value), for benchmarks.
func libraryOf(n int) *Library {
	d := Generate((n+9)/10, 10)
	k := 0
	for i := range d.Projects {
		for j := range d.Projects[i].Indicators {
			d.Projects[i].Indicators[j].Value = fmt.Sprintf("≥%d件", k)
			k++
		}
	}
	return NewLibrary([]*Document{d})
}

func BenchmarkLibrarySearch(b *testing.B) {
	for _, n := range []int{100, 50_000} {
		l := libraryOf(n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			for b.Loop() {
				benchSink += len(l.Search("满意", 8)) + len(l.Search("满", 8))
			}
		})
	}
}

// TestLibrarySearchTiersBeatUses: equal, then prefixed, then containing,
// however often the later ones are used; within a tier, more uses first.
func TestLibrarySearchTiersBeatUses(t *testing.T) {
	row := func(l3 string) Indicator { return Indicator{L1: "满意度指标", L3: l3} }
	p := Project{Indicators: []Indicator{row("满意"), row("满意度"), row("满意率"), row("满意率"), row("服务满意"), row("服务满意"), row("服务满意"), row("群众满意")}}
	l := NewLibrary([]*Document{{UnitName: "x", Year: 2021, Projects: []Project{p}}})
	got := l3s(l.Search("满意", 5))
	want := []string{"满意", "满意率", "满意度", "服务满意", "群众满意"}
	if !slices.Equal(got, want) {
		t.Errorf("Search(满意) = %v, want %v", got, want)
	}
	if got := l3s(l.Search("满意", 2)); !slices.Equal(got, want[:2]) {
		t.Errorf("limit 2: %v", got)
	}
	// The file's prefixed row before the starter rows'.
	if got := l3s(l.Search("服务", 9)); len(got) < 2 || got[0] != "服务满意" || got[1] != "服务覆盖率" {
		t.Errorf("Search(服务) = %v", got)
	}
}
