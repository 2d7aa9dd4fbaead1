package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// View lays out the top line, the top screen (or the ? overlay), the
// status line and the help bar; below 60×16 it shows 窗口太小.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	return v
}

func (a *App) render() string {
	st := a.common.Styles
	if a.width == 0 || a.height == 0 {
		return ""
	}
	if a.width < minWidth || a.height < minHeight {
		msg := []string{st.Error.Render("窗口太小"), fmt.Sprintf("至少需要 %d×%d，当前 %d×%d", minWidth, minHeight, a.width, a.height)}
		// Placed, then boxed: below the message's own width Place would
		// return lines wider than the terminal.
		return box(splitLines(lipgloss.Place(a.width, a.height, lipgloss.Center, lipgloss.Center, strings.Join(msg, "\n"))), a.width, a.height)
	}
	titles := make([]string, len(a.stack))
	for i, s := range a.stack {
		titles[i] = safe(s.Title())
	}
	top := fit(st.Title.Render("绩效 ")+st.Muted.Render(strings.Join(titles, " › ")), a.width)
	var body string
	if a.showHelp {
		body = a.helpOverlay()
	} else {
		body = a.top().View()
	}
	body = box(splitLines(body), a.width, a.bodyHeight())
	return strings.Join([]string{top, body, a.statusLine(), fit(a.help.ShortHelpView(a.shortHelp()), a.width)}, "\n")
}

// statusLine is the save state (已保存 and the time, 保存中…, or the error)
// with the finding under the cursor before it. The save state is kept
// whole against the right edge and the finding is cut to what is left, so
// at 80 columns a long finding never hides whether the last edit is saved.
func (a *App) statusLine() string {
	st := a.common.Styles
	state := ""
	if a.status != "" {
		s := st.StatusOK
		if a.statusBad {
			s = st.StatusEr
		}
		state = s.Render(safe(a.status))
	}
	if a.writes.writing() {
		state += st.Muted.Render("  保存中…")
	}
	if a.statusBad {
		return fit(state, a.width) // an error takes the whole line
	}
	h := a.statusHint()
	if a.note != "" {
		h = a.common.Styles.Warning.Render(safe(a.note))
	}
	if h == "" {
		return fitRight(state, a.width)
	}
	room := a.width - lipgloss.Width(state)
	if state != "" {
		room -= 2
	}
	if room < 8 {
		return fitRight(state, a.width)
	}
	return fit(h, room) + strings.Repeat(" ", a.width-room-lipgloss.Width(state)) + state
}

func (a *App) shortHelp() []key.Binding {
	km := a.common.Keys
	b := append([]key.Binding{}, a.top().ShortHelp()...)
	if a.top().Editing() {
		return append(b, km.Global.HelpInEditor, km.Global.ForceQuit)
	}
	return append(b, km.Global.Help, km.Global.Quit)
}

// helpOverlay is the ? page: the screen's key groups, as many side by side
// as the width allows and the rest below, scrolled with ↑/↓ when they do
// not fit, so it fits any size from 60×16.
func (a *App) helpOverlay() string {
	st, km := a.common.Styles, a.common.Keys
	groups := append([][]key.Binding{}, a.top().FullHelp()...)
	groups = append(groups, km.globalHelp()...)
	innerW := a.width - 4 // the border and the padding
	h := a.help
	h.ShowAll = true
	h.SetWidth(innerW)
	var rows []string
	var row []string
	rowW := 0
	for _, g := range groups {
		block := h.FullHelpView([][]key.Binding{g})
		bw := lipgloss.Width(block)
		if len(row) > 0 && rowW+3+bw > innerW {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			row = append(row, "   ")
			rowW += 3
		}
		row = append(row, block)
		rowW += bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	lines := splitLines(strings.Join(rows, "\n\n"))
	room := max(a.bodyHeight()-4, 1) // the border, the title and a blank line
	a.helpTop = max(0, min(a.helpTop, len(lines)-room))
	title := "全部按键（? 或 esc 关闭）"
	if len(lines) > room {
		title = fmt.Sprintf("全部按键 %d–%d/%d 行（↑↓ 翻看，esc 关闭）", a.helpTop+1, a.helpTop+room, len(lines))
		lines = lines[a.helpTop : a.helpTop+room]
	}
	for i, l := range lines {
		lines[i] = fit(l, innerW)
	}
	content := st.Heading.Render(fit(title, innerW)) + "\n\n" + strings.Join(lines, "\n")
	return box(splitLines(lipgloss.Place(a.width, a.bodyHeight(), lipgloss.Center, lipgloss.Center,
		st.Overlay.Render(content))), a.width, a.bodyHeight())
}

// statusHint is the top screen's finding under the cursor, if any.
func (a *App) statusHint() string {
	if h, ok := a.top().(hinter); ok {
		return h.Hint()
	}
	return ""
}
