package model

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LibraryRow is one indicator row offered for reuse (指标库): a row some
// document in the file has, or one of the built-in starter rows. Rows that
// are the same in all six cells are one LibraryRow; Uses counts them and
// Source names the newest document that has it.
type LibraryRow struct {
	Indicator
	Source   string // "抚宁区司法局 2020", or "内置（财预〔2021〕101号）"
	UnitCode string // "" for a built-in row
	Year     int    // 0 for a built-in row
	Uses     int    // how many rows of the file are this row
}

// BuiltIn reports whether the row is one of the starter rows.
func (r *LibraryRow) BuiltIn() bool { return r.Year == 0 }

// BasisStandards are the five 指标值确定依据 of the national guidance,
// offered first wherever a 依据 is typed.
var BasisStandards = []string{"计划标准", "历史标准", "行业标准", "预算支出标准", "其他标准"}

// starterSource names the guidance the starter rows follow: the layout and
// the usual indicators of 财预〔2021〕101号 (成本指标 a 一级 of its own), the
// 指标值确定依据 of 财预〔2020〕10号.
const starterSource = "内置（财预〔2021〕101号）"

// starterRows are common rows written from published national guidance
// (财预〔2020〕10号 项目支出绩效评价管理办法 and 财预〔2021〕101号 中央部门项目支出
// 核心绩效目标和指标设置及取值指引). N stands for a figure the unit fills in;
// the review rules flag a value left with it.
var starterRows = []Indicator{
	{"产出指标", "数量指标", "项目完成率", "实际完成的工作量占计划工作量的比例", "≥95%", "计划标准", ""},
	{"产出指标", "数量指标", "完成项目数量", "年度内计划完成的项目个数", "≥N个", "计划标准", ""},
	{"产出指标", "数量指标", "培训人次", "年度内组织培训的人次", "≥N人次", "计划标准", ""},
	{"产出指标", "数量指标", "设备购置数量", "年度内购置设备的台（套）数", "=N台（套）", "计划标准", ""},
	{"产出指标", "数量指标", "服务覆盖率", "服务覆盖的对象占应覆盖对象的比例", "≥90%", "计划标准", ""},
	{"产出指标", "质量指标", "验收合格率", "项目（工程、设备、服务）验收合格的比例", "=100%", "行业标准", ""},
	{"产出指标", "质量指标", "资金使用合规率", "资金按规定用途和程序使用的比例", "=100%", "其他标准", ""},
	{"产出指标", "质量指标", "设备完好率", "设备处于完好可用状态的比例", "≥95%", "行业标准", ""},
	{"产出指标", "质量指标", "培训合格率", "参训人员考核合格的比例", "≥90%", "历史标准", ""},
	{"产出指标", "质量指标", "案件办结率", "已办结案件占受理案件的比例", "≥95%", "历史标准", ""},
	{"产出指标", "时效指标", "资金支付及时率", "按合同或计划及时支付资金的比例", "=100%", "计划标准", ""},
	{"产出指标", "时效指标", "项目按期完成率", "按计划时间完成的任务占全部任务的比例", "≥95%", "计划标准", ""},
	{"产出指标", "时效指标", "预算执行率", "年度实际支出占年度预算的比例", "≥90%", "计划标准", ""},
	{"产出指标", "时效指标", "完成时间", "项目全部完成的时限", "年底前完成", "计划标准", ""},
	{"成本指标", "经济成本指标", "经济成本", "项目实施的总成本，控制在预算之内", "≤N万元", "预算支出标准", ""},
	{"成本指标", "经济成本指标", "单位成本", "每单位产出（人、次、件）的成本", "≤N元", "预算支出标准", ""},
	{"成本指标", "社会成本指标", "社会成本", "项目对社会发展、公共福利等可能造成的负面影响", "无", "其他标准", ""},
	{"成本指标", "生态环境成本指标", "生态环境成本", "项目对自然生态环境可能造成的负面影响", "无", "其他标准", ""},
	{"效益指标", "经济效益指标", "带动增收", "项目带动服务对象增加的收入", "≥N万元", "历史标准", ""},
	{"效益指标", "社会效益指标", "政策知晓率", "目标人群知晓相关政策的比例", "≥90%", "历史标准", ""},
	{"效益指标", "社会效益指标", "受益人数", "直接受益的群众人数", "≥N人", "计划标准", ""},
	{"效益指标", "社会效益指标", "群众获得感", "项目实施后群众的获得感提升情况", "明显提升", "其他标准", ""},
	{"效益指标", "生态效益指标", "污染物减排量", "项目实施后主要污染物的减排量", "≥N吨", "行业标准", ""},
	{"效益指标", "可持续影响指标", "长效管理机制", "长效管理制度建立和执行情况", "建立健全", "其他标准", ""},
	{"效益指标", "可持续影响指标", "设施持续使用年限", "建成设施（设备）可持续使用的年限", "≥N年", "行业标准", ""},
	{"满意度指标", "服务对象满意度指标", "服务对象满意度", "服务对象对项目实施效果的满意程度", "≥90%", "行业标准", ""},
	{"满意度指标", "服务对象满意度指标", "群众满意度", "受益群众对项目实施的满意程度", "≥90%", "历史标准", ""},
	{"满意度指标", "服务对象满意度指标", "参训人员满意度", "参训人员对培训的满意程度", "≥90%", "历史标准", ""},
	{"满意度指标", "服务对象满意度指标", "社会公众满意度", "社会公众对项目实施的满意程度", "≥85%", "历史标准", ""},
}

// StarterRows returns a copy of the built-in starter rows.
func StarterRows() []Indicator { return slices.Clone(starterRows) }

// Library is every indicator row of a file plus the starter rows, ranked
// and indexed for searching by 三级指标 as the user types. It is built once
// (NewLibrary) and read-only after, so it is safe for concurrent use.
type Library struct {
	rows []LibraryRow // by rank: most used first, then newest, then the starter rows
	// groups are the distinct 三级 texts, in the order of their best row;
	// rowsOf[g] are the rows with that 三级, in rank order. Searching works
	// on the groups, so a file that writes 满意度 in 3,000 rows costs one
	// comparison, not 3,000.
	groups []string
	rowsOf [][]int32
	// uni and bi index the groups by each rune and each pair of adjacent
	// runes of their 三级, in group order.
	uni map[rune][]int32
	// groupOf finds a group by its name; sorted lists the groups in
	// name order, for the names starting with what was typed.
	groupOf map[string]int32
	sorted  []int32
	bi      map[[2]rune][]int32
	bases   []string
}

// NewLibrary builds the library of the documents' rows and the starter
// rows. Rows with a blank 三级 are left out: there is nothing to find them
// by.
func NewLibrary(docs []*Document) *Library {
	byRow := make(map[Indicator]int)
	var rows []LibraryRow
	basisUses := make(map[string]int)
	// Newest documents first, so a row's Source is its newest use.
	order := slices.Clone(docs)
	slices.SortStableFunc(order, func(a, b *Document) int { return cmp.Compare(b.Year, a.Year) })
	for _, d := range order {
		source := strings.TrimSpace(d.UnitName) + " " + strconv.Itoa(d.Year)
		for i := range d.Projects {
			for _, in := range d.Projects[i].Indicators {
				in.Note = "" // a reviewer's note is the row's, not the library's
				if b := strings.TrimSpace(in.Basis); b != "" {
					basisUses[b]++
				}
				if strings.TrimSpace(in.L3) == "" {
					continue
				}
				if j, ok := byRow[in]; ok {
					rows[j].Uses++
					continue
				}
				byRow[in] = len(rows)
				rows = append(rows, LibraryRow{Indicator: in, Source: source, UnitCode: d.UnitCode, Year: d.Year, Uses: 1})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b LibraryRow) int {
		return cmp.Or(cmp.Compare(b.Uses, a.Uses), cmp.Compare(b.Year, a.Year))
	})
	for _, in := range starterRows {
		if _, ok := byRow[in]; !ok {
			rows = append(rows, LibraryRow{Indicator: in, Source: starterSource})
		}
	}
	l := &Library{rows: rows, uni: make(map[rune][]int32), bi: make(map[[2]rune][]int32)}
	groupOf := make(map[string]int32)
	l.groupOf = groupOf
	for i := range rows {
		key := strings.TrimSpace(rows[i].L3)
		g, ok := groupOf[key]
		if !ok {
			g = int32(len(l.groups))
			groupOf[key] = g
			l.groups = append(l.groups, key)
			l.rowsOf = append(l.rowsOf, nil)
			l.index(key, g)
		}
		l.rowsOf[g] = append(l.rowsOf[g], int32(i))
	}
	l.sorted = make([]int32, len(l.groups))
	for i := range l.sorted {
		l.sorted[i] = int32(i)
	}
	slices.SortFunc(l.sorted, func(a, b int32) int { return strings.Compare(l.groups[a], l.groups[b]) })
	l.bases = slices.Clone(BasisStandards)
	var used []string
	for b := range basisUses {
		// A long 依据 is a sentence for its own row, not a standard to
		// offer elsewhere.
		if !slices.Contains(BasisStandards, b) && utf8.RuneCountInString(b) <= maxOfferedBasis {
			used = append(used, b)
		}
	}
	slices.SortFunc(used, func(a, b string) int { return cmp.Or(cmp.Compare(basisUses[b], basisUses[a]), strings.Compare(a, b)) })
	l.bases = append(l.bases, used[:min(len(used), maxOfferedBases)]...)
	return l
}

// index adds group g under each rune and rune pair of its text, once each.
func (l *Library) index(text string, g int32) {
	prev := rune(-1)
	for _, r := range text {
		if p := l.uni[r]; len(p) == 0 || p[len(p)-1] != g {
			l.uni[r] = append(p, g)
		}
		if prev >= 0 {
			k := [2]rune{prev, r}
			if p := l.bi[k]; len(p) == 0 || p[len(p)-1] != g {
				l.bi[k] = append(p, g)
			}
		}
		prev = r
	}
}

// Len returns the number of rows.
func (l *Library) Len() int { return len(l.rows) }

// Rows returns the rows in rank order. The slice is the library's own; do
// not change it.
func (l *Library) Rows() []LibraryRow { return l.rows }

// Bases returns what a 指标值确定依据 may be: the five standards, then the
// other short texts the file has used, most used first (at most
// maxOfferedBases).
func (l *Library) Bases() []string { return l.bases }

// A 依据 the file has used is offered when it has at most maxOfferedBasis
// runes, and the maxOfferedBases most used of them.
const (
	maxOfferedBasis = 16
	maxOfferedBases = 30
)

// perGroup is how many rows of one 三级 a search offers, so that a name
// written many ways does not hide the other names.
const perGroup = 3

// Search returns up to limit rows whose 三级指标 contains q, best first: the
// 三级 equal to q, then starting with it, then containing it; within each,
// the most used and newest rows first, the starter rows last, and at most
// perGroup rows of one 三级. Blank q finds nothing. The equal name is found
// in a map and the names starting with q in a sorted list; the names
// containing q are walked in rank order among those sharing q's rarest
// pair of characters until limit rows are found, so the cost follows the
// matches, not the size of the library.
func (l *Library) Search(q string, limit int) []LibraryRow {
	q = strings.TrimSpace(q)
	if q == "" || limit <= 0 {
		return nil
	}
	out := make([]LibraryRow, 0, limit)
	take := func(g int32) {
		for k, r := range l.rowsOf[g] {
			if len(out) == limit || k == perGroup {
				return
			}
			out = append(out, l.rows[r])
		}
	}
	// The 三级 equal to q, by the map of names.
	if g, ok := l.groupOf[q]; ok {
		take(g)
	}
	// Those starting with q: a range of the names in text order, taken
	// in rank (group) order.
	var prefixed []int32
	for i := sort.Search(len(l.sorted), func(i int) bool { return l.groups[l.sorted[i]] >= q }); i < len(l.sorted); i++ {
		name := l.groups[l.sorted[i]]
		if !strings.HasPrefix(name, q) {
			break
		}
		if name != q {
			prefixed = append(prefixed, l.sorted[i])
		}
	}
	slices.Sort(prefixed)
	for _, g := range prefixed {
		if len(out) == limit {
			return out
		}
		take(g)
	}
	// Then those containing it, walked in rank order until the list is
	// full: the cost is the candidates before the limit-th match.
	for _, g := range l.candidates(q) {
		if len(out) == limit {
			break
		}
		if name := l.groups[g]; !strings.HasPrefix(name, q) && strings.Contains(name, q) {
			take(g)
		}
	}
	return out
}

// candidates returns the groups that hold q's rarest rune pair (or its one
// rune), in group order; every group containing q is among them.
func (l *Library) candidates(q string) []int32 {
	if utf8.RuneCountInString(q) == 1 {
		r, _ := utf8.DecodeRuneInString(q)
		return l.uni[r]
	}
	var best []int32
	first := true
	prev := rune(-1)
	for _, r := range q {
		if prev >= 0 {
			p := l.bi[[2]rune{prev, r}]
			if len(p) == 0 {
				return nil
			}
			if first || len(p) < len(best) {
				best, first = p, false
			}
		}
		prev = r
	}
	return best
}

// Find returns every row whose 一级, 二级, 三级, 描述 or 依据 contains q, in
// rank order (all rows for a blank q): what `jixiao library --search`
// lists, where the whole text of a row counts, not only its 三级.
func (l *Library) Find(q string) []LibraryRow {
	q = strings.TrimSpace(q)
	if q == "" {
		return l.rows
	}
	var out []LibraryRow
	for _, r := range l.rows {
		if strings.Contains(r.L3, q) || strings.Contains(r.Desc, q) || strings.Contains(r.L2, q) || strings.Contains(r.L1, q) || strings.Contains(r.Basis, q) {
			out = append(out, r)
		}
	}
	// Rows found by their 三级 first, as in Search.
	slices.SortStableFunc(out, func(a, b LibraryRow) int {
		return cmp.Compare(rankIn(a.L3, q), rankIn(b.L3, q))
	})
	return out
}

func rankIn(text, q string) int {
	text = strings.TrimSpace(text)
	switch {
	case text == q:
		return 0
	case strings.HasPrefix(text, q):
		return 1
	case strings.Contains(text, q):
		return 2
	}
	return 3
}
