package model

import "strings"

// Level1 is one 一级指标 of the standard taxonomy with its 二级指标.
// Aliases are older names still met in documents (效果指标 for 效益指标).
type Level1 struct {
	Name    string
	Aliases []string
	Level2  []string
}

// The 一级指标 names.
const (
	L1Output       = "产出指标"
	L1Effect       = "效益指标"
	L1Satisfaction = "满意度指标"
	L1Cost         = "成本指标"
)

// The 二级指标 names that rules look for.
const (
	L2Quantity     = "数量指标"
	L2Quality      = "质量指标"
	L2Timeliness   = "时效指标"
	L2Cost         = "成本指标"
	L2Satisfaction = "服务对象满意度指标"
)

// Taxonomy is the standard 一级 → 二级 tree: 产出 (数量/质量/时效/成本),
// 效益 (older name 效果; 经济/社会/生态效益, 可持续影响), 满意度
// (服务对象满意度), and the 2021 national guidance's 成本 一级 (经济/社会/
// 生态环境成本). It is the one place these names live.
var Taxonomy = []Level1{
	{Name: L1Output, Level2: []string{L2Quantity, L2Quality, L2Timeliness, L2Cost}},
	{Name: L1Effect, Aliases: []string{"效果指标"}, Level2: []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
	{Name: L1Satisfaction, Level2: []string{L2Satisfaction}},
	{Name: L1Cost, Level2: []string{"经济成本指标", "社会成本指标", "生态环境成本指标"}},
}

// level2Alias is a 二级 name of an older template that stands for a
// standard one, and the 一级 names it may stand under there.
type level2Alias struct {
	name, l2 string
	parents  []string
}

// level2Aliases are the older 二级 names still met in published tables.
// The pre-2021 专项 template files 社会公众或服务对象满意度指标 under 效益指标
// and has no 满意度 一级; it is a satisfaction indicator all the same.
var level2Aliases = []level2Alias{
	{"社会公众或服务对象满意度指标", L2Satisfaction, []string{L1Satisfaction, L1Effect}},
}

// normName folds the spellings met in practice: surrounding and inner
// spaces (OCR and line wraps) and a missing 指标 suffix.
func normName(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if s != "" && !strings.HasSuffix(s, "指标") {
		s += "指标"
	}
	return s
}

// CanonicalL1 returns the standard 一级指标 name for s (accepting aliases
// such as 效果指标 and a missing 指标 suffix) and whether it is known.
func CanonicalL1(s string) (string, bool) {
	n := normName(s)
	for _, l1 := range Taxonomy {
		if n == l1.Name {
			return l1.Name, true
		}
		for _, a := range l1.Aliases {
			if n == a {
				return l1.Name, true
			}
		}
	}
	return "", false
}

// CanonicalL2 returns the standard 二级指标 name for s and the 一级 names it
// may stand under. 成本指标 is both a 二级 of 产出指标 and a 一级 of its own.
// An older template's name (社会公众或服务对象满意度指标) gives the standard
// name and the 一级 names it stood under.
func CanonicalL2(s string) (name string, parents []string, ok bool) {
	n := normName(s)
	for _, l1 := range Taxonomy {
		for _, l2 := range l1.Level2 {
			if n == l2 {
				name, ok = l2, true
				parents = append(parents, l1.Name)
			}
		}
	}
	for _, a := range level2Aliases {
		if !ok && n == a.name {
			return a.l2, append([]string(nil), a.parents...), true
		}
	}
	return name, parents, ok
}

// L1Names lists the 一级指标 names in order, for pickers.
func L1Names() []string {
	out := make([]string, len(Taxonomy))
	for i, l1 := range Taxonomy {
		out[i] = l1.Name
	}
	return out
}

// L2Names lists the 二级指标 names under the given 一级 (by any of its
// names), or every 二级 name when l1 is unknown or empty.
func L2Names(l1 string) []string {
	if c, ok := CanonicalL1(l1); ok {
		for _, t := range Taxonomy {
			if t.Name == c {
				return append([]string(nil), t.Level2...)
			}
		}
	}
	var out []string
	for _, t := range Taxonomy {
		out = append(out, t.Level2...)
	}
	return out
}
