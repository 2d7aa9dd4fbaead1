package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
)

// TestCopySampleForward: `jixiao copy` on the sample gives a 2021 draft
// whose check has no 二级 out of place (the 101号 layout) and whose every
// indicator value (and 三级, description, basis) equals the source's; the
// source is unchanged and the file was backed up first.
func TestCopySampleForward(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := runCLI(t, nil, "copy", "315002/2020", "--year", "2021", "--db", db)
	if code != exitOK || errOut != "" ||
		!strings.HasPrefix(out, "已把 315002/2020 复制为 315002/2021 抚宁区司法局（草案）：9 个项目，54 行指标，预算数合计 207.09 万元。\n"+
			"按财预〔2021〕101号的指标体系移动了 19 行（--keep-layout 可按原样复制）：\n"+
			"  法律援助经费 第 4 行 社会效益指标：产出指标/效果指标 → 效益指标/社会效益指标\n"+
			"  法律援助经费 第 5 行 案件补贴律师值班补贴：产出指标/成本指标 → 成本指标/经济成本指标\n") {
		t.Fatalf("copy: %d %q\n%s", code, errOut, out)
	}
	backups, err := store.ListBackups(db)
	if err != nil || len(backups) == 0 {
		t.Errorf("no backup next to %s: %v %v", filepath.Base(db), backups, err)
	}

	_, js, errOut := runCLI(t, nil, "check", "--db", db, "--doc", "315002/2021", "--json")
	var findings []struct{ Rule string }
	if err := json.Unmarshal([]byte(js), &findings); err != nil || len(findings) == 0 {
		t.Fatalf("check --json: %v %q", err, errOut)
	}
	for _, f := range findings {
		if f.Rule == model.RuleL2Parent || f.Rule == model.RuleL1Unknown || f.Rule == model.RuleL2Unknown || f.Rule == model.RuleLayoutMixed {
			t.Errorf("finding %s in the copy", f.Rule)
		}
	}
	_, js, _ = runCLI(t, nil, "check", "--db", db, "--doc", "315002/2020", "--json")
	if !strings.Contains(js, `"rule": "`+model.RuleL2Parent+`"`) {
		t.Error("the source has no 二级 placement finding: the test no longer shows the copy fixing one")
	}

	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src, err := s.Document(model.DocKey{UnitCode: "315002", Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if sample := model.Sample(); !reflect.DeepEqual(src.Projects, sample.Projects) || src.Title != sample.Title {
		t.Error("the copy changed its source")
	}
	dst, err := s.Document(model.DocKey{UnitCode: "315002", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if dst.Status != model.StatusDraft || dst.Overall != src.Overall || !reflect.DeepEqual(dst.Goals, src.Goals) || !reflect.DeepEqual(dst.Measures, src.Measures) {
		t.Errorf("header/Part 1 of the copy: %+v", dst)
	}
	for pi, p := range dst.Projects {
		sp := src.Projects[pi]
		if p.Code != sp.Code || p.Name != sp.Name || p.Budget != sp.Budget || p.Plan != sp.Plan || p.Goal != sp.Goal || len(p.Indicators) != len(sp.Indicators) {
			t.Fatalf("project %d of the copy: %+v", pi, p)
		}
		for i, in := range p.Indicators {
			if s := sp.Indicators[i]; in.Value != s.Value || in.L3 != s.L3 || in.Desc != s.Desc || in.Basis != s.Basis {
				t.Errorf("project %d row %d: %+v, source %+v", pi+1, i+1, in, s)
			}
		}
	}
}

func TestCopyRefusals(t *testing.T) {
	db := tempDB(t)
	runCLI(t, nil, "sample", "--db", db)
	if code, out, errOut := runCLI(t, nil, "copy", "315002/2020", "--year", "2021", "--keep-layout", "--name", "新名称", "--db", db); code != exitOK ||
		!strings.Contains(out, "复制为 315002/2021 新名称（草案）") || !strings.HasSuffix(out, "指标行按原样复制（--keep-layout）。\n") || strings.Contains(out, "移动了") {
		t.Fatalf("copy --keep-layout: %d %q %q", code, out, errOut)
	}
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := s.Document(model.DocKey{UnitCode: "315002", Year: 2021})
	s.Close()
	if err != nil || !reflect.DeepEqual(kept.Projects, model.Sample().Projects) {
		t.Fatalf("--keep-layout copy differs from the source: %v", err)
	}
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"315002/2020", "--year", "2021"}, exitDomain, "jixiao copy: 315002/2021 已经有了，没有复制，原有的文档没有改动（换一个 --year 或 --code，或先在应用中删除它）\n"},
		{[]string{"315009/2020", "--year", "2021"}, exitDomain, "jixiao copy: 没有文档 315009/2020（jixiao list 列出已有的文档）\n"},
		{[]string{"315002/2020"}, exitUsage, "jixiao copy: --year 应是副本的 4 位年度，如 --year 2021\n"},
		{[]string{"315002/2020", "--year", "20210"}, exitUsage, "jixiao copy: --year 应是副本的 4 位年度，如 --year 2021\n"},
		{[]string{"315002/2020", "--year", "2020"}, exitUsage, "jixiao copy: 副本与原文档都是 315002/2020：请用 --year 或 --code 指定另一个文档\n"},
		{[]string{"--year", "2021"}, exitUsage, "jixiao copy: 请给出一个要复制的文档（只能一个），如 315002/2020\n"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, nil, append([]string{"copy", "--db", db}, tt.args...)...)
		if code != tt.code || out != "" || !strings.HasPrefix(errOut, tt.err) {
			t.Errorf("copy %v: %d %q %q, want %d %q", tt.args, code, out, errOut, tt.code, tt.err)
		}
	}
	// The refused copy over an existing target left it as it was.
	if code, out, _ := runCLI(t, nil, "list", "--db", db); code != exitOK || !strings.Contains(out, "315002  新名称") {
		t.Errorf("list after refusals: %q", out)
	}
}

// BenchmarkCopyDocument copies a document of 1,000 projects of 10
// indicators (read, copy, relayout, one write transaction); store.Document
// reads the same document once, the yardstick.
func BenchmarkCopyDocument(b *testing.B) {
	db := filepath.Join(b.TempDir(), "bench.db")
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	src := model.Generate(1000, 10)
	if err := s.PutDocument(src); err != nil {
		b.Fatal(err)
	}
	key := src.Key()
	b.Run("projects=1000", func(b *testing.B) {
		b.ReportAllocs()
		year := 2100
		for b.Loop() {
			year++
			if _, _, err := copyDocument(s, key, model.DocKey{UnitCode: key.UnitCode, Year: year}, "", false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("store.Document", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Document(key); err != nil {
				b.Fatal(err)
			}
		}
	})
}
