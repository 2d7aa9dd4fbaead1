package ui

import (
	"errors"
	"os"
	"syscall"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

// Minimum usable size; below it the app shows 窗口太小.
const (
	minWidth  = 60
	minHeight = 16
)

// Options tune the app; the zero value is what jixiao uses.
type Options struct {
	// Now is the clock for the status line's 已保存 time (tests fix it).
	Now func() time.Time
	// Sample returns the sample document for the home screen's s key; nil
	// disables the key.
	Sample func() *model.Document
	// Notice is shown on the status line, as a warning, from start-up
	// until the first save replaces it (e.g. that the file's last change
	// was lost to a power cut).
	Notice string
}

// App is the root model: a stack of screens, the status line and the help
// bar. It routes messages: sizes to every screen, keys to the top screen,
// edits to the write queue (writes), and document changes to the
// reviewer, which owns the review cache.
type App struct {
	common *Common
	opts   Options
	writes *writeQueue
	review *reviewer

	stack []screen
	help  help.Model

	width, height int
	showHelp      bool
	helpTop       int // the ? page's first line shown

	status    string
	statusBad bool
	// note is a plain message (没有可撤销的操作) shown on the status line's
	// left until the next key.
	note string

	// outbox collects the requests screens post during an Update (see
	// Common.post); drain routes them before Update returns.
	outbox []tea.Msg
}

// New returns the app over an open store.
func New(st *store.Store, opts *Options) *App {
	a := &App{}
	if opts != nil {
		a.opts = *opts
	}
	if a.opts.Now == nil {
		a.opts.Now = time.Now
	}
	a.common = newCommon(0, 0)
	a.common.outbox = &a.outbox
	a.writes = newWriteQueue(st, a.opts.Now)
	a.review = newReviewer(a.common.Reviews, a.writes)
	a.help = help.New()
	a.help.Styles = a.common.Styles.Help
	a.stack = []screen{newHome(a.common, a.opts.Sample != nil)}
	a.status, a.statusBad = a.opts.Notice, a.opts.Notice != ""
	return a
}

// Init asks the terminal for its background colour and loads the list.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.writes.loadDocs())
}

func (a *App) top() screen { return a.stack[len(a.stack)-1] }

// Update routes a message: sizes to every screen, keys to the top screen
// (after the global keys), the app's own requests to a handler each, and
// any other message to every screen, which ignores what is not its own.
//
// Edits the screens commit during the message wait in the outbox; they are
// queued before Update returns, so the next message (a quit key) always
// finds them in the write queue.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	return a, tea.Batch(cmd, a.drain())
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return nil
	case tea.BackgroundColorMsg:
		a.setDark(msg.IsDark())
		return nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.PasteMsg:
		// Pasted text is typing: only the screen in front may take it.
		if a.showHelp {
			return nil
		}
		return a.top().Update(msg)
	case savedMsg:
		st, cmd := a.writes.finish(msg)
		if st != nil {
			a.status, a.statusBad = st.text, st.bad
		}
		return cmd
	}
	if cmd, ok := a.request(msg); ok {
		return cmd
	}
	return a.broadcast(msg)
}

// drain routes the requests the screens posted, in the order posted
// (routing one may post more).
func (a *App) drain() tea.Cmd {
	var cmds []tea.Cmd
	for len(a.outbox) > 0 {
		m := a.outbox[0]
		a.outbox = a.outbox[1:]
		if cmd, ok := a.request(m); ok {
			cmds = append(cmds, cmd)
		} else {
			cmds = append(cmds, a.broadcast(m))
		}
	}
	a.outbox = a.outbox[:0]
	return tea.Batch(cmds...)
}

// broadcast gives a message to every screen in the stack.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	return a.broadcastTo(a.stack, msg)
}

func (a *App) broadcastTo(ss []screen, msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range ss {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (a *App) resize(w, h int) {
	a.width, a.height = w, h
	a.common.Width, a.common.Height = w, h
	a.help.SetWidth(w)
	for _, s := range a.stack {
		s.SetSize(w, a.bodyHeight())
	}
}

// bodyHeight leaves the top line, the status line and the help bar.
func (a *App) bodyHeight() int { return max(a.height-3, 1) }

// setDark rebuilds the one Styles tree for the background and has the
// screens take it.
func (a *App) setDark(dark bool) {
	*a.common.Styles = *DefaultStyles(dark)
	a.help.Styles = a.common.Styles.Help
	// Text inputs and areas keep a copy of their styles, and the grid
	// its rendered rules; hand them the new ones.
	for _, s := range a.stack {
		if r, ok := s.(restyler); ok {
			r.restyle()
		}
	}
}

func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := a.common.Keys.Global
	// Only a quit key right after 未退出 gives the failed edit up.
	again := a.writes.takeRefused()
	a.note = ""
	switch {
	case key.Matches(k, km.ForceQuit):
		return a.quit(again)
	case a.showHelp && key.Matches(k, a.common.Keys.List.Down):
		a.helpTop++ // scroll a page too tall for the terminal
		return nil
	case a.showHelp && key.Matches(k, a.common.Keys.List.Up):
		a.helpTop--
		return nil
	case a.showHelp:
		// Any other key closes the overlay; q still quits.
		a.showHelp, a.helpTop = false, 0
		if key.Matches(k, km.Quit) {
			return a.quit(again)
		}
		return nil
	case key.Matches(k, km.HelpInEditor):
		a.showHelp = true
		return nil
	case a.top().Editing():
		return a.top().Update(k)
	case key.Matches(k, km.Help):
		a.showHelp = true
		return nil
	case key.Matches(k, km.Quit):
		return a.quit(again)
	}
	return a.top().Update(k)
}

// quit keeps what is being typed (if valid), queues it behind the writes
// already queued, and quits once the queue has drained. Every edit
// committed before the quit key is in the queue by now (see Update), so
// nothing committed is ever lost and nothing asks to save.
func (a *App) quit(giveUp bool) tea.Cmd {
	a.flushFrom(0)
	cmd := a.drain()
	return tea.Batch(cmd, a.writes.quit(giveUp))
}

// flushFrom asks the screens from stack position i up to commit what is
// typed in them.
func (a *App) flushFrom(i int) {
	for j := len(a.stack) - 1; j >= i; j-- {
		if f, ok := a.stack[j].(flusher); ok {
			f.Flush()
		}
	}
}

// request routes the app's own messages; ok is false for anything else.
// Every request is also shown to the reviewer, which follows edits.
func (a *App) request(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if cmd, ok := a.review.handle(msg); ok {
		return cmd, true
	}
	if cmd, ok := a.reviewModeRequest(msg); ok {
		return cmd, true
	}
	cmd, ok = a.route(msg)
	return tea.Batch(cmd, a.review.observe(msg)), ok
}

func (a *App) route(msg tea.Msg) (tea.Cmd, bool) {
	w := a.writes
	switch m := msg.(type) {
	// Edits: written by the queue; the screens below the one that made
	// the edit hear of it (the form under its grid, the document under
	// Part 1), so their next write does not bring back what it changed.
	case projectChangedMsg:
		return tea.Batch(w.saveProject(m), a.broadcastTo(a.stack[:len(a.stack)-1], m)), true
	case headerChangedMsg:
		return tea.Batch(w.saveHeader(m), a.broadcastTo(a.stack[:len(a.stack)-1], m)), true
	case headerEditMsg:
		return w.saveHeaderEdit(m), true
	case headerSavedMsg:
		// A document that moved keeps its undo histories; the screens
		// showing it take the new key and header.
		a.common.moveHistories(m.From, m.To)
		return a.broadcast(m), true
	case addSampleMsg:
		if a.opts.Sample == nil {
			return nil, true
		}
		return w.addSample(a.opts.Sample()), true
	case createDocMsg:
		return w.createDoc(m), true
	case planCopyMsg:
		return w.planCopy(m), true
	case copyDocMsg:
		return w.copyDoc(m), true
	case deleteDocMsg:
		return w.deleteDoc(m.Key), true
	case addProjectMsg:
		p := model.Project{ID: m.ID}
		pf := newProjectForm(a.common, m.Key, p)
		pf.added = true
		a.push(pf)
		return w.insertProject(m.Key, p, m.At), true
	case deleteProjectMsg:
		return tea.Batch(w.deleteProject(m), a.broadcastTo(a.stack[:len(a.stack)-1], m)), true
	case moveProjectMsg:
		return w.moveProject(m), true
	case reloadMsg:
		return w.reload(m), true
	case exportMsg:
		return w.export(m), true
	case planImportMsg:
		return w.planImport(m), true
	case importDocMsg:
		return w.importDoc(m), true

	// Screens.
	case openDocMsg:
		a.push(newDocument(a.common, m.Key))
		return w.loadHeader(m.Key), true
	case docCreatedMsg:
		a.pop() // the new-document form
		a.push(newDocument(a.common, m.Key))
		return w.loadHeader(m.Key), true
	case openProjectMsg:
		var lib tea.Cmd
		if m.View == viewGrid {
			// The indicator library, with the rows typed since it was
			// last read; only here, so opening a document reads no
			// project.
			lib = w.readLibrary()
		}
		if m.Project != nil {
			return tea.Batch(msgCmd(projectLoadedMsg{Key: m.Key, Project: m.Project, View: m.View, Jump: m.Jump, InPlace: m.InPlace}), lib), true
		}
		return tea.Batch(w.readProject(m), lib), true
	case projectLoadedMsg:
		return a.projectLoaded(m), true
	case openPart1Msg:
		a.push(newPart1(a.common, m.Doc, m.Section))
		return nil, true
	case newDocFormMsg:
		a.push(newDocForm(a.common))
		return nil, true
	case openHeaderFormMsg:
		a.push(newHeaderForm(a.common, &m.Doc, m.Counts))
		return nil, true
	case openCopyFormMsg:
		a.push(newCopyForm(a.common, m.From, m.UnitName))
		return nil, true
	case startWalkMsg:
		wk := newWalk(a.common, m.Doc, m.Projects)
		a.push(wk)
		return wk.start(m.From), true
	case openFindingsMsg:
		a.push(newFindingsPanel(a.common, m.Key))
		return nil, true
	case openExportMsg:
		a.push(newExportDialog(a.common, m.Doc))
		return nil, true
	case openImportMsg:
		d := newImportDialog(a.common, m.Doc, m.UnitName)
		a.push(d)
		return d.path.Focus(), true
	case gotoFindingMsg:
		return a.gotoFinding(m), true
	case backMsg:
		a.pop()
		return nil, true

	// Answers and errors.
	case errMsg:
		a.setError(m.What, m.Err)
		return nil, true
	case noteMsg:
		a.note = m.Text
		return nil, true
	case docsLoadedMsg:
		if m.Err != nil && !a.statusBad {
			a.setError("读取文本列表", m.Err)
		}
		return a.broadcast(m), true
	case headerLoadedMsg:
		// A failed write's message matters more than the reload after it.
		if m.Err != nil && !a.statusBad {
			a.setError("读取文本", m.Err)
		}
		return a.broadcast(m), true
	}
	return a.routeDiff(msg)
}

func (a *App) push(s screen) {
	s.SetSize(a.width, a.bodyHeight())
	a.stack = append(a.stack, s)
	a.showHelp = false
}

func (a *App) pop() {
	if len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
	a.showHelp = false
}

// projectLoaded opens the project's form or grid, unless the screen that
// asked shows it itself (the walk-through).
func (a *App) projectLoaded(m projectLoadedMsg) tea.Cmd {
	if m.Err != nil || m.Project == nil {
		a.setError("读取项目", m.Err)
		return nil
	}
	if m.InPlace {
		return a.broadcast(m)
	}
	if m.View == viewGrid {
		g := newGridScreen(a.common, m.Key, *m.Project)
		g.jump(m.Jump)
		a.push(g)
		return nil
	}
	pf := newProjectForm(a.common, m.Key, *m.Project)
	a.push(pf)
	return pf.jump(m.Jump)
}

// gotoFinding closes the screens above the document (keeping what is typed
// in them) and opens the finding's project at its field or cell.
func (a *App) gotoFinding(m gotoFindingMsg) tea.Cmd {
	di := -1
	for i, s := range a.stack {
		if d, ok := s.(docScreen); ok && d.docKey() == m.Key {
			di = i
		}
	}
	if di < 0 {
		return nil
	}
	a.flushFrom(di + 1)
	a.stack = a.stack[:di+1]
	a.showHelp = false
	f := m.F
	cmd := a.stack[di].Update(focusProjectMsg{Key: m.Key, ID: f.ProjectID, Field: f.Field})
	if f.ProjectID == "" {
		return cmd
	}
	return tea.Batch(cmd, msgCmd(openProjectMsg{Key: m.Key, ID: f.ProjectID, View: findingView(&f), Jump: &f}))
}

func (a *App) setError(what string, err error) {
	a.status, a.statusBad = what+"失败："+describeErr(err), true
}

// describeErr says what went wrong in plain Chinese: a failed save of the
// data file says what to do; the rest is errtext's.
func describeErr(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "磁盘已满，腾出空间后再确认一次即可保存"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的，无法写入数据文件"
	case errors.Is(err, os.ErrPermission):
		return "没有写入数据文件的权限"
	case errors.Is(err, store.ErrNotFound):
		// Another jixiao (or a command) may have deleted it meanwhile.
		return errtext.Reason(err) + "（可能已被删除）"
	}
	return errtext.Reason(err)
}
