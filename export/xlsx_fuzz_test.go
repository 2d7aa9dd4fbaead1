package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// FuzzReadXLSXCells: whatever text a user types into the cells the reader
// looks at — a header label, the 项目编码, an amount, a plan point, 一级,
// 汇总's 年度 and 状态 — ReadXLSX never panics and fails only with Errors
// that each name a sheet and cell; what it accepts exports and reads back
// to the same document.
func FuzzReadXLSXCells(f *testing.F) {
	small := model.Sample()
	small.Projects = small.Projects[:2]
	small.Projects[1].Indicators = small.Projects[1].Indicators[:2]
	var buf bytes.Buffer
	if err := XLSX(&buf, small, nil); err != nil {
		f.Fatal(err)
	}
	base := buf.Bytes()
	names := SheetNames(small)
	cells := []struct{ sheet, cell string }{
		{names[0], "A3"}, {names[0], "B3"}, {names[0], "B4"}, {names[0], "C7"}, {names[0], "A11"},
		{names[1], "D4"}, {names[1], "A9"}, {SheetSummary, "B4"}, {SheetSummary, "B5"}, {SheetPart1, "A2"},
	}
	for _, s := range []string{"", "16", "1..5", "-3", "4.08E+11", "=SUM(A1)", "项目编码", "一级指标", "定稿", "二〇二〇", "\t", "😀"} {
		f.Add(uint8(0), s)
	}
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		if xlsxCellProblem(text) != "" {
			return // Excel could not hold it either
		}
		c := cells[int(which)%len(cells)]
		wb, err := excelize.OpenReader(bytes.NewReader(base))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		if err := wb.SetCellStr(c.sheet, c.cell, text); err != nil {
			t.Fatal(err)
		}
		var edited bytes.Buffer
		if _, err := wb.WriteTo(&edited); err != nil {
			t.Fatal(err)
		}
		wi, err := ReadXLSX(bytes.NewReader(edited.Bytes()))
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("%s!%s = %q: error is not a cell list: %v", c.sheet, c.cell, text, err)
			}
			for _, e := range errs {
				if !strings.Contains(e.Where, "!") && !strings.Contains(e.Where, " 第 ") {
					t.Errorf("error names no sheet and cell: %v", e)
				}
			}
			return
		}
		d := NewDocument(wi.Key, wi.UnitName)
		wi.Apply(d)
		var again bytes.Buffer
		if err := XLSX(&again, d, nil); err != nil {
			t.Fatalf("what was read does not export: %v", err)
		}
		wi2, err := ReadXLSX(bytes.NewReader(again.Bytes()))
		if err != nil {
			t.Fatalf("the export of what was read does not read back: %v", err)
		}
		d2 := NewDocument(wi2.Key, wi2.UnitName)
		wi2.Apply(d2)
		if len(d2.Projects) != len(d.Projects) {
			t.Fatalf("%d projects, then %d", len(d.Projects), len(d2.Projects))
		}
		sameDocument(t, d2, d)
	})
}
