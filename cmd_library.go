package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "library", summary: "列出指标库：文件中的每一行指标加上内置起步指标", run: runLibrary})
}

const librarySynopsis = `jixiao library [--db PATH] [--search TEXT] [--format text|csv]

列出指标库：数据库中每个文档、每个年度的每一行指标，每行一次，附使用次数
和含有它的最新文档；然后是按国家指引（财预〔2021〕101号）写的内置起步指标。
--search 只保留 一级、二级、三级、描述或依据 中含有 TEXT 的行，三级命中的在前。
--format csv 写出带 BOM 的 UTF-8 CSV，供 Excel/WPS 使用。`

func runLibrary(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "library", librarySynopsis)
	search := fs.String("search", "", "只保留含有 `TEXT` 的行")
	format := fs.String("format", "text", "`text` 或 csv")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao library: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	if *format != "text" && *format != "csv" {
		fmt.Fprintf(env.stderr, "jixiao library: --format 只能是 text 或 csv（不是 %q）\n", *format)
		return exitUsage
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	docs, err := allDocuments(s)
	if err != nil {
		return reportStoreError(env, err)
	}
	rows := model.NewLibrary(docs).Find(*search)
	if *format == "csv" {
		if err := export.WriteLibraryCSV(env.stdout, rows); err != nil {
			fmt.Fprintln(env.stderr, "jixiao library:", errtext.Reason(err))
			return exitUsage
		}
		return exitOK
	}
	writeLibrary(env.stdout, rows)
	return exitOK
}

// allDocuments reads every document of the file.
func allDocuments(s *store.Store) ([]*model.Document, error) {
	list, err := s.ListDocuments()
	if err != nil {
		return nil, err
	}
	docs := make([]*model.Document, 0, len(list))
	for _, info := range list {
		d, err := s.Document(info.Key)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// writeLibrary writes two lines a row: 一级/二级/三级, 指标值, 依据 and the
// source, then the 描述 indented. User text is made one safe line.
func writeLibrary(w io.Writer, rows []model.LibraryRow) {
	for _, r := range rows {
		uses := ""
		if r.Uses > 1 {
			uses = " ×" + strconv.Itoa(r.Uses)
		}
		fmt.Fprintf(w, "%s  %s  %s  [%s%s]\n", export.OneLine(r.L1+"/"+r.L2+"/"+r.L3), export.OneLine(r.Value), export.OneLine(r.Basis), export.OneLine(r.Source), uses)
		if d := strings.TrimSpace(r.Desc); d != "" {
			fmt.Fprintln(w, "    "+export.OneLine(d))
		}
	}
	fmt.Fprintf(w, "%d 条\n", len(rows))
}
