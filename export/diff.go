package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"jixiao/model"
)

// DiffReport is a model.Diff with the names of its two sides, as `jixiao
// diff` and the diff screen show them: "315002/2020" for a stored document,
// "315002/2020@2026-11-30T10:00:00" for a snapshot.
type DiffReport struct {
	A, B string
	Diff *model.Diff
}

// diffKindLabels are the kinds' Chinese names.
var diffKindLabels = map[model.ChangeKind]string{
	model.KindPart1:          "第一部分变动",
	model.KindProjectAdded:   "新增项目",
	model.KindProjectRemoved: "删除项目",
	model.KindRenamed:        "项目改名",
	model.KindMoney:          "金额变动",
	model.KindPlan:           "支出计划变动",
	model.KindText:           "目标用途变动",
	model.KindRowAdded:       "新增指标",
	model.KindRowRemoved:     "删除指标",
	model.KindRowChanged:     "指标修改",
	model.KindValueChanged:   "指标值变动",
}

// DiffKindLabel returns the Chinese name of a change kind.
func DiffKindLabel(k model.ChangeKind) string {
	if l, ok := diffKindLabels[k]; ok {
		return l
	}
	return string(k)
}

var diffFieldLabels = map[string]string{
	"code": "项目编码", "name": "项目名称",
	"budget": "预算数", "fiscal": "财政资金", "other": "其他资金",
	"plan.mar": "3月底", "plan.jun": "6月底", "plan.oct": "10月底", "plan.dec": "12月底",
	"use": "资金用途", "goal": "绩效目标",
	"l1": "一级指标", "l2": "二级指标", "l3": "三级指标", "desc": "绩效指标描述", "value": "指标值", "basis": "指标值确定依据",
	"overall": "总体绩效目标",
}

// DiffFieldLabel returns the Chinese name of a FieldChange's field:
// "budget" is 预算数, "goals[2].indicator" is 分项绩效目标2·绩效指标.
func DiffFieldLabel(f string) string {
	if l, ok := diffFieldLabels[f]; ok {
		return l
	}
	list, rest, ok := strings.Cut(f, "[")
	n, part, ok2 := strings.Cut(rest, "].")
	if !ok || !ok2 {
		return f
	}
	switch list + "." + part {
	case "goals.goal":
		return "分项绩效目标" + n
	case "goals.indicator":
		return "分项绩效目标" + n + "·绩效指标"
	case "measures.title":
		return "工作保障措施" + n
	case "measures.content":
		return "工作保障措施" + n + "·内容"
	}
	return f
}

// ChangePlace says where a change is: the project (项目名称 and 项目编码)
// and the row, or 第一部分.
func ChangePlace(c *model.Change) string {
	if c.Kind == model.KindPart1 {
		return "第一部分"
	}
	s := c.ProjectName
	if c.ProjectCode != "" {
		s += "（" + c.ProjectCode + "）"
	}
	if c.Row > 0 {
		s += " 第" + strconv.Itoa(c.Row) + "行 " + c.RowName
	}
	return s
}

// FieldLine writes one field change as "预算数：4.64 → 5.00（+0.36）",
// "指标值：≥260件 → ≥300件", or the text alone for a row added or removed.
func FieldLine(k model.ChangeKind, f model.FieldChange) string {
	label := DiffFieldLabel(f.Field)
	switch {
	case k == model.KindRowAdded || k == model.KindRowRemoved:
		return label + "：" + f.Old + f.New
	case f.Delta != "":
		return label + "：" + blankAs(f.Old) + " → " + blankAs(f.New) + "（" + f.Delta + "）"
	}
	return label + "：" + blankAs(f.Old) + " → " + blankAs(f.New)
}

func blankAs(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// CountsLine writes "共 5 处变动：金额变动 1，…" with the kinds that occur,
// or "两份文件相同。".
func (r *DiffReport) CountsLine() string {
	if r.Diff.Same() {
		return "两份文件相同。"
	}
	counts := r.Diff.Counts()
	var parts []string
	for _, k := range model.DiffKinds {
		if counts[k] > 0 {
			parts = append(parts, DiffKindLabel(k)+" "+strconv.Itoa(counts[k]))
		}
	}
	return "共 " + strconv.Itoa(len(r.Diff.Changes)) + " 处变动：" + strings.Join(parts, "，") + "。"
}

// Markdown writes the report for an email: a title naming both sides, the
// counts as a table, then one table per project (and one for Part 1) with
// a row per changed field. User text is escaped as in the document export.
func (r *DiffReport) Markdown(w io.Writer) error {
	m := &mdWriter{w: bufio.NewWriterSize(w, 64<<10)}
	m.heading(1, "变动对比："+r.A+" → "+r.B)
	m.paragraph(r.CountsLine())
	if !r.Diff.Same() {
		counts := r.Diff.Counts()
		var kinds []model.ChangeKind
		for _, k := range model.DiffKinds {
			if counts[k] > 0 {
				kinds = append(kinds, k)
			}
		}
		m.table([]string{"变动", "处数"}, []bool{false, true}, len(kinds), func(i, c int) string {
			if c == 0 {
				return DiffKindLabel(kinds[i])
			}
			return strconv.Itoa(counts[kinds[i]])
		})
	}
	for _, g := range groupChanges(r.Diff.Changes) {
		m.heading(2, g.title)
		type line struct{ kind, place, field, old, new, delta string }
		var lines []line
		for _, c := range g.changes {
			place := ""
			if c.Row > 0 {
				place = "第" + strconv.Itoa(c.Row) + "行 " + c.RowName
			}
			if len(c.Fields) == 0 {
				lines = append(lines, line{kind: DiffKindLabel(c.Kind), place: place})
			}
			// The kind and place head a change's first line only.
			kind := DiffKindLabel(c.Kind)
			for _, f := range c.Fields {
				lines = append(lines, line{kind, place, DiffFieldLabel(f.Field), f.Old, f.New, f.Delta})
				kind, place = "", ""
			}
		}
		m.table([]string{"变动", "位置", "项目", "原", "现", "差额"}, []bool{false, false, false, false, false, true}, len(lines), func(i, c int) string {
			l := lines[i]
			return [...]string{l.kind, l.place, l.field, l.old, l.new, l.delta}[c]
		})
	}
	return m.w.Flush()
}

// changeGroup is the changes of one project (or of Part 1), in order.
type changeGroup struct {
	title   string
	changes []*model.Change
}

// groupChanges groups consecutive changes of the same project; Compare
// emits each project's changes together.
func groupChanges(cs []model.Change) []changeGroup {
	var gs []changeGroup
	for i := range cs {
		c := &cs[i]
		title := "第一部分"
		if c.Kind != model.KindPart1 {
			title = c.ProjectName
			if c.ProjectCode != "" {
				title += "（" + c.ProjectCode + "）"
			}
		}
		if n := len(gs); n > 0 && gs[n-1].title == title && c.Kind != model.KindProjectAdded && c.Kind != model.KindProjectRemoved &&
			gs[n-1].changes[0].Kind != model.KindProjectRemoved {
			gs[n-1].changes = append(gs[n-1].changes, c)
			continue
		}
		gs = append(gs, changeGroup{title: title, changes: []*model.Change{c}})
	}
	return gs
}

// Paint colours a line of the text report by the kind of change it is
// about; nil writes plain text.
type Paint func(k model.ChangeKind, s string) string

// Text writes the report for a terminal: the counts, then each project's
// changes indented under its name. Every user text is made one safe line
// (OneLine). paint, when not nil, colours each change's line.
func (r *DiffReport) Text(w io.Writer, paint Paint) error {
	bw := bufio.NewWriter(w)
	if paint == nil {
		paint = func(_ model.ChangeKind, s string) string { return s }
	}
	fmt.Fprintf(bw, "%s → %s\n%s\n", OneLine(r.A), OneLine(r.B), r.CountsLine())
	for _, g := range groupChanges(r.Diff.Changes) {
		fmt.Fprintf(bw, "\n%s\n", OneLine(g.title))
		for _, c := range g.changes {
			head := "  " + DiffKindLabel(c.Kind)
			if c.Row > 0 {
				head += "  第" + strconv.Itoa(c.Row) + "行 " + OneLine(c.RowName)
			}
			fmt.Fprintln(bw, paint(c.Kind, head))
			for _, f := range c.Fields {
				fmt.Fprintln(bw, "      "+OneLine(FieldLine(c.Kind, f)))
			}
		}
	}
	return bw.Flush()
}

// JSON writes the report for scripts:
//
//	{"a", "b", "same", "counts": {kind: n}, "changes": [{"kind",
//	 "project_code", "project_name", "row", "row_name", "fields": [{"field",
//	 "old", "new", "delta"}]}]}
//
// Kinds and fields are the stable ids of model.ChangeKind and
// model.FieldChange; every kind is in counts, 0 included.
func (r *DiffReport) JSON(w io.Writer) error {
	v := struct {
		A       string                   `json:"a"`
		B       string                   `json:"b"`
		Same    bool                     `json:"same"`
		Counts  map[model.ChangeKind]int `json:"counts"`
		Changes []model.Change           `json:"changes"`
	}{r.A, r.B, r.Diff.Same(), r.Diff.Counts(), r.Diff.Changes}
	if v.Changes == nil {
		v.Changes = []model.Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
