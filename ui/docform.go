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

// docForm is the new-document form: 单位编码, 单位名称, 年度, 编制单位,
// 审核单位. ctrl+s, or enter in the last field, creates the document.
type docForm struct {
	common *Common
	form   *Form
}

// The docForm's fields, in order.
const (
	dfCode = iota
	dfName
	dfYear
	dfCompiler
	dfReviewer
)

func newDocForm(c *Common) *docForm {
	return &docForm{common: c, form: newForm(c, []*formField{
		{Label: "单位编码", Required: true},
		{Label: "单位名称", Required: true},
		{Label: "年度", Kind: kindYear, Required: true},
		{Label: "编制单位"},
		{Label: "审核单位"},
	})}
}

func (d *docForm) restyle()         { d.form.restyle() }
func (d *docForm) Title() string    { return "新建文本" }
func (d *docForm) Editing() bool    { return true }
func (d *docForm) SetSize(w, h int) { d.form.SetSize(w, h-2) }
func (d *docForm) View() string {
	st := d.common.Styles
	fk := d.common.Keys.Form
	hint := fmt.Sprintf("填写后按 %s（或在最后一栏按%s）创建；%s 返回。", fk.Submit.Help().Key, keyName(fk.Commit), fk.Cancel.Help().Key)
	lines := append([]string{st.Muted.Render(hint), ""}, splitLines(d.form.View())...)
	return box(lines, d.form.width, d.form.height+2)
}

func (d *docForm) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(saveFailedMsg); ok {
		if m.Origin.owner == d {
			return d.failed(m.Err)
		}
		return nil
	}
	cmd, res := d.form.Update(msg)
	switch {
	case res.Escaped:
		return d.common.post(backMsg{})
	case res.Submitted:
		return tea.Batch(cmd, d.submit())
	}
	return cmd
}

// failed keeps the form open with everything typed after the document
// could not be created; ctrl+s tries again. When the key is the reason,
// the cursor goes to 单位编码 with the reason under it.
func (d *docForm) failed(err error) tea.Cmd {
	if !errors.Is(err, store.ErrExists) && !errors.Is(err, store.ErrInvalidKey) {
		return nil
	}
	if d.form.Dirty() {
		return nil
	}
	cmd := d.form.Focus(dfCode)
	d.form.SetError(dfCode, describeErr(err))
	return cmd
}

// submit creates the document if every required field is filled, else
// moves to the first one missing.
func (d *docForm) submit() tea.Cmd {
	if cmd, missing := d.form.FocusMissing(); missing {
		return cmd
	}
	year, _ := strconv.Atoi(d.form.Value(dfYear))
	name := d.form.Value(dfName)
	return d.common.post(createDocMsg{Origin: &editOrigin{owner: d, field: d.form.Focused()}, Doc: model.Document{
		UnitCode: d.form.Value(dfCode),
		UnitName: name,
		Year:     year,
		Title:    fmt.Sprintf("%s %d 年部门预算绩效文本", name, year),
		Compiler: d.form.Value(dfCompiler),
		Reviewer: d.form.Value(dfReviewer),
	}})
}

func (d *docForm) ShortHelp() []key.Binding {
	return append(d.form.Help(), d.common.Keys.Form.Submit)
}

func (d *docForm) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
