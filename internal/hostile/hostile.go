// Package hostile lists text that attacks a terminal, a Markdown reader, a
// spreadsheet or a parser: escape sequences, control characters, bidi
// overrides, zero-width characters, invalid UTF-8 and very long values. The
// store, export and UI tests put every one of them in every field, so the
// list lives in one place and grows in one place.
package hostile

import "strings"

// Text is one hostile value and what it is, for test names.
type Text struct {
	Name  string
	Value string
}

// Long is the length in characters of the longest value in All.
const Long = 100_000

// All returns the hostile values. Every value is valid UTF-8 except those
// whose name starts with "invalid UTF-8": those cannot be typed into the
// terminal app (Bubble Tea decodes keys as runes) and only reach jixiao
// through a file.
func All() []Text {
	return []Text{
		{"ANSI colour and clear screen", "红\x1b[31m字\x1b[0m\x1b[2J\x1b[H"},
		{"ANSI OSC title and hyperlink", "\x1b]0;pwned\x07\x1b]8;;http://x.invalid\x1b\\链接\x1b]8;;\x1b\\"},
		{"ANSI cursor moves and erase line", "金额\x1b[10A\x1b[2K\x1b[1;1H覆盖"},
		{"C0 controls", "a\x00b\x01c\x07d\x08e\x0bf\x0cg\x0eh\x1bi\x1fj\x7fk"},
		{"tab CR and LF", "一\t二\r三\n四\r\n五"},
		{"C1 controls", "a\u0080b\u0085c\u008dd\u009be[31mf\u009cg"},
		{"bidi overrides", "\u202e123.45\u202c \u202dA\u202a\u202b\u2066\u2067\u2068\u2069B\u200e\u200f"},
		{"zero-width characters", "法\u200b律\u200c援\u200d助\ufeff\u2060\u00ad"},
		{"unit separator", "编码\x1f名称\x1f\x1f1"},
		{"formula", "=HYPERLINK(\"http://x.invalid\",\"点击\")"},
		{"markdown", "| # *粗* _斜_ `码` [链](x) <b>&amp; ~~删~~ \\"},
		{"replacement and private use", "\ufffd\ue000\U000f0000"},
		{"combining marks", "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301"},
		{"wide and emoji", "👨‍👩‍👧‍👦🇨🇳１２３"},
		{"long", strings.Repeat("预算绩效目标", Long/6+1)},
		{"long line of ASCII", strings.Repeat("x", Long)},
		{"invalid UTF-8", "无效\xff\xfe字节\xc3"},
		{"invalid UTF-8 surrogate", "\xed\xa0\x80 and \xc0\xaf"},
	}
}

// Valid returns the values of All that are valid UTF-8.
func Valid() []Text {
	var out []Text
	for _, h := range All() {
		if !strings.HasPrefix(h.Name, "invalid UTF-8") {
			out = append(out, h)
		}
	}
	return out
}
