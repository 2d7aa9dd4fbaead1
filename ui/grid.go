package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

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
	// asking is set while esc on a changed multi-line text asks
	// 放弃修改？(y/n).
	asking bool

	hist *undoHistory // the project's, kept by Common for the run

	// suggest are the library rows offered while 三级 is typed
	// (grid_library.go).
	suggest suggestions

	// findings are the project's review findings; marks the worst
	// severity per cell ({row, col}), drawn as a coloured underline.
	findings []model.Finding
	marks    map[[2]int]model.Severity
	// whole is set when the cursor was put on a finding about the table
	// as a whole, at wholeAt; ] and [ count from there until it moves.
	whole   bool
	wholeAt [2]int
	// pasteOffer is a block pasted into an open editor, held while the
	// user answers whether to insert it as rows (y) or in the cell (n).
	pasteOffer string
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
	g.hist = c.history(key, p.ID)
	if !g.hist.matches(g.project.Indicators) {
		g.hist.clear()
		g.hist.follow(g.project.Indicators)
	}
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
	if cmd, done := g.pasteIntoEditor(msg); done {
		return cmd
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
		if pastedBlock(msg.Content) {
			return g.pasteRows(msg.Content)
		}
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
	case key.Matches(msg, k.Redo):
		return g.redoLast()
	case key.Matches(msg, k.MoveUp):
		return g.moveRow(-1)
	case key.Matches(msg, k.MoveDown):
		return g.moveRow(1)
	case replaces(msg):
		// A character typed on a cell starts an edit that replaces it.
		return g.typeOver(msg)
	}
	return nil
}

// typeOver opens the cursor's cell with its text replaced by what was
// typed (enter, e or f2 keep the text).
func (g *Grid) typeOver(k tea.KeyPressMsg) tea.Cmd {
	if len(g.project.Indicators) == 0 {
		return nil
	}
	if g.col == colL1 || g.col == colL2 {
		cmd := g.openEditor(g.col)
		return tea.Batch(cmd, g.picker.Update(k)) // a fresh picker replaces
	}
	g.editRow, g.editCol = g.row, g.col
	cmd := g.editText("")
	g.loaded = ""
	g.opened = g.project.Indicators[g.row].Cell(g.col)
	return tea.Batch(cmd, g.updateEditor(k))
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

// SetProject replaces the project after an outside change, keeping the
// cursor where it can. Undo history survives only if the rows are the
// same, since it refers to rows by position.
func (g *Grid) SetProject(p model.Project) {
	same := slices.Equal(p.Indicators, g.project.Indicators)
	g.project = cloneProject(p)
	if !same {
		g.hist.clear()
		g.hist.follow(g.project.Indicators)
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
	if g.asking || g.pasteOffer != "" {
		return []key.Binding{g.common.Keys.Global.Yes, g.common.Keys.Global.No}
	}
	switch g.mode {
	case modePick:
		return []key.Binding{k.PickDown, k.Commit, k.NextCell, k.Cancel}
	case modeCell, modeLarge:
		if len(g.suggest.rows) > 0 {
			return []key.Binding{k.Fill, k.PickDown, k.Commit, k.NextCell, k.Cancel}
		}
		return []key.Binding{k.Commit, k.Newline, k.NextCell, k.Cancel}
	}
	return []key.Binding{k.Edit, k.AddBelow, k.Delete, k.Undo, k.MoveDown}
}

// FullHelp returns every binding, for the ? overlay.
func (g *Grid) FullHelp() [][]key.Binding {
	return g.common.Keys.gridHelp()
}
