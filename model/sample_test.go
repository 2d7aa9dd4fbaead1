package model

import (
	"strings"
	"testing"
)

func TestSampleHeader(t *testing.T) {
	d := Sample()
	checks := []struct{ field, got, want string }{
		{"UnitCode", d.UnitCode, "315002"},
		{"UnitName", d.UnitName, "抚宁区司法局"},
		{"Title", d.Title, "司法局 2020 年部门预算绩效文本（草案）"},
		{"Status", string(d.Status), string(StatusDraft)},
		{"Compiler", d.Compiler, "司法局"},
		{"Reviewer", d.Reviewer, "秦皇岛市抚宁区财政局"},
		{"Currency", d.Currency, "万元"},
		{"Key", d.Key().String(), "315002/2020"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if d.Year != 2020 {
		t.Errorf("Year = %d, want 2020", d.Year)
	}
	if d.SatisfactionMin.IsSet() {
		t.Errorf("SatisfactionMin = %s, want unset (the seed sets none)", d.SatisfactionMin)
	}
}

func TestSamplePartOne(t *testing.T) {
	d := Sample()
	if !strings.HasPrefix(d.Overall, "紧紧围绕贯彻落实党的十九大") || !strings.HasSuffix(d.Overall, "全时空的法律服务网络。") {
		t.Errorf("Overall is not the seed's 总体绩效目标: %q", d.Overall)
	}
	wantGoals := []string{"人民调解工作", "法律援助工作", "社区矫正工作", "普法宣传工作", "行政复议行政诉讼工作"}
	if len(d.Goals) != len(wantGoals) {
		t.Fatalf("%d goals, want %d", len(d.Goals), len(wantGoals))
	}
	for i, g := range d.Goals {
		if g.Goal != wantGoals[i] {
			t.Errorf("goal %d = %q, want %q", i+1, g.Goal, wantGoals[i])
		}
		if g.Indicator == "" {
			t.Errorf("goal %d has no 绩效指标", i+1)
		}
	}
	// Goal 2's text wraps over a page break in the seed; it must be joined.
	if !strings.HasSuffix(d.Goals[1].Indicator, "简化法律援助受理审查程序。") {
		t.Errorf("goal 2 indicator not joined across the wrap: %q", d.Goals[1].Indicator)
	}
	wantMeasures := []string{"加强支出管理", "加强绩效运行监控", "做好绩效自评", "规范财务资产管理", "加强内部监督", "加强宣传培训等"}
	if len(d.Measures) != len(wantMeasures) {
		t.Fatalf("%d measures, want %d", len(d.Measures), len(wantMeasures))
	}
	for i, m := range d.Measures {
		if m.Title != wantMeasures[i] {
			t.Errorf("measure %d title = %q, want %q", i+1, m.Title, wantMeasures[i])
		}
		if m.Content == "" || strings.HasPrefix(m.Content, m.Title) || strings.ContainsAny(m.Content, " \t") {
			t.Errorf("measure %d content = %q: want the text after the title, without OCR spaces", i+1, m.Content)
		}
	}
}

func TestSampleProjects(t *testing.T) {
	want := []struct {
		id, code, name string
		budget         string
		plan           [4]string
		indicators     int
	}{
		{"p01", "315-0404-JBN-PIZB", "法律援助经费", "16.00", [4]string{"20.00", "40.00", "60.00", "100.00"}, 7},
		{"p02", "315-0405-JBN-A4W0", "公用取暖费", "4.64", [4]string{"0.00", "0.00", "0.00", "100.00"}, 7},
		{"p03", "315-0401-OYBN-QVW", "普法宣传", "7.00", [4]string{"20.00", "50.00", "75.00", "100.00"}, 6},
		{"p04", "315-0403-JBN-PH6S", "人民调解经费", "12.00", [4]string{"10.00", "20.00", "60.00", "100.00"}, 6},
		{"p05", "315-0402-JBN-PST9", "社区矫正经费", "45.00", [4]string{"15.00", "40.00", "70.00", "100.00"}, 5},
		{"p06", "315-0402-N-YBN-VOW", "提前下达 2020 年社区矫正补助经费（2020）15 号", "26.45", [4]string{"10.00", "30.00", "65.00", "100.00"}, 6},
		{"p07", "315-0404-YBN-8TDQ", "提前下达 2020 年省级基层公检法司转移支付资金（2020）13 号", "32.00", [4]string{"0.00", "30.00", "65.00", "100.00"}, 6},
		{"p08", "315-0402--YBN-UBSM", "提前下达 2020 年中央政法纪检监察转移支付资金（2020）12 号", "61.00", [4]string{"20.00", "40.00", "70.00", "100.00"}, 5},
		{"p09", "315-0401-JBN-V4MV", "行政复议行政诉讼工作经费", "3.00", [4]string{"25.00", "50.00", "75.00", "100.00"}, 6},
	}
	d := Sample()
	if len(d.Projects) != len(want) {
		t.Fatalf("%d projects, want %d", len(d.Projects), len(want))
	}
	for i, w := range want {
		p := &d.Projects[i]
		t.Run(w.id, func(t *testing.T) {
			if p.ID != w.id || p.Code != w.code || p.Name != w.name {
				t.Errorf("got %s %q %q, want %s %q %q", p.ID, p.Code, p.Name, w.id, w.code, w.name)
			}
			if got := p.Budget.String(); got != w.budget {
				t.Errorf("预算数 = %s, want %s", got, w.budget)
			}
			if p.Fiscal.Cmp(p.Budget) != 0 || !p.Fiscal.IsSet() {
				t.Errorf("财政资金 = %s, want it equal to 预算数 %s", p.Fiscal, p.Budget)
			}
			if p.Other.IsSet() {
				t.Errorf("其他资金 = %s, want unset: the seed leaves it blank", p.Other)
			}
			for m, pt := range p.Plan.Months() {
				if pt.String() != w.plan[m] {
					t.Errorf("plan %s = %q, want %q", PlanMonthNames[m], pt.String(), w.plan[m])
				}
			}
			if len(p.Indicators) != w.indicators {
				t.Errorf("%d indicators, want %d", len(p.Indicators), w.indicators)
			}
			if p.Use == "" || p.Goal == "" {
				t.Errorf("资金用途 %q / 绩效目标 %q: the seed fills both", p.Use, p.Goal)
			}
			for r, in := range p.Indicators {
				// Every row has its merged 一级 filled in, a 三级, a
				// description and a basis (the seed's last column).
				for _, c := range []int{0, 1, 2, 3, 5} {
					if strings.TrimSpace(in.Cell(c)) == "" {
						t.Errorf("row %d: %s empty", r+1, IndicatorColumns[c])
					}
				}
				if _, ok := CanonicalL1(in.L1); !ok {
					t.Errorf("row %d: 一级 %q is not a known name", r+1, in.L1)
				}
			}
		})
	}
}

func TestSampleTotals(t *testing.T) {
	tot := Sample().Totals()
	want, err := ParseMoney("207.09")
	if err != nil {
		t.Fatal(err)
	}
	if tot.Budget.Cmp(want) != 0 || tot.Budget.String() != "207.09" {
		t.Errorf("total 预算数 = %s, want 207.09", tot.Budget)
	}
	if tot.Fiscal.Cmp(want) != 0 {
		t.Errorf("total 财政资金 = %s, want 207.09", tot.Fiscal)
	}
	if tot.Other.IsSet() {
		t.Errorf("total 其他资金 = %s, want unset", tot.Other)
	}
	if tot.Projects != 9 || tot.Indicators != 54 {
		t.Errorf("%d projects, %d indicators; want 9, 54", tot.Projects, tot.Indicators)
	}
}

// TestSampleCells pins cells whose transcription needed judgment: wrapped
// text joined, merged cells filled, values kept exactly as written.
func TestSampleCells(t *testing.T) {
	d := Sample()
	tests := []struct {
		project, row, col int
		want              string
	}{
		{1, 1, 2, "法律援助咨询、案件受理数"},
		{1, 1, 4, "≥260件"},
		{1, 2, 4, "高效高质量提供援助"},
		{1, 3, 0, "产出指标"},
		{1, 3, 4, ""}, // the seed shows no value for this row
		{1, 3, 5, "年度工作计划"},
		{1, 4, 0, "产出指标"},
		{1, 4, 1, "效果指标"},
		{1, 4, 2, "社会效益指标"},
		{1, 6, 0, "效果指标"},
		{1, 6, 4, "≥30 人次"},
		{1, 7, 0, "满意度指标"},
		{1, 7, 1, "服务对象满意度指标"},
		{1, 7, 4, "≥65百分率"},
		{1, 7, 5, "群众对法律援助宣传的满意程度"},
		{2, 1, 4, "**平米"},
		{2, 2, 4, "5 个月"},
		{2, 5, 4, "年度预算"},
		{2, 6, 4, "≥20度"},
		{3, 4, 3, "普法宣传、资料印刷、法治阵地建设、宣传活动等方面的资金投入"},
		{3, 6, 4, "≥65%百分率"},
		{4, 2, 4, ""},
		{4, 3, 3, "2020年12月31日完成"},
		{4, 3, 4, "2020 年底"},
		{4, 6, 3, "基层群众对人民调解员的满意程度"},
		{5, 1, 2, "数量指标"},
		{5, 3, 4, "≥70"},
		{5, 4, 4, "≤0.2 百分率"},
		{6, 4, 4, "支出金额控制在预算额度内"},
		{8, 2, 3, "司法所长培训覆盖率率"},
		{9, 1, 3, "复议决定提起数量占复议决定数量的比率"},
		{9, 1, 4, "≤0.4%"},
		{9, 6, 5, "调查问卷"},
	}
	for _, tt := range tests {
		got := d.Projects[tt.project-1].Indicators[tt.row-1].Cell(tt.col)
		if got != tt.want {
			t.Errorf("project %d row %d %s = %q, want %q", tt.project, tt.row, IndicatorColumns[tt.col], got, tt.want)
		}
	}
	if u := d.Projects[7].Use; !strings.Contains(u, "基层基层") {
		t.Errorf("project 8 资金用途 lost the seed's 基层基层: %q", u)
	}
	if u := d.Projects[0].Use; u != "法律援助机构信息化网络化建设,做到应援尽援应援优援;案件补贴律师值班补贴" {
		t.Errorf("project 1 资金用途 = %q", u)
	}
}

func TestSampleIndependentCopies(t *testing.T) {
	a := Sample()
	a.Title = "changed"
	a.Goals[0].Goal = "changed"
	a.Measures[0].Content = "changed"
	a.Projects[0].Name = "changed"
	a.Projects[0].Budget = MoneyUnits(1)
	a.Projects[0].Indicators[0].Value = "changed"
	a.Projects[1].Indicators = append(a.Projects[1].Indicators[:0], Indicator{L1: "x"})
	a.Projects = a.Projects[:1]

	b := Sample()
	if b.Title == "changed" || b.Goals[0].Goal == "changed" || b.Measures[0].Content == "changed" {
		t.Error("Part 1 shared between Sample calls")
	}
	if len(b.Projects) != 9 || b.Projects[0].Name != "法律援助经费" || b.Projects[0].Budget.String() != "16.00" {
		t.Error("projects shared between Sample calls")
	}
	if b.Projects[0].Indicators[0].Value != "≥260件" || b.Projects[1].Indicators[0].L1 != "产出指标" || len(b.Projects[1].Indicators) != 7 {
		t.Error("indicator rows shared between Sample calls")
	}
}

func TestSampleIDsAndCodesUnique(t *testing.T) {
	ids, codes := map[string]bool{}, map[string]bool{}
	for _, p := range Sample().Projects {
		if ids[p.ID] || codes[p.Code] {
			t.Errorf("duplicate ID %q or code %q", p.ID, p.Code)
		}
		ids[p.ID], codes[p.Code] = true, true
	}
}
