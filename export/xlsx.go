package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// The workbook's fixed sheets; every project gets a sheet of its own
// between 第一部分 and 审核问题 (see SheetNames).
const (
	SheetSummary  = "汇总"
	SheetPart1    = "第一部分"
	SheetFindings = "审核问题"
)

// maxCellChars is the most UTF-16 units an Excel cell holds; excelize
// would cut a longer text without a word.
const maxCellChars = excelize.TotalCellChars

// Where things are on a project sheet. The header block sits above the
// indicator grid as on the printed 绩效目标表; the reader finds it by its
// labels, so rows the user inserts in it do no harm.
const (
	projRowTitle    = 1
	projRowUnit     = 2
	projRowCode     = 3 // 项目编码 … 项目名称
	projRowMoney    = 4 // 预算数 财政资金 其他资金
	projRowUse      = 5
	projRowPlanHead = 6 // 3月底 … 12月底
	projRowPlan     = 7
	projRowGoal     = 8
	projRowGrid     = 9 // 一级指标 … 指标值确定依据; indicators follow
	projCols        = 6
)

// Where things are on 汇总: the title, the header as label/value pairs in
// columns A and B (summaryLabels, from row sumRowHeader), then the project
// table.
const (
	sumRowTitle  = 1
	sumRowHeader = 2
	sumRowHead   = sumRowHeader + len(summaryLabels) + 1
	sumFirstData = sumRowHead + 1
)

// The labels of the header blocks, shared by the writer and the reader.
const (
	labelUnitCode     = "单位编码"
	labelUnitName     = "单位名称"
	labelYear         = "年度"
	labelStatus       = "状态"
	labelCompiler     = "编制单位"
	labelReviewer     = "审核单位"
	labelCurrency     = "金额单位"
	labelCode         = "项目编码"
	labelName         = "项目名称"
	labelBudget       = "预算数"
	labelFiscal       = "财政资金"
	labelOther        = "其他资金"
	labelUse          = "资金用途"
	labelPlan         = "资金支出计划（%）"
	labelGoal         = "绩效目标"
	labelTotal        = "合计"
	labelReviewStatus = "审核状态"
	labelOverall      = "一、总体绩效目标"
	labelGoals        = "二、分项绩效目标"
	labelMeasures     = "三、工作保障措施"
)

// Column widths of a project sheet, in Excel's units (the width of a "0";
// a CJK character takes about two). They add up to what fits A4 landscape
// at 100%, and the sheet is set to fit the page width anyway.
var projWidths = [projCols]float64{12, 14, 22, 40, 16, 22}

// XLSX writes the document as an Excel workbook laid out like the printed
// tables: sheet 汇总 (the header, the project table with SUM totals,
// 指标数 and, when findings is not nil, 错误/警告), sheet 第一部分, one sheet
// per project (the 绩效目标表: header block above the indicator grid, with
// 一级/二级 merged down where repeated) and, when findings is not nil, sheet
// 审核问题. Amounts are numbers formatted 0.00 whose stored digits are
// Money.String()'s; every text, codes included, is a text cell in a cell
// formatted as text (@), so Excel neither shows 4.08E+11 nor runs text
// that starts with = as a formula, even after the user edits the cell.
// Every sheet prints on A4 landscape, fitted to the page width, with its
// column header row repeated on each page.
//
// A cell Excel cannot hold — over 32,767 characters, or a control
// character XML cannot carry — is reported as Errors naming each such
// field, and nothing is written.
func XLSX(w io.Writer, doc *model.Document, findings []model.Finding) error {
	if err := checkXLSX(doc); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, doc: doc, findings: findings}
	if err := x.write(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

type xlsxWriter struct {
	f        *excelize.File
	doc      *model.Document
	findings []model.Finding
	st       xlsxStyles
	sw       *excelize.StreamWriter
	row      []any // reused for SetRow
}

// xlsxStyles are the style IDs of the workbook.
type xlsxStyles struct {
	title, sub, label, text, center, money, money4, number, totalLabel, totalMoney, totalMoney4, totalNumber int
}

func (x *xlsxWriter) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Family: "宋体"}
	}
	money, money4 := "0.00", "0.00##"
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&x.st.title, excelize.Style{Font: font(true, 14), NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.st.sub, excelize.Style{Font: font(false, 10), NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&x.st.label, excelize.Style{Font: font(true, 10), Border: border, NumFmt: 49,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.st.text, excelize.Style{Font: font(false, 10), Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.st.center, excelize.Style{Font: font(false, 10), Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.st.money, excelize.Style{Font: font(false, 10), Border: border, CustomNumFmt: &money, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&x.st.money4, excelize.Style{Font: font(false, 10), Border: border, CustomNumFmt: &money4, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&x.st.number, excelize.Style{Font: font(false, 10), Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&x.st.totalLabel, excelize.Style{Font: font(true, 10), Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&x.st.totalMoney, excelize.Style{Font: font(true, 10), Border: border, CustomNumFmt: &money, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&x.st.totalMoney4, excelize.Style{Font: font(true, 10), Border: border, CustomNumFmt: &money4, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&x.st.totalNumber, excelize.Style{Font: font(true, 10), Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
	}
	for _, d := range defs {
		id, err := x.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

func (x *xlsxWriter) write() error {
	if err := x.styles(); err != nil {
		return err
	}
	names := SheetNames(x.doc)
	if err := x.f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	others := append([]string{SheetPart1}, names...)
	if x.findings != nil {
		others = append(others, SheetFindings)
	}
	for _, s := range others {
		if _, err := x.f.NewSheet(s); err != nil {
			return err
		}
	}
	// The totals are SUM formulas; Excel and WPS recalculate them on
	// opening, and the stored value is our exact total meanwhile.
	calc := true
	if err := x.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}); err != nil {
		return err
	}
	if err := x.sheet(SheetSummary, sumRowHead, x.summaryWidths(names), x.summary); err != nil {
		return err
	}
	if err := x.sheet(SheetPart1, 0, []float64{10, 60, 70}, x.part1); err != nil {
		return err
	}
	for i := range x.doc.Projects {
		// The used range is set up front: the reader takes the sheet's
		// extent from it.
		last := projRowGrid + len(x.doc.Projects[i].Indicators)
		if err := x.f.SetSheetDimension(names[i], "A1:"+cellName(projCols, last)); err != nil {
			return err
		}
		if err := x.sheet(names[i], projRowGrid, projWidths[:], func() error { return x.project(i) }); err != nil {
			return err
		}
	}
	if x.findings != nil {
		if err := x.sheet(SheetFindings, 1, []float64{8, 24, 30, 22, 50, 50}, x.findingsSheet); err != nil {
			return err
		}
	}
	return nil
}

// sheet sets up a sheet's page (A4 landscape, fit to the page width,
// titleRow repeated on each page when it is not 0) and column widths, and
// writes its rows with body through a stream writer.
func (x *xlsxWriter) sheet(name string, titleRow int, widths []float64, body func() error) error {
	fit, one, zero := true, 1, 0
	size, landscape := 9, "landscape" // 9 is A4
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if titleRow > 0 {
		if err := x.printTitles(name, titleRow); err != nil {
			return err
		}
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	x.sw = sw
	if err := body(); err != nil {
		return err
	}
	return sw.Flush()
}

// printTitles makes row the print titles of sheet name: the row repeated
// at the top of each printed page.
//
// SetDefinedName checks a new name against every existing one, listing all
// sheets to find each one's scope: cubic in the number of sheets, 30 s of
// the 1,000-project export. The print titles are unique by construction
// (one per sheet), so only the first goes through SetDefinedName; the
// others are copies of it in the workbook's exported DefinedNames, each
// with its own sheet and rows.
func (x *xlsxWriter) printTitles(name string, row int) error {
	refersTo := fmt.Sprintf("%s!$%d:$%d", quoteSheet(name), row, row)
	wb := x.f.WorkBook
	if wb == nil || wb.DefinedNames == nil || len(wb.DefinedNames.DefinedName) == 0 {
		return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: refersTo})
	}
	index, err := x.f.GetSheetIndex(name)
	if err != nil || index < 0 {
		return fmt.Errorf("print titles of sheet %q: no such sheet", name)
	}
	dn := wb.DefinedNames.DefinedName[0]
	dn.Data, dn.LocalSheetID = refersTo, &index
	wb.DefinedNames.DefinedName = append(wb.DefinedNames.DefinedName, dn)
	return nil
}

// quoteSheet writes a sheet name as a formula refers to it: 'name', with
// apostrophes doubled.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// put writes one row of cells from column A.
func (x *xlsxWriter) put(row int, cells ...any) error {
	return x.sw.SetRow(cellName(1, row), cells)
}

func (x *xlsxWriter) merge(c1, r1, c2, r2 int) error {
	return x.sw.MergeCell(cellName(c1, r1), cellName(c2, r2))
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// txt is a text cell. An empty text is a styled empty cell, so borders
// are drawn round it.
func (x *xlsxWriter) txt(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: s}
}

// moneyCell is an amount: a number whose stored digits are m.String()'s
// (an amount has at most 14 significant digits, which float64 carries
// exactly in its shortest form), formatted 0.00, or 0.00## when it has
// more than two decimals. An unset amount is an empty cell.
func (x *xlsxWriter) moneyCell(m model.Money, style, style4 int) excelize.Cell {
	if !m.IsSet() {
		return excelize.Cell{StyleID: style}
	}
	if m.Units()%100 != 0 {
		style = style4
	}
	return excelize.Cell{StyleID: style, Value: decimalValue(m.String())}
}

// decimalValue is the number a decimal text means, for a numeric cell.
func decimalValue(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// percentCell is a plan point: a number formatted 0.00 as on the printed
// table (a Percent has at most two decimals).
func (x *xlsxWriter) percentCell(p model.Percent) excelize.Cell {
	if !p.IsSet() {
		return excelize.Cell{StyleID: x.st.money}
	}
	return excelize.Cell{StyleID: x.st.money, Value: decimalValue(p.String())}
}

// summaryWidths fits 汇总's columns to their text, as display width.
func (x *xlsxWriter) summaryWidths(names []string) []float64 {
	code, name := 16, 30
	for i := range x.doc.Projects {
		code = max(code, displayWidth(x.doc.Projects[i].Code)+2)
		name = max(name, displayWidth(x.doc.Projects[i].Name)+2)
	}
	return []float64{float64(min(code, 40)), float64(min(name, 60)), 14, 14, 14, 10, 8, 8, 10}
}

func (x *xlsxWriter) summary() error {
	d, st := x.doc, &x.st
	cols := 6
	if x.findings != nil {
		cols = 8
	}
	// 审核状态 once a review has started: the recipient sees which
	// projects were passed and which sent back.
	reviewed := d.Reviewed()
	if err := x.put(sumRowTitle, x.txt(st.title, documentTitle(d))); err != nil {
		return err
	}
	if err := x.merge(1, sumRowTitle, cols, sumRowTitle); err != nil {
		return err
	}
	values := summaryValues(d)
	for i, label := range summaryLabels {
		value := x.txt(st.text, values[i])
		if label == labelYear {
			value = excelize.Cell{StyleID: st.number, Value: d.Year}
		}
		if err := x.put(sumRowHeader+i, x.txt(st.label, label), value); err != nil {
			return err
		}
	}
	head := make([]any, cols, cols+1)
	for c := range cols {
		head[c] = x.txt(st.label, summaryColumns[c])
	}
	if reviewed {
		head = append(head, x.txt(st.label, labelReviewStatus))
	}
	if err := x.put(sumRowHead, head...); err != nil {
		return err
	}
	perProject := findingCounts(x.findings)
	row := sumFirstData
	for i := range d.Projects {
		p := &d.Projects[i]
		cells := []any{
			x.txt(st.text, p.Code), x.txt(st.text, p.Name),
			x.moneyCell(p.Budget, st.money, st.money4), x.moneyCell(p.Fiscal, st.money, st.money4), x.moneyCell(p.Other, st.money, st.money4),
			excelize.Cell{StyleID: st.number, Value: len(p.Indicators)},
		}
		if x.findings != nil {
			c := perProject[p.ID]
			cells = append(cells, excelize.Cell{StyleID: st.number, Value: c.errors}, excelize.Cell{StyleID: st.number, Value: c.warnings})
		}
		if reviewed {
			cells = append(cells, x.txt(st.text, p.Review.Status.String()))
		}
		if err := x.put(row, cells...); err != nil {
			return err
		}
		row++
	}
	t := d.Totals()
	sum := func(col int, m model.Money) excelize.Cell {
		c := x.moneyCell(m, st.totalMoney, st.totalMoney4)
		if len(d.Projects) > 0 {
			letter, _ := excelize.ColumnNumberToName(col)
			c.Formula = fmt.Sprintf("SUM(%s%d:%s%d)", letter, sumFirstData, letter, row-1)
		}
		return c
	}
	count := func(col, n int) excelize.Cell {
		c := excelize.Cell{StyleID: st.totalNumber, Value: n}
		if len(d.Projects) > 0 {
			letter, _ := excelize.ColumnNumberToName(col)
			c.Formula = fmt.Sprintf("SUM(%s%d:%s%d)", letter, sumFirstData, letter, row-1)
		}
		return c
	}
	cells := []any{
		x.txt(st.totalLabel, labelTotal), x.txt(st.totalLabel, strconv.Itoa(t.Projects)+" 个项目"),
		sum(3, t.Budget), sum(4, t.Fiscal), sum(5, t.Other), count(6, t.Indicators),
	}
	if x.findings != nil {
		errs, warns := model.Count(x.findings)
		cells = append(cells, count(7, errs), count(8, warns))
	}
	return x.put(row, cells...)
}

// summaryLabels are the labels of 汇总's header, in order.
var summaryLabels = [...]string{labelUnitCode, labelUnitName, labelYear, labelStatus, labelCompiler, labelReviewer, labelCurrency}

// summaryValues are the values of summaryLabels.
func summaryValues(d *model.Document) [len(summaryLabels)]string {
	return [...]string{d.UnitCode, d.UnitName, strconv.Itoa(d.Year), string(d.Status), d.Compiler, d.Reviewer, currency(d)}
}

func documentTitle(d *model.Document) string {
	if strings.TrimSpace(d.Title) == "" {
		return fmt.Sprintf("%s %d 年部门预算绩效文本（%s）", d.UnitName, d.Year, d.Status)
	}
	return d.Title
}

func (x *xlsxWriter) part1() error {
	d, st := x.doc, &x.st
	row := 1
	line := func(cells ...any) error {
		err := x.put(row, cells...)
		row++
		return err
	}
	heading := func(s string) error {
		if err := x.merge(1, row, 3, row); err != nil {
			return err
		}
		return line(x.txt(st.sub, s))
	}
	if err := x.merge(1, row, 3, row); err != nil {
		return err
	}
	if err := line(x.txt(st.title, "第一部分 部门整体绩效目标")); err != nil {
		return err
	}
	if err := heading(labelOverall); err != nil {
		return err
	}
	if err := x.merge(1, row, 3, row); err != nil {
		return err
	}
	if err := line(x.txt(st.text, d.Overall), x.txt(st.text, ""), x.txt(st.text, "")); err != nil {
		return err
	}
	if err := heading(labelGoals); err != nil {
		return err
	}
	if err := line(x.txt(st.label, "序号"), x.txt(st.label, "绩效目标"), x.txt(st.label, "绩效指标")); err != nil {
		return err
	}
	for i, g := range d.Goals {
		if err := line(excelize.Cell{StyleID: st.number, Value: i + 1}, x.txt(st.text, g.Goal), x.txt(st.text, g.Indicator)); err != nil {
			return err
		}
	}
	if err := heading(labelMeasures); err != nil {
		return err
	}
	if err := line(x.txt(st.label, "序号"), x.txt(st.label, "措施"), x.txt(st.label, "内容")); err != nil {
		return err
	}
	for i, m := range d.Measures {
		if err := line(x.txt(st.center, "（"+model.ChineseNumber(i+1)+"）"), x.txt(st.text, m.Title), x.txt(st.text, m.Content)); err != nil {
			return err
		}
	}
	return nil
}

func (x *xlsxWriter) project(i int) error {
	d, st := x.doc, &x.st
	p := &d.Projects[i]
	merges := [][4]int{
		{1, projRowTitle, projCols, projRowTitle},
		{1, projRowUnit, projCols, projRowUnit},
		{4, projRowCode, projCols, projRowCode},
		{2, projRowUse, projCols, projRowUse},
		{1, projRowPlanHead, 1, projRowPlan},
		{5, projRowPlanHead, 6, projRowPlanHead},
		{5, projRowPlan, 6, projRowPlan},
		{2, projRowGoal, projCols, projRowGoal},
	}
	for _, m := range merges {
		if err := x.merge(m[0], m[1], m[2], m[3]); err != nil {
			return err
		}
	}
	empty := x.txt(st.text, "")
	months := p.Plan.Months()
	rows := [][]any{
		{x.txt(st.title, fmt.Sprintf("%d、%s绩效目标表", i+1, p.Name))},
		{x.txt(st.sub, fmt.Sprintf("%s %s　单位：%s", d.UnitCode, d.UnitName, currency(d)))},
		{x.txt(st.label, labelCode), x.txt(st.text, p.Code), x.txt(st.label, labelName), x.txt(st.text, p.Name), empty, empty},
		{x.txt(st.label, labelBudget), x.moneyCell(p.Budget, st.money, st.money4),
			x.txt(st.label, labelFiscal), x.moneyCell(p.Fiscal, st.money, st.money4),
			x.txt(st.label, labelOther), x.moneyCell(p.Other, st.money, st.money4)},
		{x.txt(st.label, labelUse), x.txt(st.text, p.Use), empty, empty, empty, empty},
		{x.txt(st.label, labelPlan), x.txt(st.label, model.PlanMonthNames[0]), x.txt(st.label, model.PlanMonthNames[1]),
			x.txt(st.label, model.PlanMonthNames[2]), x.txt(st.label, model.PlanMonthNames[3]), x.txt(st.label, "")},
		{x.txt(st.label, ""), x.percentCell(months[0]), x.percentCell(months[1]), x.percentCell(months[2]), x.percentCell(months[3]), x.percentCell(model.Percent{})},
		{x.txt(st.label, labelGoal), x.txt(st.text, p.Goal), empty, empty, empty, empty},
	}
	for r, cells := range rows {
		if err := x.put(projRowTitle+r, cells...); err != nil {
			return err
		}
	}
	head := make([]any, projCols)
	for c := range projCols {
		head[c] = x.txt(st.label, model.IndicatorColumns[c])
	}
	if err := x.put(projRowGrid, head...); err != nil {
		return err
	}
	// 一级 and 二级 merge down over rows that repeat them, as on paper; a
	// 二级 run never crosses a 一级 run's end.
	ins := p.Indicators
	first := projRowGrid + 1
	for _, run := range mergeRuns(ins) {
		if err := x.merge(run.col+1, first+run.from, run.col+1, first+run.to); err != nil {
			return err
		}
	}
	if cap(x.row) < projCols {
		x.row = make([]any, projCols)
	}
	cells := x.row[:projCols]
	for r := range ins {
		for c := range projCols {
			style := st.text
			if c < 2 {
				style = st.center
			}
			cells[c] = x.txt(style, ins[r].Cell(c))
		}
		if err := x.put(first+r, cells...); err != nil {
			return err
		}
	}
	return nil
}

// mergeRun is a run of indicator rows from..to (inclusive, 0-based) whose
// column col (0 一级, 1 二级) holds the same non-empty text.
type mergeRun struct{ col, from, to int }

// mergeRuns lists the 一级 and 二级 runs of two rows or more. A 二级 run is
// cut where a 一级 run ends, so a merged 二级 cell never spans two 一级.
func mergeRuns(ins []model.Indicator) []mergeRun {
	var runs []mergeRun
	l1Start := 0
	l2Start := 0
	for r := 1; r <= len(ins); r++ {
		l1Ends := r == len(ins) || ins[r].L1 != ins[r-1].L1 || ins[r].L1 == ""
		if l1Ends {
			if r-1 > l1Start && ins[l1Start].L1 != "" {
				runs = append(runs, mergeRun{0, l1Start, r - 1})
			}
		}
		if l1Ends || ins[r].L2 != ins[r-1].L2 || ins[r].L2 == "" {
			if r-1 > l2Start && ins[l2Start].L2 != "" {
				runs = append(runs, mergeRun{1, l2Start, r - 1})
			}
			l2Start = r
		}
		if l1Ends {
			l1Start = r
		}
	}
	return runs
}

var findingSheetColumns = []string{"级别", "项目编码", "项目名称", "位置", "问题", "建议"}

func (x *xlsxWriter) findingsSheet() error {
	st := &x.st
	head := make([]any, len(findingSheetColumns))
	for c, h := range findingSheetColumns {
		head[c] = x.txt(st.label, h)
	}
	if err := x.put(1, head...); err != nil {
		return err
	}
	for i := range x.findings {
		f := &x.findings[i]
		code, name := f.ProjectCode, f.ProjectName
		if f.ProjectID == "" && code == "" && name == "" {
			name = "第一部分"
		}
		where := model.FieldLabel(f.Field)
		if f.Row >= 0 {
			where = fmt.Sprintf("第 %d 行 %s", f.Row+1, where)
		}
		if err := x.put(2+i, x.txt(st.center, f.Severity.Label()), x.txt(st.text, code), x.txt(st.text, name),
			x.txt(st.text, where), x.txt(st.text, f.Message), x.txt(st.text, f.Suggestion)); err != nil {
			return err
		}
	}
	return nil
}

// SheetNames returns the sheet name of each project: its 项目名称 without
// the characters Excel forbids in sheet names ([]:*?/\, controls) and
// without leading or trailing apostrophes, cut to Excel's 31 characters
// (UTF-16 units, as Excel counts) and made unique, ignoring case as Excel
// does, against each other and the fixed sheets by a " (2)" suffix. A
// name left empty becomes 项目1, 项目2….
func SheetNames(doc *model.Document) []string {
	used := map[string]bool{}
	for _, s := range []string{SheetSummary, SheetPart1, SheetFindings, "history"} {
		used[strings.ToLower(s)] = true
	}
	names := make([]string, len(doc.Projects))
	for i := range doc.Projects {
		base := strings.Map(func(r rune) rune {
			switch {
			case strings.ContainsRune(`[]:*?/\`, r):
				return '_'
			case r < 0x20 || r >= 0x7f && r <= 0x9f || isHidden(r) || r == utf8.RuneError:
				return -1
			}
			return r
		}, doc.Projects[i].Name)
		base = strings.Trim(strings.TrimSpace(base), "'")
		if base == "" {
			base = "项目" + strconv.Itoa(i+1)
		}
		name := cutUTF16(base, excelize.MaxSheetNameLength)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			name = strings.TrimRight(cutUTF16(base, excelize.MaxSheetNameLength-len(suffix)), "'") + suffix
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// cutUTF16 cuts s to at most n UTF-16 units, at a rune boundary.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return strings.TrimRight(s[:i], "'")
		}
	}
	return s
}

// checkXLSX lists every cell Excel cannot hold — more than 32,767
// characters, or a character XML 1.0 cannot carry (controls other than
// tab, LF and CR), which excelize would silently turn into U+FFFD — by the
// sheet and cell it would have gone to.
func checkXLSX(doc *model.Document) error {
	var errs Errors
	check := func(sheet string, col, row int, column, s string) {
		if msg := xlsxCellProblem(s); msg != "" {
			errs = append(errs, CellError{Row: row, Column: column, Msg: msg, Where: fmt.Sprintf("%s!%s “%s”", sheet, cellName(col, row), column)})
		}
	}
	check(SheetSummary, 1, sumRowTitle, "标题", doc.Title)
	values := summaryValues(doc)
	for i, label := range summaryLabels {
		check(SheetSummary, 2, sumRowHeader+i, label, values[i])
	}
	// 第一部分: the rows part1 writes.
	row := 3
	check(SheetPart1, 1, row, "总体绩效目标", doc.Overall)
	row += 3
	for _, g := range doc.Goals {
		check(SheetPart1, 2, row, "绩效目标", g.Goal)
		check(SheetPart1, 3, row, "绩效指标", g.Indicator)
		row++
	}
	row += 2
	for _, m := range doc.Measures {
		check(SheetPart1, 2, row, "措施", m.Title)
		check(SheetPart1, 3, row, "内容", m.Content)
		row++
	}
	names := SheetNames(doc)
	for pi := range doc.Projects {
		p, sheet := &doc.Projects[pi], names[pi]
		check(SheetSummary, 1, sumFirstData+pi, labelCode, p.Code)
		check(sheet, 2, projRowCode, labelCode, p.Code)
		check(sheet, 4, projRowCode, labelName, p.Name)
		check(sheet, 2, projRowUse, labelUse, p.Use)
		check(sheet, 2, projRowGoal, labelGoal, p.Goal)
		for r := range p.Indicators {
			for c := range model.IndicatorColumns {
				check(sheet, c+1, projRowGrid+1+r, model.IndicatorColumns[c], p.Indicators[r].Cell(c))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// xlsxCellProblem says why s cannot be a cell, or "".
func xlsxCellProblem(s string) string {
	if !utf8.ValidString(s) {
		return "含有无效的 UTF-8 字节，Excel 文件无法保存"
	}
	units := 0
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return fmt.Sprintf("含有 Excel 文件无法保存的控制字符（U+%04X），请删去后再导出", r)
		}
		units += utf16.RuneLen(r)
	}
	if units > maxCellChars {
		return fmt.Sprintf("有 %d 个字符，超过 Excel 单元格的上限 %d", units, maxCellChars)
	}
	return ""
}
