package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// gridLayout is everything about the table's shape that depends only on
// the width and the styles: column widths and x positions, the rendered
// title rows and rules.
type gridLayout struct {
	cols         [numCols]int
	x            [numCols]int
	blank        [numCols]string
	header       []string
	headerHeight int
	rules        [3]string // row rule with 0, 1 (一级) or 2 (一级, 二级) columns merged
	sep          string
}

// columnWidths shares w among the six columns: 一级, 二级 and 指标值 get
// what their usual contents need, the three text columns the rest, 2:3:2.
func columnWidths(w int) [numCols]int {
	avail := max(w-(numCols-1), numCols)
	var c [numCols]int
	c[colL1] = min(max(avail*11/100, 4), 10)
	c[colL2] = min(max(avail*12/100, 4), 18)
	c[colValue] = min(max(avail*12/100, 4), 16)
	rest := max(avail-c[colL1]-c[colL2]-c[colValue], 3)
	c[colL3] = max(rest*2/7, 1)
	c[colBasis] = max(rest*2/7, 1)
	c[colDesc] = max(rest-c[colL3]-c[colBasis], 1)
	return c
}

func newGridLayout(w int, st *GridStyles) gridLayout {
	l := gridLayout{cols: columnWidths(w)}
	l.sep = st.Border.Render("│")
	x := 0
	var titles [numCols][]string
	for c := range numCols {
		l.x[c] = x
		x += l.cols[c] + 1
		l.blank[c] = strings.Repeat(" ", l.cols[c])
		titles[c] = wrapCell(model.IndicatorColumns[c], l.cols[c])
		l.headerHeight = max(l.headerHeight, len(titles[c]))
	}
	for i := range l.headerHeight {
		parts := make([]string, numCols)
		for c := range numCols {
			t := l.blank[c]
			if i < len(titles[c]) {
				t = titles[c][i]
			}
			parts[c] = st.Header.Render(t)
		}
		l.header = append(l.header, strings.Join(parts, l.sep))
	}
	l.header = append(l.header, l.rule(st, 0))
	for m := range l.rules {
		l.rules[m] = l.rule(st, m)
	}
	return l
}

// rule draws a horizontal rule across the columns, leaving the first
// `merged` columns open, as the printed table does inside a merged cell.
func (l gridLayout) rule(st *GridStyles, merged int) string {
	var b strings.Builder
	for c := range numCols {
		if c > 0 {
			switch {
			case c < merged:
				b.WriteString("│")
			case c == merged:
				b.WriteString("├")
			default:
				b.WriteString("┼")
			}
		}
		if c < merged {
			b.WriteString(l.blank[c])
		} else {
			b.WriteString(strings.Repeat("─", l.cols[c]))
		}
	}
	return st.Border.Render(b.String())
}

// wrapCap is the most lines a cell is wrapped to. A row is drawn only as
// far as the screen goes and no terminal is this tall, so a cell of
// 100,000 characters costs what a screenful does (wrapped whole, it made
// 20,000 lines in a narrow column on every resize and every keypress of
// its editor).
const wrapCap = 300

// wrapCell wraps s to width w by display width (CJK takes two columns),
// keeping its own line breaks, and pads each line to w; it stops at
// wrapCap lines.
func wrapCell(s string, w int) []string {
	if s == "" || w <= 0 {
		return nil
	}
	// Enough of s for wrapCap lines: a line holds w columns and the
	// space it broke at.
	s = sanitize(clip(s, (wrapCap+1)*(w+1)))
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		for line := range strings.SplitSeq(ansi.Wrap(para, w, ""), "\n") {
			if len(out) == wrapCap {
				return out
			}
			line = ansi.Truncate(line, w, "") // a lone wide rune in a 1-wide column
			out = append(out, line+strings.Repeat(" ", max(w-ansi.StringWidth(line), 0)))
		}
	}
	return out
}

// merged reports how many leading columns of row i repeat the row above
// and are shown blank: 一级 when it matches, and 二级 too when both do.
func (g *Grid) merged(i int) int {
	if i <= 0 || i <= g.top {
		return 0
	}
	a, b := &g.project.Indicators[i-1], &g.project.Indicators[i]
	if strings.TrimSpace(b.L1) == "" || a.L1 != b.L1 {
		return 0
	}
	if strings.TrimSpace(b.L2) == "" || a.L2 != b.L2 {
		return 1
	}
	return 2
}

// View renders the grid, exactly the size given by SetSize.
func (g *Grid) View() string {
	if g.width <= 0 || g.height <= 0 {
		return ""
	}
	lines := make([]string, 0, g.height)
	lines = append(lines, g.infoLine())
	lines = append(lines, g.layout.header...)
	editY := -1
	body := g.bodyHeight()
	if len(g.project.Indicators) == 0 {
		lines = append(lines, fit(g.st().Empty.Render("（还没有指标：按 "+firstKey(g.keys.AddBelow)+" 添加一行）"), g.width))
	}
	for i := g.top; i < len(g.project.Indicators) && len(lines) < 1+len(g.layout.header)+body; i++ {
		if i > g.top {
			lines = append(lines, g.layout.rules[g.merged(i)])
		}
		if i == g.editRow && g.mode != modeBrowse {
			editY = len(lines)
		}
		lines = g.appendRow(lines, i)
	}
	if len(lines) > g.height {
		lines = lines[:g.height]
	}
	blank := strings.Repeat(" ", g.width)
	for len(lines) < g.height {
		lines = append(lines, blank)
	}
	out := strings.Join(lines, "\n")
	switch g.mode {
	case modeLarge:
		out = g.overlayLarge(out)
	case modePick:
		out = g.overlayPicker(out, editY)
	case modeCell:
		out = g.overlaySuggestions(out, editY)
	}
	return out
}

// infoLine names the project and where the cursor is.
func (g *Grid) infoLine() string {
	left := g.st().Info.Render(strings.TrimSpace("绩效指标 " + safe(g.project.Name)))
	n := len(g.project.Indicators)
	var right string
	if n == 0 {
		right = "共 0 行"
	} else {
		right = fmt.Sprintf("第 %d/%d 行 · %s", g.row+1, n, model.IndicatorColumns[g.col])
	}
	right = g.st().InfoDim.Render(right)
	if g.retry {
		right = g.st().Unsaved.Render(g.common.Keys.retryNote())
	}
	if g.asking {
		right = g.st().Unsaved.Render("放弃修改？" + g.common.Keys.confirmHint())
	}
	if g.pasteOffer != "" {
		right = g.st().Unsaved.Render(g.pasteQuestion())
	}
	// A long name gives way: the position always shows.
	if rw := ansi.StringWidth(right); ansi.StringWidth(left)+rw+1 > g.width {
		left = ansi.Truncate(left, max(g.width-rw-1, 0), "…")
	}
	gap := g.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return fit(left, g.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// appendRow adds row i's lines, with the cursor, merged cells and the
// in-place editor drawn in.
func (g *Grid) appendRow(lines []string, i int) []string {
	rc := g.rowLines(i)
	h := rc.height
	var edit []string
	if i == g.editRow {
		switch g.mode {
		case modeCell:
			edit = fitLines(sanitizeView(g.editor.View()), g.layout.cols[g.editCol])
		case modePick:
			edit = []string{fitWidth(sanitize(g.picker.input.Value()), g.layout.cols[g.editCol])}
		}
		h = max(h, len(edit))
	}
	merged := g.merged(i)
	cursorRow := i == g.row
	parts := make([]string, numCols)
	// A row taller than the screen (a 100,000-character cell) is drawn only
	// as far as the screen goes.
	for l := 0; l < h && len(lines) < g.height; l++ {
		for c := range numCols {
			t := g.layout.blank[c]
			switch {
			case edit != nil && c == g.editCol:
				if l < len(edit) {
					t = edit[l]
				}
				parts[c] = g.st().Editing.Render(t)
				continue
			case c < merged && !(cursorRow && c == g.col):
				// shown blank: the cell above carries the value
			case l < len(rc.cells[c]):
				t = rc.cells[c][l]
			}
			switch {
			case cursorRow && c == g.col && g.mode == modeBrowse:
				t = g.st().Cursor.Render(t)
			case g.marks[[2]int{i, c}] == model.SeverityError:
				t = g.st().MarkError.Render(t)
			case g.marks[[2]int{i, c}] == model.SeverityWarning:
				t = g.st().MarkWarning.Render(t)
			case cursorRow:
				t = g.st().CursorRow.Render(t)
			}
			parts[c] = t
		}
		lines = append(lines, strings.Join(parts, g.layout.sep))
	}
	return lines
}

// overlayLarge draws the larger editor in a box over the lower part of
// the grid.
func (g *Grid) overlayLarge(base string) string {
	w, h := g.largeBoxSize()
	title := g.st().BoxTitle.Render(fmt.Sprintf("编辑 第 %d 行 · %s", g.editRow+1, model.IndicatorColumns[g.editCol]))
	k := g.keys
	help := g.st().BoxHelp.Render(hintLine(" · ", k.Commit, k.Newline, k.NextCell, k.Cancel))
	if g.asking {
		help = g.st().Unsaved.Render("放弃修改？" + g.common.Keys.confirmHint())
	}
	inner := lipgloss.JoinVertical(lipgloss.Left,
		ansi.Truncate(title, w-4, "…"),
		sanitizeView(g.editor.View()),
		ansi.Truncate(help, w-4, "…"))
	box := g.st().Box.Width(w).Height(h).Render(inner)
	x := max((g.width-w)/2, 0)
	y := max(g.height-h, 0)
	return compose(base, box, x, y)
}

// overlayPicker draws the picker over the cell being edited, at line
// editY of the grid: the input line, then the choices. It is drawn above
// the cell when there is no room below.
func (g *Grid) overlayPicker(base string, editY int) string {
	p := g.picker
	if p == nil || editY < 0 {
		return base
	}
	const maxItems = 8
	first := max(p.sel-maxItems+1, 0)
	last := min(first+maxItems, len(p.choices))
	items := make([]string, 0, maxItems+1)
	items = append(items, fitWidth(sanitizeView(p.input.View()), p.width))
	for j := first; j < last; j++ {
		label := "  " + safe(p.choices[j])
		if j == 0 && p.free {
			label = "✎ " + safe(p.choices[j])
		}
		label = fitWidth(label, p.width)
		switch {
		case j == p.sel:
			label = g.st().PickSel.Render(label)
		case j == 0 && p.free:
			label = g.st().PickFree.Render(label)
		}
		items = append(items, label)
	}
	if len(p.choices) == 0 {
		items = append(items, g.st().PickFree.Render(fitWidth("（无标准名称，保留输入）", p.width)))
	}
	box := g.st().Box.Render(strings.Join(items, "\n"))
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x := max(min(g.layout.x[g.editCol]-2, g.width-bw), 0) // input text over the cell's
	y := editY - 1                                        // the input line on the cell's first line
	if y+bh > g.height {
		y = max(g.height-bh, 0)
	}
	return compose(base, box, x, max(y, 0))
}
