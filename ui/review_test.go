package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"jixiao/model"
)

func TestFindingsPanelGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, sz[0], sz[1])
		h.openSample()
		h.keys("v")
		// The sample's known faults, as the finance bureau would see them.
		h.mustSee("审核问题  4 个错误，53 个警告", "1. 法律援助经费", "“效果指标”是一级指标",
			"不能作为“产出指标”的二级指标", "写作 ≥65%", "满意度目标 65% 低于 80%",
			"2. 公用取暖费", "“**平米”是占位符")
		h.checkSize(sz[0], sz[1])
		h.golden(goldenName("findings", sz))
	}
}

// TestFindingsPanelJumps presses enter on findings: a row finding opens the
// grid with the cursor on its cell, one about the whole table the grid at
// its first cell.
func TestFindingsPanelJumps(t *testing.T) {
	tests := []struct {
		name     string
		downs    int // from the first finding
		project  string
		row, col int
		see      string
	}{
		{"table as a whole", 0, "法律援助经费", 0, colL1, "产出指标中没有时效指标"},
		{"value of row 3", 1, "法律援助经费", 2, colValue, "指标值未填写"},
		{"二级 of row 4", 2, "法律援助经费", 3, colL2, "“效果指标”是一级指标"},
		{"cost that is not money, row 5", 3, "法律援助经费", 4, colValue, "成本指标的值“70%”是比率，不是金额"},
		{"placeholder in the next project", 6, "公用取暖费", 0, colValue, "“**平米”是占位符"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 140, 40)
			h.openSample()
			h.keys("v")
			for range tc.downs {
				h.keys("down")
			}
			h.keys("enter")
			g := h.topGrid()
			if g.Project().Name != tc.project {
				t.Fatalf("grid of %q, want %q", g.Project().Name, tc.project)
			}
			if r, c := g.Cursor(); r != tc.row || c != tc.col {
				t.Errorf("cursor at (%d, %d), want (%d, %d)", r, c, tc.row, tc.col)
			}
			h.mustSee(tc.see) // the status line names the finding under the cursor
			h.checkSize(140, 40)
		})
	}
}

// topGrid returns the grid screen in front, failing the test otherwise.
func (h *harness) topGrid() *gridScreen {
	h.t.Helper()
	g, ok := h.app.top().(*gridScreen)
	if !ok {
		h.t.Fatalf("in front is %T, not the grid:\n%s", h.app.top(), h.screen())
	}
	return g
}

// TestNextPreviousFinding walks with ] from the document screen through the
// first project's findings into the second project and back with [.
func TestNextPreviousFinding(t *testing.T) {
	h := newHarness(t, 140, 40)
	h.openSample()
	h.keys("down", "down", "down") // 法律援助经费
	type at struct {
		project  string
		row, col int
	}
	cursor := func() at {
		g := h.topGrid()
		r, c := g.Cursor()
		return at{g.Project().Name, r, c}
	}
	want := []at{
		{"法律援助经费", 0, colL1},    // 产出指标中没有时效指标 (the table)
		{"法律援助经费", 2, colValue}, // row 3 value empty
		{"法律援助经费", 3, colL2},    // row 4 效果指标
		{"法律援助经费", 4, colValue}, // row 5: a cost in %
		{"法律援助经费", 6, colValue}, // row 7: two findings, one place
		{"公用取暖费", 0, colValue},  // the next project: **平米
	}
	h.keys("]")
	for i, w := range want {
		if i > 0 {
			h.keys("]")
		}
		if got := cursor(); got != w {
			t.Fatalf("] #%d: at %+v, want %+v", i+1, got, w)
		}
	}
	for i := len(want) - 2; i >= 0; i-- {
		h.keys("[")
		if got := cursor(); got != want[i] {
			t.Fatalf("[ back to #%d: at %+v, want %+v", i+1, got, want[i])
		}
	}
	// Form fields: a project with a wrong sum is visited in its form,
	// with the field marked and its finding in the status line.
	h.keys("esc")
	p := h.storedProjects()[0]
	p.Fiscal = model.MoneyUnits(10_0000)
	_, cmd := h.app.Update(projectChangedMsg{Key: sampleKey, Project: p})
	h.run(cmd)
	h.keys("g", "]")
	if pf, ok := h.app.top().(*projectForm); !ok || pf.form.Focused() != pfBudget {
		t.Fatalf("] did not reach 预算数 in the form:\n%s", h.screen())
	}
	h.mustSee("▸ 预算数   ✗ 16.00", "✗ 预算数：预算数 16.00 万元 ≠ 财政资金 10.00")
	h.keys("f8") // on to the grid: the first finding after the form's
	if got := cursor(); got != want[0] {
		t.Fatalf("f8 from the form: at %+v, want %+v", got, want[0])
	}
	h.keys("[")
	if pf, ok := h.app.top().(*projectForm); !ok || pf.form.Focused() != pfBudget {
		t.Fatalf("[ from the grid's first finding did not reach 预算数 in the form:\n%s", h.screen())
	}
}

// TestCountsFollowEdits fixes the **平米 placeholder in the grid: the
// project's, the document's and home's counts drop by one error, without
// reading the whole document again.
func TestCountsFollowEdits(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("s")
	h.mustSee("4 错 53 警") // home, checked after the list showed
	h.keys("enter")
	h.mustSee("问题 4 错 53 警", "1 错 3 警")
	h.keys("down", "down", "down", "down", "i") // 公用取暖费's grid
	g := h.topGrid()
	g.FocusCell(0, colValue)
	h.mustSee("“**平米”是占位符")
	h.keys("enter", "ctrl+a", "ctrl+k")
	h.typeText("1200平方米")
	h.keys("enter")
	if got := h.storedProjects()[1].Indicators[0].Value; got != "1200平方米" {
		t.Fatalf("stored value %q", got)
	}
	if strings.Contains(h.screen(), "占位符") {
		t.Errorf("the fixed cell still shows its finding:\n%s", h.screen())
	}
	h.keys("esc")
	h.mustSee("问题 3 错 53 警", "3 警")
	h.keys("esc")
	h.mustSee("3 错 53 警")
}

func TestExportDialogWritesFiles(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string // after the dialog opens, before the path
		file  string
		check func(t *testing.T, b []byte)
	}{
		{"markdown with findings", nil, "out.md", func(t *testing.T, b []byte) {
			for _, w := range []string{"抚宁区司法局", "法律援助经费", "平米", "占位符"} {
				if !strings.Contains(string(b), w) {
					t.Errorf("markdown lacks %q", w)
				}
			}
		}},
		{"csv with BOM", []string{"right"}, "out.csv", func(t *testing.T, b []byte) {
			if !strings.HasPrefix(string(b), "\ufeff") || !strings.Contains(string(b), "法律援助经费") {
				t.Errorf("csv starts %q", b[:min(len(b), 40)])
			}
		}},
		{"csv without BOM in GBK", []string{"right", "down", "down", "space", "down", "space"}, "gbk.csv", func(t *testing.T, b []byte) {
			if strings.HasPrefix(string(b), "\ufeff") || strings.Contains(string(b), "法律援助经费") {
				t.Error("GBK csv has a BOM or UTF-8 text")
			}
			if !strings.Contains(string(b), "\xb7\xa8\xc2\xc9\xd4\xae\xd6\xfa") { // 法律援助 in GBK
				t.Error("GBK csv lacks 法律援助 in GBK")
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 80, 24)
			h.openSample()
			h.keys("e")
			wd, _ := os.Getwd()
			h.mustSee("导出", filepath.Base(wd)) // the default path is in the current folder
			h.keys(tc.keys...)
			for i := 0; h.app.top().(*exportDialog).row != exPath && i < exRows; i++ {
				h.keys("up")
			}
			if h.app.top().(*exportDialog).row != exPath {
				h.keys("down")
			}
			path := filepath.Join(t.TempDir(), tc.file)
			h.keys("ctrl+a", "ctrl+k")
			h.typeText(path)
			h.keys("enter")
			h.mustSee("已导出")
			if got := h.app.top().(*exportDialog).result; got != "已导出："+path {
				t.Errorf("result %q, want the absolute path", got)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, b)
		})
	}
}

func TestExportDialogErrors(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		skipRoot         bool
	}{
		{"missing folder", filepath.Join(dir, "没有", "x.md"), "导出失败：文件夹不存在：" + filepath.Join(dir, "没有"), false},
		{"a folder", dir, "导出失败：这是一个文件夹", false},
		{"read-only folder", filepath.Join(ro, "x.md"), "导出失败：没有写入这个文件夹的权限：" + ro, true},
		{"empty", "   ", "导出失败：请填写文件路径", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skipRoot && os.Geteuid() == 0 {
				t.Skip("root may write anywhere")
			}
			h := newHarness(t, 140, 40)
			h.openSample()
			h.keys("e", "down", "ctrl+a", "ctrl+k")
			h.typeText(tc.path)
			h.keys("enter")
			if got := h.app.top().(*exportDialog).result; !strings.HasPrefix(got, tc.want) {
				t.Errorf("result %q, want %q…", got, tc.want)
			}
			h.checkSize(140, 40)
			if tc.path == dir {
				return
			}
			if _, err := os.Stat(strings.TrimSpace(tc.path)); err == nil && strings.TrimSpace(tc.path) != "" {
				t.Error("a file was written")
			}
		})
	}
}

// TestStatusLineKeepsSaveState: at 80 columns the finding under the
// cursor is cut to fit, and 已保存 with its time stays whole beside it.
func TestStatusLineKeepsSaveState(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openSample()
	h.keys("v", "down", "enter") // 法律援助经费 row 3's empty value
	h.keys("e")
	h.typeText("≥12次")
	h.keys("enter", "down", "h", "h", "h") // row 4's 二级: 效果指标 under 产出指标
	lines := strings.Split(h.screen(), "\n")
	status := lines[len(lines)-2]
	if !strings.Contains(status, "效果指标") || !strings.Contains(status, "已保存 ") {
		t.Fatalf("status line %q: want the finding and 已保存", status)
	}
	if w := lipgloss.Width(status); w != 80 {
		t.Errorf("status line is %d columns wide, want 80", w)
	}
}
