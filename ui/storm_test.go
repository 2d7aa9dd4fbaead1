package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestResizeStorm opens every screen and resizes it to 200 sizes from 20×5
// to 300×100 in a seeded random order: no panic, and every frame fits the
// terminal (no line wider, no more lines).
func TestResizeStorm(t *testing.T) {
	screens := []struct {
		name, want string // want: the top screen's type, and whether it is editing
		keys       []string
	}{
		{"home", "*ui.home", nil},
		{"help overlay", "*ui.home", []string{"?"}},
		{"document", "*ui.document", []string{"enter"}},
		{"Part 1", "*ui.part1", []string{"enter", "enter"}},
		{"Part 1 editor", "*ui.part1 editing", []string{"enter", "enter", "enter"}},
		{"project form", "*ui.projectForm editing", []string{"enter", "down", "down", "down", "enter"}},
		{"project form, 资金用途", "*ui.projectForm editing", []string{"enter", "down", "down", "down", "enter", "tab", "tab", "tab", "tab", "tab"}},
		{"grid", "*ui.gridScreen", []string{"enter", "down", "down", "down", "i"}},
		{"grid, cell editor", "*ui.gridScreen editing", []string{"enter", "down", "down", "down", "i", "right", "right", "enter"}},
		{"grid, large editor", "*ui.gridScreen editing", []string{"enter", "down", "down", "down", "i", "right", "right", "enter", "alt+enter", "alt+enter", "alt+enter", "alt+enter", "alt+enter"}},
		{"grid, picker", "*ui.gridScreen editing", []string{"enter", "down", "down", "down", "i", "enter"}},
		{"walk-through", "*ui.walk", []string{"enter", "w"}},
		{"walk-through, grid", "*ui.walk", []string{"enter", "down", "down", "down", "w", "ctrl+n"}},
		{"findings panel", "*ui.findingsPanel", []string{"enter", "v"}},
		{"export dialog", "*ui.exportDialog editing", []string{"enter", "e"}},
	}
	for i, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel() // 2,600 frames: several minutes under -race on one core
			h := newHarness(t, 80, 24)
			h.keys("s")
			h.keys(sc.keys...)
			got := fmt.Sprintf("%T", h.app.top())
			if h.app.top().Editing() {
				got += " editing"
			}
			if got != sc.want {
				t.Fatalf("top screen is %s, want %s", got, sc.want)
			}
			rng := rand.New(rand.NewPCG(uint64(i), 6))
			for range 200 {
				w, hh := 20+rng.IntN(281), 5+rng.IntN(96)
				h.send(tea.WindowSizeMsg{Width: w, Height: hh})
				lines := strings.Split(h.app.View().Content, "\n")
				if len(lines) > hh {
					t.Fatalf("%d×%d: %d lines", w, hh, len(lines))
				}
				for j, l := range lines {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("%d×%d: line %d is %d wide: %q", w, hh, j, lw, ansi.Strip(l))
					}
				}
			}
		})
	}
}
