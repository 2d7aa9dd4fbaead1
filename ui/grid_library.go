package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"strconv"
	"unicode/utf8"

	"jixiao/model"
)

// maxSuggestions is how many library rows the 三级 editor offers at once.
const maxSuggestions = 6

// suggestions are the library rows offered under the 三级 editor as the
// user types: best match first, the highlighted one filled by one key.
type suggestions struct {
	query string // what they were found for
	rows  []model.LibraryRow
	sel   int
}

// refreshSuggestions searches the library for the 三级 being typed. The
// search runs only when the text changed, so moving the editor's cursor
// costs nothing.
func (g *Grid) refreshSuggestions() {
	if g.editCol != colL3 || g.mode == modeBrowse || g.common.Library == nil {
		g.suggest = suggestions{}
		return
	}
	q := strings.TrimSpace(g.editor.Value())
	if q == g.suggest.query && g.suggest.rows != nil {
		return
	}
	g.suggest = suggestions{query: q, rows: g.common.Library.Search(q, maxSuggestions)}
}

// suggestKey handles the keys the suggestions take while they are shown:
// move the highlight, or fill the row. ok is false for any other key.
func (g *Grid) suggestKey(k tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	n := len(g.suggest.rows)
	if n == 0 {
		return nil, false
	}
	switch {
	case key.Matches(k, g.keys.Fill):
		return g.fillFromLibrary(g.suggest.rows[g.suggest.sel]), true
	case key.Matches(k, g.keys.PickUp):
		g.suggest.sel = (g.suggest.sel + n - 1) % n
		return nil, true
	case key.Matches(k, g.keys.PickDown):
		g.suggest.sel = (g.suggest.sel + 1) % n
		return nil, true
	}
	return nil, false
}

// fillFromLibrary writes a library row into the row being edited: 三级,
// 描述, 指标值 and 依据, and 一级/二级 where they are blank. It is one edit:
// one save and one undo step.
func (g *Grid) fillFromLibrary(r model.LibraryRow) tea.Cmd {
	row := g.editRow
	g.closeEditor()
	old := g.project.Indicators[row]
	in := old
	in.L3, in.Desc, in.Value, in.Basis = r.L3, r.Desc, r.Value, r.Basis
	if strings.TrimSpace(in.L1) == "" {
		in.L1 = r.L1
	}
	if strings.TrimSpace(in.L2) == "" {
		in.L2 = r.L2
	}
	if in == old {
		return nil
	}
	g.hist.record(undoOp{Kind: undoRow, Row: row, Col: colL3, Ind: old})
	g.project.Indicators[row] = in
	g.cache[row] = rowCache{}
	g.moveCursor(row, colValue) // the figure is what is usually changed next
	return g.changed()
}

// overlaySuggestions draws the suggestions under the 三级 editor at line
// editY (above it when there is no room below): each row's 三级, 指标值
// and where it comes from, the highlighted one marked.
func (g *Grid) overlaySuggestions(base string, editY int) string {
	s := &g.suggest
	if len(s.rows) == 0 || editY < 0 || g.mode != modeCell {
		return base
	}
	st := g.st()
	w := min(72, g.width-2)
	inner := w - 4 // border and padding
	items := make([]string, 0, len(s.rows)+1)
	for i, r := range s.rows {
		src := r.Source
		if !r.BuiltIn() && r.Uses > 1 {
			src += " ×" + strconv.Itoa(r.Uses)
		}
		srcW := min(ansi.StringWidth(src), inner*2/5)
		left := fitWidth(safe(oneLine(r.L3))+"  "+safe(oneLine(r.Value)), inner-srcW-1)
		line := left + " " + fitWidth(safe(oneLine(src)), srcW)
		if i == s.sel {
			line = st.PickSel.Render(line)
		} else {
			line = left + " " + st.BoxHelp.Render(fitWidth(safe(oneLine(src)), srcW))
		}
		items = append(items, line)
	}
	items = append(items, st.BoxHelp.Render(fitWidth(firstKey(g.keys.Fill)+" 填入整行  "+firstKey(g.keys.PickDown)+" 选择", inner)))
	box := st.Box.Render(strings.Join(items, "\n"))
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x := max(min(g.layout.x[g.editCol]-2, g.width-bw), 0)
	y := editY + g.shownHeight(g.editRow)
	if y+bh > g.height {
		y = editY - bh // above the cell
	}
	return compose(base, box, x, max(y, 0))
}

// basisPickable reports whether a 依据 is edited in the picker of the
// usual ones: a one-line text of a name's length. A longer one keeps the
// text editor, which can hold it.
func basisPickable(v string) bool {
	return !strings.ContainsAny(v, "\r\n") && utf8.RuneCountInString(v) <= 30
}

// bases are the 依据 the picker offers: the five standards and what the
// file has used, or the standards alone before the library is read.
func (g *Grid) bases() []string {
	if g.common.Library != nil {
		return g.common.Library.Bases()
	}
	return model.BasisStandards
}
