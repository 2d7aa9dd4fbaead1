package export

import (
	"reflect"
	"strings"
	"testing"
)

func TestPastedProject(t *testing.T) {
	cells := []string{"315-0404-JBN-PIZB", "法律援助经费", "16.00", "16.00", "", "用途\n第二行", "20%", "40%", "60%", "100%", "目标"}
	tsv := excelTSV([][]string{cells})
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"the 11 project cells from Excel", tsv, cells},
		{"with 单位编码/单位名称/年度", excelTSV([][]string{append([]string{"315002", "抚宁区司法局", "2020"}, cells...)}), cells},
		{"a whole CSV row", excelTSV([][]string{append(append([]string{"315002", "抚宁区司法局", "2020"}, cells...), "产出指标", "数量指标", "", "", "", "")}), cells},
		{"a header and a row, other order", "备注\t项目名称\t项目编码\r\nx\t普法宣传\t315-0401\r\n",
			[]string{"315-0401", "普法宣传", "", "", "", "", "", "", "", "", ""}},
		{"a CSV line from a text editor", strings.Join([]string{"315002", "抚宁区司法局", "2020", "A", "名称", "1", "1", "", `"a,b"`, "0", "0", "0", "100", "'=目标"}, ","),
			[]string{"A", "名称", "1", "1", "", "a,b", "0", "0", "0", "100", "=目标"}},
		{"one value", "法律援助经费", nil},
		{"three cells", "a\tb\tc", nil},
		{"many rows", tsv + tsv + tsv, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := PastedProject(tt.text)
			if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("PastedProject(%q) = %q %v, want %q", tt.text, got, ok, tt.want)
			}
		})
	}
}
