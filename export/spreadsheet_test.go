package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
)

// readFile imports one of the files under testdata/import, which are
// shaped as Excel and WPS leave them (GBK or UTF-8 with or without BOM,
// CRLF, quoted multi-line cells).
func readFile(t *testing.T, name string) (*Import, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "import", name))
	if err != nil {
		t.Fatal(err)
	}
	return ReadCSV(bytes.NewReader(data), EncodingAuto)
}

func errorLines(t *testing.T, err error) []string {
	t.Helper()
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	return strings.Split(errs.Error(), "\n")
}

func TestImportMergedLayoutGBKCRLF(t *testing.T) {
	im, err := readFile(t, "filldown-gbk-crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	if im.Encoding != EncodingGBK || im.Rows != 10 || len(im.Projects) != 2 {
		t.Fatalf("encoding %s, %d rows, %d projects", im.Encoding, im.Rows, len(im.Projects))
	}
	// 8 continuation rows × 11 filled project/document columns (其他资金 is
	// blank above too), plus 一级 on 4 rows and 二级 on 1.
	if want := 8*13 + 4 + 1; im.FilledDown != want {
		t.Errorf("FilledDown = %d, want %d", im.FilledDown, want)
	}
	a, b := im.Projects[0], im.Projects[1]
	if a.Use != "法律援助机构信息化网络化建设\n做到应援尽援" || a.Plan.Dec.String() != "100.00" || len(a.Indicators) != 6 {
		t.Errorf("project 1: use %q, dec %s, %d indicators", a.Use, a.Plan.Dec, len(a.Indicators))
	}
	wantL := [][2]string{
		{"产出指标", "数量指标"}, {"产出指标", "数量指标"}, {"产出指标", "质量指标"},
		{"产出指标", "时效指标"}, {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"},
	}
	for i, in := range a.Indicators {
		if in.L1 != wantL[i][0] || in.L2 != wantL[i][1] {
			t.Errorf("project 1 row %d: %s/%s, want %s/%s", i+1, in.L1, in.L2, wantL[i][0], wantL[i][1])
		}
	}
	if b.Code != "315-0405-JBN-A4W0" || b.Budget.String() != "4.64" || len(b.Indicators) != 4 || b.Indicators[1].L1 != "产出指标" {
		t.Errorf("project 2: %+v", b)
	}
	// The document's review sees no blank 一级 left behind.
	doc := NewDocument(im.Key, im.UnitName)
	im.Apply(doc)
	for _, f := range model.Check(doc) {
		if f.Field == model.FieldL1 || f.Field == model.FieldL2 {
			t.Errorf("finding on 一级/二级 after fill-down: %+v", f)
		}
	}
}

func TestImportSpreadsheetRefusals(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"partly-blank.csv", []string{
			"第 4 行 “项目编码”：是空的，而同一行的 项目名称 有值：项目各列只填了一部分。接续上一个项目的行请把“项目编码”到“绩效目标”全部留空，新项目的行请全部填写",
		}},
		// The two projects' codes are one number now: refused with the cause
		// and the fix, and nothing about the rows that then seem to disagree.
		{"enotation.csv", []string{
			"第 2 行 “项目编码”：“4.08001E+11”是科学计数法：Excel/WPS 把长数字编码当成了数字，编码的后几位已经丢失（本列共 3 行如此）。" +
				"请在 Excel/WPS 中把“项目编码”列设为“文本”格式、重新填入完整编码后再另存为 CSV，或直接导入 .xlsx 文件",
		}},
		{"big5-header.csv", []string{
			"第 1 行：表头按 UTF-8 和 GBK 读都对不上。如果上面的表头是乱码，文件多半是 Excel/WPS 在中文 Windows 上另存的 GBK 编码，请加 --encoding gbk 再试",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			im, err := readFile(t, tt.file)
			if err == nil {
				t.Fatalf("imported %+v", im)
			}
			got := errorLines(t, err)
			if tt.file == "big5-header.csv" {
				// The garbled header is listed first; the encodings tried last.
				if !strings.HasPrefix(got[0], "第 1 行：表头缺少 ") {
					t.Errorf("first line %q", got[0])
				}
				got = got[len(got)-1:]
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestImportReorderedColumns(t *testing.T) {
	im, err := readFile(t, "reordered.csv")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(im.Ignored, "、") != "序号、备注" || im.Encoding != EncodingUTF8 || len(im.Projects) != 1 {
		t.Fatalf("ignored %q, encoding %s, %d projects", im.Ignored, im.Encoding, len(im.Projects))
	}
	p := im.Projects[0]
	want := []model.Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "受理数", Desc: "咨询受理案件数量", Value: "≥260件", Basis: "计划标准"},
		{L1: "满意度指标", L2: "服务对象满意度指标", L3: "群众满意度", Desc: "受援群众满意程度", Value: "≥90%", Basis: "计划标准"},
	}
	if p.Code != "315-0404-JBN-PIZB" || p.Budget.String() != "16.00" || p.Plan.Mar.String() != "20.00" || len(p.Indicators) != 2 ||
		p.Indicators[0] != want[0] || p.Indicators[1] != want[1] {
		t.Errorf("project %+v", p)
	}
	lines := Summary{File: "reordered.csv", Target: im.Key, UnitName: im.UnitName, Import: im, Applied: im.Apply(NewDocument(im.Key, im.UnitName))}.Lines()
	if got := lines[len(lines)-1]; got != "忽略的列（不是导入的列）：序号、备注" {
		t.Errorf("last summary line %q", got)
	}
}

func TestImportLostZeros(t *testing.T) {
	im, err := readFile(t, "lost-zeros.csv")
	if err != nil {
		t.Fatal(err)
	}
	have := model.DocKey{UnitCode: "015001", Year: 2021}
	keys := []model.DocKey{{UnitCode: "15001", Year: 2020}, {UnitCode: "0015001", Year: 2020}, have}
	k, ok := MatchUnitCode(im.Key, keys)
	if !ok || k != have {
		t.Fatalf("MatchUnitCode(%v) = %v %v, want %v", im.Key, k, ok, have)
	}
	doc := NewDocument(have, "某某局")
	doc.Projects = []model.Project{{ID: "keep", Code: "0401001", Name: "办公经费"}}
	a := im.Apply(doc)
	if len(doc.Projects) != 2 || doc.Projects[0].ID != "keep" || doc.Projects[0].Code != "0401001" || doc.Projects[0].Budget.String() != "10.00" {
		t.Fatalf("projects %+v", doc.Projects)
	}
	lines := Summary{File: "lost-zeros.csv", Target: have, UnitName: doc.UnitName, Import: im, Applied: a, UnitMatch: im.Key.UnitCode}.Lines()
	want := []string{
		"已导入 lost-zeros.csv 到 015001/2021 某某局：读取 2 行（UTF-8 编码），新建 1 个项目，更新 1 个项目，向下填充 0 个空单元格。",
		"单位编码：文件中的 “15001” 按已有文档 015001/2021 导入（Excel/WPS 去掉了编码开头的 0）。",
		"项目编码：文件中的 “401001” 按已有项目 “0401001” 更新（Excel/WPS 去掉了编码开头的 0）。",
		"新建项目：401002 培训经费",
		"更新项目：0401001 办公经费",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("summary:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, k := range []model.DocKey{{UnitCode: "15001", Year: 2021}, {UnitCode: "A15001", Year: 2021}} {
		if got, ok := MatchUnitCode(model.DocKey{UnitCode: "15001", Year: 2021}, []model.DocKey{k}); ok {
			t.Errorf("matched %v to %v", got, k)
		}
	}
}

// FuzzImportNamesNewProjects: whatever a file holds, every project an
// import adds to a document is named in its summary (新建项目：代码 名称),
// and the summary names no other as new — a duplicate cannot pass unseen.
func FuzzImportNamesNewProjects(f *testing.F) {
	for _, name := range []string{"filldown-gbk-crlf.csv", "reordered.csv", "lost-zeros.csv", "enotation.csv", "partly-blank.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", "import", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	sample := model.Sample()
	f.Add(csvOf(row(sample.Projects[0].Code, nil), row("4.08001E+11", nil), row("NEW", nil)))
	f.Add(csvOf(row(sample.Projects[0].Code+" ", nil), row(strings.ToLower(sample.Projects[1].Code), nil)))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
		if err != nil {
			return
		}
		doc := model.Sample()
		before := map[string]bool{}
		for _, p := range doc.Projects {
			before[p.ID] = true
		}
		s := Summary{File: "f.csv", Target: doc.Key(), UnitName: doc.UnitName, Import: im, Applied: im.Apply(doc)}
		lines := s.Lines()
		named := map[string]int{}
		for _, l := range lines {
			if rest, ok := strings.CutPrefix(l, "新建项目："); ok {
				named[rest]++
			}
		}
		created := 0
		for _, p := range doc.Projects {
			if before[p.ID] {
				continue
			}
			created++
			line := OneLine(p.Code) + " " + clipTo(p.Name, 80)
			if named[line] == 0 {
				t.Fatalf("project %q %q was created but the summary does not name it:\n%s", p.Code, p.Name, strings.Join(lines, "\n"))
			}
			named[line]--
		}
		for l, n := range named {
			if n != 0 {
				t.Fatalf("the summary names %q as new %d more times than created (%d created)", l, n, created)
			}
		}
		if len(doc.Projects) != len(before)+created {
			t.Fatalf("%d projects, %d before, %d created", len(doc.Projects), len(before), created)
		}
	})
}
