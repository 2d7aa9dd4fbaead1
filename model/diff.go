package model

import (
	"strconv"
	"strings"
)

// ChangeKind is what a Change says happened. The kinds are stable ids,
// written as they are in `jixiao diff --format json`.
type ChangeKind string

// The change kinds. A project pair that differs gives at most one Change of
// each of KindRenamed, KindMoney, KindPlan, KindText, and one per indicator
// row that differs, so a count of changes is a count of things a reviewer
// reads.
const (
	KindPart1          ChangeKind = "part1"           // 总体绩效目标, a 分项绩效目标 or a 工作保障措施
	KindProjectAdded   ChangeKind = "project_added"   // in B only
	KindProjectRemoved ChangeKind = "project_removed" // in A only
	KindRenamed        ChangeKind = "project_renamed" // 项目名称 or 项目编码 changed
	KindMoney          ChangeKind = "money"           // 预算数, 财政资金 or 其他资金 changed
	KindPlan           ChangeKind = "plan"            // 资金支出计划 changed
	KindText           ChangeKind = "text"            // 绩效目标 or 资金用途 changed
	KindRowAdded       ChangeKind = "row_added"
	KindRowRemoved     ChangeKind = "row_removed"
	KindRowChanged     ChangeKind = "row_changed"   // a row's names, 描述 or 依据 changed (its value too, maybe)
	KindValueChanged   ChangeKind = "value_changed" // only the 指标值 changed, e.g. ≥260件 → ≥300件
)

// DiffKinds lists the kinds in the order reports count them.
var DiffKinds = []ChangeKind{
	KindPart1, KindProjectAdded, KindProjectRemoved, KindRenamed, KindMoney, KindPlan, KindText,
	KindRowAdded, KindRowRemoved, KindRowChanged, KindValueChanged,
}

// FieldChange is one field's old and new text. Delta is set for amounts:
// new − old, signed, exact ("+2.00", "-0.5000" never: see Money.String).
type FieldChange struct {
	Field string `json:"field"` // a Field* id (name, budget, plan.mar, value …), or overall, goals[2].goal, measures[1].content
	Old   string `json:"old"`
	New   string `json:"new"`
	Delta string `json:"delta,omitempty"`
}

// Change is one difference between two documents. Project fields name the
// project as it is in B (in A for a removed one); Row is the indicator row
// counted from 1 in B (in A for a removed row), 0 for a project-level
// change. ProjectID is B's internal ID, for jumping to it; it is not
// exported.
type Change struct {
	Kind        ChangeKind    `json:"kind"`
	ProjectID   string        `json:"-"`
	ProjectCode string        `json:"project_code,omitempty"`
	ProjectName string        `json:"project_name,omitempty"`
	Row         int           `json:"row,omitempty"`
	RowName     string        `json:"row_name,omitempty"` // 一级/二级/三级
	Fields      []FieldChange `json:"fields,omitempty"`
}

// Diff is what changed from document A (older: last year, or as sent) to
// document B (newer). Changes are in B's order: Part 1 first, then each of
// B's projects with its rows, then the projects only A has.
type Diff struct {
	Changes []Change `json:"changes"`
}

// Count returns how many changes are of kind k.
func (d *Diff) Count(k ChangeKind) int {
	n := 0
	for i := range d.Changes {
		if d.Changes[i].Kind == k {
			n++
		}
	}
	return n
}

// Counts returns the number of changes of each kind.
func (d *Diff) Counts() map[ChangeKind]int {
	m := make(map[ChangeKind]int, len(DiffKinds))
	for _, k := range DiffKinds {
		m[k] = 0
	}
	for i := range d.Changes {
		m[d.Changes[i].Kind]++
	}
	return m
}

// Same reports whether the documents do not differ.
func (d *Diff) Same() bool { return len(d.Changes) == 0 }

// Compare returns what changed from a to b. Projects are paired by 项目编码
// (when unique on both sides), then by 项目名称; indicator rows of a pair by
// 一级+二级+三级 (in order among equal names), then by position. Amounts
// are compared exactly.
func Compare(a, b *Document) *Diff {
	d := &Diff{}
	d.comparePart1(a, b)
	pairOf, matchedA := pairProjects(a.Projects, b.Projects)
	for j := range b.Projects {
		pb := &b.Projects[j]
		i := pairOf[j]
		if i < 0 {
			d.Changes = append(d.Changes, Change{Kind: KindProjectAdded, ProjectID: pb.ID, ProjectCode: pb.Code, ProjectName: pb.Name})
			continue
		}
		d.compareProjects(&a.Projects[i], pb)
	}
	for i := range a.Projects {
		if !matchedA[i] {
			pa := &a.Projects[i]
			d.Changes = append(d.Changes, Change{Kind: KindProjectRemoved, ProjectCode: pa.Code, ProjectName: pa.Name})
		}
	}
	return d
}

func (d *Diff) comparePart1(a, b *Document) {
	var fs []FieldChange
	add := func(field, o, n string) {
		if o != n {
			fs = append(fs, FieldChange{Field: field, Old: o, New: n})
		}
	}
	add("overall", a.Overall, b.Overall)
	for i := range max(len(a.Goals), len(b.Goals)) {
		o, n := itemAt(a.Goals, i), itemAt(b.Goals, i)
		add("goals["+strconv.Itoa(i+1)+"].goal", o.Goal, n.Goal)
		add("goals["+strconv.Itoa(i+1)+"].indicator", o.Indicator, n.Indicator)
	}
	for i := range max(len(a.Measures), len(b.Measures)) {
		o, n := itemAt(a.Measures, i), itemAt(b.Measures, i)
		add("measures["+strconv.Itoa(i+1)+"].title", o.Title, n.Title)
		add("measures["+strconv.Itoa(i+1)+"].content", o.Content, n.Content)
	}
	if len(fs) > 0 {
		d.Changes = append(d.Changes, Change{Kind: KindPart1, Fields: fs})
	}
}

// pairProjects returns, for each project of b, the index of its partner in
// a or -1, and which of a's projects have a partner.
func pairProjects(a, b []Project) (pairOf []int, matchedA []bool) {
	pairOf = make([]int, len(b))
	matchedA = make([]bool, len(a))
	// The common case, a document and its copy or next year's in the same
	// order, pairs at equal positions without building maps.
	unpaired := 0
	for j := range b {
		pairOf[j] = -1
		if j < len(a) && a[j].Code != "" && a[j].Code == b[j].Code && a[j].Name == b[j].Name {
			pairOf[j] = j
			matchedA[j] = true
			continue
		}
		unpaired++
	}
	if unpaired == 0 {
		return pairOf, matchedA
	}
	// A code pairs only when it is unique on both sides; a repeated code
	// (a paste gone wrong) falls back to the name.
	codeCount := func(ps []Project) map[string]int {
		m := make(map[string]int, len(ps))
		for i := range ps {
			if c := strings.TrimSpace(ps[i].Code); c != "" {
				m[c]++
			}
		}
		return m
	}
	ca, cb := codeCount(a), codeCount(b)
	pairBy := func(key func(p *Project) string, usable func(k string) bool) {
		free := make(map[string][]int)
		for i := range a {
			if k := key(&a[i]); !matchedA[i] && k != "" && usable(k) {
				free[k] = append(free[k], i)
			}
		}
		for j := range b {
			if pairOf[j] >= 0 {
				continue
			}
			k := key(&b[j])
			if q := free[k]; k != "" && usable(k) && len(q) > 0 {
				pairOf[j], matchedA[q[0]] = q[0], true
				free[k] = q[1:]
			}
		}
	}
	// A pair at an equal position above has the same code and name, so
	// it pairs whatever else shares its code.
	pairBy(func(p *Project) string { return strings.TrimSpace(p.Code) }, func(k string) bool { return ca[k] == 1 && cb[k] == 1 })
	pairBy(func(p *Project) string { return strings.TrimSpace(p.Name) }, func(string) bool { return true })
	return pairOf, matchedA
}

func (d *Diff) compareProjects(a, b *Project) {
	base := Change{ProjectID: b.ID, ProjectCode: b.Code, ProjectName: b.Name}
	emit := func(k ChangeKind, fs []FieldChange) {
		if len(fs) > 0 {
			c := base
			c.Kind, c.Fields = k, fs
			d.Changes = append(d.Changes, c)
		}
	}
	var fs []FieldChange
	text := func(field, o, n string) {
		if o != n {
			fs = append(fs, FieldChange{Field: field, Old: o, New: n})
		}
	}
	text(FieldCode, a.Code, b.Code)
	text(FieldName, a.Name, b.Name)
	emit(KindRenamed, fs)

	fs = nil
	money := func(field string, o, n Money) {
		if o.Cmp(n) != 0 || o.IsSet() != n.IsSet() {
			fs = append(fs, FieldChange{Field: field, Old: o.String(), New: n.String(), Delta: signedMoney(n.Sub(o))})
		}
	}
	money(FieldBudget, a.Budget, b.Budget)
	money(FieldFiscal, a.Fiscal, b.Fiscal)
	money(FieldOther, a.Other, b.Other)
	emit(KindMoney, fs)

	fs = nil
	am, bm := a.Plan.Months(), b.Plan.Months()
	for i, f := range PlanFields {
		if am[i] != bm[i] {
			fs = append(fs, FieldChange{Field: f, Old: am[i].String(), New: bm[i].String()})
		}
	}
	emit(KindPlan, fs)

	fs = nil
	text(FieldUse, a.Use, b.Use)
	text(FieldGoal, a.Goal, b.Goal)
	emit(KindText, fs)

	d.compareRows(base, a.Indicators, b.Indicators)
}

// indicatorFields are the stable ids of the grid's columns.
var indicatorFields = RowFields

// rowName writes a row's 一级/二级/三级.
func rowName(in *Indicator) string { return in.L1 + "/" + in.L2 + "/" + in.L3 }

func sameRowName(a, b *Indicator) bool {
	if a.L1 == b.L1 && a.L2 == b.L2 && a.L3 == b.L3 {
		return true // the common case, without trimming
	}
	return strings.TrimSpace(a.L1) == strings.TrimSpace(b.L1) && strings.TrimSpace(a.L2) == strings.TrimSpace(b.L2) && strings.TrimSpace(a.L3) == strings.TrimSpace(b.L3)
}

func (d *Diff) compareRows(base Change, a, b []Indicator) {
	// The common case, rows in the same order under the same names,
	// compares them in place without pairing tables.
	if len(a) == len(b) {
		same := true
		for j := range b {
			if !sameRowName(&a[j], &b[j]) {
				same = false
				break
			}
		}
		if same {
			for j := range b {
				if a[j] != b[j] {
					d.rowChanged(base, &a[j], &b[j], j)
				}
			}
			return
		}
	}
	pairOf := make([]int, len(b))
	matchedA := make([]bool, len(a))
	unpaired := 0
	for j := range b {
		pairOf[j] = -1
		if j < len(a) && sameRowName(&a[j], &b[j]) {
			pairOf[j], matchedA[j] = j, true
			continue
		}
		unpaired++
	}
	if unpaired > 0 {
		// By name, in order among rows of the same name…
		free := make(map[string][]int)
		for i := range a {
			if !matchedA[i] {
				k := rowKey(&a[i])
				free[k] = append(free[k], i)
			}
		}
		for j := range b {
			if pairOf[j] >= 0 {
				continue
			}
			k := rowKey(&b[j])
			if q := free[k]; len(q) > 0 {
				pairOf[j], matchedA[q[0]] = q[0], true
				free[k] = q[1:]
			}
		}
		// …then a renamed row by its position.
		for j := range b {
			if pairOf[j] < 0 && j < len(a) && !matchedA[j] {
				pairOf[j], matchedA[j] = j, true
			}
		}
	}
	for j := range b {
		if i := pairOf[j]; i < 0 {
			d.rowAlone(base, KindRowAdded, &b[j], j)
		} else if a[i] != b[j] {
			d.rowChanged(base, &a[i], &b[j], j)
		}
	}
	for i := range a {
		if !matchedA[i] {
			d.rowAlone(base, KindRowRemoved, &a[i], i)
		}
	}
}

// rowAlone records a row added (in b at index at) or removed (in a).
func (d *Diff) rowAlone(base Change, kind ChangeKind, in *Indicator, at int) {
	c := base
	c.Kind, c.Row, c.RowName = kind, at+1, rowName(in)
	for f := range indicatorFields {
		if v := in.Cell(f); v != "" {
			fc := FieldChange{Field: indicatorFields[f], New: v}
			if kind == KindRowRemoved {
				fc.Old, fc.New = v, ""
			}
			c.Fields = append(c.Fields, fc)
		}
	}
	d.Changes = append(d.Changes, c)
}

// rowChanged records a paired row that differs; b is at index at.
func (d *Diff) rowChanged(base Change, a, b *Indicator, at int) {
	c := base
	c.Row, c.RowName = at+1, rowName(b)
	valueOnly := true
	for f := range indicatorFields {
		if o, n := a.Cell(f), b.Cell(f); o != n {
			c.Fields = append(c.Fields, FieldChange{Field: indicatorFields[f], Old: o, New: n})
			valueOnly = valueOnly && f == 4
		}
	}
	c.Kind = KindRowChanged
	if valueOnly {
		c.Kind = KindValueChanged
	}
	d.Changes = append(d.Changes, c)
}

func rowKey(in *Indicator) string {
	return strings.TrimSpace(in.L1) + "\x00" + strings.TrimSpace(in.L2) + "\x00" + strings.TrimSpace(in.L3)
}

// signedMoney writes an exact difference with its sign: "+2.00", "-0.50",
// "0.00".
func signedMoney(m Money) string {
	s := m.String()
	if m.Units() > 0 {
		return "+" + s
	}
	return s
}

// itemAt is s[i], or the zero item past the end of s (a list the other
// side has more of).
func itemAt[T any](s []T, i int) (v T) {
	if i < len(s) {
		v = s[i]
	}
	return v
}
