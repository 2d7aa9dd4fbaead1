package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/hostile"
	"jixiao/model"
)

// hostileDoc puts v in every text field the exports carry, tagged by field
// so a value in the wrong place shows. The amounts stay real: they must
// parse on import.
func hostileDoc(v string) *model.Document {
	d := &model.Document{
		UnitCode: "315002" + v, UnitName: "名" + v, Year: 2020, Title: "题" + v,
		Status: model.StatusDraft, Compiler: "编" + v, Reviewer: "审" + v, Currency: "万元",
		Overall:  "总" + v + "\n\n" + v,
		Goals:    []model.Goal{{Goal: v, Indicator: "指" + v}},
		Measures: []model.Measure{{Title: v, Content: "容" + v}},
	}
	for i := range 2 {
		p := model.Project{
			Code: fmt.Sprintf("%d%s", i, v), Name: "项" + v, Use: v, Goal: "标" + v,
			Budget: model.MoneyUnits(160000), Fiscal: model.MoneyUnits(160000),
			Plan: model.Plan{Mar: model.PercentHundredths(2000), Dec: model.PercentHundredths(10000)},
		}
		for range 2 {
			var in model.Indicator
			for c := range model.IndicatorColumns {
				in.SetCell(c, model.IndicatorColumns[c]+v)
			}
			p.Indicators = append(p.Indicators, in)
		}
		d.Projects = append(d.Projects, p)
	}
	return d
}

// TestHostileMarkdown: whatever the fields hold, the Markdown file is valid
// UTF-8 without a single control character (tab and LF aside), bidi
// control or hidden character, its tables keep their shape, and a reader
// sees each cell's text with those characters written as \uXXXX.
func TestHostileMarkdown(t *testing.T) {
	plain := len(tables(renderGFM(t, exportMarkdown(t, hostileDoc("x"), nil))))
	for _, h := range hostile.All() {
		t.Run(h.Name, func(t *testing.T) {
			d := hostileDoc(h.Value)
			md := exportMarkdown(t, d, nil)
			if !utf8.Valid(md) {
				t.Fatal("the Markdown is not valid UTF-8")
			}
			for i, r := range string(md) {
				if r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || isHidden(r) {
					t.Fatalf("the Markdown holds %U at byte %d: …%q…", r, i, md[max(0, i-20):min(len(md), i+20)])
				}
			}
			if len(h.Value) > 10_000 {
				// The escaping works character by character, as checked
				// on the short values; rendering megabytes through
				// goldmark and the table regexps would only cost a minute
				// under -race.
				return
			}
			tbs := tables(renderGFM(t, md))
			if len(tbs) != plain {
				t.Fatalf("%d tables, want %d", len(tbs), plain)
			}
			// The last table is the last project's indicators.
			rows := tbs[len(tbs)-1]
			if len(rows) != 3 {
				t.Fatalf("indicator table has %d rows, want 3", len(rows))
			}
			for c := 2; c < len(model.IndicatorColumns); c++ { // 一级/二级 cells merge
				if got, want := rows[2][c], asCell(model.IndicatorColumns[c]+h.Value); got != want {
					t.Errorf("%s: reader sees %.80q, want %.80q", model.IndicatorColumns[c], got, want)
				}
			}
		})
	}
}

// TestHostileCSVRoundTrip: the CSV keeps every valid hostile value byte for
// byte (controls, bidi, zero-width characters and 100,000-character cells
// included) and imports it back exactly.
func TestHostileCSVRoundTrip(t *testing.T) {
	for _, h := range hostile.Valid() {
		t.Run(h.Name, func(t *testing.T) {
			d := hostileDoc(h.Value)
			for _, o := range []CSVOptions{{}, {NoBOM: true}} {
				data := exportCSV(t, d, o)
				im, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
				if err != nil {
					t.Fatalf("%+v: %.300v", o, err)
				}
				if im.Key.UnitCode != strings.TrimSpace(d.UnitCode) || im.UnitName != d.UnitName {
					t.Errorf("document %.80q %.80q", im.Key.UnitCode, im.UnitName)
				}
				if want := csvProjects(d.Projects); !reflect.DeepEqual(im.Projects, want) {
					t.Errorf("%+v: projects changed in the round trip", o)
				}
			}
		})
	}
}

// TestImportInvalidUTF8ByRow: invalid UTF-8 anywhere in a cell is reported
// by the row a spreadsheet shows and the column's name, every such cell at
// once — also after a cell with line breaks, which takes one row.
func TestImportInvalidUTF8ByRow(t *testing.T) {
	var bad []string
	for _, h := range hostile.All() {
		if !utf8.ValidString(h.Value) {
			bad = append(bad, h.Value)
		}
	}
	if len(bad) == 0 {
		t.Fatal("hostile.All has no invalid UTF-8")
	}
	data := csvOf(
		row("A", map[string]string{"资金用途": "一\r\n二\n三"}),
		row("A", map[string]string{"三级指标": "X" + bad[0]}),
		row("B", nil),
		row("C", map[string]string{"项目名称": bad[len(bad)-1], "指标值确定依据": "Y" + bad[0]}),
	)
	_, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("ReadCSV: %v, want Errors", err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d %s", e.Row, e.Column))
	}
	want := []string{"3 三级指标", "5 项目名称", "5 指标值确定依据"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors at %q, want %q\n%v", got, want, err)
	}
	if !utf8.ValidString(err.Error()) {
		t.Errorf("the message itself holds invalid UTF-8: %q", err)
	}
}

func TestOneLine(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"法律援助 ≥75% 😀", "法律援助 ≥75% 😀"},
		{"红\x1b[31m字", `红\u001B[31m字`},
		{"a\tb\r\nc\x00", `a\u0009b\u000D\u000Ac\u0000`},
		{"\u202e123\u202c", `\u202E123\u202C`},
		{"x\u0085y\u009b", `x\u0085y\u009B`},
		{"无效\xff", "无效\ufffd"},
		{"👨\u200d👩", "👨\u200d👩"},
	} {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, h := range hostile.All() {
		got := OneLine(h.Value)
		if !utf8.ValidString(got) {
			t.Errorf("%s: not valid UTF-8", h.Name)
		}
		for _, r := range got {
			if r < 0x20 || r >= 0x7f && r <= 0x9f || isHidden(r) {
				t.Errorf("%s: OneLine keeps %U", h.Name, r)
				break
			}
		}
	}
}

// TestImportMessagesAreSafe: a value quoted in an import error goes to a
// terminal; an escape sequence or bidi override in it arrives written out.
func TestImportMessagesAreSafe(t *testing.T) {
	data := csvOf(row("A", map[string]string{"年度": "\x1b[2J\u202e2020", "预算数": "1\x1b]0;x\x07"}))
	_, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\x1b\x07\u202e") {
		t.Errorf("the message holds control characters: %q", msg)
	}
	if !strings.Contains(msg, `\u001B[2J\u202E2020`) || !strings.Contains(msg, `1\u001B]0;x\u0007`) {
		t.Errorf("the message does not show the values written out: %q", msg)
	}
}

// TestDefaultFileNameHostile: whatever the 单位名称 holds, the default file
// name is one valid UTF-8 name of at most 255 bytes in the current folder,
// without controls, bidi or hidden characters.
func TestDefaultFileNameHostile(t *testing.T) {
	for _, h := range append(hostile.All(), hostile.Text{Name: "path", Value: "../../etc/passwd"}) {
		d := &model.Document{UnitCode: "315002", UnitName: h.Value, Year: 2020}
		for _, f := range []Format{FormatMarkdown, FormatCSV} {
			name := DefaultFileName(d, f)
			if len(name) > 255 || !utf8.ValidString(name) || strings.ContainsAny(name, `/\`) || name[0] == '.' {
				t.Errorf("%s: %.80q", h.Name, name)
			}
			for _, r := range name {
				if r < 0x20 || r >= 0x7f && r <= 0x9f || isHidden(r) {
					t.Errorf("%s: %.80q holds %U", h.Name, name, r)
				}
			}
		}
	}
}
