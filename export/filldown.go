package export

import (
	"regexp"
	"strings"
)

// A spreadsheet user leaves a cell blank to mean "the same as above": the
// project columns of a project's second and later rows, and 一级/二级 under
// the merged cells of the printed layout. fillDown restores the first kind
// from the row above before the row is validated; model.FillLevels the
// second, from the project's indicator above.

// continuation reports whether the row's project columns (项目编码…绩效目标)
// are all blank: the row belongs to the project above.
func continuation(cells []string) bool {
	for c := colCode; c <= colGoal; c++ {
		if !blank(cells[c]) {
			return false
		}
	}
	return true
}

// partlyBlank returns the filled project columns of a row whose 项目编码
// is blank: neither a new project nor a continuation.
func partlyBlank(cells []string) []string {
	if !blank(cells[colCode]) {
		return nil
	}
	var filled []string
	for c := colName; c <= colGoal; c++ {
		if !blank(cells[c]) {
			filled = append(filled, CSVHeader[c])
		}
	}
	return filled
}

// fillDown fills the row's blank cells that mean "as above" from prev, the
// row above after its own filling, and returns how many cells got a value:
// every blank document and project column of a continuation row; blank
// document columns when all three are blank.
func fillDown(cells, prev []string) int {
	n := 0
	take := func(c int) {
		if blank(cells[c]) && prev[c] != "" {
			cells[c] = prev[c]
			n++
		}
	}
	if continuation(cells) {
		for c := colUnitCode; c <= colGoal; c++ {
			take(c)
		}
		take(colReview) // the review columns are the project's too
		take(colReviewNote)
	} else if blank(cells[colUnitCode]) && blank(cells[colUnitName]) && blank(cells[colYear]) {
		for c := colUnitCode; c <= colYear; c++ {
			take(c)
		}
	}
	return n
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// eNotation matches what Excel shows and saves for a long number typed in a
// 常规 cell: 4.08001E+11. The digits past the sixth are lost.
var eNotation = regexp.MustCompile(`^\s*[0-9](\.[0-9]+)?[eE]\+?[0-9]+\s*$`)

// codeColumns are the columns holding codes Excel mangles.
var codeColumns = [...]int{colUnitCode, colCode}
