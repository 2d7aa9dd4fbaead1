package model

import (
	"slices"
	"testing"
)

// fiveChanges is the sample with five planned changes, one of each of the
// kinds a reviewer meets most: a value, money, a goal, a new row and a
// renamed project.
func fiveChanges() *Document {
	d := Sample()
	d.Projects[0].Indicators[0].Value = "≥300件"                                         // value_changed
	d.Projects[1].Budget, d.Projects[1].Fiscal = MoneyUnits(5_0000), MoneyUnits(5_0000) // money +0.36
	d.Projects[2].Goal = "全年开展普法宣传活动不少于 20 场"                                           // text
	d.Projects[3].Indicators = append(d.Projects[3].Indicators, Indicator{L1: "满意度指标", L2: "服务对象满意度指标", L3: "当事人满意度", Desc: "调解当事人满意程度", Value: "≥90%", Basis: "计划标准"})
	d.Projects[4].Name = "社区矫正工作经费" // project_renamed
	return d
}

func kinds(d *Diff) []ChangeKind {
	var ks []ChangeKind
	for _, c := range d.Changes {
		ks = append(ks, c.Kind)
	}
	return ks
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *Document)
		kinds []ChangeKind
		check func(t *testing.T, d *Diff)
	}{
		{name: "same", edit: func(*Document) {}},
		{
			name:  "value",
			edit:  func(d *Document) { d.Projects[0].Indicators[0].Value = "≥300件" },
			kinds: []ChangeKind{KindValueChanged},
			check: func(t *testing.T, d *Diff) {
				c := d.Changes[0]
				want := []FieldChange{{Field: "value", Old: "≥260件", New: "≥300件"}}
				if c.Row != 1 || c.ProjectCode != "315-0404-JBN-PIZB" || !slices.Equal(c.Fields, want) {
					t.Errorf("got %+v", c)
				}
			},
		},
		{
			name: "money exact difference",
			edit: func(d *Document) {
				d.Projects[1].Budget, d.Projects[1].Fiscal = MoneyUnits(4_6399), MoneyUnits(4_0000)
				d.Projects[1].Other = MoneyUnits(6399)
			},
			kinds: []ChangeKind{KindMoney},
			check: func(t *testing.T, d *Diff) {
				want := []FieldChange{
					{Field: "budget", Old: "4.64", New: "4.6399", Delta: "-0.0001"},
					{Field: "fiscal", Old: "4.64", New: "4.00", Delta: "-0.64"},
					{Field: "other", Old: "", New: "0.6399", Delta: "+0.6399"},
				}
				if got := d.Changes[0].Fields; !slices.Equal(got, want) {
					t.Errorf("got %+v\nwant %+v", got, want)
				}
			},
		},
		{
			name: "plan and texts",
			edit: func(d *Document) {
				d.Projects[0].Plan.Mar = PercentHundredths(25_00)
				d.Projects[0].Goal = "新"
				d.Projects[0].Use = "新"
			},
			kinds: []ChangeKind{KindPlan, KindText},
			check: func(t *testing.T, d *Diff) {
				if f := d.Changes[0].Fields; len(f) != 1 || f[0] != (FieldChange{Field: "plan.mar", Old: "20.00", New: "25.00"}) {
					t.Errorf("plan: %+v", f)
				}
				if f := d.Changes[1].Fields; len(f) != 2 || f[0].Field != "use" || f[1].Field != "goal" {
					t.Errorf("text: %+v", f)
				}
			},
		},
		{
			name:  "part 1",
			edit:  func(d *Document) { d.Overall = "新"; d.Measures = d.Measures[:5] },
			kinds: []ChangeKind{KindPart1},
			check: func(t *testing.T, d *Diff) {
				if f := d.Changes[0].Fields; len(f) != 3 || f[0].Field != "overall" || f[1].Field != "measures[6].title" {
					t.Errorf("%+v", f)
				}
			},
		},
		{
			name: "project moved, added, removed",
			edit: func(d *Document) {
				d.Projects[0], d.Projects[1] = d.Projects[1], d.Projects[0]
				d.Projects = append(d.Projects[:2], d.Projects[3:]...) // 普法宣传 gone
				d.Projects = append(d.Projects, Project{ID: "n", Code: "NEW", Name: "新项目"})
			},
			kinds: []ChangeKind{KindProjectAdded, KindProjectRemoved},
			check: func(t *testing.T, d *Diff) {
				if d.Changes[0].ProjectName != "新项目" || d.Changes[1].ProjectName != "普法宣传" {
					t.Errorf("%+v", d.Changes)
				}
			},
		},
		{
			name: "matched by name when the code changed",
			edit: func(d *Document) {
				d.Projects[2].Code = "315-0401-NEW"
				d.Projects[2], d.Projects[0] = d.Projects[0], d.Projects[2]
			},
			kinds: []ChangeKind{KindRenamed},
			check: func(t *testing.T, d *Diff) {
				if f := d.Changes[0].Fields; len(f) != 1 || f[0].Field != "code" || f[0].New != "315-0401-NEW" {
					t.Errorf("%+v", f)
				}
			},
		},
		{
			name: "rows matched by name, then position",
			edit: func(d *Document) {
				in := d.Projects[0].Indicators
				in[0], in[2] = in[2], in[0]                     // moved: no change
				in[3].L3 = "法律援助案件办结率"                          // renamed in place: row_changed
				in = append(in[:5], in[6])                      // row 6 removed
				in = append(in, Indicator{L1: "产出指标", L3: "新"}) // added
				d.Projects[0].Indicators = in
			},
			kinds: []ChangeKind{KindRowChanged, KindRowAdded, KindRowRemoved},
			check: func(t *testing.T, d *Diff) {
				c := d.Changes
				if c[0].Row != 4 || len(c[0].Fields) != 1 || c[0].Fields[0].Field != "l3" {
					t.Errorf("changed: %+v", c[0])
				}
				if c[1].Row != 7 || c[2].Row != 6 || c[2].RowName != "效果指标/社会效益指标/法律援助宣传人次" {
					t.Errorf("added %+v removed %+v", c[1], c[2])
				}
			},
		},
		{
			name:  "five planned changes",
			edit:  func(d *Document) { *d = *fiveChanges() },
			kinds: []ChangeKind{KindValueChanged, KindMoney, KindText, KindRowAdded, KindRenamed},
			check: func(t *testing.T, d *Diff) {
				if d.Changes[1].Fields[0].Delta != "+0.36" {
					t.Errorf("money delta %+v", d.Changes[1].Fields)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Sample(), Sample()
			tt.edit(b)
			d := Compare(a, b)
			if got := kinds(d); !slices.Equal(got, tt.kinds) {
				t.Fatalf("kinds %v, want %v\n%+v", got, tt.kinds, d.Changes)
			}
			if d.Same() != (len(tt.kinds) == 0) {
				t.Errorf("Same() = %v", d.Same())
			}
			if tt.check != nil {
				tt.check(t, d)
			}
			// Backwards, additions are removals and the count holds.
			back := Compare(b, a)
			if len(back.Changes) != len(d.Changes) || back.Count(KindProjectAdded) != d.Count(KindProjectRemoved) || back.Count(KindRowAdded) != d.Count(KindRowRemoved) {
				t.Errorf("reverse diff %v", kinds(back))
			}
		})
	}
}

func TestCompareRepeatedCodesFallBackToNames(t *testing.T) {
	a, b := Sample(), Sample()
	for _, d := range []*Document{a, b} {
		for i := range d.Projects {
			d.Projects[i].Code = "X"
		}
	}
	slices.Reverse(b.Projects)
	if d := Compare(a, b); !d.Same() {
		t.Errorf("reordered projects with one repeated code: %v", kinds(d))
	}
}

func TestCompareCounts(t *testing.T) {
	d := Compare(Sample(), fiveChanges())
	c := d.Counts()
	if len(c) != len(DiffKinds) || c[KindMoney] != 1 || c[KindRowAdded] != 1 || c[KindProjectAdded] != 0 {
		t.Errorf("%v", c)
	}
}

func BenchmarkDiff(b *testing.B) {
	a := Generate(1000, 10)
	c := Generate(1000, 10)
	// Every tenth project changed: a value, an amount, a goal, a new row or
	// a removed one, in turn.
	for i := 0; i < len(c.Projects); i += 10 {
		p := &c.Projects[i]
		switch i / 10 % 5 {
		case 0:
			p.Indicators[0].Value += "0"
		case 1:
			p.Budget = p.Budget.Add(MoneyUnits(1))
		case 2:
			p.Goal += "。"
		case 3:
			p.Indicators = append(p.Indicators, Indicator{L1: "产出指标", L3: "新增"})
		case 4:
			p.Indicators = p.Indicators[1:]
		}
	}
	b.Run("projects=1000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchSink += len(Compare(a, c).Changes)
		}
	})
}
