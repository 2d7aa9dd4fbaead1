package ui

import (
	"fmt"
	"strconv"

	"jixiao/model"
)

// headerLines is the header's height: title, totals, 指标体系.
const headerLines = 3

// listHeight leaves the header, the table's title row and the filter's
// line.
func (d *document) listHeight() int { return max(1, d.height-headerLines-2) }

// position is the filter line's "项目 12/60" (or 第一部分).
func (d *document) position() string {
	n, at := 0, -1
	for j, r := range d.shown {
		if r >= 3 {
			if j == d.cur {
				at = n
			}
			n++
		}
	}
	if at < 0 && d.row() >= 0 {
		return "第一部分 · 项目 " + strconv.Itoa(n)
	}
	return "项目 " + position(at, n, len(d.projects))
}

// Widths of the project list's columns, in display columns.
const (
	docCodeW  = 20
	docMoneyW = 10
	docCountW = 4
	docDoneW  = 12
	docIssueW = 11
	docRevW   = 6
)

func (d *document) View() string {
	st := d.common.Styles
	if d.doc == nil {
		msg := "正在读取…"
		if d.err != nil {
			msg = "读取失败：" + describeErr(d.err)
		}
		return box([]string{st.Muted.Render(msg)}, d.width, d.height)
	}
	t := d.totals
	dr := d.common.Reviews.doc(d.key)
	issues := st.Muted.Render("  问题 " + notChecked)
	switch {
	case dr.loaded():
		issues = "  问题 " + d.issues(dr, "")
	case dr != nil && dr.err != nil:
		// Damaged projects are reported when opened; here only why
		// there are no counts.
		issues = st.Warning.Render("  问题 无法检查：" + describeErr(dr.err))
	}
	lines := []string{
		st.Heading.Render(fmt.Sprintf("%s  %d 年  %s", safe(d.doc.UnitName), d.doc.Year, safe(string(d.doc.Status)))) + st.Muted.Render("  "+safe(d.key.String())) + issues +
			"  " + model.ReviewCountsOf(d.projects).String(),
		fmt.Sprintf("预算数 %s  财政资金 %s  其他资金 %s（万元）  项目 %d  指标 %d",
			orZero(t.Budget), orZero(t.Fiscal), orZero(t.Other), t.Projects, t.Indicators),
		st.Muted.Render("指标体系 ") + layoutName(d.doc.Layout, dr) + st.Muted.Render("  "+d.common.Keys.Doc.Layout.Help().Key+" 切换  "+hintLine("", d.common.Keys.Doc.Header)),
	}
	// Narrow terminals drop the progress bar and two columns of 项目编码
	// (codes are 17–18 wide) to make room for 问题数.
	// They show the 审核状态 as a mark: ✓ 已审核, 改 需修改.
	codeW, doneW, barW, revW := docCodeW, docDoneW, 6, docRevW
	if d.width < 100 {
		codeW, doneW, barW, revW = docCodeW-2, 4, 0, 2
	}
	nameW := max(8, d.width-codeW-docMoneyW-docCountW-doneW-docIssueW-revW-8)
	row := func(code, name, money, count, done, issue, review string) string {
		return fit(code, codeW) + " " + fit(name, nameW) + " " + fitRight(money, docMoneyW) + " " +
			fitRight(count, docCountW) + "  " + fit(done, doneW) + " " + fit(issue, docIssueW) + " " + fit(review, revW)
	}
	revHead := "审核"
	if revW < docRevW {
		revHead = "审"
	}
	lines = append(lines, st.Header.Render(row("项目编码", "项目名称 / 第一部分", "预算数", "指标", "完成", "问题数", revHead)))
	h := d.listHeight()
	if d.confirm {
		h--
	}
	d.first = window(d.first, d.cur, len(d.shown), h)
	if len(d.shown) == 0 {
		lines = append(lines, st.Muted.Render("没有匹配的项目"))
	}
	for j := d.first; j < len(d.shown) && j < d.first+h; j++ {
		r := d.shown[j]
		var line string
		if r < 3 {
			label := ""
			if r == 0 {
				label = "第一部分"
			}
			line = row(label, part1Names[r]+"  "+st.Muted.Render(d.part1Preview(part1Section(r))), "", "", "", "", "")
		} else {
			p := d.projects[r-3]
			done := fmt.Sprintf("%3d%%", percentOf(p.Filled, p.Fields))
			if barW > 0 {
				done += " " + bar(st, p.Filled, p.Fields, barW)
			}
			review := st.Muted.Render(p.Review.String())
			switch {
			case revW < docRevW:
				review = reviewMark(st, p.Review)
			case p.Review != model.ReviewPending:
				review = reviewBadge(st, p.Review, "")
			}
			line = row(safe(p.Code), fitMiddle(safe(p.Name), nameW), p.Budget.String(), strconv.Itoa(p.Indicators), done, d.issues(dr, p.ID), review)
		}
		if j == d.cur {
			line = st.Selected.Render(fit(stripped(line), d.width))
		}
		lines = append(lines, line)
	}
	for len(lines) < headerLines+1+h {
		lines = append(lines, "")
	}
	lines = append(lines, d.filter.line(st, d.position(), d.width))
	if d.confirm {
		p := d.projects[d.project()]
		lines = append(lines, st.Prompt.Render(fmt.Sprintf("删除项目 %s %s 及其 %d 条指标？%s", safe(p.Code), safe(p.Name), p.Indicators, d.common.Keys.confirmHint())))
	}
	return box(lines, d.width, d.height)
}

// layoutName is the document's 指标体系 as the header shows it: the one
// set on it, or the one the review detected from its rows (自动).
func layoutName(set model.Layout, dr *docReview) string {
	switch {
	case set != model.LayoutAuto:
		return set.Label()
	case !dr.loaded():
		return "自动识别"
	case dr.layoutMixed:
		return "自动识别：" + dr.layout.Label() + "，两种格式混用"
	}
	return "自动识别：" + dr.layout.Label()
}

// issues is a project's 问题数 cell, coloured by its worst finding.
func (d *document) issues(dr *docReview, id string) string {
	if !dr.loaded() {
		return d.common.Styles.Muted.Render(notChecked)
	}
	c := dr.counts[id]
	if id == "" {
		c = dr.total
	}
	switch {
	case c.Errors > 0:
		return d.common.Styles.Error.Render(c.String())
	case c.Warnings > 0:
		return d.common.Styles.Warning.Render(c.String())
	}
	return d.common.Styles.Good.Render(c.String())
}

// part1Preview is the muted summary beside a Part 1 entry.
func (d *document) part1Preview(s part1Section) string {
	switch s {
	case secOverall:
		if d.doc.Overall == "" {
			return "（未填）"
		}
		return safe(oneLine(clip(d.doc.Overall, safeWidth)))
	case secGoals:
		return fmt.Sprintf("%d 项", len(d.doc.Goals))
	}
	return fmt.Sprintf("%d 项", len(d.doc.Measures))
}

func percentOf(done, total int) int {
	if total == 0 {
		return 0
	}
	return done * 100 / total
}

// orZero shows an unset total as 0.00.
func orZero(m model.Money) string {
	if !m.IsSet() {
		return "0.00"
	}
	return m.String()
}
