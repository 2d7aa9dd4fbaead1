package ui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Text the user typed or imported is stored as given, but it is drawn only
// after sanitize: a control character in it would reach the terminal (an
// ESC starts a sequence that can clear the screen or set the title), a
// bidi override would reorder what follows it, and a character whose width
// the terminal counts differently from lipgloss would shift the rest of
// the line. Each is drawn as one visible placeholder cell instead.
const (
	placeholder = '\uFFFD' // �: C1 controls, format characters, invalid UTF-8
	delPicture  = '\u2421' // ␡
	crPicture   = '\u240D' // ␍
)

// sanitize returns s as it may be drawn: control characters become their
// Unicode control pictures (␛ for ESC), tabs become a space, CR LF becomes
// LF, other format characters (bidi controls, zero-width characters, the
// BOM), C1 controls, line separators and invalid UTF-8 become �, and a
// grapheme whose width lipgloss and a wcwidth terminal disagree on (some
// emoji sequences) becomes that many �. Newlines are kept.
func sanitize(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	wide := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteRune(placeholder)
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r' && strings.HasPrefix(s[i+n:], "\n"):
			// CR LF is a line break written the Windows way.
		case r == '\r':
			b.WriteRune(crPicture)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟
		case r == 0x7f:
			b.WriteRune(delPicture)
		case r < 0x80:
			b.WriteByte(byte(r))
		case r < 0xa0, r == '\u2028', r == '\u2029', unicode.Is(unicode.Cf, r):
			b.WriteRune(placeholder)
		default:
			wide = true
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	out := b.String()
	if wide {
		out = evenWidths(out)
	}
	return out
}

// sanitizeLine is sanitize for one line of text: newlines become spaces.
func sanitizeLine(s string) string {
	return strings.ReplaceAll(sanitize(s), "\n", " ")
}

// plain reports whether s is printable ASCII and newlines only, which
// sanitize leaves as it is (the common case, checked cheaply).
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// evenWidths replaces each grapheme cluster of s (already free of control
// and format characters) whose grapheme width differs from its wcwidth by
// as many placeholders as lipgloss counts, so the terminal draws exactly
// the cells the layout reserved whichever way it measures.
func evenWidths(s string) string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			i++
			continue
		}
		cluster, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			cluster = s[i : i+1]
		}
		if utf8.RuneCountInString(cluster) > 1 && ansi.StringWidthWc(cluster) != w {
			b.WriteString(strings.Repeat(string(placeholder), max(w, 1)))
			changed = true
		} else {
			b.WriteString(cluster)
		}
		i += len(cluster)
	}
	if !changed {
		return s
	}
	return b.String()
}

// clip returns a prefix of s long enough to fill w columns of one line
// once sanitized (every rune drawn takes at least one column, except
// combining marks, allowed for generously), so a 100,000-character value
// costs what a short one does on screen.
func clip(s string, w int) string {
	limit := 4*max(w, 1) + 64
	if len(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			return s[:i]
		}
		n++
	}
	return s
}

// sanitizeView cleans the rendered view of a text input or area, whose
// styling sequences must stay: the widgets drop control characters from
// their value themselves, but keep format characters such as bidi
// overrides, which are replaced here outside the sequences.
func sanitizeView(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	var state byte
	for len(s) > 0 {
		seq, _, n, newState := ansi.DecodeSequence(s, state, nil)
		if n <= 0 {
			n = 1
			seq = s[:1]
		}
		if strings.HasPrefix(seq, "\x1b") {
			b.WriteString(seq) // a style's sequence
		} else {
			b.WriteString(sanitize(seq))
		}
		state = newState
		s = s[n:]
	}
	return b.String()
}

// safeWidth bounds what safe keeps: no line on screen is wider.
const safeWidth = 400

// safe is sanitizeLine for a value drawn on one line somewhere (a name in
// a list, a title), clipped first so that a 100,000-character value costs
// no more than a short one.
func safe(s string) string { return sanitizeLine(clip(s, safeWidth)) }

// Limits of what the text areas edit. A text area rewraps the whole line
// being typed in on every key, at some 12 ms per 1,000 characters, so a
// longer line would make each key slow; such a value is shown but not
// edited here (it came from an import, and an export edits it).
const (
	maxEditLine  = 3_000  // characters in one line
	maxEditTotal = 20_000 // characters in all
)

// errTooLongToEdit says a value is over the text areas' limits.
var errTooLongToEdit = errors.New("内容过长（一段超过 3000 字或全文超过 20000 字），只能查看，不能在此编辑")

// tooLongToEdit reports whether s is over the text areas' limits.
func tooLongToEdit(s string) bool {
	if len(s) <= maxEditLine { // bytes ≥ characters
		return false
	}
	if utf8.RuneCountInString(s) > maxEditTotal {
		return true
	}
	for line := range strings.SplitSeq(s, "\n") {
		if utf8.RuneCountInString(line) > maxEditLine {
			return true
		}
	}
	return false
}
