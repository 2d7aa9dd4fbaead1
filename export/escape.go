package export

import (
	"strings"
	"unicode/utf8"
)

// Spreadsheet formula neutralising (OWASP "CSV injection").
//
// Excel and WPS run a cell as a formula when it starts with = + - @, and
// some versions also when it starts with a tab or carriage return. On export
// such a cell gets one apostrophe in front ('=SUM(A1) instead of =SUM(A1)),
// which makes the spreadsheet show it as text. Values with those characters
// elsewhere, such as ≥75% or 1-2 人次, are untouched.
//
// So that the import can undo this exactly, the rule is: a cell is guarded
// when it matches ^'*[=+\-@\t\r] — any number of apostrophes followed by a
// trigger character. Export prefixes every guarded cell with one apostrophe;
// import removes one leading apostrophe from every cell that is guarded and
// starts with an apostrophe. A real value '=x therefore leaves as ''=x and
// comes back as '=x, while '你好 (no trigger after the apostrophes) is left
// alone both ways.

// isFormulaTrigger reports whether c starts a formula in a spreadsheet.
func isFormulaTrigger(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// isGuarded reports whether s matches ^'*[=+\-@\t\r].
func isGuarded(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	return i < len(s) && isFormulaTrigger(s[i])
}

// neutralize returns the cell as it is written to CSV. It allocates only for
// guarded cells, which are rare.
func neutralize(s string) string {
	if s == "" || !isGuarded(s) {
		return s
	}
	return "'" + s
}

// unneutralize undoes neutralize.
func unneutralize(s string) string {
	if len(s) > 1 && s[0] == '\'' && isGuarded(s) {
		return s[1:]
	}
	return s
}

// Markdown escaping.
//
// Text from the user goes into three places: table cells, paragraphs and
// headings. Everywhere the ASCII characters that start inline constructs
// (\ ` * _ [ ] < > & | ~) get a backslash, so the reader sees exactly what
// was typed. Chinese text rarely contains them, so the plain-text email
// stays readable. At the start of a line, characters that would open a block
// (# + - = and "1." / "1)") are escaped too.

// mdInlineSpecial marks the ASCII bytes escaped everywhere.
var mdInlineSpecial = func() (t [256]bool) {
	for _, c := range []byte("\\`*_[]<>&|~") {
		t[c] = true
	}
	return t
}()

// mdHeadingSpecial adds # to mdInlineSpecial: a trailing run of # would be
// taken as a heading's closing sequence.
var mdHeadingSpecial = func() [256]bool {
	t := mdInlineSpecial
	t['#'] = true
	return t
}()

// EscapeCell returns s as the content of a GFM table cell: inline
// characters escaped, and each line break (CR LF, LF or CR) written as <br>,
// so the cell never contains an unescaped | or a newline.
func EscapeCell(s string) string { return string(appendCell(nil, s)) }

// appendCell appends EscapeCell(s) to dst: each line escaped by
// appendEscaped, the line breaks between them written as <br>.
func appendCell(dst []byte, s string) []byte {
	for {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			return appendEscaped(dst, s, &mdInlineSpecial)
		}
		dst = append(appendEscaped(dst, s[:i], &mdInlineSpecial), "<br>"...)
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// cellNeedsEscape reports whether appendCell would change s.
func cellNeedsEscape(s string) bool {
	maybe := maybeHidden(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if mdInlineSpecial[c] || c == '\r' || c == '\n' {
			return true
		}
		if maybe[c] {
			n, hidden := hiddenAt(s, i)
			if hidden {
				return true
			}
			i += n - 1
		}
	}
	return false
}

// Characters that must not reach the reader as they are.
//
// The Markdown summary is read in a mail program, a browser or a terminal
// (cat, less), so no character that drives a terminal, reorders text or
// hides itself is written as is: the C0 controls other than tab and line
// breaks, DEL, the C1 controls (U+0080–U+009F), the bidi embeddings,
// overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E,
// U+200F, U+061C), the zero-width space and non-joiner (U+200B, U+200C),
// the word joiner U+2060, U+FEFF, and the line and paragraph separators
// U+2028 and U+2029. Each is written as \uXXXX (four upper-case hex
// digits), which a Markdown reader shows as written, since a backslash
// before a letter is literal: the reader sees that something was there,
// and what. (A user who typed \u202E literally gets the same text: the
// summary is for reading, and the CSV keeps the difference.) The
// zero-width joiner U+200D is kept, as emoji sequences need it. Invalid
// UTF-8, which the store never holds, becomes U+FFFD. The CSV keeps every
// one of these characters exactly, because it must round trip.

// mdMaybeHidden marks the bytes that may start a hidden character in valid
// UTF-8: C0 controls but tab, CR and LF (handled as line breaks), DEL, and
// the lead bytes of the hidden runes above (C2 for C1 controls, D8 for
// U+061C, E2 for U+20xx, EF for U+FEFF), checked rune by rune in hiddenAt.
// CJK text has none of them, so it is scanned byte by byte without
// decoding. mdMaybeHiddenAny marks every non-ASCII byte as well, for text
// that is not valid UTF-8.
var mdMaybeHidden, mdMaybeHiddenAny = func() (valid, any [256]bool) {
	for c := range 256 {
		valid[c] = c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f ||
			c == 0xc2 || c == 0xd8 || c == 0xe2 || c == 0xef
		any[c] = valid[c] || c >= 0x80
	}
	return
}()

// maybeHidden returns the table to scan s with.
func maybeHidden(s string) *[256]bool {
	if utf8.ValidString(s) {
		return &mdMaybeHidden
	}
	return &mdMaybeHiddenAny
}

// isHidden reports whether r is written as \uXXXX (see above).
func isHidden(r rune) bool {
	switch {
	case r < 0x20 && r != '\t' && r != '\r' && r != '\n', r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	switch r {
	case 0x200b, 0x200c, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0x2028, 0x2029:
		return true
	}
	return false
}

// hiddenAt returns the length of the character at s[i] and whether it is
// hidden or invalid UTF-8.
func hiddenAt(s string, i int) (n int, hidden bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, isHidden(rune(c))
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, r == utf8.RuneError && n == 1 || isHidden(r)
}

// appendHidden appends what stands for the hidden character (or invalid
// byte) ch.
func appendHidden(dst []byte, ch string) []byte {
	r, n := utf8.DecodeRuneInString(ch)
	if r == utf8.RuneError && n == 1 {
		return utf8.AppendRune(dst, utf8.RuneError)
	}
	const hex = "0123456789ABCDEF"
	return append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}

// appendLineStart escapes what would open a block at the start of a line
// and returns the rest of the line for inline escaping.
func appendLineStart(dst []byte, line string) ([]byte, string) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i > 0 {
		// Four spaces would make an indented code block. The indent means
		// nothing in an email, so it becomes one entity-escaped space,
		// which renders as a space and cannot start a block.
		dst = append(dst, "&#32;"...)
		line = line[i:]
	}
	if line == "" {
		return dst, line
	}
	switch line[0] {
	case '#', '+', '-', '=':
		return append(dst, '\\', line[0]), line[1:]
	}
	// An ordered list marker: 1 to 9 digits, then . or ).
	j := 0
	for j < len(line) && j < 10 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > 0 && j < 10 && j < len(line) && (line[j] == '.' || line[j] == ')') {
		dst = append(dst, line[:j]...)
		return append(dst, '\\', line[j]), line[j+1:]
	}
	return dst, line
}

// appendEscaped appends s with a backslash before every byte marked in
// special, and hidden characters written as \uXXXX. s holds no line breaks.
func appendEscaped(dst []byte, s string, special *[256]bool) []byte {
	maybe := maybeHidden(s)
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case special[c]:
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', c)
			start = i + 1
		case maybe[c]:
			n, hidden := hiddenAt(s, i)
			if hidden {
				dst = append(dst, s[start:i]...)
				dst = appendHidden(dst, s[i:i+n])
				start = i + n
			}
			i += n - 1
		}
	}
	return append(dst, s[start:]...)
}

// splitLines splits on CR LF, LF and CR.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// EscapeParagraph returns s as one or more Markdown paragraphs: each line is
// escaped, consecutive lines are joined with a hard line break (a trailing
// backslash, visible and robust in plain text), and blank lines separate
// paragraphs as the author meant. Blank text gives "".
func EscapeParagraph(s string) string { return string(appendParagraph(nil, s)) }

func appendParagraph(dst []byte, s string) []byte {
	lines := splitLines(strings.TrimRight(s, " \t\r\n"))
	blank := func(i int) bool { return strings.TrimSpace(lines[i]) == "" }
	start := len(dst)
	for i := range lines {
		if blank(i) {
			// One blank line between paragraphs, none before the first.
			if len(dst) > start && !blank(i-1) {
				dst = append(dst, '\n')
			}
			continue
		}
		var rest string
		dst, rest = appendLineStart(dst, strings.TrimRight(lines[i], " \t"))
		dst = appendEscaped(dst, rest, &mdInlineSpecial)
		if i+1 < len(lines) && !blank(i+1) {
			dst = append(dst, '\\', '\n')
		} else if i+1 < len(lines) {
			dst = append(dst, '\n')
		}
	}
	return dst
}

// EscapeHeading returns s as the text of a one-line heading: runs of white
// space and line breaks become one space, and the rest is escaped as at the
// start of a line, # included.
func EscapeHeading(s string) string {
	line := strings.Join(strings.Fields(s), " ")
	dst, rest := appendLineStart(nil, line)
	return string(appendEscaped(dst, rest, &mdHeadingSpecial))
}

// OneLine returns s as one line of plain text for a message or a terminal:
// every control character (tab and line breaks included) and every hidden
// character listed above is written as \uXXXX, and invalid UTF-8 as
// U+FFFD, so nothing in s can drive the terminal, reorder the line or
// break it. Text without them is returned as is.
func OneLine(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		clean = s[i] >= 0x20 && !mdMaybeHiddenAny[s[i]]
	}
	if clean {
		return s
	}
	dst := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); {
		n, hidden := hiddenAt(s, i)
		if c := s[i]; hidden || c == '\t' || c == '\r' || c == '\n' {
			dst = appendHidden(dst, s[i:i+n])
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return string(dst)
}
