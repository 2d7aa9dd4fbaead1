package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/export"
	"jixiao/model"
)

// pastedBlock reports whether a paste on the grid (not in a cell editor)
// is a block of rows from a spreadsheet or a Word table — cells separated
// by tabs, or more than one line — rather than one cell's text.
func pastedBlock(text string) bool {
	text = strings.TrimRight(text, "\r\n")
	return strings.ContainsAny(text, "\t\r\n")
}

// pasteRows inserts a pasted block of rows below the cursor's row, its
// cells filling the columns from the cursor's rightward (model.PasteRows:
// a blank 一级/二级 takes the value above, as merged cells copy). It is one
// undo step and one save, and the status line says 粘贴了 N 行. A block
// wider than the columns left is refused with the count, nothing changed.
func (g *Grid) pasteRows(text string) tea.Cmd {
	rows := export.PastedRows(text)
	for _, r := range rows {
		for i, c := range r {
			r[i] = cleanCell(c)
		}
	}
	at := min(g.row, len(g.project.Indicators)-1) // -1 in an empty grid: at the top
	ins, n, err := model.PasteRows(g.project.Indicators, at, g.col, rows)
	var wide *model.PasteWidthError
	switch {
	case errors.As(err, &wide):
		return msgCmd(errMsg{What: "粘贴", Err: fmt.Errorf("粘贴的内容有 %d 列，从“%s”起只放得下 %d 列，没有粘贴（把光标移到靠左的列再粘贴）",
			wide.Cols, model.IndicatorColumns[g.col], wide.Room)})
	case err != nil:
		return msgCmd(errMsg{What: "粘贴", Err: err})
	case n == 0:
		return nil
	}
	g.project.Indicators = ins
	g.cache = slices.Insert(g.cache, at+1, make([]rowCache, n)...)
	g.hist.record(undoOp{Kind: undoPaste, Row: at + 1, To: n})
	g.row = at + 1
	g.scrollToCursor()
	return g.common.post(projectChangedMsg{Key: g.docKey, Project: g.Project(), Done: fmt.Sprintf("粘贴了 %d 行", n)})
}

// applyPaste takes a paste back out (undoPaste) or puts it back in
// (undoUnpaste), puts the cursor there, and returns the op that reverses
// it, so a redo can be built on it.
func (g *Grid) applyPaste(op undoOp) undoOp {
	if op.Kind == undoPaste {
		inv := undoOp{Kind: undoUnpaste, Row: op.Row, Inds: slices.Clone(g.project.Indicators[op.Row : op.Row+op.To])}
		g.project.Indicators = slices.Delete(g.project.Indicators, op.Row, op.Row+op.To)
		g.cache = slices.Delete(g.cache, op.Row, op.Row+op.To)
		g.row = op.Row - 1
		g.moveCursor(g.row, g.col)
		return inv
	}
	g.project.Indicators = slices.Insert(g.project.Indicators, op.Row, op.Inds...)
	g.cache = slices.Insert(g.cache, op.Row, make([]rowCache, len(op.Inds))...)
	g.moveCursor(op.Row, g.col)
	return undoOp{Kind: undoPaste, Row: op.Row, To: len(op.Inds)}
}

// offersRows reports whether text pasted into the editor of column col
// looks like rows rather than the cell's text: cells separated by tabs, or
// several lines in a column whose cells are one line (all but 描述).
func offersRows(col int, text string) bool {
	if !pastedBlock(text) {
		return false
	}
	return strings.Contains(text, "\t") || col != colDesc
}

// pasteIntoEditor asks, when a block of rows is pasted into an open cell
// editor or picker, whether to insert it as rows (y) or to put it in the
// cell as before (n); it then does what the answer says. done is false for
// messages it leaves to the editor.
func (g *Grid) pasteIntoEditor(msg tea.Msg) (cmd tea.Cmd, done bool) {
	if g.mode == modeBrowse {
		return nil, false
	}
	if g.pasteOffer == "" {
		if m, ok := msg.(tea.PasteMsg); ok && offersRows(g.editCol, m.Content) {
			g.pasteOffer = m.Content
			return nil, true
		}
		return nil, false
	}
	if _, ok := msg.(tea.PasteMsg); ok {
		return nil, true // one question at a time
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	km := g.common.Keys.Global
	text := g.pasteOffer
	switch {
	case key.Matches(k, km.Yes):
		g.pasteOffer = ""
		row, col := g.editRow, g.editCol
		g.closeEditor()
		g.moveCursor(row, col)
		return g.pasteRows(text), true
	case key.Matches(k, km.No):
		g.pasteOffer = ""
		if g.mode == modePick {
			return g.updatePicker(tea.PasteMsg{Content: text}), true
		}
		return g.updateEditor(tea.PasteMsg{Content: text}), true
	}
	return nil, true // the question waits for y or n
}

// pasteQuestion is the info line while a paste into an editor waits.
func (g *Grid) pasteQuestion() string {
	n := 0
	for _, r := range export.PastedRows(g.pasteOffer) {
		if strings.TrimSpace(strings.Join(r, "")) != "" {
			n++
		}
	}
	km := g.common.Keys.Global
	return fmt.Sprintf("粘贴的是 %d 行：%s 插入为新行，%s 粘进本格", n, keyName(km.Yes), keyName(km.No))
}
