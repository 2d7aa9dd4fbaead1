package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// spreadsheetFile is one of the files shaped as Excel and WPS leave them.
func spreadsheetFile(name string) string { return filepath.Join("export", "testdata", "import", name) }

// TestImportLostZerosIntoExisting: a file whose 单位编码 015001 came back
// from Excel as 15001 updates 015001/2021, says so, and names the project
// it creates; no document 15001/2021 appears.
func TestImportLostZerosIntoExisting(t *testing.T) {
	doc := &model.Document{UnitCode: "015001", UnitName: "某某局", Year: 2021, Status: model.StatusDraft,
		Projects: []model.Project{{Code: "0401001", Name: "办公经费"}}}
	db := putDoc(t, doc)
	file := spreadsheetFile("lost-zeros.csv")
	code, out, errOut := runCLI(t, nil, "import", file, "--db", db)
	want := "已导入 " + file + " 到 015001/2021 某某局：读取 2 行（UTF-8 编码），新建 1 个项目，更新 1 个项目，向下填充 0 个空单元格。\n" +
		"单位编码：文件中的 “15001” 按已有文档 015001/2021 导入（Excel/WPS 去掉了编码开头的 0）。\n" +
		"项目编码：文件中的 “401001” 按已有项目 “0401001” 更新（Excel/WPS 去掉了编码开头的 0）。\n" +
		"新建项目：401002 培训经费\n" +
		"更新项目：0401001 办公经费\n"
	if code != exitOK || errOut != "" || out != want {
		t.Fatalf("import: %d %q\n%s\nwant\n%s", code, errOut, out, want)
	}
	s, err := store.Open(db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.ListDocuments()
	if err != nil || len(docs) != 1 || docs[0].Key.UnitCode != "015001" || docs[0].Projects != 2 {
		t.Fatalf("documents after import: %+v %v", docs, err)
	}
}

// TestImportENotationChangesNothing: the file that once created a
// duplicate project (its 项目编码 turned into 4.08001E+11) is refused with
// the cause and the fix, and the database is unchanged.
func TestImportENotationChangesNothing(t *testing.T) {
	db := putDoc(t, model.Sample())
	before := exportCSV(t, db)
	file := spreadsheetFile("enotation.csv")
	code, out, errOut := runCLI(t, nil, "import", file, "--db", db)
	if code != exitDomain || out != "" || !strings.Contains(errOut, "有 1 处错误，数据库没有改动") ||
		!strings.Contains(errOut, "“4.08001E+11”是科学计数法") || !strings.Contains(errOut, "设为“文本”格式") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if after := exportCSV(t, db); !bytes.Equal(before, after) {
		t.Fatal("a refused import changed the database")
	}
}

// TestImportMergedLayoutCLI: the GBK, CRLF file with blank continuation
// rows and merged 一级/二级 imports, and the summary says how.
func TestImportMergedLayoutCLI(t *testing.T) {
	db := tempDB(t)
	file := spreadsheetFile("filldown-gbk-crlf.csv")
	code, out, errOut := runCLI(t, nil, "import", file, "--db", db)
	want := "已导入 " + file + " 到 315002/2020 抚宁区司法局：读取 10 行（GBK 编码），新建 2 个项目，更新 0 个项目，向下填充 109 个空单元格。\n" +
		"新建项目：315-0404-JBN-PIZB 法律援助经费\n新建项目：315-0405-JBN-A4W0 公用取暖费\n"
	if code != exitOK || errOut != "" || out != want {
		t.Fatalf("import: %d %q\n%s\nwant\n%s", code, errOut, out, want)
	}
}

// pasteBenchRows is the block BenchmarkImportCSV and the grid's
// BenchmarkPasteRows bring in: n indicator rows of one project, as
// export.WriteCSV writes them. The target holds that project with 10 rows.
func pasteBenchDoc(n int) (target, rows *model.Document) {
	target = model.Generate(1, 10)
	rows = model.Generate(1, n)
	rows.Projects[0].ID, rows.Projects[0].Code = target.Projects[0].ID, target.Projects[0].Code
	return target, rows
}

// BenchmarkImportCSV imports 1,000 indicator rows of one project into a
// document whose project has 10 (read, validate, apply, one write
// transaction) — the yardstick for pasting the same rows into the grid.
func BenchmarkImportCSV(b *testing.B) {
	target, rows := pasteBenchDoc(1000)
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, rows, export.CSVOptions{}); err != nil {
		b.Fatal(err)
	}
	s, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), &store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("rows=1000", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			b.StopTimer() // the project back to its 10 rows
			if err := s.PutDocument(target); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			im, err := export.ReadCSV(bytes.NewReader(buf.Bytes()), export.EncodingAuto)
			if err != nil {
				b.Fatal(err)
			}
			doc, err := s.Document(target.Key())
			if err != nil {
				b.Fatal(err)
			}
			if a := im.Apply(doc); len(a.Updated) != 1 {
				b.Fatalf("applied %+v", a)
			}
			if err := s.PutDocument(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
