package export

import (
	"bytes"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// BenchmarkExportXLSX compares XLSX (app) for the 1,000-project document
// with excelize's StreamWriter writing the same cells alone
// (excelize-stream): the same sheets, texts and numbers, without styles,
// merges, widths, page setup or the checks.
func BenchmarkExportXLSX(b *testing.B) {
	b.Run("app", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := XLSX(io.Discard, benchDoc, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("excelize-stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := streamCellsAlone(io.Discard, benchDoc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// streamCellsAlone writes the cells XLSX writes, and nothing else.
func streamCellsAlone(w io.Writer, d *model.Document) error {
	f := excelize.NewFile()
	defer f.Close()
	names := SheetNames(d)
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, s := range append([]string{SheetPart1}, names...) {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	money := func(m model.Money) any {
		if !m.IsSet() {
			return nil
		}
		return decimalValue(m.String())
	}
	sw, err := f.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	sw.SetRow("A1", []any{documentTitle(d)})
	values := summaryValues(d)
	for i, l := range summaryLabels {
		sw.SetRow(cellName(1, sumRowHeader+i), []any{l, values[i]})
	}
	sw.SetRow(cellName(1, sumRowHead), []any{"项目编码", "项目名称", "预算数", "财政资金", "其他资金", "指标数"})
	for i := range d.Projects {
		p := &d.Projects[i]
		sw.SetRow(cellName(1, sumFirstData+i), []any{p.Code, p.Name, money(p.Budget), money(p.Fiscal), money(p.Other), len(p.Indicators)})
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if sw, err = f.NewStreamWriter(SheetPart1); err != nil {
		return err
	}
	sw.SetRow("A1", []any{d.Overall})
	if err := sw.Flush(); err != nil {
		return err
	}
	row := make([]any, len(model.IndicatorColumns))
	for i := range d.Projects {
		p := &d.Projects[i]
		if sw, err = f.NewStreamWriter(names[i]); err != nil {
			return err
		}
		m := p.Plan.Months()
		sw.SetRow("A1", []any{p.Name})
		sw.SetRow("A3", []any{labelCode, p.Code, labelName, p.Name})
		sw.SetRow("A4", []any{labelBudget, money(p.Budget), labelFiscal, money(p.Fiscal), labelOther, money(p.Other)})
		sw.SetRow("A5", []any{labelUse, p.Use})
		sw.SetRow("A6", []any{labelPlan, "3月底", "6月底", "10月底", "12月底"})
		sw.SetRow("A7", []any{nil, decimalValue(m[0].String()), decimalValue(m[1].String()), decimalValue(m[2].String()), decimalValue(m[3].String())})
		sw.SetRow("A8", []any{labelGoal, p.Goal})
		sw.SetRow("A9", []any{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"})
		for r := range p.Indicators {
			for c := range row {
				row[c] = p.Indicators[r].Cell(c)
			}
			if err := sw.SetRow(cellName(1, projRowGrid+1+r), row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// BenchmarkImportXLSX compares ReadXLSX (app) of the 1,000-project
// workbook with excelize opening it and reading every sheet's rows alone
// (excelize-rows).
func BenchmarkImportXLSX(b *testing.B) {
	var buf bytes.Buffer
	if err := XLSX(&buf, benchDoc, nil); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("app", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ReadXLSX(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("excelize-rows", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range f.GetSheetList() {
				if _, err := f.GetRows(s, excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
			}
			f.Close()
		}
	})
}
