package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestPasteRows(t *testing.T) {
	grid := []Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "受理数", Value: "≥260件"},
		{L1: "效益指标", L2: "社会效益指标", L3: "宣传人次", Value: "≥30人次"},
	}
	tests := []struct {
		name   string
		at     int
		col    int
		rows   [][]string
		want   []Indicator
		n      int
		tooBig *PasteWidthError
	}{
		{"six columns below the first row, merged 一级 blank", 0, 0, [][]string{
			{"产出指标", "质量指标", "办结率", "案件办结率", "≥95%", "历史标准"},
			{"", "时效指标", "及时率", "补贴按季发放", "100%", "计划标准"},
			{"", "", "发放率", "", "100%", ""},
		}, []Indicator{
			grid[0],
			{L1: "产出指标", L2: "质量指标", L3: "办结率", Desc: "案件办结率", Value: "≥95%", Basis: "历史标准"},
			{L1: "产出指标", L2: "时效指标", L3: "及时率", Desc: "补贴按季发放", Value: "100%", Basis: "计划标准"},
			{L1: "产出指标", L2: "时效指标", L3: "发放率", Value: "100%"},
			grid[1],
		}, 3, nil},
		{"four columns at 三级 take 一级/二级 from the cursor row", 1, 2, [][]string{
			{"满意度", "群众满意", "≥90%", "行业标准"},
		}, []Indicator{
			grid[0], grid[1],
			{L1: "效益指标", L2: "社会效益指标", L3: "满意度", Desc: "群众满意", Value: "≥90%", Basis: "行业标准"},
		}, 1, nil},
		{"at the top nothing is above", -1, 0, [][]string{{"", "数量指标", "x"}, {"", "", "y"}}, []Indicator{
			{L2: "数量指标", L3: "x"}, {L2: "数量指标", L3: "y"}, grid[0], grid[1],
		}, 2, nil},
		{"blank rows and blank trailing cells are dropped", 1, 3, [][]string{{"", "", ""}, {"描述", "1次", "", ""}}, []Indicator{
			grid[0], grid[1], {L1: "效益指标", L2: "社会效益指标", Desc: "描述", Value: "1次"},
		}, 1, nil},
		{"too wide from 三级", 0, 2, [][]string{{"a", "b", "c", "d"}, {"a", "b", "c", "d", "e"}}, nil, 0, &PasteWidthError{Cols: 5, Room: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]Indicator(nil), grid...)
			got, n, err := PasteRows(grid, tt.at, tt.col, tt.rows)
			if !reflect.DeepEqual(grid, before) {
				t.Fatal("PasteRows changed its input")
			}
			if tt.tooBig != nil {
				var we *PasteWidthError
				if !errors.As(err, &we) || *we != *tt.tooBig || got != nil {
					t.Fatalf("err %v, got %v; want %+v", err, got, tt.tooBig)
				}
				return
			}
			if err != nil || n != tt.n || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("PasteRows = %d %v\n%+v\nwant %d\n%+v", n, err, got, tt.n, tt.want)
			}
		})
	}
	if _, _, err := PasteRows(grid, 2, 0, [][]string{{"a"}}); err == nil {
		t.Error("a paste after a row that is not there succeeded")
	}
}

func TestFillLevels(t *testing.T) {
	above := Indicator{L1: "产出指标", L2: "数量指标"}
	tests := []struct {
		in, want Indicator
		n        int
	}{
		{Indicator{L3: "x"}, Indicator{L1: "产出指标", L2: "数量指标", L3: "x"}, 2},
		{Indicator{L2: "质量指标", L3: "x"}, Indicator{L1: "产出指标", L2: "质量指标", L3: "x"}, 1},
		{Indicator{L1: "效益指标", L3: "x"}, Indicator{L1: "效益指标", L3: "x"}, 0}, // 一级 given: 二级 is its own
		{Indicator{L1: " "}, Indicator{L1: " "}, 0},                         // an empty row, not a merged one
	}
	for _, tt := range tests {
		in := tt.in
		if n := FillLevels(&in, &above); n != tt.n || in != tt.want {
			t.Errorf("FillLevels(%+v) = %d %+v, want %d %+v", tt.in, n, in, tt.n, tt.want)
		}
	}
}

// FuzzPasteRows: PasteRows never panics; it inserts every row with a
// filled cell, in order, right after the cursor row, and leaves the rows
// around them as they were — or, when a row is too wide, changes nothing.
func FuzzPasteRows(f *testing.F) {
	f.Add("产出指标\x1f数量指标\x1fx\x1e\x1f\x1fy", 0, 0)
	f.Add("a\x1fb\x1fc\x1fd\x1fe", 1, 2)
	f.Fuzz(func(t *testing.T, cells string, at, col int) {
		grid := []Indicator{{L1: "产出指标", L2: "数量指标", L3: "a"}, {L1: "效益指标", L3: "b"}}
		at, col = at%3-1, col%6
		if col < 0 {
			col = -col
		}
		if at < -1 {
			at = -1
		}
		var rows [][]string
		for _, r := range strings.Split(cells, "\x1e") {
			rows = append(rows, strings.Split(r, "\x1f"))
		}
		got, n, err := PasteRows(grid, at, col, rows)
		var we *PasteWidthError
		if errors.As(err, &we) {
			if we.Room != 6-col || we.Cols <= we.Room {
				t.Fatalf("width error %+v at column %d", we, col)
			}
			return
		} else if err != nil {
			t.Fatal(err)
		}
		filled := 0
		for _, r := range rows {
			if len(trimBlankTail(r)) > 0 {
				filled++
			}
		}
		if n != filled || len(got) != len(grid)+n {
			t.Fatalf("inserted %d of %d filled rows, %d rows now", n, filled, len(got))
		}
		if !reflect.DeepEqual(got[:at+1], grid[:at+1]) || !reflect.DeepEqual(got[at+1+n:], grid[at+1:]) {
			t.Fatalf("rows around the paste changed: %+v", got)
		}
	})
}
