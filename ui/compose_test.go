package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// composeCanvas is what compose did before: the whole screen drawn on a
// lipgloss cell canvas. It is kept here as the reference compose must
// agree with.
func composeCanvas(base, top string, x, y int) string {
	w, h := lipgloss.Width(base), lipgloss.Height(base)
	c := lipgloss.NewCanvas(w, h)
	c.Compose(lipgloss.NewCompositor(lipgloss.NewLayer(base), lipgloss.NewLayer(top).X(x).Y(y).Z(1)))
	lines := strings.Split(c.Render(), "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines[:h] {
		lines[i] = l + strings.Repeat(" ", max(w-ansi.StringWidth(l), 0))
	}
	return strings.Join(lines[:h], "\n")
}

// TestComposeAgreesWithTheCanvas draws seeded random boxes over seeded
// random styled screens of CJK, ASCII and emoji, anywhere including past
// the edges: the text on screen is the canvas's, every line keeps the
// screen's width, and the only escape sequences are styles.
func TestComposeAgreesWithTheCanvas(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	runes := []string{"a", "b", " ", "预", "算", "绩", "效", "│", "─", "👍", "１"}
	styles := []lipgloss.Style{lipgloss.NewStyle(), lipgloss.NewStyle().Bold(true),
		lipgloss.NewStyle().Foreground(lipgloss.Color("#D70000")).Background(lipgloss.Color("#EEF3FA"))}
	text := func(w int) string {
		var b strings.Builder
		for ansi.StringWidth(b.String()) < w {
			r := runes[rng.IntN(len(runes))]
			if ansi.StringWidth(b.String())+ansi.StringWidth(r) > w {
				r = " "
			}
			b.WriteString(styles[rng.IntN(len(styles))].Render(r))
		}
		return b.String()
	}
	block := func(w, h int) string {
		ls := make([]string, h)
		for i := range ls {
			ls[i] = text(w)
		}
		return strings.Join(ls, "\n")
	}
	for n := range 300 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(12)
		base := block(w, h)
		top := block(1+rng.IntN(w+4), 1+rng.IntN(h+2))
		x, y := rng.IntN(w+2), rng.IntN(h+2)-1
		got, want := compose(base, top, x, y), composeCanvas(base, top, x, y)
		if ansi.Strip(got) != ansi.Strip(want) {
			t.Fatalf("case %d (%d×%d at %d,%d):\n--- compose\n%s\n--- canvas\n%s\n--- base\n%s\n--- top\n%s",
				n, w, h, x, y, ansi.Strip(got), ansi.Strip(want), ansi.Strip(base), ansi.Strip(top))
		}
		for i, l := range strings.Split(got, "\n") {
			if lw := ansi.StringWidth(l); lw != w {
				t.Fatalf("case %d: line %d is %d wide, want %d", n, i, lw, w)
			}
		}
		checkSafeFrame(t, "compose", got, w, h)
	}
}
