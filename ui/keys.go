package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding outside the indicator grid (which keeps
// its own GridKeyMap); built by DefaultKeyMap. The help bar and the ?
// overlay are generated from these bindings.
type KeyMap struct {
	// Everywhere.
	Quit      key.Binding // q, outside editors
	ForceQuit key.Binding // ctrl+c, anywhere
	Help      key.Binding // ? outside editors, f1 anywhere
	Back      key.Binding

	// Lists.
	Up, Down       key.Binding
	Top, Bottom    key.Binding
	PageUp, PageDn key.Binding
	Open           key.Binding

	// Home.
	NewDoc    key.Binding
	Sample    key.Binding
	DeleteDoc key.Binding

	// Document and Part 1 lists.
	Add      key.Binding
	Delete   key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	Grid     key.Binding
	Walk     key.Binding

	// Forms.
	NextField key.Binding
	PrevField key.Binding
	Commit    key.Binding // enter in a one-line field: keep and go on
	Submit    key.Binding // ctrl+s: keep and close
	Cancel    key.Binding
	FormGrid  key.Binding // from the project form to its grid

	// Confirmations.
	Yes, No key.Binding

	// Walk-through.
	WalkNext, WalkPrev key.Binding

	// Review and export. NextFinding/PrevFinding work on every screen of
	// a document; in a form, where ] and [ are typed text, f8/shift+f8.
	Findings    key.Binding
	NextFinding key.Binding
	PrevFinding key.Binding
	Export      key.Binding
}

// DefaultKeyMap returns the default bindings with Chinese help.
func DefaultKeyMap() *KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Quit:      b([]string{"q"}, "q", "退出"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "退出"),
		Help:      b([]string{"?", "f1"}, "?/f1", "全部按键"),
		Back:      b([]string{"esc"}, "esc", "返回"),

		Up:     b([]string{"up", "k"}, "↑/k", "上"),
		Down:   b([]string{"down", "j"}, "↓/j", "下"),
		Top:    b([]string{"g", "home"}, "g/home", "首项"),
		Bottom: b([]string{"G", "end"}, "G/end", "末项"),
		PageUp: b([]string{"pgup"}, "pgup", "上翻页"),
		PageDn: b([]string{"pgdown"}, "pgdn", "下翻页"),
		Open:   b([]string{"enter"}, "enter", "打开/编辑"),

		NewDoc:    b([]string{"n"}, "n", "新建文本"),
		Sample:    b([]string{"s"}, "s", "添加示例"),
		DeleteDoc: b([]string{"D"}, "D", "删除文本"),

		Add:      b([]string{"a"}, "a", "添加"),
		Delete:   b([]string{"D"}, "D", "删除"),
		MoveUp:   b([]string{"K", "alt+up"}, "K/alt+↑", "上移"),
		MoveDown: b([]string{"J", "alt+down"}, "J/alt+↓", "下移"),
		Grid:     b([]string{"i"}, "i", "指标表"),
		Walk:     b([]string{"w"}, "w", "逐项填写"),

		NextField: b([]string{"tab"}, "tab/↓", "下一栏"),
		PrevField: b([]string{"shift+tab"}, "shift+tab/↑", "上一栏"),
		Commit:    b([]string{"enter"}, "enter", "确定"),
		Submit:    b([]string{"ctrl+s"}, "ctrl+s", "保存并关闭"),
		Cancel:    b([]string{"esc"}, "esc", "取消修改/返回"),
		FormGrid:  b([]string{"ctrl+g"}, "ctrl+g", "指标表"),

		Yes: b([]string{"y", "Y"}, "y", "确定"),
		No:  b([]string{"n", "N", "esc"}, "n/esc", "取消"),

		WalkNext: b([]string{"ctrl+n"}, "ctrl+n", "下一步"),
		WalkPrev: b([]string{"ctrl+p"}, "ctrl+p", "上一步"),

		Findings:    b([]string{"v"}, "v", "审核问题"),
		NextFinding: b([]string{"]", "f8"}, "]/f8", "下一个问题"),
		PrevFinding: b([]string{"[", "shift+f8"}, "[/shift+f8", "上一个问题"),
		Export:      b([]string{"e"}, "e", "导出"),
	}
}

// fieldUp and fieldDown move between one-line form fields; they are not in
// the help separately because NextField/PrevField's help names them.
var (
	fieldUp   = key.NewBinding(key.WithKeys("up"))
	fieldDown = key.NewBinding(key.WithKeys("down"))
)

// In a form every printable key is text: only the function keys move to
// the next or previous finding there.
var (
	formNextFinding = key.NewBinding(key.WithKeys("f8"), key.WithHelp("f8", "下一个问题"))
	formPrevFinding = key.NewBinding(key.WithKeys("shift+f8"), key.WithHelp("shift+f8", "上一个问题"))
)
