package ui

import (
	"time"

	"jixiao/model"
	"jixiao/store"
)

// projectChangedMsg says a screen committed an edit to a project. The root
// saves it to the store in a tea.Cmd and answers with savedMsg or errMsg.
type projectChangedMsg struct {
	Key     model.DocKey
	Project model.Project // a copy, safe to keep
	Origin  *editOrigin   // the editor it was typed in; nil for other edits
}

// headerChangedMsg says the document header or Part 1 was edited; the root
// saves it with store.SaveHeader.
type headerChangedMsg struct {
	Doc    model.Document // a copy without Projects
	Origin *editOrigin    // the editor it was typed in; nil for other edits
}

// savedMsg reports that a queued write finished. Err is nil on success.
type savedMsg struct {
	At   time.Time
	What string // what was written, in Chinese, for the status line
	Key  model.DocKey
	Err  error
}

// errMsg reports a failed read, for the status line.
type errMsg struct {
	What string
	Err  error
}

// docsLoadedMsg carries the home screen's list.
type docsLoadedMsg struct {
	Docs []store.DocInfo
	Err  error
}

// headerLoadedMsg carries what the document screen shows. Seq orders
// answers to reloads that may come back out of order.
type headerLoadedMsg struct {
	Key      model.DocKey
	Seq      int
	Doc      *model.Document
	Projects []model.ProjectSummary
	Err      error
}

// projectView says which screen of a project to open.
type projectView int

const (
	viewForm projectView = iota // the project form
	viewGrid                    // the indicator grid
)

// openDocMsg asks the root to open a document.
type openDocMsg struct{ Key model.DocKey }

// openProjectMsg asks the root to load a project and open its form or
// grid. Project, when set, is used as it is instead of being read.
type openProjectMsg struct {
	Key     model.DocKey
	ID      string
	View    projectView
	Project *model.Project
	Jump    *model.Finding // put the cursor on this finding's field or cell
}

// projectLoadedMsg carries a project loaded for a screen.
type projectLoadedMsg struct {
	Key     model.DocKey
	Project *model.Project
	View    projectView
	Jump    *model.Finding
	Err     error
}

// openPart1Msg asks the root to open the Part 1 editor on a section.
type openPart1Msg struct {
	Doc     model.Document
	Section part1Section
}

// newDocFormMsg asks the root to open the new-document form.
type newDocFormMsg struct{}

// createDocMsg asks the root to create a document.
type createDocMsg struct {
	Doc    model.Document
	Origin *editOrigin // the new-document form
}

// addSampleMsg asks the root to add the sample document.
type addSampleMsg struct{}

// deleteDocMsg asks the root to delete a document.
type deleteDocMsg struct{ Key model.DocKey }

// addProjectMsg asks the root to insert a new, empty project at At and open
// its form.
type addProjectMsg struct {
	Key model.DocKey
	At  int
}

// deleteProjectMsg asks the root to delete a project.
type deleteProjectMsg struct {
	Key model.DocKey
	ID  string
}

// moveProjectMsg asks the root to move a project to position To.
type moveProjectMsg struct {
	Key model.DocKey
	ID  string
	To  int
}

// startWalkMsg asks the root to start the walk-through of a document.
type startWalkMsg struct {
	Doc      model.Document
	Projects []model.ProjectSummary
	From     int // the project to start from, or -1 for Part 1
}

// backMsg asks the root to close the top screen.
type backMsg struct{}

// replaceTopMsg asks the root to put s in place of the top screen (the
// walk-through leaves the screen it shows where it is).
type replaceTopMsg struct{ s screen }

// focusProjectMsg asks the document screen to put its cursor on a project.
type focusProjectMsg struct {
	Key model.DocKey
	ID  string
}

// editOrigin is where a committed edit was typed: the component that
// committed it, the place in it and the text as typed. The save carries
// it, so that when the write fails the editor can open there again with
// that text (saveFailedMsg) instead of the text being lost.
type editOrigin struct {
	owner any    // the *projectForm, *Grid, *part1 or *docForm; compared by identity
	field int    // the form field, or the grid column
	row   int    // the grid row
	item  p1row  // Part 1's item
	text  string // as typed, before the form normalised it
}

// saveFailedMsg tells the component that committed an edit that its save
// failed. The root sends it to every screen; only the owner, if it is
// still open, acts on it: it opens the editor at the place again with the
// text, so that committing again retries and esc gives the edit up.
type saveFailedMsg struct {
	Origin editOrigin
	Err    error
}

// reloadMsg asks the root to read a project (ID set) or the document's
// header and Part 1 (ID empty) behind the queued writes, after an edit
// that failed to save was given up, so the screen shows what is stored.
type reloadMsg struct {
	Key model.DocKey
	ID  string
}

// reloadedMsg answers reloadMsg: Project or Doc as stored.
type reloadedMsg struct {
	Key     model.DocKey
	Project *model.Project
	Doc     *model.Document
}
