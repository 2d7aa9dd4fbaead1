package export

import (
	"fmt"
	"strings"
)

// columnMap says where each of the CSVHeader columns is in a file: the
// header is matched by name, so the columns may come in any order and
// others (序号, 备注) may sit between them.
type columnMap struct {
	at      [csvColumns]int // file column of each CSVHeader column
	width   int             // cells in the header row
	ignored []string        // headers of the file's other columns, in order
}

// headerName is a header cell as compared: spreadsheets leave spaces, a
// BOM (a second one, or one in a sheet) and line breaks in header cells.
func headerName(s string) string {
	return strings.Join(strings.Fields(strings.TrimPrefix(s, utf8BOM)), "")
}

// mapHeader finds the CSVHeader columns in head. It returns the problems
// in Chinese: missing columns, and a column given twice.
func mapHeader(head []string) (columnMap, []string) {
	m := columnMap{width: len(head)}
	for c := range m.at {
		m.at[c] = -1
	}
	var problems []string
	for i, h := range head {
		name := headerName(h)
		c := headerIndex(name)
		switch {
		case c < 0:
			if name != "" {
				m.ignored = append(m.ignored, clip(name))
			}
		case m.at[c] >= 0:
			problems = append(problems, fmt.Sprintf("表头第 %d 列和第 %d 列都是 “%s”，只能有一列", m.at[c]+1, i+1, CSVHeader[c]))
		default:
			m.at[c] = i
		}
	}
	var missing []string
	for c, at := range m.at {
		if at < 0 && c < csvColumnsNoReview { // the review columns are optional
			missing = append(missing, CSVHeader[c])
		}
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("表头缺少 %d 列：%s（列按表头名称识别，顺序不限）", len(missing), strings.Join(missing, "、"))
		if len(m.ignored) > 0 {
			msg += fmt.Sprintf("；表头中不认识的列：%s", strings.Join(m.ignored, "、"))
		}
		problems = append(problems, msg)
	}
	return m, problems
}

func headerIndex(name string) int {
	for c, h := range CSVHeader {
		if h == name {
			return c
		}
	}
	return -1
}

// headerMatches reports whether head names every CSVHeader column once.
func headerMatches(head []string) bool {
	_, problems := mapHeader(head)
	return len(problems) == 0
}
