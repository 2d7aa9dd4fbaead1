package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"jixiao/model"
)

// Encoding is the character encoding of a CSV file.
type Encoding string

// The encodings jixiao writes and reads. EncodingAuto, for reading only,
// takes UTF-8 when the file has a BOM or is valid UTF-8, else GBK.
const (
	EncodingAuto Encoding = ""
	EncodingUTF8 Encoding = "utf-8"
	EncodingGBK  Encoding = "gbk"
)

// ParseEncoding reads an --encoding flag: utf-8 (utf8) or gbk; "" is auto.
func ParseEncoding(s string) (Encoding, error) {
	switch s {
	case "":
		return EncodingAuto, nil
	case "utf-8", "utf8", "UTF-8", "UTF8":
		return EncodingUTF8, nil
	case "gbk", "GBK":
		return EncodingGBK, nil
	}
	return "", fmt.Errorf("encoding %q: want utf-8 or gbk", s)
}

// CSVHeader is the header row of the CSV, in order. One row per indicator
// follows, with the document's and the project's columns repeated. The last
// two, the project's 审核状态 and 审核意见, are project columns as well
// (notes on single rows are not in the CSV); files written before reviews
// end at 指标值确定依据 and are still read.
var CSVHeader = [...]string{
	"单位编码", "单位名称", "年度",
	"项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途",
	"3月底", "6月底", "10月底", "12月底", "绩效目标",
	"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
	"审核状态", "审核意见",
}

// Column positions in CSVHeader.
const (
	colUnitCode = iota
	colUnitName
	colYear
	colCode
	colName
	colBudget
	colFiscal
	colOther
	colUse
	colMar
	colJun
	colOct
	colDec
	colGoal
	colL1 // the six indicator columns follow in model.IndicatorColumns order
)

const (
	colReview     = colL1 + len(model.IndicatorColumns) // 审核状态
	colReviewNote = colReview + 1                       // 审核意见
	csvColumns    = colReviewNote + 1
	// csvColumnsNoReview is the width of a file written before reviews.
	csvColumnsNoReview = colReview
)

// utf8BOM makes Excel and WPS read the file as UTF-8 instead of the
// system's ANSI code page.
const utf8BOM = "\uFEFF"

// CSVOptions choose the CSV's encoding. The zero value is UTF-8 with a BOM.
type CSVOptions struct {
	NoBOM    bool     // omit the UTF-8 byte order mark
	Encoding Encoding // EncodingUTF8 (or auto) or EncodingGBK; GBK never has a BOM
}

// WriteCSV writes the document as CSV: the CSVHeader row, then one row per
// indicator (a project without indicators still gets one row, its
// indicator columns empty). Records end in LF and cells keep their text
// byte for byte (quoted when needed, RFC 4180), except that formula-like
// cells are neutralised (see neutralize). With GBK, a character GBK cannot
// represent is reported as *Errors naming every such cell, and nothing is
// written.
func WriteCSV(w io.Writer, doc *model.Document, opts CSVOptions) error {
	if opts.Encoding == EncodingGBK {
		if err := checkGBK(doc); err != nil {
			return err
		}
		tw := transform.NewWriter(w, simplifiedchinese.GBK.NewEncoder())
		if err := writeCSV(tw, doc, true); err != nil {
			return err
		}
		return tw.Close()
	}
	return writeCSV(w, doc, opts.NoBOM)
}

func writeCSV(w io.Writer, doc *model.Document, noBOM bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if !noBOM {
		bw.WriteString(utf8BOM)
	}
	// encoding/csv writes cells verbatim inside quotes when UseCRLF is off;
	// with it on, it would drop CRs inside cells and break exactness.
	cw := csv.NewWriter(bw)
	rec := make([]string, csvColumns)
	copy(rec, CSVHeader[:])
	cw.Write(rec)
	err := forEachRow(doc, rec, func() error { return cw.Write(rec) })
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// forEachRow fills rec with each data row in turn (neutralised) and calls
// emit. rec is reused, so emit must not keep it.
func forEachRow(doc *model.Document, rec []string, emit func() error) error {
	rec[colUnitCode] = neutralize(doc.UnitCode)
	rec[colUnitName] = neutralize(doc.UnitName)
	rec[colYear] = strconv.Itoa(doc.Year)
	for pi := range doc.Projects {
		p := &doc.Projects[pi]
		rec[colCode] = neutralize(p.Code)
		rec[colName] = neutralize(p.Name)
		rec[colBudget] = p.Budget.String()
		rec[colFiscal] = p.Fiscal.String()
		rec[colOther] = p.Other.String()
		rec[colUse] = neutralize(p.Use)
		for i, m := range p.Plan.Months() {
			rec[colMar+i] = m.String()
		}
		rec[colGoal] = neutralize(p.Goal)
		rec[colReview] = p.Review.Status.String()
		rec[colReviewNote] = neutralize(p.Review.Note)
		if len(p.Indicators) == 0 {
			for c := range model.IndicatorColumns {
				rec[colL1+c] = ""
			}
			if err := emit(); err != nil {
				return err
			}
			continue
		}
		for ii := range p.Indicators {
			in := &p.Indicators[ii]
			for c := range model.IndicatorColumns {
				rec[colL1+c] = neutralize(in.Cell(c))
			}
			if err := emit(); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkGBK lists every cell holding a character that GBK cannot encode.
func checkGBK(doc *model.Document) error {
	var errs Errors
	enc := simplifiedchinese.GBK.NewEncoder()
	rec := make([]string, csvColumns)
	row := 1
	forEachRow(doc, rec, func() error {
		row++
		for c, cell := range rec {
			if r, ok := firstNonGBK(enc, cell); !ok {
				errs = append(errs, CellError{Row: row, Column: CSVHeader[c],
					Msg: fmt.Sprintf("含有 GBK 编码无法表示的字符 “%c”（U+%04X），请改用 UTF-8 导出", r, r)})
			}
		}
		return nil
	})
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// firstNonGBK returns the first rune of s that GBK cannot encode.
func firstNonGBK(enc *encoding.Encoder, s string) (rune, bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return 0, true
	}
	if _, err := enc.String(s); err == nil {
		return 0, true
	}
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		n := utf8.EncodeRune(buf[:], r)
		if _, err := enc.Bytes(buf[:n]); err != nil {
			return r, false
		}
	}
	return utf8.RuneError, false
}
