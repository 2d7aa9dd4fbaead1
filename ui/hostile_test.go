package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"jixiao/internal/hostile"
	"jixiao/model"
	"jixiao/store"
)

// hostileDoc is a document with v in every text field: header, Part 1, a
// project's fields and every cell of two indicator rows.
func hostileDoc(v string) *model.Document {
	in := model.Indicator{L1: v, L2: v, L3: v, Desc: v, Value: v, Basis: v}
	return &model.Document{
		UnitCode: "H1", UnitName: v, Year: 2026, Title: v, Compiler: v, Reviewer: v,
		Status: model.StatusDraft, Currency: "万元",
		Overall:  v,
		Goals:    []model.Goal{{Goal: v, Indicator: v}},
		Measures: []model.Measure{{Title: v, Content: v}},
		Projects: []model.Project{{
			ID: model.NewProjectID(), Code: v, Name: v, Use: v, Goal: v,
			Indicators: []model.Indicator{in, in},
		}},
	}
}

// checkSafeFrame fails unless a frame is safe to send to a terminal: exactly
// w×h cells, counted the same by lipgloss and by a wcwidth terminal; the
// only escape sequences are SGR styles; and no control character (but the
// newlines between lines), format character (bidi controls, zero-width
// characters) or invalid UTF-8 is left in the text.
func checkSafeFrame(t *testing.T, where, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want %d", where, len(lines), h)
	}
	for i, l := range lines {
		if gw, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); gw != w || wc != w {
			t.Fatalf("%s: line %d is %d columns (wcwidth %d), want %d: %q", where, i, gw, wc, w, ansi.Strip(l))
		}
	}
	var state byte
	for s := frame; len(s) > 0; {
		seq, _, n, ns := ansi.DecodeSequence(s, state, nil)
		if n <= 0 {
			n, seq = 1, s[:1]
		}
		state = ns
		s = s[n:]
		if strings.HasPrefix(seq, "\x1b") {
			if !isSGR(seq) {
				t.Fatalf("%s: escape sequence %q reaches the terminal", where, seq)
			}
			continue
		}
		if !utf8.ValidString(seq) {
			t.Fatalf("%s: invalid UTF-8 %q reaches the terminal", where, seq)
		}
		for _, r := range seq {
			if r == '\n' {
				continue
			}
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
				t.Fatalf("%s: character %U reaches the terminal in %q", where, r, seq)
			}
		}
	}
}

// isSGR reports whether seq is a Select Graphic Rendition sequence (colour,
// bold, reverse…), the only kind the styles emit.
func isSGR(seq string) bool {
	if !strings.HasPrefix(seq, "\x1b[") || !strings.HasSuffix(seq, "m") {
		return false
	}
	for _, c := range seq[2 : len(seq)-1] {
		if !(c >= '0' && c <= '9' || c == ';' || c == ':') {
			return false
		}
	}
	return true
}

// TestHostileTextOnEveryScreen puts each hostile value in every field and
// visits every screen at 80×24 and 140×40, with editors open on it: each
// frame must be safe to send to a terminal and keep its layout.
func TestHostileTextOnEveryScreen(t *testing.T) {
	for _, hv := range hostile.All() {
		for _, sz := range [][2]int{{80, 24}, {140, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", hv.Name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel() // a 100,000-character value takes seconds under -race
				h := newHarness(t, sz[0], sz[1])
				if err := h.st.CreateDocument(hostileDoc(hv.Value)); err != nil {
					t.Fatal(err)
				}
				h.send(docsLoadedMsgFor(t, h.st))
				check := func(where string) {
					t.Helper()
					checkSafeFrame(t, where, h.app.View().Content, sz[0], sz[1])
				}
				at := func(want string) {
					t.Helper()
					got := fmt.Sprintf("%T", h.app.top())
					switch top := h.app.top().(type) {
					case *part1:
						if top.editing != nil {
							got += " editing"
						}
					case *gridScreen:
						got += [...]string{"", " cell", " large", " picker"}[top.mode]
					}
					if got != want {
						t.Fatalf("top screen is %s, want %s", got, want)
					}
				}
				check("home")
				h.keys("D")
				check("home, delete prompt")
				h.keys("esc", "enter")
				at("*ui.document")
				check("document")
				h.keys("?")
				check("help overlay")
				h.keys("esc", "enter")
				at("*ui.part1")
				check("Part 1")
				h.keys("enter")
				at("*ui.part1 editing")
				check("Part 1, 总体绩效目标 editor")
				h.keys("esc", "down", "enter")
				at("*ui.part1 editing")
				check("Part 1, goal editor")
				h.keys("tab")
				check("Part 1, goal editor, multi-line field")
				h.keys("esc", "esc", "down", "down", "down", "enter")
				at("*ui.projectForm")
				check("project form")
				h.keys("tab")
				check("project form, 项目名称 focused")
				for range 4 {
					h.keys("tab")
				}
				check("project form, 资金用途 focused")
				h.keys("ctrl+g")
				at("*ui.gridScreen")
				check("grid")
				h.keys("enter")
				at("*ui.gridScreen picker")
				check("grid, 一级 picker")
				h.keys("esc", "right", "right", "enter")
				check("grid, cell editor")
				switch g := h.app.top().(*gridScreen); {
				case tooLongToEdit(hv.Value):
					// Shown, not edited: a text area would take a second a key.
					h.mustSee("内容过长")
				case g.mode != modeCell && g.mode != modeLarge:
					t.Fatalf("grid mode %d, want a cell editor", g.mode)
				default:
					h.keys("esc")
				}
				h.keys("esc", "esc", "w")
				at("*ui.walk")
				check("walk-through, project form")
				h.keys("ctrl+n")
				check("walk-through, grid")
			})
		}
	}
}

// docsLoadedMsgFor reloads the home list after a document was written
// behind the app's back.
func docsLoadedMsgFor(t *testing.T, st *store.Store) docsLoadedMsg {
	t.Helper()
	docs, err := st.ListDocuments()
	if err != nil {
		t.Fatal(err)
	}
	return docsLoadedMsg{Docs: docs}
}

// TestHostileTextIsStoredAsGiven opens a hostile project's form and walks
// through every field without typing: nothing is written back, although
// the text inputs drop control characters from what they show.
func TestHostileTextIsStoredAsGiven(t *testing.T) {
	v := "名\x1b[31m称\x07\u202e尾"
	h := newHarness(t, 80, 24)
	doc := hostileDoc(v)
	if err := h.st.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	h.send(docsLoadedMsgFor(t, h.st))
	h.keys("enter", "down", "down", "down", "enter")
	for range pfCount {
		h.keys("tab")
	}
	h.keys("esc")
	got, err := h.st.Document(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	p := got.Projects[0]
	for name, f := range map[string]string{"项目编码": p.Code, "项目名称": p.Name, "资金用途": p.Use, "绩效目标": p.Goal} {
		if f != v {
			t.Errorf("%s stored as %q, want %q as given", name, f, v)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ASCII\nsecond line", "plain ASCII\nsecond line"},
		{"预算\x1b[2J绩效", "预算␛[2J绩效"},
		{"a\x00b\x07c\x7fd", "a␀b␇c␡d"},
		{"一\t二\r三\r\n四", "一 二␍三\n四"},
		{"x\u009by", "x�y"},
		{"\u202e123\u202c", "�123�"},
		{"法\u200b律\ufeff", "法�律�"},
		{"无效\xff字", "无效�字"},
		{"１２３ 👍", "１２３ 👍"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, hv := range hostile.All() {
		s := sanitize(hv.Value)
		for _, l := range strings.Split(s, "\n") {
			if ansi.StringWidth(l) != ansi.StringWidthWc(l) {
				t.Errorf("%s: sanitized line %q is %d columns by grapheme, %d by wcwidth", hv.Name, l, ansi.StringWidth(l), ansi.StringWidthWc(l))
			}
		}
	}
}

// TestLongValueKeypressCost types into a form's text area and a grid cell
// holding 100,000 characters: a keypress (Update and View of the whole
// app) must stay well under what a person notices.
func TestLongValueKeypressCost(t *testing.T) {
	long := strings.Repeat("预算绩效目标", hostile.Long/6)
	h := newHarness(t, 140, 40)
	if err := h.st.CreateDocument(hostileDoc(long)); err != nil {
		t.Fatal(err)
	}
	h.send(docsLoadedMsgFor(t, h.st))
	h.keys("enter", "down", "down", "down", "enter")
	for range 5 {
		h.keys("tab")
	}
	measure := func(where string) {
		t.Helper()
		const n = 20
		start := time.Now()
		for range n {
			h.typeText("字")
			_ = h.app.View()
		}
		per := time.Since(start) / n
		t.Logf("%s: %v per keypress", where, per)
		if per > longKeyLimit {
			t.Errorf("%s: a keypress takes %v with a 100,000-character value, want under %v", where, per, longKeyLimit)
		}
	}
	measure("form, 资金用途")
	h.keys("ctrl+g", "right", "right", "enter")
	measure("grid, 三级指标 editor")
}

// longKeyLimit is a generous bound for one keypress on a loaded machine
// under -race; a quadratic cost in the value's length blows well past it.
const longKeyLimit = 300 * time.Millisecond
