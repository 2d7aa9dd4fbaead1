package export

import (
	"strings"
	"testing"

	"jixiao/model"
)

func TestDiffLabels(t *testing.T) {
	for f, want := range map[string]string{
		"budget": "预算数", "plan.dec": "12月底", "basis": "指标值确定依据", "overall": "总体绩效目标",
		"goals[2].goal": "分项绩效目标2", "goals[2].indicator": "分项绩效目标2·绩效指标",
		"measures[6].title": "工作保障措施6", "measures[1].content": "工作保障措施1·内容", "odd[": "odd[",
	} {
		if got := DiffFieldLabel(f); got != want {
			t.Errorf("DiffFieldLabel(%q) = %q, want %q", f, got, want)
		}
	}
	for _, k := range model.DiffKinds {
		if DiffKindLabel(k) == string(k) {
			t.Errorf("kind %s has no label", k)
		}
	}
}

// TestDiffTextIsSafeAndPainted: user text with controls reaches the
// terminal as escapes, and paint wraps each change's head line only.
func TestDiffTextIsSafeAndPainted(t *testing.T) {
	a, b := model.Sample(), model.Sample()
	b.Projects[0].Name = "法律\x1b[31m援助"
	b.Projects = b.Projects[:8]
	r := &DiffReport{A: "A", B: "B", Diff: model.Compare(a, b)}
	var out strings.Builder
	paint := func(k model.ChangeKind, s string) string { return "<" + string(k) + ">" + s }
	if err := r.Text(&out, paint); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.Contains(got, "\x1b") || !strings.Contains(got, `法律\u001B[31m援助`) {
		t.Errorf("control character reached the text:\n%s", got)
	}
	if !strings.Contains(got, "<project_renamed>  项目改名\n") || !strings.Contains(got, "<project_removed>  删除项目\n") {
		t.Errorf("paint:\n%s", got)
	}
	if !strings.HasPrefix(got, "A → B\n共 2 处变动：删除项目 1，项目改名 1。\n") {
		t.Errorf("head:\n%s", got)
	}
}
