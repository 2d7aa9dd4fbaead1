package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// TestProjectFormPasteRow: a row of 项目编码 … 绩效目标 copied from Excel
// (a cell with a line break quoted) fills the form and is written once;
// a row with a cell that does not pass changes nothing and says which.
func TestProjectFormPasteRow(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.openSample()
	h.keys("a")
	h.mustSee("▸ 项目编码")
	h.send(pasteMsg("315-0404-NEW\t法律援助经费（复制）\t16\t12\t4\t\"法律援助机构信息化\n案件补贴\"\t20%\t40\t60\t100\t为困难群众提供法律援助\r\n"))
	h.mustSee("粘贴了项目各栏，已保存", "法律援助经费（复制）", "16.00", "12.00", "4.00", "20.00", "100.00")
	doc, err := h.st.Document(model.Sample().Key())
	if err != nil {
		t.Fatal(err)
	}
	var got *model.Project
	for i := range doc.Projects {
		if doc.Projects[i].Code == "315-0404-NEW" {
			got = &doc.Projects[i]
		}
	}
	if got == nil || got.Name != "法律援助经费（复制）" || got.Budget.String() != "16.00" || got.Other.String() != "4.00" ||
		got.Use != "法律援助机构信息化\n案件补贴" || got.Plan.Mar.String() != "20.00" || !got.Plan.Dec.IsHundred() || got.Goal != "为困难群众提供法律援助" {
		t.Fatalf("stored project %+v", got)
	}

	h.send(pasteMsg("315-0404-BAD\t名称\t1..6\t12\t4\t用途\t20\t40\t160\t100\t目标\r\n"))
	h.mustSee("粘贴失败：")
	if !strings.Contains(h.screen(), "预算数：") {
		t.Errorf("the refusal does not name 预算数:\n%s", h.screen())
	}
	doc, _ = h.st.Document(model.Sample().Key())
	for _, p := range doc.Projects {
		if p.Code == "315-0404-BAD" {
			t.Fatal("a refused paste was stored")
		}
	}
}
