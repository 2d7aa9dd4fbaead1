package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "import", summary: "把 export 写出（或在 Excel/WPS 中编辑过）的 CSV 或 XLSX 读入文档", run: runImport})
}

const importSynopsis = `jixiao import FILE.csv|FILE.xlsx [--db PATH] [--doc 单位编码/年度] [--encoding utf-8|gbk]

.xlsx 是 jixiao export --format xlsx 写出的工作簿（表头和第一部分也会导入），
或只有一张表、含 CSV 的 20 列的工作簿。

读取 jixiao export 格式的 CSV（UTF-8，带不带 BOM 均可，或 GBK）。文档是文件
中的 单位编码/年度，除非 --doc 指定另一个；没有就新建。项目按项目编码配对：
已有的项目被替换（文件中的行成为它的指标），新的项目按文件顺序添加；其他
项目不动。要么全部导入，要么都不导入：只要有一行有误，就按行和列列出每个
问题，数据库不改动。FILE 为 - 时读 stdin。

按表格软件留下的样子读取：按表头名找列，顺序不限（其他列被忽略并列出）；
项目编码…绩效目标 都空白的行接续上面的项目，已填的一级/二级下面空白的
一级/二级取上一行的值；被 Excel 变成 4.08001E+11 的编码会被拒绝，并说明
怎样修正；丢了前导零的单位编码或项目编码会与已有的配对，并提示出来。
结果列出新建和更新的每个项目。`

func runImport(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "import", importSynopsis)
	docFlag := fs.String("doc", "", "导入到的文档 `单位编码/年度`（默认：文件中的）")
	encFlag := fs.String("encoding", "", "文件编码，`utf-8` 或 gbk（默认：自动识别）")
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
	var want *model.DocKey
	if *docFlag != "" {
		k, err := model.ParseDocKey(*docFlag)
		if err != nil {
			fmt.Fprintf(env.stderr, "jixiao import: --doc 应写成 单位编码/年度，如 315002/2020（不是 “%s”）\n", export.OneLine(*docFlag))
			return exitUsage
		}
		want = &k
	}

	name := files[0]
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(env.stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "jixiao import:", errtext.ReadReason(export.OneLine(name), err))
		return exitUsage
	}
	// Validate the whole file before the database is even opened.
	im, apply, err := export.ReadImportFile(data, enc)
	var cells export.Errors
	if errors.As(err, &cells) {
		fmt.Fprintf(env.stderr, "jixiao import: %s 有 %d 处错误，数据库没有改动：\n", name, len(cells))
		printCellErrors(env, cells)
		return exitDomain
	} else if err != nil {
		fmt.Fprintln(env.stderr, "jixiao import:", errtext.Reason(err))
		return exitUsage
	}
	if want == nil && im.Rows == 0 {
		fmt.Fprintf(env.stderr, "jixiao import: %s 只有表头，没有数据行；要建一个空文档，请用 --doc 指定 单位编码/年度\n", export.OneLine(name))
		return exitDomain
	}

	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	// The document and the application are the app's import's too
	// (export.ImportTarget, export.ApplyImport).
	docs, err := s.ListDocuments()
	if err != nil {
		return reportStoreError(env, err)
	}
	keys := make([]model.DocKey, len(docs))
	for i, d := range docs {
		keys[i] = d.Key
	}
	target, unitMatch, err := export.ImportTarget(im, want, keys)
	if err != nil {
		return reportStoreError(env, err)
	}
	doc, err := s.Document(target)
	switch {
	case errors.Is(err, store.ErrNotFound):
		doc = nil
	case err != nil:
		return reportStoreError(env, err)
	}
	doc, sum := export.ApplyImport(im, apply, doc, target, name, unitMatch)
	// One transaction for the whole document: all of the file or nothing.
	if err := s.PutDocument(doc); err != nil {
		return reportStoreError(env, err)
	}
	// Every project created is named: a duplicate cannot pass unseen.
	for _, l := range sum.Lines() {
		fmt.Fprintln(env.stdout, l)
	}
	return exitOK
}
