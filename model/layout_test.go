package model

import (
	"slices"
	"strings"
	"testing"
)

func TestDetectLayout(t *testing.T) {
	out2020 := Indicator{"产出指标", "成本指标", "案件补贴", "", "≤10万元", "计划标准", ""}
	cost101 := Indicator{"成本指标", "经济成本指标", "项目总成本", "", "≤10万元", "计划标准", ""}
	social := Indicator{"成本", "社会成本", "占用耕地", "", "≤5亩", "计划标准", ""}
	l2Only := Indicator{"产出指标", "经济成本指标", "项目总成本", "", "≤10万元", "计划标准", ""}
	blankCost := Indicator{L1: "成本指标", L2: "经济成本指标"}
	other := Indicator{"产出指标", "数量指标", "受理数", "", "≥260件", "计划标准", ""}
	doc := func(year int, rows ...[]Indicator) *Document {
		d := &Document{Year: year}
		for _, r := range rows {
			d.Projects = append(d.Projects, Project{Indicators: r})
		}
		return d
	}
	tests := []struct {
		name  string
		d     *Document
		want  Layout
		mixed bool
	}{
		{"cost under 产出, year 2023", doc(2023, []Indicator{other, out2020}), Layout2020, false},
		{"cost as 一级, year 2020", doc(2020, []Indicator{other, cost101}), Layout101, false},
		{"short names", doc(2020, []Indicator{social}), Layout101, false},
		{"101 二级 under 产出", doc(2020, []Indicator{l2Only}), Layout101, false},
		{"no cost row, 2021", doc(2021, []Indicator{other}), Layout2020, false},
		{"no cost row, 2022", doc(2022, []Indicator{other}), Layout101, false},
		{"blank template row says nothing", doc(2020, []Indicator{other, blankCost}), Layout2020, false},
		{"mixed, 2020 majority", doc(2023, []Indicator{out2020, out2020}, []Indicator{cost101}), Layout2020, true},
		{"mixed, 101 majority", doc(2020, []Indicator{out2020}, []Indicator{cost101, social}), Layout101, true},
		{"mixed tie follows the year", doc(2021, []Indicator{out2020, cost101}), Layout2020, true},
		{"no projects, 2027", doc(2027), Layout101, false},
		{"nil", nil, Layout101, false},
	}
	for _, tt := range tests {
		got, mixed := DetectLayout(tt.d)
		if got != tt.want || mixed != tt.mixed {
			t.Errorf("%s: DetectLayout = %q mixed %v, want %q %v", tt.name, got, mixed, tt.want, tt.mixed)
		}
		if tt.d == nil {
			continue
		}
		tt.d.Layout = Layout2020
		if tt.d.EffectiveLayout() != Layout2020 {
			t.Errorf("%s: a set layout is not the effective one", tt.name)
		}
		tt.d.Layout = LayoutAuto
		if tt.d.EffectiveLayout() != tt.want {
			t.Errorf("%s: EffectiveLayout under auto = %q", tt.name, tt.d.EffectiveLayout())
		}
	}
}

func TestParseLayout(t *testing.T) {
	for in, want := range map[string]Layout{"": LayoutAuto, "auto": LayoutAuto, " 自动 ": LayoutAuto,
		"2020-style": Layout2020, "2020": Layout2020, "101号": Layout101, "101": Layout101} {
		if got, err := ParseLayout(in); err != nil || got != want {
			t.Errorf("ParseLayout(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseLayout("2021"); err == nil {
		t.Error("ParseLayout(2021) accepted an unknown layout")
	}
	for _, l := range Layouts {
		if got, err := ParseLayout(l.String()); err != nil || got != l {
			t.Errorf("%q does not read back: %q %v", l.String(), got, err)
		}
		if l.Label() == "" {
			t.Errorf("%q has no label", l)
		}
	}
}

// TestLayoutPickers: the pickers offer what the layout allows.
func TestLayoutPickers(t *testing.T) {
	if slices.Contains(LayoutL1Names(Layout2020), L1Cost) || !slices.Contains(LayoutL1Names(Layout101), L1Cost) {
		t.Errorf("一级 pickers: 2020 %v, 101 %v", LayoutL1Names(Layout2020), LayoutL1Names(Layout101))
	}
	if !slices.Contains(LayoutL2Names(Layout2020, "产出"), L2Cost) || slices.Contains(LayoutL2Names(Layout101, "产出指标"), L2Cost) {
		t.Errorf("产出 二级 pickers: 2020 %v, 101 %v", LayoutL2Names(Layout2020, "产出"), LayoutL2Names(Layout101, "产出指标"))
	}
	if !slices.Equal(LayoutL2Names(Layout101, "成本指标"), L2Names("成本指标")) {
		t.Errorf("成本 二级 picker under 101: %v", LayoutL2Names(Layout101, "成本指标"))
	}
}

// TestSuggestionsFollowLayout: a 2027 document without a cost row is
// told to add a 成本 一级, a 2020 one to add 成本指标 under 产出.
func TestSuggestionsFollowLayout(t *testing.T) {
	for _, tt := range []struct {
		year   int
		layout Layout
		want   string
	}{
		{2027, LayoutAuto, "设一级指标“成本指标”"},
		{2020, LayoutAuto, "在产出指标下设成本指标"},
		{2027, Layout2020, "在产出指标下设成本指标"},
		{2020, Layout101, "设一级指标“成本指标”"},
	} {
		d := cleanDoc(t)
		d.Year, d.Layout = tt.year, tt.layout
		d.Projects[0].Indicators = slices.Delete(d.Projects[0].Indicators, 3, 4)
		var sug string
		for _, f := range Check(d) {
			if f.Rule == RuleNeedCost {
				sug = f.Suggestion
			}
		}
		if !strings.Contains(sug, tt.want) {
			t.Errorf("%d %q: NEED_COST suggestion %q, want %q", tt.year, tt.layout, sug, tt.want)
		}
	}
}
