package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// reviewMode is the review mode (r on the document screen): one project
// at a time, its form in brief, its indicator rows and its findings and
// notes together. n / p step through the projects; a, x and u set the
// 审核状态; m writes the project's note (审核意见), M the note of the row
// under the cursor; F sets the document 定稿 (asking first while a project
// is not 已审核). It reads the projects from the findings cache, which
// every edit updates at once, and posts each change as a project edit.
type reviewMode struct {
	common *Common
	key    model.DocKey
	id     string // the project shown
	row    int    // the row under the cursor
	first  int    // the first row drawn

	status model.Status // the document's 草案 / 定稿

	// The note editor, open when editing: the note of the project (row
	// −1) or of a row.
	editing   bool
	editRow   int
	editor    textarea.Model
	loaded    string // the note as it was when the editor opened
	unsaved   bool   // the editor holds a text whose save failed
	askCancel bool   // esc on a changed note waits for y
	askFinal  bool   // F with projects not 已审核 waits for y
	note      string // a one-line message: 已是最后一个项目 …

	width, height int
}

func newReviewMode(c *Common, k model.DocKey, id string, row int) *reviewMode {
	r := &reviewMode{common: c, key: k, id: id, row: max(row, 0)}
	r.editor = newNoteEditor(c)
	if dr := c.Reviews.doc(k); dr.loaded() {
		r.status = dr.doc.Status
		if r.id == "" && len(dr.doc.Projects) > 0 {
			r.id = dr.doc.Projects[0].ID
		}
	}
	return r
}

// newNoteEditor is the note's text area: enter commits (the screen takes
// it), alt+enter and ctrl+j break the line, as in every multi-line editor.
func newNoteEditor(c *Common) textarea.Model {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.KeyMap.InsertNewline = c.Keys.Grid.Newline
	ta.SetStyles(c.Styles.TextArea)
	return ta
}

func (r *reviewMode) restyle() { r.editor.SetStyles(r.common.Styles.TextArea) }

func (r *reviewMode) Title() string { return "审核模式" }

func (r *reviewMode) Editing() bool { return r.editing }

func (r *reviewMode) SetSize(w, h int) {
	r.width, r.height = w, h
	r.sizeEditor()
}

// project returns the project shown and its place, from the cache.
func (r *reviewMode) project() (*docReview, int) {
	dr := r.common.Reviews.doc(r.key)
	if !dr.loaded() {
		return dr, -1
	}
	i := dr.doc.ProjectIndex(r.id)
	if i < 0 && len(dr.doc.Projects) > 0 {
		// Deleted meanwhile, or not found: the first one.
		i, r.id = 0, dr.doc.Projects[0].ID
	}
	return dr, i
}

func (r *reviewMode) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case findingsChangedMsg:
		if msg.Key == r.key {
			if dr, i := r.project(); i >= 0 {
				if r.status == "" {
					r.status = dr.doc.Status
				}
				r.row = max(0, min(r.row, len(dr.doc.Projects[i].Indicators)-1))
			}
		}
	case headerLoadedMsg:
		if msg.Key == r.key && msg.Err == nil && msg.Doc != nil {
			r.status = msg.Doc.Status
		}
	case saveFailedMsg:
		if msg.Origin.owner == r {
			// The note is typed again where it was, so enter retries.
			r.openEditor(msg.Origin.row, msg.Origin.text)
			r.unsaved = true
		}
	case tea.PasteMsg:
		if r.editing {
			var cmd tea.Cmd
			r.editor, cmd = r.editor.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		switch {
		case r.askCancel:
			return r.cancelKey(msg)
		case r.askFinal:
			return r.finalKey(msg)
		case r.editing:
			return r.editorKey(msg)
		}
		return r.onKey(msg)
	}
	return nil
}

func (r *reviewMode) onKey(k tea.KeyPressMsg) tea.Cmd {
	km, rk := r.common.Keys, r.common.Keys.Review
	r.note = ""
	dr, i := r.project()
	if i < 0 {
		if key.Matches(k, km.Global.Back) {
			return msgCmd(backMsg{})
		}
		return nil
	}
	p := &dr.doc.Projects[i]
	if row, ok := km.List.move(k, r.row, len(p.Indicators), 0); ok {
		r.row = row
		return nil
	}
	switch {
	case key.Matches(k, km.Global.Back):
		return tea.Batch(msgCmd(backMsg{}), msgCmd(focusProjectMsg{Key: r.key, ID: r.id}))
	case key.Matches(k, rk.Next):
		r.step(dr, i, 1)
	case key.Matches(k, rk.Prev):
		r.step(dr, i, -1)
	case key.Matches(k, rk.Approve):
		return r.setStatus(p, model.ReviewApproved)
	case key.Matches(k, rk.Changes):
		return r.setStatus(p, model.ReviewChanges)
	case key.Matches(k, rk.Reset):
		return r.setStatus(p, model.ReviewPending)
	case key.Matches(k, rk.Note):
		r.openEditor(-1, p.Review.Note)
	case key.Matches(k, rk.RowNote):
		if len(p.Indicators) == 0 {
			r.note = "这个项目还没有指标行"
			return nil
		}
		r.openEditor(r.row, p.Indicators[r.row].Note)
	case key.Matches(k, rk.Final):
		return r.final(dr)
	}
	return nil
}

// step shows the next (1) or previous (−1) project.
func (r *reviewMode) step(dr *docReview, i, dir int) {
	j := i + dir
	if j < 0 || j >= len(dr.doc.Projects) {
		r.note = "已是最后一个项目"
		if dir < 0 {
			r.note = "已是第一个项目"
		}
		return
	}
	r.id, r.row, r.first = dr.doc.Projects[j].ID, 0, 0
}

// setStatus posts the project with its new 审核状态.
func (r *reviewMode) setStatus(p *model.Project, s model.ReviewStatus) tea.Cmd {
	if p.Review.Status == s {
		return nil
	}
	c := cloneProject(*p)
	c.Review.Status = s
	return r.common.post(projectChangedMsg{Key: r.key, Project: c})
}

// openEditor opens the note editor on the project (row −1) or a row; a
// note too long for a text area is shown, not edited.
func (r *reviewMode) openEditor(row int, text string) {
	if tooLongToEdit(text) {
		r.note = errTooLongToEdit.Error()
		return
	}
	r.editing, r.editRow, r.loaded, r.unsaved = true, row, text, false
	r.editor.SetValue(text)
	r.editor.Focus()
	r.sizeEditor()
}

func (r *reviewMode) closeEditor() {
	r.editing, r.unsaved = false, false
	r.editor.Blur()
}

func (r *reviewMode) editorKey(k tea.KeyPressMsg) tea.Cmd {
	g := r.common.Keys.Grid
	switch {
	case key.Matches(k, g.Commit):
		return r.commitNote()
	case key.Matches(k, g.Cancel):
		if r.editor.Value() != r.loaded || r.unsaved {
			r.askCancel = true
			return nil
		}
		r.closeEditor()
		return nil
	}
	var cmd tea.Cmd
	r.editor, cmd = r.editor.Update(k)
	return cmd
}

func (r *reviewMode) cancelKey(k tea.KeyPressMsg) tea.Cmd {
	r.askCancel = false
	if key.Matches(k, r.common.Keys.Global.Yes) {
		r.closeEditor()
	}
	return nil
}

// commitNote posts the project with the note as typed (trailing blank
// lines dropped) and closes the editor.
func (r *reviewMode) commitNote() tea.Cmd {
	text := strings.TrimRight(r.editor.Value(), " \t\r\n")
	dr, i := r.project()
	if i < 0 {
		r.closeEditor()
		return nil
	}
	c := cloneProject(dr.doc.Projects[i])
	row := r.editRow
	switch {
	case row < 0:
		if c.Review.Note == text && !r.unsaved {
			r.closeEditor()
			return nil
		}
		c.Review.Note = text
	case row < len(c.Indicators):
		if c.Indicators[row].Note == text && !r.unsaved {
			r.closeEditor()
			return nil
		}
		c.Indicators[row].Note = text
	default:
		r.closeEditor()
		r.note = "这一行已不存在，意见未保存"
		return nil
	}
	r.closeEditor()
	return r.common.post(projectChangedMsg{Key: r.key, Project: c,
		Origin: &editOrigin{owner: r, row: row, text: r.editor.Value()}})
}

// final sets the document 定稿, asking first while a project is not
// 已审核; on a 定稿 document it goes back to 草案.
func (r *reviewMode) final(dr *docReview) tea.Cmd {
	if r.status == model.StatusFinal {
		return r.setDocStatus(model.StatusDraft)
	}
	if !dr.doc.ReviewCounts().AllApproved() {
		r.askFinal = true
		return nil
	}
	return r.setDocStatus(model.StatusFinal)
}

func (r *reviewMode) finalKey(k tea.KeyPressMsg) tea.Cmd {
	r.askFinal = false
	if key.Matches(k, r.common.Keys.Global.Yes) {
		return r.setDocStatus(model.StatusFinal)
	}
	return nil
}

func (r *reviewMode) setDocStatus(s model.Status) tea.Cmd {
	r.status = s
	return r.common.post(docStatusMsg{Key: r.key, Status: s})
}

func (r *reviewMode) ShortHelp() []key.Binding {
	km := r.common.Keys
	switch {
	case r.askCancel || r.askFinal:
		return []key.Binding{km.Global.Yes, km.Global.No}
	case r.editing:
		return []key.Binding{km.Grid.Commit, km.Grid.Newline, km.Grid.Cancel}
	}
	rk := km.Review
	return []key.Binding{rk.Next, rk.Prev, rk.Approve, rk.Changes, rk.Reset, rk.Note, rk.RowNote, rk.Final, km.Global.Back}
}

func (r *reviewMode) FullHelp() [][]key.Binding { return r.common.Keys.reviewHelp() }

// Flush commits a note being typed, for quitting: what was typed is kept.
func (r *reviewMode) Flush() {
	if r.editing && (r.editor.Value() != r.loaded) {
		r.commitNote()
	}
}

// --- messages ------------------------------------------------------------

// openReviewMsg asks the root to open the review mode of a document at a
// project (ID empty: the first) and row.
type openReviewMsg struct {
	Key model.DocKey
	ID  string
	Row int
}

// docStatusMsg asks the root to set a document's 状态 (草案 / 定稿). The
// write reads the header as stored and changes only the status, so no
// older copy of Part 1 is written back; the screens showing the document
// take the status at once.
type docStatusMsg struct {
	Key    model.DocKey
	Status model.Status
}

// --- the root's side -----------------------------------------------------

// reviewModeRequest routes the review mode's messages; ok is false for
// others.
func (a *App) reviewModeRequest(msg tea.Msg) (tea.Cmd, bool) {
	switch m := msg.(type) {
	case openReviewMsg:
		a.push(newReviewMode(a.common, m.Key, m.ID, m.Row))
		if !a.common.Reviews.doc(m.Key).loaded() {
			return a.review.load(m.Key), true
		}
		return nil, true
	case docStatusMsg:
		return tea.Batch(a.writes.saveStatus(m.Key, m.Status), a.broadcast(m),
			a.review.edit(m.Key, func(d *model.Document) { d.Status = m.Status }, "")), true
	}
	return nil, false
}
