package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/hostile"
	"jixiao/model"
)

func exportXLSX(t testing.TB, d *model.Document, findings []model.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, d, findings); err != nil {
		t.Fatalf("XLSX: %.300v", err)
	}
	return buf.Bytes()
}

func openXLSX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// dumpWorkbook writes what a reader of the workbook gets, as excelize reads
// it back: each sheet's page setup, print titles, column widths, merges
// and every non-empty cell with its type, number format and formula.
func dumpWorkbook(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		titles[dn.Scope] += dn.Name + "=" + dn.RefersTo
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "page: size %d %s fit %v×%v (fitToPage %v); %s\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight, *props.FitToPage, titles[sheet])
		var widths []string
		for c := 1; c <= 8; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			widths = append(widths, fmt.Sprintf("%s %g", name, w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, ", "))
		fmt.Fprintf(&b, "merges: %s\n", strings.Join(mergeRefs(t, f, sheet), " "))
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, raw := range row {
				cell := cellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, cell)
				if raw == "" && formula == "" {
					continue
				}
				typ, _ := f.GetCellType(sheet, cell)
				shown, _ := f.GetCellValue(sheet, cell)
				styleID, _ := f.GetCellStyle(sheet, cell)
				st, _ := f.GetStyle(styleID)
				numFmt := fmt.Sprint(st.NumFmt)
				if st.CustomNumFmt != nil {
					numFmt = *st.CustomNumFmt
				}
				fmt.Fprintf(&b, "%s %s fmt=%s", cell, cellTypeName(typ), numFmt)
				if formula != "" {
					fmt.Fprintf(&b, " =%s", formula)
				}
				fmt.Fprintf(&b, " %q", raw)
				if shown != raw {
					fmt.Fprintf(&b, " shown %q", shown)
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "number"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "text"
	case excelize.CellTypeFormula:
		return "formula"
	}
	return fmt.Sprint(t)
}

// TestXLSXSampleGolden: the sample's workbook, read back with excelize —
// sheets, page setup, print titles, widths, merges, every cell's type,
// number format, formula and value — is testdata/sample.xlsx.txt.
func TestXLSXSampleGolden(t *testing.T) {
	d := model.Sample()
	f := openXLSX(t, exportXLSX(t, d, model.Check(d)))
	golden(t, "sample.xlsx.txt", []byte(dumpWorkbook(t, f)))
}

// TestXLSXTotalsAgree: the 合计 row's SUM formulas, computed by excelize's
// own calculator, and their stored values agree with the exact totals; the
// amounts are numbers formatted 0.00 and the codes text.
func TestXLSXTotalsAgree(t *testing.T) {
	for _, d := range []*model.Document{model.Sample(), model.Generate(40, 3)} {
		f := openXLSX(t, exportXLSX(t, d, nil))
		tot := d.Totals()
		row := sumFirstData + len(d.Projects)
		for i, want := range []model.Money{tot.Budget, tot.Fiscal, tot.Other} {
			cell := cellName(3+i, row)
			formula, _ := f.GetCellFormula(SheetSummary, cell)
			if wantF := fmt.Sprintf("SUM(%s:%s)", cellName(3+i, sumFirstData), cellName(3+i, row-1)); formula != wantF {
				t.Errorf("%s: formula %q, want %q", cell, formula, wantF)
			}
			calc, err := f.CalcCellValue(SheetSummary, cell)
			if err != nil {
				t.Fatal(err)
			}
			stored, _ := f.GetCellValue(SheetSummary, cell, excelize.Options{RawCellValue: true})
			m, err := model.ParseMoney(stored)
			if want.IsSet() && (err != nil || m.Cmp(want) != 0) {
				t.Errorf("%s stores %q, want %s", cell, stored, want)
			}
			// Excel shows the computed value with the cell's format.
			if got, err := model.ParseMoney(calc); want.IsSet() && (err != nil || got.Cmp(want) != 0) {
				t.Errorf("%s computes %q, want %s", cell, calc, want)
			}
		}
		for i := range d.Projects {
			p := &d.Projects[i]
			code, _ := f.GetCellValue(SheetSummary, cellName(1, sumFirstData+i))
			typ, _ := f.GetCellType(SheetSummary, cellName(1, sumFirstData+i))
			if code != p.Code || typ != excelize.CellTypeInlineString {
				t.Errorf("code %q (%v), want text %q", code, typ, p.Code)
			}
		}
	}
}

// TestXLSXCodesAndFormulasAreText: a code of digits only stays text (Excel
// would show 4.08E+11 for a number), and text starting with = + - @ is a
// text cell formatted @, never a formula.
func TestXLSXCodesAndFormulasAreText(t *testing.T) {
	d := model.Sample()
	d.Projects[0].Code = "408000000000"
	d.Projects[0].Name = "=HYPERLINK(\"http://x\",\"点我\")"
	d.Projects[0].Indicators[0].Desc = "=1+1"
	d.Projects[0].Indicators[1].Value = "@SUM(A1)"
	d.Projects[0].Indicators[2].L3 = "-2+3"
	names := SheetNames(d)
	f := openXLSX(t, exportXLSX(t, d, nil))
	for _, c := range []struct{ sheet, cell, want string }{
		{SheetSummary, cellName(1, sumFirstData), "408000000000"},
		{SheetSummary, cellName(2, sumFirstData), d.Projects[0].Name},
		{names[0], "B3", "408000000000"},
		{names[0], "D3", d.Projects[0].Name},
		{names[0], "D10", "=1+1"},
		{names[0], "E11", "@SUM(A1)"},
		{names[0], "C12", "-2+3"},
	} {
		got, _ := f.GetCellValue(c.sheet, c.cell)
		formula, _ := f.GetCellFormula(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		styleID, _ := f.GetCellStyle(c.sheet, c.cell)
		st, _ := f.GetStyle(styleID)
		if got != c.want || formula != "" || typ != excelize.CellTypeInlineString || st.NumFmt != 49 {
			t.Errorf("%s!%s: %q formula %q type %v numFmt %d; want text %q, format @", c.sheet, c.cell, got, formula, typ, st.NumFmt, c.want)
		}
	}
}

// TestSheetNames: names follow Excel's rules and stay unique.
func TestSheetNames(t *testing.T) {
	long := strings.Repeat("法", 40)
	d := &model.Document{Projects: []model.Project{
		{Name: "法律援助经费"}, {Name: "法律援助经费"}, {Name: "a/b\\c[d]e:f*g?h"}, {Name: ""},
		{Name: long}, {Name: long}, {Name: "汇总"}, {Name: "ABC"}, {Name: "abc"}, {Name: "'引号'"},
		{Name: "😀" + strings.Repeat("x", 40)}, {Name: "\x1b[31m红\u202e"}, {Name: "History"},
	}}
	got := SheetNames(d)
	want := []string{"法律援助经费", "法律援助经费 (2)", "a_b_c_d_e_f_g_h", "项目4",
		strings.Repeat("法", 31), strings.Repeat("法", 27) + " (2)", "汇总 (2)", "ABC", "abc (2)", "引号",
		"😀" + strings.Repeat("x", 29), "[31m红", "History (2)"}
	want[11] = "_31m红"
	if !slices.Equal(got, want) {
		t.Errorf("SheetNames =\n%q\nwant\n%q", got, want)
	}
	f := excelize.NewFile()
	defer f.Close()
	for _, n := range got {
		if _, err := f.NewSheet(n); err != nil {
			t.Errorf("excelize refuses %q: %v", n, err)
		}
	}
}

// xlsxDocument is what a document is after export, import into a new
// document and nothing else: project IDs are new, empty indicator rows at
// the end of a grid are gone (an empty row cannot be told from the sheet's
// end), and — the CSV import's rule, which the workbook goes through too —
// a blank 一级 (and 二级) under a filled one reads as "the same as above".
func xlsxDocument(d *model.Document) *model.Document {
	c := *filledDown(d)
	c.Projects = make([]model.Project, len(d.Projects))
	for i, p := range filledDown(d).Projects {
		p.ID = ""
		ins := p.Indicators
		for len(ins) > 0 && ins[len(ins)-1] == (model.Indicator{}) {
			ins = ins[:len(ins)-1]
		}
		p.Indicators = ins
		if len(ins) == 0 {
			p.Indicators = nil
		}
		c.Projects[i] = p
	}
	if c.Currency == "" {
		c.Currency = "万元"
	}
	return &c
}

// importXLSX reads data and applies it to a new document, as jixiao
// import does for a document the database does not have yet.
func importXLSX(t testing.TB, data []byte) *model.Document {
	t.Helper()
	wi, err := ReadXLSX(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadXLSX: %.500v", err)
	}
	doc := NewDocument(wi.Key, wi.UnitName)
	wi.Apply(doc)
	return doc
}

// sameDocument compares two documents as stored, project IDs aside.
func sameDocument(t *testing.T, got, want *model.Document) {
	t.Helper()
	g, w := xlsxDocument(got), xlsxDocument(want)
	if g.SatisfactionMin != w.SatisfactionMin {
		g.SatisfactionMin = w.SatisfactionMin
	}
	if len(g.Projects) != len(w.Projects) {
		t.Fatalf("%d projects, want %d", len(g.Projects), len(w.Projects))
	}
	for i := range g.Projects {
		if !reflect.DeepEqual(g.Projects[i], w.Projects[i]) {
			t.Errorf("project %d:\n got %.400v\nwant %.400v", i, g.Projects[i], w.Projects[i])
		}
	}
	g.Projects, w.Projects = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Errorf("document:\n got %.600v\nwant %.600v", g, w)
	}
}

// TestXLSXRoundTrip: export → import → export gives the same document, for
// the sample, the 1,000-project generator's kind of document and the
// awkward one (pipes, quotes, line breaks, emoji, formula triggers,
// 10,000-character cells, unset amounts, empty indicator rows).
func TestXLSXRoundTrip(t *testing.T) {
	for name, d := range map[string]*model.Document{
		"sample": model.Sample(), "generated": model.Generate(30, 7), "awkward": awkwardDoc(),
	} {
		t.Run(name, func(t *testing.T) {
			data := exportXLSX(t, d, model.Check(d))
			back := importXLSX(t, data)
			sameDocument(t, back, d)
			again := importXLSX(t, exportXLSX(t, back, model.Check(back)))
			sameDocument(t, again, back)
		})
	}
}

// TestHostileXLSX: every hostile value either comes back exactly, or —
// when Excel cannot hold it (controls XML cannot carry, over 32,767
// characters) — the export names each cell and writes nothing.
func TestHostileXLSX(t *testing.T) {
	refused, kept := 0, 0
	t.Cleanup(func() {
		if refused == 0 || kept == 0 {
			t.Errorf("%d values refused, %d kept: the list no longer covers both", refused, kept)
		}
	})
	for _, h := range hostile.Valid() {
		t.Run(h.Name, func(t *testing.T) {
			d := hostileDoc(h.Value)
			var buf bytes.Buffer
			err := XLSX(&buf, d, nil)
			if problem := xlsxCellProblem("标" + h.Value); problem != "" {
				refused++
				var errs Errors
				if !errors.As(err, &errs) || buf.Len() != 0 {
					t.Fatalf("XLSX = %v with %d bytes, want Errors and nothing written", err, buf.Len())
				}
				names := SheetNames(d)
				if !strings.Contains(err.Error(), names[1]+"!B8 “绩效目标”：") {
					t.Errorf("the errors do not name %s!B8 (绩效目标): %.300v", names[1], err)
				}
				return
			}
			kept++
			if err != nil {
				t.Fatalf("XLSX: %.300v", err)
			}
			sameDocument(t, importXLSX(t, buf.Bytes()), d)
		})
	}
}

// editXLSX opens data, lets edit change it as a user would in Excel, and
// saves it again.
func editXLSX(t *testing.T, data []byte, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := openXLSX(t, data)
	edit(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestXLSXImportEdited: a workbook edited in a spreadsheet reads back with
// the edits: amounts typed as numbers (with float noise) and as text, a
// row inserted inside the merged 产出指标 run, a row inserted in the
// header block, a changed 项目名称 and plan, a code typed as a number, a
// renamed and a reordered sheet, Part 1 and the header changed.
func TestXLSXImportEdited(t *testing.T) {
	d := model.Sample()
	names := SheetNames(d)
	data := editXLSX(t, exportXLSX(t, d, model.Check(d)), func(f *excelize.File) {
		s := names[0] // 法律援助经费
		must(t, f.SetCellValue(s, "B4", 16.100000000000001))
		must(t, f.SetCellValue(s, "D4", "16.1"))
		must(t, f.SetCellValue(s, "D3", "法律援助经费（改）"))
		must(t, f.SetCellValue(s, "B7", 25))
		// A row inside the grid's 产出指标 run (rows 10–14): Excel extends
		// the merge over it.
		must(t, f.InsertRows(s, 12, 1))
		for c, v := range []string{"", "数量指标", "新增指标", "新增描述", "≥1件", "计划标准"} {
			if v != "" {
				must(t, f.SetCellValue(s, cellName(c+1, 12), v))
			}
		}
		// A row inserted in the header block, with a note.
		must(t, f.InsertRows(s, 5, 1))
		must(t, f.SetCellValue(s, "A5", "备注"))
		must(t, f.SetCellValue(s, "B5", "这一行是用户加的"))
		// A code typed as a number in another sheet.
		must(t, f.SetCellValue(names[1], "B3", 408000000000))
		// The sheets renamed and moved.
		must(t, f.SetSheetName(names[2], "普法"))
		must(t, f.MoveSheet(names[3], names[1]))
		must(t, f.SetCellValue(SheetSummary, "B5", string(model.StatusFinal)))
		must(t, f.SetCellValue(SheetSummary, "B6", "新的编制单位"))
		must(t, f.SetCellValue(SheetPart1, "A3", "新的总体目标"))
	})
	got := importXLSX(t, data)

	want := xlsxDocument(d)
	want.Status, want.Compiler, want.Overall = model.StatusFinal, "新的编制单位", "新的总体目标"
	p := &want.Projects[0]
	p.Budget, _ = model.ParseMoney("16.1")
	p.Fiscal, _ = model.ParseMoney("16.1")
	p.Name = "法律援助经费（改）"
	p.Plan.Mar = model.PercentHundredths(2500)
	added := model.Indicator{L1: p.Indicators[1].L1, L2: "数量指标", L3: "新增指标", Desc: "新增描述", Value: "≥1件", Basis: "计划标准"}
	p.Indicators = slices.Insert(slices.Clone(p.Indicators), 2, added)
	want.Projects[1].Code = "408000000000"
	want.Projects[1], want.Projects[2], want.Projects[3] = want.Projects[3], want.Projects[1], want.Projects[2]
	sameDocument(t, got, want)
}

// TestXLSXImportErrors: problems are reported all at once, each by sheet,
// cell and column, with the CSV import's messages, and nothing is
// imported.
func TestXLSXImportErrors(t *testing.T) {
	d := model.Sample()
	names := SheetNames(d)
	data := editXLSX(t, exportXLSX(t, d, nil), func(f *excelize.File) {
		must(t, f.SetCellValue(names[0], "B4", "12..3"))
		must(t, f.SetCellValue(names[0], "C7", -5))
		must(t, f.SetCellValue(names[1], "B3", ""))
		must(t, f.SetCellValue(SheetSummary, "B4", "二〇二〇"))
		must(t, f.SetCellValue(SheetSummary, "B5", "完成"))
		_, err := f.NewSheet("我的笔记")
		must(t, err)
	})
	_, err := ReadXLSX(bytes.NewReader(data))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("ReadXLSX: %v, want Errors", err)
	}
	want := []string{
		"汇总!B5：“状态”应为 草案 或 定稿（“完成”）",
		"我的笔记!A1：不是绩效目标表：找不到 “项目编码” 和 “一级指标”（其他内容请放在另一个文件里）",
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant\n%s", err, strings.Join(want, "\n"))
	}

	// With the sheets in order, the CSV's checks run.
	data = editXLSX(t, data, func(f *excelize.File) {
		must(t, f.DeleteSheet("我的笔记"))
		must(t, f.SetCellValue(SheetSummary, "B5", "草案"))
	})
	_, err = ReadXLSX(bytes.NewReader(data))
	want = []string{
		"汇总!B4 “年度”：应为四位数字的年份（“二〇二〇”）",
		"法律援助经费!B4 “预算数”：金额格式不对（“12..3”）",
		"法律援助经费!C7 “6月底”：百分比不能为负数（“-5”）",
		"公用取暖费!B3 “项目编码”：是空的，而同一行的 项目名称、预算数、财政资金 等 9 列 有值：项目各列只填了一部分。接续上一个项目的行请把“项目编码”到“绩效目标”全部留空，新项目的行请全部填写",
	}
	got := strings.Split(fmt.Sprint(err), "\n")
	if len(got) != len(want) {
		t.Errorf("%d errors, want %d:\n%v", len(got), len(want), err)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no %q in\n%v", w, err)
		}
	}
}

// TestXLSXFlatSheet: a single sheet with the CSV's 20 columns — a CSV
// opened in Excel and saved as .xlsx, amounts and codes turned into
// numbers on the way — reads as the CSV does; its errors name the cell.
func TestXLSXFlatSheet(t *testing.T) {
	d := model.Sample()
	d.Projects[1].Code = "408000000000"
	csvData := exportCSV(t, d, CSVOptions{})
	want, err := ReadCSV(bytes.NewReader(csvData), EncodingAuto)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := parseCSV(csvData[len(utf8BOM):])
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, rec := range recs {
		for c, v := range rec.fields {
			var val any = v
			if r > 0 && v != "" && (c == colCode && v == "408000000000" || c == colYear || c >= colBudget && c <= colOther || c >= colMar && c <= colDec) {
				val = decimalValue(v)
			}
			must(t, f.SetCellValue("Sheet1", cellName(c+1, r+1), val))
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	wi, err := ReadXLSX(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadXLSX: %.500v", err)
	}
	if wi.Header != nil || wi.Key != want.Key || wi.UnitName != want.UnitName || wi.Rows != want.Rows {
		t.Errorf("flat sheet: header %v key %v name %q rows %d; want no header, %v %q %d", wi.Header, wi.Key, wi.UnitName, wi.Rows, want.Key, want.UnitName, want.Rows)
	}
	if !reflect.DeepEqual(wi.Projects, want.Projects) {
		t.Errorf("flat sheet projects differ from the CSV's")
	}

	must(t, f.SetCellValue("Sheet1", "F3", "abc"))
	// A cell right of the last column (审核意见 since reviews) makes the
	// row wider than the header.
	must(t, f.SetCellValue("Sheet1", cellName(len(CSVHeader)+1, 5), "多出来的"))
	buf.Reset()
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, err = ReadXLSX(bytes.NewReader(buf.Bytes()))
	wantErrs := "Sheet1!F3 “预算数”：金额格式不对（“abc”）\nSheet1 第 5 行：应有 22 列（与表头一样多），实际有 23 列"
	if err == nil || err.Error() != wantErrs {
		t.Errorf("errors:\n%v\nwant\n%s", err, wantErrs)
	}
}

// TestXLSXMergedCellsFill: a range the user merged in the grid — here
// 指标值确定依据 over three rows, as printed tables often have it — gives
// its value to every row it covers.
func TestXLSXMergedCellsFill(t *testing.T) {
	d := model.Sample()
	names := SheetNames(d)
	data := editXLSX(t, exportXLSX(t, d, nil), func(f *excelize.File) {
		must(t, f.SetCellValue(names[0], "F10", "计划标准"))
		must(t, f.SetCellValue(names[0], "F11", ""))
		must(t, f.SetCellValue(names[0], "F12", ""))
		must(t, f.MergeCell(names[0], "F10", "F12"))
	})
	got := importXLSX(t, data)
	for r := range 3 {
		if b := got.Projects[0].Indicators[r].Basis; b != "计划标准" {
			t.Errorf("row %d: 指标值确定依据 %q, want the merged 计划标准", r+1, b)
		}
	}
	if b := got.Projects[0].Indicators[3].Basis; b != d.Projects[0].Indicators[3].Basis {
		t.Errorf("row 4 (outside the range): %q, want %q", b, d.Projects[0].Indicators[3].Basis)
	}
}

// TestXLSXSummaryReviewStatus: once a review has started, 汇总 has a
// 审核状态 column with each project's status; before it, the column is not
// there (the sample's golden has none).
func TestXLSXSummaryReviewStatus(t *testing.T) {
	d := model.Sample()
	d.Projects[0].Review.Status = model.ReviewApproved
	d.Projects[2].Review.Status = model.ReviewChanges
	f := openXLSX(t, exportXLSX(t, d, model.Check(d)))
	col := 9 // after 错误 and 警告
	if head, _ := f.GetCellValue(SheetSummary, cellName(col, sumRowHead)); head != "审核状态" {
		t.Fatalf("%s = %q, want 审核状态", cellName(col, sumRowHead), head)
	}
	for i, want := range []string{"已审核", "未审核", "需修改"} {
		if got, _ := f.GetCellValue(SheetSummary, cellName(col, sumFirstData+i)); got != want {
			t.Errorf("project %d: 审核状态 %q, want %q", i+1, got, want)
		}
	}
	plain := openXLSX(t, exportXLSX(t, model.Sample(), nil))
	if head, _ := plain.GetCellValue(SheetSummary, cellName(7, sumRowHead)); head != "" {
		t.Errorf("unreviewed, unchecked document: column 7 is %q, want nothing", head)
	}
}
