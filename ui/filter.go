package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// listFilter is the / search of a list (home, the document's projects, the
// findings): the list shows only the items matching what is typed, as it
// is typed; enter keeps the filter and goes back to the list, esc clears
// it. Matching is a case-insensitive substring of any of an item's texts,
// so a CJK fragment of a name or a piece of a code finds it.
type listFilter struct {
	common *Common
	input  textinput.Model
	typing bool // the input has the keys
}

func newListFilter(c *Common) listFilter {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.SetStyles(c.Styles.Input)
	return listFilter{common: c, input: ti}
}

func (f *listFilter) restyle() { f.input.SetStyles(f.common.Styles.Input) }

// query is the text filtered on ("" shows everything).
func (f *listFilter) query() string { return strings.TrimSpace(f.input.Value()) }

// on reports whether the list is filtered or the filter is being typed.
func (f *listFilter) on() bool { return f.typing || f.query() != "" }

// start opens the filter for typing (the / key).
func (f *listFilter) start() tea.Cmd {
	f.typing = true
	return f.input.Focus()
}

// clear drops the filter.
func (f *listFilter) clear() {
	f.typing = false
	f.input.SetValue("")
	f.input.Blur()
}

// update takes a key or paste while typing. It reports whether the query
// changed, so the list can refilter.
func (f *listFilter) update(msg tea.Msg) (changed bool, cmd tea.Cmd) {
	km := f.common.Keys
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, km.Form.Cancel):
			was := f.query()
			f.clear()
			return was != "", nil
		case key.Matches(k, km.Form.Commit), key.Matches(k, km.List.Up), key.Matches(k, km.List.Down):
			f.typing = false
			f.input.Blur()
			return false, nil
		}
	}
	was := f.query()
	f.input, cmd = f.input.Update(msg)
	return f.query() != was, cmd
}

// match reports whether any of texts contains the query.
func (f *listFilter) match(texts ...string) bool {
	q := strings.ToLower(f.query())
	if q == "" {
		return true
	}
	for _, t := range texts {
		if strings.Contains(strings.ToLower(t), q) {
			return true
		}
	}
	return false
}

// line is the list's bottom line: the filter (or the key that opens it)
// on the left, the position ("12/60") on the right, w columns wide.
func (f *listFilter) line(st *Styles, pos string, w int) string {
	var left string
	switch {
	case f.typing:
		left = sanitizeView(f.input.View())
	case f.query() != "":
		left = st.LabelOn.Render("/ "+safe(f.query())) + st.Muted.Render("  "+firstKey(f.common.Keys.Form.Cancel)+" 清除")
	default:
		h := f.common.Keys.List.Filter.Help()
		left = st.Muted.Render(h.Key + " " + h.Desc)
	}
	pos = st.Muted.Render(pos)
	return fit(left, max(w-lipgloss.Width(pos)-1, 0)) + " " + pos
}

// position is a list's "12/60": the cursor among the items shown, and of
// how many in all when a filter hides some ("3/5 共 60").
func position(cur, shown, all int) string {
	p := "0/0"
	if shown > 0 {
		p = strconv.Itoa(cur+1) + "/" + strconv.Itoa(shown)
	}
	if shown != all {
		p += " 共 " + strconv.Itoa(all)
	}
	return p
}
