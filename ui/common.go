// Package ui is jixiao's Bubble Tea terminal app: a root model that keeps a
// screen stack and routes messages, and one file per screen. Screens never
// call the store from View; store calls run in tea.Cmds and come back as
// messages.
package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// Common is what every screen and widget shares: the size it may draw in,
// the styles and the key map. The root owns it and pushes size changes.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	// Reviews is the findings cache of the documents opened (review.go);
	// nil for a widget tested alone.
	Reviews *Reviews
	// Library is the indicator library the grid's 三级 editor offers rows
	// from, read in the background (libraryLoadedMsg); nil until then.
	Library *model.Library

	// histories are the grids' undo histories, per project, for the run.
	histories map[historyKey]*undoHistory

	// ExportDir is the folder of the last file exported in this run: the
	// export dialog starts there.
	ExportDir string

	// outbox is the root's list of requests posted during an Update.
	outbox *[]tea.Msg
}

// newCommon returns what a root (or a test of one widget) shares at w×h,
// with the dark styles until the terminal reports its background.
func newCommon(w, h int) *Common {
	return &Common{Width: w, Height: h, Styles: DefaultStyles(true), Keys: DefaultKeyMap(), Reviews: newReviews()}
}

// historyKey names one project's undo history.
type historyKey struct {
	doc model.DocKey
	id  string
}

// history returns project id's undo history, made on first use.
func (c *Common) history(k model.DocKey, id string) *undoHistory {
	if c.histories == nil {
		c.histories = map[historyKey]*undoHistory{}
	}
	h := c.histories[historyKey{k, id}]
	if h == nil {
		h = &undoHistory{}
		c.histories[historyKey{k, id}] = h
	}
	return h
}

// moveHistories keeps the undo histories of a document that moved to a
// new 单位编码/年度.
func (c *Common) moveHistories(from, to model.DocKey) {
	for hk, h := range c.histories {
		if hk.doc == from {
			delete(c.histories, hk)
			c.histories[historyKey{to, hk.id}] = h
		}
	}
}

// post hands a request (above all a committed edit) to the root. The root
// handles it as soon as the current Update returns, before any other
// message, so a quit key pressed right after a commit finds the edit in
// the write queue; a command would race with that key. Without a root (a
// widget tested alone) the request comes back as a command's message.
func (c *Common) post(m tea.Msg) tea.Cmd {
	if c == nil || c.outbox == nil {
		return msgCmd(m)
	}
	*c.outbox = append(*c.outbox, m)
	return nil
}

// screen is one page of the stack. Update returns the command to run;
// View returns exactly the size given by SetSize.
type screen interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	// Editing reports that a text editor has the keys: the root then
	// passes every key but ctrl+c and f1 to the screen.
	Editing() bool
	// Title is the screen's name for the top line.
	Title() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// restyler is a screen or widget that keeps a copy of styles (text inputs
// and areas, the grid's rendered rules); the root has it take the styles
// rebuilt for a new background.
type restyler interface{ restyle() }

// docScreen is the screen of one document: the root finds it to show a
// finding over it.
type docScreen interface{ docKey() model.DocKey }

// hinter is a screen with a finding to show in the status line.
type hinter interface{ Hint() string }

// flusher is a screen that may hold a valid edit not yet committed (a form
// field or a grid cell being typed in). The root asks it to commit before
// quitting so that what the user typed is kept; Flush posts the edit.
type flusher interface {
	Flush()
}

// msgCmd wraps a message into a command.
func msgCmd(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }
