package ui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"jixiao/model"
)

// TestRealProgramLoop runs the app in a real tea.Program (commands on
// their own goroutines, as in jixiao): add the sample, open it, rename the
// first project, type into the next field and quit with ctrl+c: both are
// in the file afterwards.
func TestRealProgramLoop(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "jixiao.db"))
	t.Cleanup(func() { st.Close() })
	tm := teatest.NewTestModel(t, New(st, &Options{Sample: model.Sample}), teatest.WithInitialTermSize(80, 24))
	see := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second))
	}
	see("还没有任何文本")
	tm.Type("s")
	see("抚宁区司法局")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	see("法律援助经费")
	for range 3 {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	see("▸ 项目编码")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type("法律援助")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape}) // cancels: the name stays
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type("法律援助费")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})          // commits and moves on
	tm.Type("99")                                         // typed over 预算数 (selected), not committed…
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}) // …but kept by ctrl+c
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	doc, err := st.Document(sampleKey)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Projects[0].Name; got != "法律援助费" {
		t.Errorf("stored 项目名称 = %q, want 法律援助费", got)
	}
	if got := doc.Projects[0].Budget.String(); got != "99.00" {
		t.Errorf("stored 预算数 = %q, want 99.00 (99 typed over the selected 16.00)", got)
	}
}
