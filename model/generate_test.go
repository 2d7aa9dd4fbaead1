package model

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestGenerateSize(t *testing.T) {
	tests := []struct{ projects, rows, wantProjects, wantRows int }{
		{0, 0, 0, 0},
		{1, 0, 1, 0},
		{1, 1, 1, 1},
		{3, 2, 3, 2},
		{9, 7, 9, 7},
		{50, 30, 50, 30},
		{-1, -5, 0, 0},
	}
	for _, tt := range tests {
		d := Generate(tt.projects, tt.rows)
		tot := d.Totals()
		if tot.Projects != tt.wantProjects || tot.Indicators != tt.wantProjects*tt.wantRows {
			t.Errorf("Generate(%d, %d): %d projects, %d indicators; want %d, %d", tt.projects, tt.rows, tot.Projects, tot.Indicators, tt.wantProjects, tt.wantProjects*tt.wantRows)
		}
		for _, p := range d.Projects {
			if len(p.Indicators) != tt.wantRows {
				t.Errorf("Generate(%d, %d): project %s has %d rows", tt.projects, tt.rows, p.ID, len(p.Indicators))
			}
		}
		if d.UnitCode == "" || d.Year == 0 || d.Title == "" || len(d.Goals) == 0 || len(d.Measures) == 0 {
			t.Errorf("Generate(%d, %d): header or Part 1 missing: %+v", tt.projects, tt.rows, d.Key())
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(40, 12), Generate(40, 12)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls with the same arguments differ")
	}
	// Project i does not depend on how many follow it.
	small := Generate(10, 12)
	if !reflect.DeepEqual(small.Projects, a.Projects[:10]) {
		t.Error("Generate(10, 12) is not a prefix of Generate(40, 12)")
	}
	// And the copies are independent.
	a.Projects[0].Indicators[0].Value = "changed"
	if b.Projects[0].Indicators[0].Value == "changed" {
		t.Error("two calls share indicator rows")
	}
	// Different projects are actually different.
	if reflect.DeepEqual(a.Projects[1], a.Projects[2]) {
		t.Error("projects 2 and 3 are identical")
	}
}

func TestGenerateSums(t *testing.T) {
	d := Generate(500, 3)
	var budget, fiscal, other Money
	withOther := 0
	for _, p := range d.Projects {
		if p.Budget.Cmp(p.Fiscal.Add(p.Other)) != 0 {
			t.Errorf("%s: 预算数 %s != 财政资金 %s + 其他资金 %s", p.ID, p.Budget, p.Fiscal, p.Other)
		}
		if !p.Budget.IsSet() || !p.Fiscal.IsSet() || p.Budget.Units() <= 0 {
			t.Errorf("%s: 预算数 %q not a positive amount", p.ID, p.Budget)
		}
		if again, err := ParseMoney(p.Budget.String()); err != nil || again != p.Budget {
			t.Errorf("%s: 预算数 %s does not re-parse: %v", p.ID, p.Budget, err)
		}
		if p.Other.IsSet() {
			withOther++
		}
		budget, fiscal, other = budget.Add(p.Budget), fiscal.Add(p.Fiscal), other.Add(p.Other)
	}
	tot := d.Totals()
	if tot.Budget != budget || tot.Fiscal != fiscal || tot.Other != other {
		t.Errorf("Totals = %s/%s/%s, want %s/%s/%s", tot.Budget, tot.Fiscal, tot.Other, budget, fiscal, other)
	}
	if tot.Budget.Cmp(tot.Fiscal.Add(tot.Other)) != 0 {
		t.Errorf("total 预算数 %s != 财政资金 %s + 其他资金 %s", tot.Budget, tot.Fiscal, tot.Other)
	}
	// About a third of the projects have 其他资金; some must, most must not.
	if withOther < 100 || withOther > 250 {
		t.Errorf("%d of 500 projects have 其他资金, want about a third", withOther)
	}
}

var codeForm = regexp.MustCompile(`^315-040[1-5]-(JBN|YBN)-[0-9A-Z]{4,}$`)

func TestGenerateIDsCodesPlans(t *testing.T) {
	d := Generate(2000, 1)
	ids, codes := map[string]bool{}, map[string]bool{}
	for _, p := range d.Projects {
		if ids[p.ID] || codes[p.Code] {
			t.Fatalf("duplicate ID %q or code %q", p.ID, p.Code)
		}
		ids[p.ID], codes[p.Code] = true, true
		if !codeForm.MatchString(p.Code) {
			t.Errorf("%s: code %q is not in the seed's form", p.ID, p.Code)
		}
		if p.Name == "" || p.Use == "" || p.Goal == "" {
			t.Errorf("%s: empty name, use or goal", p.ID)
		}
		m := p.Plan.Months()
		if !m[3].IsHundred() {
			t.Errorf("%s: plan ends at %s, want 100", p.ID, m[3])
		}
		for k := 1; k < 4; k++ {
			if !m[k-1].IsSet() || m[k-1].Cmp(m[k]) > 0 {
				t.Errorf("%s: plan %v does not rise", p.ID, m)
			}
		}
	}
	// Past 36^4 the code grows a character and still never repeats.
	if c := genCode(36*36*36*36, rand.New(rand.NewPCG(1, 2))); !strings.HasSuffix(c, "-10000") {
		t.Errorf("code of project 36^4 = %q, want a five-character counter 10000", c)
	}
}

func TestGenerateIndicators(t *testing.T) {
	d := Generate(200, 16)
	l1s, l2s := map[string]int{}, map[string]int{}
	bases := map[string]bool{}
	quant, total := 0, 0
	for _, p := range d.Projects {
		last := ""
		for r, in := range p.Indicators {
			l1, ok := CanonicalL1(in.L1)
			if !ok || l1 != in.L1 {
				t.Fatalf("%s row %d: 一级 %q is not a standard name", p.ID, r+1, in.L1)
			}
			l2, parents, ok := CanonicalL2(in.L2)
			if !ok || l2 != in.L2 || !slices.Contains(parents, l1) {
				t.Fatalf("%s row %d: 二级 %q does not stand under %q", p.ID, r+1, in.L2, in.L1)
			}
			if in.L3 == "" || in.Desc == "" || in.Value == "" || in.Basis == "" {
				t.Fatalf("%s row %d: empty cell: %+v", p.ID, r+1, in)
			}
			l1s[l1]++
			l2s[l2]++
			bases[in.Basis] = true
			total++
			v := ParseValue(in.Value)
			if v.Quantitative {
				quant++
			}
			if l1 == L1Satisfaction && !v.IsPercent() {
				t.Errorf("%s row %d: 满意度 value %q is not a percentage", p.ID, r+1, in.Value)
			}
			last = l1
		}
		if last != L1Satisfaction {
			t.Errorf("%s: last row is %s, want 满意度指标 as printed tables end", p.ID, last)
		}
	}
	for _, l1 := range L1Names() {
		if l1s[l1] == 0 {
			t.Errorf("no rows under %s", l1)
		}
	}
	for _, l2 := range []string{L2Quantity, L2Quality, L2Timeliness, L2Cost, "社会效益指标", L2Satisfaction} {
		if l2s[l2] == 0 {
			t.Errorf("no rows under %s", l2)
		}
	}
	if len(bases) != len(genBases) {
		t.Errorf("bases used: %v, want all of %v", bases, genBases)
	}
	// Mostly quantitative, as real tables are, with some text values.
	if quant*10 < total*6 || quant == total {
		t.Errorf("%d of %d values quantitative, want most but not all", quant, total)
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(1000, 20)
	}
}
