package export

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"jixiao/model"
)

// htmlMarkdown renders the summary's Markdown: CommonMark with GFM tables
// only (no autolinks, so a web address in the text stays text), alignment
// as align="right" attributes, which every mail program keeps. Raw HTML is
// allowed because the summary's only raw HTML is the <br> it writes
// between a cell's lines: every < from the user is escaped (see
// EscapeCell), so no tag of theirs reaches the page.
var htmlMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute))),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// Inline styles of the tables: mail programs that drop a <style> element
// (or a paste that loses it) still draw the borders.
const (
	htmlTableStyle = `border-collapse:collapse;margin:6px 0 14px`
	htmlCellStyle  = `border:1px solid #808080;padding:3px 8px;vertical-align:top`
	htmlHeadStyle  = htmlCellStyle + `;background:#f2f2f2;white-space:nowrap`
)

// htmlStyle is the page's own CSS: readable on screen, A4 landscape in print
// with each table's header repeated on every page.
const htmlStyle = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",SimSun,sans-serif;font-size:14px;line-height:1.5;color:#000;background:#fff;margin:16px;max-width:1200px}
h1{font-size:20px;text-align:center;margin:8px 0 12px}
h2{font-size:17px;margin:18px 0 8px;border-bottom:1px solid #808080}
h3{font-size:15px;margin:14px 0 6px}
p{margin:4px 0 8px}
table{border-collapse:collapse}
th,td{border:1px solid #808080;padding:3px 8px;vertical-align:top}
th{background:#f2f2f2}
td[align=right]{white-space:nowrap;font-variant-numeric:tabular-nums}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}thead{display:table-header-group}tr{break-inside:avoid}h2,h3{break-after:avoid}}
`

// HTML writes the Markdown summary (see Markdown) as one self-contained
// HTML page for the body of an email: no external CSS, fonts, images or
// scripts; tables with borders and right-aligned amounts, styled inline as
// well as in the page's <style>; printable on A4 landscape. The text is the
// Markdown's, so it is escaped the same way: a reader sees every cell as
// typed, and no text of the user's becomes markup.
func HTML(w io.Writer, doc *model.Document, findings []model.Finding) error {
	var md bytes.Buffer
	if err := Markdown(&md, doc, findings); err != nil {
		return err
	}
	var body bytes.Buffer
	if err := htmlMarkdown.Convert(md.Bytes(), &body); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	bw.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	bw.WriteString(html.EscapeString(OneLine(documentTitle(doc))))
	bw.WriteString("</title>\n<style>\n")
	bw.WriteString(htmlStyle)
	bw.WriteString("</style>\n</head>\n<body>\n")
	// The body is goldmark's, where every < of the user's is &lt;: the
	// only tags are goldmark's own, so the inline styles can be put in by
	// replacing them.
	inline := strings.NewReplacer(
		"<table>", `<table style="`+htmlTableStyle+`">`,
		"<th>", `<th style="`+htmlHeadStyle+`">`,
		"<th ", `<th style="`+htmlHeadStyle+`" `,
		"<td>", `<td style="`+htmlCellStyle+`">`,
		"<td ", `<td style="`+htmlCellStyle+`" `,
	)
	inline.WriteString(bw, body.String())
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}
