package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// soffice runs LibreOffice headless on its own profile (so it never hands
// the job to another running LibreOffice) and converts file into outDir.
func soffice(t *testing.T, bin, file, to, outDir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// LibreOffice keeps the stored value of an .xlsx formula unless told
	// to recalculate on load (OOXMLRecalcMode 0: always): it is told, so
	// the totals checked are the ones it computed.
	profileDir := filepath.Join(t.TempDir(), "profile")
	must(t, os.MkdirAll(filepath.Join(profileDir, "user"), 0o755))
	must(t, os.WriteFile(filepath.Join(profileDir, "user", "registrymodifications.xcu"), []byte(loRecalcAlways), 0o644))
	profile := "file://" + profileDir
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", to, "--outdir", outDir, file)
	out, err := cmd.CombinedOutput()
	ext, _, _ := strings.Cut(to, ":")
	got := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
	if _, serr := os.Stat(got); err != nil || serr != nil {
		t.Fatalf("soffice --convert-to %s: %v %v\n%s", to, err, serr, out)
	}
	return got
}

// TestXLSXInLibreOffice opens the sample's workbook as a recipient would,
// in LibreOffice Calc, and checks what LibreOffice read: it saves the
// workbook again as .xlsx, and excelize reads from that the sheet names,
// every merged range (the 一级/二级 runs among them), the print titles, and
// the 合计 row's SUM formulas with the values LibreOffice computed — after
// one project's 预算数 was changed without touching the stored total, so
// the total can only be right if LibreOffice computed it. Then the
// 法律援助经费 sheet alone is printed to PDF (one A4 landscape page) and,
// when pdftoppm is there, to PNG: JIXIAO_XLSX_PNG=path keeps the PNG (see
// README). Without soffice (Debian package libreoffice-calc) the test is
// skipped with that reason; .ci/run installs it.
func TestXLSXInLibreOffice(t *testing.T) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install the Debian package libreoffice-calc to open the workbook in LibreOffice (.ci/run does)")
	}
	dir := t.TempDir()
	d := model.Sample()
	data := exportXLSX(t, d, model.Check(d))
	ours := openXLSX(t, data)
	names := SheetNames(d)

	// The first project's 预算数 goes from 16 to 17 in 汇总; the stored
	// total stays 207.09.
	edited := editXLSX(t, data, func(f *excelize.File) {
		must(t, f.SetCellValue(SheetSummary, cellName(3, sumFirstData), 17.0))
	})
	in := filepath.Join(dir, "in", "sample.xlsx")
	must(t, os.MkdirAll(filepath.Dir(in), 0o755))
	must(t, os.WriteFile(in, edited, 0o644))
	saved := soffice(t, bin, in, `xlsx:Calc MS Excel 2007 XML`, filepath.Join(dir, "lo"))
	lo, err := excelize.OpenFile(saved)
	if err != nil {
		t.Fatalf("excelize cannot open LibreOffice's file: %v", err)
	}
	defer lo.Close()

	if got, want := lo.GetSheetList(), ours.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("LibreOffice's sheets %q, want %q", got, want)
	}
	for _, sheet := range ours.GetSheetList() {
		if got, want := mergeRefs(t, lo, sheet), mergeRefs(t, ours, sheet); !slices.Equal(got, want) {
			t.Errorf("%s: LibreOffice's merged ranges %q, want %q", sheet, got, want)
		}
	}
	if got := mergeRefs(t, lo, names[0]); !slices.Contains(got, "A10:A14") {
		t.Errorf("%s: the 产出指标 run A10:A14 is not merged in LibreOffice: %q", names[0], got)
	}
	titles := map[string]string{}
	for _, dn := range lo.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = strings.ReplaceAll(dn.RefersTo, "'", "")
		}
	}
	if got := titles[names[0]]; got != names[0]+"!$9:$9" {
		t.Errorf("%s: LibreOffice's print titles %q, want rows 9:9", names[0], got)
	}

	total := d.Totals()
	row := sumFirstData + len(d.Projects)
	plusOne := total.Budget.Add(model.MoneyUnits(10000))
	for i, want := range []string{plusOne.String(), total.Fiscal.String()} {
		cell := cellName(3+i, row)
		formula, _ := lo.GetCellFormula(SheetSummary, cell)
		shown, _ := lo.GetCellValue(SheetSummary, cell)
		if !strings.EqualFold(formula, "SUM("+cellName(3+i, sumFirstData)+":"+cellName(3+i, row-1)+")") || shown != want {
			t.Errorf("汇总!%s in LibreOffice: =%s shows %q, want the SUM showing %q", cell, formula, shown, want)
		}
	}
	for _, c := range []struct{ sheet, cell, want string }{
		{names[0], "B4", "16.00"}, {names[1], "B4", "4.64"}, {names[0], "B3", d.Projects[0].Code},
		{names[0], "A10", "产出指标"}, {SheetSummary, "B2", "315002"},
	} {
		if got, _ := lo.GetCellValue(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s in LibreOffice: %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}

	// The 法律援助经费 sheet alone, printed.
	one := editXLSX(t, data, func(f *excelize.File) {
		for _, s := range f.GetSheetList() {
			if s != names[0] {
				must(t, f.DeleteSheet(s))
			}
		}
	})
	sheetFile := filepath.Join(dir, "in", "sheet.xlsx")
	must(t, os.WriteFile(sheetFile, one, 0o644))
	pdf := soffice(t, bin, sheetFile, "pdf", filepath.Join(dir, "pdf"))
	pdfData, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(pdfData, []byte("%PDF")) {
		t.Fatalf("LibreOffice's PDF: %v", err)
	}
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm (Debian poppler-utils) not found: no PNG of the sheet")
		return
	}
	pngDir := filepath.Join(dir, "png")
	must(t, os.MkdirAll(pngDir, 0o755))
	if out, err := exec.Command(pdftoppm, "-png", "-r", "70", pdf, filepath.Join(pngDir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(pngDir, "page*.png"))
	if len(pages) != 1 {
		t.Fatalf("the %s sheet prints on %d pages, want 1 (A4 landscape, fit to width)", names[0], len(pages))
	}
	png, err := os.ReadFile(pages[0])
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("PNG: %v", err)
	}
	if keep := os.Getenv("JIXIAO_XLSX_PNG"); keep != "" {
		must(t, os.WriteFile(keep, png, 0o644))
		t.Logf("wrote %s (%d bytes)", keep, len(png))
	}
}

const loRecalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

func mergeRefs(t testing.TB, f *excelize.File, sheet string) []string {
	t.Helper()
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merges {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(refs)
	return refs
}
