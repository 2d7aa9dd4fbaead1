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

// TestLooksLikeYuan: 元 typed as 万元 in a small unit, or 10,000 times the
// other projects; a large project beside large ones is not asked about.
func TestLooksLikeYuan(t *testing.T) {
	for _, c := range []struct {
		m, others string
		want      bool
	}{
		{"50000", "191.09", true},  // a county bureau: 5 亿 for one project
		{"160000", "191.09", true}, // 16 万 typed in 元
		{"10000", "0", true},       // a one-project document, a hundred million
		{"9999.99", "0", false},    // under 10,000 万元
		{"16000", "991.09", false}, // 1.6 亿 beside 990 万: a big project
		{"20000", "300", false},    // 2 亿 road beside 300 万
		{"5000", "0.50", true},     // 10,000 × the others
		{"4999.99", "0.50", false}, // just under
		{"84", "191.09", false},
		{"0", "0", false},
	} {
		m, err := ParseMoney(c.m)
		if err != nil {
			t.Fatal(err)
		}
		o, err := ParseMoney(c.others)
		if err != nil {
			t.Fatal(err)
		}
		if got := LooksLikeYuan(m, o); got != c.want {
			t.Errorf("LooksLikeYuan(%s, others %s) = %v, want %v", c.m, c.others, got, c.want)
		}
	}
}
