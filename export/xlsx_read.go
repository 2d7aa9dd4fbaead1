package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// WorkbookImport is the content of an .xlsx file, fully validated: the
// projects as an Import, and — for a workbook jixiao wrote — the header and
// Part 1 it carries.
type WorkbookImport struct {
	*Import
	// Header holds the title, 状态, 编制/审核单位, 金额单位 (from 汇总) and
	// Part 1 (from 第一部分) of a workbook jixiao wrote; nil for a flat
	// sheet, which carries only the CSV's columns.
	Header *model.Document
	part1  bool // the workbook has a 第一部分 sheet: Header's Part 1 is its
}

// Apply sets the document's header and Part 1 from the workbook, when it
// has them, and merges the projects in as Import.Apply does.
func (wi *WorkbookImport) Apply(doc *model.Document) Applied {
	if h := wi.Header; h != nil {
		doc.Title, doc.Status, doc.Compiler, doc.Reviewer, doc.Currency = h.Title, h.Status, h.Compiler, h.Reviewer, h.Currency
		if wi.part1 {
			doc.Overall = h.Overall
			doc.Goals = append([]model.Goal(nil), h.Goals...)
			doc.Measures = append([]model.Measure(nil), h.Measures...)
		}
	}
	return wi.Import.Apply(doc)
}

// ReadXLSX reads and validates a whole .xlsx file: either a workbook that
// XLSX wrote (after the user edited cells, added rows inside a project's
// grid, inserted rows in a header block or merged cells), or a single
// flat sheet whose first row is CSVHeader, as a CSV opened in Excel and
// saved as a workbook is. The rules and messages are the CSV import's
// (see ReadCSV), every problem at once, each naming its sheet and cell
// (法律援助经费!B4). On a project sheet the header block is found by its
// labels (项目编码, 预算数 …) and the grid below the 一级指标 row; a
// merged cell counts for every cell it covers, and empty rows at the end
// of a grid are not indicators. Only reading r, or a file that is not a
// workbook, fails otherwise.
func ReadXLSX(r io.Reader) (*WorkbookImport, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		// Not a zip, or one Excel cannot open either (a file cut off in
		// the mail, or saved encrypted): the reason stays for support.
		return nil, fmt.Errorf("不是能打开的 .xlsx 工作簿，可能不完整或设了密码；请在 Excel/WPS 中打开后另存为 .xlsx 再试（%w）", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	for _, s := range sheets {
		if s == SheetSummary {
			return readWorkbook(f, sheets)
		}
	}
	if len(sheets) == 0 {
		return nil, Errors{{Row: 1, Msg: "工作簿里没有工作表"}}
	}
	return readFlatSheet(f, sheets[0])
}

// rawRows reads a sheet's rows with each cell's stored value (not as
// formatted), so amounts keep their digits.
func rawRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("读不了工作表 %s（%w）", sheet, err)
	}
	return rows, nil
}

// cellAt returns row[c], or "" past the row's end.
func cellAt(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// Kinds of column, for turning a stored value into the text the CSV
// import expects.
const (
	kindText   = iota // shown as formatted: a number typed as 75% stays 75%
	kindCode          // kept as stored: a code in E-notation is reported
	kindNumber        // amounts, percentages, the year: the stored digits
)

// csvColumnKind is the kind of each CSVHeader column.
func csvColumnKind(c int) int {
	switch c {
	case colUnitCode, colCode:
		return kindCode
	case colYear, colBudget, colFiscal, colOther, colMar, colJun, colOct, colDec:
		return kindNumber
	}
	return kindText
}

// cellText turns the stored value of a cell into its text. A number
// stored by Excel may carry binary noise (16.1 as 16.100000000000001) or an
// exponent (1E-4): it is written as the shortest decimal of at most 15
// significant digits, as Excel itself shows it. Text cells are left as
// they are; only numbers in text columns are asked for their formatted
// value.
func cellText(f *excelize.File, sheet string, col, row int, raw string, kind int) string {
	if raw == "" || !numeric(raw) {
		return raw
	}
	if kind == kindCode {
		// A code is text; one that a spreadsheet turned into 4.08E+11 has
		// lost digits, which the import's checks report.
		return raw
	}
	if kind == kindText {
		cell := cellName(col, row)
		if t, err := f.GetCellType(sheet, cell); err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset) {
			if v, err := f.GetCellValue(sheet, cell); err == nil {
				return v
			}
		}
		return raw
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return raw
	}
	if plainDecimal(raw) {
		return raw
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// numeric reports whether s looks like a number a cell stores: digits,
// sign, point, exponent.
func numeric(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e':
		default:
			return false
		}
	}
	return digit
}

// plainDecimal reports whether s is digits with at most one point and at
// most 4 decimals: nothing to clean up.
func plainDecimal(s string) bool {
	point := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && point < 0:
			point = i
		case c < '0' || c > '9':
			return false
		}
	}
	return point < 0 || len(s)-point-1 <= 4
}

// readFlatSheet reads a sheet laid out like the CSV: CSVHeader in row 1,
// one indicator per row.
func readFlatSheet(f *excelize.File, sheet string) (*WorkbookImport, error) {
	rows, err := rawRows(f, sheet)
	if err != nil {
		return nil, err
	}
	var head []string
	if len(rows) > 0 {
		head = rows[0]
	}
	for r, row := range rows {
		// GetRows leaves out a row's empty cells at its end.
		if r > 0 && len(row) > 0 && len(row) < len(head) {
			row = append(row, make([]string, len(head)-len(row))...)
		}
		for c, raw := range row {
			kind := kindText
			if r > 0 && c < len(head) {
				if col := headerIndex(headerName(head[c])); col >= 0 {
					kind = csvColumnKind(col)
				}
			}
			row[c] = cellText(f, sheet, c+1, r+1, raw, kind)
		}
		rows[r] = row
	}
	im, errs := buildImport(rows, func(row, col int) string {
		if col < 0 {
			return fmt.Sprintf("%s 第 %d 行", sheet, row+1)
		}
		return fmt.Sprintf("%s!%s “%s”", sheet, cellName(col+1, row+1), clip(headerName(cellAt(head, col))))
	}, EncodingUTF8)
	if len(errs) > 0 {
		return nil, errs
	}
	im.Workbook = true
	return &WorkbookImport{Import: im}, nil
}

// cellRef is where a value was found: a sheet's 1-based column and row.
type cellRef struct{ col, row int }

// wbProject is one project sheet as read: its values and where each was.
type wbProject struct {
	sheet  string
	values [colL1]string // the CSV's project columns (colCode … colGoal); doc columns unused
	at     [colL1]cellRef
	grid   [][len(model.IndicatorColumns)]string
	gridAt []int // the sheet row of each grid row
}

// projectLabels are the labels of a project sheet's header block and the
// CSV column of the value in the cell to their right.
var projectLabels = map[string]int{
	labelCode: colCode, labelName: colName, labelBudget: colBudget, labelFiscal: colFiscal,
	labelOther: colOther, labelUse: colUse, labelGoal: colGoal,
}

func readWorkbook(f *excelize.File, sheets []string) (*WorkbookImport, error) {
	var errs Errors
	fail := func(sheet string, ref cellRef, format string, args ...any) {
		errs = append(errs, CellError{Row: ref.row, Where: sheet + "!" + cellName(ref.col, ref.row), Msg: fmt.Sprintf(format, args...)})
	}
	header := &model.Document{}
	var docValues [colCode]string
	var docAt [colCode]cellRef
	if err := readSummary(f, header, &docValues, &docAt, fail); err != nil {
		return nil, err
	}
	var projects []*wbProject
	part1 := false
	for _, s := range sheets {
		switch s {
		case SheetSummary, SheetFindings:
		case SheetPart1:
			part1 = true
			if err := readPart1(f, header, fail); err != nil {
				return nil, err
			}
		default:
			p, err := readProjectSheet(f, s, fail)
			if err != nil {
				return nil, err
			}
			if p != nil {
				projects = append(projects, p)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}

	// The projects become the CSV's table, neutralised as the CSV is (the
	// check undoes it), and go through the same checks.
	table := [][]string{CSVHeader[:]}
	type rowAt struct{ project, gridRow int }
	where := []rowAt{{-1, -1}}
	for pi, p := range projects {
		n := max(len(p.grid), 1)
		for r := range n {
			rec := make([]string, csvColumns)
			for c := range colCode {
				rec[c] = neutralize(docValues[c])
			}
			for c := colCode; c < colL1; c++ {
				rec[c] = neutralize(p.values[c])
			}
			if r < len(p.grid) {
				for c, v := range p.grid[r] {
					rec[colL1+c] = neutralize(v)
				}
			}
			table = append(table, rec)
			where = append(where, rowAt{pi, r})
		}
	}
	im, berrs := buildImport(table, func(i, col int) string {
		w := where[min(i, len(where)-1)]
		if w.project < 0 {
			return SheetSummary + "!A1"
		}
		p := projects[w.project]
		row := 0
		if w.gridRow < len(p.gridAt) {
			row = p.gridAt[w.gridRow]
		}
		if col < 0 {
			return fmt.Sprintf("%s 第 %d 行", p.sheet, row)
		}
		sheet, ref := p.sheet, cellRef{col - colL1 + 1, row}
		switch {
		case col < colCode:
			sheet, ref = SheetSummary, docAt[col]
		case col < colL1:
			ref = p.at[col]
		}
		return fmt.Sprintf("%s!%s “%s”", sheet, cellName(ref.col, ref.row), CSVHeader[col])
	}, EncodingUTF8)
	if len(berrs) > 0 {
		// A project's header cells are on each of its rows in the table:
		// report each cell once.
		seen := map[string]bool{}
		for _, e := range berrs {
			if !seen[e.Error()] {
				seen[e.Error()] = true
				errs = append(errs, e)
			}
		}
		return nil, errs
	}
	im.Workbook = true
	return &WorkbookImport{Import: im, Header: header, part1: part1}, nil
}

type failFunc func(sheet string, ref cellRef, format string, args ...any)

// readSummary reads 汇总's title (A1) and its label/value pairs.
func readSummary(f *excelize.File, h *model.Document, values *[colCode]string, at *[colCode]cellRef, fail failFunc) error {
	rows, err := rawRows(f, SheetSummary)
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		h.Title = cellAt(rows[0], 0)
	}
	found := map[string]bool{}
	for r, row := range rows {
		label := strings.TrimSpace(cellAt(row, 0))
		if label == labelTotal || label == summaryColumns[0] {
			break // the project table: the header is above it
		}
		kind := kindText
		switch label {
		case labelUnitCode:
			kind = kindCode
		case labelYear:
			kind = kindNumber
		}
		v := cellText(f, SheetSummary, 2, r+1, cellAt(row, 1), kind)
		ref := cellRef{2, r + 1}
		found[label] = true
		switch label {
		case labelUnitCode:
			values[colUnitCode], at[colUnitCode] = v, ref
		case labelUnitName:
			values[colUnitName], at[colUnitName] = v, ref
		case labelYear:
			values[colYear], at[colYear] = v, ref
		case labelStatus:
			switch s := model.Status(strings.TrimSpace(v)); s {
			case model.StatusDraft, model.StatusFinal:
				h.Status = s
			default:
				fail(SheetSummary, ref, "“%s”应为 %s 或 %s（“%s”）", labelStatus, model.StatusDraft, model.StatusFinal, clip(v))
			}
		case labelCompiler:
			h.Compiler = v
		case labelReviewer:
			h.Reviewer = v
		case labelCurrency:
			h.Currency = v
		}
	}
	for _, label := range []string{labelUnitCode, labelUnitName, labelYear, labelStatus} {
		if !found[label] {
			fail(SheetSummary, cellRef{1, sumRowHeader}, "A 列找不到 “%s”（表头的标签不能改）", label)
		}
	}
	return nil
}

// readPart1 reads 第一部分: the paragraph under 一、总体绩效目标, the rows
// under 二、分项绩效目标 and 三、工作保障措施 (each below its header row).
func readPart1(f *excelize.File, h *model.Document, fail failFunc) error {
	rows, err := rawRows(f, SheetPart1)
	if err != nil {
		return err
	}
	section := ""
	skipHead := false
	for _, row := range rows {
		a := strings.TrimSpace(cellAt(row, 0))
		switch a {
		case labelOverall, labelGoals, labelMeasures:
			section, skipHead = a, a != labelOverall
			continue
		}
		if skipHead {
			skipHead = false
			continue
		}
		b, c := cellAt(row, 1), cellAt(row, 2)
		switch section {
		case labelOverall:
			if h.Overall == "" {
				h.Overall = cellAt(row, 0)
			}
		case labelGoals:
			if b != "" || c != "" {
				h.Goals = append(h.Goals, model.Goal{Goal: b, Indicator: c})
			}
		case labelMeasures:
			if b != "" || c != "" {
				h.Measures = append(h.Measures, model.Measure{Title: b, Content: c})
			}
		}
	}
	for _, label := range []string{labelOverall, labelGoals, labelMeasures} {
		found := false
		for _, row := range rows {
			found = found || strings.TrimSpace(cellAt(row, 0)) == label
		}
		if !found {
			fail(SheetPart1, cellRef{1, 1}, "A 列找不到 “%s”（标题行不能改）", label)
		}
	}
	return nil
}

// readProjectSheet reads one project's sheet: the values right of the
// header block's labels, the plan under its month labels, and the grid
// below the 一级指标 row, merged cells filled from their top-left cell.
func readProjectSheet(f *excelize.File, sheet string, fail failFunc) (*wbProject, error) {
	rows, err := rawRows(f, sheet)
	if err != nil {
		return nil, err
	}
	p := &wbProject{sheet: sheet}
	found := map[int]bool{}
	gridHead := 0
	for r := 0; r < len(rows) && gridHead == 0; r++ {
		row := rows[r]
		for c := 0; c < len(row); c++ {
			label := strings.TrimSpace(row[c])
			if col, ok := projectLabels[label]; ok && !found[col] {
				kind := kindText
				if col != colName && col != colUse && col != colGoal {
					kind = csvColumnKind(col)
				}
				p.values[col] = cellText(f, sheet, c+2, r+1, cellAt(row, c+1), kind)
				p.at[col] = cellRef{c + 2, r + 1}
				found[col] = true
				continue
			}
			for m, name := range model.PlanMonthNames {
				if label == name && !found[colMar+m] {
					col := colMar + m
					below := []string(nil)
					if r+1 < len(rows) {
						below = rows[r+1]
					}
					p.values[col] = cellText(f, sheet, c+1, r+2, cellAt(below, c), kindNumber)
					p.at[col] = cellRef{c + 1, r + 2}
					found[col] = true
				}
			}
			if c == 0 && label == model.IndicatorColumns[0] {
				gridHead = r + 1
			}
		}
	}
	if gridHead == 0 && !found[colCode] {
		// Not a 绩效目标表 at all: a sheet the user added.
		fail(sheet, cellRef{1, 1}, "不是绩效目标表：找不到 “%s” 和 “%s”（其他内容请放在另一个文件里）", labelCode, model.IndicatorColumns[0])
		return nil, nil
	}
	for col := colCode; col < colL1; col++ {
		if !found[col] {
			fail(sheet, cellRef{1, 1}, "找不到 “%s”（表头的标签不能改）", CSVHeader[col])
		}
	}
	if gridHead == 0 {
		fail(sheet, cellRef{1, 1}, "A 列找不到 “%s”（指标表的表头）", model.IndicatorColumns[0])
		return p, nil
	}

	last := len(rows) // one past the last grid row with a value of its own
	for last > gridHead && allEmpty(rows[last-1]) {
		last--
	}
	// Merged cells below the grid's header hold their value in the
	// top-left cell only; every cell they cover takes it. GetMergeCells
	// parses the whole sheet a second time, after GetRows — most of the
	// import's cost beyond reading the rows (reading the cells from that
	// one parse instead is slower still: excelize finds the sheet by name
	// over all sheets on every cell) — so it is asked only when a merge
	// could change what is read: a blank cell in 三级指标 … 指标值确定依据
	// below or right of a filled one. The 一级/二级 runs jixiao merges need
	// no merge list: a blank 一级 (and 二级) in a row with more in it reads
	// as the one above in any case, the CSV import's rule (FillLevels).
	var merges []excelize.MergeCell
	if mayBeMerged(rows, gridHead, last) {
		if merges, err = f.GetMergeCells(sheet, true); err != nil {
			return nil, fmt.Errorf("读不了工作表 %s（%w）", sheet, err)
		}
	}
	ncols := len(model.IndicatorColumns)
	p.grid = make([][len(model.IndicatorColumns)]string, last-gridHead)
	p.gridAt = make([]int, last-gridHead)
	for r := gridHead; r < last; r++ {
		g := &p.grid[r-gridHead]
		p.gridAt[r-gridHead] = r + 1
		for c := range ncols {
			g[c] = cellText(f, sheet, c+1, r+1, cellAt(rows[r], c), kindText)
		}
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 <= gridHead || r1 > last || c1 > ncols {
			continue
		}
		v := p.grid[r1-1-gridHead][c1-1]
		for r := r1; r <= min(r2, last); r++ {
			for c := c1; c <= min(c2, ncols); c++ {
				p.grid[r-1-gridHead][c-1] = v
			}
		}
	}
	return p, nil
}

// mayBeMerged reports whether a merged range could cover a blank cell of
// the grid rows [from, to) in the columns right of 二级指标: a blank cell
// under or right of a filled one (a range's value is in its top-left).
func mayBeMerged(rows [][]string, from, to int) bool {
	for r := from; r < to; r++ {
		for c := 2; c < len(model.IndicatorColumns); c++ {
			if cellAt(rows[r], c) != "" {
				continue
			}
			if cellAt(rows[r], c-1) != "" || r > from && cellAt(rows[r-1], c) != "" {
				return true
			}
		}
	}
	return false
}
