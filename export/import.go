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
	Encoding Encoding     // the encoding a CSV was read in
	Workbook bool         // read from an .xlsx workbook (which has no encoding)
	Rows     int          // data rows read
	// FilledDown counts the blank cells that took the value of the cell
	// above (continuation rows, merged 一级/二级).
	FilledDown int
	// Ignored are the headers of the file's columns that are not
	// CSVHeader columns, in file order; their cells are not read.
	Ignored []string
	// StatusColumn and NoteColumn say whether the file has the 审核状态
	// and 审核意见 columns (files from before reviews have neither);
	// Apply keeps a project's own status or note where it has not.
	StatusColumn, NoteColumn bool
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
		return readDecoded(data, EncodingGBK, "GBK（--encoding gbk）")
	case bytes.HasPrefix(data, []byte(utf8BOM)):
		return readDecoded(data[len(utf8BOM):], EncodingUTF8, "UTF-8（文件以 UTF-8 BOM 开头）")
	case enc == EncodingUTF8:
		return readDecoded(data, EncodingUTF8, "UTF-8（--encoding utf-8）")
	}
	// Excel on Chinese Windows saves CSV in GBK (with CRLF); a GBK file is
	// rarely valid UTF-8. Believe an encoding when the header then reads
	// right; otherwise report the rows in UTF-8 and name both tried.
	const tried = "UTF-8 和 GBK"
	if utf8.Valid(data) && headerMatches(firstRecord(data)) {
		return readDecoded(data, EncodingUTF8, tried)
	}
	if gbkHeader(data) {
		return readDecoded(data, EncodingGBK, tried)
	}
	return readDecoded(data, EncodingUTF8, tried)
}

// firstRecord returns the header record of data, nil if there is none.
func firstRecord(data []byte) []string {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	recs, err := parseCSV(data[:end])
	if err != nil || len(recs) != 1 {
		return nil
	}
	return recs[0].fields
}

// gbkHeader reports whether data, read as GBK, starts with a header that
// names every CSVHeader column.
func gbkHeader(data []byte) bool {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	line, err := simplifiedchinese.GBK.NewDecoder().Bytes(data[:end])
	if err != nil {
		return false
	}
	return headerMatches(firstRecord(line))
}

// readDecoded reads data in enc; tried names the encodings tried, for the
// message when the header matches none.
func readDecoded(data []byte, enc Encoding, tried string) (*Import, error) {
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
	records := make([][]string, len(recs))
	for i := range recs {
		records[i] = recs[i].fields
	}
	im, errs := buildImport(records, csvPosition(recs), enc)
	if len(errs) > 0 {
		for i := range errs {
			if r := errs[i].Row - 1; r >= 0 && r < len(recs) {
				errs[i].Row = recs[r].row // the row a spreadsheet shows
			}
		}
		if errs[0].Row == 1 && len(recs) > 0 && recs[0].row == 1 {
			errs = append(errs, CellError{Row: 1, Msg: fmt.Sprintf("表头按 %s 读都对不上。"+
				"如果上面的表头是乱码，文件多半是 Excel/WPS 在中文 Windows 上另存的 GBK 编码，请加 --encoding gbk 再试", tried)})
		}
		return nil, errs
	}
	return im, nil
}

// csvPosition names a cell of a CSV file as a spreadsheet shows it: the
// row (a record with line breaks in a cell still occupies one row) and
// the column's header text.
func csvPosition(recs []csvRecord) func(row, col int) string {
	return func(row, col int) string {
		r := recs[row].row
		if col < 0 || len(recs) == 0 || col >= len(recs[0].fields) {
			return fmt.Sprintf("第 %d 行", r)
		}
		return fmt.Sprintf("第 %d 行 “%s”", r, clip(strings.TrimSpace(recs[0].fields[col])))
	}
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
var projectCols = [...]int{colName, colBudget, colFiscal, colOther, colUse, colMar, colJun, colOct, colDec, colGoal, colReview, colReviewNote}

// docCols are the columns that must agree across the whole file.
var docCols = [...]int{colUnitCode, colUnitName, colYear}

// buildImport validates decoded records — records[0] is the header, the
// rest are data rows — whatever file they came from (CSV, a sheet of an
// .xlsx). pos names a cell for messages: row indexes records, col is the
// column in the file, -1 for the whole row.
func buildImport(records [][]string, pos func(row, col int) string, enc Encoding) (*Import, Errors) {
	if len(records) == 0 {
		return nil, Errors{{Row: 1, Msg: "文件是空的，缺少表头"}}
	}
	cols, problems := mapHeader(records[0])
	if len(problems) > 0 {
		var errs Errors
		for _, msg := range problems {
			errs = append(errs, CellError{Row: 1, Where: pos(0, -1), Msg: msg})
		}
		return nil, errs
	}
	var errs Errors
	add := func(row, col int, format string, args ...any) {
		name, at := "", -1
		if col >= 0 {
			name, at = CSVHeader[col], cols.at[col]
		}
		errs = append(errs, CellError{Row: row + 1, Column: name, Where: pos(row, at), Msg: fmt.Sprintf(format, args...)})
	}

	im := &Import{Encoding: enc, Ignored: cols.ignored, StatusColumn: cols.at[colReview] >= 0, NoteColumn: cols.at[colReviewNote] >= 0}
	var firstDoc []string // doc columns of the first data row
	firstDocRow := 0
	byCode := map[string]int{}
	var meta []projectRow
	cells := make([]string, csvColumns)
	var prev []string // the row above, filled down; nil before the first
	var eRows [len(codeColumns)]struct {
		first, n int
		text     string
	}
	for ri, fields := range records[1:] {
		ri++ // index into records
		if allEmpty(fields) {
			continue // a spreadsheet's trailing ",,,," rows
		}
		if len(fields) != cols.width {
			add(ri, -1, "应有 %d 列（与表头一样多），实际有 %d 列", cols.width, len(fields))
			continue
		}
		im.Rows++
		bad := false
		for c := range cells {
			if cols.at[c] < 0 { // an optional column the file has not
				cells[c] = ""
				continue
			}
			cells[c] = unneutralize(fields[cols.at[c]])
			if enc == EncodingGBK && strings.ContainsRune(cells[c], utf8.RuneError) {
				add(ri, c, "含有无法识别的字节，文件不是有效的 GBK 编码")
				bad = true
			} else if !utf8.ValidString(cells[c]) {
				add(ri, c, "含有无效的 UTF-8 字节（文件可能是别的编码，可试 --encoding gbk）")
				bad = true
			}
		}
		for i, c := range codeColumns {
			if eNotation.MatchString(cells[c]) {
				e := &eRows[i]
				if e.n == 0 {
					e.first, e.text = ri, cells[c]
				}
				e.n++
				bad = true
			}
		}
		if bad {
			continue
		}

		// Blank cells meaning "as above".
		if filled := partlyBlank(cells); filled != nil {
			list := strings.Join(filled, "、")
			if len(filled) > 3 {
				list = fmt.Sprintf("%s 等 %d 列", strings.Join(filled[:3], "、"), len(filled))
			}
			add(ri, colCode, "是空的，而同一行的 %s 有值：项目各列只填了一部分。接续上一个项目的行请把“项目编码”到“绩效目标”全部留空，新项目的行请全部填写", list)
			continue
		}
		if prev == nil && continuation(cells) {
			add(ri, -1, "“项目编码”到“绩效目标”都是空的，但上面没有项目可以接续（第一行数据要写全项目各列）")
			continue
		}
		if prev != nil {
			im.FilledDown += fillDown(cells, prev)
		}
		prev = append(prev[:0], cells...)

		// Document columns: the same on every row.
		year, yerr := strconv.Atoi(cells[colYear])
		switch {
		case strings.TrimSpace(cells[colUnitCode]) == "":
			add(ri, colUnitCode, "不能为空")
			bad = true
		case yerr != nil || year < 1900 || year > 9999:
			add(ri, colYear, "应为四位数字的年份（“%s”）", clip(cells[colYear]))
			bad = true
		}
		if firstDoc == nil && !bad {
			firstDoc = []string{cells[colUnitCode], cells[colUnitName], cells[colYear]}
			firstDocRow = ri
			im.Key = model.DocKey{UnitCode: strings.TrimSpace(cells[colUnitCode]), Year: year}
			im.UnitName = cells[colUnitName]
		} else if firstDoc != nil && !bad {
			for i, c := range docCols {
				if cells[c] != firstDoc[i] {
					add(ri, c, "一个文件只能是一个单位的一个年度：%s是 “%s”，这里是 “%s”", rowName(pos, firstDocRow), clip(firstDoc[i]), clip(cells[c]))
				}
			}
		}

		// Project columns: parsed, then compared with the project's first row.
		code := cells[colCode]
		if strings.TrimSpace(code) == "" {
			add(ri, colCode, "不能为空（导入按项目编码识别项目）")
			continue
		}
		var p model.Project
		p.Code, p.Name, p.Use, p.Goal = code, cells[colName], cells[colUse], cells[colGoal]
		for i, m := range []*model.Money{&p.Budget, &p.Fiscal, &p.Other} {
			c := colBudget + i
			v, err := model.ParseOptionalMoney(cells[c])
			if err != nil {
				add(ri, c, "%s（“%s”）", moneyMsg(err), clip(cells[c]))
				bad = true
			}
			*m = v
		}
		for i, m := range []*model.Percent{&p.Plan.Mar, &p.Plan.Jun, &p.Plan.Oct, &p.Plan.Dec} {
			c := colMar + i
			v, err := model.ParseOptionalPercent(cells[c])
			if err != nil {
				add(ri, c, "%s（“%s”）", percentMsg(err), clip(cells[c]))
				bad = true
			}
			*m = v
		}
		var err error
		if p.Review.Status, err = model.ParseReviewStatus(cells[colReview]); err != nil {
			add(ri, colReview, "应为 未审核、已审核 或 需修改（“%s”）", clip(cells[colReview]))
			bad = true
		}
		p.Review.Note = cells[colReviewNote]
		canon := []string{p.Name, p.Budget.String(), p.Fiscal.String(), p.Other.String(), p.Use,
			p.Plan.Mar.String(), p.Plan.Jun.String(), p.Plan.Oct.String(), p.Plan.Dec.String(), p.Goal,
			p.Review.Status.String(), p.Review.Note}
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
			meta = append(meta, projectRow{row: ri, cells: canon, rows: 1, lastEmpty: empty})
			continue
		}
		m := &meta[pi]
		ins := im.Projects[pi].Indicators
		im.FilledDown += model.FillLevels(&in, &ins[len(ins)-1])
		for i, c := range projectCols {
			switch {
			case bad || canon[i] == m.cells[i]:
			case blank(canon[i]):
				add(ri, c, "与同一项目（%s）%s不一致：那里是 “%s”，这里是空的（接续的行要么把项目各列全部留空，要么全部照填）", clip(code), rowName(pos, m.row), clip(m.cells[i]))
			default:
				add(ri, c, "与同一项目（%s）%s不一致：那里是 “%s”，这里是 “%s”", clip(code), rowName(pos, m.row), clip(m.cells[i]), clip(canon[i]))
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
	// A code Excel turned into a number is lost, and the rows it lost it
	// on then look like one project: the other messages would only
	// mislead, so these stand alone.
	var eErrs Errors
	for i, c := range codeColumns {
		if e := eRows[i]; e.n > 0 {
			errs = errs[:0]
			eErrs = append(eErrs, CellError{Row: e.first + 1, Column: CSVHeader[c], Where: pos(e.first, cols.at[c]),
				Msg: fmt.Sprintf("“%s”是科学计数法：Excel/WPS 把长数字编码当成了数字，编码的后几位已经丢失（本列共 %d 行如此）。"+
					"请在 Excel/WPS 中把“%s”列设为“文本”格式、重新填入完整编码后再另存为 CSV，或直接导入 .xlsx 文件", clip(strings.TrimSpace(e.text)), e.n, CSVHeader[c])})
		}
	}
	if len(eErrs) > 0 {
		return nil, eErrs
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return im, nil
}

// rowName names a whole row, as pos does: 第 5 行.
func rowName(pos func(row, col int) string, row int) string { return pos(row, -1) }

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
func clip(s string) string { return clipTo(s, 30) }

// clipTo is clip to maxRunes.
func clipTo(s string, maxRunes int) string {
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
// has is replaced in place and keeps its ID; so is one whose all-digit
// code matches only once the leading zeros Excel dropped are restored
// (015001 read as 15001), and it keeps the document's code. The others are
// appended in file order with new IDs. Applied names every project created
// and updated, so a summary built from it can hide none.
func (im *Import) Apply(doc *model.Document) Applied {
	var a Applied
	index := make(map[string]int, len(doc.Projects))
	for i := len(doc.Projects) - 1; i >= 0; i-- {
		index[doc.Projects[i].Code] = i // the first of duplicate codes wins
	}
	for _, p := range im.Projects {
		p.Indicators = append([]model.Indicator(nil), p.Indicators...)
		i, ok := index[p.Code]
		if !ok {
			if i, ok = paddedMatch(doc.Projects, p.Code); ok {
				a.Padded = append(a.Padded, CodeMatch{File: p.Code, Doc: doc.Projects[i].Code})
				p.Code = doc.Projects[i].Code
			}
		}
		if ok {
			p.ID = doc.Projects[i].ID
			keepReview(&p, &doc.Projects[i], im)
			doc.Projects[i] = p
			a.Updated = append(a.Updated, ProjectRef{Code: p.Code, Name: p.Name})
			continue
		}
		p.ID = model.NewProjectID()
		index[p.Code] = len(doc.Projects)
		doc.Projects = append(doc.Projects, p)
		a.Created = append(a.Created, ProjectRef{Code: p.Code, Name: p.Name})
	}
	return a
}
