package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "export", summary: "把文档写成 Markdown 或 HTML（用于邮件）、CSV 或 XLSX（用于 Excel/WPS）", run: runExport})
}

const exportSynopsis = `jixiao export [--db PATH] [--doc 单位编码/年度] [--format md|csv|xlsx|html] [-o FILE|-] [--no-bom] [--encoding utf-8|gbk]

把文档写到当前文件夹的 <单位名称>-<年度>-绩效目标.md（或 .csv、.xlsx、.html），
或写到 FILE（已存在的文件须加 --force）；-o - 写到 stdout。数据库中只有
一个文档时可以不给 --doc。Markdown、HTML 和 XLSX 包含审核问题。CSV 是带
BOM 的 UTF-8，除非加 --no-bom 或 --encoding gbk；表格软件会当作公式的单元格
前面加一个 '（jixiao import 会去掉它）。XLSX 是按打印表格排版的工作簿
（汇总、第一部分、每个项目一张表、审核问题），jixiao import 可以读回；
HTML 是 Markdown 摘要做成的单个网页，可作邮件正文。`

func runExport(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "export", exportSynopsis)
	docFlag := fs.String("doc", "", "文档 `单位编码/年度`，如 315002/2020（默认：唯一的那个）")
	formatFlag := fs.String("format", "md", "`md`（Markdown）、csv、xlsx 或 html")
	out := fs.String("o", "", "输出文件 `FILE`，- 表示 stdout（默认 <单位名称>-<年度>-绩效目标.<format>）")
	noBOM := fs.Bool("no-bom", false, "CSV：写不带 BOM 的 UTF-8")
	encFlag := fs.String("encoding", "utf-8", "CSV：`utf-8` 或 gbk（用于旧版 Excel）")
	force := fs.Bool("force", false, "FILE 已存在时覆盖它")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao export: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	format, err := export.ParseFormat(*formatFlag)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao export: --format 只能是 md、csv、xlsx 或 html（不是 “%s”）\n", export.OneLine(*formatFlag))
		return exitUsage
	}
	enc, err := export.ParseEncoding(*encFlag)
	if err != nil || enc == export.EncodingAuto {
		fmt.Fprintf(env.stderr, "jixiao export: --encoding 只能是 utf-8 或 gbk（不是 %q）\n", *encFlag)
		return exitUsage
	}
	if format != export.FormatCSV && (*noBOM || enc != export.EncodingUTF8) {
		fmt.Fprintln(env.stderr, "jixiao export: --no-bom 和 --encoding 只用于 --format csv")
		return exitUsage
	}
	opts := export.Options{Format: format, CSV: export.CSVOptions{NoBOM: *noBOM, Encoding: enc}}

	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	key, code, ok := chooseDocument(env, "export", s, *docFlag)
	if !ok {
		return code
	}
	doc, err := s.Document(key)
	if err != nil {
		return reportStoreError(env, err)
	}
	findings := model.Check(doc)

	switch *out {
	case "-":
		err = export.Write(env.stdout, doc, findings, opts)
	case "":
		*out = export.DefaultFileName(doc, format)
		fallthrough
	default:
		if _, serr := os.Stat(*out); serr == nil && !*force {
			fmt.Fprintf(env.stderr, "jixiao export: 文件已存在：%s；没有写入（加 --force 覆盖它）\n", *out)
			return exitUsage
		}
		err = export.WriteFile(*out, doc, findings, opts)
	}
	var cells export.Errors
	switch {
	case errors.As(err, &cells):
		if format == export.FormatXLSX {
			fmt.Fprintf(env.stderr, "jixiao export: %s 有 Excel 单元格放不下的文字，没有写入。请修改这些单元格，或导出 csv：\n", export.OneLine(key.String()))
		} else {
			fmt.Fprintf(env.stderr, "jixiao export: %s 有 GBK 无法表示的文字，没有写入。请用 --encoding utf-8，或修改这些单元格：\n", export.OneLine(key.String()))
		}
		printCellErrors(env, cells)
		return exitDomain
	case err != nil && *out == "-":
		fmt.Fprintln(env.stderr, "jixiao export:", errtext.Reason(err))
		return exitUsage
	case err != nil:
		fmt.Fprintf(env.stderr, "jixiao export: 没有写入 %s：%s\n", *out, errtext.WriteReason(*out, err))
		return exitUsage
	}
	// Keep what was sent, so that `jixiao diff KEY@last KEY` shows what
	// changed since. The file is written either way: a copy that cannot be
	// kept is a warning.
	if err := s.SaveSnapshot(doc, time.Now(), string(format)+" "+*out); err != nil {
		fmt.Fprintf(env.stderr, "jixiao export: 警告：没有保留这次发送的副本：%s\n", errtext.Reason(err))
	}
	if *out != "-" {
		path, err := filepath.Abs(*out)
		if err != nil {
			path = *out
		}
		t := doc.Totals()
		errs, warns := model.Count(findings)
		fmt.Fprintf(env.stdout, "已写入 %s（%s，%d 个项目，%d 行指标；%d 个错误，%d 个警告）。\n", path, export.OneLine(key.String()), t.Projects, t.Indicators, errs, warns)
	}
	return exitOK
}

// chooseDocument resolves --doc, or picks the database's only document when
// it is absent. ok is false when the caller should return code.
func chooseDocument(env *cliEnv, cmd string, s *store.Store, docFlag string) (key model.DocKey, code int, ok bool) {
	if docFlag != "" {
		key, err := model.ParseDocKey(docFlag)
		if err != nil {
			fmt.Fprintf(env.stderr, "jixiao %s: --doc 应写成 单位编码/年度，如 315002/2020（不是 “%s”）\n", cmd, export.OneLine(docFlag))
			return key, exitUsage, false
		}
		return key, exitOK, true
	}
	docs, err := s.ListDocuments()
	if err != nil {
		return key, reportStoreError(env, err), false
	}
	switch len(docs) {
	case 0:
		fmt.Fprintf(env.stderr, "jixiao %s: %s 中还没有文档\n", cmd, s.Path())
		return key, exitDomain, false
	case 1:
		return docs[0].Key, exitOK, true
	}
	keys := make([]string, len(docs))
	for i, d := range docs {
		keys[i] = export.OneLine(d.Key.String())
	}
	fmt.Fprintf(env.stderr, "jixiao %s: %s 中有多个文档，请用 --doc 选一个（%s）\n", cmd, s.Path(), strings.Join(keys, "、"))
	return key, exitUsage, false
}

// maxListedErrors bounds the cell errors printed, so a wholly wrong file
// does not scroll the cause off the screen.
const maxListedErrors = 100

func printCellErrors(env *cliEnv, errs export.Errors) {
	for i, e := range errs {
		if i == maxListedErrors {
			fmt.Fprintf(env.stderr, "  ……还有 %d 处\n", len(errs)-i)
			break
		}
		fmt.Fprintln(env.stderr, " ", e.Error())
	}
}
