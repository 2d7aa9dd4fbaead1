package main

import (
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store/storetest"
)

// TestE2EDiffScreen: d on 315002/2021 in the real binary compares it with
// the preselected 315002/2020, shows the five planned changes with their
// counts at 80×24, and enter on the last opens that project's form at the
// changed field.
func TestE2EDiffScreen(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	db := putDoc(t, model.Sample(), storetest.FiveChanges())

	s := tmuxtest.Start(t, 80, 24, nil, bin, "--db", db)
	s.WaitFor(wait, "315002", "2021")
	s.Keys("Down", "Enter")
	s.WaitFor(wait, "抚宁区司法局  2021 年")
	s.Keys("d")
	s.WaitFor(wait, "与哪份文本对比？", "315002/2020 抚宁区司法局")
	s.Keys("Enter")
	s.WaitFor(wait, "变动对比：315002/2020 → 315002/2021", "共 5 处变动", "指标值：≥260件 → ≥300件", "预算数：4.64 → 5.00（+0.36）")
	s.Keys("G")
	s.WaitFor(wait, "项目名称：社区矫正经费 → 社区矫正工作经费")
	s.Keys("Enter")
	s.WaitFor(wait, "项目 社区矫正工作经费", "▸ 项目名称")
	s.Keys("C-c")
	if status := s.WaitExit(wait); status != 0 {
		t.Fatalf("exit status %d", status)
	}
}
