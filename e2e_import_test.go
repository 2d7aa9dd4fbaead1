package main

import (
	"path/filepath"
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// TestE2EImportInApp drives the real binary in tmux at 80×24: I on the
// empty home list, the path of Excel's GBK+CRLF file with the merged
// layout's blanks pasted in quotes (as Explorer's 复制为路径 gives it),
// enter shows the summary naming both projects and nothing is stored yet;
// y stores them (the home list shows the document at once) after a backup.
func TestE2EImportInApp(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	dir := t.TempDir()
	db := filepath.Join(dir, "jixiao.db")
	csv, err := filepath.Abs(filepath.Join("export", "testdata", "import", "filldown-gbk-crlf.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "文本列表")
	s.Keys("I")
	s.WaitFor(wait, "导入（到文件中写的单位编码/年度）", "自动识别")
	s.Paste(`"` + csv + `"`)
	s.Keys("Enter")
	s.WaitFor(wait, "将导入", "新建项目：315-0404-JBN-PIZB 法律援助经费", "新建项目：315-0405-JBN-A4W0 公用取暖费", "y 导入")
	before, _ := filepath.Glob(db + ".bak-*")

	s.Keys("y")
	s.WaitFor(wait, "已导入", "抚宁区司法局", "2020")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}
	// The state before the import is in the newest backup: a new one, or
	// the open's when nothing changed in between (an identical state is not
	// backed up twice).
	after, err := store.ListBackups(db)
	if err != nil || len(after) == 0 || len(after) < len(before) {
		t.Fatalf("backups before the import %v, after %v (%v)", before, after, err)
	}
	bak, err := store.Open(after[0], &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := bak.ListDocuments()
	_ = bak.Close()
	if err != nil || len(docs) != 0 {
		t.Errorf("newest backup %s holds %v (%v), want the empty file as it was before the import", after[0], docs, err)
	}
	doc := storetest.StoredDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2020})
	if len(doc.Projects) != 2 || doc.Projects[0].Code != "315-0404-JBN-PIZB" || doc.Projects[1].Code != "315-0405-JBN-A4W0" {
		t.Fatalf("stored: %+v", doc.Projects)
	}
	for _, p := range doc.Projects {
		if len(p.Indicators) == 0 {
			t.Errorf("%s: no indicators stored", p.Name)
		}
		for i, in := range p.Indicators {
			if in.L1 == "" || in.L2 == "" {
				t.Errorf("%s row %d: merged 一级/二级 not filled down: %+v", p.Name, i+1, in)
			}
		}
	}
}
