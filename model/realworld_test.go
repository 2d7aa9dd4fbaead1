package model_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
)

// realworldDoc imports one published table with the app's own CSV reader,
// as `jixiao import` does, into a new document.
func realworldDoc(t *testing.T, name string) *model.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "realworld", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := export.ReadCSV(f, export.EncodingAuto)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	d := export.NewDocument(im.Key, im.UnitName)
	im.Apply(d)
	return d
}

// expectation is one line of testdata/realworld/expect.txt.
type expectation struct {
	line        int
	file, kind  string
	row         int    // 0-based; -1 for a project field
	field       string // the field when row is -1
	rules       []string
	layoutValue string
}

func readExpectations(t *testing.T) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "realworld", "expect.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		w := strings.Fields(sc.Text())
		if len(w) == 0 || strings.HasPrefix(w[0], "#") {
			continue
		}
		if len(w) < 3 {
			t.Fatalf("expect.txt:%d: too short", n)
		}
		e := expectation{line: n, file: w[0], kind: w[1], row: -1}
		switch e.kind {
		case "layout":
			e.layoutValue = w[2]
		case "never":
			e.rules = w[2:]
		case "found", "quiet":
			if r, err := strconv.Atoi(w[2]); err == nil {
				e.row = r - 1
			} else {
				e.field = w[2]
			}
			e.rules = w[3:]
			if e.kind == "found" && len(e.rules) != 1 {
				t.Fatalf("expect.txt:%d: found names one rule", n)
			}
		default:
			t.Fatalf("expect.txt:%d: unknown kind %q", n, e.kind)
		}
		for _, r := range e.rules {
			if model.RuleOrder(r) < 0 {
				t.Fatalf("expect.txt:%d: unknown rule %s", n, r)
			}
		}
		out = append(out, e)
	}
	return out
}

func (e expectation) at(f model.Finding) bool {
	if f.ProjectID == "" {
		return false
	}
	if e.row >= 0 {
		return f.Row == e.row
	}
	return f.Row < 0 && f.Field == e.field
}

func (e expectation) where() string {
	if e.row >= 0 {
		return "row " + strconv.Itoa(e.row+1)
	}
	return e.field
}

// TestRealworldTables is the measured test of issue 13: each published
// table under testdata/realworld, imported with export.ReadCSV and
// checked, raises what its README says a reviewer returns (by project
// row and rule) and nothing where the README says nothing must be raised.
func TestRealworldTables(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "realworld", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no tables: %v", err)
	}
	exps := readExpectations(t)
	covered := map[string]bool{}
	for _, e := range exps {
		covered[e.file] = true
	}
	for _, path := range files {
		if !covered[filepath.Base(path)] {
			t.Errorf("%s has no expectations", filepath.Base(path))
		}
	}
	docs := map[string]*model.Document{}
	findings := map[string][]model.Finding{}
	found, wanted := 0, 0
	for _, e := range exps {
		d := docs[e.file]
		if d == nil {
			d = realworldDoc(t, e.file)
			if len(d.Projects) != 1 {
				t.Fatalf("%s: %d projects, want 1", e.file, len(d.Projects))
			}
			docs[e.file], findings[e.file] = d, model.Check(d)
		}
		fs := findings[e.file]
		switch e.kind {
		case "layout":
			if got, _ := model.DetectLayout(d); got.String() != e.layoutValue {
				t.Errorf("expect.txt:%d: %s layout %s, want %s", e.line, e.file, got, e.layoutValue)
			}
		case "found":
			wanted++
			if slices.ContainsFunc(fs, func(f model.Finding) bool { return e.at(f) && f.Rule == e.rules[0] }) {
				found++
			} else {
				t.Errorf("expect.txt:%d: %s %s: no %s", e.line, e.file, e.where(), e.rules[0])
			}
		case "quiet":
			for _, f := range fs {
				if e.at(f) && !slices.Contains(e.rules, f.Rule) {
					t.Errorf("expect.txt:%d: %s %s must stay quiet: %s %s", e.line, e.file, e.where(), f.Rule, f.Message)
				}
			}
		case "never":
			for _, f := range fs {
				if slices.Contains(e.rules, f.Rule) {
					t.Errorf("expect.txt:%d: %s: %s must not be raised: row %d %s", e.line, e.file, f.Rule, f.Row+1, f.Message)
				}
			}
		}
	}
	t.Logf("found %d of %d expected faults", found, wanted)
}
