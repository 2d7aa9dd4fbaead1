package model

import (
	"reflect"
	"testing"
)

func TestLayout101Rows(t *testing.T) {
	tests := []struct {
		name       string
		in         Indicator
		toL1, toL2 string
		moved      bool
	}{
		{"产出/成本 becomes the 一级 成本", Indicator{L1: "产出指标", L2: "成本指标", L3: "节约成本"}, "成本指标", "经济成本指标", true},
		{"效果 is 效益", Indicator{L1: "效果指标", L2: "社会效益指标"}, "效益指标", "社会效益指标", true},
		{"old 满意度 under 效益", Indicator{L1: "效益指标", L2: "服务对象满意度指标"}, "满意度指标", "服务对象满意度指标", true},
		{"old 满意度 under 效果", Indicator{L1: "效果指标", L2: "服务对象满意度"}, "满意度指标", "服务对象满意度", true},
		{"a 一级 name as 二级, the 三级 a 二级", Indicator{L1: "产出指标", L2: "效果指标", L3: "社会效益指标"}, "效益指标", "社会效益指标", true},
		{"a 一级 name as 二级, nothing to pick", Indicator{L1: "产出指标", L2: "满意度指标", L3: "群众满意度"}, "满意度指标", "", true},
		{"101号 already", Indicator{L1: "成本指标", L2: "经济成本指标"}, "成本指标", "经济成本指标", false},
		{"产出/数量 stays", Indicator{L1: "产出指标", L2: "数量指标"}, "产出指标", "数量指标", false},
		{"unknown names stay", Indicator{L1: "项目完成", L2: "自定"}, "项目完成", "自定", false},
		{"blank stays", Indicator{}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{Projects: []Project{{Code: "A", Name: "甲", Indicators: []Indicator{tt.in}}}}
			moves := MovesTo101(d)
			if !tt.moved {
				if len(moves) != 0 {
					t.Fatalf("moves %+v", moves)
				}
				return
			}
			want := []LayoutMove{{Code: "A", Name: "甲", FromL1: tt.in.L1, FromL2: tt.in.L2, ToL1: tt.toL1, ToL2: tt.toL2, IndicatorL3: tt.in.L3}}
			if !reflect.DeepEqual(moves, want) {
				t.Fatalf("moves %+v\nwant %+v", moves, want)
			}
			if d.Projects[0].Indicators[0] != tt.in {
				t.Fatal("MovesTo101 changed the document")
			}
			ApplyLayout(d, moves)
			if got := d.Projects[0].Indicators[0]; got.L1 != tt.toL1 || got.L2 != tt.toL2 || got.L3 != tt.in.L3 {
				t.Errorf("after ApplyLayout: %+v", got)
			}
		})
	}
}

// TestCopyForwardSample: the sample copied to 2021 in the 101号 layout has
// no 二级 out of place, and every indicator keeps its 三级, description,
// value and basis; the source is untouched.
func TestCopyForwardSample(t *testing.T) {
	src := Sample()
	orig := Sample()
	c := CopyForward(src, DocKey{UnitCode: "315002", Year: 2021}, "")
	moves := MovesTo101(c)
	if len(moves) != 19 {
		t.Errorf("%d moves, want 19 (9 成本, 9 效果, 1 效果 as 二级)", len(moves))
	}
	ApplyLayout(c, moves)
	if c.Year != 2021 || c.Status != StatusDraft || c.Title != "司法局 2021 年部门预算绩效文本（草案）" || c.UnitName != src.UnitName {
		t.Errorf("header: %d %s %q %q", c.Year, c.Status, c.Title, c.UnitName)
	}
	for _, f := range Check(c) {
		if f.Rule == RuleL2Parent || f.Rule == RuleL1Unknown || f.Rule == RuleL2Unknown || f.Rule == RuleLayoutMixed {
			t.Errorf("finding after the copy: %+v", f)
		}
	}
	for pi, p := range c.Projects {
		sp := src.Projects[pi]
		if p.ID != sp.ID || p.Code != sp.Code || p.Budget != sp.Budget || p.Plan != sp.Plan || p.Goal != sp.Goal || len(p.Indicators) != len(sp.Indicators) {
			t.Fatalf("project %d differs: %+v", pi, p)
		}
		for i, in := range p.Indicators {
			s := sp.Indicators[i]
			if in.L3 != s.L3 || in.Desc != s.Desc || in.Value != s.Value || in.Basis != s.Basis {
				t.Errorf("project %d row %d: %+v, source %+v", pi, i, in, s)
			}
		}
	}
	if !reflect.DeepEqual(src, orig) {
		t.Fatal("the copy changed its source")
	}
	c.Goals[0].Goal = "改"
	c.Projects[0].Indicators[0].Value = "改"
	if src.Goals[0].Goal == "改" || src.Projects[0].Indicators[0].Value == "改" {
		t.Fatal("the copy shares storage with its source")
	}
}

// TestCopyForwardFinalAndName: a new 单位名称 is said in the title too,
// as the new year and 草案 are.
func TestCopyForwardFinalAndName(t *testing.T) {
	src := &Document{UnitCode: "315002", UnitName: "司法局", Year: 2020, Title: "司法局 2020 年部门预算绩效文本（定稿）", Status: StatusFinal}
	c := CopyForward(src, DocKey{UnitCode: "315003", Year: 2021}, "新单位")
	if c.Key() != (DocKey{UnitCode: "315003", Year: 2021}) || c.UnitName != "新单位" || c.Status != StatusDraft ||
		c.Title != "新单位 2021 年部门预算绩效文本（草案）" {
		t.Errorf("copy %+v", c)
	}
}
