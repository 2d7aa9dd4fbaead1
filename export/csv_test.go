package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao/model"
)

func exportCSV(t testing.TB, d *model.Document, opts CSVOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, d, opts); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	return buf.Bytes()
}

// importInto reads data and applies it to a new, empty document.
func importInto(t testing.TB, data []byte, enc Encoding) (*model.Document, *Import) {
	t.Helper()
	im, err := ReadCSV(bytes.NewReader(data), enc)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	d := NewDocument(im.Key, im.UnitName)
	im.Apply(d)
	return d, im
}

func TestCSVRoundTripIsExact(t *testing.T) {
	sampleWithOther := model.Sample()
	sampleWithOther.Projects[0].Other = model.MoneyUnits(1_2345)
	docs := map[string]*model.Document{
		"sample":  model.Sample(),
		"awkward": filledDown(awkwardDoc()),
		"other":   sampleWithOther,
	}
	opts := map[string]CSVOptions{
		"bom":   {},
		"nobom": {NoBOM: true},
	}
	for dn, d := range docs {
		for on, o := range opts {
			t.Run(dn+"/"+on, func(t *testing.T) {
				first := exportCSV(t, d, o)
				got, im := importInto(t, first, EncodingAuto)
				if im.Key != d.Key() || im.UnitName != d.UnitName {
					t.Errorf("document %v %q, want %v %q", im.Key, im.UnitName, d.Key(), d.UnitName)
				}
				if !reflect.DeepEqual(csvProjects(got.Projects), csvProjects(d.Projects)) {
					t.Errorf("imported projects differ from the exported ones")
				}
				second := exportCSV(t, got, o)
				if !bytes.Equal(first, second) {
					t.Errorf("export → import → export differs at byte %d", firstDiff(first, second))
				}
			})
		}
	}
}

func TestCSVGolden(t *testing.T) {
	golden(t, "sample.csv", exportCSV(t, model.Sample(), CSVOptions{}))
}

func TestCSVShape(t *testing.T) {
	d := awkwardDoc()
	data := exportCSV(t, d, CSVOptions{})
	if !bytes.HasPrefix(data, []byte("\uFEFF"+strings.Join(CSVHeader[:], ",")+"\n")) {
		t.Fatalf("file does not start with BOM and header: %q", data[:min(len(data), 80)])
	}
	if bytes.HasPrefix(exportCSV(t, d, CSVOptions{NoBOM: true}), []byte("\uFEFF")) {
		t.Error("--no-bom file has a BOM")
	}
	// encoding/csv, what other programs use, reads the same cells: one row
	// per indicator (at least one per project), 20 cells, no cell a formula.
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the export: %v", err)
	}
	want := 1
	for _, p := range d.Projects {
		want += max(1, len(p.Indicators))
	}
	if len(recs) != want {
		t.Errorf("%d records, want %d", len(recs), want)
	}
	ours, err := parseCSV(data[3:])
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		if len(rec) != len(CSVHeader) {
			t.Errorf("record %d has %d cells", i+1, len(rec))
			continue
		}
		for c, cell := range rec {
			if cell != "" && isFormulaTrigger(cell[0]) {
				t.Errorf("record %d %s starts a formula: %q", i+1, CSVHeader[c], cell)
			}
			// encoding/csv only differs in turning CR LF into LF.
			if mine := strings.ReplaceAll(ours[i].fields[c], "\r\n", "\n"); mine != cell {
				t.Errorf("record %d %s: encoding/csv reads %q, we read %q", i+1, CSVHeader[c], cell, mine)
			}
		}
	}
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, out string }{
		{"", ""},
		{"≥75%", "≥75%"},
		{"法律援助-案件", "法律援助-案件"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+1", "'+1"},
		{"-", "'-"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"''+x", "'''+x"},
		{"'abc", "'abc"},
		{"'", "'"},
		{"''", "''"},
		{"a=b", "a=b"},
		{" =x", " =x"},
		{"＝x", "＝x"}, // full-width: no spreadsheet runs it
	}
	for _, tt := range tests {
		if got := neutralize(tt.in); got != tt.out {
			t.Errorf("neutralize(%q) = %q, want %q", tt.in, got, tt.out)
		}
		if back := unneutralize(tt.out); back != tt.in {
			t.Errorf("unneutralize(%q) = %q, want %q", tt.out, back, tt.in)
		}
	}
}

func TestGBK(t *testing.T) {
	d := model.Sample()
	gbk := exportCSV(t, d, CSVOptions{Encoding: EncodingGBK})
	utf := exportCSV(t, d, CSVOptions{NoBOM: true})
	decoded, err := simplifiedchinese.GBK.NewDecoder().Bytes(gbk)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(decoded, utf) {
		t.Fatalf("GBK file decodes to something else than the UTF-8 file (byte %d)", firstDiff(decoded, utf))
	}
	if bytes.Equal(gbk, utf) {
		t.Fatal("GBK file is the UTF-8 file")
	}
	for _, enc := range []Encoding{EncodingAuto, EncodingGBK} {
		got, im := importInto(t, gbk, enc)
		if im.Encoding != EncodingGBK {
			t.Errorf("%q: read as %q", enc, im.Encoding)
		}
		if again := exportCSV(t, got, CSVOptions{Encoding: EncodingGBK}); !bytes.Equal(again, gbk) {
			t.Errorf("%q: GBK round trip differs at byte %d", enc, firstDiff(again, gbk))
		}
	}

	// Emoji have no GBK code: every such cell is named, nothing is written.
	d.Projects[1].Goal = "取暖😀"
	d.Projects[2].Indicators[1].Value = "≥75%🙂"
	var buf bytes.Buffer
	err = WriteCSV(&buf, d, CSVOptions{Encoding: EncodingGBK})
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	want := []string{
		"第 9 行 “绩效目标”：含有 GBK 编码无法表示的字符 “😀”（U+1F600），请改用 UTF-8 导出",
		"第 10 行 “绩效目标”：含有 GBK 编码无法表示的字符 “😀”（U+1F600），请改用 UTF-8 导出",
	}
	rows := 0
	for i, e := range errs {
		if i < len(want) && e.Error() != want[i] {
			t.Errorf("error %d = %s, want %s", i, e.Error(), want[i])
		}
		if e.Column == "指标值" {
			rows++
		}
	}
	if rows != 1 || len(errs) != 7+1 {
		t.Errorf("got %d errors (%d for 指标值), want 8 (7 rows of 公用取暖费, 1 指标值):\n%v", len(errs), rows, err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
}
