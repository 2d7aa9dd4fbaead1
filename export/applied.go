package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// ProjectRef names a project in an import's summary.
type ProjectRef struct{ Code, Name string }

// CodeMatch is a code of the file matched to the database's only after
// the leading zeros a spreadsheet dropped were put back.
type CodeMatch struct{ File, Doc string }

// Applied is what Apply did to a document, project by project.
type Applied struct {
	Created []ProjectRef
	Updated []ProjectRef
	Padded  []CodeMatch // 项目编码 matched by zero-padding
}

// digits reports whether s is a non-empty run of ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// samePadded reports whether file is have with leading zeros dropped.
func samePadded(file, have string) bool {
	return len(have) > len(file) && digits(file) && digits(have) &&
		strings.TrimLeft(have, "0") == strings.TrimLeft(file, "0")
}

// paddedMatch finds the project whose code is code with leading zeros.
func paddedMatch(ps []model.Project, code string) (int, bool) {
	if !digits(code) {
		return 0, false
	}
	for i := range ps {
		if samePadded(code, ps[i].Code) {
			return i, true
		}
	}
	return 0, false
}

// MatchUnitCode finds, among the documents in keys, the one key names once
// the leading zeros a spreadsheet dropped from its 单位编码 are put back
// (15001/2021 for 015001/2021). It is for a key that matches no document
// as it is.
func MatchUnitCode(key model.DocKey, keys []model.DocKey) (model.DocKey, bool) {
	for _, k := range keys {
		if k.Year == key.Year && samePadded(key.UnitCode, k.UnitCode) {
			return k, true
		}
	}
	return model.DocKey{}, false
}

// Summary is what an import did, in the words its report uses.
type Summary struct {
	File      string       // the file's name as the user gave it
	Target    model.DocKey // the document imported into
	UnitName  string
	Import    *Import
	Applied   Applied
	UnitMatch string // the file's 单位编码 when it matched Target only after zero-padding
	// Pending says the import is not stored yet (the app asks first):
	// the first line says 将导入 instead of 已导入.
	Pending bool
}

// Lines returns the summary in Chinese, one line each: the counts, every
// project created (新建项目：代码 名称) and updated, codes matched after
// zero-padding, the columns ignored. Text from the file is made safe for a
// terminal.
func (s Summary) Lines() []string {
	im := s.Import
	enc := "UTF-8 编码"
	switch {
	case im.Workbook:
		enc = "Excel 工作簿"
	case im.Encoding == EncodingGBK:
		enc = "GBK 编码"
	}
	verb := "已导入"
	if s.Pending {
		verb = "将导入"
	}
	lines := []string{fmt.Sprintf(verb+" %s 到 %s %s：读取 %d 行（%s），新建 %d 个项目，更新 %d 个项目，向下填充 %d 个空单元格。",
		OneLine(s.File), OneLine(s.Target.String()), clip(s.UnitName), im.Rows, enc, len(s.Applied.Created), len(s.Applied.Updated), im.FilledDown)}
	if im.Rows > 0 && im.Key != s.Target && s.UnitMatch == "" {
		lines = append(lines, fmt.Sprintf("文件中的行属于 %s，按 --doc 导入到 %s。", OneLine(im.Key.String()), OneLine(s.Target.String())))
	}
	if s.UnitMatch != "" {
		lines = append(lines, fmt.Sprintf("单位编码：文件中的 “%s” 按已有文档 %s 导入（Excel/WPS 去掉了编码开头的 0）。", OneLine(s.UnitMatch), OneLine(s.Target.String())))
	}
	for _, m := range s.Applied.Padded {
		lines = append(lines, fmt.Sprintf("项目编码：文件中的 “%s” 按已有项目 “%s” 更新（Excel/WPS 去掉了编码开头的 0）。", OneLine(m.File), OneLine(m.Doc)))
	}
	for _, p := range s.Applied.Created {
		lines = append(lines, "新建项目："+OneLine(p.Code)+" "+clipTo(p.Name, 80))
	}
	for _, p := range s.Applied.Updated {
		lines = append(lines, "更新项目："+OneLine(p.Code)+" "+clipTo(p.Name, 80))
	}
	if len(im.Ignored) > 0 {
		lines = append(lines, "忽略的列（不是导入的列）："+strings.Join(im.Ignored, "、"))
	}
	return lines
}
