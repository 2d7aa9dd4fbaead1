package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
)

// The export dialog's rows.
const (
	exFormat = iota
	exPath
	exBOM
	exGBK
	exRows
)

// exportDialog chooses the format, file and CSV options and writes the
// file. The form widget edits text only; this dialog is mostly choices,
// so it keeps its own rows: ←/→ or space switch a choice.
type exportDialog struct {
	common *Common
	doc    model.Document

	row    int
	csv    bool // format is CSV: the BOM and encoding rows apply
	fmtIdx int  // index in exportFormats
	noBOM  bool
	gbk    bool
	path   textinput.Model
	dir    string // the folder the default path is in
	result string // the last outcome, shown under the rows
	bad    bool
	busy   bool
	// overwrite is the path that exists, while 覆盖？(y/n) is asked.
	overwrite string

	width, height int
}

func newExportDialog(c *Common, doc model.Document) *exportDialog {
	// The folder of the last export in this run, else the working one.
	dir := c.ExportDir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			dir = "."
		}
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.SetStyles(c.Styles.Input)
	e := &exportDialog{common: c, doc: doc, dir: dir, path: ti}
	e.path.SetValue(e.defaultPath(export.FormatMarkdown))
	e.path.CursorEnd()
	return e
}

// exportFormats are the dialog's formats in the order ←/→ go through them.
var exportFormats = []struct {
	format export.Format
	label  string
	note   string
}{
	{export.FormatMarkdown, "Markdown", "Markdown 摘要附带审核问题清单，适合纯文本邮件。"},
	{export.FormatCSV, "CSV", "CSV 每个指标一行，可用 jixiao import 读回。"},
	{export.FormatXLSX, "Excel", "Excel 工作簿按绩效目标表排版（汇总、第一部分、每个项目一张表、审核问题），可用 jixiao import 读回。"},
	{export.FormatHTML, "HTML", "HTML 摘要是一个独立的网页，可粘贴进邮件正文或作为附件，A4 横向打印。"},
}

func (e *exportDialog) format() export.Format { return exportFormats[e.fmtIdx].format }

func (e *exportDialog) defaultPath(f export.Format) string {
	return filepath.Join(e.dir, export.DefaultFileName(&e.doc, f))
}

func (e *exportDialog) Title() string { return "导出" }
func (e *exportDialog) Editing() bool { return true }
func (e *exportDialog) restyle()      { e.path.SetStyles(e.common.Styles.Input) }
func (e *exportDialog) SetSize(w, h int) {
	e.width, e.height = w, h
	e.path.SetWidth(max(w-labelWidth-2, 8))
}

func (e *exportDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportDoneMsg:
		e.busy = false
		if errors.Is(msg.Err, errExportExists) {
			e.overwrite, e.result, e.bad = msg.Path, "", false
			return nil
		}
		if msg.Err == nil {
			e.common.ExportDir = filepath.Dir(msg.Path)
		}
		if msg.Err != nil {
			e.result, e.bad = "导出失败："+describeExportErr(msg.Path, msg.Err), true
		} else {
			e.result, e.bad = "已导出："+msg.Path, false
			if msg.Kept != nil {
				e.result += "（导出时的副本未能保存：" + describeErr(msg.Kept) + "）"
			}
		}
	case tea.KeyPressMsg:
		return e.onKey(msg)
	case tea.PasteMsg:
		if e.row == exPath {
			return e.editPath(msg)
		}
	}
	return nil
}

func (e *exportDialog) editPath(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.path, cmd = e.path.Update(msg)
	return cmd
}

// named reports whether the file name is the user's own (not the default
// one, in whatever folder): then it keeps its extension.
func (e *exportDialog) named() bool {
	stem := func(p string) string { return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) }
	return stem(e.path.Value()) != stem(e.defaultPath(e.format()))
}

func (e *exportDialog) onKey(k tea.KeyPressMsg) tea.Cmd {
	km := e.common.Keys
	if e.overwrite != "" {
		p := e.overwrite
		e.overwrite = ""
		if key.Matches(k, km.Global.Yes) {
			return e.write(p, true)
		}
		e.result, e.bad = "未导出：文件已存在，未覆盖", true
		return nil
	}
	switch {
	case key.Matches(k, km.Form.Cancel):
		return e.common.post(backMsg{})
	case key.Matches(k, km.Form.Commit):
		return e.submit()
	case key.Matches(k, km.Form.NextField), key.Matches(k, km.Form.FieldDown):
		return e.focus(e.row + 1)
	case key.Matches(k, km.Form.PrevField), key.Matches(k, km.Form.FieldUp):
		return e.focus(e.row - 1)
	case e.row != exPath && key.Matches(k, km.Export.Toggle):
		back := k.Code == tea.KeyLeft || k.Text == "h"
		e.toggle(back)
		return nil
	}
	if e.row == exPath {
		return e.editPath(k)
	}
	return nil
}

// focus moves to row i, skipping the CSV rows for Markdown.
func (e *exportDialog) focus(i int) tea.Cmd {
	last := exGBK
	if !e.csv {
		last = exPath
	}
	e.row = max(0, min(i, last))
	if e.row == exPath {
		return e.path.Focus()
	}
	e.path.Blur()
	return nil
}

// toggle switches the choice on the current row; on the format row it
// goes to the next format (the previous one when back).
func (e *exportDialog) toggle(back bool) {
	switch e.row {
	case exFormat:
		// Until the user names the file, its extension follows the
		// format (in whatever folder the path is).
		named := e.named()
		step := 1
		if back {
			step = len(exportFormats) - 1
		}
		e.fmtIdx = (e.fmtIdx + step) % len(exportFormats)
		e.csv = e.format() == export.FormatCSV
		if !named {
			p := e.path.Value()
			ext := filepath.Ext(e.defaultPath(e.format()))
			e.path.SetValue(strings.TrimSuffix(p, filepath.Ext(p)) + ext)
			e.path.CursorEnd()
		}
	case exBOM:
		e.noBOM = !e.noBOM
	case exGBK:
		e.gbk = !e.gbk
	}
}

func (e *exportDialog) submit() tea.Cmd {
	if e.busy {
		return nil
	}
	p := exportPathInput(e.path.Value())
	if p == "" {
		e.result, e.bad = "导出失败：请填写文件路径", true
		return nil
	}
	return e.write(resolvePath(e.dir, p), false)
}

// write asks for the file at p; an existing file is written over only
// when the user said yes to 覆盖？.
func (e *exportDialog) write(p string, overwrite bool) tea.Cmd {
	opts := export.Options{Format: e.format()}
	if e.csv {
		opts.CSV.NoBOM = e.noBOM
		if e.gbk {
			opts.CSV.Encoding = export.EncodingGBK
		}
	}
	e.busy, e.result, e.bad = true, "正在导出…", false
	return e.common.post(exportMsg{Key: e.doc.Key(), Path: p, Opts: opts, Overwrite: overwrite})
}

// describeExportErr says in plain Chinese why path could not be written.
func describeExportErr(path string, err error) string {
	if errors.Is(err, errExportIsDir) {
		return "这是一个文件夹，请在后面写上文件名：" + path
	}
	return errtext.WriteReason(path, err)
}

// errExportIsDir says the path names a folder.
var errExportIsDir = errors.New("path is a folder")

// errExportExists says the file is there and overwriting was not agreed.
var errExportExists = errors.New("file exists")

func (e *exportDialog) View() string {
	st := e.common.Styles
	formats := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		if i == e.fmtIdx {
			formats[i] = st.LabelOn.Render("[•] " + f.label)
		} else {
			formats[i] = st.Muted.Render("  " + f.label + "  ")
		}
	}
	choice := func(on bool, a, b string) string {
		if on {
			return st.Muted.Render("  "+a+"  ") + st.LabelOn.Render("[•] "+b)
		}
		return st.LabelOn.Render("[•] "+a) + st.Muted.Render("  "+b+"  ")
	}
	rows := [exRows]struct{ label, value string }{
		{"格式", strings.Join(formats, " ")},
		{"文件", e.path.View()},
		{"BOM", choice(e.noBOM, "带 BOM（Excel 直接打开）", "不带 BOM")},
		{"编码", choice(e.gbk, "UTF-8", "GBK（旧版 Excel）")},
	}
	lines := []string{st.Heading.Render("导出 " + safe(e.doc.UnitName) + " " + safe(e.doc.Key().String())),
		st.Muted.Render(hintLine("  ", e.common.Keys.exportHelp()[0]...)), ""}
	for i, r := range rows {
		label, mark := st.Label, "  "
		if i == e.row {
			label, mark = st.LabelOn, st.LabelOn.Render("▸ ")
		}
		v := r.value
		if i == exPath && i != e.row {
			v = fit(e.path.Value(), max(e.width-labelWidth-2, 8))
		}
		if i >= exBOM && !e.csv {
			v = st.Muted.Render("（仅 CSV）")
		}
		lines = append(lines, mark+label.Render(fit(r.label, labelWidth-2))+" "+v)
	}
	lines = append(lines, "")
	for _, l := range splitLines(wrapText(exportFormats[e.fmtIdx].note, e.width-2)) {
		lines = append(lines, st.Muted.Render(l))
	}
	if e.overwrite != "" {
		lines = append(lines, "")
		for _, l := range splitLines(wrapText("文件已存在："+e.overwrite, e.width)) {
			lines = append(lines, st.Prompt.Render(l))
		}
		lines = append(lines, st.Prompt.Render("覆盖？"+e.common.Keys.confirmHint()))
	}
	if e.result != "" {
		s := st.Good
		if e.bad {
			s = st.Error
		}
		lines = append(lines, "")
		for _, l := range splitLines(wrapText(e.result, e.width)) {
			lines = append(lines, s.Render(l))
		}
	}
	return box(lines, e.width, e.height)
}

// wrapText wraps plain text to w columns by display width, breaking long
// paths anywhere.
func wrapText(s string, w int) string {
	return ansi.Wrap(s, max(w, 10), "")
}

func (e *exportDialog) ShortHelp() []key.Binding {
	km := e.common.Keys
	if e.overwrite != "" {
		return []key.Binding{km.Global.Yes, km.Global.No}
	}
	return km.exportHelp()[0]
}

func (e *exportDialog) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }
