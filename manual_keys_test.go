package main

import (
	"charm.land/bubbles/v2/key"

	"jixiao/ui"
)

// manualKey is one row of a key table: the keys as the help shows them and
// what they do.
type manualKey struct{ Keys, Desc string }

// manualKeySection is one screen's keys.
type manualKeySection struct {
	Screen string
	Keys   []manualKey
}

// manualKeySections lists each screen's bindings, taken from the app's key
// maps (their help text is what the help bar and the ? overlay show).
func manualKeySections() []manualKeySection {
	k, g := ui.DefaultKeyMap(), ui.DefaultGridKeyMap()
	sec := func(screen string, bs ...key.Binding) manualKeySection {
		s := manualKeySection{Screen: screen}
		for _, b := range bs {
			h := b.Help()
			s.Keys = append(s.Keys, manualKey{h.Key, h.Desc})
		}
		return s
	}
	return []manualKeySection{
		sec("文本列表", k.Up, k.Down, k.Top, k.Bottom, k.Open, k.NewDoc, k.Sample, k.DeleteDoc, k.Help, k.Quit, k.ForceQuit),
		sec("文档", k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDn, k.Open, k.Grid, k.Findings, k.Export, k.Add, k.Walk,
			k.Delete, k.MoveUp, k.MoveDown, k.Back, k.NextFinding, k.PrevFinding, k.Help, k.Quit, k.ForceQuit),
		sec("项目表单", k.NextField, k.PrevField, k.Commit, k.Submit, k.Cancel, k.FormGrid, k.ForceQuit),
		sec("指标表", g.Up, g.Down, g.Left, g.Right, g.NextCell, g.PrevCell, g.RowStart, g.RowEnd, g.Top, g.Bottom,
			g.PageUp, g.PageDown, g.Edit, g.AddBelow, g.AddAbove, g.Delete, g.Undo, g.MoveUp, g.MoveDown,
			k.Back, k.NextFinding, k.PrevFinding, g.Commit, g.Newline, g.PickUp, g.PickDown, g.Cancel),
		sec("第一部分", k.Up, k.Down, k.Top, k.Bottom, k.Open, k.Add, k.Delete, k.MoveUp, k.MoveDown, k.Back, k.Help, k.Quit),
		sec("审核问题", k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDn, k.Open, k.Back, k.Help, k.Quit),
		sec("逐项填写", k.WalkNext, k.WalkPrev, k.Open, k.Add, k.Delete, k.MoveUp, k.MoveDown, k.Back),
		sec("导出", k.NextField, k.PrevField, k.Cancel),
		sec("全局", k.Help, k.Quit, k.ForceQuit),
	}
}
