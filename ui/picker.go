package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// picker chooses a standard 一级/二级 name for a cell. It opens showing
// every name; once you type, it shows the names matching what you typed
// (prefix first, then substring, then the characters in order, so 社效
// finds 社会效益指标). What you typed is always offered first when it is
// not a standard name, so free text stays allowed.
type picker struct {
	input    textinput.Model
	width    int // of the lines in the box
	names    []string
	choices  []string
	free     bool // choices[0] is the typed text, not a standard name
	sel      int
	filtered bool
	// fresh is set while the picker shows the cell's text untouched: the
	// first character typed replaces it (as a spreadsheet does), so
	// typing never appends to an inherited name.
	fresh bool
	// preferTyped keeps what was typed as the choice enter takes, the
	// names only offered below it (指标值确定依据, where free text is as
	// good as a standard).
	preferTyped bool
}

// pickerPrompt starts the picker's input line.
const pickerPrompt = "› "

// newPicker opens a picker on value, with the standard names to offer.
// Its box is as wide as the widest name (at least minWidth), not as the
// cell, so 服务对象满意度指标 fits above a narrow column.
func newPicker(names []string, value string, minWidth int, st *GridStyles) *picker {
	width := max(minWidth, 20)
	for _, n := range names {
		width = max(width, ansi.StringWidth(n)+2)
	}
	in := textinput.New()
	in.Prompt = pickerPrompt
	in.SetStyles(st.TextInput)
	in.SetWidth(max(1, width-ansi.StringWidth(pickerPrompt)-1)) // one column for the cursor
	in.SetValue(value)
	in.CursorEnd()
	p := &picker{input: in, width: width, names: names, fresh: value != ""}
	p.refresh()
	return p
}

// Focus gives the picker's input the keyboard.
func (p *picker) Focus() tea.Cmd { return p.input.Focus() }

// Update feeds a key or paste to the input and refilters when the text
// changed. Pasted newlines become spaces: a name is one line.
func (p *picker) Update(msg tea.Msg) tea.Cmd {
	if pm, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: strings.Join(strings.Fields(pm.Content), " ")}
	}
	if p.fresh && typing(msg) {
		// The first key or paste decides: text replaces, a move keeps.
		p.fresh = false
		if replaces(msg) {
			p.input.SetValue("")
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filtered = true
		p.refresh()
	}
	return cmd
}

// replaces reports whether msg is typed text (a printable key or a paste),
// which replaces a selected value instead of adding to it.
func replaces(msg tea.Msg) bool {
	switch m := msg.(type) {
	case tea.PasteMsg:
		return true
	case tea.KeyPressMsg:
		return m.Text != "" && m.Mod&^tea.ModShift == 0
	}
	return false
}

// typing reports whether msg is a key press or a paste (not a cursor
// blink or any other message an input sees).
func typing(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// Move moves the highlight by d, wrapping around.
func (p *picker) Move(d int) {
	if n := len(p.choices); n > 0 {
		p.sel = ((p.sel+d)%n + n) % n
	}
}

// Value is what committing the picker puts in the cell.
func (p *picker) Value() string {
	if p.sel >= 0 && p.sel < len(p.choices) {
		return p.choices[p.sel]
	}
	return strings.TrimSpace(p.input.Value())
}

// refresh rebuilds the choices for the current text.
func (p *picker) refresh() {
	typed := strings.TrimSpace(p.input.Value())
	var names []string
	if p.filtered {
		names = filterNames(p.names, typed)
	} else {
		names = p.names
	}
	p.choices = p.choices[:0]
	p.free = typed != "" && !slices.Contains(names, typed)
	if p.free {
		p.choices = append(p.choices, typed)
	}
	p.choices = append(p.choices, names...)
	p.sel = 0
	switch {
	case p.preferTyped && typed != "":
		if i := slices.Index(p.choices, typed); i >= 0 {
			p.sel = i
		}
	case !p.filtered && typed != "":
		// Opening on a value: highlight it, wherever it is in the list.
		if i := slices.Index(p.choices, typed); i >= 0 {
			p.sel = i
		}
	case p.free && len(names) > 0:
		// Typing: the best match is what enter takes; ↑ goes back to the
		// typed text.
		p.sel = 1
	}
}

// filterNames returns the names matching q, best first: those starting
// with q, then containing it, then containing its characters in order.
// Spaces in q are ignored (OCR'd and hand-typed names carry stray ones).
func filterNames(names []string, q string) []string {
	q = strings.Join(strings.Fields(q), "")
	if q == "" {
		return slices.Clone(names)
	}
	var prefix, sub, seq []string
	for _, n := range names {
		switch {
		case strings.HasPrefix(n, q):
			prefix = append(prefix, n)
		case strings.Contains(n, q):
			sub = append(sub, n)
		case subsequence(n, q):
			seq = append(seq, n)
		}
	}
	return append(append(prefix, sub...), seq...)
}

// subsequence reports whether the runes of q appear in s in order.
func subsequence(s, q string) bool {
	rs := []rune(q)
	i := 0
	for _, r := range s {
		if i < len(rs) && r == rs[i] {
			i++
		}
	}
	return i == len(rs)
}
