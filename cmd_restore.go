package main

import (
	"errors"
	"fmt"

	"jixiao/store"
)

func init() {
	register(command{name: "restore", summary: "list the backups, or put one back in place of the database", run: runRestore})
}

// runRestore restores the newest backup (or --from), keeping the replaced
// file aside. It never opens the database, so it works on a damaged file;
// it refuses while another jixiao has the file open. There is no prompt
// (it must work without a terminal): --list only lists.
func runRestore(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "restore", "jixiao restore [--db PATH] [--list] [--from BACKUP]\n\nWithout --from, restores the newest backup. The replaced file is kept\nas <db>.replaced-<time>. Backups are made each time the database is opened.")
	from := fs.String("from", "", "backup file to restore (default: the newest)")
	listOnly := fs.Bool("list", false, "only list the backups, newest first")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao restore: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	path, err := dbPath(env, *db)
	if err != nil {
		fmt.Fprintln(env.stderr, "jixiao:", err)
		return exitUsage
	}
	backups, err := store.ListBackups(path)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao: backups of %s: %v\n", path, err)
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
			fmt.Fprintf(env.stderr, "jixiao: no backups of %s to restore\n", path)
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
		fmt.Fprintf(env.stderr, "jixiao: %s cannot be restored: %v; %s is unchanged\n", src, errors.Unwrap(err), path)
		return exitDomain
	case err != nil:
		fmt.Fprintf(env.stderr, "jixiao: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(env.stdout, "已用 %s 恢复 %s。\n", src, path)
	if replaced != "" {
		fmt.Fprintf(env.stdout, "被替换的文件保留为 %s。\n", replaced)
	}
	return exitOK
}
