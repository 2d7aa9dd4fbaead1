package ui

// Styles holds every style the screens use; built by DefaultStyles.
type Styles struct{}

// DefaultStyles returns the adaptive light/dark styles.
func DefaultStyles() *Styles { return &Styles{} }
