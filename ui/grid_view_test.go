package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

func TestWrapCellByDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want []string
	}{
		{"法律援助咨询、案件受理数", 10, []string{"法律援助咨", "询、案件受", "理数      "}},
		{"法律援助咨询", 11, []string{"法律援助咨 ", "询         "}},
		{"≥260件", 6, []string{"≥260件"}},
		{"办结率(%)", 8, []string{"办结率(%", ")       "}},
		{"一\n二", 4, []string{"一  ", "二  "}},
		{"esc\x1b[31m红", 9, []string{"esc␛[31m ", "红       "}}, // the ESC shown, not sent
		{"", 5, nil},
	}
	for _, tt := range tests {
		got := wrapCell(tt.s, tt.w)
		if !slices.Equal(got, tt.want) {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
		for _, l := range got {
			if w := ansi.StringWidth(l); w != tt.w {
				t.Errorf("wrapCell(%q, %d): line %q is %d wide", tt.s, tt.w, l, w)
			}
		}
	}
}

// checkFrame fails unless v is exactly w×h.
func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d wide, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}

func TestGridGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		w, h := sz[0], sz[1]
		for _, step := range []struct {
			name string
			keys []string
		}{
			{"", nil},
			{"-picker", []string{"j", "j", "l", "enter"}},
			{"-scrolled", []string{"G", "l", "l", "e"}},
		} {
			name := fmt.Sprintf("grid-%dx%d%s", w, h, step.name)
			t.Run(name, func(t *testing.T) {
				t.Setenv("NO_COLOR", "1")
				g := newTestGrid(legalAid(t), w, h)
				run(t, g, keys(step.keys...)...)
				v := g.View()
				checkFrame(t, v, w, h)
				golden(t, name, ansi.Strip(v))
			})
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if goldenUpdate() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs (go test ./ui -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGridWindowing(t *testing.T) {
	g := newTestGrid(manyRows(1000), 140, 40)
	checkFrame(t, g.View(), 140, 40)
	run(t, g, press("G"))
	v := ansi.Strip(g.View())
	checkFrame(t, g.View(), 140, 40)
	if !strings.Contains(v, "第 1000/1000 行") || !strings.Contains(v, "第1000项三级指标") {
		t.Fatalf("G: last row not shown:\n%s", v)
	}
	// Only the rows on screen were wrapped.
	wrapped := 0
	for i := range g.cache {
		if g.cache[i].height != 0 {
			wrapped++
		}
	}
	if wrapped > 40 {
		t.Fatalf("%d rows wrapped to show one screen", wrapped)
	}
	// Resizing at any moment keeps the frame exact, and the cursor on screen.
	for _, sz := range [][2]int{{80, 24}, {300, 60}, {60, 16}, {20, 5}, {140, 40}} {
		g.SetSize(sz[0], sz[1])
		v := g.View()
		checkFrame(t, v, sz[0], sz[1])
		if sz[1] >= 16 && !strings.Contains(ansi.Strip(v), "第1000项") {
			t.Fatalf("%dx%d: cursor row off screen:\n%s", sz[0], sz[1], ansi.Strip(v))
		}
	}
}

func TestGridSetProjectAndFocus(t *testing.T) {
	g := newTestGrid(legalAid(t), 80, 24)
	run(t, g, press("G"), press("D"))
	p := legalAid(t)
	p.Indicators = p.Indicators[:2]
	g.SetProject(p)
	if r, _ := g.Cursor(); r != 1 {
		t.Fatalf("cursor %d after the rows shrank to 2", r)
	}
	if len(run(t, g, press("u"))) != 0 {
		t.Fatal("undo survived an outside change of rows")
	}
	g.FocusCell(9, 9)
	if r, c := g.Cursor(); r != 1 || c != 5 {
		t.Fatalf("FocusCell clamped to (%d,%d)", r, c)
	}
	if g.Editing() || len(g.ShortHelp()) == 0 || len(g.FullHelp()) == 0 {
		t.Fatal("help empty or editing")
	}
}

func TestGridEmpty(t *testing.T) {
	g := newTestGrid(model.Project{ID: "e"}, 80, 24)
	run(t, g, keys("j", "k", "G", "D", "K", "e", "u", "pgdown")...)
	v := g.View()
	checkFrame(t, v, 80, 24)
	if !strings.Contains(ansi.Strip(v), "按 a 添加一行") {
		t.Fatalf("empty grid gives no hint:\n%s", ansi.Strip(v))
	}
}
