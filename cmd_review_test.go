package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
)

// reviewedSampleDoc is the sample with three projects reviewed: a status
// each, notes of several lines on two, a row note on one.
func reviewedSampleDoc() *model.Document {
	d := model.Sample()
	d.Projects[0].Review = model.Review{Status: model.ReviewChanges, Note: "资金支出计划偏后。\n请补充测算依据。"}
	d.Projects[0].Indicators[2].Note = "指标值为空"
	d.Projects[1].Review.Status = model.ReviewApproved
	d.Projects[2].Review = model.Review{Status: model.ReviewChanges, Note: "=核对金额"}
	return d
}

// TestReviewInListCheckAndExports: the CLI shows a review where it helps —
// list counts 已审核 n/m, check adds the review's totals, the Markdown
// export has a 审核意见 section per project, and the CSV's two review
// columns survive export → import → export byte for byte, in UTF-8 and GBK.
func TestReviewInListCheckAndExports(t *testing.T) {
	db := putDoc(t, reviewedSampleDoc())
	if code, out, _ := runCLI(t, nil, "list", "--db", db); code != exitOK || !strings.HasSuffix(out, "万元  已审核 1/9，需修改 2\n") {
		t.Errorf("list: %d %q", code, out)
	}
	if _, out, _ := runCLI(t, nil, "check", "--db", db); !strings.Contains(out, "\n315002/2020：已审核 1/9，需修改 2（审核意见 3 条）\n") {
		t.Errorf("check does not count the review:\n%s", out)
	}
	code, md, errOut := runCLI(t, nil, "export", "--db", db, "--format", "md", "-o", "-")
	if code != exitOK || errOut != "" || strings.Count(md, "#### 审核意见\n") != 9 ||
		!strings.Contains(md, "审核状态：需修改\n\n资金支出计划偏后。\\\n请补充测算依据。\n") {
		t.Errorf("markdown export: %d %q\n%s", code, errOut, md)
	}
	for _, flags := range [][]string{nil, {"--encoding", "gbk"}} {
		first := exportCSV(t, db, flags...)
		if flags == nil && !bytes.Contains(first, []byte(",需修改,'=核对金额\n")) {
			t.Errorf("%v: the review columns are not in the CSV", flags)
		}
		file := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(file, first, 0o644); err != nil {
			t.Fatal(err)
		}
		dst := tempDB(t)
		if code, out, errOut := runCLI(t, nil, "import", file, "--db", dst); code != exitOK || errOut != "" {
			t.Fatalf("import %v: %d %q %q", flags, code, out, errOut)
		}
		if second := exportCSV(t, dst, flags...); !bytes.Equal(first, second) {
			t.Errorf("%v: export → import → export is not identical", flags)
		}
	}
}
