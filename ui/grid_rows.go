package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// addRow inserts a row at `at` and opens the 一级 picker on it. The new row
// takes 一级 and 二级 from the cursor's row: rows come in groups.
func (g *Grid) addRow(at int) tea.Cmd {
	var in model.Indicator
	if n := len(g.project.Indicators); n > 0 {
		cur := g.project.Indicators[min(g.row, n-1)]
		in.L1, in.L2 = cur.L1, cur.L2
	}
	at = min(max(at, 0), len(g.project.Indicators))
	g.insertRow(at, in)
	g.hist.record(undoOp{Kind: undoInsert, Row: at})
	g.row, g.col = at, colL1
	g.scrollToCursor()
	return tea.Batch(g.changed(), g.openEditor(colL1))
}

// deleteRow removes the cursor's row; u brings it back.
func (g *Grid) deleteRow() tea.Cmd {
	if len(g.project.Indicators) == 0 {
		return nil
	}
	g.hist.record(undoOp{Kind: undoDelete, Row: g.row, Ind: g.project.Indicators[g.row]})
	g.removeRow(g.row)
	g.scrollToCursor()
	return g.changed()
}

// moveRow swaps the cursor's row with the one above (d=-1) or below.
func (g *Grid) moveRow(d int) tea.Cmd {
	to := g.row + d
	if len(g.project.Indicators) == 0 || to < 0 || to >= len(g.project.Indicators) {
		return nil
	}
	g.swapRows(g.row, to)
	g.hist.record(undoOp{Kind: undoMove, Row: g.row, To: to})
	g.row = to
	g.scrollToCursor()
	return g.changed()
}

// undoLast reverses the last committed edit and puts the cursor on it;
// ctrl+r (redoLast) does it again.
func (g *Grid) undoLast() tea.Cmd {
	return g.replay(&g.hist.undo, &g.hist.redo, "没有可撤销的操作")
}

func (g *Grid) redoLast() tea.Cmd {
	return g.replay(&g.hist.redo, &g.hist.undo, "没有可重做的操作")
}

// replay applies the newest op of from and keeps its reverse in to; with
// from empty the status line says none.
func (g *Grid) replay(from, to *undoStack, none string) tea.Cmd {
	op, ok := from.pop()
	if !ok {
		return g.common.post(noteMsg{Text: none})
	}
	to.push(g.apply(op))
	return g.changed()
}

// apply carries out op, puts the cursor on it and returns the op that
// reverses it.
func (g *Grid) apply(op undoOp) undoOp {
	var inv undoOp
	switch op.Kind {
	case undoEdit:
		inv = undoOp{Kind: undoEdit, Row: op.Row, Col: op.Col, Text: g.project.Indicators[op.Row].Cell(op.Col)}
		g.setCell(op.Row, op.Col, op.Text)
		g.row, g.col = op.Row, op.Col
	case undoInsert:
		inv = undoOp{Kind: undoDelete, Row: op.Row, Ind: g.project.Indicators[op.Row]}
		g.removeRow(op.Row)
		g.row = op.Row - 1
	case undoDelete:
		inv = undoOp{Kind: undoInsert, Row: op.Row}
		g.insertRow(op.Row, op.Ind)
		g.row = op.Row
	case undoMove:
		inv = undoOp{Kind: undoMove, Row: op.To, To: op.Row}
		g.swapRows(op.To, op.Row)
		g.row = op.Row
	case undoRow:
		inv = undoOp{Kind: undoRow, Row: op.Row, Col: op.Col, Ind: g.project.Indicators[op.Row]}
		g.project.Indicators[op.Row] = op.Ind
		g.cache[op.Row] = rowCache{}
		g.row, g.col = op.Row, op.Col
	case undoPaste, undoUnpaste:
		inv = g.applyPaste(op)
	}
	g.moveCursor(g.row, g.col)
	return inv
}

func (g *Grid) setCell(row, col int, v string) {
	g.project.Indicators[row].SetCell(col, v)
	g.cache[row] = rowCache{}
}

func (g *Grid) insertRow(at int, in model.Indicator) {
	g.project.Indicators = slices.Insert(g.project.Indicators, at, in)
	g.cache = slices.Insert(g.cache, at, rowCache{})
}

func (g *Grid) removeRow(at int) {
	g.project.Indicators = slices.Delete(g.project.Indicators, at, at+1)
	g.cache = slices.Delete(g.cache, at, at+1)
	g.row = min(g.row, max(len(g.project.Indicators)-1, 0))
}

func (g *Grid) swapRows(a, b int) {
	in := g.project.Indicators
	in[a], in[b] = in[b], in[a]
	g.cache[a], g.cache[b] = g.cache[b], g.cache[a]
}

// changed returns the command announcing the project as it now is. The
// copy is taken here, not when the command runs, so later edits can't
// leak into an earlier save.
func (g *Grid) changed() tea.Cmd {
	g.hist.follow(g.project.Indicators)
	return g.common.post(projectChangedMsg{Key: g.docKey, Project: g.Project()})
}

// typedChange is changed for a cell's text typed in an editor, which opens
// there again if the save fails.
func (g *Grid) typedChange(o *editOrigin) tea.Cmd {
	g.hist.follow(g.project.Indicators)
	return g.common.post(projectChangedMsg{Key: g.docKey, Project: g.Project(), Origin: o})
}

// Flush commits the cell being typed in, for quitting. A picker is left
// alone, its highlighted name may not be what the user meant, unless it
// shows a name chosen before whose save failed.
func (g *Grid) Flush() {
	switch {
	case g.mode == modeCell || g.mode == modeLarge:
		g.commitCell(g.editor.Value(), 0)
	case g.mode == modePick && g.retry:
		g.commitCell(g.picker.Value(), 0)
	}
}
