package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// TestCopyForwardFromHome: c on the home list, the year offered as next
// year, a preview naming the rows the 101号 layout moves, y stores the copy
// (after a backup) and opens it; the source is unchanged. A second copy
// to the same year is refused and says why.
func TestCopyForwardFromHome(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("s")
	h.mustSee("抚宁区司法局")
	h.keys("c")
	h.mustSee("把 315002/2020 复制为新的草案", "2021")
	h.keys("ctrl+s")
	h.mustSee("复制 315002/2020 → 315002/2021 抚宁区司法局（草案）",
		"第一部分和 9 个项目（54 行指标，预算数 207.09 万元）全部复制。", "原文档不变；复制前先备份数据库。",
		"复制时将移动 19 行的一级/二级指标",
		"产出指标/效果指标 → 效益指标/社会效益指标　法律援助经费 第 4 行 社会效益指标",
		"y 复制并调整　k 按原样复制")
	if doc, err := h.st.Document(model.DocKey{UnitCode: "315002", Year: 2021}); err == nil {
		t.Fatalf("the preview stored the copy: %v", doc.Key())
	}
	h.keys("y")
	h.mustSee("抚宁区司法局  2021 年", "已复制为 315002/2021，已保存")
	doc, err := h.st.Document(model.DocKey{UnitCode: "315002", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	src := model.Sample()
	for pi, p := range doc.Projects {
		for i, in := range p.Indicators {
			s := src.Projects[pi].Indicators[i]
			if in.Value != s.Value || in.L3 != s.L3 {
				t.Errorf("project %d row %d: %+v, source %+v", pi+1, i+1, in, s)
			}
		}
	}
	for _, f := range model.Check(doc) {
		if f.Rule == model.RuleL2Parent || f.Rule == model.RuleLayoutMixed {
			t.Errorf("二级 placement finding in the copy: %+v", f)
		}
	}
	if got, err := h.st.Document(src.Key()); err != nil || got.Projects[0].Indicators[3] != src.Projects[0].Indicators[3] {
		t.Fatalf("the source changed: %v", err)
	}
	if b, err := h.st.Backups(); err != nil || len(b) == 0 {
		t.Errorf("no backup before the copy: %v %v", b, err)
	}

	// Again to 2021: refused, the fields say why.
	h.keys("esc")
	h.mustSee("文本列表")
	h.keys("g", "c", "ctrl+s")
	h.mustSee("复制时将移动 19 行")
	h.keys("k")
	h.mustSee("这个单位这一年度已经有文本，没有复制")
}

// TestCopyKeepLayout: k copies the rows as they are.
func TestCopyKeepLayout(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("s")
	h.mustSee("抚宁区司法局")
	h.keys("c", "ctrl+u")
	h.typeText("2022")
	h.keys("ctrl+s")
	h.mustSee("复制时将移动 19 行")
	h.keys("esc") // back to the fields, nothing stored
	h.mustSee("把 315002/2020 复制为新的草案")
	h.keys("ctrl+s")
	h.mustSee("复制时将移动 19 行")
	h.keys("k")
	h.mustSee("抚宁区司法局  2022 年")
	doc, err := h.st.Document(model.DocKey{UnitCode: "315002", Year: 2022})
	if err != nil {
		t.Fatal(err)
	}
	for pi, p := range doc.Projects {
		for i, in := range p.Indicators {
			if in != model.Sample().Projects[pi].Indicators[i] {
				t.Fatalf("project %d row %d changed: %+v", pi+1, i+1, in)
			}
		}
	}
	if !strings.Contains(doc.Title, "2022") {
		t.Errorf("title %q", doc.Title)
	}
}
