package ui

import (
	"image/color"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestLightTerminalGridUsesLightPalette opens a grid after the terminal has
// said its background is light (Bubble Tea answers that at start-up, before
// any grid exists) and reads the colours in what the grid draws: the cursor
// row's background must be the light one.
func TestLightTerminalGridUsesLightPalette(t *testing.T) {
	light, dark := DefaultStyles(false).Palette.RowBg, DefaultStyles(true).Palette.RowBg
	seq := func(c color.Color) string {
		r, g, b, _ := c.RGBA()
		return "48;2;" + strconv.Itoa(int(r>>8)) + ";" + strconv.Itoa(int(g>>8)) + ";" + strconv.Itoa(int(b>>8))
	}
	h := newHarness(t, 80, 24)
	h.send(tea.BackgroundColorMsg{Color: color.White})
	h.openSample()
	h.keys("down", "down", "down", "i")
	h.mustSee("绩效指标 法律援助经费")
	out := h.app.View().Content
	if !strings.Contains(out, seq(light)) {
		t.Errorf("the grid on a light terminal lacks the light cursor row %s", seq(light))
	}
	if strings.Contains(out, seq(dark)) {
		t.Errorf("the grid on a light terminal draws the dark cursor row %s", seq(dark))
	}
	// And back: a dark answer restyles the grid already open.
	h.send(tea.BackgroundColorMsg{Color: color.Black})
	if out := h.app.View().Content; !strings.Contains(out, seq(dark)) || strings.Contains(out, seq(light)) {
		t.Error("a dark background did not restyle the open grid")
	}
	h.checkSize(80, 24)
}
