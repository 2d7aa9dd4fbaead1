package export

import "strings"

// ProjectColumns are the project form's columns in the CSV's order:
// 项目编码 … 绩效目标.
var ProjectColumns = CSVHeader[colCode : colGoal+1]

// PastedProject reads a project's row pasted into the project form from a
// spreadsheet, a Word table or a CSV opened as text: one row of the
// 项目编码 … 绩效目标 cells (11), or with 单位编码/单位名称/年度 before them
// (14), or a whole row of the CSV (22, or 20 without the review
// columns); or two rows, a header naming the
// columns (in any order, other columns ignored) and the row. It returns the
// cells in ProjectColumns order, and false when the text is none of these
// (a paste of one value, say, which belongs in the field being edited).
func PastedProject(text string) ([]string, bool) {
	rows := ParseTSV(text)
	if len(rows) == 1 && len(rows[0]) == 1 && strings.Contains(text, ",") {
		// A line of a CSV opened in a text editor.
		if recs, err := parseCSV([]byte(text)); err == nil && len(recs) > 0 {
			rows = rows[:0]
			for _, r := range recs {
				rows = append(rows, r.fields)
			}
		}
	}
	for len(rows) > 0 && allEmpty(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	switch {
	case len(rows) == 2:
		m, _ := mapHeader(rows[0])
		if len(rows[1]) != m.width {
			return nil, false
		}
		out := make([]string, len(ProjectColumns))
		found := false
		for i := range out {
			if at := m.at[colCode+i]; at >= 0 {
				out[i], found = unneutralize(rows[1][at]), true
			}
		}
		return out, found
	case len(rows) != 1:
		return nil, false
	}
	r := rows[0]
	var from int
	switch len(r) {
	case len(ProjectColumns):
		from = 0
	case colGoal + 1:
		from = colCode
	case csvColumns, csvColumnsNoReview: // with the review columns or without
		from = colCode
	default:
		return nil, false
	}
	out := make([]string, len(ProjectColumns))
	for i := range out {
		out[i] = unneutralize(r[from+i])
	}
	return out, true
}
