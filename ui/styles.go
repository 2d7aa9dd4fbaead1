package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Palette is the handful of colours every style is built from, picked for a
// light or a dark background. NO_COLOR is honoured by Bubble Tea's colour
// profile, which drops colours; the selection is also reversed so it stays
// visible without them.
type Palette struct {
	Fg, Muted, Accent, Border, Good, Warn, Bad, SelFg, SelBg color.Color
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
	}
}

// Styles holds every style the screens use; built by DefaultStyles. Screens
// take styles from here and never build their own.
type Styles struct {
	IsDark  bool
	Palette Palette

	Title    lipgloss.Style // the top line
	Heading  lipgloss.Style // a section title inside a screen
	Label    lipgloss.Style // a form label
	LabelOn  lipgloss.Style // the focused form label
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Selected lipgloss.Style // the list cursor row
	Error    lipgloss.Style // an inline validation error
	Warning  lipgloss.Style // an inline inconsistency (预算数 ≠ …)
	Good     lipgloss.Style
	Status   lipgloss.Style // the status line
	StatusOK lipgloss.Style
	StatusEr lipgloss.Style
	Header   lipgloss.Style // a table header row
	BarOn    lipgloss.Style // the filled part of a progress bar
	BarOff   lipgloss.Style
	Overlay  lipgloss.Style // the ? overlay box
	Prompt   lipgloss.Style // a confirmation question

	Help     help.Styles
	Input    textinput.Styles
	TextArea textarea.Styles
	Grid     *GridStyles
}

// DefaultStyles returns the styles for a dark or light background.
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
		Text:     n(),
		Muted:    n().Foreground(p.Muted),
		Selected: n().Reverse(true).Bold(true),
		Error:    n().Foreground(p.Bad),
		Warning:  n().Foreground(p.Warn),
		Good:     n().Foreground(p.Good),
		Status:   n().Foreground(p.Muted),
		StatusOK: n().Foreground(p.Good),
		StatusEr: n().Bold(true).Foreground(p.Bad),
		Header:   n().Bold(true).Underline(true),
		BarOn:    n().Foreground(p.Good),
		BarOff:   n().Foreground(p.Border),
		Overlay:  n().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1),
		Prompt:   n().Bold(true).Foreground(p.Warn),
		Grid:     DefaultGridStyles(isDark),
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
	return s
}
