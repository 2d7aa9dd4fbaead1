package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// The import dialog: the app's jixiao import. The user gives a CSV's path
// (pasted as Explorer copies it, in quotes, is fine) and its encoding; the
// file is read, checked and worked out against the stored document behind
// the queued writes (planImport), and the dialog shows the same Chinese
// summary the CLI prints, naming every project created and updated, or
// every error by row and cell. Nothing is written until y: then the file
// is backed up and the whole document stored in one transaction.

// The import dialog's rows.
const (
	imPath = iota
	imEnc
	imRows
)

// openImportMsg asks the root to open the import dialog: into Doc when
// it comes from a document's screen, else into the document the file
// names (Doc nil).
type openImportMsg struct {
	Doc      *model.DocKey
	UnitName string
}

// planImportMsg asks the root to read and check the file and work out
// the import against the stored documents; the answer is importPlannedMsg.
type planImportMsg struct {
	Path string // absolute
	File string // as the user gave it, for the summary
	Enc  export.Encoding
	Want *model.DocKey
}

// importPlannedMsg is the import worked out, not yet stored (Doc and
// Lines), or why it cannot be made: Errs (every bad cell) or Err.
type importPlannedMsg struct {
	Doc   *model.Document
	Lines []string
	Done  string // what the status line says once it is stored
	Errs  export.Errors
	Err   error
}

// importDocMsg asks the root to back the file up and store Doc whole.
type importDocMsg struct {
	Doc  *model.Document
	Done string
}

type importDialog struct {
	common   *Common
	want     *model.DocKey
	unitName string
	dir      string // relative paths are read from here

	row  int
	gbk  bool
	path textinput.Model

	busy    bool
	plan    *importPlannedMsg // the last answer; reviewing while set
	scroll  int               // first result line shown
	message string            // a problem before reading (an empty path)

	width, height int
}

func newImportDialog(c *Common, want *model.DocKey, unitName string) *importDialog {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = "CSV 或 .xlsx 文件路径（可直接粘贴，带引号也可以）"
	ti.SetStyles(c.Styles.Input)
	d := &importDialog{common: c, want: want, unitName: unitName, dir: dir, path: ti}
	d.path.Focus()
	return d
}

func (d *importDialog) Title() string { return "导入" }
func (d *importDialog) Editing() bool { return d.plan == nil }
func (d *importDialog) restyle()      { d.path.SetStyles(d.common.Styles.Input) }
func (d *importDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	d.path.SetWidth(max(w-labelWidth-2, 8))
}

func (d *importDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case importPlannedMsg:
		d.busy, d.plan, d.scroll = false, &msg, 0
		d.path.Blur()
	case tea.KeyPressMsg:
		if d.plan != nil {
			return d.reviewKey(msg)
		}
		return d.editKey(msg)
	case tea.PasteMsg:
		if d.plan == nil && d.row == imPath {
			var cmd tea.Cmd
			d.path, cmd = d.path.Update(msg)
			return cmd
		}
	}
	return nil
}

func (d *importDialog) editKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	switch {
	case key.Matches(k, km.Form.Cancel):
		return msgCmd(backMsg{})
	case key.Matches(k, km.Import.Read):
		return d.read()
	case key.Matches(k, km.Form.NextField), key.Matches(k, km.Form.FieldDown):
		return d.focus(d.row + 1)
	case key.Matches(k, km.Form.PrevField), key.Matches(k, km.Form.FieldUp):
		return d.focus(d.row - 1)
	case d.row == imEnc && key.Matches(k, km.Export.Toggle):
		d.gbk = !d.gbk
		return nil
	}
	if d.row == imPath {
		var cmd tea.Cmd
		d.path, cmd = d.path.Update(k)
		return cmd
	}
	return nil
}

// reviewKey handles the summary (y stores it) and the error list (only
// back); both scroll.
func (d *importDialog) reviewKey(k tea.KeyPressMsg) tea.Cmd {
	km := d.common.Keys
	switch {
	case d.plan.Doc != nil && key.Matches(k, km.Import.Confirm):
		m := importDocMsg{Doc: d.plan.Doc, Done: d.plan.Done}
		// A write: posted, so a quit key right after finds it queued.
		return tea.Batch(d.common.post(m), msgCmd(backMsg{}))
	case key.Matches(k, km.Import.Again):
		d.plan = nil
		return d.focus(imPath)
	}
	n := len(d.resultLines())
	if cur, ok := km.List.move(k, d.scroll, n, max(d.resultHeight()-1, 1)); ok {
		d.scroll = max(0, min(cur, n-d.resultHeight()))
	}
	return nil
}

func (d *importDialog) focus(i int) tea.Cmd {
	d.row = max(0, min(i, imRows-1))
	if d.row == imPath {
		return d.path.Focus()
	}
	d.path.Blur()
	return nil
}

// read asks for the file to be read and checked.
func (d *importDialog) read() tea.Cmd {
	if d.busy {
		return nil
	}
	file := exportPathInput(d.path.Value())
	if file == "" {
		d.message = "请填写要导入的 CSV 或 .xlsx 文件路径"
		return nil
	}
	d.message, d.busy = "", true
	enc := export.EncodingAuto
	if d.gbk {
		enc = export.EncodingGBK
	}
	return msgCmd(planImportMsg{Path: resolvePath(d.dir, file), File: file, Enc: enc, Want: d.want})
}

// resolvePath makes a typed path absolute: ~/ is the home folder, a
// relative path is in dir.
func resolvePath(dir, p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p)
}

// planImport reads and checks the file and applies it to a copy of the
// stored document, as jixiao import does (export.ImportTarget,
// export.ApplyImport); nothing is written. It runs in the write queue's
// command, behind the queued writes.
func planImport(s *store.Store, m planImportMsg) importPlannedMsg {
	data, err := os.ReadFile(m.Path)
	if err != nil {
		return importPlannedMsg{Err: fmt.Errorf("读不了 %s：%s", m.File, describeReadErr(err))}
	}
	enc := m.Enc
	if export.IsXLSX(data) {
		enc = export.EncodingAuto // a workbook is always Unicode
	}
	im, apply, err := export.ReadImportFile(data, enc)
	var cells export.Errors
	if errors.As(err, &cells) {
		return importPlannedMsg{Errs: cells}
	} else if err != nil {
		return importPlannedMsg{Err: err}
	}
	docs, err := s.ListDocuments()
	if err != nil {
		return importPlannedMsg{Err: err}
	}
	keys := make([]model.DocKey, len(docs))
	for i, d := range docs {
		keys[i] = d.Key
	}
	target, unitMatch, err := export.ImportTarget(im, m.Want, keys)
	if errors.Is(err, export.ErrNoRows) {
		return importPlannedMsg{Err: errors.New(m.File + " 只有表头，没有数据行；请在文档页面按 I 导入到该文档")}
	}
	doc, err := s.Document(target)
	switch {
	case errors.Is(err, store.ErrNotFound):
		doc = nil
	case err != nil:
		return importPlannedMsg{Err: err}
	}
	doc, sum := export.ApplyImport(im, apply, doc, target, m.File, unitMatch)
	sum.Pending = true
	done := fmt.Sprintf("已导入 %s 到 %s：新建 %d 个项目，更新 %d 个项目", filepath.Base(m.File), target, len(sum.Applied.Created), len(sum.Applied.Updated))
	return importPlannedMsg{Doc: doc, Lines: sum.Lines(), Done: sanitizeLine(done)}
}

// describeReadErr says why a file could not be read.
func describeReadErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		if pe.Err.Error() == "is a directory" {
			return "这是一个文件夹，请写上文件名"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// planImport queues the import's reading and checking behind the writes.
func (q *writeQueue) planImport(m planImportMsg) tea.Cmd {
	var res importPlannedMsg
	return q.add(saveJob{read: true, key: model.DocKey{},
		run:   func(s *store.Store) error { res = planImport(s, m); return nil },
		after: func() tea.Cmd { return msgCmd(res) }})
}

// importDoc backs the file up, then stores the imported document whole
// in one transaction.
func (q *writeQueue) importDoc(m importDocMsg) tea.Cmd {
	doc := m.Doc
	k := doc.Key()
	return q.add(saveJob{what: "导入 " + k.String(), key: k, done: m.Done,
		run: func(s *store.Store) error {
			if _, err := s.BackupNow(); err != nil {
				return fmt.Errorf("导入前备份数据库：%w", err)
			}
			return s.PutDocument(doc)
		}})
}

// resultLines are the summary or the errors, wrapped to the width.
func (d *importDialog) resultLines() []string {
	p := d.plan
	if p == nil {
		return nil
	}
	var raw []string
	switch {
	case p.Errs != nil:
		raw = append(raw, fmt.Sprintf("文件有 %d 处错误，数据库没有改动：", len(p.Errs)))
		for _, e := range p.Errs {
			raw = append(raw, "  "+e.Error())
		}
	case p.Err != nil:
		raw = append(raw, "不能导入，数据库没有改动：", describeErr(p.Err))
	default:
		raw = p.Lines
	}
	var out []string
	for _, l := range raw {
		out = append(out, splitLines(wrapText(sanitizeLine(l), d.width))...)
	}
	return out
}

// resultHeight is how many result lines fit under the rows (6 lines), with
// two for where the window is and the question.
func (d *importDialog) resultHeight() int { return max(d.height-8, 1) }

func (d *importDialog) View() string {
	st := d.common.Styles
	km := d.common.Keys
	into := "（到文件中写的单位编码/年度）"
	if d.want != nil {
		into = "到 " + safe(d.want.String()) + " " + safe(d.unitName)
	}
	lines := []string{st.Heading.Render("导入" + into),
		st.Muted.Render(hintLine("  ", km.importHelp(d.stage())[0]...)), ""}
	enc := st.LabelOn.Render("[•] 自动识别") + st.Muted.Render("  GBK（旧版 Excel）  ")
	if d.gbk {
		enc = st.Muted.Render("  自动识别  ") + st.LabelOn.Render("[•] GBK（旧版 Excel）")
	}
	rows := [imRows]struct{ label, value string }{{"文件", d.path.View()}, {"编码", enc}}
	for i, r := range rows {
		label, mark := st.Label, "  "
		if i == d.row && d.plan == nil {
			label, mark = st.LabelOn, st.LabelOn.Render("▸ ")
		}
		v := r.value
		if i == imPath && (i != d.row || d.plan != nil) {
			v = fit(sanitizeLine(d.path.Value()), max(d.width-labelWidth-2, 8))
		}
		lines = append(lines, mark+label.Render(fit(r.label, labelWidth-2))+" "+v)
	}
	lines = append(lines, "")
	switch {
	case d.busy:
		lines = append(lines, st.Muted.Render("正在读取并检查…"))
	case d.message != "":
		lines = append(lines, st.Error.Render(d.message))
	case d.plan != nil:
		lines = append(lines, d.resultView()...)
	}
	return box(lines, d.width, d.height)
}

// resultView is the window of result lines and, under it, the question or
// where the window is.
func (d *importDialog) resultView() []string {
	st := d.common.Styles
	all := d.resultLines()
	h := d.resultHeight()
	s := st.Good
	if d.plan.Doc == nil {
		s = st.Error
	}
	from := max(0, min(d.scroll, len(all)-h))
	var out []string
	for _, l := range all[from:min(from+h, len(all))] {
		out = append(out, s.Render(l))
	}
	if len(all) > h {
		out = append(out, st.Muted.Render(fmt.Sprintf("第 %d–%d 行，共 %d 行（↑/↓ pgup/pgdn 滚动）", from+1, min(from+h, len(all)), len(all))))
	}
	ik := d.common.Keys.Import
	if d.plan.Doc != nil {
		out = append(out, st.Prompt.Render("导入前先备份数据文件。确定导入？"+ik.Confirm.Help().Key+" 导入，"+ik.Again.Help().Key+" 不导入"))
	} else {
		out = append(out, st.Muted.Render(ik.Again.Help().Key+" 返回修改"))
	}
	return out
}

// stage is where the dialog is, for its keys.
func (d *importDialog) stage() int {
	switch {
	case d.plan == nil:
		return importEditing
	case d.plan.Doc == nil:
		return importErrors
	}
	return importSummary
}

func (d *importDialog) ShortHelp() []key.Binding {
	return d.common.Keys.importHelp(d.stage())[0]
}

func (d *importDialog) FullHelp() [][]key.Binding { return d.common.Keys.importHelp(d.stage()) }
