package model

import (
	"slices"
	"testing"
)

func TestCanonicalL1(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"产出指标", L1Output, true},
		{"产出", L1Output, true},
		{" 产出指标 ", L1Output, true},
		{"效益指标", L1Effect, true},
		{"效果指标", L1Effect, true}, // the older name, as in the seed
		{"效果", L1Effect, true},
		{"满意度指标", L1Satisfaction, true},
		{"满意度指 标", L1Satisfaction, true}, // OCR wrap
		{"满意度", L1Satisfaction, true},
		{"满意\u3000度", L1Satisfaction, true},
		{"成本指标", L1Cost, true},
		{"成本", L1Cost, true},
		{"", "", false},
		{"指标", "", false},
		{"数量指标", "", false},
		{"社会效益指标", "", false},
		{"产出指标指标", "", false},
	}
	for _, tt := range tests {
		got, ok := CanonicalL1(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalL1(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCanonicalL2(t *testing.T) {
	tests := []struct {
		in, want string
		parents  []string
		ok       bool
	}{
		{"数量指标", L2Quantity, []string{L1Output}, true},
		{"数量", L2Quantity, []string{L1Output}, true},
		{"质量指标", L2Quality, []string{L1Output}, true},
		{"时效", L2Timeliness, []string{L1Output}, true},
		{"社会效益 指标", "社会效益指标", []string{L1Effect}, true}, // OCR wrap
		{"社会效益", "社会效益指标", []string{L1Effect}, true},
		{"经济效益指标", "经济效益指标", []string{L1Effect}, true},
		{"生态效益指标", "生态效益指标", []string{L1Effect}, true},
		{"可持续影响", "可持续影响指标", []string{L1Effect}, true},
		{"服务对象 满意度指 标", L2Satisfaction, []string{L1Satisfaction}, true}, // OCR wrap
		{"服务对象满意度", L2Satisfaction, []string{L1Satisfaction}, true},
		{"生态环境成本指标", "生态环境成本指标", []string{L1Cost}, true},
		// 成本指标 is a 二级 of 产出 only; as the 2021 一级 its own 二级
		// are 经济/社会/生态环境成本指标.
		{"成本指标", L2Cost, []string{L1Output}, true},
		{"社会成本", "社会成本指标", []string{L1Cost}, true},
		{"效果指标", "", nil, false}, // a 一级 name, not a 二级
		{"满意度指标", "", nil, false},
		{"产出指标", "", nil, false},
		{"", "", nil, false},
		{"社会效益指标a", "", nil, false},
	}
	for _, tt := range tests {
		got, parents, ok := CanonicalL2(tt.in)
		if got != tt.want || ok != tt.ok || !slices.Equal(parents, tt.parents) {
			t.Errorf("CanonicalL2(%q) = %q, %v, %v; want %q, %v, %v", tt.in, got, parents, ok, tt.want, tt.parents, tt.ok)
		}
	}
}

func TestL1Names(t *testing.T) {
	want := []string{L1Output, L1Effect, L1Satisfaction, L1Cost}
	if got := L1Names(); !slices.Equal(got, want) {
		t.Errorf("L1Names() = %v, want %v", got, want)
	}
}

func TestL2Names(t *testing.T) {
	output := []string{L2Quantity, L2Quality, L2Timeliness, L2Cost}
	effect := []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}
	tests := []struct {
		l1   string
		want []string
	}{
		{"产出指标", output},
		{"产出", output},
		{"效益指标", effect},
		{"效果指标", effect},
		{"满意度指 标", []string{L2Satisfaction}},
		{"成本指标", []string{"经济成本指标", "社会成本指标", "生态环境成本指标"}},
	}
	for _, tt := range tests {
		if got := L2Names(tt.l1); !slices.Equal(got, tt.want) {
			t.Errorf("L2Names(%q) = %v, want %v", tt.l1, got, tt.want)
		}
	}
	// Unknown or empty: every 二级 name, in taxonomy order.
	var all []string
	for _, l1 := range Taxonomy {
		all = append(all, l1.Level2...)
	}
	for _, in := range []string{"", "不存在"} {
		if got := L2Names(in); !slices.Equal(got, all) {
			t.Errorf("L2Names(%q) = %v, want all %d names", in, got, len(all))
		}
	}
	// The result is a copy: changing it leaves the taxonomy alone.
	got := L2Names(L1Output)
	got[0] = "changed"
	if Taxonomy[0].Level2[0] != L2Quantity {
		t.Error("L2Names returned the taxonomy's own slice")
	}
}

// TestSampleNamesKnown checks the taxonomy against the seed: every 一级 and
// 二级 the sample uses is known, except the one slip the seed makes (an
// output row whose 二级 is the 一级 name 效果指标).
func TestSampleNamesKnown(t *testing.T) {
	for _, p := range Sample().Projects {
		for r, in := range p.Indicators {
			if _, ok := CanonicalL1(in.L1); !ok {
				t.Errorf("%s row %d: 一级 %q unknown", p.ID, r+1, in.L1)
			}
			if _, _, ok := CanonicalL2(in.L2); !ok && !(p.ID == "p01" && r == 3) {
				t.Errorf("%s row %d: 二级 %q unknown", p.ID, r+1, in.L2)
			}
		}
	}
}
