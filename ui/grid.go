package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// Grid is the indicator grid of one project: six columns with a cell
// cursor, in-place editing, row add/delete/move and undo.
type Grid struct {
	common *Common
	keys   *GridKeyMap
	styles *GridStyles

	key     model.DocKey
	project model.Project

	width, height int
	row, col      int
}

// NewGrid returns a grid showing p's indicators.
func NewGrid(c *Common, key model.DocKey, p model.Project) *Grid {
	return &Grid{common: c, keys: DefaultGridKeyMap(), styles: DefaultGridStyles(true), key: key, project: p}
}

// SetSize sets the area the grid draws in.
func (g *Grid) SetSize(w, h int) { g.width, g.height = w, h }

// Update handles a message and returns the command to run.
func (g *Grid) Update(msg tea.Msg) tea.Cmd { return nil }

// View renders the grid, exactly the size given by SetSize.
func (g *Grid) View() string {
	lines := make([]string, g.height)
	return strings.Join(lines, "\n")
}

// Editing reports whether a cell editor or picker is open.
func (g *Grid) Editing() bool { return false }

// SetProject replaces the project after an outside change.
func (g *Grid) SetProject(p model.Project) { g.project = p }

// FocusCell moves the cursor to the given row and column.
func (g *Grid) FocusCell(row, col int) { g.row, g.col = row, col }

// Project returns a copy of the project as edited.
func (g *Grid) Project() model.Project { return g.project }

// ShortHelp returns the bindings for the help bar.
func (g *Grid) ShortHelp() []key.Binding { return nil }

// FullHelp returns every binding, for the ? overlay.
func (g *Grid) FullHelp() [][]key.Binding { return nil }
