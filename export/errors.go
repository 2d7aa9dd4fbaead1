package export

import (
	"fmt"
	"strings"
)

// CellError is a problem with one cell (or, with Column empty, one row) of
// a CSV file. Row is the 1-based row as a spreadsheet numbers it: the
// header is row 1.
type CellError struct {
	Row    int
	Column string // the header name, e.g. 预算数
	Msg    string // in Chinese, for the user
	// In a workbook, Sheet is the sheet's name and Cell the cell's address
	// (C12; empty for a whole row).
	Sheet, Cell string
}

// Error reads like 第 5 行 “预算数”：金额格式不对（“12..3”）, or in a
// workbook 法律援助经费!B4 “预算数”：….
func (e CellError) Error() string {
	switch {
	case e.Cell != "" && e.Column != "":
		return fmt.Sprintf("%s!%s “%s”：%s", e.Sheet, e.Cell, e.Column, e.Msg)
	case e.Cell != "":
		return fmt.Sprintf("%s!%s：%s", e.Sheet, e.Cell, e.Msg)
	case e.Column == "":
		return fmt.Sprintf("%s：%s", e.rowName(), e.Msg)
	}
	return fmt.Sprintf("%s “%s”：%s", e.rowName(), e.Column, e.Msg)
}

// rowName names the error's row: 第 5 行, or 法律援助经费 第 5 行.
func (e CellError) rowName() string {
	if e.Sheet != "" {
		return fmt.Sprintf("%s 第 %d 行", e.Sheet, e.Row)
	}
	return fmt.Sprintf("第 %d 行", e.Row)
}

// Errors is every problem found in a file, in file order. Import and the
// GBK export report all of them at once so the user fixes them in one go.
type Errors []CellError

// Error lists the problems one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
