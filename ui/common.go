// Package ui is jixiao's Bubble Tea terminal app: a root model that keeps a
// screen stack and routes messages, and one file per screen. Screens never
// call the store from View; store calls run in tea.Cmds and come back as
// messages.
package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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

	// outbox is the root's list of requests posted during an Update.
	outbox *[]tea.Msg
}

// newCommon returns what a root (or a test of one widget) shares at w×h,
// with the dark styles until the terminal reports its background.
func newCommon(w, h int) *Common {
	return &Common{Width: w, Height: h, Styles: DefaultStyles(true), Keys: DefaultKeyMap(), Reviews: newReviews()}
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

// flusher is a screen that may hold a valid edit not yet committed (a form
// field or a grid cell being typed in). The root asks it to commit before
// quitting so that what the user typed is kept; Flush posts the edit.
type flusher interface {
	Flush()
}

// fit truncates s to w display columns and pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if d := w - lipgloss.Width(s); d > 0 {
		s += strings.Repeat(" ", d)
	}
	return s
}

// fitRight is fit with the text against the right edge (amounts).
func fitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if d := w - lipgloss.Width(s); d > 0 {
		s = strings.Repeat(" ", d) + s
	}
	return s
}

// oneLine folds a multi-line text into one line for previews.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// box makes lines exactly w×h: each line fitted, missing lines blank,
// extra lines dropped. Every screen's View ends with it so the root's
// layout never breaks whatever a screen draws.
func box(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return strings.Join(out, "\n")
}

// splitLines is strings.Split on "\n" for an already rendered block.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// window returns the first index of a h-line window over n items that
// keeps cur visible, given the previous first index.
func window(first, cur, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	if cur < first {
		first = cur
	}
	if cur >= first+h {
		first = cur - h + 1
	}
	return max(0, min(first, n-h))
}

// bar draws a progress bar of w cells for done of total.
func bar(st *Styles, done, total, w int) string {
	if w <= 0 {
		return ""
	}
	on := 0
	if total > 0 {
		on = done * w / total
	}
	return st.BarOn.Render(strings.Repeat("█", on)) + st.BarOff.Render(strings.Repeat("░", w-on))
}

// msgCmd wraps a message into a command.
func msgCmd(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

// stripped removes styling, so a selected row can be restyled as a whole.
func stripped(s string) string { return ansi.Strip(s) }
