package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
)

// importFile is a checked-in file of export's import tests, by absolute
// path, as a user pastes it (in quotes, as Explorer's 复制为路径 gives it).
func importFile(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "export", "testdata", "import", name))
	if err != nil {
		t.Fatal(err)
	}
	return `"` + p + `"`
}

// TestImportDialogErrorsWriteNothing: a file with Excel's E-notation codes
// shows its error naming the row and cell, y does nothing, and the file is
// left as it was.
func TestImportDialogErrorsWriteNothing(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("I")
	h.mustSee("导入（到文件中写的单位编码/年度）", "文件", "编码")
	h.send(pasteMsg(importFile(t, "enotation.csv")))
	h.keys("enter")
	h.mustSee("1 处错误，数据库没有改动", "第 2 行 “项目编码”", "科学计数法")
	h.checkSize(80, 24)
	h.keys("y")
	h.mustSee("1 处错误")
	h.keys("esc")
	h.mustSee("▸ 文件")
	h.keys("esc")
	h = h.reopen(80, 24)
	docs, err := h.st.ListDocuments()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 0 {
		t.Fatalf("an import with errors stored %v", docs)
	}
}

// TestImportDialogStoresAfterY: Excel's GBK+CRLF file with the merged
// layout's blanks reads, the summary names both projects and what was
// filled down, nothing is stored until y; after y the home list shows the
// document at once, a backup was made, and the reopened file holds the
// projects.
func TestImportDialogStoresAfterY(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("I")
	h.send(pasteMsg(importFile(t, "filldown-gbk-crlf.csv")))
	h.keys("right") // the path input keeps ←/→; the encoding stays auto
	h.keys("enter")
	h.mustSee("将导入", "新建项目：315-0404-JBN-PIZB 法律援助经费", "新建项目：315-0405-JBN-A4W0 公用取暖费", "y 导入")
	// The summary's first sentence starts with the file's path, so where it
	// wraps depends on the folder the tests run in: read it unwrapped.
	flowing := strings.Join(strings.Fields(h.screen()), "")
	for _, w := range []string{"GBK编码", "新建2个项目", "向下填充109个空单元格"} {
		if !strings.Contains(flowing, w) {
			t.Fatalf("summary lacks %q:\n%s", w, h.screen())
		}
	}
	h.checkSize(80, 24)
	if docs, _ := h.st.ListDocuments(); len(docs) != 0 {
		t.Fatalf("stored before y: %v", docs)
	}
	h.keys("y")
	h.mustSee("抚宁区司法局", "已导入")
	baks, _ := filepath.Glob(h.path + ".bak-*")
	if len(baks) == 0 {
		t.Error("no backup before the import")
	}

	h = h.reopen(80, 24)
	doc, err := h.st.Document(model.DocKey{UnitCode: "315002", Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != 2 || doc.Projects[0].Name != "法律援助经费" || doc.Projects[1].Name != "公用取暖费" {
		t.Fatalf("stored projects: %+v", doc.Projects)
	}
	for _, p := range doc.Projects {
		for _, in := range p.Indicators {
			if strings.TrimSpace(in.L1) == "" || strings.TrimSpace(in.L2) == "" {
				t.Errorf("%s: a blank 一级 was not filled down: %+v", p.Name, in)
			}
		}
	}

	// From the document screen the import goes into that document: the
	// same file again updates both projects, and the screen follows.
	h.keys("enter")
	h.mustSee("法律援助经费")
	h.keys("I")
	h.mustSee("导入到 315002/2020")
	h.send(pasteMsg(importFile(t, "filldown-gbk-crlf.csv")))
	h.keys("enter")
	h.mustSee("新建 0 个项目", "更新项目：315-0404-JBN-PIZB", "更新项目：315-0405-JBN-A4W0")
	h.keys("n")
	h.mustSee("▸ 文件")
	h.keys("esc")
	h.mustSee("公用取暖费")
}

// TestImportDialogLongErrorsScroll: more errors than fit scroll, and the
// window says where it is.
func TestImportDialogLongErrorsScroll(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("单位编码,单位名称,年度,项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,12月底,绩效目标,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n")
	for range 30 {
		b.WriteString("315002,抚宁区司法局,2020,P1,项目,abc,16,,用途,20,40,60,100,目标,产出指标,数量指标,受理数,描述,≥1次,计划标准\n")
	}
	p := filepath.Join(dir, "坏 文件.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 80, 24)
	h.keys("I")
	h.typeText(p)
	h.keys("enter")
	h.mustSee("处错误，数据库没有改动", "第 2 行", "共 ")
	if strings.Contains(h.screen(), "第 31 行 “预算数”") {
		t.Fatal("the last error shows before scrolling")
	}
	h.keys("G")
	h.mustSee("第 31 行 “预算数”")
	h.checkSize(80, 24)
}

// TestImportDialogReadsXLSX: a workbook jixiao wrote imports through the
// same dialog (the GBK choice does not apply to it), creating the
// document with its every project named.
func TestImportDialogReadsXLSX(t *testing.T) {
	sample := model.Sample()
	p := filepath.Join(t.TempDir(), "司法局.xlsx")
	if err := export.WriteFile(p, sample, nil, export.Options{Format: export.FormatXLSX}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 80, 24)
	h.keys("I")
	h.typeText(p)
	h.keys("tab", "space", "enter") // GBK chosen: ignored for a workbook
	h.mustSee("将导入", "新建 9 个项目", "y 导入", "共 14 行")
	h.checkSize(80, 24)
	h.keys("y")
	h.mustSee("抚宁区司法局", "已导入")
	h = h.reopen(80, 24)
	doc, err := h.st.Document(sample.Key())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != len(sample.Projects) || doc.Projects[0].Name != sample.Projects[0].Name {
		t.Fatalf("stored %d projects, want %d", len(doc.Projects), len(sample.Projects))
	}
}
