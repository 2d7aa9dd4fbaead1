package ui

import "testing"

// TestExportPathInput: Windows paths with Chinese characters and spaces,
// as an accountant types or pastes them, are kept as they are (the
// separators too: path/filepath on Windows reads them), only the quotes
// around them go.
func TestExportPathInput(t *testing.T) {
	for in, want := range map[string]string{
		`D:\发财政局\抚宁区 司法局 2021.md`:           `D:\发财政局\抚宁区 司法局 2021.md`,
		`"D:\发财政局\抚宁区 司法局 2021.md"`:         `D:\发财政局\抚宁区 司法局 2021.md`,
		`  "C:\Users\张 三\Desktop\绩效.csv"  `: `C:\Users\张 三\Desktop\绩效.csv`,
		`“D:\财务 资料\绩效目标.md”`:                `D:\财务 资料\绩效目标.md`,
		`'/home/张三/文档/绩效 目标.md'`:            `/home/张三/文档/绩效 目标.md`,
		`\\fileserver\财务科\2021 绩效\抚宁区.md`:   `\\fileserver\财务科\2021 绩效\抚宁区.md`,
		`抚宁区 司法局.md`:                        `抚宁区 司法局.md`,
		`"`:                                 `"`,
		`""`:                                ``,
		`"D:\a.md`:                          `"D:\a.md`,
		`~/文档/绩效.md`:                        `~/文档/绩效.md`,
	} {
		if got := exportPathInput(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
