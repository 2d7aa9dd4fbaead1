package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// home lists the documents in the file.
type home struct {
	common     *Common
	docs       []store.DocInfo
	loaded     bool
	cur, first int
	width      int
	height     int
	sample     bool

	// confirm is open while D waits for the year to be typed.
	confirm     bool
	confirmText textinput.Model

	filter listFilter
	shown  []int // the docs the filter lets through; cur indexes it
}

func newHome(c *Common, sample bool) *home {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 4
	ti.SetStyles(c.Styles.Input)
	return &home{common: c, sample: sample, confirmText: ti, filter: newListFilter(c)}
}

// refilter recomputes the documents shown, keeping the cursor on the same
// document when it is still shown.
func (h *home) refilter() {
	was := h.at()
	h.shown = h.shown[:0]
	h.cur = 0 // the first match, unless the cursor's document is shown
	for i, d := range h.docs {
		if h.filter.match(d.Key.UnitCode, d.UnitName, d.Title, strconv.Itoa(d.Key.Year)) {
			if i == was {
				h.cur = len(h.shown)
			}
			h.shown = append(h.shown, i)
		}
	}
	h.cur = max(0, min(h.cur, len(h.shown)-1))
}

// at is the index in docs of the cursor's document, or -1.
func (h *home) at() int {
	if h.cur < 0 || h.cur >= len(h.shown) {
		return -1
	}
	return h.shown[h.cur]
}

func (h *home) Title() string     { return "文本列表" }
func (h *home) Editing() bool     { return h.confirm || h.filter.typing }
func (h *home) SetSize(w, hh int) { h.width, h.height = w, hh }
func (h *home) restyle() {
	h.confirmText.SetStyles(h.common.Styles.Input)
	h.filter.restyle()
}
func (h *home) selected() (store.DocInfo, bool) {
	if i := h.at(); i >= 0 {
		return h.docs[i], true
	}
	return store.DocInfo{}, false
}

func (h *home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case docsLoadedMsg:
		if msg.Err == nil {
			h.docs, h.loaded = msg.Docs, true
			h.refilter()
		}
	case tea.KeyPressMsg:
		if h.confirm {
			return h.confirmKey(msg)
		}
		if h.filter.typing {
			return h.filterKey(msg)
		}
		return h.key(msg)
	case tea.PasteMsg:
		if h.filter.typing {
			return h.filterKey(msg)
		}
		if h.confirm {
			var cmd tea.Cmd
			h.confirmText, cmd = h.confirmText.Update(msg)
			return cmd
		}
	}
	return nil
}

func (h *home) key(k tea.KeyPressMsg) tea.Cmd {
	km := h.common.Keys
	if cur, ok := km.List.move(k, h.cur, len(h.shown), 0); ok {
		h.cur = cur
		return nil
	}
	switch {
	case key.Matches(k, km.List.Filter):
		return h.filter.start()
	case key.Matches(k, km.Form.Cancel) && h.filter.on():
		h.filter.clear()
		h.refilter()
	case key.Matches(k, km.List.Open):
		if d, ok := h.selected(); ok {
			return h.common.post(openDocMsg{Key: d.Key})
		}
	case key.Matches(k, km.Home.NewDoc):
		return h.common.post(newDocFormMsg{})
	case key.Matches(k, km.Home.Sample) && h.sample:
		// A write: posted, so a quit key right after finds it queued.
		return h.common.post(addSampleMsg{})
	case key.Matches(k, km.Home.CopyDoc):
		if d, ok := h.selected(); ok {
			return h.common.post(openCopyFormMsg{From: d.Key, UnitName: d.UnitName})
		}
	case key.Matches(k, km.Home.Import):
		return h.common.post(openImportMsg{})
	case key.Matches(k, km.Home.DeleteDoc):
		if _, ok := h.selected(); ok {
			h.confirm = true
			h.confirmText.SetValue("")
			return h.confirmText.Focus()
		}
	}
	return nil
}

// filterKey is a key typed into the / filter.
func (h *home) filterKey(msg tea.Msg) tea.Cmd {
	changed, cmd := h.filter.update(msg)
	if changed {
		h.refilter()
	}
	return cmd
}

// confirmKey handles the delete prompt: the year typed exactly deletes.
func (h *home) confirmKey(k tea.KeyPressMsg) tea.Cmd {
	km := h.common.Keys
	switch {
	case key.Matches(k, km.Form.Cancel):
		h.closeConfirm()
		return nil
	case key.Matches(k, km.Form.Commit):
		d, ok := h.selected()
		typed := strings.TrimSpace(h.confirmText.Value())
		h.closeConfirm()
		if ok && typed == strconv.Itoa(d.Key.Year) {
			i := h.at()
			h.docs = append(h.docs[:i:i], h.docs[i+1:]...)
			h.refilter()
			return h.common.post(deleteDocMsg{Key: d.Key})
		}
		return msgCmd(errMsg{What: "删除", Err: fmt.Errorf("输入的年度不符，未删除")})
	}
	var cmd tea.Cmd
	h.confirmText, cmd = h.confirmText.Update(k)
	return cmd
}

func (h *home) closeConfirm() {
	h.confirm = false
	h.confirmText.Blur()
}

// Column widths of the home table, in display columns.
const (
	homeCodeW   = 8
	homeYearW   = 4
	homeStatusW = 4
	homeCountW  = 6
	homeMoneyW  = 14
	homeIssueW  = 11
)

func (h *home) View() string {
	st, km := h.common.Styles, h.common.Keys.Home
	if !h.loaded {
		return box([]string{st.Muted.Render("正在读取…")}, h.width, h.height)
	}
	if len(h.docs) == 0 {
		lines := []string{"", st.Heading.Render("还没有任何文本。"), "",
			"按 " + keyName(km.NewDoc) + " 新建一份部门预算绩效文本（填写单位编码、单位名称、年度）。"}
		if h.sample {
			lines = append(lines, "按 "+keyName(km.Sample)+" 添加示例：抚宁区司法局 2020 年草案（9 个项目）。")
		}
		return box(lines, h.width, h.height)
	}
	nameW := max(8, h.width-homeCodeW-homeYearW-homeStatusW-homeCountW-homeMoneyW-homeIssueW-homeReviewW-9)
	row := func(code, name, year, status, count, money, issues, review string) string {
		return fit(safe(code), homeCodeW) + " " + fitMiddle(safe(name), nameW) + " " + fit(year, homeYearW) + " " +
			fit(safe(status), homeStatusW) + " " + fitRight(count, homeCountW) + " " + fitRight(money, homeMoneyW) + "  " + fit(issues, homeIssueW) +
			" " + fit(review, homeReviewW)
	}
	lines := []string{st.Header.Render(row("单位编码", "单位名称", "年度", "状态", "项目数", "预算合计(万元)", "问题数", "已审核"))}
	rows := h.height - 2 // the header and the filter's line
	if h.confirm {
		rows -= 2
	}
	h.first = window(h.first, h.cur, len(h.shown), rows)
	if len(h.shown) == 0 {
		lines = append(lines, st.Muted.Render("没有匹配的文本"))
	}
	for j := h.first; j < len(h.shown) && j < h.first+rows; j++ {
		d := h.docs[h.shown[j]]
		name := d.UnitName
		if name == "" {
			name = d.Title
		}
		issues := notChecked
		if c, ok := h.common.Reviews.count(d.Key); ok {
			issues = c.String()
		}
		line := row(d.Key.UnitCode, name, strconv.Itoa(d.Key.Year), string(d.Status), strconv.Itoa(d.Projects), d.Budget.String(), issues, reviewCell(d.Review))
		if j == h.cur {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	for len(lines) < 1+rows {
		lines = append(lines, "")
	}
	lines = append(lines, h.filter.line(st, position(h.cur, len(h.shown), len(h.docs)), h.width))
	if h.confirm {
		d, _ := h.selected()
		lines = append(lines, st.Prompt.Render(fmt.Sprintf("删除 %s %d 年的文本（含全部项目）？", safe(d.UnitName), d.Key.Year)),
			fmt.Sprintf("请输入年度 %d 确认，%s 取消：", d.Key.Year, keyName(h.common.Keys.Form.Cancel))+sanitizeView(h.confirmText.View()))
	}
	return box(lines, h.width, h.height)
}

func (h *home) ShortHelp() []key.Binding {
	km := h.common.Keys
	if h.confirm {
		return []key.Binding{km.Form.Commit, km.Form.Cancel}
	}
	return km.homeHelp(h.sample)[1]
}

func (h *home) FullHelp() [][]key.Binding {
	if h.confirm {
		return [][]key.Binding{h.ShortHelp()}
	}
	return h.common.Keys.homeHelp(h.sample)
}

// homeReviewW is the width of home's 已审核 column: "12/30" and, when any
// project is 需修改, "改3".
const homeReviewW = 9

// reviewCell is a document's 已审核 cell: 12/30, with 改3 when 3 projects
// are 需修改.
func reviewCell(c model.ReviewCounts) string {
	s := strconv.Itoa(c.Approved) + "/" + strconv.Itoa(c.Projects)
	if c.Changes > 0 {
		s += " 改" + strconv.Itoa(c.Changes)
	}
	return s
}
