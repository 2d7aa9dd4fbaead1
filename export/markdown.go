package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// alignMaxWidth is the widest column (in display columns) that is padded
// to line its pipes up. Wider columns are written unpadded: padding a long
// paragraph would only push every row off the screen of an email.
const alignMaxWidth = 60

// Markdown writes the document as a summary to read in an email: CommonMark
// with GFM tables. It holds the title and the 编制/审核 line, a summary
// table of the projects with a 合计 row, Part 1, each project's 绩效目标表
// in the seed's structure (basics, 资金支出计划, 绩效目标, the indicator
// table, and 审核意见 once the document is being reviewed), and the
// findings (审核问题, so they are not taken for the reviewer's 审核意见).
// findings nil means the document was not
// checked: the summary then has no 错误/警告 columns and there is no
// findings section. All user text is escaped (see EscapeCell), and table
// pipes are aligned by display width where the cells are short, so the
// file also reads well as plain text.
func Markdown(w io.Writer, doc *model.Document, findings []model.Finding) error {
	m := &mdWriter{w: bufio.NewWriterSize(w, 64<<10)}
	m.document(doc, findings)
	return m.w.Flush()
}

// mdWriter writes Markdown through a buffer; scratch is reused for
// escaping so that cells do not allocate.
type mdWriter struct {
	w       *bufio.Writer
	scratch []byte
	cellW   []int // display width of each body cell of the current table
	widths  []int // padded width of each column, 0 when not aligned
	// reviewed: the document has a review, and each project its section.
	reviewed bool
}

func (m *mdWriter) blank() { m.w.WriteByte('\n') }

func (m *mdWriter) paragraph(s string) {
	m.scratch = appendParagraph(m.scratch[:0], s)
	if len(m.scratch) == 0 {
		return
	}
	m.w.Write(m.scratch)
	m.w.WriteString("\n\n")
}

func (m *mdWriter) heading(level int, s string) {
	m.w.WriteString(strings.Repeat("#", level))
	m.w.WriteByte(' ')
	m.w.WriteString(EscapeHeading(s))
	m.w.WriteString("\n\n")
}

func (m *mdWriter) document(d *model.Document, findings []model.Finding) {
	title := d.Title
	if strings.TrimSpace(title) == "" {
		title = fmt.Sprintf("%s %d 年部门预算绩效文本（%s）", d.UnitName, d.Year, d.Status)
	}
	m.heading(1, title)
	var by []string
	if d.Compiler != "" {
		by = append(by, d.Compiler+"编制")
	}
	if d.Reviewer != "" {
		by = append(by, d.Reviewer+"审核")
	}
	if len(by) > 0 {
		m.paragraph(strings.Join(by, "　"))
	}
	m.paragraph(fmt.Sprintf("单位：%s %s　年度：%d　金额单位：%s", d.UnitCode, d.UnitName, d.Year, currency(d)))
	if m.reviewed = d.Reviewed(); m.reviewed {
		m.paragraph("审核进度：" + d.ReviewCounts().String())
	}

	m.heading(2, "汇总")
	m.summary(d, findings)

	m.heading(2, "第一部分 部门整体绩效目标")
	m.heading(3, "一、总体绩效目标")
	m.paragraph(d.Overall)
	m.heading(3, "二、分项绩效目标")
	for i, g := range d.Goals {
		m.paragraph(fmt.Sprintf("%d、绩效目标：%s", i+1, g.Goal))
		m.paragraph("绩效指标：" + g.Indicator)
	}
	m.heading(3, "三、工作保障措施")
	for i, ms := range d.Measures {
		text := "（" + model.ChineseNumber(i+1) + "）" + ms.Title
		if ms.Content != "" {
			if !strings.HasSuffix(ms.Title, "。") && ms.Title != "" {
				text += "。"
			}
			text += ms.Content
		}
		m.paragraph(text)
	}

	m.heading(2, "第二部分 预算项目绩效目标")
	for i := range d.Projects {
		m.project(d, i)
	}

	if len(findings) > 0 {
		m.findings(findings)
	}
}

func currency(d *model.Document) string {
	if d.Currency == "" {
		return "万元"
	}
	return d.Currency
}

// summaryColumns are the summary table's columns; the last two only when
// the document was checked.
var summaryColumns = []string{"项目编码", "项目名称", "预算数", "财政资金", "其他资金", "指标数", "错误", "警告"}

func (m *mdWriter) summary(d *model.Document, findings []model.Finding) {
	cols := summaryColumns
	if findings == nil {
		cols = cols[:6]
	}
	perProject := findingCounts(findings)
	t := d.Totals()
	totalErrors, totalWarnings := model.Count(findings)
	right := []bool{false, false, true, true, true, true, true, true}
	n := len(d.Projects)
	m.table(cols, right, n+1, func(r, c int) string {
		if r == n {
			switch c {
			case 0:
				return "合计"
			case 1:
				return strconv.Itoa(t.Projects) + " 个项目"
			case 2:
				return t.Budget.String()
			case 3:
				return t.Fiscal.String()
			case 4:
				return t.Other.String()
			case 5:
				return strconv.Itoa(t.Indicators)
			case 6:
				return strconv.Itoa(totalErrors)
			}
			return strconv.Itoa(totalWarnings)
		}
		p := &d.Projects[r]
		switch c {
		case 0, 1, 2, 3, 4:
			return basicsCell(p, c)
		case 5:
			return strconv.Itoa(len(p.Indicators))
		case 6:
			return strconv.Itoa(perProject[p.ID].errors)
		}
		return strconv.Itoa(perProject[p.ID].warnings)
	})
}

var (
	basicsColumns = []string{"项目编码", "项目名称", "预算数", "财政资金", "其他资金"}
	basicsRight   = []bool{false, false, true, true, true}
	planRight     = []bool{true, true, true, true}
	indicatorCols = model.IndicatorColumns[:]
	indicatorLeft = make([]bool, len(model.IndicatorColumns))
)

// basicsCell is column c of basicsColumns for project p; the summary
// table starts with the same five columns.
func basicsCell(p *model.Project, c int) string {
	switch c {
	case 0:
		return p.Code
	case 1:
		return p.Name
	case 2:
		return p.Budget.String()
	case 3:
		return p.Fiscal.String()
	}
	return p.Other.String()
}

func (m *mdWriter) project(d *model.Document, i int) {
	p := &d.Projects[i]
	m.heading(3, fmt.Sprintf("%d、%s绩效目标表", i+1, p.Name))
	m.paragraph(fmt.Sprintf("%s %s　单位：%s", d.UnitCode, d.UnitName, currency(d)))
	m.table(basicsColumns, basicsRight, 1, func(_, c int) string { return basicsCell(p, c) })
	m.paragraph("资金用途：" + p.Use)
	m.paragraph("资金支出计划（%）：")
	months := p.Plan.Months()
	m.table(model.PlanMonthNames[:], planRight, 1, func(_, c int) string { return months[c].String() })
	m.paragraph("绩效目标：" + p.Goal)
	m.table(indicatorCols, indicatorLeft, len(p.Indicators), func(r, c int) string { return p.Indicators[r].Cell(c) })
	if m.reviewed {
		m.review(p)
	}
}

var (
	findingColumns = []string{"级别", "项目", "位置", "问题", "建议"}
	findingLeft    = make([]bool, len(findingColumns))
)

func (m *mdWriter) findings(fs []model.Finding) {
	errs, warns := model.Count(fs)
	m.heading(2, fmt.Sprintf("审核问题（%d 个错误，%d 个警告）", errs, warns))
	m.table(findingColumns, findingLeft, len(fs), func(r, c int) string {
		f := &fs[r]
		switch c {
		case 0:
			return f.Severity.Label()
		case 1:
			if f.ProjectID == "" && f.ProjectCode == "" && f.ProjectName == "" {
				return "第一部分"
			}
			return strings.TrimSpace(f.ProjectCode + " " + f.ProjectName)
		case 2:
			if f.Row >= 0 {
				return fmt.Sprintf("第 %d 行 %s", f.Row+1, model.FieldLabel(f.Field))
			}
			return model.FieldLabel(f.Field)
		case 3:
			return f.Message
		}
		return f.Suggestion
	})
}

// table writes a GFM table of n body rows; cell returns the raw text of a
// body cell. A column is padded to its widest cell when that is at most
// alignMaxWidth; right-aligned columns (amounts) are padded on the left.
func (m *mdWriter) table(head []string, right []bool, n int, cell func(r, c int) string) {
	cols := len(head)
	// Display widths are measured once: cellW[r*cols+c], and widths[c] is
	// the column's width, 0 when it is too wide to align.
	m.cellW = slices.Grow(m.cellW[:0], n*cols)[:n*cols]
	m.widths = slices.Grow(m.widths[:0], cols)[:cols]
	for c := 0; c < cols; c++ {
		w := max(displayWidth(head[c]), 3)
		for r := 0; r < n && w <= alignMaxWidth; r++ {
			cw := m.cellWidth(cell(r, c))
			m.cellW[r*cols+c] = cw
			w = max(w, cw)
		}
		if w > alignMaxWidth {
			w = 0
		}
		m.widths[c] = w
	}
	m.w.WriteByte('|')
	for c := 0; c < cols; c++ {
		m.w.WriteByte(' ')
		m.cell(head[c], m.widths[c]-displayWidth(head[c]), right[c])
	}
	m.w.WriteByte('\n')
	m.w.WriteByte('|')
	for c := 0; c < cols; c++ {
		dashes := max(m.widths[c], 3)
		m.w.WriteByte(' ')
		if right[c] {
			m.w.WriteString(strings.Repeat("-", dashes-1))
			m.w.WriteByte(':')
		} else {
			m.w.WriteString(strings.Repeat("-", dashes))
		}
		m.w.WriteString(" |")
	}
	m.w.WriteByte('\n')
	for r := 0; r < n; r++ {
		m.w.WriteByte('|')
		for c := 0; c < cols; c++ {
			m.w.WriteByte(' ')
			pad := 0
			if m.widths[c] > 0 {
				pad = m.widths[c] - m.cellW[r*cols+c]
			}
			m.cell(cell(r, c), pad, right[c])
		}
		m.w.WriteByte('\n')
	}
	m.blank()
}

// cell writes one escaped cell padded by pad spaces, and its closing pipe.
func (m *mdWriter) cell(s string, pad int, right bool) {
	m.scratch = appendCell(m.scratch[:0], s)
	if right {
		m.spaces(pad)
	}
	m.w.Write(m.scratch)
	if !right {
		m.spaces(pad)
	}
	m.w.WriteString(" |")
}

// cellWidth is the display width of the escaped cell.
func (m *mdWriter) cellWidth(s string) int {
	if !cellNeedsEscape(s) {
		return displayWidth(s)
	}
	m.scratch = appendCell(m.scratch[:0], s)
	return displayWidth(string(m.scratch))
}

// displayWidth is ansi.StringWidth, with a fast path for the text tables
// are made of — ASCII, CJK ideographs and CJK and full-width punctuation —
// where every rune is a grapheme of its own and the width is a sum. Full
// grapheme segmentation costs most of a Markdown export otherwise.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f:
			w++
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x3029,
			r >= 0xff01 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6:
			w += 2
		case r >= 0x2200 && r <= 0x22ff: // ≥ ≤ and other operators: narrow
			w++
		default:
			return ansi.StringWidth(s)
		}
	}
	return w
}

const spaces = "                                                                "

func (m *mdWriter) spaces(n int) {
	for n > 0 {
		k := min(n, len(spaces))
		m.w.WriteString(spaces[:k])
		n -= k
	}
}
