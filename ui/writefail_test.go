package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// failure is a way to make the app's saves fail for real, and to end it.
type failure struct {
	name string
	// open returns the file the app works on (where the failure can be
	// made); it skips the test, saying why, where it cannot.
	open func(t *testing.T) string
	// cause makes the next write fail; fix lets writes through again.
	cause, fix func(h *harness)
	// reason is what the status line says after 失败：.
	reason string
	// reads says whether the store still reads while writes fail.
	reads bool
}

// failures are a full disk (a 2 MB tmpfs filled to the last byte, where
// the test may mount one) and a store closed under the app (bbolt then
// refuses every transaction), which runs everywhere.
var failures = []failure{
	{
		name: "full disk",
		open: func(t *testing.T) string { return filepath.Join(storetest.MountTmpfs(t, "2m"), "jixiao.db") },
		cause: func(h *harness) {
			fillDisk(h.t, filepath.Dir(h.path))
		},
		fix: func(h *harness) {
			if err := os.Remove(filepath.Join(filepath.Dir(h.path), "filler")); err != nil {
				h.t.Fatal(err)
			}
		},
		reason: "磁盘已满",
		reads:  true,
	},
	{
		name: "store closed",
		open: func(t *testing.T) string { return filepath.Join(t.TempDir(), "jixiao.db") },
		cause: func(h *harness) {
			if err := h.st.Close(); err != nil {
				h.t.Fatal(err)
			}
		},
		fix: func(h *harness) {
			st := openStore(h.t, h.path)
			h.t.Cleanup(func() { st.Close() })
			h.st, h.app.writes.store = st, st
		},
		reason: "database not open",
	},
}

// fillDisk writes dir/filler until the disk is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// bulkySample is the sample with 210 KB of text where these tests do not
// look (审核单位, and the first project's 绩效目标 below its own lines), so
// that every save of the header or of that project needs more pages than
// the file has free: on a full disk no save of them can fit in pages the
// file already has, whatever the store's layout.
func bulkySample() *model.Document {
	doc := model.Sample()
	doc.Reviewer = strings.Repeat("填充", 35_000)
	doc.Projects[0].Goal += "\n" + strings.Repeat(strings.Repeat("填充", 50)+"\n", 700)
	return doc
}

// openFailing opens the app, at 80×24, over a file that fl can make fail
// holding bulkySample, on the document screen.
func openFailing(t *testing.T, fl failure) *harness {
	t.Helper()
	path := fl.open(t)
	st := openStore(t, path)
	if err := st.CreateDocument(bulkySample()); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	h := openHarness(t, path, 80, 24)
	h.keys("enter")
	h.mustSee("法律援助经费")
	return h
}

// body is the screen without the status line and the help bar.
func (h *harness) body() string {
	lines := strings.Split(h.screen(), "\n")
	return strings.Join(lines[:max(len(lines)-2, 0)], "\n")
}

// editorCase is an editor in which a text is typed and committed while
// saves fail.
type editorCase struct {
	name   string
	open   func(h *harness) // from the sample's document screen to the editor, text typed
	commit string           // the key that commits and fails
	retry  string           // the key that commits again in the reopened editor
	suffix string           // what open typed after the old value
	// editor returns the reopened editor's text, failing unless it is
	// open on the field or cell the text was typed in.
	editor func(h *harness) string
	// shown is the value the screen's copy holds for the field, once
	// the editor is closed or given up.
	shown  func(h *harness) string
	stored func(h *harness) string
	old    func() string
}

var editorCases = []editorCase{
	{
		name: "project form",
		open: func(h *harness) {
			h.keys("down", "down", "down", "enter", "tab")
			h.typeText("（磁盘满时改）")
		},
		commit: "tab", retry: "tab", suffix: "（磁盘满时改）",
		editor: func(h *harness) string {
			pf, ok := h.app.top().(*projectForm)
			if !ok || pf.form.Focused() != pfName {
				h.t.Fatalf("the form is not open on 项目名称:\n%s", h.screen())
			}
			return pf.form.current(pf.form.fields[pfName])
		},
		shown: func(h *harness) string {
			pf := h.app.top().(*projectForm)
			if pf.project.Name != pf.form.Value(pfName) {
				h.t.Errorf("the form shows %q, its copy holds %q", pf.form.Value(pfName), pf.project.Name)
			}
			return pf.form.current(pf.form.fields[pfName])
		},
		stored: func(h *harness) string { return h.storedProjects()[0].Name },
		old:    func() string { return model.Sample().Projects[0].Name },
	},
	{
		name: "grid cell",
		open: func(h *harness) {
			h.keys("down", "down", "down", "i", "right", "right", "enter")
			h.typeText("（磁盘满）")
		},
		commit: "enter", retry: "enter", suffix: "（磁盘满）",
		editor: func(h *harness) string {
			g := h.topGrid()
			if g.mode != modeCell && g.mode != modeLarge || g.editRow != 0 || g.editCol != colL3 {
				h.t.Fatalf("the cell editor is not open on row 1, 三级指标:\n%s", h.screen())
			}
			return g.editor.Value()
		},
		shown: func(h *harness) string {
			g := h.topGrid()
			if g.Editing() {
				h.t.Errorf("the cell editor is still open:\n%s", h.screen())
			}
			return g.Project().Indicators[0].L3
		},
		stored: func(h *harness) string { return h.storedProjects()[0].Indicators[0].L3 },
		old:    func() string { return model.Sample().Projects[0].Indicators[0].L3 },
	},
	{
		// ctrl+s closes the item's editor: the failure must open it again.
		name: "Part 1 item",
		open: func(h *harness) {
			h.keys("down", "enter", "enter") // 分项绩效目标, its first item
			h.typeText("（改）")
		},
		commit: "ctrl+s", retry: "tab", suffix: "（改）",
		editor: func(h *harness) string {
			p, ok := h.app.top().(*part1)
			if !ok || p.editing == nil || p.editRow != (p1row{secGoals, 0}) || p.editing.Focused() != 0 {
				h.t.Fatalf("the editor is not open on the first goal's 绩效目标:\n%s", h.screen())
			}
			return p.editing.current(p.editing.fields[0])
		},
		shown: func(h *harness) string {
			p := h.app.top().(*part1)
			if p.editing != nil && p.editing.Value(0) != p.doc.Goals[0].Goal {
				h.t.Errorf("the editor shows %q, the copy holds %q", p.editing.Value(0), p.doc.Goals[0].Goal)
			}
			return p.doc.Goals[0].Goal
		},
		stored: func(h *harness) string { return h.storedHeader().Goals[0].Goal },
		old:    func() string { return model.Sample().Goals[0].Goal },
	},
}

// TestWriteFailureReopensTheEditor: an edit committed while saves fail
// shows the failure in plain words in the status line and opens its editor
// again, on the same field or cell, with the text typed; the file holds
// what it held. Committing again once saves work writes it (found in the
// file after reopening it); esc instead gives it up, and the screen shows
// the stored value again.
func TestWriteFailureReopensTheEditor(t *testing.T) {
	for _, fl := range failures {
		for _, ec := range editorCases {
			for _, then := range []string{"retry", "esc"} {
				t.Run(fl.name+"/"+ec.name+"/"+then, func(t *testing.T) {
					t.Parallel() // each on its own file (and tmpfs)
					h := openFailing(t, fl)
					ec.open(h)
					typed := ec.old() + ec.suffix
					fl.cause(h)
					h.keys(ec.commit)

					h.mustSee("失败：" + fl.reason)
					if got := ec.editor(h); got != typed {
						t.Fatalf("the reopened editor holds %q, want %q", got, typed)
					}
					if !strings.Contains(h.screen(), DefaultKeyMap().failedNote()) && !strings.Contains(h.screen(), DefaultKeyMap().retryNote()) {
						t.Errorf("the editor does not say the text is not saved:\n%s", h.screen())
					}
					if fl.reads {
						if got := ec.stored(h); got != ec.old() {
							t.Fatalf("after the failed save the file holds %q, want %q", got, ec.old())
						}
					}

					switch then {
					case "retry":
						fl.fix(h)
						h.keys(ec.retry)
						h.mustSee("已保存 15:04:05")
						if strings.Contains(h.screen(), "失败") {
							t.Errorf("the failure is still shown after the save:\n%s", h.screen())
						}
						h = h.reopen(80, 24)
						if got := ec.stored(h); got != typed {
							t.Errorf("after reopening the file holds %q, want %q", got, typed)
						}
					case "esc":
						if !fl.reads {
							fl.fix(h) // the stored value can be read again
						}
						h.keys("esc")
						if got := ec.shown(h); got != ec.old() {
							t.Errorf("after esc the screen shows %q, want the stored %q", got, ec.old())
						}
						if strings.Contains(h.body(), ec.suffix) {
							t.Errorf("the text given up is still on the screen:\n%s", h.screen())
						}
						if fl.reads {
							fl.fix(h)
						}
						h = h.reopen(80, 24)
						if got := ec.stored(h); got != ec.old() {
							t.Errorf("after reopening the file holds %q, want %q", got, ec.old())
						}
					}
				})
			}
		}
	}
}

// TestWriteFailureInABurst: of two edits of a project committed before
// the first is written, the first saves and the second fails (a long text
// pasted into 资金用途, which the space the first left free cannot hold);
// the editor of the second opens again with its text, and the first is in
// the file.
func TestWriteFailureInABurst(t *testing.T) {
	for _, fl := range failures {
		t.Run(fl.name, func(t *testing.T) {
			h := openFailing(t, fl)
			h.keys("down", "down", "down", "enter", "tab", "ctrl+u")
			h.typeText("先改的名称")
			h.holdSaved = true
			h.keys("tab") // 项目名称: written, not yet reported
			h.keys("tab", "tab", "tab")
			h.send(pasteMsg(strings.Repeat(strings.Repeat("用途", 50)+"\n", 700)))
			pf := h.app.top().(*projectForm)
			pasted := pf.form.current(pf.form.fields[pfUse])
			h.keys("tab") // 资金用途: queued behind it
			fl.cause(h)
			h.holdSaved = false
			for _, m := range h.held {
				h.send(m)
			}
			h.mustSee("失败：" + fl.reason)
			// (A trailing line break is not text: saving trims it.)
			if pf.form.Focused() != pfUse || strings.TrimRight(pf.form.current(pf.form.fields[pfUse]), "\n") != strings.TrimRight(pasted, "\n") {
				t.Fatalf("the form is not back on 资金用途 with the pasted text (%d %d %d):\n%s", pf.form.Focused(), len(pf.form.current(pf.form.fields[pfUse])), len(pasted), h.screen())
			}
			fl.fix(h)
			h = h.reopen(80, 24)
			p := h.storedProjects()[0]
			if p.Name != "先改的名称" || p.Use != model.Sample().Projects[0].Use {
				t.Errorf("the file holds %q, a 资金用途 of %d bytes: want the first edit and not the second", p.Name, len(p.Use))
			}
		})
	}
}

// TestWriteFailureNewDocument: a document that cannot be created leaves
// the new-document form open with everything typed; ctrl+s once saves
// work creates it and opens it.
func TestWriteFailureNewDocument(t *testing.T) {
	for _, fl := range failures {
		t.Run(fl.name, func(t *testing.T) {
			h := openFailing(t, fl)
			h.keys("esc", "n")
			for _, v := range []string{"900001", "磁盘满时新建的单位", "2026", "编制单位"} {
				h.typeText(v)
				h.keys("tab")
			}
			// 审核单位, pasted: a document too big for the pages free.
			h.send(pasteMsg(strings.Repeat("审核", 35_000)))
			fl.cause(h)
			h.keys("ctrl+s")
			h.mustSee("900001/2026失败："+fl.reason, "900001", "磁盘满时新建的单位", "2026")
			if _, ok := h.app.top().(*docForm); !ok {
				t.Fatalf("the form closed:\n%s", h.screen())
			}
			fl.fix(h)
			h.keys("ctrl+s")
			h.mustSee("已保存", "磁盘满时新建的单位 2026")
			h = h.reopen(80, 24)
			if _, _, err := h.st.Header(model.DocKey{UnitCode: "900001", Year: 2026}); err != nil {
				t.Errorf("the document is not in the file: %v", err)
			}
		})
	}
}

// TestQuitAfterAFailedSave: a quit whose last save fails stays (未退出)
// with the editor open; the next quit key gives the edit up and quits,
// and the file holds what it held.
func TestQuitAfterAFailedSave(t *testing.T) {
	fl := failures[1] // runs everywhere
	h := openFailing(t, fl)
	h.keys("down", "down", "down", "enter", "tab")
	h.typeText("（退出时）")
	fl.cause(h)
	h.keys("ctrl+c")
	if h.quit {
		t.Fatal("quit although the save failed")
	}
	h.mustSee("未退出", "（退出时）", DefaultKeyMap().failedNote())
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatalf("the second ctrl+c did not quit:\n%s", h.screen())
	}
	fl.fix(h)
	if got := h.storedProjects()[0].Name; got != model.Sample().Projects[0].Name {
		t.Errorf("the file holds %q", got)
	}
}

// TestQuitRetriesAFailedSave: with the editor open again after a failed
// save, ctrl+c once saves work writes the text, then quits.
func TestQuitRetriesAFailedSave(t *testing.T) {
	fl := failures[1]
	h := openFailing(t, fl)
	h.keys("down", "down", "down", "i", "right", "right", "enter")
	h.typeText("（退出时保存）")
	fl.cause(h)
	h.keys("enter")
	h.mustSee(DefaultKeyMap().retryNote())
	fl.fix(h)
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatalf("ctrl+c did not quit:\n%s", h.screen())
	}
	if got := h.storedProjects()[0].Indicators[0].L3; !strings.HasSuffix(got, "（退出时保存）") {
		t.Errorf("the file holds %q", got)
	}
}

// TestDescribeWriteErrors: the I/O errors a save can meet are told in
// plain Chinese, however deeply wrapped.
func TestDescribeWriteErrors(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "磁盘已满"},
		{syscall.EDQUOT, "磁盘已满"},
		{syscall.EROFS, "磁盘是只读的"},
		{os.ErrPermission, "没有写入数据文件的权限"},
		{syscall.EACCES, "没有写入数据文件的权限"},
		{syscall.EIO, "磁盘读写出错"},
		{store.ErrNotFound, "找不到"},
	}
	for _, tt := range tests {
		err := fmt.Errorf("save project: %w", &os.PathError{Op: "write", Path: "/d/jixiao.db", Err: tt.err})
		if got := describeErr(err); !strings.HasPrefix(got, tt.want) {
			t.Errorf("describeErr(%v) = %q, want it to start with %q", err, got, tt.want)
		}
	}
}

// TestWriteFailureLongPasteInACell: a paragraph pasted into a cell, too
// long for the grid to open an editor on, fails to save; the larger
// editor opens again with it (it held it a moment ago) and the status line
// keeps the save's failure, not a refusal to edit.
func TestWriteFailureLongPasteInACell(t *testing.T) {
	for _, fl := range failures {
		t.Run(fl.name, func(t *testing.T) {
			h := openFailing(t, fl)
			h.keys("down", "down", "down", "i", "right", "right", "enter")
			pasted := strings.Repeat("（格）", 1100)
			h.send(pasteMsg(pasted))
			want := h.topGrid().editor.Value()
			if !tooLongToEdit(want) {
				t.Fatalf("the pasted cell (%d characters) is not too long to open", len([]rune(want)))
			}
			fl.cause(h)
			h.keys("enter")
			h.mustSee("失败："+fl.reason, DefaultKeyMap().retryNote())
			if g := h.topGrid(); g.mode != modeLarge || g.editor.Value() != want {
				t.Fatalf("the larger editor is not open with the pasted text (mode %d):\n%s", g.mode, h.screen())
			}
			fl.fix(h)
			h.keys("enter")
			h.mustSee("已保存")
			h = h.reopen(80, 24)
			if got := h.storedProjects()[0].Indicators[0].L3; got != want {
				t.Errorf("the file holds a 三级指标 of %d characters, want %d", len([]rune(got)), len([]rune(want)))
			}
		})
	}
}
