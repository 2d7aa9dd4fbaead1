package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "import", summary: "read a CSV or XLSX written by export (or edited in Excel/WPS) into a document", run: runImport})
}

const importSynopsis = `jixiao import FILE.csv|FILE.xlsx [--db PATH] [--doc 单位编码/年度] [--encoding utf-8|gbk]

An .xlsx is a workbook jixiao export --format xlsx wrote (its header and
第一部分 are imported too), or one sheet with the CSV's 20 columns.

Reads a CSV in the layout jixiao export writes (UTF-8 with or without BOM,
or GBK). The document is the file's 单位编码/年度 unless --doc names
another; it is created if needed. Projects are matched by 项目编码: an
existing one is replaced (its rows become its indicators), a new one is
added, in file order; other projects are left alone. All or nothing: if
any row is wrong, every problem is listed by row and column and the
database is not changed. FILE - reads stdin.

As spreadsheets leave it: columns are found by header name, in any order
(other columns are ignored and listed); a row whose 项目编码…绩效目标 are
blank continues the project above, and a blank 一级/二级 under a filled
one takes the row above's; a code Excel turned into 4.08001E+11 is refused
with how to fix it; a 单位编码 or 项目编码 that lost its leading zeros is
matched to the existing one and reported. The summary names every project
created and updated.`

func runImport(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "import", importSynopsis)
	docFlag := fs.String("doc", "", "document `单位编码/年度` to import into (default: the file's)")
	encFlag := fs.String("encoding", "", "file encoding, `utf-8` or gbk (default: detect)")
	// The file usually comes first (jixiao import FILE --doc …), and the
	// flag package stops at the first argument, so parse around it.
	var files []string
	for rest := args; ; {
		if code, ok := parseFlags(fs, rest); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintln(env.stderr, "jixiao import: 请给出一个 CSV 文件（只能一个）")
		fs.Usage()
		return exitUsage
	}
	enc, err := export.ParseEncoding(*encFlag)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao import: --encoding 只能是 utf-8 或 gbk（不是 “%s”）\n", export.OneLine(*encFlag))
		return exitUsage
	}
	var target model.DocKey
	if *docFlag != "" {
		if target, err = model.ParseDocKey(*docFlag); err != nil {
			fmt.Fprintf(env.stderr, "jixiao import: --doc 应写成 单位编码/年度，如 315002/2020（不是 “%s”）\n", export.OneLine(*docFlag))
			return exitUsage
		}
	}

	name := files[0]
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(env.stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao import: 读不了 %s：%v\n", export.OneLine(name), err)
		return exitUsage
	}
	// Validate the whole file before the database is even opened.
	im, apply, err := readImportFile(data, enc)
	var cells export.Errors
	if errors.As(err, &cells) {
		fmt.Fprintf(env.stderr, "jixiao import: %s 有 %d 处错误，数据库没有改动：\n", name, len(cells))
		printCellErrors(env, cells)
		return exitDomain
	} else if err != nil {
		fmt.Fprintln(env.stderr, "jixiao import:", err)
		return exitUsage
	}
	if *docFlag == "" {
		if im.Rows == 0 {
			fmt.Fprintf(env.stderr, "jixiao import: %s 只有表头，没有数据行；要建一个空文档，请用 --doc 指定 单位编码/年度\n", export.OneLine(name))
			return exitDomain
		}
		target = im.Key
	}

	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	doc, err := s.Document(target)
	unitMatch := ""
	if errors.Is(err, store.ErrNotFound) && *docFlag == "" {
		// Excel drops a 单位编码's leading zeros: 015001 comes back 15001.
		docs, lerr := s.ListDocuments()
		if lerr != nil {
			return reportStoreError(env, lerr)
		}
		keys := make([]model.DocKey, len(docs))
		for i, d := range docs {
			keys[i] = d.Key
		}
		if k, ok := export.MatchUnitCode(target, keys); ok {
			unitMatch, target = target.UnitCode, k
			doc, err = s.Document(target)
		}
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		doc = export.NewDocument(target, im.UnitName)
	case err != nil:
		return reportStoreError(env, err)
	}
	applied := apply(doc)
	// One transaction for the whole document: all of the file or nothing.
	if err := s.PutDocument(doc); err != nil {
		return reportStoreError(env, err)
	}
	// Every project created is named: a duplicate cannot pass unseen.
	sum := export.Summary{File: name, Target: target, UnitName: doc.UnitName, Import: im, Applied: applied, UnitMatch: unitMatch}
	for _, l := range sum.Lines() {
		fmt.Fprintln(env.stdout, l)
	}
	return exitOK
}
