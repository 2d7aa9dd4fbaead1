package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/hostile"
	"jixiao/model"
	"jixiao/store"
)

// The package's -update flag. Other test files in package main that need
// one use flag.Lookup("update") rather than defining it again.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update, then review the diff); got:\n%s", path, got)
	}
}

// sampleDB returns a database holding the sample document, made by the
// sample command as a user would.
func sampleDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatalf("sample: %d %s", code, errOut)
	}
	return db
}

func TestCheckSampleText(t *testing.T) {
	db := sampleDB(t)
	code, out, errOut := runCLI(t, nil, "check", "--db", db)
	if code != exitDomain || errOut != "" {
		t.Errorf("check: exit %d, stderr %q; want 1 (the sample has errors) and nothing", code, errOut)
	}
	goldenFile(t, "check/sample.txt", out)
	// --doc names the same, only document.
	code2, out2, _ := runCLI(t, nil, "check", "--db", db, "--doc", "315002/2020")
	if code2 != code || out2 != out {
		t.Errorf("check --doc 315002/2020 differs from check: %d\n%s", code2, out2)
	}
}

func TestCheckSampleJSON(t *testing.T) {
	db := sampleDB(t)
	code, out, errOut := runCLI(t, nil, "check", "--db", db, "--json")
	if code != exitDomain || errOut != "" {
		t.Errorf("check --json: exit %d, stderr %q", code, errOut)
	}
	goldenFile(t, "check/sample.json", out)
	// The promised shape, read back: every key present, rows 1-based or
	// null, and the same findings as model.Check.
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	d := model.Sample()
	want := model.Check(d)
	if len(got) != len(want) {
		t.Fatalf("%d findings in JSON, model.Check has %d", len(got), len(want))
	}
	for i, g := range got {
		for _, k := range []string{"doc", "rule", "severity", "project_code", "project_name", "row", "field", "message"} {
			if _, ok := g[k]; !ok {
				t.Errorf("finding %d lacks %q: %v", i, k, g)
			}
		}
		f := want[i]
		row, isRow := g["row"].(float64)
		if g["rule"] != f.Rule || g["severity"] != f.Severity.String() || g["field"] != f.Field ||
			isRow != (f.Row >= 0) || isRow && int(row) != f.Row+1 {
			t.Errorf("finding %d: %v, want %+v", i, g, f)
		}
	}
}

func TestCheckExitCodes(t *testing.T) {
	// A clean document: fix every error and warning in a copy of the
	// sample's first project and store it alone.
	clean := &model.Document{UnitCode: "100001", UnitName: "示例局", Year: 2021, Title: "示例", Status: model.StatusDraft,
		Overall: "全年开展普法宣传活动 12 次以上", Goals: []model.Goal{{Goal: "普法宣传工作", Indicator: "宣传活动≥12次"}},
		Measures: []model.Measure{{Title: "加强支出管理", Content: "按预算进度使用经费"}}}
	p := model.Sample().Projects[2] // 普法宣传: only warnings
	clean.Projects = []model.Project{p}
	clean.Projects[0].Goal = "全年开展主题宣传活动 12 次，法律知晓率达到 70%"
	warnOnly := &model.Document{UnitCode: "100002", UnitName: "警告局", Year: 2021, Status: model.StatusDraft, Projects: []model.Project{p}}
	clean.Projects[0].Indicators = []model.Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "组织主题活动宣传场次", Desc: "主题宣传活动次数", Value: "≥12次", Basis: "年度工作计划"},
		{L1: "产出指标", L2: "质量指标", L3: "法治宣传覆盖面", Desc: "在全区范围内实现高质量覆盖", Value: "≥75%", Basis: "历年经验"},
		{L1: "产出指标", L2: "时效指标", L3: "活动完成时限", Desc: "按时完成", Value: "2020年12月31日前", Basis: "年度工作计划"},
		{L1: "产出指标", L2: "成本指标", L3: "宣传经费", Desc: "印刷和阵地建设", Value: "≤7万元", Basis: "预算"},
		{L1: "效益指标", L2: "社会效益指标", L3: "法律知晓率", Desc: "全民法律素质", Value: "≥70%", Basis: "调查问卷"},
		{L1: "满意度指标", L2: "服务对象满意度指标", L3: "群众满意度", Desc: "群众认可度", Value: "≥90%", Basis: "调查问卷"},
	}
	if fs := model.Check(clean); len(fs) != 0 {
		t.Fatalf("test document not clean: %+v", fs)
	}
	if e, w := model.Count(model.Check(warnOnly)); e != 0 || w == 0 {
		t.Fatalf("warnOnly: %d errors, %d warnings", e, w)
	}

	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*model.Document{clean, warnOnly} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	emptyDB := tempDB(t)
	if code, _, errOut := runCLI(t, nil, "list", "--db", emptyDB); code != exitOK {
		t.Fatalf("list: %s", errOut)
	}

	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings; "" means empty
	}{
		{"clean document", []string{"--doc", "100001/2021"}, exitOK, "100001/2021：未发现问题（共 1 个项目）", ""},
		{"clean, json", []string{"--doc", "100001/2021", "--json"}, exitOK, "[]\n", ""},
		{"warnings only", []string{"--doc", "100002/2021"}, exitOK, "[警告] 第 4 行 指标值：指标值“年度计划”不可衡量", ""},
		{"all documents", nil, exitOK, "100001/2021：未发现问题", ""},
		{"missing document", []string{"--doc", "315002/2020"}, exitUsage, "", "没有文档 315002/2020"},
		{"bad --doc", []string{"--doc", "315002"}, exitUsage, "", "--doc"},
		{"stray argument", []string{"315002/2020"}, exitUsage, "", "多余的参数"},
		{"unknown flag", []string{"--fix"}, exitUsage, "", "没有这个参数"},
		{"help", []string{"-h"}, exitOK, "", "--json 改为输出一个问题数组"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, nil, append([]string{"check", "--db", db}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if tt.out == "" && out != "" || !strings.Contains(out, tt.out) {
				t.Errorf("stdout %q, want it to contain %q", out, tt.out)
			}
			if tt.err == "" && errOut != "" || !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.err)
			}
		})
	}
	// The two documents are checked in order, each with its totals.
	_, out, _ := runCLI(t, nil, "check", "--db", db)
	if i, j := strings.Index(out, "100001/2021："), strings.Index(out, "100002/2021："); i < 0 || j < i {
		t.Errorf("both documents' totals, in order, expected:\n%s", out)
	}
	code, out, errOut := runCLI(t, nil, "check", "--db", emptyDB)
	if code != exitUsage || out != "" || !strings.Contains(errOut, "没有可检查的") {
		t.Errorf("empty database: %d %q %q", code, out, errOut)
	}
}

// TestCheckHostileText: names, titles and values that carry escape
// sequences or bidi controls are printed visibly escaped, so nothing that
// `jixiao check` prints can drive the terminal.
func TestCheckHostileText(t *testing.T) {
	db := tempDB(t)
	st, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := model.Sample()
	for i, h := range hostile.Valid() {
		if i == 0 {
			doc.UnitName, doc.Title = h.Value, h.Value
		}
		p := &doc.Projects[i%len(doc.Projects)]
		p.Name = h.Value
		p.Indicators[0].Value = "**" + h.Value // a placeholder finding quotes it
	}
	if err := st.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut := runCLI(t, nil, "check", "--db", db)
	if code != exitDomain {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; c < 0x20 && c != '\n' || c == 0x7f {
			t.Fatalf("control byte %#x in output near %q", c, out[max(0, i-20):min(len(out), i+20)])
		}
	}
	for _, r := range out {
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("control or bidi character %U in output", r)
		}
	}
}

// TestCheckLayoutAndPartOne: the text output names the layout the rules
// followed (set on the document, or detected) and lists Part 1 findings
// under their own heading, not as a project.
func TestCheckLayoutAndPartOne(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	set := &model.Document{UnitCode: "100003", UnitName: "设定局", Year: 2020, Status: model.StatusDraft,
		Layout: model.Layout101, Projects: []model.Project{model.Sample().Projects[2]}}
	auto := &model.Document{UnitCode: "100004", UnitName: "自动局", Year: 2027, Status: model.StatusDraft}
	for _, d := range []*model.Document{set, auto} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	for _, tt := range []struct{ doc, want string }{
		{"100003/2020", "指标体系：财预〔2021〕101号（成本指标为一级指标），已设定\n"},
		{"100003/2020", "第一部分 部门整体绩效目标：3 个警告\n  [警告] 总体绩效目标：总体绩效目标未填写"},
		{"100003/2020", "1. 普法宣传（315-0401-OYBN-QVW）"},
		{"100003/2020", "此行却把成本指标放在产出指标下"},
		{"100003/2020", "（1 个项目中 1 个有问题）"},
		{"100004/2027", "指标体系：财预〔2021〕101号（成本指标为一级指标），自动识别\n"},
		{"100004/2027", "100004/2027：0 个错误，3 个警告（0 个项目中 0 个有问题）"},
	} {
		_, out, errOut := runCLI(t, nil, "check", "--db", db, "--doc", tt.doc)
		if !strings.Contains(out, tt.want) {
			t.Errorf("check %s: want %q in\n%s%s", tt.doc, tt.want, out, errOut)
		}
	}
}
