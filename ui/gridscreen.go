package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// gridScreen puts the grid on the stack: esc outside a cell editor goes
// back, and the title names the project.
type gridScreen struct {
	*Grid
	common *Common
}

func newGridScreen(c *Common, k model.DocKey, p model.Project) *gridScreen {
	return &gridScreen{Grid: NewGrid(c, k, p), common: c}
}

func (g *gridScreen) Title() string { return "指标表 " + projectLabel(g.Project()) }

func (g *gridScreen) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case findingsChangedMsg:
		if m.Key == g.docKey {
			g.SetFindings(g.common.Reviews.project(g.docKey, g.project.ID))
		}
		return nil
	case projectChangedMsg:
		// A newer copy written by another screen (the form).
		if m.Key == g.docKey && m.Project.ID == g.project.ID {
			g.SetProject(m.Project)
		}
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !g.Editing() {
		km := g.common.Keys
		switch {
		case key.Matches(k, km.Global.Back):
			return g.common.post(backMsg{})
		case key.Matches(k, km.Doc.NextFinding):
			return g.stepFinding(1)
		case key.Matches(k, km.Doc.PrevFinding):
			return g.stepFinding(-1)
		}
	}
	return g.Grid.Update(msg)
}

// stepFinding goes to the next or previous finding: a cell of this grid
// directly, anything else through the root.
func (g *gridScreen) stepFinding(dir int) tea.Cmd {
	dr := g.common.Reviews.doc(g.docKey)
	row, col := g.Cursor()
	cur := findingPos{dr.projectIndex(g.project.ID), row, model.FieldOrder(model.RowFields[col])}
	if len(g.project.Indicators) == 0 || g.whole && g.wholeAt == [2]int{row, col} {
		cur.row, cur.field = -1, model.FieldOrder(model.FieldIndicators)
	}
	f, ok := dr.step(cur, dir)
	if !ok {
		return g.common.post(noMoreFindings(dir))
	}
	if f.ProjectID == g.project.ID && findingView(&f) == viewGrid {
		g.jump(&f)
		return nil
	}
	return g.common.post(gotoFindingMsg{Key: g.docKey, F: f})
}

// Hint shows the findings on the cursor's cell in the status line, else
// the reviewer's note on the row, else the findings about the table as a
// whole.
func (g *gridScreen) Hint() string {
	if g.Editing() {
		return ""
	}
	fs := g.cursorFindings()
	onCell := len(fs) > 0 && fs[0].Row == g.row && fs[0].Row >= 0
	if !onCell && g.row < len(g.project.Indicators) {
		if h := noteHint(g.common.Styles, g.project.Indicators[g.row].Note); h != "" {
			return h
		}
	}
	return findingHint(g.common.Styles, fs)
}

func (g *gridScreen) ShortHelp() []key.Binding {
	if g.Editing() {
		return g.Grid.ShortHelp()
	}
	d := g.common.Keys.Doc
	return append(g.Grid.ShortHelp(), d.NextFinding, d.PrevFinding, g.common.Keys.Global.Back)
}
