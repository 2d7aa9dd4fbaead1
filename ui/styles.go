package ui

import (
	"image/color"
	"os"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Palette is the handful of colours every style is built from, picked for a
// light or a dark background.
type Palette struct {
	Fg, Muted, Accent, Border, Good, Warn, Bad, SelFg, SelBg color.Color
	// RowBg is the grid's cursor row, EditBg the cell being edited.
	RowBg, EditBg color.Color
}

// NewPalette returns the colours for a dark or light background.
func NewPalette(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Palette{
		Fg:     ld(c("#1c1c1c"), c("#e4e4e4")),
		Muted:  ld(c("#6c6c6c"), c("#8a8a8a")),
		Accent: ld(c("#005fd7"), c("#5fafff")),
		Border: ld(c("#bcbcbc"), c("#4e4e4e")),
		Good:   ld(c("#008700"), c("#5fd75f")),
		Warn:   ld(c("#af5f00"), c("#ffaf00")),
		Bad:    ld(c("#d70000"), c("#ff5f5f")),
		SelFg:  ld(c("#ffffff"), c("#000000")),
		SelBg:  ld(c("#005fd7"), c("#5fafff")),
		RowBg:  ld(c("#EEF3FA"), c("#1E2633")),
		EditBg: ld(c("#FFF6D6"), c("#3A3320")),
	}
}

// Styles holds every style the screens and widgets use; built by
// DefaultStyles from one Palette, and rebuilt in one place (App.setDark)
// when the terminal reports its background. Screens take styles from here
// and never build their own.
type Styles struct {
	IsDark  bool
	Palette Palette

	Title    lipgloss.Style // the top line
	Heading  lipgloss.Style // a section title inside a screen
	Label    lipgloss.Style // a form label
	LabelOn  lipgloss.Style // the focused form label
	Muted    lipgloss.Style
	Selected lipgloss.Style // the list cursor row
	Error    lipgloss.Style // an inline validation error
	Warning  lipgloss.Style // an inline inconsistency (预算数 ≠ …)
	Good     lipgloss.Style
	StatusOK lipgloss.Style
	StatusEr lipgloss.Style
	Header   lipgloss.Style // a table header row
	BarOn    lipgloss.Style // the filled part of a progress bar
	BarOff   lipgloss.Style
	Overlay  lipgloss.Style // the ? overlay box
	Prompt   lipgloss.Style // a confirmation question
	Note     lipgloss.Style // the mark of a reviewer's note (审核意见)

	Help     help.Styles
	Input    textinput.Styles
	TextArea textarea.Styles
	Grid     GridStyles
}

// GridStyles are the indicator grid's part of Styles: the table, its
// cursor, and the cell editor and picker drawn over it.
type GridStyles struct {
	Info      lipgloss.Style // the line above the table: project and position
	InfoDim   lipgloss.Style
	Header    lipgloss.Style // column titles
	Border    lipgloss.Style // │ ─ ┼ rules
	Cursor    lipgloss.Style // the cell under the cursor
	CursorRow lipgloss.Style // the other cells of the cursor's row
	Editing   lipgloss.Style // the cell being edited in place
	Empty     lipgloss.Style // the hint shown when there are no rows
	Box       lipgloss.Style // frame of the large editor and the picker
	BoxTitle  lipgloss.Style
	BoxHelp   lipgloss.Style
	PickSel   lipgloss.Style // the highlighted picker entry
	PickFree  lipgloss.Style // the picker's "keep what I typed" entry
	// A cell with a review finding: underlined in the error or warning
	// colour, so the text stays readable.
	MarkError   lipgloss.Style
	MarkWarning lipgloss.Style
	// Unsaved is the info line's note while an editor shows a text
	// whose save failed.
	Unsaved lipgloss.Style

	TextArea  textarea.Styles
	TextInput textinput.Styles
}

// noColor reports whether the user asked for no colours (https://no-color.org).
// Bubble Tea's colour profile drops colours then; the styles also keep
// attributes (bold, reverse, underline) so the cursor stays visible.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// DefaultStyles returns the styles for a dark or light background, without
// colours when NO_COLOR is set.
func DefaultStyles(isDark bool) *Styles {
	p := NewPalette(isDark)
	n := lipgloss.NewStyle
	s := &Styles{
		IsDark:   isDark,
		Palette:  p,
		Title:    n().Bold(true).Foreground(p.Accent),
		Heading:  n().Bold(true),
		Label:    n().Foreground(p.Muted),
		LabelOn:  n().Bold(true).Foreground(p.Accent),
		Muted:    n().Foreground(p.Muted),
		Selected: n().Reverse(true).Bold(true),
		Error:    n().Foreground(p.Bad),
		Warning:  n().Foreground(p.Warn),
		Good:     n().Foreground(p.Good),
		StatusOK: n().Foreground(p.Good),
		StatusEr: n().Bold(true).Foreground(p.Bad),
		Header:   n().Bold(true).Underline(true),
		BarOn:    n().Foreground(p.Good),
		BarOff:   n().Foreground(p.Border),
		Overlay:  n().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1),
		Prompt:   n().Bold(true).Foreground(p.Warn),
		Note:     n().Bold(true).Foreground(p.Accent),
		Grid:     gridStyles(p),
	}
	s.Help = help.DefaultStyles(isDark)
	s.Input = textinput.DefaultStyles(isDark)
	s.TextArea = textarea.DefaultStyles(isDark)
	// The cursor line highlight fights with CJK wide cells in some
	// terminals; a plain text area reads better in a form.
	s.TextArea.Focused.CursorLine = n()
	// A steady cursor: no blink ticks waking the program twice a second,
	// and screens that compare equal in tests.
	s.Input.Cursor.Blink = false
	s.TextArea.Cursor.Blink = false

	// The grid's editors sit inside a cell or a box that already shows
	// where editing happens: no line highlight, no end-of-buffer marks.
	s.Grid.TextArea = s.TextArea
	s.Grid.TextArea.Focused.EndOfBuffer = n()
	s.Grid.TextInput = s.Input
	if noColor() {
		s.Input = plainTextInput(s.Input)
		s.TextArea = plainTextArea(s.TextArea)
		s.Grid.TextInput = plainTextInput(s.Grid.TextInput)
		s.Grid.TextArea = plainTextArea(s.Grid.TextArea)
	}
	return s
}

// gridStyles builds the grid's styles from the palette; without colours
// the cursor is reversed and findings are bold or underlined.
func gridStyles(p Palette) GridStyles {
	n := lipgloss.NewStyle
	if noColor() {
		return GridStyles{
			Info:        n().Bold(true),
			Header:      n().Bold(true),
			Cursor:      n().Reverse(true),
			Editing:     n().Underline(true),
			Box:         n().Border(lipgloss.RoundedBorder()).Padding(0, 1),
			BoxTitle:    n().Bold(true),
			PickSel:     n().Reverse(true),
			MarkError:   n().Bold(true).Underline(true),
			MarkWarning: n().Underline(true),
			Unsaved:     n().Bold(true),
		}
	}
	return GridStyles{
		Info:        n().Bold(true).Foreground(p.Accent),
		InfoDim:     n().Foreground(p.Muted),
		Header:      n().Bold(true).Foreground(p.Accent),
		Border:      n().Foreground(p.Border),
		Cursor:      n().Foreground(p.SelFg).Background(p.SelBg),
		CursorRow:   n().Background(p.RowBg),
		Editing:     n().Background(p.EditBg),
		Empty:       n().Foreground(p.Muted),
		Box:         n().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1),
		BoxTitle:    n().Bold(true).Foreground(p.Accent),
		BoxHelp:     n().Foreground(p.Muted),
		PickSel:     n().Foreground(p.SelFg).Background(p.SelBg),
		PickFree:    n().Foreground(p.Muted).Italic(true),
		MarkError:   n().Underline(true).UnderlineColor(p.Bad).Foreground(p.Bad),
		MarkWarning: n().Underline(true).UnderlineColor(p.Warn),
		Unsaved:     n().Bold(true).Foreground(p.Bad),
	}
}

func plainTextArea(st textarea.Styles) textarea.Styles {
	plain := textarea.StyleState{}
	st.Focused, st.Blurred = plain, plain
	st.Cursor.Color = nil
	return st
}

func plainTextInput(st textinput.Styles) textinput.Styles {
	plain := textinput.StyleState{}
	st.Focused, st.Blurred = plain, plain
	st.Cursor.Color = nil
	return st
}
