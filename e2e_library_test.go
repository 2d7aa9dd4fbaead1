package main

import (
	"path/filepath"
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// TestE2ELibraryFillsRow: in a new project's grid, typing 满意 in 三级 offers
// a library row (with its source), and one key fills 三级, 描述, 指标值,
// 依据 and the blank 一级/二级; u takes the whole fill back in one step.
func TestE2ELibraryFillsRow(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := filepath.Join(t.TempDir(), "jixiao.db")

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "按 n 新建")
	s.Keys("n")
	s.WaitFor(wait, "单位编码")
	for i, v := range []string{"315002", "抚宁区司法局", "2021"} {
		if i > 0 {
			s.Keys("Tab")
		}
		s.Type(v)
	}
	s.Keys("C-s")
	s.WaitFor(wait, "抚宁区司法局  2021 年", "已保存")
	s.Keys("a")
	s.WaitFor(wait, "资金支出计划")
	s.Type("315-0403-JBN-PH6S")
	s.Keys("Tab")
	s.Type("人民调解经费")
	s.Keys("Tab")
	s.WaitFor(wait, "已保存")
	s.Keys("C-g")
	s.WaitFor(wait, "还没有指标")

	// A new row with blank 一级/二级; edit its 三级.
	s.Keys("a")
	s.WaitFor(wait, "第 1/1 行 · 一级指标", "esc 取消")
	s.Keys("Escape") // 一级 left blank
	s.WaitFor(wait, "enter/e/f2 编辑")
	s.Keys("Right", "Right", "Enter")
	s.Type("满意")
	s.WaitFor(wait, "服务对象满意度", "≥90%", "内置", "ctrl+y 填入整行")
	s.Keys("C-y")
	s.WaitFor(wait, "满意度指│服务对象 │服务对象满意度│服务对象对项目实施效 │≥90%     │行业标准", "第 1/1 行 · 指标值")
	s.WaitGone(wait, "填入整行")

	// One undo step takes the whole fill back.
	s.Keys("u")
	s.WaitGone(wait, "行业标准")
	s.Keys("Enter") // the cursor is back on 三级
	s.Type("满意")
	s.WaitFor(wait, "填入整行")
	s.Keys("C-y")
	s.WaitFor(wait, "行业标准")
	s.Keys("q")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}

	doc := storetest.StoredDocument(t, db, model.DocKey{UnitCode: "315002", Year: 2021})
	if len(doc.Projects) != 1 || len(doc.Projects[0].Indicators) != 1 {
		t.Fatalf("stored: %+v", doc.Projects)
	}
	want := model.Indicator{L1: "满意度指标", L2: "服务对象满意度指标", L3: "服务对象满意度", Desc: "服务对象对项目实施效果的满意程度", Value: "≥90%", Basis: "行业标准"}
	if got := doc.Projects[0].Indicators[0]; got != want {
		t.Errorf("row\n got %+v\nwant %+v", got, want)
	}
}
