package ui

import "charm.land/lipgloss/v2"

// GridStyles holds the indicator grid's styles. UI-core's Styles may embed
// it; until then the grid builds its own with DefaultGridStyles.
type GridStyles struct {
	Header lipgloss.Style
	Cell   lipgloss.Style
	Cursor lipgloss.Style
}

// DefaultGridStyles returns the grid styles for a dark or light background.
func DefaultGridStyles(isDark bool) *GridStyles {
	_ = isDark
	return &GridStyles{
		Header: lipgloss.NewStyle().Bold(true),
		Cell:   lipgloss.NewStyle(),
		Cursor: lipgloss.NewStyle().Reverse(true),
	}
}
