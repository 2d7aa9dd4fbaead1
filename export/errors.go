package export

import (
	"fmt"
	"strings"
)

// CellError is a problem with one cell (or, with Column empty, one row) of
// a file being imported. Row is the 1-based row as a spreadsheet numbers
// it: the header is row 1. Column is the canonical column (CSVHeader).
type CellError struct {
	Row    int
	Column string // the header name, e.g. 预算数
	Msg    string // in Chinese, for the user
	// Where, when set, names the cell as its source shows it (第 5 行
	// “预算数” in a CSV, a sheet and cell in a workbook) and replaces Row
	// and Column in Error.
	Where string
}

// Error reads like 第 5 行 “预算数”：金额格式不对（“12..3”）.
func (e CellError) Error() string {
	if e.Where != "" {
		return e.Where + "：" + e.Msg
	}
	if e.Column == "" {
		return fmt.Sprintf("第 %d 行：%s", e.Row, e.Msg)
	}
	return fmt.Sprintf("第 %d 行 “%s”：%s", e.Row, e.Column, e.Msg)
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
