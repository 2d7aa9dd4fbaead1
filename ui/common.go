// Package ui is jixiao's Bubble Tea terminal app: a root model that keeps a
// screen stack and routes messages, and one file per screen. Screens never
// call the store from View; store calls run in tea.Cmds and come back as
// messages.
package ui

// Common is what every screen and widget shares: the size it may draw in,
// the styles and the key map. The root owns it and pushes size changes.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
}
