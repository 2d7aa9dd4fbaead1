package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao/model"
)

// row returns a valid data row of project code, with cells changed by
// column name.
func row(code string, set map[string]string) []string {
	r := []string{"315002", "抚宁区司法局", "2020", code, "法律援助经费", "16.00", "16.00", "", "用途",
		"20", "40", "60", "100", "目标", "产出指标", "数量指标", "受理数", "描述", "≥260件", "计划"}
	for name, v := range set {
		for c, h := range CSVHeader {
			if h == name {
				r[c] = v
			}
		}
	}
	return r
}

// csvOf writes the header and rows with encoding/csv, as another program
// would: the 20 columns of a file written before reviews (review_test.go
// has the 22).
func csvOf(rows ...[]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(CSVHeader[:csvColumnsNoReview])
	w.WriteAll(rows)
	return buf.Bytes()
}

func TestReadCSVErrors(t *testing.T) {
	bad := map[string]string{"绩效目标": "BAD"}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"bad amount", csvOf(row("A", nil), row("B", nil), row("C", nil), row("D", map[string]string{"预算数": "12..3"})),
			[]string{"第 5 行 “预算数”：金额格式不对（“12..3”）"}},
		{"every error at once", csvOf(
			row("A", map[string]string{"财政资金": "-1", "其他资金": "1.23456"}),
			row("B", map[string]string{"3月底": "101", "6月底": "4.567", "12月底": "百"}),
			[]string{"x", "y"},
			row("", nil),
			row("C", map[string]string{"年度": "二〇二〇"}),
		), []string{
			"第 2 行 “财政资金”：金额不能为负数（“-1”）",
			"第 2 行 “其他资金”：金额最多 4 位小数（单位：万元）（“1.23456”）",
			"第 3 行 “3月底”：百分比应在 0 到 100 之间（“101”）",
			"第 3 行 “6月底”：百分比最多 2 位小数（“4.567”）",
			"第 3 行 “12月底”：百分比格式不对（“百”）",
			"第 4 行：应有 20 列（与表头一样多），实际有 2 列",
			"第 5 行 “项目编码”：是空的，而同一行的 项目名称、预算数、财政资金 等 9 列 有值：项目各列只填了一部分。接续上一个项目的行请把“项目编码”到“绩效目标”全部留空，新项目的行请全部填写",
			"第 6 行 “年度”：应为四位数字的年份（“二〇二〇”）",
		}},
		{"one project's rows disagree", csvOf(
			row("A", nil),
			row("A", map[string]string{"预算数": "16", "财政资金": "15.00", "资金用途": "别的用途"}),
		), []string{
			"第 3 行 “财政资金”：与同一项目（A）第 2 行不一致：那里是 “16.00”，这里是 “15.00”",
			"第 3 行 “资金用途”：与同一项目（A）第 2 行不一致：那里是 “用途”，这里是 “别的用途”",
		}},
		{"two units in one file", csvOf(row("A", nil), row("B", map[string]string{"单位编码": "315003", "年度": "2021"})), []string{
			"第 3 行 “单位编码”：一个文件只能是一个单位的一个年度：第 2 行是 “315002”，这里是 “315003”",
			"第 3 行 “年度”：一个文件只能是一个单位的一个年度：第 2 行是 “2020”，这里是 “2021”",
		}},
		{"wrong header", []byte("单位编码,单位,年度\n"), []string{
			"第 1 行：表头缺少 18 列：单位名称、项目编码、项目名称、预算数、财政资金、其他资金、资金用途、3月底、6月底、10月底、12月底、绩效目标、一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据（列按表头名称识别，顺序不限）；表头中不认识的列：单位",
			"第 1 行：表头按 UTF-8 和 GBK 读都对不上。如果上面的表头是乱码，文件多半是 Excel/WPS 在中文 Windows 上另存的 GBK 编码，请加 --encoding gbk 再试",
		}},
		{"empty file", nil, []string{"第 1 行：文件是空的，缺少表头"}},
		{"unclosed quote", append(csvOf(row("A", nil)), "315002,\"抚宁\n"...), []string{
			"第 3 行：引号没有闭合（一个以 \" 开头的单元格直到文件末尾都没有结束）",
		}},
		{"text after quote", append(csvOf(row("A", nil)), "315002,\"抚宁\"x,\n"...), []string{
			"第 3 行：右引号后面还有文字（单元格中的引号应写成两个 \"\"）",
		}},
		{"invalid UTF-8", bytes.ReplaceAll(csvOf(row("A", bad), row("B", bad)), []byte("BAD"), []byte("\xff\xfe")), []string{
			"第 2 行 “绩效目标”：含有无效的 UTF-8 字节（文件可能是别的编码，可试 --encoding gbk）",
			"第 3 行 “绩效目标”：含有无效的 UTF-8 字节（文件可能是别的编码，可试 --encoding gbk）",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := ReadCSV(bytes.NewReader(tt.data), EncodingAuto)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v (import %+v), want Errors", err, im)
			}
			got := strings.Split(errs.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestReadCSVInvalidGBK(t *testing.T) {
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes(csvOf(row("A", nil), row("B", nil)))
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("B,"), []byte("B\x81\x20,"), 1) // 0x81 0x20 is no GBK character
	_, err = ReadCSV(bytes.NewReader(data), EncodingAuto)
	want := "第 3 行 “项目编码”：含有无法识别的字节，文件不是有效的 GBK 编码"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestReadCSVAccepts(t *testing.T) {
	base := csvOf(row("A", nil), row("A", map[string]string{"一级指标": "效益指标"}), row("B", map[string]string{
		"预算数": "1,234.5", "财政资金": "１２３４．５", "绩效目标": "'=目标", "一级指标": "", "二级指标": "",
		"三级指标": "", "绩效指标描述": "", "指标值": "", "指标值确定依据": "",
	}))
	crlf := bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n"))
	tests := map[string][]byte{
		"LF":              base,
		"CRLF and BOM":    append([]byte("\uFEFF"), crlf...),
		"blank lines":     bytes.Replace(base, []byte("\n315002"), []byte("\n\n315002"), 1),
		"trailing commas": append(base, strings.Repeat(",", 19)+"\n"...),
		"no final EOL":    bytes.TrimSuffix(base, []byte("\n")),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			im, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
			if err != nil {
				t.Fatal(err)
			}
			if im.Rows != 3 || len(im.Projects) != 2 || im.Key != (model.DocKey{UnitCode: "315002", Year: 2020}) {
				t.Fatalf("rows %d, projects %d, key %v", im.Rows, len(im.Projects), im.Key)
			}
			a, b := im.Projects[0], im.Projects[1]
			if len(a.Indicators) != 2 || a.Indicators[1].L1 != "效益指标" || a.Plan.Dec.String() != "100.00" {
				t.Errorf("project A: %+v", a)
			}
			if len(b.Indicators) != 0 || b.Budget.String() != "1234.50" || b.Fiscal.String() != "1234.50" || b.Goal != "=目标" {
				t.Errorf("project B: %+v", b)
			}
		})
	}
}

func TestApply(t *testing.T) {
	doc := model.Sample()
	before := len(doc.Projects)
	third := doc.Projects[2]
	data := csvOf(
		row(doc.Projects[1].Code, map[string]string{"项目名称": "新名称", "预算数": "5"}),
		row("NEW-1", nil),
		row(doc.Projects[1].Code, map[string]string{"项目名称": "新名称", "预算数": "5", "指标值": "≥1次"}),
		row("NEW-2", nil),
	)
	im, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
	if err != nil {
		t.Fatal(err)
	}
	a := im.Apply(doc)
	if len(a.Created) != 2 || len(a.Updated) != 1 || len(doc.Projects) != before+2 {
		t.Fatalf("applied %+v, %d projects", a, len(doc.Projects))
	}
	p := doc.Projects[1]
	if p.ID != "p02" || p.Name != "新名称" || p.Budget.String() != "5.00" || len(p.Indicators) != 2 || p.Indicators[1].Value != "≥1次" {
		t.Errorf("updated project: %+v", p)
	}
	if doc.Projects[2].Name != third.Name || doc.Projects[2].ID != third.ID {
		t.Error("a project not in the file changed")
	}
	n1, n2 := doc.Projects[before], doc.Projects[before+1]
	if n1.Code != "NEW-1" || n2.Code != "NEW-2" || n1.ID == "" || n2.ID == "" || n1.ID == n2.ID {
		t.Errorf("new projects: %q %q ids %q %q", n1.Code, n2.Code, n1.ID, n2.ID)
	}
}
