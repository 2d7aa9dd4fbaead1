package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// walk is the walk-through (w): Part 1, then each project's form and then
// its grid. ctrl+n / ctrl+p go to the next / previous step; esc leaves the
// walk with the current screen where it is.
type walk struct {
	common   *Common
	doc      model.Document
	projects []model.ProjectSummary

	step    int // −1 is Part 1; 2i is project i's form, 2i+1 its grid
	inner   screen
	loading bool
	note    string // "已是最后一步" and such

	filled, fields int // the current step's completeness

	width, height int
}

// What the walk asks of the screen it shows, instead of knowing its type.
type (
	// projectShower shows one project (the form, the grid).
	projectShower interface{ Project() model.Project }
	// headerShower shows the header and Part 1 (Part 1's editor).
	headerShower interface{ Document() model.Document }
	// leaver says whether esc may leave it (no uncommitted text).
	leaver interface{ CanLeave() bool }
	// sectionShower is on one of Part 1's entries.
	sectionShower interface{ Section() part1Section }
	// cellEditor has an editor open that takes every key (the grid's
	// cell editor and picker, where ctrl+n moves the picker).
	cellEditor interface{ editingCell() bool }
)

func newWalk(c *Common, doc model.Document, ps []model.ProjectSummary) *walk {
	return &walk{common: c, doc: doc, projects: ps}
}

// start opens the first step: Part 1, or the form of project from.
func (w *walk) start(from int) tea.Cmd {
	if from < 0 || from >= len(w.projects) {
		return w.goTo(-1, nil)
	}
	return w.goTo(2*from, nil)
}

func (w *walk) Title() string { return "逐项填写" }

func (w *walk) restyle() {
	if r, ok := w.inner.(restyler); ok {
		r.restyle()
	}
}

func (w *walk) Editing() bool { return w.inner != nil && w.inner.Editing() }

func (w *walk) SetSize(wd, h int) {
	w.width, w.height = wd, h
	if w.inner != nil {
		w.inner.SetSize(wd, max(h-2, 1))
	}
}

// project returns the project being shown, if any.
func (w *walk) project() (model.Project, bool) {
	if s, ok := w.inner.(projectShower); ok {
		return s.Project(), true
	}
	return model.Project{}, false
}

// goTo moves to step. cur is the project being shown when moving between
// its form and grid, so no reload is needed.
func (w *walk) goTo(step int, cur *model.Project) tea.Cmd {
	if p1, ok := w.inner.(headerShower); ok {
		w.doc = p1.Document()
	}
	w.step, w.note = step, ""
	if step < 0 {
		w.set(newPart1(w.common, w.doc, secOverall))
		return nil
	}
	i := step / 2
	if cur != nil && cur.ID == w.projects[i].ID {
		return w.show(*cur)
	}
	w.loading = true
	id := w.projects[i].ID
	return w.common.post(openProjectMsg{Key: w.doc.Key(), ID: id, View: projectView(step % 2), InPlace: true})
}

func (w *walk) show(p model.Project) tea.Cmd {
	w.loading = false
	k := w.doc.Key()
	if w.step%2 == 0 {
		w.set(newProjectForm(w.common, k, p))
	} else {
		w.set(newGridScreen(w.common, k, p))
	}
	return nil
}

func (w *walk) set(s screen) {
	w.inner = s
	s.SetSize(w.width, max(w.height-2, 1))
	w.measure()
}

// measure updates the progress shown in the header.
func (w *walk) measure() {
	if p, ok := w.project(); ok {
		s := model.Summarize(&p)
		w.filled, w.fields = s.Filled, s.Fields
		return
	}
	if p1, ok := w.inner.(headerShower); ok {
		d := p1.Document()
		w.fields, w.filled = 3, 0
		for _, ok := range []bool{d.Overall != "", len(d.Goals) > 0, len(d.Measures) > 0} {
			if ok {
				w.filled++
			}
		}
	}
}

func (w *walk) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case projectLoadedMsg:
		if msg.InPlace && w.loading && msg.Project != nil && w.step >= 0 && msg.Project.ID == w.projects[w.step/2].ID {
			return w.show(*msg.Project)
		}
		return nil
	case tea.KeyPressMsg:
		return w.key(msg)
	}
	if w.inner == nil {
		return nil
	}
	cmd := w.inner.Update(msg)
	w.measure()
	return cmd
}

func (w *walk) key(k tea.KeyPressMsg) tea.Cmd {
	km := w.common.Keys
	if g, ok := w.inner.(cellEditor); ok && g.editingCell() {
		cmd := w.inner.Update(k)
		w.measure()
		return cmd
	}
	switch {
	case key.Matches(k, km.Walk.Next):
		return w.move(1)
	case key.Matches(k, km.Walk.Prev):
		return w.move(-1)
	case key.Matches(k, km.Walk.Leave) && w.canLeave():
		// Back to the document, the cursor on what the walk was on.
		focus := focusProjectMsg{Key: w.doc.Key(), Part1: true}
		if w.step >= 0 {
			focus = focusProjectMsg{Key: w.doc.Key(), ID: w.projects[w.step/2].ID}
		} else if s, ok := w.inner.(sectionShower); ok {
			focus.Section = s.Section()
		}
		return tea.Batch(w.common.post(backMsg{}), w.common.post(focus))
	}
	if w.inner == nil {
		return nil
	}
	cmd := w.inner.Update(k)
	w.measure()
	return cmd
}

// canLeave reports whether esc leaves the walk rather than cancelling an
// edit in the screen shown.
func (w *walk) canLeave() bool {
	switch s := w.inner.(type) {
	case nil:
		return true
	case leaver:
		return s.CanLeave()
	}
	return !w.inner.Editing()
}

// move goes to the next or previous step, keeping what is typed first.
func (w *walk) move(delta int) tea.Cmd {
	if w.loading {
		return nil
	}
	next := w.step + delta
	if next < -1 || next >= 2*len(w.projects) {
		w.note = "已是最后一步，esc 结束"
		if delta < 0 {
			w.note = "已是第一步"
		}
		return nil
	}
	if f, ok := w.inner.(flusher); ok {
		f.Flush()
	}
	var cur *model.Project
	if p, ok := w.project(); ok {
		cur = &p
	}
	return w.goTo(next, cur)
}

// stepName says where the walk is: 第一部分, or 项目 3/9 名称 · 表单.
func (w *walk) stepName() string {
	if w.step < 0 {
		return "第一部分 部门整体绩效目标"
	}
	i := w.step / 2
	part := "表单"
	if w.step%2 == 1 {
		part = "指标表"
	}
	p := w.projects[i]
	name := p.Name
	if cur, ok := w.project(); ok {
		name = projectLabel(cur)
	}
	return fmt.Sprintf("项目 %d/%d %s · %s", i+1, len(w.projects), safe(name), part)
}

func (w *walk) View() string {
	st := w.common.Styles
	prog := fmt.Sprintf(" %d/%d ", w.filled, w.fields)
	head := fit(st.Heading.Render(w.stepName()), max(w.width-26, 10)) + " " + bar(st, w.filled, w.fields, 12) + st.Muted.Render(prog)
	sub := st.Muted.Render(hintLine("  ", w.common.Keys.walkHelp()[0]...))
	if w.note != "" {
		sub = st.Warning.Render(w.note)
	}
	body := ""
	switch {
	case w.loading || w.inner == nil:
		body = st.Muted.Render("正在读取…")
	default:
		body = w.inner.View()
	}
	return box(append([]string{head, sub}, splitLines(body)...), w.width, w.height)
}

func (w *walk) ShortHelp() []key.Binding {
	km := w.common.Keys
	var b []key.Binding
	if w.inner != nil {
		b = w.inner.ShortHelp()
	}
	return append([]key.Binding{km.Walk.Next, km.Walk.Prev}, b...)
}

func (w *walk) FullHelp() [][]key.Binding {
	km := w.common.Keys
	g := km.walkHelp()
	if w.inner != nil {
		g = append(g, w.inner.FullHelp()...)
	}
	return g
}

// Flush commits what is typed in the screen shown, for quitting.
func (w *walk) Flush() {
	if f, ok := w.inner.(flusher); ok {
		f.Flush()
	}
}
