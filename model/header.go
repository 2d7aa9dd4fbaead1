package model

import (
	"strconv"
	"strings"
)

// Header is what a document's header says: the fields its unit fills in
// when creating it and may correct afterwards. Part 1, the layout and the
// projects are edited elsewhere.
type Header struct {
	UnitCode string // 单位编码
	UnitName string // 单位名称
	Year     int    // 年度
	Compiler string // 编制单位
	Reviewer string // 审核单位
	Title    string // 标题
	Status   Status // 状态
}

// Header returns the document's header fields.
func (d *Document) Header() Header {
	return Header{UnitCode: d.UnitCode, UnitName: d.UnitName, Year: d.Year,
		Compiler: d.Compiler, Reviewer: d.Reviewer, Title: d.Title, Status: d.Status}
}

// SetHeader sets the document's header fields; everything else stays.
func (d *Document) SetHeader(h Header) {
	d.UnitCode, d.UnitName, d.Year = h.UnitCode, h.UnitName, h.Year
	d.Compiler, d.Reviewer, d.Title, d.Status = h.Compiler, h.Reviewer, h.Title, h.Status
}

// Retitle returns title with what it says of from's 单位名称, 年度 and
// 状态 — "司法局 2020 年部门预算绩效文本（草案）" — said of to's instead. Parts
// of a title that name none of them (a title typed by hand) stay as they
// are.
func Retitle(title string, from, to Header) string {
	if from.UnitName != "" && to.UnitName != "" && from.UnitName != to.UnitName {
		title = strings.ReplaceAll(title, from.UnitName, to.UnitName)
	}
	if from.Year != to.Year && from.Year != 0 {
		title = strings.ReplaceAll(title, strconv.Itoa(from.Year), strconv.Itoa(to.Year))
	}
	if from.Status != to.Status && from.Status != "" && to.Status != "" {
		title = strings.ReplaceAll(title, "（"+string(from.Status)+"）", "（"+string(to.Status)+"）")
	}
	return title
}
