package export

import "strings"

// ParseTSV splits text as Excel, WPS and Word put a range of cells on the
// clipboard: cells separated by tabs, rows by CR LF (LF or a lone CR from
// other programs), and a cell that holds a line break, a tab or a quote
// written in quotes, a quote inside doubled. The line break after the last
// row ends it rather than starting an empty one. A quote that does not
// open a cell as Excel writes one (no closing quote, or text after it) is
// taken literally, as Excel does when pasting.
func ParseTSV(text string) [][]string {
	var rows [][]string
	var row []string
	i := 0
	for i < len(text) {
		cell, next, quoted := quotedCell(text, i)
		if !quoted {
			next = i
			for next < len(text) && text[next] != '\t' && text[next] != '\n' && text[next] != '\r' {
				next++
			}
			cell = text[i:next]
		}
		row = append(row, cell)
		i = next
		switch {
		case i >= len(text):
		case text[i] == '\t':
			i++
			if i == len(text) { // a row ending in a tab has an empty last cell
				row = append(row, "")
			}
			continue
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
		default: // \n or a lone \r
			i++
		}
		rows = append(rows, row)
		row = nil
	}
	if row != nil {
		rows = append(rows, row)
	}
	return rows
}

// quotedCell reads the quoted cell starting at text[i], if one does: the
// cell's text and the index after its closing quote.
func quotedCell(text string, i int) (cell string, next int, ok bool) {
	if text[i] != '"' {
		return "", 0, false
	}
	var b strings.Builder
	j := i + 1
	for {
		k := strings.IndexByte(text[j:], '"')
		if k < 0 {
			return "", 0, false
		}
		b.WriteString(text[j : j+k])
		j += k + 1
		if j < len(text) && text[j] == '"' {
			b.WriteByte('"')
			j++
			continue
		}
		if j == len(text) || text[j] == '\t' || text[j] == '\n' || text[j] == '\r' {
			return b.String(), j, true
		}
		return "", 0, false
	}
}

// PastedRows reads text pasted into the terminal app as ParseTSV does,
// after making every line break LF: terminals send a pasted line break as
// CR (tmux, VTE), so the CR LF a spreadsheet put on the clipboard may
// arrive as CR CR and a line break inside a quoted cell as CR. The empty
// rows that leaves between rows are the caller's to skip (model.PasteRows
// does).
func PastedRows(text string) [][]string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return ParseTSV(strings.ReplaceAll(text, "\r", "\n"))
}
