//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// killRig runs the real binary in tmux on one file, kills it with SIGKILL
// and checks the file after each kill. want is the project as the file
// must hold it: every edit whose 已保存 was shown, and nothing half-done.
type killRig struct {
	t     *testing.T
	bin   string
	db    string
	key   model.DocKey
	id    string // the project the grid edits
	want  model.Project
	s     *tmuxtest.Session
	stamp string // the last 已保存 time seen in this session
	kills int
	edits int // confirmed edits found after a kill
}

// newKillRig returns a rig over a new file holding one document of one
// project with four rows.
func newKillRig(t *testing.T) *killRig {
	doc := storetest.Document("315002", 2020, 1, 4)
	k := &killRig{t: t, bin: tmuxtest.Binary(t, "."), db: putDoc(t, doc)}
	k.key, k.id, k.want = doc.Key(), doc.Projects[0].ID, doc.Projects[0]
	return k
}

var savedStamp = regexp.MustCompile(`已保存 (\d\d:\d\d:\d\d)`)

// start runs the app and opens the project's indicator grid.
func (k *killRig) start() {
	k.t.Helper()
	// Wide, so that the status line has room for the 已保存 time after the
	// review findings it shows first.
	k.s = tmuxtest.Start(k.t, 200, 30, nil, k.bin, "--db", k.db)
	k.stamp = ""
	k.s.WaitFor(wait, k.key.UnitCode, "测试单位")
	k.s.Keys("Enter")
	k.s.WaitFor(wait, "P001", "总体绩效目标")
	k.document()
	k.s.Keys("i")
	k.s.WaitFor(wait, fmt.Sprintf("第 1/%d 行", len(k.want.Indicators)))
}

// document puts the document screen's cursor on the first project, under
// the three rows of Part 1.
func (k *killRig) document() {
	k.s.Keys("g", "j", "j", "j")
}

// cell moves the grid cursor to (row, col).
func (k *killRig) cell(row, col int) {
	k.s.Keys("g", "Home")
	for range row {
		k.s.Keys("j")
	}
	for range col {
		k.s.Keys("l")
	}
	k.s.WaitFor(wait, fmt.Sprintf("第 %d/%d 行 · %s", row+1, len(k.want.Indicators), model.IndicatorColumns[col]))
}

// typeCell opens the editor on the cursor's cell, replaces its text with v
// and leaves the editor open.
func (k *killRig) typeCell(v string) {
	k.s.Keys("Enter", "C-u")
	k.s.Type(v)
}

// newSecond waits until the clock has left the second of the last 已保存,
// so that the next save's time differs from it.
func (k *killRig) newSecond() {
	for time.Now().Format("15:04:05") == k.stamp {
		time.Sleep(20 * time.Millisecond)
	}
}

// saved waits for a 已保存 with a time other than the last one seen and no
// write left in the queue (保存中…): every edit made before is committed.
func (k *killRig) saved() {
	k.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		screen := k.s.Screen()
		if m := savedStamp.FindStringSubmatch(screen); m != nil && m[1] != k.stamp && !strings.Contains(screen, "保存中") {
			k.stamp = m[1]
			return
		}
		if time.Now().After(deadline) {
			k.t.Fatalf("no new 已保存 after %v (last %q):\n%s", wait, k.stamp, screen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// edit replaces cell (row, col) with v, commits it, waits for its 已保存
// and returns the project with the edit.
func (k *killRig) edit(p model.Project, row, col int, v string) model.Project {
	k.t.Helper()
	k.cell(row, col)
	k.newSecond()
	k.typeCell(v)
	k.s.Keys("Enter")
	k.saved()
	return withCell(p, row, col, v)
}

// kill sends SIGKILL to the app (after checking that the pane's process is
// jixiao, not a shell) and waits until it is gone.
func (k *killRig) kill(after time.Duration) {
	k.t.Helper()
	time.Sleep(after)
	pid := k.s.PID()
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err == nil && strings.TrimSpace(string(comm)) != filepath.Base(k.bin) {
		k.t.Fatalf("pane process %d is %q, not jixiao", pid, comm)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		k.t.Fatal(err)
	}
	k.s.WaitExit(wait)
	k.kills++
}

// check opens the file after a kill and returns the index of the candidate
// the project equals; no candidate means an edit was lost or half-written.
// The document must open and list, and the project's summary agree with it.
// Other projects must be blank ones from an add, or equal extra.
func (k *killRig) check(what string, cands []model.Project, extra ...model.Project) int {
	k.t.Helper()
	st, err := store.Open(k.db, &store.Options{NoBackup: true})
	if err != nil {
		k.t.Fatalf("%s: the file does not open after kill %d: %v", what, k.kills, err)
	}
	defer st.Close()
	doc, err := st.Document(k.key)
	if err != nil {
		k.t.Fatalf("%s: %v", what, err)
	}
	if _, err := st.ListDocuments(); err != nil {
		k.t.Fatalf("%s: list: %v", what, err)
	}
	_, sums, err := st.Header(k.key)
	if err != nil {
		k.t.Fatalf("%s: header: %v", what, err)
	}
	found := -1
	for i, p := range doc.Projects {
		if sums[i] != model.Summarize(&p) {
			k.t.Errorf("%s: summary of project %d disagrees with it", what, i)
		}
		if p.ID != k.id {
			blank := model.Project{ID: p.ID}
			ok := reflect.DeepEqual(p, blank)
			for _, e := range extra {
				e.ID = p.ID
				ok = ok || reflect.DeepEqual(p, e)
			}
			if !ok {
				k.t.Errorf("%s: unexpected project %+v", what, p)
			}
			continue
		}
		for c := range cands {
			if reflect.DeepEqual(p, cands[c]) {
				found = c
			}
		}
		if found < 0 {
			k.t.Fatalf("%s (kill %d): the project is none of the %d allowed states:\n got %+v\nwant %+v", what, k.kills, len(cands), p.Indicators, cands[0].Indicators)
		}
	}
	if found < 0 {
		k.t.Fatalf("%s: the project is gone", what)
	}
	k.want = cands[found]
	return found
}

func withCell(p model.Project, row, col int, v string) model.Project {
	p.Indicators = append([]model.Indicator(nil), p.Indicators...)
	p.Indicators[row].SetCell(col, v)
	return p
}

func swapped(p model.Project, a, b int) model.Project {
	p.Indicators = append([]model.Indicator(nil), p.Indicators...)
	p.Indicators[a], p.Indicators[b] = p.Indicators[b], p.Indicators[a]
	return p
}

// TestE2EKillNine edits a document in the real binary and kills it with
// SIGKILL at 20 moments: mid-typing, just after 已保存, during a row move,
// during a burst of edits, right after a project add. After each kill the
// file opens and holds every edit whose 已保存 was shown; an edit in
// flight is either wholly there or wholly absent, in order.
func TestE2EKillNine(t *testing.T) {
	tmuxtest.Available(t)
	if testing.Short() {
		t.Skip("drives the real binary 20 times")
	}
	begin := time.Now()
	k := newKillRig(t)

	n := 0
	val := func() string { n++; return fmt.Sprintf("改动%02d号", n) }
	for round := range 4 {
		delay := time.Duration(round) * 15 * time.Millisecond

		// Just after 已保存.
		k.start()
		p := k.edit(k.want, round, 2, val())
		k.kill(0)
		k.check("just after 已保存", []model.Project{p})
		k.edits++

		// Mid-typing: a committed edit, then text typed but not committed.
		k.start()
		p = k.edit(k.want, 3-round, 3, val())
		k.cell(round, 5)
		partial := "半截" + val()
		k.typeCell(partial)
		k.s.WaitFor(wait, partial)
		k.kill(delay)
		k.check("mid-typing", []model.Project{p})
		k.edits++

		// During a row move.
		k.start()
		k.cell(round%3, 0)
		before := k.want
		k.s.Keys("J")
		// Kill once the move shows, while its write is under way.
		k.s.WaitFor(wait, fmt.Sprintf("第 %d/%d 行", round%3+2, len(before.Indicators)))
		k.kill(delay)
		k.check("during a row move", []model.Project{before, swapped(before, round%3, round%3+1)})

		// During a burst: four cells committed one after another with tab;
		// the file holds some prefix of them, in order.
		k.start()
		k.cell(round, 2)
		states := []model.Project{k.want}
		k.s.Keys("Enter") // open the first cell's editor; tab opens the next
		for c := 2; c <= 5; c++ {
			v := val()
			k.s.Keys("C-u")
			k.s.Type(v)
			if c < 5 {
				k.s.Keys("Tab")
			} else {
				k.s.Keys("Enter")
			}
			states = append(states, withCell(states[len(states)-1], round, c, v))
		}
		// Round 0 kills with keys still on their way; later rounds once the
		// round-th edit shows, the app writing them one after another.
		if round > 0 {
			k.s.WaitFor(wait, states[round+1].Indicators[round].Cell(round+1))
		}
		k.kill(delay)
		got := k.check("during a burst of edits", states)
		t.Logf("burst %d killed after %v: %d of 4 edits were in the file", round, delay, got)
	}

	// Right after a project add, at three moments: at once, a little later,
	// and after its 项目编码 was saved.
	for i, after := range []time.Duration{0, 30 * time.Millisecond} {
		k.start()
		k.s.Keys("Escape")
		k.s.WaitFor(wait, "P001")
		k.document()
		k.s.Keys("a")
		k.kill(after)
		k.check(fmt.Sprintf("right after project add %d", i+1), []model.Project{k.want})
	}
	// An edit committed but killed before its 已保存 could be shown: there
	// or not, never half.
	k.start()
	k.cell(1, 3)
	k.typeCell("提交即杀")
	k.s.Keys("Enter")
	k.kill(0)
	k.check("between commit and 已保存", []model.Project{k.want, withCell(k.want, 1, 3, "提交即杀")})

	k.start()
	k.s.Keys("Escape")
	k.s.WaitFor(wait, "P001")
	k.document()
	k.s.Keys("a")
	k.s.WaitFor(wait, "项目编码")
	k.saved() // the new project
	k.newSecond()
	k.s.Type("新增项目")
	k.s.Keys("Tab")
	k.saved()
	k.kill(0)
	k.check("after a project add and its code", []model.Project{k.want}, model.Project{Code: "新增项目"})

	if k.kills != 20 {
		t.Errorf("%d kills, want 20", k.kills)
	}
	// Backups are made in the background at each open; a kill during one
	// must not leave its temporary file behind for good.
	if tmp, _ := filepath.Glob(k.db + ".baktmp-*"); len(tmp) > 0 {
		t.Errorf("temporary backup files left: %v", tmp)
	}
	t.Logf("%d kills, %d confirmed edits checked, %v", k.kills, k.edits, time.Since(begin).Round(time.Second))
}

// TestE2ESecondInstance: while the app has a file open, a second app and
// `jixiao list` on the same file fail within 2 s, naming the file, with
// exit 2; the first keeps working and saving.
func TestE2ESecondInstance(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	k := &killRig{t: t, bin: bin, db: filepath.Join(t.TempDir(), "jixiao.db")}
	st, err := store.Open(k.db, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := storetest.Document("315002", 2020, 1, 2)
	if err := st.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	st.Close()
	k.key, k.id, k.want = doc.Key(), doc.Projects[0].ID, doc.Projects[0]
	k.start()

	for _, args := range [][]string{{"--db", k.db}, {"list", "--db", k.db}} {
		cmd := exec.Command(bin, args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		begin := time.Now()
		err := cmd.Run()
		elapsed := time.Since(begin)
		code := -1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		want := lockedMessage(k.db)
		if code != exitUsage || stderr.String() != want {
			t.Errorf("jixiao %s: exit %d, %q; want exit 2, %q", strings.Join(args, " "), code, stderr.String(), want)
		}
		if elapsed > 2*time.Second {
			t.Errorf("jixiao %s took %v to give up", strings.Join(args, " "), elapsed)
		}
		t.Logf("jixiao %s gave up after %v", strings.Join(args, " "), elapsed.Round(time.Millisecond))
	}

	// The first still edits and saves.
	p := k.edit(k.want, 1, 2, "第二个进程之后")
	k.s.Keys("q")
	k.s.WaitExit(wait)
	k.check("after the second instance", []model.Project{p})
}
