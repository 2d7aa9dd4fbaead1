package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"jixiao/export"
)

// pasteProject fills the form from a project's row pasted from a
// spreadsheet or a CSV (export.PastedProject: 项目编码 … 绩效目标 in the
// CSV's column order, with or without 单位编码/单位名称/年度 before them, or
// a header and a row). Every cell is checked as if typed in its field; the
// project is written once with all of them, and the status line says so.
// If any cell does not pass, nothing changes and the status line names
// them. ok is false when the text is not such a row (one value, say, which
// the field being edited takes as before).
func (pf *projectForm) pasteProject(text string) (cmd tea.Cmd, ok bool) {
	cells, ok := export.PastedProject(text)
	if !ok {
		return nil, false
	}
	vals := make([]string, pfCount)
	var bad []string
	for i, c := range cells {
		v, msg := check(pf.form.fields[i], c)
		if msg != "" {
			bad = append(bad, msg)
		}
		vals[i] = v
	}
	if len(bad) > 0 {
		return msgCmd(errMsg{What: "粘贴", Err: errors.New(strings.Join(bad, "；") + "。没有粘贴")}), true
	}
	for i, v := range vals {
		apply(&pf.project, i, v)
	}
	pf.form.SetValues(vals)
	pf.hints()
	m := pf.changed()
	m.Done = "粘贴了项目各栏"
	return pf.common.post(m), true
}
