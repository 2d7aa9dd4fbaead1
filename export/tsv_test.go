package export

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][]string
	}{
		{"empty", "", nil},
		{"one cell", "≥260件", [][]string{{"≥260件"}}},
		{"Excel: CRLF after every row", "产出指标\t数量指标\t受理数\r\n\t\t办结率\r\n",
			[][]string{{"产出指标", "数量指标", "受理数"}, {"", "", "办结率"}}},
		{"LF, no final break", "a\tb\nc\td", [][]string{{"a", "b"}, {"c", "d"}}},
		{"quoted line break (Alt+Enter)", "受理数\t\"咨询受理\n案件数量\"\t≥260件\r\n",
			[][]string{{"受理数", "咨询受理\n案件数量", "≥260件"}}},
		{"quoted tab and quotes", "\"a\tb\"\t\"say \"\"hi\"\"\"\r\n", [][]string{{"a\tb", `say "hi"`}}},
		{"quoted CRLF inside", "\"x\r\ny\"\tz\r\n", [][]string{{"x\r\ny", "z"}}},
		{"quote not at start is text", "5\"\t6\r\n", [][]string{{`5"`, "6"}}},
		{"unclosed quote is text", "\"abc\tdef\r\n", [][]string{{`"abc`, "def"}}},
		{"text after closing quote is literal", "\"ab\"c\td\r\n", [][]string{{`"ab"c`, "d"}}},
		{"trailing tab: empty last cell", "a\t", [][]string{{"a", ""}}},
		{"blank row kept", "a\r\n\r\nb\r\n", [][]string{{"a"}, {""}, {"b"}}},
		{"lone CR (old Mac)", "a\rb", [][]string{{"a"}, {"b"}}},
		{"Word table: tabs, CRLF", "三级\t描述\r\n受理数\t数量\r\n", [][]string{{"三级", "描述"}, {"受理数", "数量"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseTSV(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseTSV(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// excelTSV writes rows as Excel copies them: a cell with a tab, a line
// break or a quote is quoted, each row ends in CR LF.
func excelTSV(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			if strings.ContainsAny(c, "\t\r\n\"") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

// FuzzParseTSV: ParseTSV (and PastedProject) never panics, and reads back every cell of any
// rows as Excel writes them. The fuzzer's second string holds the rows,
// with \x1e between rows and \x1f between cells.
func FuzzParseTSV(f *testing.F) {
	f.Add("a\tb\r\n\"c\nd\"\te\r\n", "产出指标\x1f数量指标\x1f\"受理\"\n数\x1e\x1f\x1f办结率")
	f.Add("\"\t\"\"\r\"", "a\tb\x1f\r\n\x1e\x1f")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, cells string) {
		for _, r := range ParseTSV(text) {
			if len(r) == 0 {
				t.Fatalf("an empty row from %q", text)
			}
		}
		if p, ok := PastedProject(text); ok && len(p) != len(ProjectColumns) {
			t.Fatalf("PastedProject(%q) = %d cells", text, len(p))
		}
		var rows [][]string
		if cells != "" {
			for _, r := range strings.Split(cells, "\x1e") {
				rows = append(rows, strings.Split(r, "\x1f"))
			}
		}
		if got := ParseTSV(excelTSV(rows)); !reflect.DeepEqual(got, rows) {
			t.Fatalf("rows %q\nas Excel copies them %q\nread back %q", rows, excelTSV(rows), got)
		}
	})
}

func TestPastedRows(t *testing.T) {
	excel := "产出指标\t数量指标\t受理数\t\"咨询受理\n案件数量\"\r\n\t\t办结率\t描述\r\n"
	want := [][]string{{"产出指标", "数量指标", "受理数", "咨询受理\n案件数量"}, {"", "", "办结率", "描述"}}
	for name, text := range map[string]string{
		"as copied":               excel,
		"through tmux (LF → CR)":  strings.ReplaceAll(excel, "\n", "\r"),
		"through VTE (CRLF → CR)": strings.ReplaceAll(strings.ReplaceAll(excel, "\r\n", "\r"), "\n", "\r"),
	} {
		got := PastedRows(text)
		var rows [][]string
		for _, r := range got {
			if len(r) != 1 || r[0] != "" {
				rows = append(rows, r)
			}
		}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: %q", name, got)
		}
	}
}
