package model

import (
	"fmt"
	"strings"
)

// PasteWidthError is a paste of more columns than fit in the grid from the
// column it starts at. Nothing is pasted.
type PasteWidthError struct {
	Cols int // columns pasted (the widest row)
	Room int // columns from the start column to 指标值确定依据
}

func (e *PasteWidthError) Error() string {
	return fmt.Sprintf("paste of %d columns, room for %d", e.Cols, e.Room)
}

// FillLevels fills a blank 一级 of in (and its 二级, when that is blank
// too) from above, the indicator before it, as a spreadsheet's merged
// cells read when copied or saved: the merged text is in the first row
// only. It returns how many cells got a value. An indicator with nothing
// after 一级 is an empty row, not a merged one, and is left alone.
func FillLevels(in, above *Indicator) int {
	if !blankText(in.L1) || blankText(in.L2) && blankText(in.L3) && blankText(in.Desc) && blankText(in.Value) && blankText(in.Basis) {
		return 0
	}
	n := 0
	l2 := blankText(in.L2)
	if above.L1 != "" {
		in.L1 = above.L1
		n++
	}
	if l2 && above.L2 != "" {
		in.L2 = above.L2
		n++
	}
	return n
}

func blankText(s string) bool { return strings.TrimSpace(s) == "" }

// PasteRows returns ins with rows inserted after the indicator at index
// at (-1: before the first), each row's cells filling the columns from col
// (0 = 一级指标) rightward; the other columns start blank. A blank
// 一级/二级 then takes the value above (FillLevels), the row at index at
// counting as above the first pasted row. Rows whose cells are all blank
// are skipped. It returns the new slice (ins is not modified) and how many
// rows were inserted, or *PasteWidthError when a row has more cells than
// fit from col.
func PasteRows(ins []Indicator, at, col int, rows [][]string) ([]Indicator, int, error) {
	room := len(IndicatorColumns) - col
	if col < 0 || room <= 0 || at < -1 || at >= len(ins) {
		return nil, 0, fmt.Errorf("paste at row %d, column %d of %d rows", at, col, len(ins))
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(trimBlankTail(r)))
	}
	if width > room {
		return nil, 0, &PasteWidthError{Cols: width, Room: room}
	}
	pasted := make([]Indicator, 0, len(rows))
	var above *Indicator
	if at >= 0 {
		above = &ins[at]
	}
	for _, r := range rows {
		r = trimBlankTail(r)
		if len(r) == 0 {
			continue
		}
		var in Indicator
		for i, cell := range r {
			in.SetCell(col+i, cell)
		}
		if above != nil {
			FillLevels(&in, above)
		}
		pasted = append(pasted, in)
		above = &pasted[len(pasted)-1]
	}
	out := make([]Indicator, 0, len(ins)+len(pasted))
	out = append(out, ins[:at+1]...)
	out = append(out, pasted...)
	out = append(out, ins[at+1:]...)
	return out, len(pasted), nil
}

// trimBlankTail drops the row's trailing blank cells: a spreadsheet's
// selection often reaches past the last filled column.
func trimBlankTail(r []string) []string {
	for len(r) > 0 && blankText(r[len(r)-1]) {
		r = r[:len(r)-1]
	}
	return r
}
