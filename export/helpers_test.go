package export

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); first difference at byte %d", name, firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// awkwardPieces are the fragments awkward text is made of: everything that
// troubles CSV, Markdown or a spreadsheet.
var awkwardPieces = []string{
	"|", `"`, `""`, ",", "\r\n", "\n", "\r", "😀", "👨‍👩‍👧", "\t", "=", "+", "-", "@", "'", "''=",
	"≥75%", `\`, "*", "_", "`", "<br>", "&amp;", "#", "1.", " ", "  ", "中文", "法律援助", "a",
	"=SUM(A1:A2)", "@cmd", "+1", "-2", "\\|", "~~", "[x](y)", "<div>", "---", "> q", "\u200b", "é",
}

// awkwardText returns text of 0–5 awkward pieces.
func awkwardText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(awkwardPieces[r.IntN(len(awkwardPieces))])
	}
	return b.String()
}

// awkwardDoc is a document full of text that is hard to export: pipes,
// quotes, commas, every kind of line break, emoji, tabs, formula triggers,
// 10,000-character cells, empty cells and unset amounts. It is the same on
// every run.
func awkwardDoc() *model.Document {
	r := rand.New(rand.NewPCG(1, 2))
	d := &model.Document{
		UnitCode: "=315,002", UnitName: "抚宁区|司法局\"\n😀", Year: 2020,
		Title: "# 标题 | *强调* \\ \r\n第二行", Status: model.StatusDraft,
		Compiler: "司法局|", Reviewer: "财政局*", Currency: "万元",
		Overall: "    缩进的代码块？\n\n- 不是列表\n1. 也不是\n# 也不是标题\n===\n" + strings.Repeat("长", 10000),
		Goals:   []model.Goal{{Goal: awkwardText(r), Indicator: "a\r\nb\rc\n\nd"}},
		Measures: []model.Measure{
			{Title: "=标题", Content: awkwardText(r)},
			{Title: "", Content: "|x|"},
		},
	}
	money := func() model.Money {
		if r.IntN(4) == 0 {
			return model.Money{}
		}
		return model.MoneyUnits(r.Int64N(1_000_000_000))
	}
	percent := func() model.Percent {
		if r.IntN(4) == 0 {
			return model.Percent{}
		}
		return model.PercentHundredths(r.Int64N(100_01))
	}
	for i := range 12 {
		p := model.Project{
			ID:     fmt.Sprintf("id%02d", i),
			Code:   fmt.Sprintf("%s%d%s", awkwardText(r), i, awkwardText(r)),
			Name:   awkwardText(r),
			Budget: money(), Fiscal: money(), Other: money(),
			Use:  awkwardText(r),
			Plan: model.Plan{Mar: percent(), Jun: percent(), Oct: percent(), Dec: percent()},
			Goal: awkwardText(r),
		}
		switch i {
		case 0: // no indicators at all
		case 1: // one indicator, all empty: the same CSV as no indicators
			p.Indicators = []model.Indicator{{}}
		case 2: // an empty indicator among others
			p.Indicators = []model.Indicator{{L1: "产出指标"}, {}, {Basis: "x"}}
		case 3: // 10,000-character cells
			p.Name = strings.Repeat("名", 10000)
			p.Indicators = []model.Indicator{{Desc: strings.Repeat("=|\"\n", 2500), Value: "≥75%"}}
		default:
			for range 1 + r.IntN(6) {
				var in model.Indicator
				for c := range model.IndicatorColumns {
					in.SetCell(c, awkwardText(r))
				}
				p.Indicators = append(p.Indicators, in)
			}
		}
		d.Projects = append(d.Projects, p)
	}
	return d
}

// csvProjects returns the projects as the CSV carries them: no IDs, and a
// lone all-empty indicator is the same as none.
func csvProjects(ps []model.Project) []model.Project {
	out := make([]model.Project, len(ps))
	for i, p := range ps {
		p.ID = ""
		if len(p.Indicators) == 1 && p.Indicators[0] == (model.Indicator{}) || len(p.Indicators) == 0 {
			p.Indicators = nil
		}
		out[i] = p
	}
	return out
}

// filledDown returns a copy of d as a CSV import reads it back: the one
// thing the CSV cannot carry is a blank 一级 (and 二级) under a filled one
// in the same project, which import reads as "the same as above".
func filledDown(d *model.Document) *model.Document {
	c := *d
	c.Projects = make([]model.Project, len(d.Projects))
	for pi, p := range d.Projects {
		p.Indicators = append([]model.Indicator(nil), p.Indicators...)
		for i := 1; i < len(p.Indicators); i++ {
			model.FillLevels(&p.Indicators[i], &p.Indicators[i-1])
		}
		c.Projects[pi] = p
	}
	return &c
}
