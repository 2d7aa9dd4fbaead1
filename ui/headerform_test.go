package ui

import (
	"errors"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
)

// TestHeaderFormEditsAndMoves: H on the document screen edits the header
// after creation. Each field is saved as it is committed; a 年度 already
// taken by another document is refused with the reason under the field
// and the typed text kept, nothing moved; a free one moves the whole
// document (projects and all), and the screens follow it; 定稿 with
// projects not 已审核 asks first.
func TestHeaderFormEditsAndMoves(t *testing.T) {
	h := newHarness(t, 80, 24)
	taken := model.DocKey{UnitCode: sampleKey.UnitCode, Year: 2021}
	other := &model.Document{UnitCode: taken.UnitCode, Year: taken.Year, UnitName: "别的文本", Status: model.StatusDraft}
	if err := h.st.CreateDocument(other); err != nil {
		t.Fatal(err)
	}
	h.openSample()
	h.mustSee("H 编辑表头")
	h.keys("H")
	h.mustSee("编辑表头", "单位编码", "315002", "抚宁区司法局", "2020", "状态")
	h.checkSize(80, 24)

	// 单位名称: saved on tab, the rest of the header as it was.
	h.keys("tab", "ctrl+u")
	h.typeText("抚宁区司法局机关")
	h.keys("tab")
	if got := h.storedHeader(); got.UnitName != "抚宁区司法局机关" || got.Overall == "" || got.Year != 2020 {
		t.Fatalf("after 单位名称: %+v", got)
	}

	// 年度 2021 is taken: refused, typed text kept, both documents as
	// they were.
	h.keys("ctrl+u")
	h.typeText("2021")
	h.keys("tab")
	h.mustSee("年度：已有文本 315002/2021", "2021")
	if got := h.storedHeader(); got.Year != 2020 {
		t.Fatalf("refused move changed the document: %+v", got)
	}
	if got, _, err := h.st.Header(taken); err != nil || got.UnitName != "别的文本" {
		t.Fatalf("the other document after the refused move: %+v %v", got, err)
	}

	// 2022 is free: the whole document moves.
	h.keys("ctrl+u")
	h.typeText("2022")
	h.keys("tab")
	moved := model.DocKey{UnitCode: sampleKey.UnitCode, Year: 2022}
	if _, _, err := h.st.Header(sampleKey); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("old key after the move: %v", err)
	}
	doc, err := h.st.Document(moved)
	if err != nil || len(doc.Projects) != 9 || doc.Title != "司法局 2022 年部门预算绩效文本（草案）" {
		t.Fatalf("moved document: %v, %d projects, title %q", err, len(doc.Projects), doc.Title)
	}
	if s := h.screen(); !strings.Contains(s, "已保存") {
		t.Fatalf("no 已保存 after the move:\n%s", s)
	}

	// 状态: ← → switch; 定稿 asks while projects are not 已审核.
	h.keys("tab", "tab", "tab") // 编制单位, 审核单位, 标题, 状态
	h.mustSee("‹草案›")
	h.keys("right")
	h.mustSee("‹定稿›")
	h.keys("enter")
	h.mustSee("还有 9 个项目未标为已审核，仍设为定稿？")
	h.keys("n")
	if got, _, _ := h.st.Header(moved); got.Status != model.StatusDraft {
		t.Fatalf("status after n: %q", got.Status)
	}
	h.mustSee("‹草案›")
	h.keys("right", "enter", "y")
	got, _, err := h.st.Header(moved)
	if err != nil || got.Status != model.StatusFinal || got.Title != "司法局 2022 年部门预算绩效文本（定稿）" {
		t.Fatalf("after 定稿 y: %+v %v", got, err)
	}

	// enter on the last field closed the form once answered: back on
	// the document screen, with the new key, year and status; an edit
	// there (the layout) goes to the moved document.
	h.mustSee("抚宁区司法局机关  2022 年  定稿", "315002/2022")
	h.keys("L")
	if got, _, err := h.st.Header(moved); err != nil || got.Layout == model.LayoutAuto || got.Status != model.StatusFinal {
		t.Fatalf("layout after the move: %+v %v", got, err)
	}
	if h.app.statusBad {
		t.Fatalf("status line says a failure:\n%s", h.screen())
	}
	// Home lists the moved document, not the old key.
	h.keys("esc")
	h.mustSee("法局机关 2022 定稿", "别的文本")
	if strings.Contains(h.screen(), "2020") {
		t.Fatalf("home still lists 2020:\n%s", h.screen())
	}
}

// TestMoveHistoriesKeepsUndo: a document moved to a new key keeps its
// projects' undo histories, and no other document's.
func TestMoveHistoriesKeepsUndo(t *testing.T) {
	c := newCommon(80, 24)
	from, to, other := sampleKey, model.DocKey{UnitCode: "315002", Year: 2022}, model.DocKey{UnitCode: "9", Year: 2020}
	a, b := c.history(from, "p1"), c.history(other, "p1")
	c.moveHistories(from, to)
	if c.history(to, "p1") != a || c.history(other, "p1") != b || c.history(from, "p1") == a {
		t.Fatal("histories not moved with the document")
	}
}

// TestHeaderEditSurvivesPart1Edit: Part 1 and the layout are saved with
// the document screen's copy of the header, which must be the one the
// header form stored, or the next Part 1 edit would write the old 单位名称
// back.
func TestHeaderEditSurvivesPart1Edit(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("H", "tab", "ctrl+u")
	h.typeText("新名字")
	h.keys("tab", "esc")
	h.keys("enter", "enter", "ctrl+u") // 总体绩效目标
	h.typeText("总体")
	h.keys("enter", "esc", "L")
	if got := h.storedHeader(); got.UnitName != "新名字" || got.Overall != "总体" || got.Layout == model.LayoutAuto {
		t.Fatalf("stored header: %q %q %q", got.UnitName, got.Overall, got.Layout)
	}
}
