package ui

// KeyMap holds every key binding; built by DefaultKeyMap.
type KeyMap struct{}

// DefaultKeyMap returns the default bindings.
func DefaultKeyMap() *KeyMap { return &KeyMap{} }
