package model

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// generateSeed fixes the generator's randomness: the same arguments always
// give the same document, so benchmarks and golden files are comparable
// from run to run.
const generateSeed = 2020_315002

// Generate returns a large, realistic document for benchmarks and load
// tests: projects 绩效目标表 of indicatorsPerProject rows each, written with
// the seed's vocabulary. It is deterministic, and project i is the same
// whatever the number of projects, so a smaller document is a prefix of a
// larger one. IDs and 项目编码 are unique; every 预算数 is exactly 财政资金 +
// 其他资金; plans rise to 100; rows spread over the whole taxonomy with values
// such as ≥260件, ≥90%, ≤0.2%, 5个月. Negative counts are taken as 0.
func Generate(projects, indicatorsPerProject int) *Document {
	projects, indicatorsPerProject = max(projects, 0), max(indicatorsPerProject, 0)
	d := &Document{
		UnitCode: "315900",
		UnitName: "抚宁区示例局",
		Year:     2021,
		Title:    "示例局 2021 年部门预算绩效文本（草案）",
		Status:   StatusDraft,
		Compiler: "示例局",
		Reviewer: "秦皇岛市抚宁区财政局",
		Currency: "万元",
		Overall:  sampleOverall,
		Goals:    sampleGoals(),
		Measures: sampleMeasures(),
		Projects: make([]Project, projects),
	}
	for i := range d.Projects {
		d.Projects[i] = generateProject(i, indicatorsPerProject)
	}
	return d
}

// generateProject builds project i from its own random stream, which is
// what keeps it independent of the number of projects after it.
func generateProject(i, rows int) Project {
	r := rand.New(rand.NewPCG(generateSeed, uint64(i)))
	name := genNames[i%len(genNames)]
	if round := i / len(genNames); round > 0 {
		name = fmt.Sprintf("%s（%d）", name, round+1)
	}
	// Budgets of 0.50–80.00 万元 in cents of 万元; a third of the projects
	// also have 其他资金.
	fiscal := MoneyUnits(int64(50+r.IntN(7951)) * 100)
	var other Money
	if r.IntN(3) == 0 {
		other = MoneyUnits(int64(1+r.IntN(2000)) * 100)
	}
	p := Project{
		ID:     fmt.Sprintf("g%06d", i+1),
		Code:   genCode(i, r),
		Name:   name,
		Budget: fiscal.Add(other),
		Fiscal: fiscal,
		Other:  other,
		Use:    genUses[r.IntN(len(genUses))],
		Plan:   genPlans[r.IntN(len(genPlans))],
		Goal:   genGoals[r.IntN(len(genGoals))],
	}
	p.Indicators = genIndicators(r, rows, p.Budget)
	return p
}

// genCode writes a 项目编码 in the seed's form 315-04cc-JBN-XXXX. The last
// part is a scrambled base-36 counter, so codes look like the seed's and
// never repeat; past 36^4 projects it grows to five characters and more.
func genCode(i int, r *rand.Rand) string {
	const space = 36 * 36 * 36 * 36
	n := uint64(i)
	if n < space {
		// 7919 is prime and coprime to 36^4: a bijection on 0..36^4−1.
		n = (n*7919 + 104729) % space
	}
	suffix := strconv.FormatUint(n, 36)
	for len(suffix) < 4 {
		suffix = "0" + suffix
	}
	kind := "JBN"
	if r.IntN(2) == 0 {
		kind = "YBN"
	}
	return fmt.Sprintf("315-04%02d-%s-%s", 1+r.IntN(5), kind, upper(suffix))
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// genIndicators spreads n rows over the taxonomy in the printed order:
// 产出 first (数量, 质量, 时效, 成本 in turn), then 效益, a 2021-style 成本
// row in longer tables, and 满意度 last.
func genIndicators(r *rand.Rand, n int, budget Money) []Indicator {
	sat, eff, cost := 0, 0, 0
	if n >= 3 {
		sat = max(1, n/8)
	}
	if n >= 2 {
		eff = max(1, n/4)
	}
	if n >= 8 {
		cost = 1
	}
	out := n - sat - eff - cost
	rows := make([]Indicator, 0, n)
	for k := 0; k < out; k++ {
		rows = append(rows, genRow(r, genOutput[k%len(genOutput)], budget))
	}
	for k := 0; k < eff; k++ {
		rows = append(rows, genRow(r, genEffect[k%len(genEffect)], budget))
	}
	for k := 0; k < cost; k++ {
		rows = append(rows, genRow(r, genCost[k%len(genCost)], budget))
	}
	for k := 0; k < sat; k++ {
		rows = append(rows, genRow(r, genSatisfaction[k%len(genSatisfaction)], budget))
	}
	return rows
}

// genTemplate is one 一级/二级 pair and the rows that may stand under it.
type genTemplate struct {
	l1, l2 string
	items  []genItem
}

// genItem is one row's 三级 and description, with a way to draw a value
// that fits them (a count for a count, a falling rate for 再犯罪率).
type genItem struct {
	l3, desc string
	value    func(r *rand.Rand, budget Money) string
}

func genRow(r *rand.Rand, t genTemplate, budget Money) Indicator {
	it := t.items[r.IntN(len(t.items))]
	return Indicator{
		L1:    t.l1,
		L2:    t.l2,
		L3:    it.l3,
		Desc:  it.desc,
		Value: it.value(r, budget),
		Basis: genBases[r.IntN(len(genBases))],
	}
}

// Value makers. Each draws from the ranges the seed and its peers use and
// now and then gives the qualitative text real tables contain.

func atLeast(lo, hi int, unit string, text ...string) func(*rand.Rand, Money) string {
	return func(r *rand.Rand, _ Money) string {
		if len(text) > 0 && r.IntN(5) == 0 {
			return text[r.IntN(len(text))]
		}
		return fmt.Sprintf("≥%d%s", lo+r.IntN(hi-lo+1), unit)
	}
}

func percentAtLeast(lo int, text ...string) func(*rand.Rand, Money) string {
	return func(r *rand.Rand, _ Money) string {
		switch n := r.IntN(10); {
		case len(text) > 0 && n == 0:
			return text[r.IntN(len(text))]
		case n == 1:
			return fmt.Sprintf("≥%d百分率", lo+r.IntN(100-lo+1))
		case n == 2:
			return "100%"
		}
		return fmt.Sprintf("≥%d%%", lo+r.IntN(100-lo+1))
	}
}

func rateAtMost(r *rand.Rand, _ Money) string {
	return fmt.Sprintf("≤0.%d%%", 1+r.IntN(9))
}

func withinBudget(r *rand.Rand, budget Money) string {
	if r.IntN(2) == 0 {
		return "≤" + budget.String() + "万元"
	}
	return "支出金额控制在预算额度内"
}

func months(r *rand.Rand, _ Money) string {
	if r.IntN(4) == 0 {
		return "2021年12月31日前"
	}
	return fmt.Sprintf("%d个月", 1+r.IntN(12))
}

func days(r *rand.Rand, _ Money) string { return fmt.Sprintf("≤%d天", 5+r.IntN(56)) }

var genOutput = []genTemplate{
	{L1Output, L2Quantity, []genItem{
		{"法律援助咨询、案件受理数", "咨询受理案件数量", atLeast(100, 500, "件")},
		{"组织主题宣传活动场次", "主题宣传活动次数", atLeast(1, 20, "次", "年度工作计划")},
		{"法律援助宣传人次", "法律援助宣传情况", atLeast(30, 500, " 人次")},
		{"宣传资料印刷册数", "印制各种法律宣传资料数量", atLeast(500, 5000, "册", "年度工作计划")},
		{"矫正人员培训", "组织对矫正人员培训次数", atLeast(2, 12, "次", "年度计划")},
		{"人民调解案件数", "矛盾纠纷调解数", atLeast(50, 400, "件")},
		{"法治文化景观数量", "设置法治文化景观", atLeast(5, 30, "处")},
	}},
	{L1Output, L2Quality, []genItem{
		{"提高法律援助工作质量", "提高法律援助工作质量", percentAtLeast(80, "高效高质量提供援助")},
		{"矛盾纠纷调解成功率", "全年调处矛盾纠纷成功率", percentAtLeast(90)},
		{"验收合格率", "教育和帮助犯罪人员合格率", percentAtLeast(70)},
		{"法治宣传覆盖面", "在全区范围内实现高质量覆盖", percentAtLeast(75)},
		{"培训合格率", "培训合格人数占培训总人数的比率", percentAtLeast(75)},
	}},
	{L1Output, L2Timeliness, []genItem{
		{"支付及时率", "单位取暖费及时支付的比例", percentAtLeast(95)},
		{"培训计划完成率", "完成的培训次数占总培训计划数的比率", percentAtLeast(60)},
		{"保证取暖期正常供暖", "取暖周期 11 月 5 日开始至 4 月 5 日", months},
		{"项目完成时间", "项目按计划完成", months},
		{"案件办结时限", "受理后按时办结", days},
	}},
	{L1Output, L2Cost, []genItem{
		{"成本预算控制数", "支出金额控制在预算额度内", withinBudget},
		{"节约成本", "降低成本,提供资金使用率", withinBudget},
		{"案件补贴律师值班补贴", "案件补贴律师值班补贴", withinBudget},
	}},
}

var genEffect = []genTemplate{
	{L1Effect, "社会效益指标", []genItem{
		{"法律知晓率提高", "不断提高全民法律素质", percentAtLeast(60, "逐步提升")},
		{"再犯罪率", "再犯罪人员占矫正人员比例", rateAtMost},
		{"保障受援群众切实利益", "保障受援群众切实利益率", percentAtLeast(70)},
		{"促进社会稳定程度", "确保人民调解工作有序开展", percentAtLeast(90, "有效促进")},
		{"信息化监管", "信息化监管率", percentAtLeast(70)},
	}},
	{L1Effect, "可持续影响指标", []genItem{
		{"长效机制建设", "建立健全长效工作机制", atLeast(3, 10, "年", "长期")},
		{"法治文化阵地使用年限", "法治文化景观持续发挥作用", atLeast(5, 20, "年")},
	}},
	{L1Effect, "经济效益指标", []genItem{
		{"为受援群众挽回经济损失", "通过法律援助挽回的经济损失", atLeast(10, 200, "万元")},
	}},
}

var genCost = []genTemplate{
	{L1Cost, "经济成本指标", []genItem{
		{"项目总成本", "项目支出不超过预算", withinBudget},
		{"单次培训成本", "每次培训的平均支出", func(r *rand.Rand, _ Money) string {
			return fmt.Sprintf("≤%d.%02d万元", r.IntN(3), 1+r.IntN(99))
		}},
	}},
}

var genSatisfaction = []genTemplate{
	{L1Satisfaction, L2Satisfaction, []genItem{
		{"群众满意度", "群众对法律援助的满意情况", satisfaction},
		{"在职人员满意度", "满意程度", satisfaction},
		{"社区矫正人员的满意率", "社区矫正人员对服务的满意程度", satisfaction},
		{"宣传活动群众满意度", "群众对宣传活动的认可度", satisfaction},
	}},
}

// satisfaction is mostly at or above the usual 80% floor; now and then it is
// the seed's 65%, which the review rules flag.
func satisfaction(r *rand.Rand, _ Money) string {
	if r.IntN(10) == 0 {
		return [...]string{"≥65百分率", "≥65%"}[r.IntN(2)]
	}
	return fmt.Sprintf("≥%d%%", 80+r.IntN(19))
}

// genBases are the standard kinds of 指标值确定依据.
var genBases = []string{"计划标准", "历史标准", "行业标准", "预算支出标准", "其他标准"}

var genNames = []string{
	"法律援助经费", "公用取暖费", "普法宣传", "人民调解经费", "社区矫正经费",
	"社区矫正补助经费", "省级基层公检法司转移支付资金", "中央政法纪检监察转移支付资金",
	"行政复议行政诉讼工作经费", "安置帮教经费", "公共法律服务中心运行经费", "司法所建设经费",
	"法治文化公园建设", "智慧调解平台建设", "社区戒毒康复中心经费", "行政执法监督经费",
}

var genUses = []string{
	"法律援助机构信息化网络化建设,做到应援尽援应援优援;案件补贴律师值班补贴",
	"冬季办公场所公用取暖费",
	"全区法律宣传,加强法治公园、法治阵地建设,加强校园法律宣传服务",
	"用于全区人民调解组织和队伍建设;基层司法所建设;人民调解员培训等",
	"完善社区矫正工作体系;落实监督管理、教育矫正、帮困扶助工作,提高管理和教育改造质量。",
	"依据《河北省依法行政考核办法》行政复议室建设;执法人员培训",
}

var genGoals = []string{
	"实现信息化监管,提高社区矫正工作水平",
	"做到应援尽援,提高法律援助工作质量",
	"保障办公场所冬季正常取暖",
	"开展普法教育,提高全民法律素质",
	"加强人民调解组织和队伍建设,确保全区稳定",
	"依法受理、审查行政复议案件,及时纠正违法或不当行政行为",
}

var genPlans = []Plan{
	samplePlan(20, 40, 60, 100),
	samplePlan(0, 0, 0, 100),
	samplePlan(20, 50, 75, 100),
	samplePlan(10, 20, 60, 100),
	samplePlan(15, 40, 70, 100),
	samplePlan(10, 30, 65, 100),
	samplePlan(25, 50, 75, 100),
	samplePlan(20, 40, 70, 100),
}
