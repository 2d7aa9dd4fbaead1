package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// findingsPanel lists a document's findings grouped by project, each with
// its severity, place, message and suggestion, and beside them the
// reviewer's notes (审核意见) on the project and its rows; enter opens the
// project at the finding's field or cell, or a note in the review mode.
type findingsPanel struct {
	common *Common
	key    model.DocKey

	items []reviewItem
	// lines is the rendered list; item[i] is the entry a line belongs
	// to (-1 for project headings), start[j] the first line of entry j.
	lines []string
	item  []int
	start []int
	total issueCount
	notes int

	cur, first    int
	width, height int

	filter listFilter
	all    int // findings before the filter
}

func newFindingsPanel(c *Common, k model.DocKey) *findingsPanel {
	p := &findingsPanel{common: c, key: k, filter: newListFilter(c)}
	p.sync()
	return p
}

func (p *findingsPanel) Title() string { return "审核问题" }
func (p *findingsPanel) Editing() bool { return p.filter.typing }
func (p *findingsPanel) restyle()      { p.filter.restyle() }

func (p *findingsPanel) SetSize(w, h int) {
	if w != p.width {
		p.width = w
		p.layout()
	}
	p.height = h
}

// sync takes the cached findings and notes; the cursor stays on the same
// place when it can.
func (p *findingsPanel) sync() {
	dr := p.common.Reviews.doc(p.key)
	var was *reviewItem
	if p.cur < len(p.items) {
		was = &p.items[p.cur]
	}
	p.items = documentItems(dr)
	p.notes = 0
	for i := range p.items {
		if p.items[i].isNote() {
			p.notes++
		}
	}
	p.all = len(p.items)
	if p.filter.query() != "" {
		kept := p.items[:0]
		for _, it := range p.items {
			if p.matches(&it) {
				kept = append(kept, it)
			}
		}
		p.items = kept
	}
	if dr.loaded() {
		p.total = dr.total
	}
	if was != nil {
		for i := range p.items {
			if sameItem(&p.items[i], was) {
				p.cur = i
				break
			}
		}
	}
	p.cur = max(0, min(p.cur, len(p.items)-1))
	p.layout()
}

// sameItem reports whether two entries are at the same place: the same
// rule at the same field, or the note of the same project or row.
func sameItem(a, b *reviewItem) bool {
	if a.isNote() || b.isNote() {
		return a.isNote() && b.isNote() && a.ProjectID == b.ProjectID && a.Row == b.Row
	}
	f, g := a.Finding, b.Finding
	return f.ProjectID == g.ProjectID && f.Row == g.Row && f.Field == g.Field && f.Rule == g.Rule
}

// layout renders every finding's lines, wrapped to the width; View then
// shows a window of them.
func (p *findingsPanel) layout() {
	st := p.common.Styles
	p.lines, p.item, p.start = p.lines[:0], p.item[:0], p.start[:0]
	w := max(p.width, 20)
	const indent = "    "
	add := func(s string, it int) {
		p.lines = append(p.lines, s)
		p.item = append(p.item, it)
	}
	dr := p.common.Reviews.doc(p.key)
	n := 0
	for i := range p.items {
		it := &p.items[i]
		if i == 0 || it.ProjectID != p.items[i-1].ProjectID {
			n++
			var name, code string
			var status model.ReviewStatus
			if k := dr.projectIndex(it.ProjectID); k >= 0 {
				pr := &dr.doc.Projects[k]
				name, code, status = pr.Name, pr.Code, pr.Review.Status
			}
			if name == "" {
				name = "（未命名项目）"
			}
			if i > 0 {
				add("", -1)
			}
			head := fmt.Sprintf("%d. %s", n, safe(name))
			if code != "" {
				head += "（" + safe(code) + "）"
			}
			count := dr.counts[it.ProjectID]
			if it.ProjectID == "" {
				// Part 1's findings, listed first; not a project.
				head, n, count = "第一部分 部门整体绩效目标", n-1, countOf(dr.byID[""])
			}
			add(st.Heading.Render(oneLine(head))+"  "+st.Muted.Render(count.String())+reviewBadge(st, status, "  "), -1)
		}
		p.start = append(p.start, len(p.lines))
		if it.isNote() {
			lead := "  " + st.Note.Render("✎ 意见") + " "
			for k, l := range wrapNote(notePlace(it.Row)+"："+it.Note, w-ansi.StringWidth(indent)-4) {
				if k == 0 {
					add(lead+l, i)
				} else {
					add(indent+"    "+l, i)
				}
			}
			continue
		}
		f := it.Finding
		sev := st.Warning
		if f.Severity == model.SeverityError {
			sev = st.Error
		}
		lead := "  " + sev.Render(severityMark(f.Severity)+" "+f.Severity.Label()) + " "
		text := findingPlace(f) + "：" + safe(oneLine(f.Message))
		for k, l := range splitLines(ansi.Wrap(text, w-ansi.StringWidth(indent)-4, "")) {
			if k == 0 {
				add(lead+l, i)
			} else {
				add(indent+"    "+l, i)
			}
		}
		if f.Suggestion != "" {
			for _, l := range splitLines(ansi.Wrap("建议："+safe(oneLine(f.Suggestion)), w-ansi.StringWidth(indent)-4, "")) {
				add(indent+"    "+st.Muted.Render(l), i)
			}
		}
	}
}

func (p *findingsPanel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case findingsChangedMsg:
		if msg.Key == p.key {
			p.sync()
		}
	case tea.KeyPressMsg:
		if p.filter.typing {
			return p.filterKey(msg)
		}
		return p.onKey(msg)
	case tea.PasteMsg:
		if p.filter.typing {
			return p.filterKey(msg)
		}
	}
	return nil
}

// matches reports whether the / filter lets item it through: a finding
// by its project, place or message, a note by its text.
func (p *findingsPanel) matches(it *reviewItem) bool {
	if f := it.Finding; f != nil {
		return p.filter.match(f.ProjectCode, f.ProjectName, f.Message, findingPlace(f))
	}
	return p.filter.match(it.Note)
}

// filterKey is a key typed into the / filter.
func (p *findingsPanel) filterKey(msg tea.Msg) tea.Cmd {
	changed, cmd := p.filter.update(msg)
	if changed {
		p.sync()
	}
	return cmd
}

func (p *findingsPanel) onKey(k tea.KeyPressMsg) tea.Cmd {
	km := p.common.Keys
	n := len(p.items)
	// A finding takes about three lines: a page is a third of the lines.
	if cur, ok := km.List.move(k, p.cur, n, max(1, p.listHeight()/3)); ok {
		p.cur = cur
		return nil
	}
	switch {
	case key.Matches(k, km.List.Filter):
		return p.filter.start()
	case key.Matches(k, km.Global.Back) && p.filter.on():
		p.filter.clear()
		p.sync()
	case key.Matches(k, km.Global.Back), key.Matches(k, km.Doc.Findings):
		return p.common.post(backMsg{})
	case key.Matches(k, km.List.Open):
		if p.cur >= n {
			return nil
		}
		if it := p.items[p.cur]; !it.isNote() {
			return p.common.post(gotoFindingMsg{Key: p.key, F: *it.Finding})
		} else {
			return p.common.post(openReviewMsg{Key: p.key, ID: it.ProjectID, Row: it.Row})
		}
	}
	return nil
}

// listHeight leaves the heading, a blank line and the filter's line.
func (p *findingsPanel) listHeight() int { return max(1, p.height-3) }

func (p *findingsPanel) View() string {
	st, km := p.common.Styles, p.common.Keys
	dr := p.common.Reviews.doc(p.key)
	if !dr.loaded() {
		return box([]string{st.Muted.Render("正在检查…")}, p.width, p.height)
	}
	head := st.Heading.Render("审核问题") + "  " + fmt.Sprintf("%d 个错误，%d 个警告", p.total.Errors, p.total.Warnings)
	if p.notes > 0 {
		head += fmt.Sprintf("，审核意见 %d 条", p.notes)
	}
	filterLine := p.filter.line(st, position(p.cur, len(p.items), p.all), p.width)
	if len(p.items) == 0 {
		msg := st.Good.Render("没有发现问题。")
		if p.all > 0 {
			msg = st.Muted.Render("没有匹配的问题")
		}
		lines := []string{head, "", msg}
		for len(lines) < p.height-1 {
			lines = append(lines, "")
		}
		return box(append(lines, filterLine), p.width, p.height)
	}
	lines := []string{head + st.Muted.Render("  "+firstKey(km.List.Open)+" 转到该处"), ""}
	h := p.listHeight()
	p.first = keepInView(p.lines, p.item, p.start, p.cur, p.first, h)
	for i := p.first; i < len(p.lines) && i < p.first+h; i++ {
		l := p.lines[i]
		if p.item[i] == p.cur {
			l = st.Selected.Render(fit(stripped(l), p.width))
		}
		lines = append(lines, l)
	}
	for len(lines) < 2+h {
		lines = append(lines, "")
	}
	return box(append(lines, filterLine), p.width, p.height)
}

func (p *findingsPanel) ShortHelp() []key.Binding {
	km := p.common.Keys
	return []key.Binding{km.List.Up, km.List.Down, km.List.Open, km.Global.Back}
}

func (p *findingsPanel) FullHelp() [][]key.Binding {
	km := p.common.Keys
	return km.findingsHelp()
}

// keepInView returns the first of lines to show in a window of h lines so
// that entry cur — lines start[cur] up to the next entry's start — is whole
// in view, with the heading lines just above it (item -1, not blank) when
// they fit: the findings panel's project heading, the diff's project.
// first is where the window was; it moves as little as it must.
func keepInView(lines []string, item, start []int, cur, first, h int) int {
	top := start[cur]
	for top > 0 && item[top-1] == -1 && lines[top-1] != "" {
		top--
	}
	end := len(lines)
	if cur+1 < len(start) {
		end = start[cur+1]
	}
	if top < first {
		first = top
	}
	if end > first+h {
		first = end - h
	}
	return max(0, min(first, len(lines)-h))
}
