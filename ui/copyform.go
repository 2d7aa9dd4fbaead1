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

// copyForm copies a document forward (c on the home list): the copy's
// 年度, 单位编码 and 单位名称, then a preview of what the copy holds and of
// the rows the 101号 layout moves, confirmed with y (in the new layout) or
// k (rows as they are). The copy is stored after a backup of the file,
// never over an existing document, and then opened.
type copyForm struct {
	common *Common
	from   model.DocKey
	form   *Form

	// plan is the copy worked out from the stored source, shown for
	// confirmation; nil while the form is being filled.
	plan       *model.Document
	moves      []model.LayoutMove
	first      int // first move shown
	width, hgt int
}

// The copyForm's fields, in order.
const (
	cfYear = iota
	cfCode
	cfName
)

func newCopyForm(c *Common, from model.DocKey, unitName string) *copyForm {
	f := &copyForm{common: c, from: from, form: newForm(c, []*formField{
		{Label: "新年度", Kind: kindYear, Required: true},
		{Label: "单位编码", Required: true},
		{Label: "单位名称"},
	})}
	f.form.SetValues([]string{strconv.Itoa(from.Year + 1), from.UnitCode, unitName})
	return f
}

func (f *copyForm) restyle()      { f.form.restyle() }
func (f *copyForm) Title() string { return "复制文本 " + f.from.String() }

// Editing is true while the form has the keys; the preview takes y, k
// and esc itself.
func (f *copyForm) Editing() bool { return f.plan == nil }
func (f *copyForm) SetSize(w, h int) {
	f.width, f.hgt = w, h
	f.form.SetSize(w, h-4)
}

func (f *copyForm) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case copyPlannedMsg:
		return f.planned(m)
	case saveFailedMsg:
		if m.Origin.owner == f {
			return f.failed(m.Err)
		}
		return nil
	}
	if f.plan != nil {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			return f.previewKey(k)
		}
		return nil
	}
	cmd, res := f.form.Update(msg)
	switch {
	case res.Escaped:
		return msgCmd(backMsg{})
	case res.Submitted:
		return tea.Batch(cmd, f.submit())
	}
	return cmd
}

// submit asks for the copy to be worked out once the fields are filled.
func (f *copyForm) submit() tea.Cmd {
	if cmd, missing := f.form.FocusMissing(); missing {
		return cmd
	}
	year, _ := strconv.Atoi(f.form.Value(cfYear))
	to := model.DocKey{UnitCode: f.form.Value(cfCode), Year: year}
	if to == f.from {
		cmd := f.form.Focus(cfYear)
		f.form.SetError(cfYear, "与原文档相同：请换一个年度或单位编码")
		return cmd
	}
	return f.common.post(planCopyMsg{From: f.from, To: to, UnitName: f.form.Value(cfName)})
}

// planned shows the copy worked out, or the reason there is none.
func (f *copyForm) planned(m copyPlannedMsg) tea.Cmd {
	if m.Err != nil {
		return msgCmd(errMsg{What: "读取 " + f.from.String(), Err: m.Err})
	}
	f.plan, f.moves, f.first = m.Copy, m.Moves, 0
	return nil
}

// previewKey: y copies (in the 101号 layout when rows move), k copies the
// rows as they are, esc goes back to the fields, ↑/↓ scroll the moves.
func (f *copyForm) previewKey(k tea.KeyPressMsg) tea.Cmd {
	km := f.common.Keys
	switch {
	case key.Matches(k, km.Global.Yes):
		doc := f.plan
		model.ApplyLayout(doc, f.moves)
		doc.Layout = model.Layout101 // as jixiao copy does: the rules judge the rows by it
		return f.store(doc)
	case key.Matches(k, km.Home.KeepLayout) && len(f.moves) > 0:
		return f.store(f.plan)
	case key.Matches(k, km.Global.Back), key.Matches(k, km.Global.No):
		f.plan, f.moves = nil, nil
		return f.form.Focus(cfYear)
	case key.Matches(k, km.List.Down):
		f.first = min(f.first+1, max(len(f.moves)-1, 0))
	case key.Matches(k, km.List.Up):
		f.first = max(f.first-1, 0)
	}
	return nil
}

// store posts the copy; the preview stays until it is stored (then the
// new document opens) or fails (then the fields show why).
func (f *copyForm) store(doc *model.Document) tea.Cmd {
	f.plan, f.moves = nil, nil
	return f.common.post(copyDocMsg{Doc: doc, Origin: &editOrigin{owner: f, field: cfYear}})
}

// failed shows why the copy was not stored under the 年度 field.
func (f *copyForm) failed(err error) tea.Cmd {
	cmd := f.form.Focus(cfYear)
	msg := describeErr(err)
	if errors.Is(err, store.ErrExists) {
		msg = "这个单位这一年度已经有文本，没有复制（原有的没有改动）"
	}
	f.form.SetError(cfYear, msg)
	return cmd
}

func (f *copyForm) View() string {
	st := f.common.Styles
	if f.plan == nil {
		fk := f.common.Keys.Form
		hint := fmt.Sprintf("把 %s 复制为新的草案：填好后按 %s（或在最后一栏按%s）预览；%s 返回。",
			safe(f.from.String()), fk.Submit.Help().Key, keyName(fk.Commit), fk.Cancel.Help().Key)
		lines := append([]string{st.Muted.Render(hint), ""}, splitLines(f.form.View())...)
		return box(lines, f.width, f.hgt)
	}
	t := f.plan.Totals()
	km := f.common.Keys
	lines := []string{
		st.Heading.Render(fmt.Sprintf("复制 %s → %s %s（%s）", safe(f.from.String()), safe(f.plan.Key().String()), safe(f.plan.UnitName), f.plan.Status)),
		fmt.Sprintf("第一部分和 %d 个项目（%d 行指标，预算数 %s 万元）全部复制。", t.Projects, t.Indicators, t.Budget),
		"原文档不变；复制前先备份数据库。",
		"",
	}
	foot := fmt.Sprintf("%s 复制　%s 返回修改", keyName(km.Global.Yes), keyName(km.Global.Back))
	if len(f.moves) > 0 {
		lines = append(lines, st.Prompt.Render("原文档用的是旧的指标体系。"),
			st.Prompt.Render(fmt.Sprintf("按财预〔2021〕101号，复制时将移动 %d 行的一级/二级指标：", len(f.moves))))
		room := max(f.hgt-len(lines)-2, 1)
		first := window(f.first, f.first, len(f.moves), room) // View does not keep it
		for _, m := range f.moves[first:min(len(f.moves), first+room)] {
			to := m.ToL1 + "/" + m.ToL2
			if m.ToL2 == "" {
				to = m.ToL1 + "/（二级待选）"
			}
			lines = append(lines, fmt.Sprintf("  %s/%s → %s　%s 第 %d 行 %s", safe(m.FromL1), safe(m.FromL2), safe(to), safe(m.Name), m.Row+1, safe(m.IndicatorL3)))
		}
		foot = fmt.Sprintf("%s 复制并调整　%s 按原样复制　↑/↓ 滚动　%s 返回修改", keyName(km.Global.Yes), keyName(km.Home.KeepLayout), keyName(km.Global.Back))
	}
	if f.hgt < 2 {
		return box(lines, f.width, f.hgt)
	}
	for len(lines) < f.hgt-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:f.hgt-1], st.Prompt.Render(foot))
	return box(lines, f.width, f.hgt)
}

func (f *copyForm) ShortHelp() []key.Binding {
	km := f.common.Keys
	if f.plan != nil {
		if len(f.moves) > 0 {
			return []key.Binding{km.Global.Yes, km.Home.KeepLayout, km.Global.Back}
		}
		return []key.Binding{km.Global.Yes, km.Global.Back}
	}
	return append(f.form.Help(), km.Form.Submit)
}

func (f *copyForm) FullHelp() [][]key.Binding {
	if f.plan != nil {
		return f.common.Keys.copyHelp()
	}
	return [][]key.Binding{f.ShortHelp()}
}
