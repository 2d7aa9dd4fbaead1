package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// fieldKind says how a form field is edited and checked.
type fieldKind int

const (
	kindText      fieldKind = iota // one line of free text
	kindMultiline                  // a text area; enter is a new line
	kindMoney                      // an amount in 万元, checked on leaving
	kindPercent                    // a percentage 0–100, checked on leaving
	kindYear                       // a 4-digit year
	kindChoice                     // one of Options, switched with ←/→/space
)

// formField is one labelled field of a Form. Saved is the last committed
// text: a field whose text fails its check keeps Saved, so the owner's
// value never holds bad input.
type formField struct {
	Label    string
	Kind     fieldKind
	Required bool
	Group    string // a heading shown above the field (plan: cumulative)
	// Options are a kindChoice field's values, in the order ←/→ step
	// through them; typed text is not taken.
	Options []string

	// Offer is a value proposed while the field is empty (其他资金 =
	// 预算数 − 财政资金); enter takes it. Note is an inline warning shown
	// under the field (预算数 ≠ 财政资金 + 其他资金). The owner sets both
	// with SetHints after each commit, so View only draws them.
	Offer, Note string
	// Mark is the worst review finding on the field (0 for none), shown
	// as ✗ or ! beside the label; the owner sets it when findings change.
	Mark model.Severity

	saved string
	// loaded is the editor's text right after saved was put in it: the
	// text areas drop control characters, so a hostile value reads back
	// changed though nobody touched it, and must not be written back.
	loaded string
	// readOnly marks a value over the text area's limits: shown, not
	// edited (tooLongToEdit).
	readOnly bool
	err      string
	// typed is the text last committed as the user typed it, before it
	// was normalised (16 → 16.00), for the editor to show again if its
	// save fails.
	typed string
	// failed is set while the editor shows a committed text whose save
	// failed (Reopen): committing it again saves it again even unchanged,
	// and esc gives it up.
	failed bool
	// fresh is set while a filled amount or percent field shows its text
	// selected: the first character typed replaces it.
	fresh bool
	input textinput.Model
	area  textarea.Model
}

// formResult says what an Update did that the owner must act on.
type formResult struct {
	Committed int  // index of a field whose new text was committed, or -1
	Escaped   bool // esc with nothing to cancel: the owner closes the form
	Submitted bool // ctrl+s, or enter on the last one-line field
	// Reverted is esc on a field whose save failed: the owner's copy
	// holds the text given up, so the owner reads what is stored.
	Reverted bool
}

// Form is the one form widget behind the new-document form, the project
// form and Part 1's items: labelled fields, one focused at a time, checked
// as the cursor leaves them (as huh does: a field whose text fails its
// check keeps the cursor until fixed or cancelled with esc).
type Form struct {
	common *Common
	fields []*formField
	focus  int
	width  int
	height int
	first  int // first rendered line, for scrolling
	// asking is set while esc on a changed multi-line field asks
	// 放弃修改？(y/n): more than a line is never dropped silently.
	asking bool
}

// labelWidth is the width of the label column, in display columns.
const labelWidth = 12

// newForm returns a form over fields, focused on the first.
func newForm(c *Common, fields []*formField) *Form {
	f := &Form{common: c, fields: fields}
	for _, fd := range fields {
		fd.input = textinput.New()
		fd.input.Prompt = ""
		fd.input.SetStyles(c.Styles.Input)
		fd.area = textarea.New()
		fd.area.ShowLineNumbers = false
		// No prompt: the text starts in the value column, as the one-line
		// fields' text does; the ▸ beside the label shows the focus.
		fd.area.Prompt = ""
		fd.area.MaxHeight = 0
		fd.area.SetStyles(c.Styles.TextArea)
		// ctrl+n / ctrl+p belong to the walk-through, not to line moves.
		fd.area.KeyMap.LineNext = key.NewBinding(key.WithKeys("down"))
		fd.area.KeyMap.LinePrevious = key.NewBinding(key.WithKeys("up"))
		fd.area.KeyMap.SelectAll = key.NewBinding(key.WithDisabled())
		// enter commits, as in every field; a line break is its own key.
		fd.area.KeyMap.InsertNewline = c.Keys.Form.Newline
	}
	f.setFocus(0)
	return f
}

// restyle takes the current styles after the background colour is known.
func (f *Form) restyle() {
	for _, fd := range f.fields {
		fd.input.SetStyles(f.common.Styles.Input)
		fd.area.SetStyles(f.common.Styles.TextArea)
	}
}

// SetValues sets every field's committed text (after a load or an outside
// change); the focused field keeps what is being typed if it differs.
func (f *Form) SetValues(vals []string) {
	for i, v := range vals {
		if i >= len(f.fields) {
			break
		}
		fd := f.fields[i]
		dirty := i == f.focus && f.edited(fd)
		fd.saved = v
		if !dirty {
			f.load(fd)
		}
	}
}

// Value returns field i's committed text.
func (f *Form) Value(i int) string { return f.fields[i].saved }

// Typed returns field i's committed text as it was typed.
func (f *Form) Typed(i int) string { return f.fields[i].typed }

// Reopen puts the cursor back on field i with text, committed before,
// in its editor, after the save of that text failed: committing it again
// saves it again, esc gives it up (formResult.Reverted). When another
// field is being typed in, the cursor stays there: the newer text is not
// thrown away, and the failed one, still in the owner's copy, is saved
// with the next edit.
func (f *Form) Reopen(i int, text string) tea.Cmd {
	if i < 0 || i >= len(f.fields) {
		return nil
	}
	if f.Dirty() {
		if i == f.focus {
			f.fields[i].failed = true
		}
		return nil
	}
	cmd := f.Retype(i, text)
	f.fields[i].failed = true
	return cmd
}

// Retype puts the cursor on field i with text in its editor, not yet
// committed: committing saves it if it differs from the committed text,
// esc drops it. (A key refused because another document has it is typed
// again, not saved again unchanged as Reopen would.)
func (f *Form) Retype(i int, text string) tea.Cmd {
	if i < 0 || i >= len(f.fields) {
		return nil
	}
	var cmd tea.Cmd
	if i != f.focus {
		cmd = f.Focus(i)
	}
	fd := f.fields[i]
	f.load(fd)
	switch {
	case fd.readOnly:
	case fd.Kind == kindMultiline:
		fd.area.SetValue(text)
	default:
		fd.input.SetValue(text)
		fd.input.CursorEnd()
	}
	return cmd
}

// SetError shows msg under field i, after its label ("单位编码：…"),
// until the field's text is next checked or loaded.
func (f *Form) SetError(i int, msg string) {
	fd := f.fields[i]
	fd.err = fd.Label + "：" + msg
}

// Err returns the error shown under field i, or "".
func (f *Form) Err(i int) string { return f.fields[i].err }

// FocusMissing moves to the first required field with no committed text
// and marks it 不能为空; ok is false (and nothing changes) when every
// required field is filled.
func (f *Form) FocusMissing() (cmd tea.Cmd, ok bool) {
	for i, fd := range f.fields {
		if fd.Required && fd.saved == "" {
			cmd = f.Focus(i)
			f.SetError(i, "不能为空")
			return cmd, true
		}
	}
	return nil, false
}

// SetHints sets field i's offer and note (see formField).
func (f *Form) SetHints(i int, offer, note string) {
	f.fields[i].Offer, f.fields[i].Note = offer, note
}

// SetMark sets the worst review finding on field i (0 for none).
func (f *Form) SetMark(i int, s model.Severity) { f.fields[i].Mark = s }

// Focused returns the index of the focused field.
func (f *Form) Focused() int { return f.focus }

// Dirty reports whether the focused field has text not yet committed.
func (f *Form) Dirty() bool {
	return f.edited(f.fields[f.focus])
}

// edited reports whether fd's editor holds text the user changed.
func (f *Form) edited(fd *formField) bool {
	t := f.current(fd)
	return t != fd.saved && t != fd.loaded
}

// SetSize sets the area the form draws in.
func (f *Form) SetSize(w, h int) {
	f.width, f.height = w, h
	iw := max(w-labelWidth-1, 8)
	for _, fd := range f.fields {
		fd.input.SetWidth(iw - 1)
		fd.area.SetWidth(iw)
		fd.area.SetHeight(f.areaHeight())
	}
}

// areaHeight is the text areas' height. A form with one text area (Part
// 1's items) gives it what the other fields leave; otherwise it grows with
// the terminal.
func (f *Form) areaHeight() int {
	multi := 0
	for _, fd := range f.fields {
		if fd.Kind == kindMultiline {
			multi++
		}
	}
	if multi == 1 {
		return max(3, f.height-len(f.fields)-2)
	}
	return max(3, min(8, f.height/4))
}

func (f *Form) current(fd *formField) string {
	if fd.readOnly {
		return fd.saved
	}
	if fd.Kind == kindMultiline {
		return fd.area.Value()
	}
	return fd.input.Value()
}

func (f *Form) load(fd *formField) {
	fd.readOnly = fd.Kind == kindMultiline && tooLongToEdit(fd.saved)
	switch {
	case fd.readOnly:
		fd.area.SetValue("")
	case fd.Kind == kindMultiline:
		fd.area.SetValue(fd.saved) // the cursor at the end, to go on typing
	default:
		fd.input.SetValue(fd.saved)
		fd.input.CursorEnd()
	}
	fd.loaded = f.current(fd)
	fd.err = ""
	fd.failed = false
}

// setFocus moves the cursor to field i without checking the one it leaves.
func (f *Form) setFocus(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = max(0, min(i, len(f.fields)-1))
	old := f.fields[f.focus]
	old.input.Blur()
	old.area.Blur()
	old.fresh = false
	f.asking = false
	f.focus = i
	fd := f.fields[i]
	fd.fresh = (fd.Kind == kindMoney || fd.Kind == kindPercent) && fd.input.Value() != ""
	if fd.Kind == kindMultiline {
		return fd.area.Focus()
	}
	return fd.input.Focus()
}

// Focus moves the cursor to field i (the project form opens with the
// cursor in 项目编码); uncommitted text in the old field is dropped.
func (f *Form) Focus(i int) tea.Cmd {
	f.load(f.fields[f.focus])
	return f.setFocus(i)
}

// commit checks the focused field. It reports whether the cursor may leave
// and whether the committed text changed.
func (f *Form) commit() (ok, changed bool) {
	fd := f.fields[f.focus]
	text := f.current(fd)
	if !f.edited(fd) && !fd.failed {
		fd.err = ""
		return true, false
	}
	norm, msg := check(fd, text)
	if msg != "" {
		fd.err = msg
		return false, false
	}
	fd.err = ""
	// The text whose save failed is saved again even if unchanged.
	changed = norm != fd.saved || fd.failed
	fd.saved, fd.typed = norm, text
	f.load(fd)
	return true, changed
}

// leave commits the focused field and, if it passes, moves by delta.
func (f *Form) leave(delta int, res *formResult) tea.Cmd {
	ok, changed := f.commit()
	if changed {
		res.Committed = f.focus
	}
	if !ok {
		return nil
	}
	next := f.focus + delta
	if next < 0 || next >= len(f.fields) {
		return nil
	}
	return f.setFocus(next)
}

// Flush commits the focused field if its text is valid, for quitting.
func (f *Form) Flush() (committed int) {
	ok, changed := f.commit()
	if ok && changed {
		return f.focus
	}
	return -1
}

// Update handles keys and pasted text for the focused field.
func (f *Form) Update(msg tea.Msg) (tea.Cmd, formResult) {
	res := formResult{Committed: -1}
	if len(f.fields) == 0 {
		return nil, res
	}
	fd := f.fields[f.focus]
	km := f.common.Keys
	if k, ok := msg.(tea.KeyPressMsg); ok && f.asking {
		f.asking = false
		if key.Matches(k, km.Global.Yes) {
			f.load(fd)
		}
		return nil, res
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		multi := fd.Kind == kindMultiline
		switch {
		case key.Matches(k, km.Form.NextField):
			return f.leave(1, &res), res
		case key.Matches(k, km.Form.PrevField):
			return f.leave(-1, &res), res
		case key.Matches(k, km.Form.FieldDown) && (!multi || fd.area.Line() >= fd.area.LineCount()-1):
			return f.leave(1, &res), res
		case key.Matches(k, km.Form.FieldUp) && (!multi || fd.area.Line() == 0):
			return f.leave(-1, &res), res
		case key.Matches(k, km.Form.Submit):
			ok, changed := f.commit()
			if changed {
				res.Committed = f.focus
			}
			res.Submitted = ok
			return nil, res
		case key.Matches(k, km.Form.Cancel):
			if fd.failed {
				f.load(fd)
				res.Reverted = true
				return nil, res
			}
			if f.Dirty() && multi {
				f.asking = true
				return nil, res
			}
			if f.Dirty() {
				f.load(fd)
				return nil, res
			}
			res.Escaped = true
			return nil, res
		case key.Matches(k, km.Form.Commit):
			if f.current(fd) == "" && fd.Offer != "" {
				fd.input.SetValue(fd.Offer)
			}
			last := f.focus == len(f.fields)-1
			cmd := f.leave(1, &res)
			if last && fd.err == "" {
				res.Submitted = true
			}
			return cmd, res
		}
	}
	if fd.Kind == kindChoice {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, km.Form.Toggle) {
			fd.input.SetValue(nextOption(fd.Options, fd.input.Value(), k.String() != "left"))
		}
		return nil, res
	}
	if fd.fresh && typing(msg) {
		fd.fresh = false
		if replaces(msg) {
			fd.input.SetValue("")
		}
	}
	var cmd tea.Cmd
	switch {
	case fd.readOnly:
		// Keys other than the moves above do nothing.
	case fd.Kind == kindMultiline:
		fd.area, cmd = fd.area.Update(msg)
	default:
		fd.input, cmd = fd.input.Update(msg)
	}
	return cmd, res
}

// nextOption is the option after (or before) cur, wrapping around.
func nextOption(opts []string, cur string, forward bool) string {
	if len(opts) == 0 {
		return cur
	}
	i := slices.Index(opts, cur)
	switch {
	case i < 0:
		i = 0
	case forward:
		i = (i + 1) % len(opts)
	default:
		i = (i + len(opts) - 1) % len(opts)
	}
	return opts[i]
}

// Help returns the form's bindings for the help bar: 换行 only in a
// multi-line field, y/n while esc asks.
func (f *Form) Help() []key.Binding {
	km := f.common.Keys
	if f.asking {
		return []key.Binding{km.Global.Yes, km.Global.No}
	}
	b := km.formFields()
	if len(f.fields) == 0 || f.fields[f.focus].Kind != kindMultiline {
		b = slices.DeleteFunc(b, func(x key.Binding) bool { return x.Help() == km.Form.Newline.Help() })
	}
	if len(f.fields) > 0 && f.fields[f.focus].Kind == kindChoice {
		b = append([]key.Binding{km.Form.Toggle}, b...)
	}
	return b
}

// Asking reports that esc is asking whether to drop a changed text.
func (f *Form) Asking() bool { return f.asking }
