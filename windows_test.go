package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"jixiao/export"
	"jixiao/internal/hostile"
	"jixiao/model"
	"jixiao/store"
)

// windowsNameProblem says why name cannot be a file name on Windows, or ""
// if it can. path/filepath applies only the rules of the OS the tests run
// on, so Windows' are written out here (from Microsoft's "Naming Files,
// Paths, and Namespaces"): no control characters or <>:"/\|?*, no trailing
// dot or space, not a device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9,
// with or without an extension), at most 255 UTF-16 units.
func windowsNameProblem(name string) string {
	if name == "" {
		return "empty"
	}
	for _, r := range name {
		if r < 0x20 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return "has " + string(r)
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "ends in a dot or space"
	}
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return "a device name"
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && strings.ContainsAny(stem[3:], "123456789¹²³") {
		return "a device name"
	}
	if n := len(utf16.Encode([]rune(name))); n > 255 {
		return "longer than 255 UTF-16 units"
	}
	return ""
}

func TestWindowsNameRules(t *testing.T) {
	for name, bad := range map[string]bool{
		"抚宁区 司法局-2020-绩效目标.md":          false,
		"jixiao.db.bak-20211015-093012": false,
		"CON-2020-绩效目标.md":              false,
		"CON.md":                        true,
		"nul":                           true,
		"com3.txt":                      true,
		"a:b.csv":                       true,
		"司法局.":                          true,
		"司法局 ":                          true,
		"a\x01b":                        true,
		strings.Repeat("绩", 256):        true,
	} {
		if got := windowsNameProblem(name) != ""; got != bad {
			t.Errorf("%q: bad = %v, want %v (%s)", name, got, bad, windowsNameProblem(name))
		}
	}
}

// TestExportNamesAreWindowsNames: the export file name made from any unit
// name, Chinese with spaces, a device name or hostile text, is a valid
// Windows file name.
func TestExportNamesAreWindowsNames(t *testing.T) {
	names := []string{"抚宁区 司法局", "  秦皇岛市 抚宁区 财政局  ", "CON", "nul", "aux.", "COM1", "LPT9 ", "司法局...", "a:b/c\\d", "“引号” 《书名》", strings.Repeat("预算绩效", 80)}
	for _, h := range hostile.All() {
		names = append(names, h.Value)
	}
	for _, n := range names {
		doc := &model.Document{UnitCode: "315002", UnitName: n, Year: 2021}
		for _, f := range []export.Format{export.FormatMarkdown, export.FormatCSV} {
			name := export.DefaultFileName(doc, f)
			if p := windowsNameProblem(name); p != "" {
				t.Errorf("unit %.40q: export name %.60q %s", n, name, p)
			}
		}
	}
}

// TestChineseSpacedPaths runs the commands an accountant types on a path
// with Chinese characters and spaces in every part (quoted on the command
// line, so one argument each): sample, export to a chosen file, import it
// back, list and restore the backups. Every file jixiao makes there has a
// valid Windows name.
func TestChineseSpacedPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "财务 资料", "2021 绩效")
	db := filepath.Join(dir, "jixiao 数据.db")
	if code, _, errOut := runCLI(t, nil, "sample", "--db", db); code != exitOK {
		t.Fatalf("sample: %d %s", code, errOut)
	}
	outDir := filepath.Join(t.TempDir(), "发 财政局")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(outDir, "抚宁区 司法局 2020（修改稿）.csv")
	if code, out, errOut := runCLI(t, nil, "export", "--db", db, "--format", "csv", "-o", csvPath); code != exitOK || !strings.Contains(out, csvPath) {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "import", "--db", db, csvPath); code != exitOK {
		t.Fatalf("import %s: %d %s", csvPath, code, errOut)
	}
	code, out, errOut := runCLI(t, nil, "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "抚宁区司法局") {
		t.Fatalf("list: %d %s %s", code, out, errOut)
	}
	backups, err := store.ListBackups(db)
	if err != nil || len(backups) == 0 {
		t.Fatalf("backups of %s: %v %v", db, backups, err)
	}
	if code, out, errOut := runCLI(t, nil, "restore", "--db", db, "--from", backups[len(backups)-1]); code != exitOK {
		t.Fatalf("restore: %d %s %s", code, out, errOut)
	}
	for _, d := range []string{dir, outDir} {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if p := windowsNameProblem(e.Name()); p != "" {
				t.Errorf("%s: %s", e.Name(), p)
			}
		}
	}
}
