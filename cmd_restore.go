package main

import (
	"errors"
	"fmt"

	"jixiao/internal/errtext"
	"jixiao/store"
)

func init() {
	register(command{name: "restore", summary: "列出备份，或用一个备份替换数据文件", run: runRestore})
}

// runRestore restores the newest backup (or --from), keeping the replaced
// file aside. It never opens the database, so it works on a damaged file;
// it refuses while another jixiao has the file open. There is no prompt
// (it must work without a terminal): --list only lists.
func runRestore(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "restore", "jixiao restore [--db PATH] [--list] [--from BACKUP]\n\n不给 --from 时恢复最新的备份。被替换的文件保留为\n<db>.replaced-<时间>。每次打开数据文件时都会做一份备份。")
	from := fs.String("from", "", "要恢复的备份文件（默认：最新的）")
	listOnly := fs.Bool("list", false, "只列出备份，新的在前")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao restore: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	path, err := dbPath(env, *db)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao: 找不到存放数据的文件夹，请用 --db 或 JIXIAO_DB 指定数据文件（%v）\n", err)
		return exitUsage
	}
	backups, err := store.ListBackups(path)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao: 读不了 %s 的备份：%s\n", path, errtext.Reason(err))
		return exitUsage
	}
	if *listOnly {
		if len(backups) == 0 {
			fmt.Fprintf(env.stdout, "%s 没有备份。\n", path)
			return exitOK
		}
		fmt.Fprintf(env.stdout, "%s 的备份（新的在前）：\n", path)
		for _, b := range backups {
			fmt.Fprintln(env.stdout, " ", b)
		}
		return exitOK
	}
	src := *from
	if src == "" {
		if len(backups) == 0 {
			fmt.Fprintf(env.stderr, "jixiao: %s 没有可恢复的备份\n", path)
			return exitDomain
		}
		src = backups[0]
	}
	replaced, err := store.RestoreFrom(path, src)
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprint(env.stderr, lockedMessage(path))
		return exitUsage
	case errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrNotJixiao), errors.Is(err, store.ErrNewerSchema):
		fmt.Fprintf(env.stderr, "jixiao: %s 无法恢复：%s；%s 没有改动\n", src, errtext.Reason(err), path)
		return exitDomain
	case err != nil:
		fmt.Fprintf(env.stderr, "jixiao: 没有恢复：%s；%s 没有改动\n", errtext.Reason(err), path)
		return exitUsage
	}
	fmt.Fprintf(env.stdout, "已用 %s 恢复 %s。\n", src, path)
	if replaced != "" {
		fmt.Fprintf(env.stdout, "被替换的文件保留为 %s。\n", replaced)
	}
	return exitOK
}
