package ui

import "jixiao/model"

// projectChangedMsg says a screen committed an edit to a project. The root
// saves it to the store in a tea.Cmd and answers with savedMsg or errMsg.
type projectChangedMsg struct {
	Key     model.DocKey
	Project model.Project // a copy, safe to keep
}
