package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/hostile"
	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// hostileDocument puts v in every text field of a document (header, Part 1)
// and of a project, and in every cell of its indicator rows, each field
// tagged so that a value landing in the wrong field shows.
func hostileDocument(unit, v string) *model.Document {
	d := storetest.Document(unit, 2020, 2, 0)
	d.UnitName, d.Title, d.Compiler, d.Reviewer = "名"+v, "题"+v, "编"+v, "审"+v
	d.Overall = "总" + v
	d.Goals = []model.Goal{{Goal: "目" + v, Indicator: "指" + v}}
	d.Measures = []model.Measure{{Title: "措" + v, Content: "容" + v}}
	p := &d.Projects[1]
	p.Code, p.Name, p.Use, p.Goal = "码"+v, "项"+v, "用"+v, "标"+v
	for range 2 {
		var in model.Indicator
		for c := range model.IndicatorColumns {
			in.SetCell(c, model.IndicatorColumns[c]+v)
		}
		p.Indicators = append(p.Indicators, in)
	}
	return d
}

// TestHostileTextRoundTrip: every hostile value that is valid UTF-8, in
// every field, is stored exactly as given — escape sequences, controls
// (the unit separator the summaries use included), bidi overrides,
// zero-width characters, 100,000-character values — and comes back exactly
// from Document, Project, Header and ListDocuments after a reopen.
func TestHostileTextRoundTrip(t *testing.T) {
	for _, h := range hostile.Valid() {
		t.Run(h.Name, func(t *testing.T) {
			s := storetest.MustOpen(t)
			want := hostileDocument("315002", h.Value)
			if err := s.CreateDocument(want); err != nil {
				t.Fatal(err)
			}
			// An edit of one project, as the grid makes it.
			p := want.Projects[1]
			p.Indicators[1].Value = "≥" + h.Value
			if err := s.SaveProject(want.Key(), &p); err != nil {
				t.Fatal(err)
			}
			want.Projects[1] = p
			s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
			checkStored(t, s, want)
		})
	}
}

// checkStored compares everything the store says about want's document
// with want.
func checkStored(t *testing.T, s *store.Store, want *model.Document) {
	t.Helper()
	got, err := s.Document(want.Key())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("document changed in the store:\n got %s\nwant %s", clip(got), clip(want))
	}
	for i := range want.Projects {
		p, err := s.Project(want.Key(), want.Projects[i].ID)
		if err != nil || !reflect.DeepEqual(*p, want.Projects[i]) {
			t.Errorf("project %d: %v, %s", i, err, clip(p))
		}
	}
	head, sums, err := s.Header(want.Key())
	if err != nil {
		t.Fatal(err)
	}
	if head.UnitName != want.UnitName || head.Overall != want.Overall {
		t.Errorf("header %.100q %.100q", head.UnitName, head.Overall)
	}
	for i := range want.Projects {
		if w := model.Summarize(&want.Projects[i]); sums[i] != w {
			t.Errorf("summary %d:\n got %s\nwant %s", i, clip(sums[i]), clip(w))
		}
	}
	list, err := s.ListDocuments()
	if err != nil || len(list) != 1 || list[0].UnitName != want.UnitName || list[0].Projects != len(want.Projects) {
		t.Errorf("ListDocuments: %v %s", err, clip(list))
	}
}

// TestHostileUnitCode: a 单位编码 is a bbolt key. Control characters, bidi
// and zero-width characters in it round trip; one too long for a key is
// refused with ErrInvalidKey before anything is written.
func TestHostileUnitCode(t *testing.T) {
	s := storetest.MustOpen(t)
	for _, h := range hostile.Valid() {
		d := storetest.Document("1"+h.Value, 2020, 1, 1)
		err := s.CreateDocument(d)
		if len(d.UnitCode) > store.MaxUnitCodeBytes {
			if !errors.Is(err, store.ErrInvalidKey) {
				t.Errorf("%s: CreateDocument of a %d-byte code: %v, want ErrInvalidKey", h.Name, len(d.UnitCode), err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", h.Name, err)
			continue
		}
		got, err := s.Document(d.Key())
		if err != nil || !reflect.DeepEqual(got, d) {
			t.Errorf("%s: %v", h.Name, err)
		}
	}
	list, err := s.ListDocuments()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if len(d.Key.UnitCode) > store.MaxUnitCodeBytes {
			t.Errorf("a %d-byte code was stored", len(d.Key.UnitCode))
		}
	}
}

// TestInvalidUTF8 documents what the store does with invalid UTF-8, which
// the terminal app cannot produce and the import refuses by row: each
// invalid byte is stored as U+FFFD (encoding/json's rule), in the project
// and in its summary alike, so lists never disagree with the project.
func TestInvalidUTF8(t *testing.T) {
	for _, h := range hostile.All() {
		if utf8.ValidString(h.Value) {
			continue
		}
		t.Run(h.Name, func(t *testing.T) {
			s := storetest.MustOpen(t)
			d := hostileDocument("315002", h.Value)
			if err := s.CreateDocument(d); err != nil {
				t.Fatal(err)
			}
			s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})
			p, err := s.Project(d.Key(), d.Projects[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			want := replaceInvalid(d.Projects[1].Name)
			if p.Name != want || !utf8.ValidString(p.Name) {
				t.Errorf("name stored as %q, want %q", p.Name, want)
			}
			_, sums, err := s.Header(d.Key())
			if err != nil {
				t.Fatal(err)
			}
			if sums[1] != model.Summarize(p) {
				t.Errorf("summary %q disagrees with the project %q", sums[1].Name, p.Name)
			}
		})
	}
}

// clip prints v quoted and cut to 300 bytes: a failure must not print
// 100,000 characters or let an escape sequence reach the terminal.
func clip(v any) string {
	return fmt.Sprintf("%.300q", fmt.Sprintf("%+v", v))
}

// replaceInvalid replaces each invalid byte with U+FFFD.
func replaceInvalid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += n
	}
	return b.String()
}
