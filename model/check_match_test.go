package model

import (
	"strings"
	"testing"
)

func TestNeedles(t *testing.T) {
	n := newNeedles("年度计划", "计划", "*", "xx", "…", "再犯罪率")
	tests := []struct {
		s    string
		want int
	}{
		{"", -1},
		{"年度计划", 0},
		{"按年度计划完成", 0},
		{"工作计划", 1},
		{"年度计", -1},
		{"**平米", 2},
		{"≥xx件", 3},
		{"≥x件x", -1},
		{"…", 4},
		{"再犯罪", -1},
		{"≤再犯罪率", 5},
		{"\xff\xfe年度计划", 0}, // invalid UTF-8 before a word
		{"\xe5年度计划", 0},     // a lead byte without its tail
		{"年\xe5", -1},       // a rune cut short at the end
	}
	for _, tt := range tests {
		if got := n.index(tt.s); got != tt.want {
			t.Errorf("index(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// FuzzNeedles checks the one-pass matcher against strings.Contains.
func FuzzNeedles(f *testing.F) {
	for _, s := range []string{"年度计划", "**平米", "≥65%百分率", "\xe5\xb9", "待定xx"} {
		f.Add(s)
	}
	words := []string{"年度计划", "*", "xx", "…", "待定", "平米", "%百"}
	n := newNeedles(words...)
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for _, w := range words {
			want = want || strings.Contains(s, w)
		}
		if got := n.in(s); got != want {
			t.Fatalf("in(%q) = %v, Contains says %v", s, got, want)
		}
	})
}
