package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"jixiao/internal/hostile"
	"jixiao/model"
)

// TestReviewModeSetsStatusAndNotes: r on a project opens the review mode
// there; a, x and u set the status (stored at once, counted in the header),
// m and M write notes of several lines (alt+enter and ctrl+j break the
// line, enter commits), n and p step through the projects, and esc leaves
// with the document's cursor on the project reviewed last.
func TestReviewModeSetsStatusAndNotes(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "down", "r") // the second project
	h.mustSee("项目 2/9", "公用取暖费", "审核问题与意见", "没有项目意见，m 填写", "已审核 0/9")
	h.checkSize(80, 24)

	h.keys("a")
	h.mustSee("已审核 1/9")
	if got := h.storedProjects()[1].Review.Status; got != model.ReviewApproved {
		t.Fatalf("status after a: %q", got)
	}
	h.keys("x")
	h.mustSee("已审核 0/9，需修改 1")
	h.keys("m")
	h.mustSee("项目意见 · 公用取暖费", "enter/ctrl+s 确定", "alt+enter 换行")
	h.typeText("第一行")
	h.keys("alt+enter")
	h.typeText("第二行")
	h.keys("ctrl+j")
	h.typeText("第三行")
	h.keys("enter")
	h.mustSee("✎ 项目意见：第一行", "  第二行", "  第三行", "意见 1 条")
	h.keys("down", "M")
	h.mustSee("第 2 行意见 · ")
	h.typeText("依据不明")
	h.keys("enter")
	h.mustSee("第 2 行意见：依据不明", "意见 2 条")
	h.checkSize(80, 24)

	p := h.storedProjects()[1]
	if p.Review != (model.Review{Status: model.ReviewChanges, Note: "第一行\n第二行\n第三行"}) || p.Indicators[1].Note != "依据不明" {
		t.Fatalf("stored review %+v, row 2 note %q", p.Review, p.Indicators[1].Note)
	}

	// esc on a changed note asks; n keeps the editor, y gives the change up.
	h.keys("m")
	h.typeText("改了")
	h.keys("esc")
	h.mustSee("放弃修改的意见？")
	h.keys("n")
	h.mustSee("项目意见 · ")
	h.keys("esc", "y")
	h.mustSee("✎ 项目意见：第一行")
	if got := h.storedProjects()[1].Review.Note; got != "第一行\n第二行\n第三行" {
		t.Fatalf("note after giving the change up: %q", got)
	}

	h.keys("n")
	h.mustSee("项目 3/9", "普法宣传")
	h.keys("u") // already 未审核: nothing to write
	h.keys("p", "p")
	h.mustSee("项目 1/9")
	h.keys("p")
	h.mustSee("已是第一个项目")
	h.keys("esc")
	h.mustSee("315002/2020", "已审核 0/9")
	// The document list marks the project (✓ 已审核, 改 需修改) …
	if line := lineWith(h.screen(), "公用取暖费"); !strings.Contains(line, "改") {
		t.Errorf("document list row: %q", line)
	}
	// … and the cursor is on the project reviewed last.
	h.keys("r")
	h.mustSee("项目 1/9")
}

// TestReviewModeFinal: F sets 定稿 at once when every project is 已审核 and
// asks first otherwise; F on a 定稿 document sets it back to 草案. Only the
// status is written, whatever else the header holds.
func TestReviewModeFinal(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("r")
	h.mustSee("项目 1/9", "草案")
	h.keys("a", "F")
	h.mustSee("还有 8 个项目不是已审核", "仍设为定稿？")
	h.keys("n")
	if got := h.storedHeader().Status; got != model.StatusDraft {
		t.Fatalf("status after n: %q", got)
	}
	h.keys("F", "y")
	h.mustSee("定稿")
	if got := h.storedHeader(); got.Status != model.StatusFinal || got.Overall == "" {
		t.Fatalf("header after F y: %q, Part 1 kept: %v", got.Status, got.Overall != "")
	}
	// The title says the status too, as the header form's change does.
	if got := h.storedHeader().Title; got != "司法局 2020 年部门预算绩效文本（定稿）" {
		t.Fatalf("title after F y: %q", got)
	}
	h.keys("F")
	if got := h.storedHeader(); got.Status != model.StatusDraft || got.Title != "司法局 2020 年部门预算绩效文本（草案）" {
		t.Fatalf("F on 定稿: %q %q", got.Status, got.Title)
	}
	// Every project 已审核: no question.
	for range 8 {
		h.keys("n", "a")
	}
	h.mustSee("已审核 9/9")
	h.keys("F")
	if got := h.storedHeader().Status; got != model.StatusFinal {
		t.Fatalf("F with all 已审核: %q", got)
	}
	h.keys("esc")
	h.mustSee("2020 年  定稿")
}

// TestReviewModeNotesSurviveReopenAndShowInFindings: the notes are in the
// file, so a second run shows them in the review mode, in the findings
// panel beside the findings, and counts them on the home screen.
func TestReviewModeNotesSurviveReopenAndShowInFindings(t *testing.T) {
	h := newHarness(t, 140, 40)
	h.openSample()
	h.keys("r", "x", "m")
	h.typeText("预算偏大")
	h.keys("enter", "down", "down", "M")
	h.typeText("指标值为空")
	h.keys("enter")
	h.mustSee("✎ 项目意见：预算偏大", "第 3 行意见：指标值为空")

	h = h.reopen(140, 40)
	h.mustSee("0/9 改1")
	h.keys("enter")
	h.mustSee("已审核 0/9，需修改 1", "需修改")
	h.keys("v")
	h.mustSee("审核意见 2 条", "✎ 意见 项目：预算偏大", "✎ 意见 第 3 行：指标值为空")
	// The note of row 3 comes after row 3's findings and before row 4's.
	s := h.screen()
	if i, j, k := strings.Index(s, "第 3 行 指标值"), strings.Index(s, "✎ 意见 第 3 行"), strings.Index(s, "第 4 行"); !(i >= 0 && i < j && j < k) {
		t.Errorf("row 3's note is not between row 3's and row 4's findings:\n%s", s)
	}
	// enter on a note opens the review mode there: the project's note is
	// the document's first entry, row 3's note the fourth (after the
	// grid's finding and row 3's).
	h.keys("down", "down", "down", "enter")
	h.mustSee("项目 1/9", "审核问题与意见", "✎▸第 3 行意见：指标值为空")
	h.checkSize(140, 40)
}

// lineWith returns the first line of s containing sub.
func lineWith(s, sub string) string {
	for l := range strings.SplitSeq(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// TestReviewModeNoteWhoseSaveFailedOpensAgain: when the write of a note
// fails, its editor opens again with the text as typed, marked 未保存, so
// that enter retries and nothing typed is lost.
func TestReviewModeNoteWhoseSaveFailedOpensAgain(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("r", "m")
	h.typeText("请核实")
	h.keys("enter")
	r, ok := h.app.top().(*reviewMode)
	if !ok {
		t.Fatalf("top screen is %T", h.app.top())
	}
	h.send(saveFailedMsg{Origin: editOrigin{owner: r, row: -1, text: "请核实"}, Err: errors.New("disk full")})
	h.mustSee("项目意见 · 法律援助经费  未保存", "请核实")
	h.keys("enter")
	h.mustSee("✎ 项目意见：请核实")
	if got := h.storedProjects()[0].Review.Note; got != "请核实" {
		t.Fatalf("stored note %q", got)
	}
}

// TestHostileTextInReviewMode: notes and project text holding escapes,
// bidi controls, wide and combining characters or 100,000 characters draw
// a safe frame of exactly the terminal's size in the review mode, with its
// note editor open, and in the findings panel that lists the notes.
func TestHostileTextInReviewMode(t *testing.T) {
	for _, hv := range hostile.All() {
		for _, sz := range [][2]int{{80, 24}, {140, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", hv.Name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, sz[0], sz[1])
				doc := hostileDoc(hv.Value)
				doc.Projects[0].Review = model.Review{Status: model.ReviewChanges, Note: hv.Value}
				doc.Projects[0].Indicators[1].Note = hv.Value
				if err := h.st.CreateDocument(doc); err != nil {
					t.Fatal(err)
				}
				h.send(docsLoadedMsgFor(t, h.st))
				check := func(where string) {
					t.Helper()
					checkSafeFrame(t, where, h.app.View().Content, sz[0], sz[1])
				}
				h.keys("enter", "r")
				if _, ok := h.app.top().(*reviewMode); !ok {
					t.Fatalf("top screen is %T", h.app.top())
				}
				check("review mode")
				h.keys("m")
				check("review mode, project note editor")
				h.keys("esc", "y", "down", "M")
				check("review mode, row note editor")
				h.keys("esc", "y", "esc", "v")
				check("findings panel with notes")
			})
		}
	}
}

// TestNotesInTheStatusLine: in the grid the status line shows the note of
// the row under the cursor where the cell has no finding, and the project
// form shows the project's note.
func TestNotesInTheStatusLine(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("r", "m")
	h.typeText("预算偏大")
	h.keys("enter", "down", "down", "M")
	h.typeText("指标值为空")
	h.keys("enter", "esc")
	h.keys("i") // the cursor is back on the first project: its grid
	h.mustSee("指标表")
	h.keys("down", "down")
	h.mustSee("✎ 意见：指标值为空")
	h.keys("esc", "enter") // the form, on 项目编码
	h.mustSee("✎ 意见：预算偏大")
}
