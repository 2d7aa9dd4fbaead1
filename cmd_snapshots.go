package main

import (
	"fmt"

	"jixiao/export"
)

func init() {
	register(command{name: "snapshots", summary: "列出文档每次导出时保留的副本（供 jixiao diff 使用）", run: runSnapshots})
}

const snapshotsSynopsis = `jixiao snapshots [--db PATH] [--doc 单位编码/年度]

列出文档每次导出（Markdown 或 CSV，命令行或应用中）时保留的副本，旧的在前：
给 jixiao diff 用的名字、项目数和那次导出。数据库中只有一个文档时可以不给 --doc。`

func runSnapshots(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "snapshots", snapshotsSynopsis)
	docFlag := fs.String("doc", "", "文档 `单位编码/年度`（默认：唯一的那个）")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao snapshots: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	key, code, ok := chooseDocument(env, "snapshots", s, *docFlag)
	if !ok {
		return code
	}
	list, err := s.Snapshots(key)
	if err != nil {
		return reportStoreError(env, err)
	}
	if len(list) == 0 {
		fmt.Fprintf(env.stdout, "%s 还没有保留的副本；每次导出都会保留一份。\n", export.OneLine(key.String()))
		return exitOK
	}
	for _, sn := range list {
		fmt.Fprintf(env.stdout, "%s  %d 项  %s\n", export.OneLine(sn.Name()), sn.Projects, export.OneLine(sn.Note))
	}
	return exitOK
}
