package ui

import (
	"os"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// GridStyles holds the indicator grid's styles: the table, its cursor, and
// the cell editor and picker drawn over it. UI-core's Styles may embed it;
// until then the grid builds its own with DefaultGridStyles and rebuilds
// them when the terminal reports its background.
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

// noColor reports whether the user asked for no colours (https://no-color.org):
// attributes such as bold and reverse stay, so the cursor is still visible.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// DefaultGridStyles returns the grid styles for a dark or light background,
// without colours when NO_COLOR is set.
func DefaultGridStyles(isDark bool) *GridStyles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#1F5FAF"), lipgloss.Color("#7FB2F0"))
	dim := ld(lipgloss.Color("#7A7A7A"), lipgloss.Color("#8A8A8A"))
	rule := ld(lipgloss.Color("#B0B0B0"), lipgloss.Color("#4A4A4A"))
	rowBg := ld(lipgloss.Color("#EEF3FA"), lipgloss.Color("#1E2633"))
	cursorBg := ld(lipgloss.Color("#1F5FAF"), lipgloss.Color("#7FB2F0"))
	cursorFg := ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#101010"))
	editBg := ld(lipgloss.Color("#FFF6D6"), lipgloss.Color("#3A3320"))

	s := &GridStyles{
		Info:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		InfoDim:   lipgloss.NewStyle().Foreground(dim),
		Header:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Border:    lipgloss.NewStyle().Foreground(rule),
		Cursor:    lipgloss.NewStyle().Foreground(cursorFg).Background(cursorBg),
		CursorRow: lipgloss.NewStyle().Background(rowBg),
		Editing:   lipgloss.NewStyle().Background(editBg),
		Empty:     lipgloss.NewStyle().Foreground(dim),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		BoxTitle:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		BoxHelp:   lipgloss.NewStyle().Foreground(dim),
		PickSel:   lipgloss.NewStyle().Foreground(cursorFg).Background(cursorBg),
		PickFree:  lipgloss.NewStyle().Foreground(dim).Italic(true),
		MarkError: lipgloss.NewStyle().Underline(true).UnderlineColor(ld(lipgloss.Color("#D70000"), lipgloss.Color("#FF5F5F"))).
			Foreground(ld(lipgloss.Color("#D70000"), lipgloss.Color("#FF5F5F"))),
		MarkWarning: lipgloss.NewStyle().Underline(true).UnderlineColor(ld(lipgloss.Color("#AF5F00"), lipgloss.Color("#FFAF00"))),
		Unsaved:     lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#D70000"), lipgloss.Color("#FF5F5F"))),
	}
	if noColor() {
		s = &GridStyles{
			Info:     lipgloss.NewStyle().Bold(true),
			Header:   lipgloss.NewStyle().Bold(true),
			Cursor:   lipgloss.NewStyle().Reverse(true),
			Editing:  lipgloss.NewStyle().Underline(true),
			Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1),
			BoxTitle: lipgloss.NewStyle().Bold(true),
			PickSel:  lipgloss.NewStyle().Reverse(true),
			// Without colour: errors bold and underlined, warnings
			// underlined.
			MarkError:   lipgloss.NewStyle().Bold(true).Underline(true),
			MarkWarning: lipgloss.NewStyle().Underline(true),
			Unsaved:     lipgloss.NewStyle().Bold(true),
		}
	}

	// The editors sit inside a cell or a box that already shows where
	// editing happens, so they get no line highlight and a steady cursor
	// (no blink ticks flooding the program while someone thinks).
	s.TextArea = textarea.DefaultStyles(isDark)
	s.TextArea.Focused.CursorLine = lipgloss.NewStyle()
	s.TextArea.Focused.EndOfBuffer = lipgloss.NewStyle()
	s.TextArea.Cursor.Blink = false
	s.TextInput = textinput.DefaultStyles(isDark)
	s.TextInput.Cursor.Blink = false
	if noColor() {
		s.TextArea = plainTextArea(s.TextArea)
		s.TextInput = plainTextInput(s.TextInput)
	}
	return s
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
