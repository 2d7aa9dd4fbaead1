package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"jixiao/model"
)

// LibraryCSVHeader are the columns of the indicator library's CSV.
var LibraryCSVHeader = []string{"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", "来源", "年度", "次数"}

// WriteLibraryCSV writes library rows as UTF-8 CSV with a BOM (for Excel
// and WPS), cells neutralised against formulas as in the document's CSV. A
// starter row has an empty 年度 and 次数 0.
func WriteLibraryCSV(w io.Writer, rows []model.LibraryRow) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(utf8BOM)
	cw := csv.NewWriter(bw)
	cw.Write(LibraryCSVHeader)
	rec := make([]string, len(LibraryCSVHeader))
	for i := range rows {
		r := &rows[i]
		for c := range model.IndicatorColumns {
			rec[c] = neutralize(r.Cell(c))
		}
		rec[6] = neutralize(r.Source)
		rec[7] = ""
		if !r.BuiltIn() {
			rec[7] = strconv.Itoa(r.Year)
		}
		rec[8] = strconv.Itoa(r.Uses)
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
