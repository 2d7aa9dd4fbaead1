package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
}

// saveJob is one queued write. Writes run one at a time, in order, so a
// later edit can never be overtaken by an earlier one; a queued (not yet
// running) job with the same coalesce key is replaced by the newer one.
type saveJob struct {
	coalesce string // "" never coalesces (inserts, deletes, moves)
	what     string
	key      model.DocKey
	run      func(*store.Store) error
	after    func(a *App) tea.Cmd // on success, e.g. open the new document
	// origin is the editor the edit was typed in: on failure it opens
	// again there with the text (saveFailedMsg).
	origin *editOrigin
	// read marks a read queued behind the writes, so that it sees them
	// (a project opened right after its form's last edit); its after
	// always runs and reports its own error.
	read bool
}

// App is the root model: a stack of screens, the status line, the help bar
// and the write queue.
type App struct {
	common *Common
	store  *store.Store
	opts   Options

	stack []screen
	help  help.Model

	width, height int
	showHelp      bool

	status    string
	statusBad bool

	queue    []saveJob
	saving   bool
	quitting bool
	// quitRefused is set when a failed save kept the app from quitting
	// (未退出); a quit key pressed next quits even if the save fails
	// again, so a full disk cannot trap the user. giveUp is that quit.
	quitRefused, giveUp bool
	seq                 int // numbers header reloads

	// outbox collects the requests screens post during an Update (see
	// Common.post); drain handles them before Update returns.
	outbox []tea.Msg
}

// New returns the app over an open store.
func New(st *store.Store, opts *Options) *App {
	a := &App{store: st}
	if opts != nil {
		a.opts = *opts
	}
	if a.opts.Now == nil {
		a.opts.Now = time.Now
	}
	a.common = newCommon(0, 0)
	a.common.outbox = &a.outbox
	a.help = help.New()
	a.help.Styles = a.common.Styles.Help
	a.stack = []screen{newHome(a.common, a.opts.Sample != nil)}
	return a
}

// Init asks the terminal for its background colour and loads the list.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.loadDocs())
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
		return a.saved(msg)
	}
	if cmd, ok := a.request(msg); ok {
		return cmd
	}
	return a.broadcast(msg)
}

// drain handles the requests the screens posted, in the order posted
// (handling one may post more).
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
	var cmds []tea.Cmd
	for _, s := range a.stack {
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

func (a *App) setDark(dark bool) {
	*a.common.Styles = *DefaultStyles(dark)
	a.help.Styles = a.common.Styles.Help
	// Text inputs and areas keep a copy of their styles; hand them the
	// new ones.
	for _, s := range a.stack {
		if r, ok := s.(interface{ restyle() }); ok {
			r.restyle()
		}
	}
}

func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := a.common.Keys
	// Only a quit key right after 未退出 gives the failed edit up.
	again := a.quitRefused
	a.quitRefused = false
	switch {
	case key.Matches(k, km.Global.ForceQuit):
		return a.quit(again)
	case a.showHelp:
		// Any key closes the overlay; q still quits.
		a.showHelp = false
		if key.Matches(k, km.Global.Quit) {
			return a.quit(again)
		}
		return nil
	case key.Matches(k, km.Global.HelpInEditor):
		a.showHelp = true
		return nil
	case a.top().Editing():
		return a.top().Update(k)
	case key.Matches(k, km.Global.Help):
		a.showHelp = true
		return nil
	case key.Matches(k, km.Global.Quit):
		return a.quit(again)
	}
	return a.top().Update(k)
}

// quit keeps what is being typed (if valid), queues it behind the writes
// already queued, and quits once the queue has drained. Every edit
// committed before the quit key is in the queue by now (see Update), so
// nothing committed is ever lost and nothing asks to save. A save that
// fails stops the quit (未退出) unless giveUp: the user pressed the quit
// key again right after being told.
func (a *App) quit(giveUp bool) tea.Cmd {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if f, ok := a.stack[i].(flusher); ok {
			f.Flush()
		}
	}
	cmd := a.drain()
	a.quitting, a.giveUp = true, giveUp
	return tea.Batch(cmd, a.quitIfDone())
}

// request handles the app's own messages. ok is false for anything else.
func (a *App) request(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if cmd, ok := a.reviewRequest(msg); ok {
		return cmd, true
	}
	// Edits and list loads also update the findings (review.go).
	defer func() { cmd = tea.Batch(cmd, a.observe(msg)) }()
	switch m := msg.(type) {
	case projectChangedMsg:
		return a.projectChanged(m), true
	case headerChangedMsg:
		doc := m.Doc
		// The document screen underneath reopens Part 1 from its copy:
		// give it this one now, not after the write and a reload.
		for _, s := range a.stack {
			if d, ok := s.(*document); ok && d.key == doc.Key() {
				c := doc
				d.doc = &c
			}
		}
		return a.enqueue(saveJob{coalesce: "h:" + doc.Key().String(), what: "第一部分", key: doc.Key(), origin: m.Origin,
			run: func(s *store.Store) error { return s.SaveHeader(&doc) }}), true
	case openDocMsg:
		return a.push(newDocument(a.common, m.Key), a.loadHeader(m.Key)), true
	case openProjectMsg:
		return a.loadProject(m), true
	case projectLoadedMsg:
		return a.projectLoaded(m), true
	case openPart1Msg:
		return a.push(newPart1(a.common, m.Doc, m.Section), nil), true
	case newDocFormMsg:
		return a.push(newDocForm(a.common), nil), true
	case createDocMsg:
		return a.createDoc(m), true
	case reloadMsg:
		return a.reload(m), true
	case addSampleMsg:
		return a.addSample(), true
	case deleteDocMsg:
		k := m.Key
		return a.enqueue(saveJob{what: "删除 " + k.String(), key: k,
			run: func(s *store.Store) error { return s.DeleteDocument(k) }}), true
	case addProjectMsg:
		return a.addProject(m), true
	case deleteProjectMsg:
		return a.enqueue(saveJob{what: "删除项目", key: m.Key,
			run: func(s *store.Store) error { return s.DeleteProject(m.Key, m.ID) }}), true
	case moveProjectMsg:
		return a.enqueue(saveJob{what: "项目顺序", key: m.Key,
			run: func(s *store.Store) error { return s.MoveProject(m.Key, m.ID, m.To) }}), true
	case startWalkMsg:
		w := newWalk(a.common, m.Doc, m.Projects)
		return a.push(w, w.start(m.From)), true
	case backMsg:
		return a.pop(), true
	case replaceTopMsg:
		a.stack[len(a.stack)-1] = m.s
		m.s.SetSize(a.width, a.bodyHeight())
		return nil, true
	case errMsg:
		a.setError(m.What, m.Err)
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
	return nil, false
}

func (a *App) push(s screen, cmd tea.Cmd) tea.Cmd {
	s.SetSize(a.width, a.bodyHeight())
	a.stack = append(a.stack, s)
	a.showHelp = false
	return cmd
}

func (a *App) pop() tea.Cmd {
	if len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
	a.showHelp = false
	return nil
}

// projectChanged queues the write and hands the new project to the other
// open screens of the same project (the form under a grid), so that their
// next write does not bring back what the grid changed.
func (a *App) projectChanged(m projectChangedMsg) tea.Cmd {
	p := m.Project
	for _, s := range a.stack[:len(a.stack)-1] {
		if h, ok := s.(interface{ syncProject(model.Project) }); ok {
			h.syncProject(p)
		}
	}
	key := m.Key
	return a.enqueue(saveJob{coalesce: "p:" + key.String() + "/" + p.ID, what: projectLabel(p), key: key, origin: m.Origin,
		run: func(s *store.Store) error { return s.SaveProject(key, &p) }})
}

// reload reads a project or a document's header behind the queued writes
// and hands it to the screens, after an edit that failed to save was
// given up: what they show goes back to what is stored.
func (a *App) reload(m reloadMsg) tea.Cmd {
	var p *model.Project
	var doc *model.Document
	var err error
	return a.enqueue(saveJob{read: true, key: m.Key,
		run: func(s *store.Store) error {
			if m.ID != "" {
				p, err = s.Project(m.Key, m.ID)
			} else {
				doc, _, err = s.Header(m.Key)
			}
			return nil
		},
		after: func(a *App) tea.Cmd {
			if err != nil {
				a.setError("读取", err)
				return nil
			}
			cmd := a.broadcast(reloadedMsg{Key: m.Key, Project: p, Doc: doc})
			if p != nil {
				// The findings were of the edit given up.
				cmd = tea.Batch(cmd, a.recheck(projectChangedMsg{Key: m.Key, Project: *p}))
			}
			return cmd
		}})
}

func projectLabel(p model.Project) string {
	if p.Name != "" {
		return p.Name
	}
	if p.Code != "" {
		return p.Code
	}
	return "项目"
}

// loadProject reads a project behind any queued writes, unless the screen
// asking has it at hand (the form opening its grid).
func (a *App) loadProject(m openProjectMsg) tea.Cmd {
	if m.Project != nil {
		return msgCmd(projectLoadedMsg{Key: m.Key, Project: m.Project, View: m.View, Jump: m.Jump})
	}
	var p *model.Project
	var err error
	return a.enqueue(saveJob{read: true, key: m.Key,
		run: func(s *store.Store) error { p, err = s.Project(m.Key, m.ID); return nil },
		after: func(*App) tea.Cmd {
			return msgCmd(projectLoadedMsg{Key: m.Key, Project: p, View: m.View, Jump: m.Jump, Err: err})
		}})
}

func (a *App) projectLoaded(m projectLoadedMsg) tea.Cmd {
	if m.Err != nil || m.Project == nil {
		a.setError("读取项目", m.Err)
		return nil
	}
	if w, ok := a.top().(*walk); ok {
		return w.Update(m)
	}
	if m.View == viewGrid {
		g := NewGrid(a.common, m.Key, *m.Project)
		g.jump(m.Jump)
		return a.push(&gridScreen{Grid: g, common: a.common}, nil)
	}
	pf := newProjectForm(a.common, m.Key, *m.Project)
	return a.push(pf, pf.jump(m.Jump))
}

func (a *App) addProject(m addProjectMsg) tea.Cmd {
	p := model.Project{ID: model.NewProjectID()}
	k, at := m.Key, m.At
	cmd := a.enqueue(saveJob{what: "新项目", key: k,
		run: func(s *store.Store) error { return s.InsertProject(k, &p, at) }})
	return tea.Batch(cmd, a.push(newProjectForm(a.common, k, p), nil))
}

func (a *App) createDoc(m createDocMsg) tea.Cmd {
	doc := m.Doc
	if doc.Status == "" {
		doc.Status = model.StatusDraft
	}
	if doc.Currency == "" {
		doc.Currency = "万元"
	}
	k := doc.Key()
	return a.enqueue(saveJob{what: "新建 " + k.String(), key: k, origin: m.Origin,
		run: func(s *store.Store) error { return s.CreateDocument(&doc) },
		after: func(a *App) tea.Cmd {
			a.pop()
			return a.push(newDocument(a.common, k), a.loadHeader(k))
		}})
}

func (a *App) addSample() tea.Cmd {
	if a.opts.Sample == nil {
		return nil
	}
	doc := a.opts.Sample()
	return a.enqueue(saveJob{what: "示例 " + doc.Key().String(), key: doc.Key(),
		run: func(s *store.Store) error {
			if err := s.CreateDocument(doc); errors.Is(err, store.ErrExists) {
				return errSampleThere
			} else {
				return err
			}
		}})
}

// enqueue adds a write and starts it if none is running.
func (a *App) enqueue(j saveJob) tea.Cmd {
	if j.coalesce != "" {
		// queue[0] is running while saving: never replace it.
		from := 0
		if a.saving {
			from = 1
		}
		for i := from; i < len(a.queue); i++ {
			if a.queue[i].coalesce == j.coalesce {
				if j.origin == nil {
					// The typed edit is in this save too (a row moved
					// after a cell was typed): reopen it if it fails.
					j.origin = a.queue[i].origin
				}
				a.queue[i] = j
				return nil
			}
		}
	}
	a.queue = append(a.queue, j)
	return a.next()
}

// next starts the first queued write unless one is running.
func (a *App) next() tea.Cmd {
	if a.saving || len(a.queue) == 0 {
		return nil
	}
	j := a.queue[0]
	a.saving = true
	st, now := a.store, a.opts.Now
	return func() tea.Msg {
		err := j.run(st)
		return savedMsg{At: now(), What: j.what, Key: j.key, Err: err}
	}
}

// saved finishes the running write: status line, the job's follow-up, the
// next write, and reloads of what the screens show.
func (a *App) saved(m savedMsg) tea.Cmd {
	j := a.queue[0]
	a.queue = a.queue[1:]
	a.saving = false
	var cmds []tea.Cmd
	if j.read {
		cmds = append(cmds, j.after(a), a.next(), a.quitIfDone())
		return tea.Batch(cmds...)
	}
	if m.Err != nil {
		a.setError("保存"+m.What, m.Err)
		if a.quitting && !a.giveUp {
			// Quitting now would lose the edit: stay, and say so.
			a.quitting, a.quitRefused = false, true
			a.status += "（未退出）"
		}
		if j.origin != nil {
			// The editor it was typed in opens again with the text.
			cmds = append(cmds, a.broadcast(saveFailedMsg{Origin: *j.origin, Err: m.Err}))
		}
	} else {
		a.status, a.statusBad = "已保存 "+m.At.Format("15:04:05"), false
		if j.after != nil {
			cmds = append(cmds, j.after(a))
		}
	}
	cmds = append(cmds, a.next())
	if len(a.queue) == 0 && !a.saving {
		if a.quitting {
			return a.quitIfDone()
		}
		cmds = append(cmds, a.loadDocs(), a.loadHeader(m.Key))
	}
	return tea.Batch(cmds...)
}

// quitIfDone quits once quitting with no write left to run.
func (a *App) quitIfDone() tea.Cmd {
	if a.quitting && !a.saving && len(a.queue) == 0 {
		return tea.Quit
	}
	return nil
}

// writing reports whether a write is running or queued (reads don't show).
func (a *App) writing() bool {
	for _, j := range a.queue {
		if !j.read {
			return true
		}
	}
	return false
}

func (a *App) loadDocs() tea.Cmd {
	st := a.store
	return func() tea.Msg {
		docs, err := st.ListDocuments()
		return docsLoadedMsg{Docs: docs, Err: err}
	}
}

func (a *App) loadHeader(k model.DocKey) tea.Cmd {
	if k.UnitCode == "" {
		return nil
	}
	a.seq++
	st, seq := a.store, a.seq
	return func() tea.Msg {
		doc, ps, err := st.Header(k)
		return headerLoadedMsg{Key: k, Seq: seq, Doc: doc, Projects: ps, Err: err}
	}
}

func (a *App) setError(what string, err error) {
	a.status, a.statusBad = what+"失败："+describeErr(err), true
}

// errSampleThere says s found the sample already in the file.
var errSampleThere = errors.New("示例已经在文件中，未改动")

// describeErr says what went wrong in plain Chinese.
func describeErr(err error) string {
	switch {
	case err == nil:
		return "未知错误"
	case errors.Is(err, store.ErrLocked):
		return "数据文件正被另一个 jixiao 使用"
	case errors.Is(err, store.ErrNotFound):
		return "找不到（可能已被删除）"
	case errors.Is(err, store.ErrExists):
		return "已经存在同一单位编码和年度的文本"
	case errors.Is(err, store.ErrInvalidKey):
		return "单位编码或年度无效"
	case errors.Is(err, store.ErrCorrupt):
		return "数据文件已损坏：" + err.Error()
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "磁盘已满，腾出空间后再确认一次即可保存"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的，无法写入数据文件"
	case errors.Is(err, os.ErrPermission):
		return "没有写入数据文件的权限"
	case errors.Is(err, syscall.EIO):
		return "磁盘读写出错"
	}
	return err.Error()
}

// View lays out the top line, the top screen (or the ? overlay), the
// status line and the help bar; below 60×16 it shows 窗口太小.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	return v
}

func (a *App) render() string {
	st := a.common.Styles
	if a.width == 0 || a.height == 0 {
		return ""
	}
	if a.width < minWidth || a.height < minHeight {
		msg := []string{st.Error.Render("窗口太小"), fmt.Sprintf("至少需要 %d×%d，当前 %d×%d", minWidth, minHeight, a.width, a.height)}
		// Placed, then boxed: below the message's own width Place would
		// return lines wider than the terminal.
		return box(splitLines(lipgloss.Place(a.width, a.height, lipgloss.Center, lipgloss.Center, strings.Join(msg, "\n"))), a.width, a.height)
	}
	titles := make([]string, len(a.stack))
	for i, s := range a.stack {
		titles[i] = safe(s.Title())
	}
	top := fit(st.Title.Render("绩效 ")+st.Muted.Render(strings.Join(titles, " › ")), a.width)
	var body string
	if a.showHelp {
		body = a.helpOverlay()
	} else {
		body = a.top().View()
	}
	body = box(splitLines(body), a.width, a.bodyHeight())
	return strings.Join([]string{top, body, a.statusLine(), fit(a.help.ShortHelpView(a.shortHelp()), a.width)}, "\n")
}

// statusLine is the save state (已保存 and the time, 保存中…, or the error)
// with the finding under the cursor before it. The save state is kept
// whole against the right edge and the finding is cut to what is left, so
// at 80 columns a long finding never hides whether the last edit is saved.
func (a *App) statusLine() string {
	st := a.common.Styles
	state := ""
	if a.status != "" {
		s := st.StatusOK
		if a.statusBad {
			s = st.StatusEr
		}
		state = s.Render(safe(a.status))
	}
	if a.writing() {
		state += st.Muted.Render("  保存中…")
	}
	if a.statusBad {
		return fit(state, a.width) // an error takes the whole line
	}
	h := a.statusHint()
	if h == "" {
		return fitRight(state, a.width)
	}
	room := a.width - lipgloss.Width(state)
	if state != "" {
		room -= 2
	}
	if room < 8 {
		return fitRight(state, a.width)
	}
	return fit(h, room) + strings.Repeat(" ", a.width-room-lipgloss.Width(state)) + state
}

func (a *App) shortHelp() []key.Binding {
	km := a.common.Keys
	b := append([]key.Binding{}, a.top().ShortHelp()...)
	if a.top().Editing() {
		return append(b, km.Global.HelpInEditor, km.Global.ForceQuit)
	}
	return append(b, km.Global.Help, km.Global.Quit)
}

func (a *App) helpOverlay() string {
	km := a.common.Keys
	groups := append([][]key.Binding{}, a.top().FullHelp()...)
	groups = append(groups, km.globalHelp()...)
	h := a.help
	h.ShowAll = true
	content := a.common.Styles.Heading.Render("全部按键（? 或 esc 关闭）") + "\n\n" + h.FullHelpView(groups)
	return box(splitLines(lipgloss.Place(a.width, a.bodyHeight(), lipgloss.Center, lipgloss.Center,
		a.common.Styles.Overlay.Render(content))), a.width, a.bodyHeight())
}
