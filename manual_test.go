package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"jixiao/internal/tmuxtest"
)

// manualPath is the 使用说明 shipped in every release archive. Its key
// tables and screen captures sit between marker comments:
//
//	<!-- keys:SCREEN -->…<!-- /keys -->
//	<!-- screen:NAME -->…<!-- /screen -->
//
// TestManualKeyTables checks the tables against the app's key bindings;
// go test -run 'TestManual' -update . rewrites both kinds of block.
const manualPath = "docs/使用说明.md"

var manualBlock = regexp.MustCompile(`(?s)<!-- (keys|screen):([^ ]+) -->\n(.*?)<!-- /(keys|screen) -->`)

// manualBlocks returns the blocks of one kind, by name, in the order found.
func manualBlocks(t *testing.T, doc, kind string) (names []string, bodies map[string]string) {
	t.Helper()
	bodies = map[string]string{}
	for _, m := range manualBlock.FindAllStringSubmatch(doc, -1) {
		if m[1] != m[4] {
			t.Fatalf("%s: block %s:%s ends with /%s", manualPath, m[1], m[2], m[4])
		}
		if m[1] != kind {
			continue
		}
		if _, dup := bodies[m[2]]; dup {
			t.Fatalf("%s: two %s blocks named %s", manualPath, kind, m[2])
		}
		names = append(names, m[2])
		bodies[m[2]] = m[3]
	}
	return names, bodies
}

// rewriteManualBlocks replaces the body of each named block of kind.
func rewriteManualBlocks(doc, kind string, bodies map[string]string) string {
	return manualBlock.ReplaceAllStringFunc(doc, func(s string) string {
		m := manualBlock.FindStringSubmatch(s)
		body, ok := bodies[m[2]]
		if m[1] != kind || !ok {
			return s
		}
		return "<!-- " + kind + ":" + m[2] + " -->\n" + body + "<!-- /" + kind + " -->"
	})
}

// keyTable renders one screen's keys as the Markdown table the 使用说明
// shows.
func keyTable(lines []manualKey) string {
	var b strings.Builder
	b.WriteString("| 按键 | 作用 |\n|---|---|\n")
	esc := strings.NewReplacer("|", `\|`, "`", "")
	for _, l := range lines {
		fmt.Fprintf(&b, "| `%s` | %s |\n", esc.Replace(l.Keys), esc.Replace(l.Desc))
	}
	return b.String()
}

// TestManualKeyTables: every key table in the 使用说明 is exactly the
// app's bindings for that screen (keys and their help text, in the help
// overlay's order), and every screen of the app has its table. With
// -update the tables are rewritten from the bindings.
func TestManualKeyTables(t *testing.T) {
	raw, err := os.ReadFile(manualPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	names, bodies := manualBlocks(t, doc, "keys")
	want := map[string]string{}
	var screens []string
	for _, s := range manualKeySections() {
		want[s.Screen] = keyTable(s.Keys)
		screens = append(screens, s.Screen)
	}
	if *update {
		for _, n := range names {
			if _, ok := want[n]; !ok {
				t.Errorf("%s: the app has no screen %q (screens: %s)", manualPath, n, strings.Join(screens, ", "))
			}
		}
		if err := os.WriteFile(manualPath, []byte(rewriteManualBlocks(doc, "keys", want)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, s := range screens {
		got, ok := bodies[s]
		switch {
		case !ok:
			t.Errorf("%s has no key table for the screen %s: add <!-- keys:%s --><!-- /keys --> and run go test -run TestManualKeyTables -update .", manualPath, s, s)
		case got != want[s]:
			t.Errorf("%s: the keys of %s differ from the app's; run go test -run TestManualKeyTables -update .\nin the 使用说明:\n%s\nthe app:\n%s", manualPath, s, got, want[s])
		}
	}
	for _, n := range names {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: a key table for %q, a screen the app does not have (screens: %s)", manualPath, n, strings.Join(screens, ", "))
		}
	}
}

// manualScreen is one capture of the real app for the 使用说明: the keys
// that lead there from the previous screen and the texts that show it has
// finished drawing.
type manualScreen struct {
	name  string
	keys  []string
	wait  []string
	after []string // keys that leave it again
}

// TestManualScreens drives the real binary in tmux at 80×24 over the
// sample document and writes each screen into the 使用说明 (with -update),
// or compares them with JIXIAO_MANUAL_SCREENS=check. Without either it
// skips: the captures are pictures for people, and every change to a
// screen's layout would otherwise fail here as well as in the ui tests that
// guard it; the key tables, which must not drift, are checked always by
// TestManualKeyTables.
func TestManualScreens(t *testing.T) {
	check := os.Getenv("JIXIAO_MANUAL_SCREENS") == "check"
	if !*update && !check {
		t.Skip("regenerates the 使用说明's screens: go test -run TestManualScreens -update . (JIXIAO_MANUAL_SCREENS=check compares)")
	}
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	// A short folder of its own: the export dialog shows the path it
	// writes to, which the capture shows as ~.
	dir, err := os.MkdirTemp("", "jx")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	db := filepath.Join(dir, "jixiao.db")
	start := func() *tmuxtest.Session {
		return tmuxtest.Start(t, 80, 24, []string{"HOME=" + dir}, "sh", "-c", `cd "$1" && exec "$2" --db "$3"`, "sh", dir, bin, db)
	}
	got := map[string]string{}

	s := start()
	got["empty"] = stableScreen(s, "还没有任何文本", "按 s 添加示例")
	s.Keys("q")
	s.WaitExit(wait)

	if out, err := exec.Command(bin, "sample", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("jixiao sample: %v\n%s", err, out)
	}
	s = start()
	for _, sc := range []manualScreen{
		{name: "home", wait: []string{"315002", " 警"}},
		{name: "newdoc", keys: []string{"n"}, wait: []string{"新建文本", "审核单位"}, after: []string{"Escape"}},
		{name: "document", keys: []string{"Enter"}, wait: []string{"315-0401-JBN-V4MV", " 警"}},
		{name: "header", keys: []string{"H"}, wait: []string{"编辑表头", "状态"}, after: []string{"Escape"}},
		{name: "project", keys: []string{"Down", "Down", "Down", "Down", "Enter"}, wait: []string{"项目编码", "315-0405-JBN-A4W0", "绩效目标"}},
		{name: "grid", keys: []string{"C-g"}, wait: []string{"第 1/7 行", "产出指标"}, after: []string{"Escape", "Escape"}},
		{name: "findings", keys: []string{"v"}, wait: []string{"审核问题", "个警告"}, after: []string{"Escape"}},
		{name: "review", keys: []string{"r"}, wait: []string{"项目 2/9", "审核问题与意见"}, after: []string{"Escape"}},
		{name: "export", keys: []string{"e"}, wait: []string{"导出 抚宁区司法局", "绩效目标.md"}, after: []string{"Escape"}},
	} {
		if len(sc.keys) > 0 {
			s.Keys(sc.keys...)
		}
		screen := stableScreen(s, sc.wait...)
		got[sc.name] = strings.ReplaceAll(screen, dir, "~")
		for _, k := range sc.after {
			s.Keys(k)
			time.Sleep(300 * time.Millisecond)
		}
	}
	s.Keys("q")
	s.WaitExit(wait)

	raw, err := os.ReadFile(manualPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	names, bodies := manualBlocks(t, doc, "screen")
	want := map[string]string{}
	for n, screen := range got {
		want[n] = "```text\n" + screen + "```\n"
	}
	for _, n := range names {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: screen block %q is not captured here", manualPath, n)
		}
	}
	if *update {
		if err := os.WriteFile(manualPath, []byte(rewriteManualBlocks(doc, "screen", want)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for n, w := range want {
		if bodies[n] != w {
			t.Errorf("%s: screen %s differs from the app; run go test -run TestManualScreens -update .\nin the 使用说明:\n%s\nthe app:\n%s", manualPath, n, bodies[n], w)
		}
	}
}

// stableScreen waits for the texts, then until two captures 300 ms apart
// agree (the review's counts arrive after the first frame), and returns
// the screen with its trailing blank lines kept: the capture is 24 lines.
func stableScreen(s *tmuxtest.Session, want ...string) string {
	prev := s.WaitFor(wait, want...)
	for range 20 {
		time.Sleep(300 * time.Millisecond)
		cur := s.Screen()
		if cur == prev {
			break
		}
		prev = cur
	}
	return prev
}
