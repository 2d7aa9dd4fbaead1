package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao/model"
)

// Import is the content of a CSV file written by WriteCSV (or edited in a
// spreadsheet since), fully validated. Nothing in it is saved yet: Apply
// merges it into a document, which the caller stores in one transaction.
type Import struct {
	Key      model.DocKey // 单位编码/年度 of the rows; zero when there are none
	UnitName string       // 单位名称 of the rows
	Encoding Encoding     // the encoding the file was read in
	Rows     int          // data rows read
	// Projects are in the order of their first row, IDs empty. Rows are
	// grouped by 项目编码; a project whose only row has all six indicator
	// cells empty has no indicators.
	Projects []model.Project
}

// ReadCSV reads and validates a whole CSV file: with or without a UTF-8
// BOM, in UTF-8 or GBK (EncodingAuto detects which), neutralised cells
// restored. Every problem — a malformed file, a wrong header, a row with the
// wrong number of cells, an amount or percentage that does not parse, rows
// of one project (same 项目编码) or of the file that disagree — is returned
// at once as Errors, by row and column. Only reading r can fail otherwise.
func ReadCSV(r io.Reader, enc Encoding) (*Import, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	switch {
	case enc == EncodingGBK:
		return readDecoded(data, EncodingGBK)
	case bytes.HasPrefix(data, []byte(utf8BOM)):
		return readDecoded(data[len(utf8BOM):], EncodingUTF8)
	case enc == EncodingUTF8 || utf8.Valid(data):
		return readDecoded(data, EncodingUTF8)
	}
	// Not UTF-8: most likely GBK from an older Excel. Believe it only when
	// the header then reads right; otherwise report the bad UTF-8 by row.
	if gbkHeader(data) {
		return readDecoded(data, EncodingGBK)
	}
	return readDecoded(data, EncodingUTF8)
}

// gbkHeader reports whether data, read as GBK, starts with CSVHeader.
func gbkHeader(data []byte) bool {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	line, err := simplifiedchinese.GBK.NewDecoder().Bytes(data[:end])
	if err != nil {
		return false
	}
	recs, err := parseCSV(line)
	return err == nil && len(recs) == 1 && headerOK(recs[0].fields)
}

func readDecoded(data []byte, enc Encoding) (*Import, error) {
	if enc == EncodingGBK {
		// The decoder replaces invalid bytes with U+FFFD, which GBK cannot
		// contain, so validate below finds them by cell.
		dec, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
		if err != nil {
			return nil, Errors{{Row: 1, Msg: "文件不是有效的 GBK 编码"}}
		}
		data = dec
	}
	recs, err := parseCSV(data)
	if err != nil {
		var qe *quoteError
		if errors.As(err, &qe) {
			msg := "引号没有闭合（一个以 \" 开头的单元格直到文件末尾都没有结束）"
			if !errors.Is(qe.err, errUnclosedQuote) {
				msg = "右引号后面还有文字（单元格中的引号应写成两个 \"\"）"
			}
			return nil, Errors{{Row: qe.row, Msg: msg}}
		}
		return nil, err
	}
	table := make([][]string, len(recs))
	for i, rec := range recs {
		table[i] = rec.fields
	}
	im, errs := buildImport(table, enc, func(i, col int) CellError {
		e := CellError{Row: 1}
		if i < len(recs) {
			e.Row = recs[i].row
		}
		if col >= 0 {
			e.Column = CSVHeader[col]
		}
		return e
	})
	if len(errs) > 0 {
		return nil, errs
	}
	return im, nil
}

// projectRow is the first row of a project, kept to compare later rows of
// the same project with.
type projectRow struct {
	row       int
	cells     []string // canonical text of the project columns
	rows      int
	lastEmpty bool // the last row's indicator cells were all empty
}

// projectCols are the columns that must agree across a project's rows.
var projectCols = [...]int{colName, colBudget, colFiscal, colOther, colUse, colMar, colJun, colOct, colDec, colGoal}

// docCols are the columns that must agree across the whole file.
var docCols = [...]int{colUnitCode, colUnitName, colYear}

// buildImport validates a table — the header row, then the data rows —
// whatever file it came from. at(i, col) names where row i of the table
// (0 is the header) and column col (-1 for the whole row) are in the
// file; the errors carry it. Within this function a csvRecord's row is
// its index in table.
func buildImport(table [][]string, enc Encoding, at func(i, col int) CellError) (*Import, Errors) {
	var errs Errors
	add := func(row, col int, format string, args ...any) {
		e := at(row, col)
		e.Msg = fmt.Sprintf(format, args...)
		errs = append(errs, e)
	}
	if len(table) == 0 {
		e := at(0, -1)
		e.Msg = "文件是空的，缺少表头"
		return nil, Errors{e}
	}
	recs := make([]csvRecord, len(table))
	for i, fields := range table {
		recs[i] = csvRecord{row: i, fields: fields}
	}
	head := recs[0]
	if !headerOK(head.fields) {
		for c := range min(len(head.fields), csvColumns) {
			if head.fields[c] != CSVHeader[c] {
				add(head.row, -1, "表头第 %d 列应为 “%s”，实际是 “%s”", c+1, CSVHeader[c], clip(head.fields[c]))
			}
		}
		if n := len(head.fields); n < csvColumns {
			add(head.row, -1, "表头缺少后 %d 列：%s", csvColumns-n, strings.Join(CSVHeader[n:], "、"))
		} else if n > csvColumns {
			add(head.row, -1, "表头多出 %d 列（应为 %d 列）", n-csvColumns, csvColumns)
		}
		return nil, errs
	}

	im := &Import{Encoding: enc}
	var firstDoc []string // doc columns of the first data row
	firstDocRow := 0
	byCode := map[string]int{}
	var meta []projectRow
	cells := make([]string, csvColumns)
	for _, rec := range recs[1:] {
		if allEmpty(rec.fields) {
			continue // a spreadsheet's trailing ",,,," rows
		}
		if len(rec.fields) != csvColumns {
			add(rec.row, -1, "应有 %d 列，实际有 %d 列", csvColumns, len(rec.fields))
			continue
		}
		im.Rows++
		bad := false
		for c, f := range rec.fields {
			cells[c] = unneutralize(f)
			if enc == EncodingGBK && strings.ContainsRune(cells[c], utf8.RuneError) {
				add(rec.row, c, "含有无法识别的字节，文件不是有效的 GBK 编码")
				bad = true
			} else if !utf8.ValidString(cells[c]) {
				add(rec.row, c, "含有无效的 UTF-8 字节（文件可能是别的编码，可试 --encoding gbk）")
				bad = true
			}
		}
		if bad {
			continue
		}

		// Document columns: the same on every row.
		year, yerr := strconv.Atoi(cells[colYear])
		switch {
		case strings.TrimSpace(cells[colUnitCode]) == "":
			add(rec.row, colUnitCode, "不能为空")
			bad = true
		case yerr != nil || year < 1900 || year > 9999:
			add(rec.row, colYear, "应为四位数字的年份（“%s”）", clip(cells[colYear]))
			bad = true
		}
		if firstDoc == nil && !bad {
			firstDoc = []string{cells[colUnitCode], cells[colUnitName], cells[colYear]}
			firstDocRow = rec.row
			im.Key = model.DocKey{UnitCode: strings.TrimSpace(cells[colUnitCode]), Year: year}
			im.UnitName = cells[colUnitName]
		} else if firstDoc != nil && !bad {
			for i, c := range docCols {
				if cells[c] != firstDoc[i] {
					add(rec.row, c, "一个文件只能是一个单位的一个年度：%s是 “%s”，这里是 “%s”", at(firstDocRow, -1).rowName(), clip(firstDoc[i]), clip(cells[c]))
				}
			}
		}

		// Project columns: parsed, then compared with the project's first row.
		code := cells[colCode]
		if strings.TrimSpace(code) == "" {
			add(rec.row, colCode, "不能为空（导入按项目编码识别项目）")
			continue
		}
		var p model.Project
		p.Code, p.Name, p.Use, p.Goal = code, cells[colName], cells[colUse], cells[colGoal]
		for i, m := range []*model.Money{&p.Budget, &p.Fiscal, &p.Other} {
			c := colBudget + i
			v, err := model.ParseOptionalMoney(cells[c])
			if err != nil {
				add(rec.row, c, "%s（“%s”）", moneyMsg(err), clip(cells[c]))
				bad = true
			}
			*m = v
		}
		for i, m := range []*model.Percent{&p.Plan.Mar, &p.Plan.Jun, &p.Plan.Oct, &p.Plan.Dec} {
			c := colMar + i
			v, err := model.ParseOptionalPercent(cells[c])
			if err != nil {
				add(rec.row, c, "%s（“%s”）", percentMsg(err), clip(cells[c]))
				bad = true
			}
			*m = v
		}
		canon := []string{p.Name, p.Budget.String(), p.Fiscal.String(), p.Other.String(), p.Use,
			p.Plan.Mar.String(), p.Plan.Jun.String(), p.Plan.Oct.String(), p.Plan.Dec.String(), p.Goal}
		var in model.Indicator
		empty := true
		for c := range model.IndicatorColumns {
			in.SetCell(c, cells[colL1+c])
			empty = empty && cells[colL1+c] == ""
		}

		pi, seen := byCode[code]
		if !seen {
			if bad {
				continue
			}
			byCode[code] = len(im.Projects)
			p.Indicators = []model.Indicator{in}
			im.Projects = append(im.Projects, p)
			meta = append(meta, projectRow{row: rec.row, cells: canon, rows: 1, lastEmpty: empty})
			continue
		}
		m := &meta[pi]
		for i, c := range projectCols {
			if !bad && canon[i] != m.cells[i] {
				add(rec.row, c, "与同一项目（%s）%s不一致：那里是 “%s”，这里是 “%s”", clip(code), at(m.row, -1).rowName(), clip(m.cells[i]), clip(canon[i]))
			}
		}
		m.rows++
		im.Projects[pi].Indicators = append(im.Projects[pi].Indicators, in)
	}
	for i := range meta {
		if meta[i].rows == 1 && meta[i].lastEmpty {
			im.Projects[i].Indicators = nil
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return im, nil
}

func headerOK(fields []string) bool {
	if len(fields) != csvColumns {
		return false
	}
	for i, f := range fields {
		if f != CSVHeader[i] {
			return false
		}
	}
	return true
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if f != "" {
			return false
		}
	}
	return true
}

// clip shortens a value quoted in a message, so a 10,000-character cell
// does not flood the screen.
func clip(s string) string {
	const maxRunes = 30
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes]) + "…"
	}
	// The message goes to a terminal: no escape sequence from the file
	// may reach it.
	return OneLine(s)
}

func moneyMsg(err error) string {
	switch {
	case errors.Is(err, model.ErrNegative):
		return "金额不能为负数"
	case errors.Is(err, model.ErrTooPrecise):
		return "金额最多 4 位小数（单位：万元）"
	case errors.Is(err, model.ErrOverflow):
		return "金额太大"
	}
	return "金额格式不对"
}

func percentMsg(err error) string {
	switch {
	case errors.Is(err, model.ErrNegative):
		return "百分比不能为负数"
	case errors.Is(err, model.ErrTooPrecise):
		return "百分比最多 2 位小数"
	case errors.Is(err, model.ErrOverflow), errors.Is(err, model.ErrRange):
		return "百分比应在 0 到 100 之间"
	}
	return "百分比格式不对"
}

// NewDocument returns an empty draft document for key, as import creates
// it when the database does not have it yet.
func NewDocument(key model.DocKey, unitName string) *model.Document {
	return &model.Document{
		UnitCode: key.UnitCode,
		UnitName: unitName,
		Year:     key.Year,
		Title:    fmt.Sprintf("%s %d 年部门预算绩效文本（%s）", unitName, key.Year, model.StatusDraft),
		Status:   model.StatusDraft,
		Compiler: unitName,
		Currency: "万元",
	}
}

// Apply merges the import into doc: a project whose 项目编码 doc already
// has is replaced in place and keeps its ID; the others are appended in file
// order with new IDs. It returns how many projects were created and updated.
func (im *Import) Apply(doc *model.Document) (created, updated int) {
	index := make(map[string]int, len(doc.Projects))
	for i := len(doc.Projects) - 1; i >= 0; i-- {
		index[doc.Projects[i].Code] = i // the first of duplicate codes wins
	}
	for _, p := range im.Projects {
		p.Indicators = append([]model.Indicator(nil), p.Indicators...)
		if i, ok := index[p.Code]; ok {
			p.ID = doc.Projects[i].ID
			doc.Projects[i] = p
			updated++
			continue
		}
		p.ID = model.NewProjectID()
		index[p.Code] = len(doc.Projects)
		doc.Projects = append(doc.Projects, p)
		created++
	}
	return created, updated
}
