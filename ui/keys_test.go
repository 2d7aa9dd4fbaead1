package ui

import (
	"slices"
	"testing"
)

// TestKeyHelpCoversEveryScreen checks the key table built from the key
// tree: every screen named as its title shows it, each with keys, and a
// few keys the screens really act on.
func TestKeyHelpCoversEveryScreen(t *testing.T) {
	want := map[string]KeyLine{
		"文本列表": {"n", "新建文本"},
		"复制文本": {"k", "按原样复制"},
		"文档":   {"i", "指标表"},
		"编辑表头": {"←/→/空格", "切换"},
		"项目表单": {"ctrl+g", "指标表"},
		"指标表":  {"alt+enter", "换行"},
		"导出":   {"enter", "写入文件"},
		"逐项填写": {"ctrl+n", "下一步"},
		"审核模式": {"M", "本行意见"},
		"全局":   {"q", "退出"},
	}
	secs := KeyHelp()
	for name, line := range want {
		i := slices.IndexFunc(secs, func(s KeySection) bool { return s.Screen == name })
		if i < 0 {
			t.Errorf("KeyHelp has no section %s", name)
			continue
		}
		if !slices.Contains(secs[i].Keys, line) {
			t.Errorf("section %s lacks %v: %v", name, line, secs[i].Keys)
		}
	}
	for _, s := range secs {
		for _, l := range s.Keys {
			if l.Keys == "" || l.Desc == "" {
				t.Errorf("section %s has an empty line %+v", s.Screen, l)
			}
		}
	}
}

// TestHintLinesFollowTheBindings rebinds the walk's keys and sees the
// walk's hint line follow: no hint line is typed by hand.
func TestHintLinesFollowTheBindings(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.app.common.Keys.Walk.Next.SetHelp("f9", "下一步")
	h.keys("w")
	h.mustSee("f9 下一步  ctrl+p 上一步  esc 结束逐项填写")
}
