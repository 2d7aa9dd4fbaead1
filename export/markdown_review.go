package export

import (
	"strconv"
	"strings"

	"jixiao/model"
)

var (
	rowNoteColumns = []string{"行", "三级指标", "意见"}
	rowNoteRight   = []bool{true, false, false}
)

// review writes a project's 审核意见 section: its 审核状态, the reviewer's
// note on the project (paragraphs as typed) and a table of the notes on
// its indicator rows, numbered as in the grid.
func (m *mdWriter) review(p *model.Project) {
	m.heading(4, "审核意见")
	m.paragraph("审核状态：" + p.Review.Status.String())
	if strings.TrimSpace(p.Review.Note) != "" {
		m.paragraph(p.Review.Note)
	}
	var rows []int
	for i := range p.Indicators {
		if strings.TrimSpace(p.Indicators[i].Note) != "" {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return
	}
	m.table(rowNoteColumns, rowNoteRight, len(rows), func(r, c int) string {
		in := &p.Indicators[rows[r]]
		switch c {
		case 0:
			return strconv.Itoa(rows[r] + 1)
		case 1:
			return in.L3
		}
		return in.Note
	})
}
