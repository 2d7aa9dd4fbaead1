package main

import "jixiao/ui"

// manualKey is one row of a key table: the keys as the help shows them and
// what they do.
type manualKey = ui.KeyLine

// manualKeySection is one screen's keys.
type manualKeySection = ui.KeySection

// manualKeySections is every screen's keys from the app's one key tree,
// the same bindings the help bar and the ? page are generated from.
func manualKeySections() []manualKeySection { return ui.KeyHelp() }
