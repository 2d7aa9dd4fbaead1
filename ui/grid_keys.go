package ui

import "charm.land/bubbles/v2/key"

// GridKeyMap holds the indicator grid's own bindings. The grid keeps its
// own map so the root's keys (q, w, ctrl+n …) never shadow a grid key while
// an editor is open.
type GridKeyMap struct {
	Up, Down, Left, Right key.Binding
	NextCell, PrevCell    key.Binding
	RowStart, RowEnd      key.Binding
	Top, Bottom           key.Binding
	PageUp, PageDown      key.Binding
	Edit                  key.Binding
	AddBelow, AddAbove    key.Binding
	Delete                key.Binding
	Undo                  key.Binding
	MoveUp, MoveDown      key.Binding

	// Editor keys, active while a cell editor or picker is open.
	Commit, Cancel   key.Binding
	Newline          key.Binding
	PickUp, PickDown key.Binding
}

// DefaultGridKeyMap returns the grid's default bindings with Chinese help.
func DefaultGridKeyMap() *GridKeyMap {
	return &GridKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "上")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "下")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "左")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "右")),
		NextCell: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "下一格")),
		PrevCell: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "上一格")),
		RowStart: key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "行首")),
		RowEnd:   key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "行尾")),
		Top:      key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "首行")),
		Bottom:   key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "末行")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "上翻页")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "下翻页")),
		Edit:     key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "编辑")),
		AddBelow: key.NewBinding(key.WithKeys("a", "o"), key.WithHelp("a/o", "下方加行")),
		AddAbove: key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "上方加行")),
		Delete:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "删除行")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "撤销")),
		MoveUp:   key.NewBinding(key.WithKeys("K", "alt+up"), key.WithHelp("K/alt+↑", "上移行")),
		MoveDown: key.NewBinding(key.WithKeys("J", "alt+down"), key.WithHelp("J/alt+↓", "下移行")),

		Commit:   key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter/ctrl+s", "确定")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "取消")),
		Newline:  key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "换行")),
		PickUp:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "上一项")),
		PickDown: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "下一项")),
	}
}
