package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// TestQuitRightAfterACommitKeepsIt commits an edit and presses the quit key
// at once, before running any command the commit returned (a loaded
// machine can be that slow to deliver them): the app must not quit before
// the edit is in the file, and must quit once it is.
func TestQuitRightAfterACommitKeepsIt(t *testing.T) {
	tests := []struct {
		name   string
		setup  []string
		text   string // typed after setup
		commit string // the key that commits
		quit   string
		stored func(h *harness) bool
	}{
		{
			name:  "form field then ctrl+c",
			setup: []string{"down", "down", "down", "enter", "tab", "ctrl+u"}, text: "退出前改名",
			commit: "tab", quit: "ctrl+c",
			stored: func(h *harness) bool { return h.storedProjects()[0].Name == "退出前改名" },
		},
		{
			name:  "grid cell then q",
			setup: []string{"down", "down", "down", "i", "right", "right", "enter"}, text: "（改）",
			commit: "enter", quit: "q",
			stored: func(h *harness) bool {
				return strings.HasSuffix(h.storedProjects()[0].Indicators[0].L3, "（改）")
			},
		},
		{
			name:   "project moved then q",
			setup:  []string{"down", "down", "down"},
			commit: "J", quit: "q",
			stored: func(h *harness) bool { return h.storedProjects()[1].Name == "法律援助经费" },
		},
		{
			name:   "grid row deleted then q",
			setup:  []string{"down", "down", "down", "i"},
			commit: "D", quit: "q",
			stored: func(h *harness) bool {
				return len(h.storedProjects()[0].Indicators) == len(model.Sample().Projects[0].Indicators)-1
			},
		},
		{
			name:  "Part 1 item then q",
			setup: []string{"enter", "enter"}, text: "退出前的总体目标", // typed at the end
			commit: "ctrl+s", quit: "q",
			stored: func(h *harness) bool { return strings.HasSuffix(h.storedHeader().Overall, "退出前的总体目标") },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.openSample()
			h.keys(tt.setup...)
			h.typeText(tt.text)
			if tt.stored(h) {
				t.Fatal("the edit is in the file before it was committed")
			}
			_, commit := h.app.Update(keyMsg(tt.commit))
			_, quit := h.app.Update(keyMsg(tt.quit))
			h.run(quit)
			if h.quit && !tt.stored(h) {
				t.Fatal("quit before the committed edit was written")
			}
			h.run(commit)
			if !h.quit {
				t.Fatalf("did not quit once the write was done:\n%s", h.screen())
			}
			if !tt.stored(h) {
				t.Fatal("the committed edit is not in the file")
			}
		})
	}
}

// TestQuitKeepsTheCellBeingTyped quits with ctrl+c while a grid cell's
// editor holds typed text: like a form field, it is kept.
func TestQuitKeepsTheCellBeingTyped(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "i", "right", "right", "enter")
	h.typeText("（未按回车）")
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if got := h.storedProjects()[0].Indicators[0].L3; !strings.HasSuffix(got, "（未按回车）") {
		t.Errorf("stored 三级指标 %q, want the typed text kept", got)
	}
}

// TestSampleThenQuitInOneInstant presses s and q on the empty home screen
// in one instant, before any command s returned has run: s is a write, so
// the quit must wait for it and the sample must be in the file.
func TestSampleThenQuitInOneInstant(t *testing.T) {
	h := newHarness(t, 80, 24)
	_, sample := h.app.Update(keyMsg("s"))
	_, quit := h.app.Update(keyMsg("q"))
	h.run(quit)
	if h.quit {
		docs, err := h.st.ListDocuments()
		if err != nil || len(docs) == 0 {
			t.Fatal("quit before the sample was written: s then q lost it")
		}
	}
	h.run(sample)
	if !h.quit {
		t.Fatalf("did not quit once the sample was written:\n%s", h.screen())
	}
	if docs, err := h.st.ListDocuments(); err != nil || len(docs) != 1 {
		t.Fatalf("the file holds %d documents (%v), want the sample", len(docs), err)
	}
}

// TestEnterTwiceOpensOnce presses enter twice in one instant on Part 1's
// entry: screens open through the root before the next key, so the second
// enter is the opened screen's, and Part 1 is not stacked twice.
func TestEnterTwiceOpensOnce(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	_, first := h.app.Update(keyMsg("enter"))
	_, second := h.app.Update(keyMsg("enter"))
	h.run(first)
	h.run(second)
	if n := strings.Count(h.screen(), "第一部分 部门整体绩效目标"); n != 1 {
		t.Fatalf("Part 1 opened %d times:\n%s", n, h.screen())
	}
}
