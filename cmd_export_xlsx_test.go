package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
	"jixiao/store"
)

// storedDocument reads the document key from the database file db.
func storedDocument(t *testing.T, db string, key model.DocKey) *model.Document {
	t.Helper()
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Document(key)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// withoutIDs is d with its project IDs cleared: an import into a new
// document gives the projects new IDs.
func withoutIDs(d *model.Document) *model.Document {
	c := *d
	c.Projects = append([]model.Project(nil), d.Projects...)
	for i := range c.Projects {
		c.Projects[i].ID = ""
	}
	return &c
}

// TestExportImportXLSX: jixiao export --format xlsx, then jixiao import of
// that file into a new database, gives the same stored document (project
// IDs aside), and exporting that again gives the same document once more.
func TestExportImportXLSX(t *testing.T) {
	key := model.DocKey{UnitCode: "315002", Year: 2020}
	src := putDoc(t, model.Sample())
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errOut := runCLI(t, nil, "export", "--db", src, "--format", "xlsx")
	file := filepath.Join(dir, "抚宁区司法局-2020-绩效目标.xlsx")
	if code != exitOK || errOut != "" || !strings.HasPrefix(out, "已写入 "+file+"（315002/2020，9 个项目，54 行指标；") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	if f, err := excelize.OpenFile(file); err != nil {
		t.Fatalf("excelize cannot open %s: %v", file, err)
	} else {
		f.Close()
	}
	dst := tempDB(t)
	code, out, errOut = runCLI(t, nil, "import", file, "--db", dst)
	if code != exitOK || errOut != "" || !strings.HasPrefix(out, "已导入 "+file+" 到 315002/2020 抚宁区司法局：读取 54 行（Excel 工作簿）") || !strings.Contains(out, "新建 9 个项目，更新 0 个项目") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	want, got := withoutIDs(storedDocument(t, src, key)), withoutIDs(storedDocument(t, dst, key))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("export → import changed the document:\n got %+v\nwant %+v", got, want)
	}

	code, _, errOut = runCLI(t, nil, "export", "--db", dst, "--format", "xlsx", "-o", "again.xlsx")
	if code != exitOK || errOut != "" {
		t.Fatalf("export again: %d %q", code, errOut)
	}
	again := tempDB(t)
	if code, out, errOut := runCLI(t, nil, "import", "again.xlsx", "--db", again); code != exitOK || errOut != "" {
		t.Fatalf("import again: %d %q %q", code, out, errOut)
	}
	if third := withoutIDs(storedDocument(t, again, key)); !reflect.DeepEqual(third, want) {
		t.Errorf("export → import → export → import changed the document")
	}
}

// TestImportXLSXErrors: a bad workbook changes nothing; each error names
// its sheet and cell.
func TestImportXLSXErrors(t *testing.T) {
	db := putDoc(t, model.Sample())
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.xlsx")
	if code, _, errOut := runCLI(t, nil, "export", "--db", db, "--format", "xlsx", "-o", file); code != exitOK {
		t.Fatalf("export: %q", errOut)
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("法律援助经费", "B4", "十六")
	f.SetCellValue("公用取暖费", "E7", 101)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := withoutIDs(storedDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2020}))
	code, out, errOut := runCLI(t, nil, "import", file, "--db", db)
	want := "jixiao import: " + file + " 有 2 处错误，数据库没有改动：\n" +
		"  法律援助经费!B4 “预算数”：金额格式不对（“十六”）\n" +
		"  公用取暖费!E7 “12月底”：百分比应在 0 到 100 之间（“101”）\n"
	if code != exitDomain || out != "" || errOut != want {
		t.Errorf("import: %d %q\n%s\nwant\n%s", code, out, errOut, want)
	}
	if after := withoutIDs(storedDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2020})); !reflect.DeepEqual(after, before) {
		t.Error("a failed import changed the database")
	}
	code, _, errOut = runCLI(t, nil, "import", file, "--db", db, "--encoding", "gbk")
	if code != exitUsage || !strings.Contains(errOut, "编码只用于 CSV 文件") {
		t.Errorf("import xlsx --encoding gbk: %d %q", code, errOut)
	}
	if err := os.WriteFile(file, []byte("PK\x03\x04 not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, nil, "import", file, "--db", db); code != exitUsage || !strings.HasPrefix(errOut, "jixiao import: 不是能打开的 .xlsx 工作簿") {
		t.Errorf("import of a broken zip: %d %q", code, errOut)
	}
}
