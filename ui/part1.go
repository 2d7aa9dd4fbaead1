package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// p1row is one row of the Part 1 list: the overall target, a goal or a
// measure. idx −1 is the "empty, press a" row of an empty list.
type p1row struct {
	sec part1Section
	idx int
}

// part1 edits Part 1: 总体绩效目标 in a multi-line editor, 分项绩效目标 and
// 工作保障措施 as lists to add to, edit, delete and reorder. Items are
// edited in the same Form widget as the project form.
type part1 struct {
	common *Common
	doc    model.Document

	cur, first    int
	width, height int

	editing *Form // open while an item is edited
	editRow p1row
	confirm bool
}

func newPart1(c *Common, doc model.Document, sec part1Section) *part1 {
	p := &part1{common: c, doc: headerCopy(&doc)}
	for i, r := range p.rows() {
		if r.sec == sec {
			p.cur = i
			break
		}
	}
	return p
}

func (p *part1) Title() string { return "第一部分 部门整体绩效目标" }
func (p *part1) Editing() bool { return p.editing != nil }
func (p *part1) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.editing != nil {
		p.editing.SetSize(w, h-2)
	}
}

// rows lists the list's rows in order.
func (p *part1) rows() []p1row {
	rs := []p1row{{secOverall, 0}}
	add := func(sec part1Section, n int) {
		if n == 0 {
			rs = append(rs, p1row{sec, -1})
		}
		for i := 0; i < n; i++ {
			rs = append(rs, p1row{sec, i})
		}
	}
	add(secGoals, len(p.doc.Goals))
	add(secMeasures, len(p.doc.Measures))
	return rs
}

func (p *part1) row() p1row {
	rs := p.rows()
	p.cur = max(0, min(p.cur, len(rs)-1))
	return rs[p.cur]
}

// seek puts the cursor on the given row.
func (p *part1) seek(want p1row) {
	for i, r := range p.rows() {
		if r == want {
			p.cur = i
		}
	}
}

func (p *part1) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case saveFailedMsg:
		if m.Origin.owner == p {
			return p.reopen(m.Origin)
		}
		return nil
	case reloadedMsg:
		if m.Doc != nil && m.Key == p.doc.Key() {
			p.reloaded(*m.Doc)
		}
		return nil
	}
	if p.editing != nil {
		return p.updateEditor(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	km := p.common.Keys
	if p.confirm {
		p.confirm = false
		if key.Matches(k, km.Global.Yes) {
			return p.delete()
		}
		return nil
	}
	if cur, ok := km.List.move(k, p.cur, len(p.rows()), 0); ok {
		p.cur = cur
		return nil
	}
	r := p.row()
	switch {
	case key.Matches(k, km.Global.Back):
		return p.common.post(backMsg{})
	case key.Matches(k, km.List.Open):
		if r.idx < 0 {
			return p.add(r)
		}
		return p.edit(r)
	case key.Matches(k, km.Doc.Add):
		return p.add(r)
	case key.Matches(k, km.Doc.Delete):
		p.confirm = r.sec != secOverall && r.idx >= 0
	case key.Matches(k, km.Doc.MoveUp):
		return p.move(r, -1)
	case key.Matches(k, km.Doc.MoveDown):
		return p.move(r, 1)
	}
	return nil
}

// add inserts an empty item after the cursor (or first in an empty list)
// and opens it; it is written when its first field is committed.
func (p *part1) add(r p1row) tea.Cmd {
	at := r.idx + 1
	switch r.sec {
	case secOverall:
		return p.edit(r)
	case secGoals:
		p.doc.Goals = slices.Insert(p.doc.Goals, at, model.Goal{})
	case secMeasures:
		p.doc.Measures = slices.Insert(p.doc.Measures, at, model.Measure{})
	}
	nr := p1row{r.sec, at}
	p.seek(nr)
	return p.edit(nr)
}

// edit opens the Form over the row's item.
func (p *part1) edit(r p1row) tea.Cmd {
	var fields []*formField
	switch r.sec {
	case secOverall:
		fields = []*formField{{Label: "内容", Kind: kindMultiline}}
	case secGoals:
		fields = []*formField{{Label: "绩效目标"}, {Label: "绩效指标", Kind: kindMultiline}}
	case secMeasures:
		fields = []*formField{{Label: "标题"}, {Label: "内容", Kind: kindMultiline}}
	}
	p.editing = newForm(p.common, fields)
	p.editing.SetValues(p.itemValues(r))
	p.editing.SetSize(p.width, p.height-2)
	p.editRow = r
	return p.editing.Focus(0)
}

// itemValues lists an item's fields as the editor shows them.
func (p *part1) itemValues(r p1row) []string {
	switch r.sec {
	case secGoals:
		g := p.doc.Goals[r.idx]
		return []string{g.Goal, g.Indicator}
	case secMeasures:
		m := p.doc.Measures[r.idx]
		return []string{m.Title, m.Content}
	}
	return []string{p.doc.Overall}
}

// exists reports whether r is an item of the document as it is now.
func (p *part1) exists(r p1row) bool {
	switch r.sec {
	case secGoals:
		return r.idx >= 0 && r.idx < len(p.doc.Goals)
	case secMeasures:
		return r.idx >= 0 && r.idx < len(p.doc.Measures)
	}
	return r.sec == secOverall
}

// reopen opens the editor on an item's field again with the text whose
// save failed. An editor with text being typed keeps the keys: that text
// is newer, and the failed one, still in the copy, is saved with it.
func (p *part1) reopen(o editOrigin) tea.Cmd {
	var cmds []tea.Cmd
	if p.editing != nil && p.editRow != o.item {
		if p.editing.Dirty() {
			return nil
		}
		r := p.editRow
		p.editing = nil
		if p.itemEmpty(r) {
			// An item added and left empty is not kept (as on esc).
			p.seek(r)
			cmds = append(cmds, p.delete())
			if r.sec == o.item.sec && r.idx < o.item.idx {
				o.item.idx--
			}
		}
	}
	if !p.exists(o.item) {
		return tea.Batch(cmds...)
	}
	if p.editing == nil {
		p.seek(o.item)
		cmds = append(cmds, p.edit(o.item))
	}
	return tea.Batch(append(cmds, p.editing.Reopen(o.field, o.text))...)
}

// reloaded takes Part 1 as stored, after an edit whose save failed was
// given up; the open editor shows the item as stored, or closes if the
// item was never stored.
func (p *part1) reloaded(doc model.Document) {
	doc.Projects = nil
	p.doc = doc
	if p.editing != nil {
		if p.exists(p.editRow) {
			p.editing.SetValues(p.itemValues(p.editRow))
		} else {
			p.editing = nil
		}
	}
	p.cur = max(0, min(p.cur, len(p.rows())-1))
}

func (p *part1) updateEditor(msg tea.Msg) tea.Cmd {
	cmd, res := p.editing.Update(msg)
	cmds := []tea.Cmd{cmd}
	if res.Committed >= 0 {
		cmds = append(cmds, p.applyEdit(res.Committed))
	}
	if res.Reverted {
		// The copy holds the edit given up: show what is stored.
		cmds = append(cmds, p.common.post(reloadMsg{Key: p.doc.Key()}))
	}
	if res.Escaped || res.Submitted {
		p.editing = nil
		if p.itemEmpty(p.editRow) {
			// An item added and left empty is not kept.
			p.seek(p.editRow)
			cmds = append(cmds, p.delete())
		}
	}
	return tea.Batch(cmds...)
}

// applyEdit copies the editor's committed values into the document; field
// i is the one committed.
func (p *part1) applyEdit(i int) tea.Cmd {
	f, r := p.editing, p.editRow
	switch r.sec {
	case secOverall:
		p.doc.Overall = f.Value(0)
	case secGoals:
		p.doc.Goals[r.idx] = model.Goal{Goal: f.Value(0), Indicator: f.Value(1)}
	case secMeasures:
		p.doc.Measures[r.idx] = model.Measure{Title: f.Value(0), Content: f.Value(1)}
	}
	return p.post(&editOrigin{owner: p, item: r, field: i, text: f.Typed(i)})
}

func (p *part1) changed() tea.Cmd { return p.post(nil) }

// post sends Part 1 as it now is to be saved; origin is the editor an
// edit was typed in, if any.
func (p *part1) post(origin *editOrigin) tea.Cmd {
	return p.common.post(headerChangedMsg{Doc: p.Document(), Origin: origin})
}

// Section is the Part 1 entry the cursor is in.
func (p *part1) Section() part1Section { return p.row().sec }

// Document returns a copy of the header and Part 1 as edited.
func (p *part1) Document() model.Document { return headerCopy(&p.doc) }

// Flush commits the field being typed in, for quitting.
func (p *part1) Flush() {
	if p.editing == nil {
		return
	}
	if i := p.editing.Flush(); i >= 0 {
		p.applyEdit(i)
	}
}

// itemEmpty reports whether a goal or measure has nothing filled in.
func (p *part1) itemEmpty(r p1row) bool {
	switch {
	case r.idx < 0:
		return false
	case r.sec == secGoals:
		return p.doc.Goals[r.idx] == model.Goal{}
	case r.sec == secMeasures:
		return p.doc.Measures[r.idx] == model.Measure{}
	}
	return false
}

func (p *part1) delete() tea.Cmd {
	r := p.row()
	switch {
	case r.idx < 0:
		return nil
	case r.sec == secGoals:
		p.doc.Goals = append(p.doc.Goals[:r.idx:r.idx], p.doc.Goals[r.idx+1:]...)
	case r.sec == secMeasures:
		p.doc.Measures = append(p.doc.Measures[:r.idx:r.idx], p.doc.Measures[r.idx+1:]...)
	default:
		return nil
	}
	return p.changed()
}

func (p *part1) move(r p1row, delta int) tea.Cmd {
	j := r.idx + delta
	switch {
	case r.idx < 0:
		return nil
	case r.sec == secGoals && j >= 0 && j < len(p.doc.Goals):
		p.doc.Goals[r.idx], p.doc.Goals[j] = p.doc.Goals[j], p.doc.Goals[r.idx]
	case r.sec == secMeasures && j >= 0 && j < len(p.doc.Measures):
		p.doc.Measures[r.idx], p.doc.Measures[j] = p.doc.Measures[j], p.doc.Measures[r.idx]
	default:
		return nil
	}
	p.seek(p1row{r.sec, j})
	return p.changed()
}

func (p *part1) View() string {
	st := p.common.Styles
	if p.editing != nil {
		return st.Heading.Render(p.editTitle()) + "\n" + st.Muted.Render(hintLine("  ", p.editing.Help()...)) + "\n" + p.editing.View()
	}
	rs := p.rows()
	var lines []string
	start, end := 0, 0
	last := part1Section(-1)
	for i, r := range rs {
		if r.sec != last {
			if last >= 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Heading.Render(sectionTitle(r.sec)))
			last = r.sec
		}
		if i == p.cur {
			start = len(lines)
		}
		text := safe(p.rowText(r))
		for j, l := range splitLines(ansi.Wrap(text, p.width-4, "")) {
			if j >= 2 {
				break
			}
			line := "  " + l
			if i == p.cur {
				line = st.Selected.Render(fit(line, p.width))
			}
			lines = append(lines, line)
		}
		if i == p.cur {
			end = len(lines)
		}
	}
	h := p.height
	if p.confirm {
		h--
	}
	p.first = scrollTo(p.first, start, end, len(lines), h)
	lines = lines[min(p.first, len(lines)):]
	if p.confirm {
		lines = append(lines[:min(len(lines), h)], st.Prompt.Render("删除这一项？"+p.common.Keys.confirmHint()))
	}
	return box(lines, p.width, p.height)
}

func sectionTitle(s part1Section) string {
	return [3]string{"一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"}[s]
}

func (p *part1) editTitle() string {
	r := p.editRow
	if r.sec == secOverall {
		return sectionTitle(secOverall)
	}
	return fmt.Sprintf("%s 第 %d 项", sectionTitle(r.sec), r.idx+1)
}

// rowText is a row's text in the list.
func (p *part1) rowText(r p1row) string {
	if r.idx < 0 {
		return "（空，按 " + keyName(p.common.Keys.Doc.Add) + " 添加）"
	}
	switch r.sec {
	case secOverall:
		if p.doc.Overall == "" {
			return "（未填，按" + keyName(p.common.Keys.List.Open) + "填写）"
		}
		return oneLine(p.doc.Overall)
	case secGoals:
		g := p.doc.Goals[r.idx]
		return fmt.Sprintf("%d、绩效目标：%s　绩效指标：%s", r.idx+1, g.Goal, oneLine(g.Indicator))
	}
	m := p.doc.Measures[r.idx]
	return fmt.Sprintf("（%s）%s %s", model.ChineseNumber(r.idx+1), m.Title, oneLine(m.Content))
}

func (p *part1) ShortHelp() []key.Binding {
	km := p.common.Keys
	switch {
	case p.editing != nil:
		return append(p.editing.Help(), km.Form.Submit)
	case p.confirm:
		return []key.Binding{km.Global.Yes, km.Global.No}
	}
	return km.part1Help()[1]
}

func (p *part1) FullHelp() [][]key.Binding {
	if p.editing != nil || p.confirm {
		return [][]key.Binding{p.ShortHelp()}
	}
	return p.common.Keys.part1Help()
}
