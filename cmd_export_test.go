package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// updating reports whether -update was given. cmd_check_test.go defines
// the package's flag; other files look it up instead of defining it again.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// exportGolden compares got with testdata/name, or rewrites it with -update.
func exportGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)", name)
	}
}

// putDoc stores doc in a new database file and returns its path.
func putDoc(t *testing.T, docs ...*model.Document) string {
	t.Helper()
	db := tempDB(t)
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, d := range docs {
		if err := s.PutDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestExportGolden(t *testing.T) {
	db := putDoc(t, model.Sample())
	for _, format := range []string{"md", "csv"} {
		code, out, errOut := runCLI(t, nil, "export", "--db", db, "--format", format, "-o", "-")
		if code != exitOK || errOut != "" {
			t.Fatalf("export --format %s: %d %q", format, code, errOut)
		}
		exportGolden(t, "export-sample."+format, []byte(out))
	}
}

func TestExportToFile(t *testing.T) {
	db := putDoc(t, model.Sample())
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errOut := runCLI(t, nil, "export", "--db", db)
	want := filepath.Join(dir, "抚宁区司法局-2020-绩效目标.md")
	if code != exitOK || errOut != "" || !strings.HasPrefix(out, "已写入 "+want+"（315002/2020，9 个项目，54 行指标；") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	md, err := os.ReadFile(want)
	if err != nil || !bytes.HasPrefix(md, []byte("# 司法局 2020 年部门预算绩效文本（草案）\n")) {
		t.Fatalf("%s: %v %q", want, err, md[:min(len(md), 60)])
	}
	code, _, errOut = runCLI(t, nil, "export", "--db", db, "--doc", "315002/2020", "--format", "csv", "--no-bom", "-o", "out.csv")
	data, err := os.ReadFile(filepath.Join(dir, "out.csv"))
	if code != exitOK || errOut != "" || err != nil || !bytes.HasPrefix(data, []byte("单位编码,")) {
		t.Fatalf("export --no-bom: %d %q %v", code, errOut, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left %d files in the folder, want 2 (no temporary files)", len(entries))
	}
}

func TestExportErrors(t *testing.T) {
	emoji := model.Sample()
	emoji.Projects[0].Indicators[2].Desc = "宣传😀"
	db := putDoc(t, emoji)
	out := filepath.Join(t.TempDir(), "gbk.csv")
	noDir := filepath.Join(t.TempDir(), "没有这个文件夹", "a.md")
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--format", "pdf"}, exitUsage, "jixiao export: --format 只能是 md、csv、xlsx 或 html（不是 “pdf”）\n"},
		{[]string{"--no-bom"}, exitUsage, "jixiao export: --no-bom 和 --encoding 只用于 --format csv\n"},
		{[]string{"--format", "csv", "--encoding", "big5"}, exitUsage, "jixiao export: --encoding 只能是 utf-8 或 gbk（不是 \"big5\"）\n"},
		{[]string{"--doc", "315002/2021"}, exitDomain, "jixiao: 找不到文档 315002/2021（jixiao list 列出已有的文档）\n"},
		{[]string{"-o", noDir}, exitUsage, "jixiao export: 没有写入 " + noDir + "：文件夹不存在：" + filepath.Dir(noDir) + "\n"},
		{[]string{"--doc", "315002"}, exitUsage, "jixiao export: --doc 应写成 单位编码/年度，如 315002/2020（不是 “315002”）\n"},
		{[]string{"--format", "csv", "--encoding", "gbk", "-o", out}, exitDomain,
			"jixiao export: 315002/2020 有 GBK 无法表示的文字，没有写入。请用 --encoding utf-8，或修改这些单元格：\n" +
				"  第 4 行 “绩效指标描述”：含有 GBK 编码无法表示的字符 “😀”（U+1F600），请改用 UTF-8 导出\n"},
	}
	for _, tt := range tests {
		code, stdout, errOut := runCLI(t, nil, append([]string{"export", "--db", db}, tt.args...)...)
		if code != tt.code || errOut != tt.err || stdout != "" {
			t.Errorf("export %v: %d %q %q, want %d %q", tt.args, code, stdout, errOut, tt.code, tt.err)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed GBK export left %s (%v)", out, err)
	}
	two := putDoc(t, model.Sample(), &model.Document{UnitCode: "1", UnitName: "x", Year: 2021})
	code, _, errOut := runCLI(t, nil, "export", "--db", two)
	if code != exitUsage || !strings.Contains(errOut, "请用 --doc 选一个（1/2021、315002/2020）") {
		t.Errorf("export of two documents without --doc: %d %q", code, errOut)
	}
}

// exportCSV runs export --format csv -o - with extra flags.
func exportCSV(t *testing.T, db string, flags ...string) []byte {
	t.Helper()
	code, out, errOut := runCLI(t, nil, append([]string{"export", "--db", db, "--format", "csv", "-o", "-"}, flags...)...)
	if code != exitOK || errOut != "" {
		t.Fatalf("export: %d %q", code, errOut)
	}
	return []byte(out)
}

// awkwardDocument has text that troubles CSV, spreadsheets and the store:
// quotes, commas, pipes, CR LF, lone CR, tabs, emoji, formula triggers, a
// 10,000-character cell, and unset amounts and plan points.
func awkwardDocument() *model.Document {
	d := &model.Document{UnitCode: "9", UnitName: "=单位,\"名\"", Year: 2024}
	d.Projects = []model.Project{
		{Code: "@A|1", Name: "-名称\r\n第二行", Budget: model.MoneyUnits(1), Use: "\t用途\r", Goal: "'=x",
			Plan:       model.Plan{Dec: model.PercentHundredths(100_00)},
			Indicators: []model.Indicator{{L1: "+1", Desc: strings.Repeat("长|\"", 3334), Value: "≥75%", Basis: "😀"}, {}}},
		{Code: "B", Name: "无指标"},
	}
	return d
}

func TestImportRoundTrip(t *testing.T) {
	for _, flags := range [][]string{nil, {"--no-bom"}, {"--encoding", "gbk"}} {
		enc := "UTF-8"
		if len(flags) == 2 {
			enc = "GBK"
		}
		src := putDoc(t, model.Sample())
		first := exportCSV(t, src, flags...)
		file := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(file, first, 0o644); err != nil {
			t.Fatal(err)
		}
		dst := tempDB(t) // does not exist yet: import creates file and document
		code, out, errOut := runCLI(t, nil, "import", file, "--db", dst)
		if code != exitOK || errOut != "" || !strings.HasPrefix(out, "已导入 "+file+" 到 315002/2020 抚宁区司法局：读取 54 行（"+enc+" 编码），新建 9 个项目，更新 0 个项目，向下填充 0 个空单元格。\n新建项目：315-0404-JBN-PIZB 法律援助经费\n") {
			t.Fatalf("import %v: %d %q %q", flags, code, out, errOut)
		}
		if second := exportCSV(t, dst, flags...); !bytes.Equal(first, second) {
			t.Errorf("%v: export → import → export is not identical", flags)
		}
	}
}

func TestImportRoundTripAwkward(t *testing.T) {
	first := exportCSV(t, putDoc(t, awkwardDocument()))
	file := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(file, first, 0o644)
	dst := tempDB(t)
	if code, out, errOut := runCLI(t, nil, "import", file, "--db", dst); code != exitOK || errOut != "" {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if second := exportCSV(t, dst); !bytes.Equal(first, second) {
		t.Error("export → import → export of awkward text is not identical")
	}
}

func TestImportAllOrNothing(t *testing.T) {
	db := putDoc(t, model.Sample())
	before := exportCSV(t, db)
	lines := strings.SplitAfter(string(before), "\n")
	// Rename project 2 (rows 9–15 of the file), add a project, and break
	// two rows.
	var edited []string
	for i, l := range lines {
		if i >= 8 && i <= 14 {
			l = strings.Replace(l, ",公用取暖费,", ",公用取暖费（新）,", 1)
		}
		edited = append(edited, l)
	}
	newRow := strings.Replace(lines[1], "315-0404-JBN-PIZB,法律援助经费,16.00", "NEW-1,新项目,1.5", 1)
	bad := append(append([]string{}, edited...), newRow,
		strings.Replace(newRow, "1.5", "1..5", 1),
		strings.Replace(newRow, "20.00", "120", 1),
		strings.Replace(newRow, "新项目", "新项目2", 1))
	file := filepath.Join(t.TempDir(), "edited.csv")
	os.WriteFile(file, []byte(strings.Join(bad, "")), 0o644)
	code, out, errOut := runCLI(t, nil, "import", "--db", db, file)
	want := "jixiao import: " + file + " 有 3 处错误，数据库没有改动：\n" +
		"  第 57 行 “预算数”：金额格式不对（“1..5”）\n" +
		"  第 58 行 “3月底”：百分比应在 0 到 100 之间（“120”）\n" +
		"  第 59 行 “项目名称”：与同一项目（NEW-1）第 56 行不一致：那里是 “新项目”，这里是 “新项目2”\n"
	if code != exitDomain || out != "" || errOut != want {
		t.Fatalf("bad import: %d %q\n%s\nwant\n%s", code, out, errOut, want)
	}
	if after := exportCSV(t, db); !bytes.Equal(before, after) {
		t.Fatal("a failed import changed the database")
	}

	os.WriteFile(file, []byte(strings.Join(append(edited, newRow), "")), 0o644)
	code, out, errOut = runCLI(t, nil, "import", "--db", db, file, "--doc", "315002/2020")
	if code != exitOK || errOut != "" || !strings.HasPrefix(out, "已导入 "+file+" 到 315002/2020 抚宁区司法局：读取 55 行（UTF-8 编码），新建 1 个项目，更新 9 个项目，向下填充 0 个空单元格。\n"+
		"新建项目：NEW-1 新项目\n更新项目：315-0404-JBN-PIZB 法律援助经费\n更新项目：315-0405-JBN-A4W0 公用取暖费（新）\n") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := s.Document(model.DocKey{UnitCode: "315002", Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Projects) != 10 || doc.Projects[1].ID != "p02" || doc.Projects[1].Name != "公用取暖费（新）" ||
		len(doc.Projects[1].Indicators) != 7 || doc.Projects[9].Code != "NEW-1" || doc.Projects[9].Budget.String() != "1.50" {
		t.Errorf("after import: %d projects; #2 %q %q (%d rows); #10 %q %s", len(doc.Projects), doc.Projects[1].ID,
			doc.Projects[1].Name, len(doc.Projects[1].Indicators), doc.Projects[9].Code, doc.Projects[9].Budget)
	}
}

func TestImportOtherInputs(t *testing.T) {
	src := putDoc(t, model.Sample())
	csv := exportCSV(t, src)
	dir := t.TempDir()

	// stdin, into another document named by --doc.
	db := tempDB(t)
	var out, errOut bytes.Buffer
	env := &cliEnv{stdin: bytes.NewReader(csv), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	if code := run(env, []string{"import", "-", "--db", db, "--doc", "315002/2021"}); code != exitOK || errOut.Len() > 0 ||
		!strings.Contains(out.String(), "\n文件中的行属于 315002/2020，按 --doc 导入到 315002/2021。\n") {
		t.Fatalf("import - --doc: %d %q %q", code, out.String(), errOut.String())
	}
	if got := exportCSV(t, db, "--doc", "315002/2021"); !bytes.Equal(got, bytes.ReplaceAll(csv, []byte(",2020,"), []byte(",2021,"))) {
		t.Error("import into 315002/2021 does not export as the same rows with 年度 2021")
	}

	// GBK detected without --encoding; an explicit wrong encoding fails by row.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(bytes.TrimPrefix(csv, []byte("\uFEFF")))
	gbkFile := filepath.Join(dir, "gbk.csv")
	os.WriteFile(gbkFile, gbk, 0o644)
	if code, out, errOut := runCLI(t, nil, "import", gbkFile, "--db", tempDB(t)); code != exitOK || !strings.Contains(out, "（GBK 编码）") {
		t.Errorf("GBK import: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "import", gbkFile, "--db", tempDB(t), "--encoding", "utf-8"); code != exitDomain ||
		!strings.Contains(errOut, "第 1 行：表头缺少 20 列") || !strings.Contains(errOut, "请加 --encoding gbk 再试") {
		t.Errorf("GBK read as UTF-8: %d %q", code, errOut)
	}

	headerOnly := filepath.Join(dir, "header.csv")
	os.WriteFile(headerOnly, []byte(strings.Join(export.CSVHeader[:], ",")+"\r\n"), 0o644)
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{headerOnly}, exitDomain, "jixiao import: " + headerOnly + " 只有表头，没有数据行；要建一个空文档，请用 --doc 指定 单位编码/年度\n"},
		{nil, exitUsage, "jixiao import: 请给出一个 CSV 文件（只能一个）\n"},
		{[]string{"a.csv", "b.csv"}, exitUsage, "jixiao import: 请给出一个 CSV 文件（只能一个）\n"},
		{[]string{filepath.Join(dir, "missing.csv")}, exitUsage, "jixiao import: 文件不存在：" + filepath.Join(dir, "missing.csv") + "\n"},
		{[]string{gbkFile, "--encoding", "latin1"}, exitUsage, "jixiao import: --encoding 只能是 utf-8 或 gbk（不是 “latin1”）\n"},
		{[]string{gbkFile, "--doc", "315002"}, exitUsage, "jixiao import: --doc 应写成 单位编码/年度，如 315002/2020（不是 “315002”）\n"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, nil, append([]string{"import", "--db", tempDB(t)}, tt.args...)...)
		if code != tt.code || !strings.HasPrefix(errOut, tt.err) {
			t.Errorf("import %v: %d %q, want %d %q", tt.args, code, errOut, tt.code, tt.err)
		}
	}
}
