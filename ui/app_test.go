package ui

import (
	"flag"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
	"jixiao/store"
)

// goldenUpdate reports whether -update was given, to rewrite the golden
// screens in testdata/. The flag is teatest's (its golden package defines
// it, and program_test.go imports teatest), so it is looked up, not defined.
func goldenUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fixedNow is the clock of every test app, so 已保存 times are stable.
var fixedNow = time.Date(2026, 3, 1, 15, 4, 5, 0, time.UTC)

// harness drives the real App over a real bbolt file, running every
// command synchronously so a test sees the state after each key settles.
type harness struct {
	t     *testing.T
	path  string
	st    *store.Store
	app   *App
	quit  bool
	width int

	// holdSaved keeps savedMsgs back in held: the write is done but the
	// app has not heard, as when its command is still running.
	holdSaved bool
	held      []tea.Msg
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// newHarness opens an app over a fresh file in t.TempDir() at w×h.
func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	return openHarness(t, filepath.Join(t.TempDir(), "jixiao.db"), w, h)
}

// openHarness opens an app over the file at path, as jixiao would on start.
func openHarness(t *testing.T, path string, w, h int) *harness {
	t.Helper()
	st := openStore(t, path)
	t.Cleanup(func() { st.Close() })
	hs := &harness{t: t, path: path, st: st, width: w}
	hs.app = New(st, &Options{Now: func() time.Time { return fixedNow }, Sample: model.Sample})
	hs.run(hs.app.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// reopen closes the file and opens a new app over it, as a second run of
// jixiao would.
func (h *harness) reopen(w, hh int) *harness {
	h.t.Helper()
	if err := h.st.Close(); err != nil {
		h.t.Fatal(err)
	}
	return openHarness(h.t, h.path, w, hh)
}

// send delivers msg and everything its commands produce, in order.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	settle(h.app, msg, func(m tea.Msg) bool {
		switch m := m.(type) {
		case tea.QuitMsg:
			h.quit = true
			return true
		case savedMsg:
			if h.holdSaved {
				h.held = append(h.held, m)
				return true
			}
		}
		return false
	})
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd != nil {
		h.send(cmd())
	}
}

// keyMsg builds the key press a terminal would send for a name such as
// "enter", "shift+tab", "ctrl+s", "alt+up" or a single character.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "f1": tea.KeyF1,
		"space": tea.KeySpace,
	}
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(name, "ctrl+"):
			mod |= tea.ModCtrl
			name = name[5:]
			continue
		case strings.HasPrefix(name, "alt+"):
			mod |= tea.ModAlt
			name = name[4:]
			continue
		case strings.HasPrefix(name, "shift+"):
			mod |= tea.ModShift
			name = name[6:]
			continue
		}
		break
	}
	if c, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: c, Mod: mod}
	}
	r := []rune(name)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

// keys presses each named key in turn.
func (h *harness) keys(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

// typeText types s one character at a time, as an input method commits.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the plain text on the terminal now.
func (h *harness) screen() string {
	return ansi.Strip(h.app.View().Content)
}

// mustSee fails unless every want is on the screen.
func (h *harness) mustSee(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// checkSize fails if the view is not exactly the terminal's size.
func (h *harness) checkSize(w, hh int) {
	h.t.Helper()
	lines := strings.Split(h.app.View().Content, "\n")
	if len(lines) != hh {
		h.t.Fatalf("view has %d lines, want %d:\n%s", len(lines), hh, h.screen())
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			h.t.Fatalf("line %d is %d columns wide, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}

// golden compares the screen with testdata/name, rewriting it with -update.
func (h *harness) golden(name string) {
	h.t.Helper()
	golden(h.t, strings.TrimSuffix(name, ".golden"), h.screen()+"\n")
}

// addSample puts the sample document in the file and opens it.
func (h *harness) openSample() {
	h.t.Helper()
	h.keys("s")
	h.mustSee("抚宁区司法局")
	h.keys("enter")
	h.mustSee("法律援助经费")
}

func TestHomeEmptyFileSaysHowToStart(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.mustSee("还没有任何文本", "按 n 新建", "按 s 添加示例")
	h.checkSize(80, 24)
}

func TestTooSmallAndResizeAnyTime(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	for _, sz := range [][2]int{{59, 24}, {80, 15}, {60, 16}, {200, 60}, {80, 24}, {30, 5}, {100, 30}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		small := sz[0] < 60 || sz[1] < 16
		if got := strings.Contains(h.screen(), "窗口太小"); got != small {
			t.Errorf("%dx%d: 窗口太小 shown = %v, want %v", sz[0], sz[1], got, small)
		}
		h.checkSize(sz[0], sz[1])
	}
	// The form keeps working after resizes mid-edit.
	h.keys("down", "down", "down", "enter")
	h.mustSee("项目编码", "315-0404-JBN-PIZB")
	for _, sz := range [][2]int{{60, 16}, {140, 40}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		h.checkSize(sz[0], sz[1])
	}
}

func TestHelpOverlayListsScreenKeys(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("?")
	h.mustSee("全部按键", "新建文本", "删除文本", "退出")
	h.keys("?")
	h.mustSee("还没有任何文本")
}

func TestQuitKeyOutsideEditors(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("q")
	if !h.quit {
		t.Fatal("q on the home screen did not quit")
	}
}

// goldenName is the golden file of a screen at a size: home-80x24.golden.
func goldenName(screen string, sz [2]int) string {
	return screen + "-" + strconv.Itoa(sz[0]) + "x" + strconv.Itoa(sz[1]) + ".golden"
}

// pasteMsg is what a terminal's bracketed paste delivers.
func pasteMsg(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }

func TestPasteGoesToTheFrontScreenOnly(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down", "enter", "tab", "ctrl+g") // grid over the form's 项目名称
	h.send(pasteMsg("粘贴"))
	for !strings.Contains(h.screen(), "▸ 项目名称") && !h.quit {
		h.keys("esc") // out of whatever the paste opened in the grid, then back
	}
	h.mustSee("▸ 项目名称")
	if strings.Contains(h.screen(), "粘贴") {
		t.Fatalf("text pasted into the grid reached the form underneath:\n%s", h.screen())
	}
	h.send(pasteMsg("（粘贴）"))
	h.keys("tab")
	if got := h.storedProjects()[0].Name; got != "法律援助经费（粘贴）" {
		t.Errorf("stored 项目名称 = %q after paste", got)
	}
}

func TestFailedWriteIsShownInPlainWords(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("down", "down", "down")
	// Another jixiao deletes the document under us: the next write fails.
	if err := h.st.DeleteDocument(sampleKey); err != nil {
		t.Fatal(err)
	}
	h.keys("J")
	h.mustSee("保存项目顺序失败：找不到文档 315002/2020（可能已被删除）")
}

// TestWritesRunOneAtATimeNewestWins holds the first write's command back
// while two more edits of the same project arrive: the second is replaced
// by the third before it runs, and the file ends with the newest.
func TestWritesRunOneAtATimeNewestWins(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	p := h.storedProjects()[0]
	edit := func(name string) tea.Cmd {
		q := p
		q.Name = name
		_, cmd := h.app.Update(projectChangedMsg{Key: sampleKey, Project: q})
		return cmd
	}
	first := edit("一")
	if first == nil {
		t.Fatal("the first edit started no write")
	}
	// Each edit's review check is a command of its own; none may be a write.
	for _, name := range []string{"二", "三"} {
		if cmd := edit(name); cmd != nil {
			if _, ok := cmd().(savedMsg); ok {
				t.Fatal("a second write started while one was running")
			}
		}
	}
	if n := len(h.app.writes.jobs); n != 2 {
		t.Fatalf("queue holds %d writes, want the running one and the newest", n)
	}
	h.mustSee("保存中")
	h.send(first())
	if got := h.storedProjects()[0].Name; got != "三" {
		t.Errorf("stored name %q, want the newest 三", got)
	}
	if h.app.writes.running || len(h.app.writes.jobs) != 0 {
		t.Error("writes left after the queue drained")
	}
}

// TestQuitWaitsForWrites quits while a write is running: the app quits
// only once it has finished.
func TestQuitWaitsForWrites(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	p := h.storedProjects()[0]
	p.Name = "退出前的修改"
	_, write := h.app.Update(projectChangedMsg{Key: sampleKey, Project: p})
	_, cmd := h.app.Update(keyMsg("ctrl+c"))
	h.run(cmd)
	if h.quit {
		t.Fatal("quit while a write was running")
	}
	h.send(write())
	if !h.quit {
		t.Fatal("did not quit after the write finished")
	}
	if got := h.storedProjects()[0].Name; got != "退出前的修改" {
		t.Errorf("stored name %q", got)
	}
}
