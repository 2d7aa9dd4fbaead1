package ui

import (
	"errors"
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// headerForm edits a stored document's header (H on the document screen):
// 单位编码, 单位名称, 年度, 编制单位, 审核单位, 标题 and 状态. As in the project
// form, each committed field is saved at once. A new 单位编码 or 年度 moves
// the whole document; when another document has that key the move is
// refused, and the reason shows under the field with the typed text kept.
// Setting 定稿 while a project is not 已审核 asks first, as the review
// mode's F does.
type headerForm struct {
	common *Common
	form   *Form
	// target is the key the document is stored under as the write queue
	// sees it; key is the one the screens know (after the last answer).
	target *headerTarget
	key    model.DocKey
	// stored is the header as last saved, or as opened.
	stored model.Header
	counts model.ReviewCounts // the projects' 审核状态, for 定稿

	askFinal bool // 定稿 chosen with projects not 已审核: waits for y
	// closeOnYes is set when the 定稿 asked about came with ctrl+s (or
	// enter on the last field): y saves it and closes the form.
	closeOnYes bool
	// closing is set when ctrl+s (or enter on the last field) committed a
	// new 单位编码 or 年度: the form closes once the move is stored, and
	// stays open with the reason if it is refused.
	closing bool
}

// The header form's fields, in order.
const (
	hfCode = iota
	hfName
	hfYear
	hfCompiler
	hfReviewer
	hfTitle
	hfStatus
)

// headerTarget is where a header form's document is stored, as the write
// jobs see it: the job that moves the document sets key, so an edit
// queued behind the move goes to the new key. Only the write queue's jobs
// (run one at a time) read or set it.
type headerTarget struct{ key model.DocKey }

func newHeaderForm(c *Common, doc *model.Document, counts model.ReviewCounts) *headerForm {
	h := &headerForm{common: c, target: &headerTarget{key: doc.Key()}, key: doc.Key(), stored: doc.Header(), counts: counts}
	h.form = newForm(c, []*formField{
		{Label: "单位编码", Required: true},
		{Label: "单位名称", Required: true},
		{Label: "年度", Kind: kindYear, Required: true},
		{Label: "编制单位"},
		{Label: "审核单位"},
		{Label: "标题"},
		{Label: "状态", Kind: kindChoice, Options: []string{string(model.StatusDraft), string(model.StatusFinal)}},
	})
	h.form.SetValues(headerValues(h.stored))
	return h
}

func headerValues(h model.Header) []string {
	st := h.Status
	if st == "" {
		st = model.StatusDraft
	}
	return []string{h.UnitCode, h.UnitName, strconv.Itoa(h.Year), h.Compiler, h.Reviewer, h.Title, string(st)}
}

func (h *headerForm) restyle()          { h.form.restyle() }
func (h *headerForm) Title() string     { return "编辑表头" }
func (h *headerForm) Editing() bool     { return true }
func (h *headerForm) SetSize(w, ht int) { h.form.SetSize(w, ht-2) }

func (h *headerForm) View() string {
	st := h.common.Styles
	fk := h.common.Keys.Form
	hint := fmt.Sprintf("每栏确定后即保存；改单位编码或年度会把整个文本移过去。%s 关闭。", fk.Cancel.Help().Key)
	if h.askFinal {
		hint = st.Prompt.Render(fmt.Sprintf("还有 %d 个项目未标为已审核，仍设为定稿？", h.counts.Projects-h.counts.Approved) + h.common.Keys.confirmHint())
	} else {
		hint = st.Muted.Render(hint)
	}
	lines := append([]string{hint, ""}, splitLines(h.form.View())...)
	return box(lines, h.form.width, h.form.height+2)
}

func (h *headerForm) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case saveFailedMsg:
		if m.Origin.owner == h {
			return h.failed(m.Origin, m.Err)
		}
		return nil
	case headerSavedMsg:
		if m.From != h.key {
			return nil
		}
		h.key, h.stored = m.To, m.Doc.Header()
		h.form.SetValues(headerValues(h.stored))
		// The move's own answer, not that of a field saved before it.
		if h.closing && m.To != m.From {
			return h.common.post(backMsg{})
		}
		return nil
	case tea.KeyPressMsg:
		if h.askFinal {
			return h.finalKey(m)
		}
	}
	cmd, res := h.form.Update(msg)
	cmds := []tea.Cmd{cmd}
	moving := false
	if res.Committed >= 0 {
		c, mv := h.commit(res.Committed, false)
		cmds = append(cmds, c)
		moving = mv
	}
	switch {
	case res.Escaped:
		cmds = append(cmds, h.common.post(backMsg{}))
	case res.Submitted && moving:
		h.closing = true
	case res.Submitted && h.askFinal:
		h.closeOnYes = true
	case res.Submitted:
		cmds = append(cmds, h.common.post(backMsg{}))
	}
	return tea.Batch(cmds...)
}

// commit saves committed field i: the header as stored with that field
// changed (and the title with it: saveHeaderEdit).
// moving reports a new 单位编码 or 年度. confirmed is the answer y to
// 仍设为定稿？.
func (h *headerForm) commit(i int, confirmed bool) (cmd tea.Cmd, moving bool) {
	v := h.form.Value(i)
	var set func(*model.Header)
	switch i {
	case hfCode:
		set = func(x *model.Header) { x.UnitCode = v }
		moving = v != h.stored.UnitCode
	case hfName:
		set = func(x *model.Header) { x.UnitName = v }
	case hfYear:
		y, _ := strconv.Atoi(v)
		set = func(x *model.Header) { x.Year = y }
		moving = y != h.stored.Year
	case hfCompiler:
		set = func(x *model.Header) { x.Compiler = v }
	case hfReviewer:
		set = func(x *model.Header) { x.Reviewer = v }
	case hfTitle:
		set = func(x *model.Header) { x.Title = v }
	case hfStatus:
		s := model.Status(v)
		if s == model.StatusFinal && !h.counts.AllApproved() && !confirmed {
			h.askFinal = true
			return nil, false
		}
		set = func(x *model.Header) { x.Status = s }
	default:
		return nil, false
	}
	return h.common.post(headerEditMsg{Target: h.target, From: h.key, Edit: set, What: h.form.fields[i].Label,
		Origin: &editOrigin{owner: h, field: i, text: h.form.Typed(i)}}), moving
}

// finalKey answers 仍设为定稿？: y saves 定稿, any other key puts 草案 back.
func (h *headerForm) finalKey(k tea.KeyPressMsg) tea.Cmd {
	h.askFinal = false
	closing := h.closeOnYes
	h.closeOnYes = false
	if key.Matches(k, h.common.Keys.Global.Yes) {
		cmd, _ := h.commit(hfStatus, true)
		if closing {
			return tea.Batch(cmd, h.common.post(backMsg{}))
		}
		return cmd
	}
	h.form.SetValues(headerValues(h.stored))
	return nil
}

// failed opens the field again with the text typed after its save failed.
// A key in use or not valid shows the reason under the field; the form's
// values go back to what is stored, so the next field's save does not
// carry the refused key along.
func (h *headerForm) failed(o editOrigin, err error) tea.Cmd {
	h.closing = false
	h.form.SetValues(headerValues(h.stored))
	var de *store.DocError
	switch {
	case errors.As(err, &de) && errors.Is(err, store.ErrExists):
		// Typed again, to be changed: saving it unchanged would be
		// refused again.
		cmd := h.form.Retype(o.field, o.text)
		h.form.SetError(o.field, "已有文本 "+safe(de.Key.String())+"，不能改成这个（原文本未动）")
		return cmd
	case errors.Is(err, store.ErrInvalidKey):
		cmd := h.form.Retype(o.field, o.text)
		h.form.SetError(o.field, describeErr(err))
		return cmd
	}
	return h.form.Reopen(o.field, o.text)
}

// Flush commits the field being typed in, for quitting.
func (h *headerForm) Flush() {
	if i := h.form.Flush(); i >= 0 {
		h.commit(i, false)
	}
}

func (h *headerForm) ShortHelp() []key.Binding {
	if h.askFinal {
		return []key.Binding{h.common.Keys.Global.Yes, h.common.Keys.Global.No}
	}
	return h.form.Help()
}

func (h *headerForm) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// headerEditMsg asks the root to save one field of a document's header:
// the write reads the header as stored (under Target's key), applies Edit,
// and stores it, moving the document when the key changed. From is the
// key the screens know, for the answer (headerSavedMsg).
type headerEditMsg struct {
	Target *headerTarget
	From   model.DocKey
	Edit   func(*model.Header)
	What   string // the field, for the status line
	Origin *editOrigin
}

// headerSavedMsg says a header edit is stored: the document known as From
// is now To (the same key unless it moved), with header Doc.
type headerSavedMsg struct {
	From, To model.DocKey
	Doc      *model.Document
}

// openHeaderFormMsg asks the root to open the header form.
type openHeaderFormMsg struct {
	Doc    model.Document
	Counts model.ReviewCounts
}
