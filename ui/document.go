package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// part1Section is one of Part 1's three entries.
type part1Section int

const (
	secOverall  part1Section = iota // 总体绩效目标
	secGoals                        // 分项绩效目标
	secMeasures                     // 工作保障措施
)

// part1Field returns the Part 1 entry a finding's field names, or -1.
func part1Field(field string) part1Section {
	switch field {
	case model.FieldOverall:
		return secOverall
	case model.FieldGoals:
		return secGoals
	case model.FieldMeasures:
		return secMeasures
	}
	return -1
}

// part1Names are the entries' titles, in order.
var part1Names = [3]string{"总体绩效目标", "分项绩效目标", "工作保障措施"}

// document shows one document: its header and totals, Part 1's three
// entries and the project list. Rows 0–2 are Part 1; row 3+i is project i.
type document struct {
	common   *Common
	key      model.DocKey
	doc      *model.Document
	projects []model.ProjectSummary
	totals   model.Totals // of projects, summed when they load
	seq      int
	err      error

	cur, first    int
	width, height int

	confirm bool // D waits for y

	filter listFilter
	shown  []int // rows the filter lets through; cur indexes it

	reviewAsked bool // the whole document was asked for, to check it
}

func newDocument(c *Common, k model.DocKey) *document {
	return &document{common: c, key: k, filter: newListFilter(c)}
}

func (d *document) Title() string {
	if d.doc != nil {
		return fmt.Sprintf("%s %d", safe(d.doc.UnitName), d.doc.Year)
	}
	return d.key.String()
}

func (d *document) Editing() bool    { return d.filter.typing }
func (d *document) restyle()         { d.filter.restyle() }
func (d *document) SetSize(w, h int) { d.width, d.height = w, h }
func (d *document) rows() int        { return 3 + len(d.projects) }

// row is the cursor's row: 0–2 Part 1's entries, 3+i project i; -1 when
// the filter shows nothing.
func (d *document) row() int {
	if d.cur < 0 || d.cur >= len(d.shown) {
		return -1
	}
	return d.shown[d.cur]
}

// project returns the selected project's index, or -1 on a Part 1 row.
func (d *document) project() int {
	if r := d.row(); r >= 3 && r-3 < len(d.projects) {
		return r - 3
	}
	return -1
}

// refilter recomputes the rows shown (Part 1 only when not filtering),
// keeping the cursor on the same row when it is still shown.
func (d *document) refilter() {
	was := d.row()
	d.shown = d.shown[:0]
	if d.filter.query() == "" {
		d.shown = append(d.shown, 0, 1, 2)
	}
	for i := range d.projects {
		if p := &d.projects[i]; d.filter.match(p.Code, p.Name) {
			d.shown = append(d.shown, 3+i)
		}
	}
	// The cursor stays on its row; else a filter puts it on the first
	// match, and a row gone leaves it where it was.
	switch i := slices.Index(d.shown, was); {
	case i >= 0:
		d.cur = i
	case d.filter.query() != "":
		d.cur = 0
	}
	d.cur = max(0, min(d.cur, len(d.shown)-1))
}

// seek puts the cursor on row r, clearing the filter if it hides r; the
// cursor stays put if there is no row r.
func (d *document) seek(r int) {
	if r < 0 || r >= d.rows() {
		d.cur = max(0, min(d.cur, len(d.shown)-1))
		return
	}
	if i := slices.Index(d.shown, r); i >= 0 {
		d.cur = i
		return
	}
	d.filter.clear()
	d.refilter()
	d.cur = max(0, slices.Index(d.shown, r))
}

func (d *document) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case headerLoadedMsg:
		if msg.Key == d.key && msg.Seq >= d.seq {
			d.seq = msg.Seq
			d.err = msg.Err
			if msg.Err == nil {
				d.doc, d.projects = msg.Doc, msg.Projects
				d.totals = model.TotalsOf(d.projects)
				d.refilter()
				if !d.reviewAsked && !d.common.Reviews.doc(d.key).loaded() {
					// After the first frame, which the header alone draws.
					d.reviewAsked = true
					return d.common.post(loadReviewMsg{Key: d.key})
				}
			}
		}
	case headerChangedMsg:
		// Part 1 edited over this screen: reopening it starts from this
		// copy, not from the one before the write and a reload.
		if msg.Doc.Key() == d.key {
			c := headerCopy(&msg.Doc)
			d.doc = &c
		}
	case reloadedMsg:
		// Part 1 as stored, after an edit that failed to save was given
		// up (headerChangedMsg gave this screen the edited copy).
		if msg.Key == d.key && msg.Doc != nil {
			d.doc = msg.Doc
		}
	case headerSavedMsg:
		// The header form saved a field: the header as stored, under
		// the document's new key if it moved.
		if msg.From == d.key {
			c := headerCopy(msg.Doc)
			d.key, d.doc = msg.To, &c
		}
	case docStatusMsg:
		if msg.Key == d.key && d.doc != nil {
			c := *d.doc
			c.Status = msg.Status
			d.doc = &c
		}
	case projectChangedMsg:
		// Edited over this screen: the row, counts and totals follow.
		if msg.Key == d.key {
			if i := d.index(msg.Project.ID); i >= 0 {
				d.projects[i] = model.Summarize(&msg.Project)
				d.totals = model.TotalsOf(d.projects)
			}
		}
	case deleteProjectMsg:
		if i := d.index(msg.ID); msg.Key == d.key && i >= 0 {
			d.projects = slices.Delete(d.projects, i, i+1)
			d.totals = model.TotalsOf(d.projects)
			d.refilter()
		}
	case focusProjectMsg:
		switch {
		case msg.Key != d.key:
		case msg.Part1:
			d.seek(int(msg.Section))
		default:
			d.focus(msg.ID)
			if sec := part1Field(msg.Field); msg.ID == "" && sec >= 0 && d.doc != nil {
				d.seek(int(sec))
				return d.open(viewForm)
			}
		}
	case tea.KeyPressMsg:
		if d.doc == nil {
			if key.Matches(msg, d.common.Keys.Global.Back) {
				return d.common.post(backMsg{})
			}
			return nil
		}
		if d.confirm {
			return d.confirmKey(msg)
		}
		if d.filter.typing {
			return d.filterKey(msg)
		}
		return d.onKey(msg)
	case tea.PasteMsg:
		if d.filter.typing {
			return d.filterKey(msg)
		}
	}
	return nil
}

func (d *document) onKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	if cur, ok := km.List.move(k, d.cur, len(d.shown), d.listHeight()); ok {
		d.cur = cur
		return nil
	}
	switch {
	case key.Matches(k, km.List.Filter):
		return d.filter.start()
	case key.Matches(k, km.Global.Back) && d.filter.on():
		d.filter.clear()
		d.refilter()
	case key.Matches(k, km.Global.Back):
		return d.common.post(backMsg{})
	case key.Matches(k, km.List.Open):
		return d.open(viewForm)
	case key.Matches(k, km.Doc.Grid):
		return d.open(viewGrid)
	case key.Matches(k, km.Doc.Add):
		at := len(d.projects)
		if i := d.project(); i >= 0 {
			at = i + 1
		}
		// The row is there at once; the root stores the project.
		id := model.NewProjectID()
		d.projects = slices.Insert(d.projects, at, model.ProjectSummary{ID: id})
		d.totals = model.TotalsOf(d.projects)
		d.refilter()
		d.focus(id)
		return d.common.post(addProjectMsg{Key: d.key, At: at, ID: id})
	case key.Matches(k, km.Doc.Delete):
		d.confirm = d.project() >= 0
	case key.Matches(k, km.Doc.MoveUp):
		return d.move(-1)
	case key.Matches(k, km.Doc.MoveDown):
		return d.move(1)
	case key.Matches(k, km.Doc.Walk):
		return d.common.post(startWalkMsg{Doc: headerCopy(d.doc), Projects: slices.Clone(d.projects), From: d.project()})
	case key.Matches(k, km.Doc.Findings):
		return d.common.post(openFindingsMsg{Key: d.key})
	case key.Matches(k, km.Doc.Review):
		id := ""
		if i := d.project(); i >= 0 {
			id = d.projects[i].ID
		}
		return d.common.post(openReviewMsg{Key: d.key, ID: id})
	case key.Matches(k, km.Doc.Export):
		return d.common.post(openExportMsg{Doc: headerCopy(d.doc)})
	case key.Matches(k, km.Doc.Import):
		k, name := d.key, ""
		if d.doc != nil {
			name = d.doc.UnitName
		}
		return d.common.post(openImportMsg{Doc: &k, UnitName: name})
	case key.Matches(k, km.Doc.Diff):
		return d.common.post(openDiffMsg{Key: d.key})
	case key.Matches(k, km.Doc.NextFinding):
		return d.stepFinding(1)
	case key.Matches(k, km.Doc.PrevFinding):
		return d.stepFinding(-1)
	case key.Matches(k, km.Doc.Layout):
		return d.nextLayout()
	case key.Matches(k, km.Doc.Header):
		return d.common.post(openHeaderFormMsg{Doc: headerCopy(d.doc), Counts: model.ReviewCountsOf(d.projects)})
	}
	return nil
}

// filterKey is a key typed into the / filter.
func (d *document) filterKey(msg tea.Msg) tea.Cmd {
	changed, cmd := d.filter.update(msg)
	if changed {
		d.refilter()
	}
	return cmd
}

// nextLayout sets the document's 指标体系 to the next of auto, 2020年式,
// 101号 and saves the header; the reviewer checks the document again.
func (d *document) nextLayout() tea.Cmd {
	c := headerCopy(d.doc)
	i := slices.Index(model.Layouts, c.Layout)
	c.Layout = model.Layouts[(i+1)%len(model.Layouts)]
	d.doc = &c
	return d.common.post(headerChangedMsg{Doc: headerCopy(&c)})
}

// stepFinding opens the first finding of the selected project or after it
// (dir 1), or the last one before it (dir -1).
func (d *document) stepFinding(dir int) tea.Cmd {
	dr := d.common.Reviews.doc(d.key)
	cur := findingPos{project: -1}
	if i := d.project(); i >= 0 {
		cur = findingPos{project: dr.projectIndex(d.projects[i].ID), row: -2}
	}
	if f, ok := dr.step(cur, dir); ok {
		return d.common.post(gotoFindingMsg{Key: d.key, F: f})
	}
	return d.common.post(noMoreFindings(dir))
}

// focus puts the cursor on project id.
func (d *document) focus(id string) {
	for i := range d.projects {
		if d.projects[i].ID == id {
			d.seek(3 + i)
		}
	}
}

func (d *document) docKey() model.DocKey { return d.key }

// index is the position of project id in the list, or -1.
func (d *document) index(id string) int {
	return slices.IndexFunc(d.projects, func(p model.ProjectSummary) bool { return p.ID == id })
}

func (d *document) open(v projectView) tea.Cmd {
	if i := d.project(); i >= 0 {
		return d.common.post(openProjectMsg{Key: d.key, ID: d.projects[i].ID, View: v})
	}
	if v == viewForm {
		return d.common.post(openPart1Msg{Doc: headerCopy(d.doc), Section: part1Section(max(d.row(), 0))})
	}
	return nil
}

// move swaps the selected project with its neighbour at once on screen and
// asks the root to store the new order.
func (d *document) move(delta int) tea.Cmd {
	i := d.project()
	j := i + delta
	if i < 0 || j < 0 || j >= len(d.projects) {
		return nil
	}
	d.projects[i], d.projects[j] = d.projects[j], d.projects[i]
	d.refilter()
	d.seek(3 + j)
	return d.common.post(moveProjectMsg{Key: d.key, ID: d.projects[j].ID, To: j})
}

func (d *document) confirmKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	d.confirm = false
	i := d.project()
	if !key.Matches(k, km.Global.Yes) || i < 0 {
		return nil
	}
	id := d.projects[i].ID
	d.projects = append(d.projects[:i:i], d.projects[i+1:]...)
	d.totals = model.TotalsOf(d.projects)
	d.refilter()
	return d.common.post(deleteProjectMsg{Key: d.key, ID: id})
}

func (d *document) ShortHelp() []key.Binding {
	km := d.common.Keys
	if d.confirm {
		return []key.Binding{km.Global.Yes, km.Global.No}
	}
	return km.docHelp()[1]
}

func (d *document) FullHelp() [][]key.Binding {
	km := d.common.Keys
	if d.confirm {
		return [][]key.Binding{d.ShortHelp()}
	}
	return km.docHelp()
}
