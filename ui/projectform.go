package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
)

// The project form's fields, in the seed table's order.
const (
	pfCode = iota
	pfName
	pfBudget
	pfFiscal
	pfOther
	pfUse
	pfMar
	pfJun
	pfOct
	pfDec
	pfGoal
	pfCount
)

// planGroup tells the user the plan is cumulative and ends at 100.
const planGroup = "资金支出计划（%，累计：3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底 = 100）"

// projectForm edits one project's fields. Every committed field is written
// at once (projectChangedMsg); a money or percent field whose text fails
// its check shows the error under it and keeps the last good value saved.
type projectForm struct {
	common  *Common
	key     model.DocKey
	project model.Project
	form    *Form

	findings []model.Finding // the project's, from the review cache
	// added is set for a project just added with a: left untouched, it
	// is not kept.
	added bool
}

// newProjectForm opens p's form; the cursor starts in 项目编码.
func newProjectForm(c *Common, k model.DocKey, p model.Project) *projectForm {
	pf := &projectForm{common: c, key: k, project: p}
	fields := []*formField{
		{Label: "项目编码"},
		{Label: "项目名称"},
		{Label: "预算数", Kind: kindMoney},
		{Label: "财政资金", Kind: kindMoney},
		{Label: "其他资金", Kind: kindMoney},
		{Label: "资金用途", Kind: kindMultiline},
		{Label: "3月底", Kind: kindPercent, Group: planGroup},
		{Label: "6月底", Kind: kindPercent},
		{Label: "10月底", Kind: kindPercent},
		{Label: "12月底", Kind: kindPercent},
		{Label: "绩效目标", Kind: kindMultiline},
	}
	pf.form = newForm(c, fields)
	pf.form.SetValues(projectValues(&p))
	pf.hints()
	pf.syncFindings()
	return pf
}

// pfFields are the review's field ids of the form's fields, in order.
var pfFields = [pfCount]string{model.FieldCode, model.FieldName, model.FieldBudget, model.FieldFiscal,
	model.FieldOther, model.FieldUse, model.FieldPlanMar, model.FieldPlanJun, model.FieldPlanOct,
	model.FieldPlanDec, model.FieldGoal}

// syncFindings marks the fields from the cached findings of the project.
func (pf *projectForm) syncFindings() {
	pf.findings = pf.common.Reviews.project(pf.key, pf.project.ID)
	for i, id := range pfFields {
		var worst model.Severity
		for _, f := range pf.findings {
			if f.Row < 0 && f.Field == id {
				worst = max(worst, f.Severity)
			}
		}
		pf.form.SetMark(i, worst)
	}
}

// Hint shows the findings on the focused field in the status line, or
// else the reviewer's note on the project.
func (pf *projectForm) Hint() string {
	var on []model.Finding
	for _, f := range pf.findings {
		if f.Row < 0 && f.Field == pfFields[pf.form.Focused()] {
			on = append(on, f)
		}
	}
	if len(on) == 0 {
		return noteHint(pf.common.Styles, pf.project.Review.Note)
	}
	return findingHint(pf.common.Styles, on)
}

// jump puts the cursor on a finding's field.
func (pf *projectForm) jump(f *model.Finding) tea.Cmd {
	if f == nil {
		return nil
	}
	for i, id := range pfFields {
		if id == f.Field {
			return pf.form.Focus(i)
		}
	}
	return nil
}

// stepFinding commits the field (staying if its text is wrong) and goes to
// the next or previous finding: here when it is a field of this form,
// else through the root.
func (pf *projectForm) stepFinding(dir int) tea.Cmd {
	i := pf.form.Flush()
	if pf.form.Err(pf.form.Focused()) != "" {
		return nil
	}
	cmd := pf.commitMsg(i)
	dr := pf.common.Reviews.doc(pf.key)
	cur := findingPos{dr.projectIndex(pf.project.ID), -1, model.FieldOrder(pfFields[pf.form.Focused()])}
	f, ok := dr.step(cur, dir)
	if !ok {
		return tea.Batch(cmd, pf.common.post(noMoreFindings(dir)))
	}
	if f.ProjectID == pf.project.ID && findingView(&f) == viewForm {
		return tea.Batch(cmd, pf.jump(&f))
	}
	return tea.Batch(cmd, pf.common.post(gotoFindingMsg{Key: pf.key, F: f}))
}

// hints recomputes the offer and warnings from the project as committed.
func (pf *projectForm) hints() {
	p := &pf.project
	others := pf.otherBudgets()
	pf.form.SetHints(pfBudget, "", yuanNote(p.Budget, others))
	pf.form.SetHints(pfFiscal, "", yuanNote(p.Fiscal, others))
	pf.form.SetHints(pfOther, pf.otherOffer(), joinNotes(yuanNote(p.Other, others), pf.sumNote()))
	pf.form.SetHints(pfDec, "", pf.planNote())
}

// projectValues lists p's fields as the form shows them.
func projectValues(p *model.Project) []string {
	return []string{p.Code, p.Name, p.Budget.String(), p.Fiscal.String(), p.Other.String(), p.Use,
		p.Plan.Mar.String(), p.Plan.Jun.String(), p.Plan.Oct.String(), p.Plan.Dec.String(), p.Goal}
}

// apply sets field i of p from its committed text, which the form has
// already checked.
func apply(p *model.Project, i int, v string) {
	money := func() model.Money { m, _ := model.ParseOptionalMoney(v); return m }
	pct := func() model.Percent { x, _ := model.ParseOptionalPercent(v); return x }
	switch i {
	case pfCode:
		p.Code = v
	case pfName:
		p.Name = v
	case pfBudget:
		p.Budget = money()
	case pfFiscal:
		p.Fiscal = money()
	case pfOther:
		p.Other = money()
	case pfUse:
		p.Use = v
	case pfMar:
		p.Plan.Mar = pct()
	case pfJun:
		p.Plan.Jun = pct()
	case pfOct:
		p.Plan.Oct = pct()
	case pfDec:
		p.Plan.Dec = pct()
	case pfGoal:
		p.Goal = v
	}
}

// yuanNote asks about an amount that looks written in 元
// (model.LooksLikeYuan, beside the other projects' budgets); it is kept as
// typed, never changed silently.
func yuanNote(m, others model.Money) string {
	if !m.IsSet() || !model.LooksLikeYuan(m, others) {
		return ""
	}
	return fmt.Sprintf("是否以元填写？%s 元 = %s 万元（按元填写请写 %s元）", m, model.MoneyUnits(m.Units()/10000), m)
}

// otherBudgets is what the document's other projects' 预算数 add up to,
// from the review cache (zero until the document has been read).
func (pf *projectForm) otherBudgets() model.Money {
	dr := pf.common.Reviews.doc(pf.key)
	if !dr.loaded() {
		return model.Money{}
	}
	return model.OtherBudgets(dr.doc, &pf.project)
}

func joinNotes(a, b string) string {
	if a != "" && b != "" {
		return a + "；" + b
	}
	return a + b
}

// otherOffer proposes 其他资金 = 预算数 − 财政资金 when both are filled and
// the difference is not negative.
func (pf *projectForm) otherOffer() string {
	p := &pf.project
	if !p.Budget.IsSet() || !p.Fiscal.IsSet() || p.Other.IsSet() {
		return ""
	}
	d := p.Budget.Sub(p.Fiscal)
	if d.Units() < 0 {
		return ""
	}
	return d.String()
}

// sumNote shows a mismatch of 预算数 and 财政资金 + 其他资金.
func (pf *projectForm) sumNote() string {
	p := &pf.project
	if !p.Budget.IsSet() || !p.Fiscal.IsSet() {
		return ""
	}
	sum := p.Fiscal.Add(p.Other)
	if sum.Cmp(p.Budget) == 0 {
		return ""
	}
	return fmt.Sprintf("预算数 %s ≠ 财政资金 + 其他资金 %s", p.Budget, sum)
}

// planNote shows a plan that goes down or does not end at 100.
func (pf *projectForm) planNote() string {
	ms := pf.project.Plan.Months()
	var prev model.Percent
	for i, m := range ms {
		if !m.IsSet() {
			continue
		}
		if prev.IsSet() && m.Cmp(prev) < 0 {
			return fmt.Sprintf("%s %s 小于前一期 %s：计划是累计数，应逐期不减", model.PlanMonthNames[i], m, prev)
		}
		prev = m
	}
	if ms[3].IsSet() && !ms[3].IsHundred() {
		return "12月底应为 100.00"
	}
	return ""
}

func (pf *projectForm) Title() string {
	return "项目 " + projectLabel(pf.project)
}

func (pf *projectForm) Editing() bool { return true }
func (pf *projectForm) restyle()      { pf.form.restyle() }

func (pf *projectForm) SetSize(w, h int) {
	pf.form.SetSize(w, h)
}

func (pf *projectForm) View() string { return pf.form.View() }

// untouched reports whether the project is still as added: nothing filled
// in, no indicator.
func (pf *projectForm) untouched() bool {
	p := pf.Project()
	return model.Summarize(&p).Filled == 0 && len(p.Indicators) == 0
}

// Project returns a copy of the project as committed.
func (pf *projectForm) Project() model.Project { return cloneProject(pf.project) }

// CanLeave reports that no field holds uncommitted text (the walk-through
// leaves on esc only then).
func (pf *projectForm) CanLeave() bool { return !pf.form.Dirty() }

// syncProject takes a newer copy written by another screen (the grid) and
// keeps the field being typed in.
func (pf *projectForm) syncProject(p model.Project) {
	if p.ID != pf.project.ID {
		return
	}
	pf.project = p
	pf.form.SetValues(projectValues(&p))
	pf.hints()
}

func (pf *projectForm) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case findingsChangedMsg:
		if m.Key == pf.key {
			pf.syncFindings()
		}
		return nil
	case saveFailedMsg:
		if m.Origin.owner == pf {
			return pf.form.Reopen(m.Origin.field, m.Origin.text)
		}
		return nil
	case reloadedMsg:
		if m.Key == pf.key && m.Project != nil {
			pf.syncProject(*m.Project)
		}
		return nil
	case projectChangedMsg:
		if m.Key == pf.key {
			pf.syncProject(m.Project)
		}
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, pf.common.Keys.Form.NextFinding) {
		return pf.stepFinding(1)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, pf.common.Keys.Form.PrevFinding) {
		return pf.stepFinding(-1)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, pf.common.Keys.Form.Grid) {
		// The grid gets this copy, not a read that could overtake the
		// write of the field just committed.
		cmd := pf.commitMsg(pf.form.Flush())
		p := pf.changed().Project
		return tea.Batch(cmd, pf.common.post(openProjectMsg{Key: pf.key, ID: p.ID, View: viewGrid, Project: &p}))
	}
	if m, ok := msg.(tea.PasteMsg); ok {
		if cmd, ok := pf.pasteProject(m.Content); ok {
			return cmd
		}
	}
	cmd, res := pf.form.Update(msg)
	cmds := []tea.Cmd{cmd, pf.commitMsg(res.Committed)}
	if res.Reverted {
		// The copy holds the edit given up: show what is stored.
		cmds = append(cmds, pf.common.post(reloadMsg{Key: pf.key, ID: pf.project.ID}))
	}
	if res.Escaped || res.Submitted {
		if pf.added && pf.untouched() {
			// Dropped before the form closes, so the screens under it
			// hear of it.
			return tea.Batch(append(cmds, pf.common.post(deleteProjectMsg{Key: pf.key, ID: pf.project.ID}),
				pf.common.post(backMsg{}), pf.common.post(noteMsg{Text: "新项目未填写，未保留"}))...)
		}
		cmds = append(cmds, pf.common.post(backMsg{}), pf.common.post(focusProjectMsg{Key: pf.key, ID: pf.project.ID}))
	}
	return tea.Batch(cmds...)
}

// commitMsg applies committed field i and returns the write, or nil.
func (pf *projectForm) commitMsg(i int) tea.Cmd {
	if i < 0 {
		return nil
	}
	apply(&pf.project, i, pf.form.Value(i))
	pf.hints()
	m := pf.changed()
	m.Origin = &editOrigin{owner: pf, field: i, text: pf.form.Typed(i)}
	return pf.common.post(m)
}

func (pf *projectForm) changed() projectChangedMsg {
	return projectChangedMsg{Key: pf.key, Project: pf.Project()}
}

// Flush commits the field being typed in, for quitting.
func (pf *projectForm) Flush() { pf.commitMsg(pf.form.Flush()) }

func (pf *projectForm) ShortHelp() []key.Binding {
	km := pf.common.Keys
	return []key.Binding{km.Form.NextField, km.Form.PrevField, km.Form.Grid, km.Form.Cancel, km.Form.Commit}
}

func (pf *projectForm) FullHelp() [][]key.Binding {
	return pf.common.Keys.formHelp()
}

// projectLabel names a project for titles and the status line: its name,
// else its code.
func projectLabel(p model.Project) string {
	if p.Name != "" {
		return p.Name
	}
	if p.Code != "" {
		return p.Code
	}
	return "项目"
}
