package ui

import (
	"testing"

	"jixiao/model"
)

func TestNewDocumentFormCreatesAndOpens(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n")
	h.mustSee("单位编码", "单位名称", "年度", "编制单位", "审核单位")
	h.typeText("315002")
	h.keys("tab")
	h.typeText("抚宁区司法局")
	h.keys("tab")
	h.typeText("２０２O") // a typo: letter O
	h.keys("tab")
	h.mustSee("年度：应为四位数字的年度")
	h.keys("backspace")
	h.typeText("0")
	h.keys("tab")
	h.typeText("司法局")
	h.keys("ctrl+s")
	h.mustSee("抚宁区司法局  2020 年  草案", "预算数 0.00", "项目 0")

	doc, err := h.st.Document(model.DocKey{UnitCode: "315002", Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if doc.UnitName != "抚宁区司法局" || doc.Compiler != "司法局" || doc.Status != model.StatusDraft {
		t.Errorf("stored document = %+v", doc)
	}
}

func TestNewDocumentFormRequiresFields(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "ctrl+s")
	h.mustSee("单位编码：不能为空")
	h.keys("esc")
	h.mustSee("还没有任何文本")
	docs, err := h.st.ListDocuments()
	if err != nil || len(docs) != 0 {
		t.Fatalf("documents = %v, %v; want none", docs, err)
	}
}

func TestNewDocumentExistingKeySaysSo(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("s", "n")
	h.typeText("315002")
	h.keys("tab")
	h.typeText("重复")
	h.keys("tab")
	h.typeText("2020")
	h.keys("ctrl+s")
	h.mustSee("单位编码：文档 315002/2020 已经存在")
}

func TestDeleteDocumentNeedsTheYear(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		gone  bool
	}{
		{"right year", "2020", true},
		{"wrong year", "2021", false},
		{"nothing", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.keys("s", "D")
			h.mustSee("请输入年度 2020 确认")
			h.typeText(tc.typed)
			h.keys("enter")
			docs, err := h.st.ListDocuments()
			if err != nil {
				t.Fatal(err)
			}
			if gone := len(docs) == 0; gone != tc.gone {
				t.Errorf("deleted = %v, want %v", gone, tc.gone)
			}
			if !tc.gone {
				h.mustSee("输入的年度不符，未删除", "抚宁区司法局")
			}
		})
	}
}

func TestHomeGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.keys("s")
		h.checkSize(sz[0], sz[1])
		h.golden(goldenName("home", sz))
	}
}
