package ui

import (
	"slices"
	"time"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// The messages between the screens and the root. A screen asks the root
// for something (open a screen, save an edit) with a message; the root
// routes it (App.route) and answers with a message the screens handle.

// projectChangedMsg says a screen committed an edit to a project. The root
// saves it to the store in a tea.Cmd and answers with savedMsg or errMsg.
type projectChangedMsg struct {
	Key     model.DocKey
	Project model.Project // a copy, safe to keep
	Origin  *editOrigin   // the editor it was typed in; nil for other edits
	Done    string        // what the edit did, for the status line (粘贴了 6 行); "" for a plain edit
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
	// InPlace says the screen asking shows the project itself (the
	// walk-through): the answer goes to the screens, no screen opens.
	InPlace bool
}

// projectLoadedMsg carries a project loaded for a screen.
type projectLoadedMsg struct {
	Key     model.DocKey
	Project *model.Project
	View    projectView
	Jump    *model.Finding
	InPlace bool
	Err     error
}

// headerCopy is a copy of d's header and Part 1 that shares no slice with
// d (Part 1's editor writes its items in place), without the projects.
func headerCopy(d *model.Document) model.Document {
	c := *d
	c.Goals = slices.Clone(d.Goals)
	c.Measures = slices.Clone(d.Measures)
	c.Projects = nil
	return c
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

// docCreatedMsg says a new document is in the file: the root replaces the
// new-document form with the document's screen.
type docCreatedMsg struct{ Key model.DocKey }

// openCopyFormMsg asks the root to open the copy-forward form for a
// document (c on the home list).
type openCopyFormMsg struct {
	From     model.DocKey
	UnitName string
}

// planCopyMsg asks the root to read the document to copy and work out the
// copy (model.CopyForward) and the rows the 101号 layout moves; the answer
// is copyPlannedMsg.
type planCopyMsg struct {
	From, To model.DocKey
	UnitName string // the copy's 单位名称; "" keeps the source's
}

// copyPlannedMsg carries the copy to be made, not yet stored, and the rows
// the 101号 layout would move, for the user to see before confirming.
type copyPlannedMsg struct {
	Copy  *model.Document
	Moves []model.LayoutMove
	Err   error
}

// copyDocMsg asks the root to store the copy, after a backup of the file.
type copyDocMsg struct {
	Doc    *model.Document
	Origin *editOrigin
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
	ID  string // the new project's, chosen by the screen that shows it
}

// noteMsg puts a plain note in the status line (没有可撤销的操作).
type noteMsg struct{ Text string }

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

// focusProjectMsg asks the document screen to put its cursor on a project,
// or with Part1 on Part 1's entry Section, or, with ID "" and a Part 1
// field (a finding about Part 1), to open Part 1 on that entry.
type focusProjectMsg struct {
	Key     model.DocKey
	ID      string
	Part1   bool
	Section part1Section
	Field   string
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

// --- review -------------------------------------------------------------

// loadReviewMsg asks the root to read the whole document and check it (after
// the document screen's first frame, and after projects are added).
type loadReviewMsg struct{ Key model.DocKey }

// reviewLoadedMsg carries a whole document and its findings. At is the
// number of edits the document held when it was read.
type reviewLoadedMsg struct {
	Key      model.DocKey
	Doc      *model.Document
	Findings []model.Finding
	At       int
	Err      error
}

// projectCheckedMsg carries one edited project's findings.
type projectCheckedMsg struct {
	Key      model.DocKey
	ID       string
	Findings []model.Finding
	At       int
}

// findingsChangedMsg tells the screens that the cached findings of Key (or
// home's counts) changed.
type findingsChangedMsg struct{ Key model.DocKey }

// docCountsMsg carries home's 问题数 for documents not open.
type docCountsMsg struct{ Counts map[model.DocKey]issueCount }

// openFindingsMsg asks the root to open the findings panel of a document.
type openFindingsMsg struct{ Key model.DocKey }

// gotoFindingMsg asks the root to show a finding: the project's form field
// or grid cell, over the document screen.
type gotoFindingMsg struct {
	Key model.DocKey
	F   model.Finding
}

// --- export ---------------------------------------------------------------

// openExportMsg asks the root to open the export dialog of a document
// (Doc is its header, for the default file name).
type openExportMsg struct{ Doc model.Document }

// exportMsg asks the root to write the export file.
type exportMsg struct {
	Key  model.DocKey
	Path string // absolute
	Opts export.Options
	// Overwrite says the user agreed to write over an existing file.
	Overwrite bool
}

// exportDoneMsg reports the written file or why it was not written.
type exportDoneMsg struct {
	Path string
	Err  error
	// Kept is the error of keeping the copy as sent (store.SaveSnapshot),
	// after the file was written.
	Kept error
}

// diffChoicesMsg carries what the open document can be compared with.
type diffChoicesMsg struct {
	Key   model.DocKey
	Docs  []store.DocInfo
	Snaps []store.Snapshot
	Err   error
}

// compareMsg asks the root to compare the open document with Other.
type compareMsg struct {
	Key   model.DocKey
	Other diffSource
}

// diffReadyMsg carries the comparison.
type diffReadyMsg struct {
	Key    model.DocKey
	Report *export.DiffReport
	Err    error
}

// openDiffMsg asks the root to open the diff screen on a document.
type openDiffMsg struct{ Key model.DocKey }

// libraryLoadedMsg carries the indicator library.
type libraryLoadedMsg struct {
	Lib *model.Library
	Err error
}
