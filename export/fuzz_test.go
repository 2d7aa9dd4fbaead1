package export

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/hostile"
	"jixiao/model"
)

// FuzzReadCSV: ReadCSV never panics and fails only with Errors; whatever it
// accepts exports and imports again to the same projects, and exporting
// that gives the same bytes.
func FuzzReadCSV(f *testing.F) {
	// Seeds stay small: the fuzzer slows to a crawl on inputs of many KB.
	small := model.Sample()
	small.Projects = small.Projects[:2]
	small.Projects[0].Indicators = small.Projects[0].Indicators[:1]
	small.Projects[1].Indicators = nil
	for _, o := range []CSVOptions{{}, {Encoding: EncodingGBK}} {
		var buf bytes.Buffer
		WriteCSV(&buf, small, o)
		f.Add(buf.Bytes())
	}
	f.Add(csvOf(row("A", map[string]string{"绩效目标": "'=x\r\n\"|\""}), row("A", nil), row("B", map[string]string{"指标值": ""})))
	f.Add([]byte(strings.Join(CSVHeader[:], ",") + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := ReadCSV(bytes.NewReader(data), EncodingAuto)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error is not a row list: %v", err)
			}
			return
		}
		d := NewDocument(im.Key, im.UnitName)
		im.Apply(d)
		var first bytes.Buffer
		if err := WriteCSV(&first, d, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCSV(bytes.NewReader(first.Bytes()), EncodingAuto)
		if err != nil {
			t.Fatalf("our own export does not import: %v\n%q", err, first.Bytes())
		}
		if len(im.Projects) > 0 && (again.Key != im.Key || again.UnitName != im.UnitName) {
			t.Fatalf("document %v %q became %v %q", im.Key, im.UnitName, again.Key, again.UnitName)
		}
		if !reflect.DeepEqual(again.Projects, im.Projects) {
			t.Fatalf("projects changed in the round trip:\n%+v\n%+v", im.Projects, again.Projects)
		}
		d2 := NewDocument(again.Key, again.UnitName)
		again.Apply(d2)
		var second bytes.Buffer
		if err := WriteCSV(&second, d2, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("export → import → export differs at byte %d", firstDiff(first.Bytes(), second.Bytes()))
		}
	})
}

// FuzzMarkdownEscape: an escaped cell never holds a line break or an
// unescaped |, and a GFM reader sees exactly one cell with the text.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range awkwardPieces {
		f.Add(s)
	}
	f.Add("a|b\\|c\\\\|d\r\ne")
	for _, h := range hostile.All() {
		if len(h.Value) < 1000 {
			f.Add(h.Value)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeCell(s)
		if strings.ContainsAny(e, "\r\n") {
			t.Fatalf("EscapeCell(%q) = %q holds a line break", s, e)
		}
		for i := 0; i < len(e); i++ {
			if e[i] != '|' {
				continue
			}
			n := 0
			for j := i - 1; j >= 0 && e[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				t.Fatalf("EscapeCell(%q) = %q has an unescaped | at %d", s, e, i)
			}
		}
		if !utf8.ValidString(e) {
			t.Fatalf("EscapeCell(%q) = %q is not valid UTF-8", s, e)
		}
		for _, r := range e {
			if r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0xfeff {
				t.Fatalf("EscapeCell(%q) = %q holds the control %U", s, e, r)
			}
		}
		tbs := tables(renderGFM(t, []byte("| h | x |\n| --- | --- |\n| "+e+" | x |\n")))
		if len(tbs) != 1 || len(tbs[0]) != 2 || len(tbs[0][1]) != 2 {
			t.Fatalf("EscapeCell(%q) = %q breaks the table: %q", s, e, tbs)
		}
		if got, want := tbs[0][1][0], asCell(s); got != want {
			t.Fatalf("EscapeCell(%q) = %q: reader sees %q, want %q", s, e, got, want)
		}
	})
}
