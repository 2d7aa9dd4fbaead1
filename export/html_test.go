package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao/internal/hostile"
	"jixiao/model"
)

func exportHTML(t testing.TB, d *model.Document, fs []model.Finding) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, d, fs); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return buf.String()
}

// TestHTMLSampleGolden: the sample's summary as HTML is testdata/sample.html.
func TestHTMLSampleGolden(t *testing.T) {
	d := model.Sample()
	golden(t, "sample.html", []byte(exportHTML(t, d, model.Check(d))))
}

var reTag = regexp.MustCompile(`<(/?)([!a-zA-Z][a-zA-Z0-9]*)`)

// htmlTags are the only elements the page may hold: the document's own and
// goldmark's for headings, paragraphs, tables and line breaks.
var htmlTags = map[string]bool{
	"!DOCTYPE": true, "html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"h1": true, "h2": true, "h3": true, "p": true, "table": true, "thead": true, "tbody": true,
	"tr": true, "th": true, "td": true, "br": true,
}

// TestHTMLSelfContained: the page loads nothing from anywhere: no
// scripts, links, images, imports or URLs; it has A4 print CSS, and the
// tables keep their borders inline (for mail programs that drop <style>).
func TestHTMLSelfContained(t *testing.T) {
	d := model.Sample()
	page := exportHTML(t, d, model.Check(d))
	for _, bad := range []string{"<script", "<link", "<img", "src=", "href=", "url(", "@import", "http:", "https:"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, want := range []string{`<meta charset="utf-8">`, "@page{size:A4 landscape", `<table style="border-collapse:collapse`, `<td style="border:1px solid`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, m := range reTag.FindAllStringSubmatch(page, -1) {
		if !htmlTags[m[2]] {
			t.Errorf("unexpected element <%s>", m[2])
		}
	}
	// Amount columns are right-aligned: the summary's 预算数 header and
	// the first project's 16.00.
	if !strings.Contains(page, `align="right">预算数</th>`) || !strings.Contains(page, `align="right">16.00</td>`) {
		t.Error("amounts are not right-aligned")
	}
}

// htmlTables reads the page's tables as a reader sees them.
func htmlTables(page string) [][][]string {
	page = strings.ReplaceAll(page, `<table style="`+htmlTableStyle+`">`, "<table>")
	return tables(page)
}

// TestHostileHTML: whatever the fields hold, the page is valid UTF-8
// without controls, bidi or hidden characters, holds no element but its
// own, keeps its tables' shape, and a reader sees each cell's text as in
// the Markdown summary.
func TestHostileHTML(t *testing.T) {
	plain := len(htmlTables(exportHTML(t, hostileDoc("x"), nil)))
	for _, h := range hostile.All() {
		t.Run(h.Name, func(t *testing.T) {
			page := exportHTML(t, hostileDoc(h.Value), nil)
			if !utf8.ValidString(page) {
				t.Fatal("the page is not valid UTF-8")
			}
			for i, r := range page {
				if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || isHidden(r) {
					t.Fatalf("the page holds %U at byte %d", r, i)
				}
			}
			for _, m := range reTag.FindAllStringSubmatch(page, -1) {
				if !htmlTags[m[2]] {
					t.Fatalf("the text made an element <%s>", m[2])
				}
			}
			tbs := htmlTables(page)
			if len(tbs) != plain {
				t.Fatalf("%d tables, want %d", len(tbs), plain)
			}
			rows := tbs[len(tbs)-1]
			if len(rows) != 3 {
				t.Fatalf("indicator table has %d rows, want 3", len(rows))
			}
			if len(h.Value) > 10_000 {
				return
			}
			for c := range model.IndicatorColumns {
				if got, want := rows[2][c], asCell(model.IndicatorColumns[c]+h.Value); got != want {
					t.Errorf("%s: reader sees %.80q, want %.80q", model.IndicatorColumns[c], got, want)
				}
			}
		})
	}
}
