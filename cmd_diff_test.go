package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

func TestDiffFivePlannedChanges(t *testing.T) {
	db := putDoc(t, model.Sample(), storetest.FiveChanges())
	for _, format := range []string{"md", "text", "json"} {
		code, out, errOut := runCLI(t, nil, "diff", "--db", db, "--format", format, "315002/2020", "315002/2021")
		if code != exitDomain || errOut != "" {
			t.Fatalf("diff --format %s: %d %q", format, code, errOut)
		}
		ext := map[string]string{"md": "md", "text": "txt", "json": "json"}[format]
		exportGolden(t, "diff-five."+ext, []byte(out))
		if format == "text" && strings.Contains(out, "\x1b[") {
			t.Error("colour written to a pipe")
		}
		if format == "json" {
			var v struct {
				Same    bool
				Counts  map[string]int
				Changes []struct{ Kind string }
			}
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, c := range v.Changes {
				kinds = append(kinds, c.Kind)
			}
			if want := "value_changed money text row_added project_renamed"; strings.Join(kinds, " ") != want || v.Same {
				t.Errorf("kinds %v, want exactly %s", kinds, want)
			}
		}
	}
	// Flags may follow the documents; the same document is exit 0.
	code, out, _ := runCLI(t, nil, "diff", "--db", db, "315002/2020", "315002/2020", "--format", "json")
	if code != exitOK || !strings.Contains(out, `"same": true`) {
		t.Errorf("diff of a document with itself: %d %s", code, out)
	}
}

func TestDiffErrors(t *testing.T) {
	db := putDoc(t, model.Sample())
	tests := []struct {
		args []string
		err  string
	}{
		{[]string{"315002/2020"}, "请给出两个文档"},
		{[]string{"315002/2020", "315002/2021"}, "找不到文档 315002/2021（jixiao list 列出已有的文档）"},
		{[]string{"315002/2020", "315002/2020@last"}, "315002/2020 还没有保留的副本"},
		{[]string{"315002/2020", "315002/2020@"}, "@ 后面应是时间"},
		{[]string{"315002", "315002/2020"}, "文档应写成 单位编码/年度"},
		{[]string{"--format", "html", "315002/2020", "315002/2020"}, `（不是 "html"）`},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, nil, append([]string{"diff", "--db", db}, tt.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.err) {
			t.Errorf("diff %v: %d %q %q, want 2 and %q", tt.args, code, out, errOut, tt.err)
		}
	}
}

// TestDiffSinceSent: an export keeps the document as sent; after an edit,
// diff KEY@last KEY shows the edit, and KEY@<time> names the copy.
func TestDiffSinceSent(t *testing.T) {
	db := putDoc(t, model.Sample())
	if code, _, errOut := runCLI(t, nil, "export", "--db", db, "--format", "md", "-o", "-"); code != exitOK || errOut != "" {
		t.Fatalf("export: %d %q", code, errOut)
	}
	code, out, _ := runCLI(t, nil, "snapshots", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "315002/2020@"+time.Now().Format("2006-01-02")) || !strings.Contains(out, "9 项  md -") {
		t.Fatalf("snapshots: %d %q", code, out)
	}
	stamp := strings.Fields(out)[0][len("315002/2020@"):]

	s := storetest.MustOpenPath(t, db, &store.Options{NoBackup: true})
	p, err := s.Project(model.DocKey{UnitCode: "315002", Year: 2020}, "p01")
	if err != nil {
		t.Fatal(err)
	}
	p.Fiscal = model.MoneyUnits(15_0000)
	p.Other = model.MoneyUnits(1_0000)
	if err := s.SaveProject(model.DocKey{UnitCode: "315002", Year: 2020}, p); err != nil {
		t.Fatal(err)
	}
	s.Close()

	for _, at := range []string{"last", stamp[:16]} {
		code, out, errOut := runCLI(t, nil, "diff", "--db", db, "315002/2020@"+at, "315002/2020")
		want := "315002/2020@" + stamp + " → 315002/2020\n共 1 处变动：金额变动 1。\n\n法律援助经费（315-0404-JBN-PIZB）\n  金额变动\n      财政资金：16.00 → 15.00（-1.00）\n      其他资金：（空） → 1.00（+1.00）\n"
		if code != exitDomain || out != want {
			t.Errorf("diff @%s: %d %q %q\nwant %q", at, code, out, errOut, want)
		}
	}
}
