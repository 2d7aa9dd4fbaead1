package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// The grid's columns, in model.IndicatorColumns order.
const (
	colL1 = iota
	colL2
	colL3
	colDesc
	colValue
	colBasis
	numCols
)

// gridMode says what has the keyboard.
type gridMode int

const (
	modeBrowse gridMode = iota // the cell cursor
	modeCell                   // a textarea inside the cell
	modeLarge                  // a larger textarea in a box over the grid
	modePick                   // the 一级/二级 picker
)

// inPlaceMaxLines is how tall the in-place editor grows before the text
// moves to the larger editor.
const inPlaceMaxLines = 4

// Grid is the indicator grid (绩效指标表) of one project: six columns with
// a cell cursor, in-place editing, a picker for the standard 一级/二级
// names, row add/delete/move and undo. Every committed change is posted
// to the root as projectChangedMsg, which the root saves.
//
// Rows are rendered from a cache of their wrapped cells, and only the rows
// on screen are looked at, so moving through 1,000 rows costs what moving
// through 10 does.
type Grid struct {
	common *Common
	keys   *GridKeys

	docKey  model.DocKey
	project model.Project

	width, height int
	layout        gridLayout
	cache         []rowCache // parallel to project.Indicators; height 0 = stale

	row, col int // the cursor
	top      int // first row on screen

	mode             gridMode
	editRow, editCol int
	editor           textarea.Model
	picker           *picker
	loaded           string // what the editor showed when opened, if not the cell's text
	opened           string // what committing the editor or picker untouched gives
	// retry is set while the editor shows a cell's text whose save
	// failed: committing it saves again even unchanged, esc gives it up
	// and reads the project as stored.
	retry bool

	undo undoStack

	// findings are the project's review findings; marks the worst
	// severity per cell ({row, col}), drawn as a coloured underline.
	findings []model.Finding
	marks    map[[2]int]model.Severity
	// whole is set when the cursor was put on a finding about the table
	// as a whole, at wholeAt; ] and [ count from there until it moves.
	whole   bool
	wholeAt [2]int
}

// rowCache holds one row's cells wrapped to the column widths, each line
// padded to its column's width, so View only joins strings.
type rowCache struct {
	cells  [numCols][]string
	height int
}

// NewGrid returns a grid showing p's indicators, cursor on the first cell,
// at the size of c.
func NewGrid(c *Common, key model.DocKey, p model.Project) *Grid {
	g := &Grid{
		common:  c,
		keys:    &c.Keys.Grid,
		docKey:  key,
		project: cloneProject(p),
	}
	g.editor = newCellEditor(g.keys, g.st())
	g.cache = make([]rowCache, len(g.project.Indicators))
	g.SetFindings(c.Reviews.project(key, p.ID))
	g.SetSize(c.Width, c.Height)
	return g
}

// st is the grid's part of the one Styles tree. It is read on every use,
// never kept: the root rebuilds the tree when the background is known.
func (g *Grid) st() *GridStyles { return &g.common.Styles.Grid }

// restyle takes the styles rebuilt for a new background: the rendered
// titles and rules, and the editors' copies.
func (g *Grid) restyle() {
	g.relayout()
	g.editor.SetStyles(g.st().TextArea)
	if g.picker != nil {
		g.picker.input.SetStyles(g.st().TextInput)
	}
}

// cloneProject copies p so that the grid and the messages it sends never
// share an Indicators array with anyone.
func cloneProject(p model.Project) model.Project {
	p.Indicators = slices.Clone(p.Indicators)
	return p
}

// SetSize sets the area the grid draws in. Changing the width rewraps the
// rows (lazily, as they come on screen).
func (g *Grid) SetSize(w, h int) {
	w, h = max(w, 0), max(h, 0)
	if w != g.width {
		g.width = w
		g.relayout()
	}
	g.height = h
	g.sizeEditor()
	g.scrollToCursor()
}

// relayout recomputes the column widths and drops every cached row.
func (g *Grid) relayout() {
	g.layout = newGridLayout(g.width, g.st())
	g.cache = make([]rowCache, len(g.project.Indicators))
}

// Update handles a message and returns the command to run.
func (g *Grid) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case saveFailedMsg:
		if m.Origin.owner == g {
			return g.reopen(m.Origin)
		}
		return nil
	case reloadedMsg:
		if m.Key == g.docKey && m.Project != nil && m.Project.ID == g.project.ID {
			g.SetProject(*m.Project)
		}
		return nil
	}
	switch g.mode {
	case modeCell, modeLarge:
		return g.updateEditor(msg)
	case modePick:
		return g.updatePicker(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return g.handleKey(msg)
	case tea.PasteMsg:
		// Pasting on a cell starts editing it with the pasted text added.
		if cmd := g.openEditor(g.col); g.mode != modeBrowse {
			return tea.Batch(cmd, g.Update(msg))
		}
	}
	return nil
}

// handleKey runs one browse-mode key.
func (g *Grid) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	switch {
	case key.Matches(msg, k.Up):
		g.moveCursor(g.row-1, g.col)
	case key.Matches(msg, k.Down):
		g.moveCursor(g.row+1, g.col)
	case key.Matches(msg, k.Left):
		g.moveCursor(g.row, g.col-1)
	case key.Matches(msg, k.Right):
		g.moveCursor(g.row, g.col+1)
	case key.Matches(msg, k.NextCell):
		g.stepCell(1)
	case key.Matches(msg, k.PrevCell):
		g.stepCell(-1)
	case key.Matches(msg, k.RowStart):
		g.moveCursor(g.row, 0)
	case key.Matches(msg, k.RowEnd):
		g.moveCursor(g.row, numCols-1)
	case key.Matches(msg, k.Top):
		g.moveCursor(0, g.col)
	case key.Matches(msg, k.Bottom):
		g.moveCursor(len(g.project.Indicators)-1, g.col)
	case key.Matches(msg, k.PageDown):
		g.page(1)
	case key.Matches(msg, k.PageUp):
		g.page(-1)
	case key.Matches(msg, k.Edit):
		return g.openEditor(g.col)
	case key.Matches(msg, k.AddBelow):
		return g.addRow(g.row + 1)
	case key.Matches(msg, k.AddAbove):
		return g.addRow(g.row)
	case key.Matches(msg, k.Delete):
		return g.deleteRow()
	case key.Matches(msg, k.Undo):
		return g.undoLast()
	case key.Matches(msg, k.MoveUp):
		return g.moveRow(-1)
	case key.Matches(msg, k.MoveDown):
		return g.moveRow(1)
	}
	return nil
}

// moveCursor puts the cursor on (row, col), clamped to the grid.
func (g *Grid) moveCursor(row, col int) {
	n := len(g.project.Indicators)
	g.row = min(max(row, 0), max(n-1, 0))
	g.col = min(max(col, 0), numCols-1)
	g.scrollToCursor()
}

// stepCell moves to the next (d=1) or previous (d=-1) cell in reading
// order, across row ends.
func (g *Grid) stepCell(d int) {
	pos := g.row*numCols + g.col + d
	last := len(g.project.Indicators)*numCols - 1
	pos = min(max(pos, 0), max(last, 0))
	g.moveCursor(pos/numCols, pos%numCols)
}

// page moves the cursor and the view a screen down (d=1) or up: down
// starts the screen at the first row that was not wholly shown, up ends it
// just above the old top, so pgdn then pgup comes back.
func (g *Grid) page(d int) {
	n := len(g.project.Indicators)
	if n == 0 {
		return
	}
	old := g.top
	if d > 0 {
		g.top = min(g.top+max(g.rowsOnScreen(), 1), n-1)
		g.row = min(g.row+(g.top-old), n-1)
		if g.top == old {
			g.row = n - 1
		}
	} else {
		if g.top > 0 {
			g.top = g.fillUp(g.top-1, g.bodyHeight())
		}
		g.row = max(g.row-(old-g.top), 0)
		if g.top == old {
			g.row = 0
		}
	}
	g.scrollToCursor()
}

// rowsOnScreen counts the rows that fit wholly from top.
func (g *Grid) rowsOnScreen() int {
	budget := g.bodyHeight()
	n := 0
	for i := g.top; i < len(g.project.Indicators); i++ {
		budget -= g.shownHeight(i)
		if i > g.top {
			budget-- // the rule above the row
		}
		if budget < 0 {
			break
		}
		n++
	}
	return n
}

// scrollToCursor moves top the least needed to show the cursor's row
// whole (or its top part, when it is taller than the screen). It looks at
// the rows between top and the cursor only.
func (g *Grid) scrollToCursor() {
	n := len(g.project.Indicators)
	if n == 0 {
		g.row, g.top = 0, 0
		return
	}
	g.row = min(max(g.row, 0), n-1)
	g.top = min(max(g.top, 0), n-1)
	if g.row < g.top {
		g.top = g.row
		return
	}
	budget := g.bodyHeight()
	used := 0
	for i := g.top; i <= g.row; i++ {
		if i > g.top {
			used++
		}
		used += g.shownHeight(i)
		if used > budget {
			g.top = g.fillUp(g.row, budget)
			return
		}
	}
}

// fillUp returns the first row of a screen that ends with row.
func (g *Grid) fillUp(row, budget int) int {
	used := g.shownHeight(row)
	top := row
	for top > 0 {
		h := g.shownHeight(top-1) + 1
		if used+h > budget {
			break
		}
		used += h
		top--
	}
	return top
}

// bodyHeight is the number of lines for rows: the grid less the info
// line, the column titles and the rule under them.
func (g *Grid) bodyHeight() int {
	return max(g.height-2-g.layout.headerHeight, 0)
}

// rowLines returns row i's cached cells, wrapping them if stale.
func (g *Grid) rowLines(i int) *rowCache {
	rc := &g.cache[i]
	if rc.height == 0 {
		in := &g.project.Indicators[i]
		rc.height = 1
		for c := range numCols {
			rc.cells[c] = wrapCell(in.Cell(c), g.layout.cols[c])
			rc.height = max(rc.height, len(rc.cells[c]))
		}
	}
	return rc
}

// shownHeight is row i's height on screen: its cells, or the in-place
// editor when that is taller.
func (g *Grid) shownHeight(i int) int {
	h := g.rowLines(i).height
	if i == g.editRow && g.mode == modeCell {
		h = max(h, g.editor.Height())
	}
	return h
}

// --- editing -------------------------------------------------------------

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
		g.picker = newPicker(model.L1Names(), value, g.layout.cols[col], g.st())
		g.setLoaded(value, g.picker.input.Value())
		g.opened = g.picker.Value()
		return g.picker.Focus()
	case colL2:
		g.mode = modePick
		value = l2Prefill(in.L1, value)
		g.picker = newPicker(model.L2Names(in.L1), value, g.layout.cols[col], g.st())
		g.setLoaded(value, g.picker.input.Value())
		g.opened = g.picker.Value()
		return g.picker.Focus()
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
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, done := g.endEdit(k, g.editor.Value); done {
			return cmd
		}
	}
	var cmd tea.Cmd
	g.editor, cmd = g.editor.Update(msg)
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
	g.picker = nil
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
		names := model.L1Names()
		if o.field == colL2 {
			names = model.L2Names(g.project.Indicators[o.row].L1)
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
		g.undo.push(undoOp{Kind: undoEdit, Row: row, Col: col, Text: old})
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

// --- rows ----------------------------------------------------------------

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
	g.undo.push(undoOp{Kind: undoInsert, Row: at})
	g.row, g.col = at, colL1
	g.scrollToCursor()
	return tea.Batch(g.changed(), g.openEditor(colL1))
}

// deleteRow removes the cursor's row; u brings it back.
func (g *Grid) deleteRow() tea.Cmd {
	if len(g.project.Indicators) == 0 {
		return nil
	}
	g.undo.push(undoOp{Kind: undoDelete, Row: g.row, Ind: g.project.Indicators[g.row]})
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
	g.undo.push(undoOp{Kind: undoMove, Row: g.row, To: to})
	g.row = to
	g.scrollToCursor()
	return g.changed()
}

// undoLast reverses the last committed edit and puts the cursor on it.
func (g *Grid) undoLast() tea.Cmd {
	op, ok := g.undo.pop()
	if !ok {
		return nil
	}
	switch op.Kind {
	case undoEdit:
		g.setCell(op.Row, op.Col, op.Text)
		g.row, g.col = op.Row, op.Col
	case undoInsert:
		g.removeRow(op.Row)
		g.row = op.Row - 1
	case undoDelete:
		g.insertRow(op.Row, op.Ind)
		g.row = op.Row
	case undoMove:
		g.swapRows(op.To, op.Row)
		g.row = op.Row
	}
	g.moveCursor(g.row, g.col)
	return g.changed()
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
	return g.common.post(projectChangedMsg{Key: g.docKey, Project: g.Project()})
}

// typedChange is changed for a cell's text typed in an editor, which opens
// there again if the save fails.
func (g *Grid) typedChange(o *editOrigin) tea.Cmd {
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

// --- outside -------------------------------------------------------------

// SetProject replaces the project after an outside change, keeping the
// cursor where it can. Undo history survives only if the rows are the
// same, since it refers to rows by position.
func (g *Grid) SetProject(p model.Project) {
	same := slices.Equal(p.Indicators, g.project.Indicators)
	g.project = cloneProject(p)
	if !same {
		g.undo.clear()
		g.cache = make([]rowCache, len(g.project.Indicators))
		if g.mode != modeBrowse && g.editRow >= len(g.project.Indicators) {
			g.closeEditor()
		}
	}
	g.moveCursor(g.row, g.col)
}

// FocusCell moves the cursor to the given row and column (clamped),
// closing any open editor.
func (g *Grid) FocusCell(row, col int) {
	if g.mode != modeBrowse {
		g.closeEditor()
	}
	g.moveCursor(row, col)
}

// SetFindings takes the project's review findings and marks their cells.
func (g *Grid) SetFindings(fs []model.Finding) {
	g.findings = fs
	g.marks = make(map[[2]int]model.Severity, len(fs))
	for _, f := range fs {
		if f.Row < 0 {
			continue
		}
		for c, id := range model.RowFields {
			if id == f.Field {
				at := [2]int{f.Row, c}
				g.marks[at] = max(g.marks[at], f.Severity)
			}
		}
	}
}

// cursorFindings returns the findings on the cursor's cell, or else those
// about the table as a whole.
func (g *Grid) cursorFindings() []model.Finding {
	var cell, whole []model.Finding
	for _, f := range g.findings {
		switch {
		case f.Row == g.row && f.Field == model.RowFields[g.col]:
			cell = append(cell, f)
		case f.Row < 0 && f.Field == model.FieldIndicators:
			whole = append(whole, f)
		}
	}
	if len(cell) > 0 {
		return cell
	}
	return whole
}

// jump puts the cursor on a finding's cell (the first cell for a finding
// about the whole table).
func (g *Grid) jump(f *model.Finding) {
	if f == nil {
		return
	}
	g.whole = false
	for c, id := range model.RowFields {
		if f.Row >= 0 && id == f.Field {
			g.FocusCell(f.Row, c)
			return
		}
	}
	g.FocusCell(0, 0)
	g.whole, g.wholeAt = true, [2]int{g.row, g.col}
}

// Cursor returns the cursor's row and column.
func (g *Grid) Cursor() (row, col int) { return g.row, g.col }

// Project returns a copy of the project as edited.
func (g *Grid) Project() model.Project { return cloneProject(g.project) }

// ShortHelp returns the bindings for the help bar: the editor's keys while
// one is open.
func (g *Grid) ShortHelp() []key.Binding {
	k := g.keys
	switch g.mode {
	case modePick:
		return []key.Binding{k.PickDown, k.Commit, k.NextCell, k.Cancel}
	case modeCell, modeLarge:
		return []key.Binding{k.Commit, k.Newline, k.NextCell, k.Cancel}
	}
	return []key.Binding{k.Edit, k.AddBelow, k.Delete, k.Undo, k.MoveDown}
}

// FullHelp returns every binding, for the ? overlay.
func (g *Grid) FullHelp() [][]key.Binding {
	k := g.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.NextCell, k.PrevCell},
		{k.RowStart, k.RowEnd, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Edit, k.AddBelow, k.AddAbove, k.Delete, k.Undo, k.MoveUp, k.MoveDown},
		{k.Commit, k.Newline, k.Cancel, k.PickUp, k.PickDown},
	}
}

// --- view ----------------------------------------------------------------

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
		lines = append(lines, g.fit(g.st().Empty.Render("（还没有指标：按 "+firstKey(g.keys.AddBelow)+" 添加一行）")))
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
	}
	return out
}

// fit pads or cuts a styled line to the grid's width.
func (g *Grid) fit(s string) string {
	w := ansi.StringWidth(s)
	if w > g.width {
		return ansi.Truncate(s, g.width, "…")
	}
	return s + strings.Repeat(" ", g.width-w)
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
	gap := g.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return g.fit(left)
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
			edit = g.fitLines(sanitizeView(g.editor.View()), g.layout.cols[g.editCol])
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

// fitLines splits an editor's view into lines of exactly width w.
func (g *Grid) fitLines(view string, w int) []string {
	ls := strings.Split(view, "\n")
	for j, l := range ls {
		l = ansi.Truncate(l, w, "")
		ls[j] = l + strings.Repeat(" ", max(w-ansi.StringWidth(l), 0))
	}
	return ls
}

// overlayLarge draws the larger editor in a box over the lower part of
// the grid.
func (g *Grid) overlayLarge(base string) string {
	w, h := g.largeBoxSize()
	title := g.st().BoxTitle.Render(fmt.Sprintf("编辑 第 %d 行 · %s", g.editRow+1, model.IndicatorColumns[g.editCol]))
	k := g.keys
	help := g.st().BoxHelp.Render(hintLine(" · ", k.Commit, k.Newline, k.NextCell, k.Cancel))
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

// fitWidth pads or cuts s to display width w.
func fitWidth(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// compose draws top over base at (x, y), clipped to base's size: each line
// of top takes the place of its columns in the base line under it, and
// the other lines are left as they are. An overlay so costs its own size,
// not the screen's (a cell canvas of the whole screen took half of every
// frame of the picker and the larger editor). A wide rune of base cut by
// an edge of top is blanked, as a terminal does.
func compose(base, top string, x, y int) string {
	lines := strings.Split(base, "\n")
	for i, tl := range strings.Split(top, "\n") {
		row := y + i
		if row < 0 || row >= len(lines) {
			continue
		}
		bl := lines[row]
		bw := ansi.StringWidth(bl)
		if x >= bw {
			continue
		}
		// top covers its columns up to base's edge, a wide rune cut
		// there included.
		tw := min(ansi.StringWidth(tl), bw-x)
		tl = ansi.Truncate(tl, tw, "")
		tl += strings.Repeat(" ", tw-ansi.StringWidth(tl))
		left := ansi.Truncate(bl, x, "")
		right := ansi.TruncateLeft(bl, x+tw, "")
		cut := 0 // columns of a wide rune under top's right edge
		if rw := ansi.StringWidth(right); rw > bw-x-tw {
			right = ansi.TruncateLeft(bl, x+tw+1, "")
			cut = 1
		}
		lines[row] = left + strings.Repeat(" ", x-ansi.StringWidth(left)) + ansiReset + tl + ansiReset +
			strings.Repeat(" ", cut) + right
	}
	return strings.Join(lines, "\n")
}

// ansiReset ends the styles of one part of a line before the next begins.
const ansiReset = "\x1b[m"
