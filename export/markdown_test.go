package export

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"jixiao/model"
)

func exportMarkdown(t testing.TB, d *model.Document, fs []model.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, d, fs); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return buf.Bytes()
}

// renderGFM renders Markdown as a GFM reader (email client, GitHub) would.
// Raw HTML is allowed so that the <br> in cells shows up as <br>.
func renderGFM(t testing.TB, src []byte) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var out bytes.Buffer
	if err := md.Convert(src, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return out.String()
}

var (
	reTable = regexp.MustCompile(`(?s)<table>(.*?)</table>`)
	reRow   = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	reCell  = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	// GFM turns URLs in text into links (so does every mail program); the
	// reader still sees the text as typed, so tables() keeps only the text.
	reAutolink = regexp.MustCompile(`<a href="[^"]*">((?:https?://|www\.|[^<@]+@)[^<]*)</a>`)
)

// tables returns the rendered tables as rows of cell text: <br> back to a
// line break, entities decoded.
func tables(rendered string) [][][]string {
	var out [][][]string
	for _, tm := range reTable.FindAllStringSubmatch(rendered, -1) {
		var rows [][]string
		for _, rm := range reRow.FindAllStringSubmatch(tm[1], -1) {
			var cells []string
			for _, cm := range reCell.FindAllStringSubmatch(rm[1], -1) {
				text := reAutolink.ReplaceAllString(cm[1], "$1")
				cells = append(cells, html.UnescapeString(strings.ReplaceAll(text, "<br>", "\n")))
			}
			rows = append(rows, cells)
		}
		out = append(out, rows)
	}
	return out
}

// asCell is what a reader should see of s in a cell: line breaks as LF,
// surrounding spaces and tabs trimmed as GFM does.
func asCell(s string) string {
	s = strings.ReplaceAll(strings.Trim(s, " \t"), "\r\n", "\n")
	return visible(strings.ReplaceAll(s, "\r", "\n"))
}

// visible is the text a reader sees for s: the characters escape.go lists
// as hidden written as \uXXXX, invalid bytes as U+FFFD. It is written
// rune by rune from that list, apart from the byte scanner it checks.
func visible(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		hidden := r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			strings.ContainsRune("\u200b\u200c\u200e\u200f\u061c\u2060\ufeff\u2028\u2029", r)
		if hidden {
			fmt.Fprintf(&b, "\\u%04X", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestMarkdownTablesParse(t *testing.T) {
	for name, d := range map[string]*model.Document{"sample": model.Sample(), "awkward": awkwardDoc()} {
		t.Run(name, func(t *testing.T) {
			src := exportMarkdown(t, d, nil)
			rendered := renderGFM(t, src)
			for _, tag := range []string{"<ul>", "<ol>", "<pre>", "<blockquote>", "<hr", "<code>", "<em>", "<strong>", "<a ", "<del>", "<h4", "<div>"} {
				if strings.Contains(rendered, tag) {
					t.Errorf("user text became markup: %s in the HTML", tag)
				}
			}
			wantHeadings := map[string]int{"<h1>": 1, "<h2>": 3, "<h3>": 3 + len(d.Projects)}
			for tag, n := range wantHeadings {
				if got := strings.Count(rendered, tag); got != n {
					t.Errorf("%d %s headings, want %d", got, tag, n)
				}
			}
			tbs := tables(rendered)
			if len(tbs) != 1+3*len(d.Projects) {
				t.Fatalf("%d tables, want %d", len(tbs), 1+3*len(d.Projects))
			}
			if sum := tbs[0]; len(sum) != len(d.Projects)+2 || sum[len(sum)-1][0] != "合计" {
				t.Errorf("summary table has %d rows, want %d ending in 合计", len(sum), len(d.Projects)+2)
			}
			for i, p := range d.Projects {
				basics, ind := tbs[1+3*i], tbs[3+3*i]
				if got, want := basics[1][:2], []string{asCell(p.Code), asCell(p.Name)}; got[0] != want[0] || got[1] != want[1] {
					t.Errorf("project %d basics %q, want %q", i, got, want)
				}
				if len(ind) != 1+len(p.Indicators) {
					t.Errorf("project %d: indicator table has %d rows, want %d", i, len(ind), 1+len(p.Indicators))
					continue
				}
				for r, cells := range ind {
					if len(cells) != len(model.IndicatorColumns) {
						t.Errorf("project %d row %d: %d columns, want 6", i, r, len(cells))
						continue
					}
					if r == 0 {
						continue
					}
					for c, got := range cells {
						if want := asCell(p.Indicators[r-1].Cell(c)); got != want {
							t.Errorf("project %d row %d %s: reader sees %q, want %q", i, r, model.IndicatorColumns[c], got, want)
						}
					}
				}
			}
		})
	}
}

func TestMarkdownParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"普通文字", "<p>普通文字</p>"},
		{"# 不是标题", "<p># 不是标题</p>"},
		{"- 不是列表\n+ 也不是\n1. 更不是\n2) 还不是", "<p>- 不是列表<br>\n+ 也不是<br>\n1. 更不是<br>\n2) 还不是</p>"},
		{"    不是代码", "<p> 不是代码</p>"},
		{"第一段\n\n\n第二段", "<p>第一段</p>\n<p>第二段</p>"},
		{"a\r\nb\rc", "<p>a<br>\nb<br>\nc</p>"},
		{"*a* _b_ `c` [d](e) <f> &amp; ~~g~~ \\", "<p>*a* _b_ `c` [d](e) &lt;f&gt; &amp;amp; ~~g~~ \\</p>"},
		{"标题\n===", "<p>标题<br>\n===</p>"},
		{"标题\n---", "<p>标题<br>\n---</p>"},
		{"> 不是引用", "<p>&gt; 不是引用</p>"},
	}
	for _, tt := range tests {
		got := strings.TrimSpace(renderGFM(t, []byte(EscapeParagraph(tt.in))))
		if got != tt.want {
			t.Errorf("EscapeParagraph(%q) renders\n%s\nwant\n%s", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"# 标题 #", "标题 ##", "- a\nb", "1. x *y*"} {
		got := strings.TrimSpace(renderGFM(t, []byte("## "+EscapeHeading(in))))
		want := "<h2>" + html.EscapeString(strings.Join(strings.Fields(in), " ")) + "</h2>"
		if got != want {
			t.Errorf("EscapeHeading(%q) renders %s, want %s", in, got, want)
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	d := model.Sample()
	findings := []model.Finding{
		{Rule: "BUDGET_SUM", Severity: model.SeverityError, ProjectID: d.Projects[0].ID, ProjectCode: d.Projects[0].Code,
			ProjectName: d.Projects[0].Name, Row: -1, Field: model.FieldBudget, Message: "预算数 ≠ 财政资金 + 其他资金", Suggestion: "核对金额"},
		{Rule: "VALUE", Severity: model.SeverityWarning, ProjectID: d.Projects[1].ID, ProjectCode: d.Projects[1].Code,
			ProjectName: d.Projects[1].Name, Row: 0, Field: model.FieldValue, Message: "指标值 “**平米” 没有数字|", Suggestion: ""},
		{Rule: "PART1", Severity: model.SeverityWarning, Row: -1, Field: "overall", Message: "总体绩效目标太长"},
	}
	md := exportMarkdown(t, d, findings)
	golden(t, "sample.md", md)
	if !bytes.Contains(md, []byte("## 审核问题（1 个错误，2 个警告）")) || !bytes.Contains(md, []byte("| 错误 | 警告 |")) {
		t.Error("findings section or 错误/警告 columns missing")
	}
	unchecked := exportMarkdown(t, d, nil)
	if bytes.Contains(unchecked, []byte("审核意见")) || bytes.Contains(unchecked, []byte("| 错误")) {
		t.Error("unchecked document shows findings")
	}
	// The sample's cells are all short enough to align: every line of a
	// table has the same display width, so the pipes line up in an email.
	var widths []int
	for _, line := range append(strings.Split(string(md), "\n"), "") {
		if strings.HasPrefix(line, "|") {
			widths = append(widths, ansi.StringWidth(line))
			continue
		}
		for _, w := range widths {
			if w != widths[0] {
				t.Errorf("table lines of widths %v are not aligned", widths)
				break
			}
		}
		widths = widths[:0]
	}
}

func TestEscapeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a|b", `a\|b`},
		{"a\r\nb\nc\rd", "a<br>b<br>c<br>d"},
		{`\|`, `\\\|`},
		{"≥75%", "≥75%"},
		{"<br>", `\<br\>`},
	}
	for _, tt := range tests {
		if got := EscapeCell(tt.in); got != tt.want {
			t.Errorf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDisplayWidth checks the fast path against ansi.StringWidth rune by
// rune over every range it covers, and on mixed text.
func TestDisplayWidth(t *testing.T) {
	ranges := [][2]rune{{0x20, 0x7e}, {0x4e00, 0x9fff}, {0x3000, 0x3029}, {0xff01, 0xff60}, {0xffe0, 0xffe6}, {0x2200, 0x22ff}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if got, want := displayWidth(string(r)), ansi.StringWidth(string(r)); got != want {
				t.Errorf("displayWidth(%U) = %d, ansi says %d", r, got, want)
			}
		}
	}
	for _, s := range append(awkwardPieces, "法律援助案件办结率(%)≥75%", "（2020）15 号", "a\u0301", "〪", "한국어", "ｶﾞ") {
		if got, want := displayWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
}
