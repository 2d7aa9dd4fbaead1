package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"

	"jixiao/model"
)

// View renders the fields, scrolled so the focused one is visible, exactly
// width×height.
func (f *Form) View() string {
	st := f.common.Styles
	var lines []string
	start, end := 0, 0
	iw := max(f.width-labelWidth-1, 8)
	for i, fd := range f.fields {
		if fd.Group != "" {
			lines = append(lines, st.Heading.Render(fd.Group))
		}
		if i == f.focus {
			start = len(lines)
		}
		label := st.Label
		if i == f.focus {
			label = st.LabelOn
		}
		mark := "  "
		if i == f.focus {
			mark = st.LabelOn.Render("▸ ")
		}
		head := mark + label.Render(fit(fd.Label, labelWidth-2)) + " "
		if fd.Mark != 0 {
			ms := st.Warning
			if fd.Mark == model.SeverityError {
				ms = st.Error
			}
			head = mark + label.Render(fit(fd.Label, labelWidth-4)) + " " + ms.Render(severityMark(fd.Mark)) + " "
		}
		pad := strings.Repeat(" ", labelWidth+1)
		body := f.fieldBody(i, fd, iw)
		for j, b := range body {
			if j == 0 {
				lines = append(lines, head+b)
			} else {
				lines = append(lines, pad+b)
			}
		}
		if fd.err != "" {
			lines = append(lines, pad+st.Error.Render("✗ "+fd.err))
		}
		if i == f.focus && f.asking {
			lines = append(lines, pad+st.Prompt.Render("放弃修改？"+f.common.Keys.confirmHint()))
		}
		if fd.failed {
			lines = append(lines, pad+st.Error.Render(f.common.Keys.failedNote()))
		}
		if fd.Note != "" {
			lines = append(lines, pad+st.Warning.Render("! "+fd.Note))
		}
		if i == f.focus {
			end = len(lines)
		}
	}
	f.first = scrollTo(f.first, start, end, len(lines), f.height)
	if f.first < len(lines) {
		lines = lines[f.first:]
	}
	return box(lines, f.width, f.height)
}

// fieldBody renders a field's value lines: the live editor when focused,
// the committed text otherwise.
func (f *Form) fieldBody(i int, fd *formField, iw int) []string {
	st := f.common.Styles
	if i == f.focus && fd.readOnly {
		return append(f.savedBody(fd, iw), st.Warning.Render("! "+errTooLongToEdit.Error()))
	}
	if i == f.focus && fd.Kind == kindChoice {
		// Every option, the chosen one marked, and how to switch.
		parts := make([]string, len(fd.Options))
		for j, o := range fd.Options {
			parts[j] = st.Muted.Render(" " + o + " ")
			if o == fd.input.Value() {
				parts[j] = st.Selected.Render("‹" + o + "›")
			}
		}
		return []string{strings.Join(parts, " ") + st.Muted.Render("  "+f.common.Keys.Form.Toggle.Help().Key+" 切换")}
	}
	if i == f.focus {
		if fd.Kind == kindMultiline {
			return splitLines(sanitizeView(fd.area.View()))
		}
		v := sanitizeView(fd.input.View())
		if fd.fresh {
			// Selected: the first key typed replaces it.
			v = st.Selected.Render(safe(fd.input.Value()))
		}
		if fd.input.Value() == "" && fd.Offer != "" {
			v = fit(v, 2) + st.Muted.Render("回车采用 "+fd.Offer+"（预算数 − 财政资金）")
		} else if fd.Kind == kindMoney {
			// The unit after the text (and the cursor), not after the
			// input's padding.
			v = fitWidth(v, min(lipgloss.Width(safe(fd.input.Value()))+1, iw-6)) + st.Muted.Render(" 万元")
		}
		return []string{v}
	}
	if fd.Kind == kindMoney && fd.saved != "" {
		return []string{safe(fd.saved) + st.Muted.Render(" 万元")}
	}
	return f.savedBody(fd, iw)
}

// savedBody renders a field's committed text: one line, or the first
// three lines of a multi-line text.
func (f *Form) savedBody(fd *formField, iw int) []string {
	st := f.common.Styles
	if fd.saved == "" {
		return []string{st.Muted.Render("—")}
	}
	if fd.Kind != kindMultiline {
		return []string{fitText(fd.saved, iw)}
	}
	// Three lines are shown: wrap no more than fills them.
	wrapped := splitLines(ansi.Wrap(sanitize(clip(fd.saved, 3*iw)), iw, ""))
	if len(wrapped) > 3 {
		wrapped = append(wrapped[:2], ansi.Truncate(wrapped[2], iw-2, "")+" …")
	}
	return wrapped
}

// scrollTo returns the first line of an h-line window over n lines that
// shows lines start..end of the focused field, given the previous first.
func scrollTo(first, start, end, n, h int) int {
	if n <= h {
		return 0
	}
	if end-start > h {
		end = start + h
	}
	if start < first {
		first = start
	}
	if end > first+h {
		first = end - h
	}
	return max(0, min(first, n-h))
}
