package ui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// diffSource is the other side of a comparison: a stored document, or a
// copy of the open one kept at an export (At set).
type diffSource struct {
	Key   model.DocKey
	At    time.Time // zero for a stored document
	Name  string    // as the list shows it
	Label string    // as the report names it: 315002/2020, or 315002/2020@2026-11-30T10:00:00
}

// diffChoices orders what the open document (key) can be compared with:
// the unit's other years, the one before first, then its own kept copies,
// newest first, then other units' documents. The first is preselected.
func diffChoices(key model.DocKey, docs []store.DocInfo, snaps []store.Snapshot) (list []diffSource) {
	var same, other []diffSource
	for _, d := range docs {
		if d.Key == key {
			continue
		}
		s := diffSource{Key: d.Key, Name: d.Key.String() + "  " + d.UnitName, Label: d.Key.String()}
		if d.Key.UnitCode == key.UnitCode {
			same = append(same, s)
		} else {
			other = append(other, s)
		}
	}
	// Same unit: nearest earlier years first, then later ones.
	slices.SortStableFunc(same, func(a, b diffSource) int {
		da, db := key.Year-a.Key.Year, key.Year-b.Key.Year
		if (da > 0) != (db > 0) {
			if da > 0 {
				return -1
			}
			return 1
		}
		if da < 0 {
			da, db = -da, -db
		}
		return da - db
	})
	list = append(list, same...)
	for i := len(snaps) - 1; i >= 0; i-- {
		sn := snaps[i]
		list = append(list, diffSource{Key: sn.Key, At: sn.At, Name: sn.Name() + "  导出时的副本", Label: sn.Name()})
	}
	list = append(list, other...)
	return list
}

// diffScreen compares the open document with another (last year's, or as
// it was sent) in two steps: choose the other side, then read the changes,
// counts first, one item per change; enter on an item opens that project
// (at that row) in the open document.
type diffScreen struct {
	common *Common
	key    model.DocKey // the open document, the newer side (B)

	loaded  bool
	choices []diffSource
	pick    int

	report *export.DiffReport // nil while choosing
	lines  []string
	item   []int // the change each line belongs to, -1 for headings
	start  []int // first line of each change
	cur    int
	first  int

	width, height int
}

func newDiffScreen(c *Common, k model.DocKey) *diffScreen {
	return &diffScreen{common: c, key: k}
}

func (d *diffScreen) Title() string { return "变动对比" }
func (d *diffScreen) Editing() bool { return false }

func (d *diffScreen) SetSize(w, h int) {
	if w != d.width {
		d.width = w
		d.layout()
	}
	d.height = h
}

func (d *diffScreen) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case diffChoicesMsg:
		if m.Key == d.key {
			d.loaded = true
			d.choices, d.pick = diffChoices(m.Key, m.Docs, m.Snaps), 0
		}
	case diffReadyMsg:
		if m.Key == d.key && m.Err == nil {
			d.report, d.cur, d.first = m.Report, 0, 0
			d.layout()
		}
	case tea.KeyPressMsg:
		if d.report == nil {
			return d.onChooseKey(m)
		}
		return d.onKey(m)
	}
	return nil
}

func (d *diffScreen) onChooseKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	n := len(d.choices)
	if pick, ok := km.List.move(k, d.pick, n, 0); ok {
		d.pick = pick
		return nil
	}
	switch {
	case key.Matches(k, km.Global.Back):
		return d.common.post(backMsg{})
	case key.Matches(k, km.List.Open):
		if d.pick < n {
			return d.common.post(compareMsg{Key: d.key, Other: d.choices[d.pick]})
		}
	}
	return nil
}

func (d *diffScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	n := len(d.report.Diff.Changes)
	if cur, ok := km.List.move(k, d.cur, n, max(1, d.listHeight()/3)); ok {
		d.cur = cur
		return nil
	}
	switch {
	case key.Matches(k, km.Global.Back):
		d.report = nil // back to the choice
		return nil
	case key.Matches(k, km.List.Open):
		if d.cur < n {
			return d.jump(&d.report.Diff.Changes[d.cur])
		}
	}
	return nil
}

// jump opens the change's project in the open document: at its row for a
// row change, at its field for the rest. A project only the other side
// has is not in the open document: the status line says so.
func (d *diffScreen) jump(c *model.Change) tea.Cmd {
	if c.Kind == model.KindProjectRemoved {
		return d.common.post(errMsg{What: "转到项目", Err: fmt.Errorf("%s 只在对比的文本里", c.ProjectName)})
	}
	f := model.Finding{ProjectID: c.ProjectID, Row: -1, Field: model.FieldName}
	if len(c.Fields) > 0 {
		f.Field = c.Fields[0].Field
	}
	if c.Row > 0 {
		f.Row = c.Row - 1
		if c.Kind == model.KindRowRemoved {
			f.Row = max(0, c.Row-2) // the row above where it was
		}
	}
	if c.Kind == model.KindPart1 {
		f.ProjectID = ""
	}
	return d.common.post(gotoFindingMsg{Key: d.key, F: f})
}

// layout renders the report's lines at the width; View shows a window.
func (d *diffScreen) layout() {
	d.lines, d.item, d.start = d.lines[:0], d.item[:0], d.start[:0]
	if d.report == nil {
		return
	}
	st := d.common.Styles
	w := max(d.width, 20)
	add := func(s string, it int) {
		d.lines = append(d.lines, s)
		d.item = append(d.item, it)
	}
	cs := d.report.Diff.Changes
	for i := range cs {
		c := &cs[i]
		title := export.ChangePlace(&model.Change{Kind: c.Kind, ProjectName: c.ProjectName, ProjectCode: c.ProjectCode})
		if i == 0 || c.ProjectID != cs[i-1].ProjectID || c.ProjectName != cs[i-1].ProjectName || c.Kind == model.KindProjectAdded || c.Kind == model.KindProjectRemoved {
			if i > 0 {
				add("", -1)
			}
			add(st.Heading.Render(ansi.Truncate(safe(oneLine(title)), w, "…")), -1)
		}
		d.start = append(d.start, len(d.lines))
		mark := st.Warning
		switch c.Kind {
		case model.KindProjectAdded, model.KindRowAdded:
			mark = st.Good
		case model.KindProjectRemoved, model.KindRowRemoved:
			mark = st.Error
		}
		head := "  " + mark.Render(export.DiffKindLabel(c.Kind))
		if c.Row > 0 {
			head += "  第" + strconv.Itoa(c.Row) + "行 " + safe(oneLine(c.RowName))
		}
		add(ansi.Truncate(head, w, "…"), i)
		for _, f := range c.Fields {
			text := safe(oneLine(export.FieldLine(c.Kind, f)))
			for _, l := range splitLines(ansi.Wrap(text, w-8, "")) {
				add("      "+l, i)
			}
		}
	}
}

func (d *diffScreen) listHeight() int { return max(1, d.height-3) }

func (d *diffScreen) View() string {
	st, km := d.common.Styles, d.common.Keys
	if !d.loaded {
		return box([]string{st.Muted.Render("正在读取…")}, d.width, d.height)
	}
	if d.report == nil {
		return d.chooseView()
	}
	r := d.report
	head := []string{
		st.Heading.Render(ansi.Truncate("变动对比："+safe(oneLine(r.A))+" → "+safe(oneLine(r.B)), d.width, "…")),
		ansi.Truncate(r.CountsLine(), d.width, "…"),
		"",
	}
	if r.Diff.Same() {
		return box(head, d.width, d.height)
	}
	head[2] = st.Muted.Render(firstKey(km.List.Open) + " 转到该处  " + firstKey(km.Global.Back) + " 换一个对比")
	h := d.listHeight()
	d.first = keepInView(d.lines, d.item, d.start, d.cur, d.first, h)
	lines := head
	for i := d.first; i < len(d.lines) && i < d.first+h; i++ {
		l := d.lines[i]
		if d.item[i] == d.cur {
			l = st.Selected.Render(fit(stripped(l), d.width))
		}
		lines = append(lines, l)
	}
	return box(lines, d.width, d.height)
}

func (d *diffScreen) chooseView() string {
	st := d.common.Styles
	lines := []string{st.Heading.Render("与哪份文本对比？") + st.Muted.Render("  "+d.key.String()+" 为新")}
	if len(d.choices) == 0 {
		return box(append(lines, "", st.Muted.Render("没有可对比的文本：导出一次后可与导出时的副本对比。")), d.width, d.height)
	}
	lines = append(lines, "")
	h := max(1, d.height-2)
	first := max(0, min(d.pick-h/2, len(d.choices)-h))
	for i := first; i < len(d.choices) && i < first+h; i++ {
		l := "  " + safe(oneLine(d.choices[i].Name))
		if i == d.pick {
			l = st.Selected.Render(fit(l, d.width))
		}
		lines = append(lines, l)
	}
	return box(lines, d.width, d.height)
}

func (d *diffScreen) ShortHelp() []key.Binding {
	km := d.common.Keys
	return []key.Binding{km.List.Up, km.List.Down, km.List.Open, km.Global.Back}
}

func (d *diffScreen) FullHelp() [][]key.Binding {
	km := d.common.Keys
	return [][]key.Binding{{km.List.Up, km.List.Down, km.List.Top, km.List.Bottom, km.List.PageUp, km.List.PageDown}, {km.List.Open, km.Global.Back}}
}
