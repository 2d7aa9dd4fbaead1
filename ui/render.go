package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Drawing by display width: every screen fits its lines with these, so a
// CJK character counts two columns and no line is wider than the terminal.

// fit truncates s to w display columns and pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if d := w - lipgloss.Width(s); d > 0 {
		s += strings.Repeat(" ", d)
	}
	return s
}

// fitRight is fit with the text against the right edge (amounts).
func fitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if d := w - lipgloss.Width(s); d > 0 {
		s = strings.Repeat(" ", d) + s
	}
	return s
}

// oneLine folds a multi-line text into one line for previews.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// box makes lines exactly w×h: each line fitted, missing lines blank,
// extra lines dropped. Every screen's View ends with it so the root's
// layout never breaks whatever a screen draws.
func box(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return strings.Join(out, "\n")
}

// splitLines is strings.Split on "\n" for an already rendered block.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// window returns the first index of a h-line window over n items that
// keeps cur visible, given the previous first index.
func window(first, cur, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	if cur < first {
		first = cur
	}
	if cur >= first+h {
		first = cur - h + 1
	}
	return max(0, min(first, n-h))
}

// bar draws a progress bar of w cells for done of total.
func bar(st *Styles, done, total, w int) string {
	if w <= 0 {
		return ""
	}
	on := 0
	if total > 0 {
		on = done * w / total
	}
	return st.BarOn.Render(strings.Repeat("█", on)) + st.BarOff.Render(strings.Repeat("░", w-on))
}

// stripped removes styling, so a selected row can be restyled as a whole.
func stripped(s string) string { return ansi.Strip(s) }

// fitText draws user text on one line of w columns: clipped, sanitized,
// truncated with … and padded to exactly w.
func fitText(s string, w int) string {
	return fit(sanitizeLine(clip(s, w)), w)
}

// fitLines splits a rendered block (an editor's view) into lines of
// exactly width w.
func fitLines(view string, w int) []string {
	ls := strings.Split(view, "\n")
	for j, l := range ls {
		ls[j] = fitWidth(l, w)
	}
	return ls
}

// fitWidth pads or cuts s to display width w.
func fitWidth(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// compose draws top over base at (x, y), clipped to base's size: each line
// of top takes the place of its columns in the base line under it, and
// the other lines are left as they are. An overlay so costs its own size,
// not the screen's (a cell canvas of the whole screen took half of every
// frame of the picker and the larger editor). A wide rune of base cut by
// an edge of top is blanked, as a terminal does.
func compose(base, top string, x, y int) string {
	lines := strings.Split(base, "\n")
	for i, tl := range strings.Split(top, "\n") {
		row := y + i
		if row < 0 || row >= len(lines) {
			continue
		}
		bl := lines[row]
		bw := ansi.StringWidth(bl)
		if x >= bw {
			continue
		}
		// top covers its columns up to base's edge, a wide rune cut
		// there included.
		tw := min(ansi.StringWidth(tl), bw-x)
		tl = ansi.Truncate(tl, tw, "")
		tl += strings.Repeat(" ", tw-ansi.StringWidth(tl))
		left := ansi.Truncate(bl, x, "")
		right := ansi.TruncateLeft(bl, x+tw, "")
		cut := 0 // columns of a wide rune under top's right edge
		if rw := ansi.StringWidth(right); rw > bw-x-tw {
			right = ansi.TruncateLeft(bl, x+tw+1, "")
			cut = 1
		}
		lines[row] = left + strings.Repeat(" ", x-ansi.StringWidth(left)) + ansiReset + tl + ansiReset +
			strings.Repeat(" ", cut) + right
	}
	return strings.Join(lines, "\n")
}

// ansiReset ends the styles of one part of a line before the next begins.
const ansiReset = "\x1b[m"

// fitMiddle fits s to w columns keeping both ends: a long name loses its
// middle ("提前下达 2020…社区矫正经费"), so names that share a beginning
// stay told apart by their tails.
func fitMiddle(s string, w int) string {
	sw := lipgloss.Width(s)
	if sw <= w || w < 5 {
		return fit(s, w)
	}
	head := (w - 1) / 2
	tail := w - 1 - head
	l := ansi.Truncate(s, head, "")
	r := ansi.TruncateLeft(s, sw-tail, "")
	return fit(l+"…"+r, w)
}
