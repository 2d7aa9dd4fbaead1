package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is the one key tree: every key of every screen is a binding here,
// with its Chinese help. The help bar, the hint lines, the ? page and
// KeyHelp (the README's and 使用说明's key table) are generated from these
// bindings, so they cannot drift from what the keys do.
type KeyMap struct {
	Global GlobalKeys
	List   ListKeys
	Home   HomeKeys
	Doc    DocKeys
	Form   FormKeys
	Grid   GridKeys
	Export ExportKeys
	Import ImportKeys
	Walk   WalkKeys
	Review ReviewKeys
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	Quit         key.Binding // q, outside editors
	ForceQuit    key.Binding // ctrl+c, anywhere
	Help         key.Binding // ? outside editors, f1 anywhere
	HelpInEditor key.Binding // f1: the ? page while an editor has the keys
	Back         key.Binding
	Yes, No      key.Binding // a confirmation
}

// ListKeys move through a list (home, the document, Part 1, the findings).
type ListKeys struct {
	Up, Down         key.Binding
	Top, Bottom      key.Binding
	PageUp, PageDown key.Binding
	Open             key.Binding
	Filter           key.Binding // / : filter the list as you type
}

// HomeKeys are the document list's own keys.
type HomeKeys struct {
	NewDoc    key.Binding
	Sample    key.Binding
	DeleteDoc key.Binding
	// CopyDoc copies the selected document forward (next year); in its
	// preview, KeepLayout copies without the 101号 relayout.
	CopyDoc    key.Binding
	KeepLayout key.Binding
	// Import reads a CSV into the document the file names.
	Import key.Binding
}

// DocKeys are the document screen's (and Part 1's list's) own keys.
type DocKeys struct {
	Add      key.Binding
	Delete   key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	Grid     key.Binding
	Walk     key.Binding
	// Review and export. NextFinding/PrevFinding work on every screen of
	// a document but the forms, where ] and [ are typed text.
	Findings    key.Binding
	NextFinding key.Binding
	PrevFinding key.Binding
	Export      key.Binding
	Review      key.Binding // the review mode (审核模式)
	// Layout steps the document's 指标体系 (auto, 2020年式, 101号).
	Layout key.Binding
	// Diff compares the document with another (last year's, or as sent).
	Diff key.Binding
	// Import reads a CSV into this document.
	Import key.Binding
	// Header opens the header form (单位编码 … 状态).
	Header key.Binding
}

// FormKeys are the form widget's keys (new document, project, Part 1).
type FormKeys struct {
	NextField key.Binding
	PrevField key.Binding
	// FieldDown and FieldUp leave a one-line field (or a text area's last
	// or first line); NextField/PrevField's help names them.
	FieldDown, FieldUp key.Binding
	Toggle             key.Binding // a choice field's next or previous option
	Commit             key.Binding // enter: keep and go on (every field)
	Newline            key.Binding // a line break in a multi-line field
	Submit             key.Binding // ctrl+s: keep and close
	Cancel             key.Binding
	Grid               key.Binding // from the project form to its grid
	// In a form every printable key is text: only the function keys move
	// to the next or previous finding there.
	NextFinding, PrevFinding key.Binding
}

// GridKeys are the indicator grid's keys. While a cell editor or picker is
// open only the editor keys (Commit … PickDown) act, so the root's keys
// (q, w, ctrl+n …) never shadow typing.
type GridKeys struct {
	Up, Down, Left, Right key.Binding
	NextCell, PrevCell    key.Binding
	RowStart, RowEnd      key.Binding
	Top, Bottom           key.Binding
	PageUp, PageDown      key.Binding
	Edit                  key.Binding
	AddBelow, AddAbove    key.Binding
	Delete                key.Binding
	Undo, Redo            key.Binding
	MoveUp, MoveDown      key.Binding

	// Editor keys, active while a cell editor or picker is open.
	Commit, Cancel   key.Binding
	Newline          key.Binding
	PickUp, PickDown key.Binding
	// Fill puts the highlighted indicator-library row into the row being
	// typed (the 三级 editor's suggestions).
	Fill key.Binding
}

// ExportKeys are the export dialog's own keys.
type ExportKeys struct {
	Toggle key.Binding // switch the choice on a choice row
	Write  key.Binding
}

// ImportKeys are the import dialog's own keys: enter reads and checks
// the file, y stores what the summary says; the encoding row switches
// with ExportKeys.Toggle, and the summary or errors scroll with the
// list's keys.
type ImportKeys struct {
	Read    key.Binding
	Confirm key.Binding
	Again   key.Binding // leave the summary or errors for the path again
}

// ReviewKeys are the review mode's own keys: a project at a time, its
// status one key each, notes on the project and on the row under the
// cursor, and 定稿. The note editor uses the grid's editor keys.
type ReviewKeys struct {
	Next, Prev              key.Binding // the next / previous project
	Approve, Changes, Reset key.Binding // 已审核, 需修改, 未审核
	Note, RowNote           key.Binding // the project's note, the row's
	Final                   key.Binding // 定稿 (or back to 草案)
}

// WalkKeys are the walk-through's own keys.
type WalkKeys struct {
	Next, Prev key.Binding
	Leave      key.Binding
}

// DefaultKeyMap returns the default bindings with Chinese help.
func DefaultKeyMap() *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Global: GlobalKeys{
			Quit:         b("q", "退出", "q"),
			ForceQuit:    b("ctrl+c", "退出", "ctrl+c"),
			Help:         b("?/f1", "全部按键", "?", "f1"),
			HelpInEditor: b("f1", "全部按键", "f1"),
			Back:         b("esc", "返回", "esc"),
			Yes:          b("y", "确定", "y", "Y"),
			No:           b("n/esc", "取消", "n", "N", "esc"),
		},
		List: ListKeys{
			Up:       b("↑/k", "上", "up", "k"),
			Down:     b("↓/j", "下", "down", "j"),
			Top:      b("g/home", "首项", "g", "home"),
			Bottom:   b("G/end", "末项", "G", "end"),
			PageUp:   b("pgup", "上翻页", "pgup"),
			PageDown: b("pgdn", "下翻页", "pgdown"),
			Open:     b("enter", "打开/编辑", "enter"),
			Filter:   b("/", "筛选", "/"),
		},
		Home: HomeKeys{
			NewDoc:     b("n", "新建文本", "n"),
			Sample:     b("s", "添加示例", "s"),
			DeleteDoc:  b("D", "删除文本", "D"),
			CopyDoc:    b("c", "复制到新年度", "c"),
			KeepLayout: b("k", "按原样复制", "k"),
			Import:     b("I", "导入文件", "I"),
		},
		Doc: DocKeys{
			Add:         b("a", "添加", "a"),
			Delete:      b("D", "删除", "D"),
			MoveUp:      b("K/alt+↑", "上移", "K", "alt+up"),
			MoveDown:    b("J/alt+↓", "下移", "J", "alt+down"),
			Grid:        b("i", "指标表", "i"),
			Walk:        b("w", "逐项填写", "w"),
			Findings:    b("v", "审核问题", "v"),
			NextFinding: b("]/f8", "下一个问题", "]", "f8"),
			PrevFinding: b("[/shift+f8", "上一个问题", "[", "shift+f8"),
			Export:      b("e", "导出", "e"),
			Review:      b("r", "审核模式", "r"),
			Layout:      b("L", "指标体系", "L"),
			Diff:        b("d", "变动对比", "d"),
			Import:      b("I", "导入文件", "I"),
			Header:      b("H", "编辑表头", "H"),
		},
		Form: FormKeys{
			NextField:   b("tab/↓", "下一栏", "tab"),
			PrevField:   b("shift+tab/↑", "上一栏", "shift+tab"),
			FieldDown:   key.NewBinding(key.WithKeys("down")),
			FieldUp:     key.NewBinding(key.WithKeys("up")),
			Toggle:      b("←/→/空格", "切换", "left", "right", "space"),
			Commit:      b("enter", "确定", "enter"),
			Newline:     b("alt+enter", "换行", "alt+enter", "ctrl+j"),
			Submit:      b("ctrl+s", "保存并关闭", "ctrl+s"),
			Cancel:      b("esc", "取消修改/返回", "esc"),
			Grid:        b("ctrl+g", "指标表", "ctrl+g"),
			NextFinding: b("f8", "下一个问题", "f8"),
			PrevFinding: b("shift+f8", "上一个问题", "shift+f8"),
		},
		Grid: GridKeys{
			Up:       b("↑/k", "上", "up", "k"),
			Down:     b("↓/j", "下", "down", "j"),
			Left:     b("←/h", "左", "left", "h"),
			Right:    b("→/l", "右", "right", "l"),
			NextCell: b("tab", "下一格", "tab"),
			PrevCell: b("shift+tab", "上一格", "shift+tab"),
			RowStart: b("home", "行首", "home"),
			RowEnd:   b("end", "行尾", "end"),
			Top:      b("g", "首行", "g"),
			Bottom:   b("G", "末行", "G"),
			PageUp:   b("pgup", "上翻页", "pgup"),
			PageDown: b("pgdn", "下翻页", "pgdown"),
			Edit:     b("enter/e/f2", "编辑", "enter", "e", "f2"),
			AddBelow: b("a/o", "下方加行", "a", "o"),
			AddAbove: b("O", "上方加行", "O"),
			Delete:   b("D", "删除行", "D"),
			Undo:     b("u", "撤销", "u"),
			Redo:     b("ctrl+r", "重做", "ctrl+r"),
			MoveUp:   b("K/alt+↑", "上移行", "K", "alt+up"),
			MoveDown: b("J/alt+↓", "下移行", "J", "alt+down"),

			Commit:   b("enter/ctrl+s", "确定", "enter", "ctrl+s"),
			Cancel:   b("esc", "取消", "esc"),
			Newline:  b("alt+enter", "换行", "alt+enter", "ctrl+j"),
			PickUp:   b("↑", "上一项", "up", "ctrl+p"),
			PickDown: b("↓", "下一项", "down", "ctrl+n"),
			Fill:     b("ctrl+y", "填入整行", "ctrl+y"),
		},
		Export: ExportKeys{
			Toggle: b("←/→/空格", "切换", "left", "right", "space", "h", "l"),
			Write:  b("enter", "写入文件", "enter"),
		},
		Import: ImportKeys{
			Read:    b("enter", "读取并检查", "enter"),
			Confirm: b("y", "确定导入", "y", "Y"),
			Again:   b("n/esc", "不导入，返回修改", "n", "N", "esc"),
		},
		Walk: WalkKeys{
			Next:  b("ctrl+n", "下一步", "ctrl+n"),
			Prev:  b("ctrl+p", "上一步", "ctrl+p"),
			Leave: b("esc", "结束逐项填写", "esc"),
		},
		Review: ReviewKeys{
			Next:    b("n", "下一个项目", "n"),
			Prev:    b("p", "上一个项目", "p"),
			Approve: b("a", "已审核", "a"),
			Changes: b("x", "需修改", "x"),
			Reset:   b("u", "未审核", "u"),
			Note:    b("m", "项目意见", "m"),
			RowNote: b("M", "本行意见", "M"),
			Final:   b("F", "定稿/草案", "F"),
		},
	}
}

// The ? page's groups of each screen, from the tree. A screen's FullHelp
// returns its group list, and KeyHelp lists them all.

func (km *KeyMap) globalHelp() [][]key.Binding {
	g := km.Global
	return [][]key.Binding{{g.Help, g.Quit, g.ForceQuit}}
}

// listMoves are a list's moves; paged lists have pgup/pgdn too.
func (km *KeyMap) listMoves(paged bool) []key.Binding {
	l := km.List
	b := []key.Binding{l.Up, l.Down, l.Top, l.Bottom}
	if paged {
		b = append(b, l.PageUp, l.PageDown)
	}
	return b
}

func (km *KeyMap) homeHelp(sample bool) [][]key.Binding {
	h := km.Home
	b := []key.Binding{km.List.Open, h.NewDoc}
	if sample {
		b = append(b, h.Sample)
	}
	// c is on the ? page only: the help bar is full at 80 columns.
	return [][]key.Binding{append(km.listMoves(false), km.List.Filter), append(b, h.DeleteDoc), {h.CopyDoc, h.Import}}
}

// copyHelp is the copy-forward preview's keys (its fields are a form).
func (km *KeyMap) copyHelp() [][]key.Binding {
	return [][]key.Binding{{km.Global.Yes, km.Home.KeepLayout, km.Global.Back}}
}

func (km *KeyMap) docHelp() [][]key.Binding {
	d := km.Doc
	return [][]key.Binding{append(km.listMoves(true), km.List.Filter),
		{km.List.Open, d.Grid, d.Findings, d.Review, d.Export, d.Add, d.Walk, d.Delete, d.MoveUp, d.MoveDown, km.Global.Back},
		{d.NextFinding, d.PrevFinding, d.Layout, d.Header, d.Diff, d.Import}}
}

// headerHelp is the header form's keys (H on the document screen).
func (km *KeyMap) headerHelp() [][]key.Binding {
	f := km.Form
	return [][]key.Binding{{f.NextField, f.PrevField, f.Toggle, f.Commit, f.Cancel}}
}

func (km *KeyMap) part1Help() [][]key.Binding {
	d := km.Doc
	return [][]key.Binding{km.listMoves(false), {km.List.Open, d.Add, d.Delete, d.MoveUp, d.MoveDown, km.Global.Back}}
}

func (km *KeyMap) formFields() []key.Binding {
	f := km.Form
	return []key.Binding{f.NextField, f.PrevField, f.Commit, f.Newline, f.Cancel}
}

func (km *KeyMap) formHelp() [][]key.Binding {
	f := km.Form
	return [][]key.Binding{km.formFields(), {f.Grid, f.Submit, f.NextFinding, f.PrevFinding, km.Global.ForceQuit}}
}

func (km *KeyMap) gridHelp() [][]key.Binding {
	k := km.Grid
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.NextCell, k.PrevCell},
		{k.RowStart, k.RowEnd, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Edit, k.AddBelow, k.AddAbove, k.Delete, k.Undo, k.Redo, k.MoveUp, k.MoveDown},
		{k.Commit, k.Newline, k.Cancel, k.PickUp, k.PickDown, k.Fill},
		{km.Doc.NextFinding, km.Doc.PrevFinding, km.Global.Back},
	}
}

func (km *KeyMap) findingsHelp() [][]key.Binding {
	return [][]key.Binding{append(km.listMoves(true), km.List.Filter), {km.List.Open, km.Doc.Findings, km.Global.Back}}
}

func (km *KeyMap) exportHelp() [][]key.Binding {
	return [][]key.Binding{{km.Form.NextField, km.Export.Toggle, km.Export.Write, km.Form.Cancel}}
}

// The import dialog's stages, for its keys.
const (
	importEditing = iota // the path and encoding rows
	importSummary        // the summary, waiting for y
	importErrors         // the errors: only back
)

// importHelp is the import dialog's keys at a stage.
func (km *KeyMap) importHelp(stage int) [][]key.Binding {
	scroll := []key.Binding{km.List.Up, km.List.Down, km.List.PageUp, km.List.PageDown}
	switch stage {
	case importSummary:
		return [][]key.Binding{append([]key.Binding{km.Import.Confirm, km.Import.Again}, scroll...)}
	case importErrors:
		return [][]key.Binding{append([]key.Binding{km.Import.Again}, scroll...)}
	}
	return [][]key.Binding{{km.Form.NextField, km.Export.Toggle, km.Import.Read, km.Form.Cancel}}
}

func (km *KeyMap) reviewHelp() [][]key.Binding {
	r, g := km.Review, km.Grid
	return [][]key.Binding{
		{r.Next, r.Prev, km.List.Up, km.List.Down},
		{r.Approve, r.Changes, r.Reset, r.Note, r.RowNote, r.Final, km.Global.Back},
		{g.Commit, g.Newline, g.Cancel},
	}
}

func (km *KeyMap) walkHelp() [][]key.Binding {
	w := km.Walk
	return [][]key.Binding{{w.Next, w.Prev, w.Leave}}
}

// KeySection is one screen's keys for a key table: Screen is the screen's
// name as its title shows it.
type KeySection struct {
	Screen string
	Keys   []KeyLine
}

// KeyLine is one row of a key table: the keys as written in the help and
// what they do.
type KeyLine struct {
	Keys, Desc string
}

// KeyHelp lists every screen's keys from the key tree, in the order a user
// meets the screens; the global keys come last.
func KeyHelp() []KeySection {
	km := DefaultKeyMap()
	screens := []struct {
		name   string
		groups [][]key.Binding
	}{
		{"文本列表", km.homeHelp(true)},
		{"复制文本", km.copyHelp()},
		{"文档", km.docHelp()},
		{"第一部分", km.part1Help()},
		{"编辑表头", km.headerHelp()},
		{"项目表单", km.formHelp()},
		{"指标表", km.gridHelp()},
		{"审核问题", km.findingsHelp()},
		{"审核模式", km.reviewHelp()},
		{"导出", km.exportHelp()},
		{"导入", append(km.importHelp(importEditing), km.importHelp(importSummary)...)},
		{"逐项填写", km.walkHelp()},
		{"全局", km.globalHelp()},
	}
	out := make([]KeySection, 0, len(screens))
	for _, s := range screens {
		sec := KeySection{Screen: s.name}
		for _, g := range s.groups {
			for _, b := range g {
				if h := b.Help(); h.Key != "" && b.Enabled() {
					sec.Keys = append(sec.Keys, KeyLine{Keys: h.Key, Desc: h.Desc})
				}
			}
		}
		out = append(out, sec)
	}
	return out
}

// hintLine is a screen's line of key hints, from the bindings' help:
// "ctrl+n 下一步  ctrl+p 上一步  esc 结束逐项填写".
func hintLine(sep string, bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		if h := b.Help(); h.Key != "" {
			parts = append(parts, h.Key+" "+h.Desc)
		}
	}
	return strings.Join(parts, sep)
}

// keyName is a binding's key as prose says it: 回车 for enter.
func keyName(b key.Binding) string {
	if k := b.Help().Key; k != "enter" {
		return k
	}
	return "回车"
}

// confirmHint ends a y/n question: "y 确定，n/esc 取消".
func (km *KeyMap) confirmHint() string {
	y, n := km.Global.Yes.Help(), km.Global.No.Help()
	return y.Key + " " + y.Desc + "，" + n.Key + " " + n.Desc
}

// failedNote is shown under a form field opened again after its save
// failed.
func (km *KeyMap) failedNote() string {
	return "✗ 未保存：按 " + firstKey(km.Form.NextField) + " 再保存一次，" + km.Form.Cancel.Help().Key + " 放弃这次修改"
}

// retryNote is the grid's info line while an editor shows a text whose
// save failed.
func (km *KeyMap) retryNote() string {
	return "未保存：" + firstKey(km.Grid.Commit) + " 再保存一次，" + firstKey(km.Grid.Cancel) + " 放弃"
}

// firstKey is the first key a binding's help names: enter for enter/ctrl+s.
func firstKey(b key.Binding) string {
	k, _, _ := strings.Cut(b.Help().Key, "/")
	return k
}

// move returns a list's cursor after k, if k is one of the list's moves;
// page is how far pgup/pgdn go (0: not a paged list).
func (l *ListKeys) move(k tea.KeyPressMsg, cur, n, page int) (int, bool) {
	switch {
	case key.Matches(k, l.Up):
		cur--
	case key.Matches(k, l.Down):
		cur++
	case key.Matches(k, l.Top):
		cur = 0
	case key.Matches(k, l.Bottom):
		cur = n - 1
	case page > 0 && key.Matches(k, l.PageUp):
		cur -= page
	case page > 0 && key.Matches(k, l.PageDown):
		cur += page
	default:
		return cur, false
	}
	return max(0, min(cur, n-1)), true
}
