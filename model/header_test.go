package model

import "testing"

func TestRetitle(t *testing.T) {
	from := Header{UnitName: "司法局", Year: 2020, Status: StatusDraft}
	for _, c := range []struct {
		title string
		to    Header
		want  string
	}{
		{"司法局 2020 年部门预算绩效文本（草案）", Header{UnitName: "县司法局", Year: 2021, Status: StatusFinal}, "县司法局 2021 年部门预算绩效文本（定稿）"},
		{"司法局 2020 年部门预算绩效文本（草案）", from, "司法局 2020 年部门预算绩效文本（草案）"},
		// A title typed by hand keeps what names none of the three.
		{"法律援助专项", Header{UnitName: "县司法局", Year: 2021, Status: StatusFinal}, "法律援助专项"},
		// A name cleared is not taken out of the title.
		{"司法局 2020 年", Header{Year: 2020, Status: StatusDraft}, "司法局 2020 年"},
	} {
		if got := Retitle(c.title, from, c.to); got != c.want {
			t.Errorf("Retitle(%q, →%+v) = %q, want %q", c.title, c.to, got, c.want)
		}
	}
}

func TestSetHeaderKeepsTheRest(t *testing.T) {
	d := Document{UnitCode: "1", Year: 2020, Overall: "总体", Layout: Layout101, Goals: []Goal{{Goal: "g"}}}
	h := d.Header()
	h.UnitCode, h.UnitName, h.Year, h.Compiler, h.Reviewer, h.Title, h.Status = "2", "名", 2021, "编", "审", "题", StatusFinal
	d.SetHeader(h)
	if d.Header() != h || d.Overall != "总体" || d.Layout != Layout101 || len(d.Goals) != 1 {
		t.Errorf("after SetHeader: %+v", d)
	}
}
