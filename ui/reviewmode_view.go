package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// Layout: four lines of the project's form, the rows, then the findings
// and notes (or the note editor).
const reviewHeadLines = 5

// split returns the heights of the rows' table (with its header) and of
// the panel below it (with its title).
func (r *reviewMode) split(rows int) (table, panel int) {
	rest := max(r.height-reviewHeadLines, 2)
	if r.askCancel || r.askFinal || r.note != "" {
		rest--
	}
	table = min(rows+1, max(3, rest/2))
	return table, max(rest-table, 1)
}

func (r *reviewMode) sizeEditor() {
	_, panel := r.split(1 << 20)
	r.editor.SetWidth(max(r.width-2, 4))
	r.editor.SetHeight(max(panel-2, 1))
}

func (r *reviewMode) View() string {
	st := r.common.Styles
	dr, i := r.project()
	if i < 0 {
		msg := "正在检查…"
		if dr.loaded() {
			msg = "这份文本还没有项目。"
		} else if dr != nil && dr.err != nil {
			msg = "无法读取：" + describeErr(dr.err)
		}
		return box([]string{st.Muted.Render(msg)}, r.width, r.height)
	}
	p := &dr.doc.Projects[i]
	counts := dr.doc.ReviewCounts()
	docState := st.Muted.Render(string(r.status))
	if r.status == model.StatusFinal {
		docState = st.Good.Render(string(r.status))
	}
	right := "  " + st.Muted.Render(counts.String()) + "  " + docState
	left := st.Heading.Render(fmt.Sprintf("项目 %d/%d ", i+1, len(dr.doc.Projects))) + safe(p.Code) + " " + st.Heading.Render(safe(p.Name))
	badge := reviewBadge(st, p.Review.Status, "  ")
	if p.Review.Status == model.ReviewPending {
		badge = "  " + st.Muted.Render(p.Review.Status.String())
	}
	left += badge
	lines := []string{
		fit(left, max(r.width-ansi.StringWidth(right), 10)) + right,
		fmt.Sprintf("预算数 %s = 财政资金 %s + 其他资金 %s（万元）  支出计划 %s",
			orZero(p.Budget), orZero(p.Fiscal), orZero(p.Other), planText(p.Plan)),
		st.Muted.Render("资金用途：") + safe(oneLine(clip(p.Use, safeWidth))),
		st.Muted.Render("绩效目标：") + safe(oneLine(clip(p.Goal, safeWidth))),
		"",
	}
	table, panel := r.split(len(p.Indicators))
	lines = append(lines, r.rows(dr, p, table)...)
	for len(lines) < reviewHeadLines+table {
		lines = append(lines, "")
	}
	if r.editing {
		lines = append(lines, r.editorView(p, panel)...)
	} else {
		lines = append(lines, r.panel(dr, p, panel)...)
	}
	for len(lines) < r.height-1 {
		lines = append(lines, "")
	}
	switch {
	case r.askCancel:
		lines = append(lines[:r.height-1], st.Prompt.Render("放弃修改的意见？"+r.common.Keys.confirmHint()))
	case r.askFinal:
		lines = append(lines[:r.height-1], st.Prompt.Render(fmt.Sprintf("还有 %d 个项目不是已审核（%s），仍设为定稿？%s",
			counts.Projects-counts.Approved, counts, r.common.Keys.confirmHint())))
	case r.note != "":
		lines = append(lines[:r.height-1], st.Warning.Render(r.note))
	}
	return box(lines, r.width, r.height)
}

// Widths of the rows' fixed columns.
const (
	revNumW   = 3
	revL1W    = 10
	revL2W    = 12
	revValueW = 12
	revMarkW  = 3
)

// rows draws the indicator rows, h lines with the header, the cursor's
// row highlighted, finding and note marks at the end.
func (r *reviewMode) rows(dr *docReview, p *model.Project, h int) []string {
	st := r.common.Styles
	if len(p.Indicators) == 0 {
		return []string{st.Muted.Render("（没有指标行）")}
	}
	flex := max(r.width-revNumW-revL1W-revL2W-revValueW-revMarkW-7, 12)
	l3W := flex * 4 / 10
	descW := flex * 3 / 10
	basisW := flex - l3W - descW
	line := func(num, l1, l2, l3, desc, value, basis, mark string) string {
		return fitRight(num, revNumW) + " " + fit(l1, revL1W) + " " + fit(l2, revL2W) + " " + fit(l3, l3W) + " " +
			fit(desc, descW) + " " + fit(value, revValueW) + " " + fit(basis, basisW) + " " + mark
	}
	out := []string{st.Header.Render(line("", "一级指标", "二级指标", "三级指标", "描述", "指标值", "依据", "   "))}
	marks := rowMarks(dr.byID[p.ID])
	rows := h - 1
	r.first = window(r.first, r.row, len(p.Indicators), rows)
	for k := r.first; k < len(p.Indicators) && k < r.first+rows; k++ {
		in := &p.Indicators[k]
		mark := "  "
		switch marks[k] {
		case model.SeverityError:
			mark = st.Error.Render(severityMark(model.SeverityError)) + " "
		case model.SeverityWarning:
			mark = st.Warning.Render(severityMark(model.SeverityWarning)) + " "
		}
		if strings.TrimSpace(in.Note) != "" {
			mark = mark[:len(mark)-1] + st.Note.Render("✎")
		}
		cell := func(s string) string { return safe(oneLine(clip(s, safeWidth))) }
		l := line(strconv.Itoa(k+1), cell(in.L1), cell(in.L2), cell(in.L3), cell(in.Desc), cell(in.Value), cell(in.Basis), mark)
		if k == r.row {
			l = st.Selected.Render(fit(stripped(l), r.width))
		}
		out = append(out, l)
	}
	return out
}

// rowMarks is the worst severity of each row's findings.
func rowMarks(fs []model.Finding) map[int]model.Severity {
	m := map[int]model.Severity{}
	for i := range fs {
		if fs[i].Row >= 0 && fs[i].Severity > m[fs[i].Row] {
			m[fs[i].Row] = fs[i].Severity
		}
	}
	return m
}

// panel draws the project's findings and notes in h lines: the project's
// note first, then the findings with each row's note beside them.
func (r *reviewMode) panel(dr *docReview, p *model.Project, h int) []string {
	st := r.common.Styles
	items := projectItems(p, dr.byID[p.ID])
	c := countOf(dr.byID[p.ID])
	title := st.Heading.Render("审核问题与意见") + "  " + st.Muted.Render(c.String())
	if n := p.Notes(); n > 0 {
		title += st.Muted.Render(fmt.Sprintf("，意见 %d 条", n))
	}
	out := []string{title}
	if strings.TrimSpace(p.Review.Note) == "" {
		out = append(out, st.Muted.Render("（没有项目意见，"+keyName(r.common.Keys.Review.Note)+" 填写）"))
	}
	w := max(r.width-4, 10)
	for _, it := range items {
		if it.isNote() {
			lead := st.Note.Render("✎") + " "
			if it.Row >= 0 && it.Row == r.row {
				lead = st.Note.Render("✎▸")
			}
			for k, l := range wrapNote(notePlace(it.Row)+"意见："+it.Note, w) {
				if k == 0 {
					out = append(out, lead+l)
				} else {
					out = append(out, "  "+l)
				}
			}
			continue
		}
		f := it.Finding
		sev := st.Warning
		if f.Severity == model.SeverityError {
			sev = st.Error
		}
		text := findingPlace(f) + "：" + safe(oneLine(f.Message))
		if f.Suggestion != "" {
			text += st.Muted.Render("（" + safe(oneLine(f.Suggestion)) + "）")
		}
		out = append(out, sev.Render(severityMark(f.Severity))+" "+text)
	}
	if len(out) > h {
		out = append(out[:h-1], st.Muted.Render(fmt.Sprintf("…（另有 %d 行，v 查看全部）", len(out)-h+1)))
	}
	return out
}

// editorView draws the note editor in h lines: what is edited, the text
// area, and its keys.
func (r *reviewMode) editorView(p *model.Project, h int) []string {
	st := r.common.Styles
	what := "项目意见 · " + safe(projectLabel(*p))
	if r.editRow >= 0 && r.editRow < len(p.Indicators) {
		what = fmt.Sprintf("第 %d 行意见 · %s", r.editRow+1, safe(oneLine(p.Indicators[r.editRow].L3)))
	}
	if r.unsaved {
		what += "  " + st.Error.Render("未保存")
	}
	g := r.common.Keys.Grid
	out := []string{st.Heading.Render(what)}
	out = append(out, splitLines(sanitizeView(r.editor.View()))...)
	if len(out) > h-1 {
		out = out[:max(h-1, 1)]
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, st.Muted.Render(hintLine("  ", g.Commit, g.Newline, g.Cancel)))
}

// wrapNote breaks a note into lines of w columns, its own line breaks
// kept, each line made safe to draw.
func wrapNote(s string, w int) []string {
	var out []string
	for line := range strings.SplitSeq(strings.TrimRight(s, "\n"), "\n") {
		line = safe(strings.TrimRight(line, "\r"))
		out = append(out, splitLines(ansi.Wrap(line, max(w, 4), ""))...)
		if line == "" {
			out = append(out, "")
		}
	}
	return out
}

// reviewBadge is a project's 审核状态 coloured, with sep before it; ""
// for 未审核, which the lists leave blank.
func reviewBadge(st *Styles, s model.ReviewStatus, sep string) string {
	switch s {
	case model.ReviewApproved:
		return sep + st.Good.Render(s.String())
	case model.ReviewChanges:
		return sep + st.Warning.Render(s.String())
	}
	return ""
}

// reviewMark is a 审核状态 in two columns, for narrow lists: ✓ 已审核,
// 改 需修改, blank 未审核.
func reviewMark(st *Styles, s model.ReviewStatus) string {
	switch s {
	case model.ReviewApproved:
		return st.Good.Render("✓")
	case model.ReviewChanges:
		return st.Warning.Render("改")
	}
	return ""
}

// planText is a plan as 20/40/60/100%.
func planText(p model.Plan) string {
	ms := p.Months()
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strings.TrimSuffix(m.String(), ".00")
		if parts[i] == "" {
			parts[i] = "—"
		}
	}
	return strings.Join(parts, "/") + "%"
}
