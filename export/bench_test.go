package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"testing"

	"jixiao/model"
)

// benchDoc has 10,000 indicator rows: 1,000 projects of 10.
var benchDoc = model.Generate(1000, 10)

// BenchmarkExportCSV compares WriteCSV (app) with the same rows written by
// encoding/csv directly (encoding-csv): the app adds the BOM, money and
// percent formatting and formula neutralising.
func BenchmarkExportCSV(b *testing.B) {
	b.Run("app", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteCSV(io.Discard, benchDoc, CSVOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		d := benchDoc
		for b.Loop() {
			bw := bufio.NewWriterSize(io.Discard, 64<<10)
			w := csv.NewWriter(bw)
			rec := make([]string, csvColumns)
			w.Write(CSVHeader[:])
			for pi := range d.Projects {
				p := &d.Projects[pi]
				rec[0], rec[1], rec[2] = d.UnitCode, d.UnitName, strconv.Itoa(d.Year)
				rec[3], rec[4] = p.Code, p.Name
				rec[5], rec[6], rec[7] = p.Budget.String(), p.Fiscal.String(), p.Other.String()
				rec[8] = p.Use
				for i, m := range p.Plan.Months() {
					rec[9+i] = m.String()
				}
				rec[13] = p.Goal
				for ii := range p.Indicators {
					for c := range model.IndicatorColumns {
						rec[14+c] = p.Indicators[ii].Cell(c)
					}
					w.Write(rec)
				}
			}
			w.Flush()
			bw.Flush()
		}
	})
}

// BenchmarkExportMarkdown writes the same document as Markdown.
func BenchmarkExportMarkdown(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, benchDoc, nil); err != nil {
			b.Fatal(err)
		}
	}
}
