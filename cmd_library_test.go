package main

import (
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store/storetest"
)

func TestLibraryCommand(t *testing.T) {
	db := putDoc(t, model.Sample(), storetest.FiveChanges())
	code, out, errOut := runCLI(t, nil, "library", "--db", db, "--search", "满意")
	if code != exitOK || errOut != "" {
		t.Fatalf("library: %d %q", code, errOut)
	}
	lines := strings.Split(out, "\n")
	// The 2021 document's new row is used once, from 2021; the sample's
	// 群众满意度 twice (both years), newest source named.
	if !strings.Contains(out, "满意度指标/服务对象满意度指标/当事人满意度  ≥90%  计划标准  [抚宁区司法局 2021]") ||
		!strings.Contains(out, "满意度指标/服务对象满意度指标/群众满意度  ≥65百分率  群众对法律援助宣传的满意程度  [抚宁区司法局 2021 ×2]") ||
		!strings.Contains(out, "[内置（财预〔2021〕101号）]") || !strings.HasSuffix(out, " 条\n") || len(lines) < 10 {
		t.Errorf("library --search 满意:\n%s", out)
	}
	code, out, _ = runCLI(t, nil, "library", "--db", db, "--format", "csv", "--search", "支付及时率")
	want := "\ufeff" + strings.Join(export.LibraryCSVHeader, ",") + "\n" +
		"产出指标,时效指标,支付及时率,单位取暖费及时支付的比例,100%,工作计划,抚宁区司法局 2021,2021,2\n" +
		"产出指标,时效指标,资金支付及时率,按合同或计划及时支付资金的比例,'=100%,计划标准,内置（财预〔2021〕101号）,,0\n"
	if code != exitOK || out != want {
		t.Errorf("library --format csv:\n%q\nwant\n%q", out, want)
	}
	if code, _, errOut := runCLI(t, nil, "library", "--db", db, "--format", "xlsx"); code != exitUsage || !strings.Contains(errOut, "只能是 text 或 csv") {
		t.Errorf("bad format: %d %q", code, errOut)
	}
}
