package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// Editing reports whether a cell editor or picker is open; the root then
// gives the grid every key but ctrl+c.
func (g *Grid) Editing() bool { return g.mode != modeBrowse }

// editingCell is Editing, for the walk-through: an open cell editor takes
// every key, the walk's own included.
func (g *Grid) editingCell() bool { return g.Editing() }

// openEditor starts editing the cursor's cell: the picker for 一级 and
// 二级, the in-place textarea for the rest (the larger one when the text
// is long).
func (g *Grid) openEditor(col int) tea.Cmd {
	if len(g.project.Indicators) == 0 {
		return nil
	}
	g.col = col
	g.editRow, g.editCol = g.row, col
	in := &g.project.Indicators[g.row]
	value := in.Cell(col)
	switch col {
	case colL1:
		g.mode = modePick
		g.picker = newPicker(model.LayoutL1Names(g.docLayout()), value, g.layout.cols[col], g.st())
		g.setLoaded(value, g.picker.input.Value())
		g.opened = g.picker.Value()
		return g.picker.Focus()
	case colL2:
		g.mode = modePick
		value = l2Prefill(in.L1, value)
		g.picker = newPicker(model.LayoutL2Names(g.docLayout(), in.L1), value, g.layout.cols[col], g.st())
		g.setLoaded(value, g.picker.input.Value())
		g.opened = g.picker.Value()
		return g.picker.Focus()
	case colBasis:
		if basisPickable(value) {
			g.mode = modePick
			g.picker = newPicker(g.bases(), value, g.layout.cols[col], g.st())
			g.picker.preferTyped = true
			g.setLoaded(value, g.picker.input.Value())
			g.opened = g.picker.Value()
			return g.picker.Focus()
		}
	}
	if tooLongToEdit(value) {
		return g.common.post(errMsg{What: "编辑" + model.IndicatorColumns[col], Err: errTooLongToEdit})
	}
	cmd := g.editText(value)
	g.setLoaded(value, g.editor.Value())
	return cmd
}

// editText opens the in-place editor, or the larger one for a long text,
// on the cell being edited with text in it.
func (g *Grid) editText(text string) tea.Cmd {
	g.editor = newCellEditor(g.keys, g.st())
	g.mode = modeCell
	if len(wrapCell(text, g.layout.cols[g.editCol])) > inPlaceMaxLines {
		g.mode = modeLarge
	}
	// Sized before the text goes in: the editor refuses text beyond its
	// content height, which a narrower editor reaches sooner.
	g.sizeEditor()
	g.editor.SetValue(text)
	g.opened = g.editor.Value()
	cmd := g.editor.Focus()
	g.scrollToCursor()
	return cmd
}

// docLayout is the 指标体系 the pickers follow: the document's as the
// review found it (set on the document, or detected from its rows), or
// auto — every standard name — before the review has loaded.
func (g *Grid) docLayout() model.Layout {
	if dr := g.common.Reviews.doc(g.docKey); dr.loaded() {
		return dr.layout
	}
	return model.LayoutAuto
}

// l2Prefill is what the 二级 picker opens on: the cell's 二级 if it
// belongs under the row's 一级 or is free text, else (a standard 二级 of
// another 一级, left from the row above when 一级 was changed) the only
// 二级 of the new 一级, or nothing to choose from the list.
func l2Prefill(l1, l2 string) string {
	names := model.L2Names(l1)
	if l2 == "" || slices.Contains(names, l2) || !standardL2(l2) {
		return l2
	}
	if len(names) == 1 {
		return names[0]
	}
	return ""
}

// standardL2 reports whether l2 is a standard 二级 of any 一级.
func standardL2(l2 string) bool {
	for _, l1 := range model.L1Names() {
		if slices.Contains(model.L2Names(l1), l2) {
			return true
		}
	}
	return false
}

// setLoaded notes what an editor shows of value when it differs (the
// editors drop control characters), so committing it untouched is no edit.
func (g *Grid) setLoaded(value, shown string) {
	g.loaded = ""
	if shown != value {
		g.loaded = shown
	}
}

// newCellEditor returns the textarea used for cells: no prompt or line
// numbers, enter left to the grid (commit) and newline on its own key.
func newCellEditor(k *GridKeys, st *GridStyles) textarea.Model {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxContentHeight = 10_000 // limit by visual lines, not MaxHeight
	ta.KeyMap.InsertNewline = k.Newline
	ta.SetStyles(st.TextArea)
	return ta
}

// sizeEditor fits the open textarea to its cell or to the large box.
func (g *Grid) sizeEditor() {
	switch g.mode {
	case modeCell:
		g.editor.DynamicHeight = true
		g.editor.MinHeight = 1
		g.editor.MaxHeight = max(1, min(inPlaceMaxLines, g.bodyHeight()))
		g.editor.SetWidth(max(g.layout.cols[g.editCol], 1))
	case modeLarge:
		w, h := g.largeBoxSize()
		g.editor.DynamicHeight = false
		g.editor.MaxHeight = 0
		g.editor.SetWidth(max(w-4, 1))  // border and padding
		g.editor.SetHeight(max(h-4, 1)) // border, title and help
	}
}

// largeBoxSize is the outer size of the larger editor's box.
func (g *Grid) largeBoxSize() (w, h int) {
	return max(min(g.width-4, 100), 10), max(min(g.height-2, 14), 5)
}

// updateEditor runs a message while a textarea is open.
func (g *Grid) updateEditor(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && g.asking {
		g.asking = false
		if key.Matches(k, g.common.Keys.Global.Yes) {
			return g.cancelEditor()
		}
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, done := g.suggestKey(k); done {
			return cmd
		}
		if cmd, done := g.endEdit(k, g.editor.Value); done {
			return cmd
		}
	}
	var cmd tea.Cmd
	g.editor, cmd = g.editor.Update(msg)
	g.refreshSuggestions()
	if g.mode == modeCell && len(wrapCell(g.editor.Value(), g.layout.cols[g.editCol])) > inPlaceMaxLines {
		// Long or pasted multi-line text: go on in the larger editor.
		g.mode = modeLarge
		g.sizeEditor()
	}
	g.scrollToCursor()
	return cmd
}

// endEdit handles the keys that end an open editor or picker the same way:
// cancel, or commit its value and stay (0) or open the next (1) or
// previous (-1) cell. done is false for any other key.
func (g *Grid) endEdit(k tea.KeyPressMsg, value func() string) (cmd tea.Cmd, done bool) {
	switch {
	case key.Matches(k, g.keys.Cancel):
		if g.mode != modePick && g.editorDirty() && (g.mode == modeLarge || strings.Contains(value(), "\n")) {
			// More than a line typed: ask before dropping it.
			g.asking = true
			return nil, true
		}
		return g.cancelEditor(), true
	case key.Matches(k, g.keys.Commit):
		return g.commitCell(value(), 0), true
	case key.Matches(k, g.keys.NextCell):
		return g.commitCell(value(), 1), true
	case key.Matches(k, g.keys.PrevCell):
		return g.commitCell(value(), -1), true
	}
	return nil, false
}

// updatePicker runs a message while the picker is open.
func (g *Grid) updatePicker(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, done := g.endEdit(k, g.picker.Value); done {
			return cmd
		}
		switch {
		case key.Matches(k, g.keys.PickUp):
			g.picker.Move(-1)
			return nil
		case key.Matches(k, g.keys.PickDown):
			g.picker.Move(1)
			return nil
		}
	}
	return g.picker.Update(msg)
}

// closeEditor drops the open editor or picker without touching the cell.
func (g *Grid) closeEditor() {
	g.mode = modeBrowse
	g.asking = false
	g.picker = nil
	g.suggest = suggestions{}
	g.retry = false
	g.editor.Blur()
	g.scrollToCursor()
}

// cancelEditor is esc in an editor or picker. Giving up a text whose save
// failed also gives up the grid's copy, which holds it: the project is
// read as stored (reloadedMsg).
func (g *Grid) cancelEditor() tea.Cmd {
	retry := g.retry
	g.closeEditor()
	if retry {
		return g.common.post(reloadMsg{Key: g.docKey, ID: g.project.ID})
	}
	return nil
}

// editorDirty reports whether the open editor or picker would commit
// something other than what it opened with.
func (g *Grid) editorDirty() bool {
	switch g.mode {
	case modePick:
		return g.picker.Value() != g.opened
	case modeCell, modeLarge:
		return g.editor.Value() != g.opened
	}
	return false
}

// reopen opens the editor on a cell again with the text whose save
// failed, so that enter saves it again and esc gives it up. A cell being
// typed in keeps its editor: that text is newer, and the failed one,
// still in the grid's copy, is saved with the next edit.
func (g *Grid) reopen(o editOrigin) tea.Cmd {
	if o.row < 0 || o.row >= len(g.project.Indicators) || o.field < 0 || o.field >= numCols {
		return nil
	}
	if g.mode != modeBrowse {
		if g.editorDirty() {
			g.retry = g.retry || g.editRow == o.row && g.editCol == o.field
			return nil
		}
		g.closeEditor()
	}
	g.moveCursor(o.row, o.field)
	g.editRow, g.editCol = g.row, g.col
	var cmd tea.Cmd
	switch o.field {
	case colL1, colL2:
		names := model.LayoutL1Names(g.docLayout())
		if o.field == colL2 {
			names = model.LayoutL2Names(g.docLayout(), g.project.Indicators[o.row].L1)
		}
		g.mode = modePick
		g.picker = newPicker(names, o.text, g.layout.cols[o.field], g.st())
		g.opened = g.picker.Value()
		cmd = g.picker.Focus()
	default:
		// Not refused when too long to open from the grid: the editor
		// held this text a moment ago, as typed or pasted.
		cmd = g.editText(o.text)
	}
	g.loaded, g.retry = "", true
	g.scrollToCursor()
	return cmd
}

// commitCell writes v into the cell being edited, then, for tab and
// shift+tab (step ±1), opens the editor on the next or previous cell so a
// row can be typed in one go. An unchanged cell sends nothing.
func (g *Grid) commitCell(v string, step int) tea.Cmd {
	row, col, retry := g.editRow, g.editCol, g.retry
	g.closeEditor()
	// Untouched text is no edit: the editors drop control characters
	// from what they show, which must not be written back.
	untouched := g.loaded != "" && v == g.loaded
	typed := v
	v = cleanCell(v)
	var cmds []tea.Cmd
	origin := &editOrigin{owner: g, row: row, field: col, text: typed}
	if old := g.project.Indicators[row].Cell(col); v != old && !untouched {
		g.hist.record(undoOp{Kind: undoEdit, Row: row, Col: col, Text: old})
		g.setCell(row, col, v)
		cmds = append(cmds, g.typedChange(origin))
	} else if retry {
		cmds = append(cmds, g.typedChange(origin)) // the save that failed, again
	}
	if step != 0 {
		g.stepCell(step)
		if g.row != row || g.col != col {
			cmds = append(cmds, g.openEditor(g.col))
		}
	}
	return tea.Batch(cmds...)
}

// cleanCell trims what surrounds a cell's text: blank lines and spaces at
// either end are never meant.
func cleanCell(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
