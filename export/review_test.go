package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"

	"jixiao/model"
)

// reviewedSample is the sample halfway through a review: three projects
// with a status, notes of several lines (one a formula to a spreadsheet),
// and notes on indicator rows.
func reviewedSample() *model.Document {
	d := model.Sample()
	d.Projects[0].Review = model.Review{Status: model.ReviewChanges, Note: "预算数与财政资金一致，但资金支出计划偏后。\n请补充测算依据，\r\n|并量化*质量指标*。"}
	d.Projects[0].Indicators[2].Note = "指标值为空"
	d.Projects[0].Indicators[6].Note = "≥65百分率 应写作 ≥65%"
	d.Projects[1].Review = model.Review{Status: model.ReviewApproved}
	d.Projects[2].Review = model.Review{Status: model.ReviewChanges, Note: "=再核对一遍"}
	d.Projects[2].Indicators[0].Note = "第二行\n第三行"
	return d
}

func TestCSVReviewRoundTripIsExact(t *testing.T) {
	d := reviewedSample()
	for name, o := range map[string]CSVOptions{"bom": {}, "nobom": {NoBOM: true}, "gbk": {Encoding: EncodingGBK}} {
		t.Run(name, func(t *testing.T) {
			first := exportCSV(t, d, o)
			got, im := importInto(t, first, EncodingAuto)
			if !im.StatusColumn || !im.NoteColumn {
				t.Error("the export's review columns were not seen")
			}
			for i := range got.Projects {
				if got.Projects[i].Review != d.Projects[i].Review {
					t.Errorf("project %d review %+v, want %+v", i, got.Projects[i].Review, d.Projects[i].Review)
				}
			}
			second := exportCSV(t, got, o)
			if !bytes.Equal(first, second) {
				t.Errorf("export → import → export differs at byte %d", firstDiff(first, second))
			}
		})
	}
}

// TestCSVReviewColumns: the header ends in 审核状态, 审核意见, and every row
// of a project carries its status and note (未审核 written out), so a
// spreadsheet filter on 审核状态 shows whole projects.
func TestCSVReviewColumns(t *testing.T) {
	d := reviewedSample()
	im, err := ReadCSV(bytes.NewReader(exportCSV(t, d, CSVOptions{})), EncodingAuto)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := parseCSV(bytes.TrimPrefix(exportCSV(t, d, CSVOptions{}), []byte(utf8BOM)))
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0].fields
	if len(head) != 22 || head[20] != "审核状态" || head[21] != "审核意见" {
		t.Fatalf("header ends %q", head[len(head)-2:])
	}
	byCode := map[string][][2]string{}
	for _, r := range recs[1:] {
		byCode[r.fields[colCode]] = append(byCode[r.fields[colCode]], [2]string{r.fields[20], r.fields[21]})
	}
	for i, p := range d.Projects {
		rows := byCode[p.Code]
		if len(rows) != max(len(p.Indicators), 1) {
			t.Fatalf("project %d: %d rows", i, len(rows))
		}
		for _, r := range rows {
			if r != [2]string{p.Review.Status.String(), neutralize(p.Review.Note)} {
				t.Errorf("project %d row: %q", i, r)
			}
		}
	}
	if byCode[d.Projects[3].Code][0][0] != "未审核" || byCode[d.Projects[2].Code][0][1] != "'=再核对一遍" {
		t.Errorf("未审核 or the neutralised note: %q %q", byCode[d.Projects[3].Code][0], byCode[d.Projects[2].Code][0])
	}
	if im.Projects[0].Indicators[2].Note != "" {
		t.Error("a row note came from the CSV, which has none")
	}
}

// csvOfReviewed writes the header and rows of a file with the review
// columns, as another program would.
func csvOfReviewed(rows ...[]string) []byte {
	var b strings.Builder
	b.WriteString(strings.Join(CSVHeader[:], ",") + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	return []byte(b.String())
}

func TestImportReviewErrors(t *testing.T) {
	rv := func(code, status, note string) []string { return append(row(code, nil), status, note) }
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"bad status", csvOfReviewed(rv("A", "通过", "")), "第 2 行 “审核状态”：应为 未审核、已审核 或 需修改（“通过”）"},
		{"rows disagree on the status", csvOfReviewed(rv("A", "已审核", ""), rv("A", "需修改", "")),
			"第 3 行 “审核状态”：与同一项目（A）第 2 行不一致：那里是 “已审核”，这里是 “需修改”"},
		{"rows disagree on the note", csvOfReviewed(rv("A", "", "意见"), rv("A", "", "")),
			"第 3 行 “审核意见”：与同一项目（A）第 2 行不一致：那里是 “意见”，这里是空的（接续的行要么把项目各列全部留空，要么全部照填）"},
		{"a 20-column row in a 22-column file", csvOfReviewed(rv("A", "", ""), row("B", nil)), "第 3 行：应有 22 列（与表头一样多），实际有 20 列"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(bytes.NewReader(tt.data), EncodingAuto)
			var errs Errors
			if !errors.As(err, &errs) || errs.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
	// The review columns are optional one by one: a file with 审核状态
	// alone sets the status and leaves the note to Apply.
	only := []byte(strings.Join(CSVHeader[:colReviewNote], ",") + "\n" + strings.Join(append(row("A", nil), "需修改"), ",") + "\n")
	im, err := ReadCSV(bytes.NewReader(only), EncodingAuto)
	if err != nil || !im.StatusColumn || im.NoteColumn || im.Projects[0].Review.Status != model.ReviewChanges {
		t.Errorf("审核状态 alone: %+v, %v", im, err)
	}
	// A continuation row (项目编码…绩效目标 blank) takes the review from above.
	cont := append(make([]string, colL1), "效益指标", "社会效益指标", "x", "", "", "", "", "")
	im, err = ReadCSV(bytes.NewReader(csvOfReviewed(rv("A", "已审核", "意见"), cont)), EncodingAuto)
	if err != nil || len(im.Projects) != 1 || len(im.Projects[0].Indicators) != 2 || im.Projects[0].Review != (model.Review{Status: model.ReviewApproved, Note: "意见"}) {
		t.Errorf("continuation row: %+v, %v", im, err)
	}
	// Blank and 未审核 are the same status, so such rows agree.
	im, err = ReadCSV(bytes.NewReader(csvOfReviewed(rv("A", "", "x"), rv("A", "未审核", "x"))), EncodingAuto)
	if err != nil || im.Projects[0].Review != (model.Review{Note: "x"}) {
		t.Errorf("blank and 未审核: %+v, %v", im, err)
	}
}

// TestImportKeepsReview: a file without the review columns (written before
// reviews) leaves each project's status and note as they were; a file with
// them sets them. Row notes, which no CSV holds, stay on the rows the file
// keeps in place with the same 一级/二级/三级.
func TestImportKeepsReview(t *testing.T) {
	d := reviewedSample()
	data := exportCSV(t, d, CSVOptions{})
	// The same file as one written before reviews: 20 columns.
	recs, err := parseCSV(bytes.TrimPrefix(data, []byte(utf8BOM)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, r := range recs {
		w.Write(r.fields[:csvColumnsNoReview])
	}
	w.Flush()

	// The unit renamed the first row of project 3 and moved nothing.
	target := reviewedSample()
	target.Projects[2].Indicators[0].L3 = "改过的三级"
	im, err := ReadCSV(bytes.NewReader(buf.Bytes()), EncodingAuto)
	if err != nil {
		t.Fatal(err)
	}
	if im.StatusColumn || im.NoteColumn {
		t.Error("a 20-column file has review columns")
	}
	im.Apply(target)
	for i := range target.Projects {
		if target.Projects[i].Review != d.Projects[i].Review {
			t.Errorf("20 columns: project %d review %+v, want it kept: %+v", i, target.Projects[i].Review, d.Projects[i].Review)
		}
	}
	if target.Projects[0].Indicators[2].Note != "指标值为空" || target.Projects[0].Indicators[6].Note == "" {
		t.Error("row notes of unchanged rows were dropped")
	}
	if target.Projects[2].Indicators[0].Note != "" {
		t.Error("the note of a row the file renamed was kept on the file's row")
	}

	// With the review columns, the file's review wins.
	data = bytes.Replace(data, []byte(",需修改,'=再核对一遍"), []byte(",已审核,"), -1)
	im, err = ReadCSV(bytes.NewReader(data), EncodingAuto)
	if err != nil {
		t.Fatal(err)
	}
	target = reviewedSample()
	im.Apply(target)
	if got := target.Projects[2].Review; got != (model.Review{Status: model.ReviewApproved}) {
		t.Errorf("22 columns: review %+v, want the file's", got)
	}
	if !reflect.DeepEqual(target.Projects[0].Review, d.Projects[0].Review) {
		t.Errorf("22 columns: project 0 review %+v", target.Projects[0].Review)
	}
}

func TestMarkdownReviewGolden(t *testing.T) {
	md := exportMarkdown(t, reviewedSample(), nil)
	golden(t, "reviewed.md", md)
	s := string(md)
	if n := strings.Count(s, "#### 审核意见\n"); n != len(model.Sample().Projects) {
		t.Errorf("%d 审核意见 sections, want one per project", n)
	}
	for _, want := range []string{
		"审核进度：已审核 1/9，需修改 2",
		"审核状态：需修改\n\n预算数与财政资金一致，但资金支出计划偏后。\\\n请补充测算依据，\\\n\\|并量化\\*质量指标\\*。\n\n|  行 | 三级指标",
		"审核状态：未审核",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	// A reader sees the notes as typed, row notes in a table.
	r := renderGFM(t, md)
	if !strings.Contains(r, "|并量化*质量指标*。") {
		t.Error("the project note does not render as typed")
	}
	var found bool
	for _, tb := range tables(r) {
		if len(tb) > 1 && reflect.DeepEqual(tb[0], rowNoteColumns) {
			for _, row := range tb[1:] {
				found = found || reflect.DeepEqual(row, []string{"1", "法律援助咨询、案件受理数", "第二行\n第三行"}) ||
					reflect.DeepEqual(row, []string{"1", model.Sample().Projects[2].Indicators[0].L3, "第二行\n第三行"})
			}
		}
	}
	if !found {
		t.Error("the row note of project 3, row 1, is not in a rendered table")
	}
	if md := exportMarkdown(t, model.Sample(), nil); bytes.Contains(md, []byte("审核意见")) || bytes.Contains(md, []byte("审核进度")) {
		t.Error("a document nobody reviewed has review sections")
	}
}
