package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"jixiao/internal/errtext"
	"jixiao/store"
)

// cliLockTimeout is shorter than the store's default so that a command run
// while the app has the file open fails within 2 s, process start included,
// even on a loaded machine. Waiting longer would not help: the other jixiao
// is a person's open session, not a short transaction.
const cliLockTimeout = time.Second

// dbPath resolves the database path: --db, else $JIXIAO_DB, else the user
// data folder (store.DefaultPath).
func dbPath(env *cliEnv, dbFlag string) (string, error) {
	if dbFlag != "" {
		return dbFlag, nil
	}
	return store.DefaultPath(env.getenv)
}

// openStore opens the database every command and the TUI use. On failure
// it prints a plain message naming the file (and what to do) to stderr and
// returns a nil store and exitUsage.
func openStore(env *cliEnv, dbFlag string) (*store.Store, int) {
	path, err := dbPath(env, dbFlag)
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao: 找不到存放数据的文件夹，请用 --db 或 JIXIAO_DB 指定数据文件（%v）\n", err)
		return nil, exitUsage
	}
	s, err := store.Open(path, &store.Options{LockTimeout: cliLockTimeout})
	if err != nil {
		return nil, reportStoreError(env, err)
	}
	if r := s.Recovery(); r != nil {
		fmt.Fprintln(env.stderr, "jixiao:", recoveryNotice(r))
	}
	return s, exitOK
}

// recoveryNotice tells the user, in the words of the app's status line,
// that the file's newest commit had been cut off (store.Recovery): the edit
// being saved when the power went never showed 已保存 and is gone, the rest
// is there. "May": a damaged meta page that only looks newer is reported
// too.
func recoveryNotice(r *store.Recovery) string {
	return "上次异常中断（如断电）时正在保存的最后一处修改可能没有保存，其余内容完好；中断时的文件已另存为 " + r.DamagedCopy
}

// recoveryStatus is recoveryNotice for the app's status line, short enough
// for 80 columns: the copy is named without its folder (it lies beside the
// database). "" if r is nil.
func recoveryStatus(r *store.Recovery) string {
	if r == nil {
		return ""
	}
	return "上次中断前最后一处修改可能未保存；原文件另存为 " + filepath.Base(r.DamagedCopy)
}

// reportStoreError prints a store error in plain words and returns the exit
// code: exitDomain for a missing or duplicate document, exitUsage for
// everything about the file itself.
func reportStoreError(env *cliEnv, err error) int {
	var oe *store.OpenError
	path := "数据文件"
	if errors.As(err, &oe) {
		path = oe.Path
	}
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprint(env.stderr, lockedMessage(path))
	case errors.Is(err, store.ErrNotJixiao), errors.Is(err, store.ErrCorrupt), errors.Is(err, store.ErrNewerSchema):
		what := "已损坏"
		switch {
		case errors.Is(err, store.ErrNotJixiao):
			what = "不是 jixiao 的数据文件"
		case errors.Is(err, store.ErrNewerSchema):
			what = "由更新版本的 jixiao 写入；请升级 jixiao 后再打开"
		}
		fmt.Fprintf(env.stderr, "jixiao: %s %s%s\n", path, what, damageDetail(err))
		if oe != nil && oe.Backup != "" && !errors.Is(err, store.ErrNewerSchema) {
			fmt.Fprintf(env.stderr, "  最新的备份：%s\n  恢复它：jixiao restore --db %s\n", oe.Backup, path)
		}
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintln(env.stderr, "jixiao:", errtext.Reason(err)+"（jixiao list 列出已有的文档）")
		return exitDomain
	case errors.Is(err, store.ErrExists), errors.Is(err, store.ErrInvalidKey):
		fmt.Fprintln(env.stderr, "jixiao:", errtext.Reason(err))
		return exitDomain
	default:
		fmt.Fprintln(env.stderr, "jixiao:", errtext.Reason(err))
	}
	return exitUsage
}

// damageDetail is what the store found wrong with a damaged file, for
// whoever helps the user ("（详情：the file is empty）"): a page-level
// diagnosis the accountant need not read, so it is kept as the store says
// it. A file that is not jixiao's, or is newer, needs none.
func damageDetail(err error) string {
	if !errors.Is(err, store.ErrCorrupt) {
		return ""
	}
	d := errors.Unwrap(err)
	if d == nil {
		return ""
	}
	return "（详情：" + strings.TrimPrefix(d.Error(), store.ErrCorrupt.Error()+": ") + "）"
}

// lockedMessage is what a second jixiao (a second jixiao.exe started by a
// double click, or a command while the app is open) says about the file the
// first one holds: in Chinese for the accountant, with the English words
// after it for a search engine or a developer.
func lockedMessage(path string) string {
	return "jixiao: " + path + " 正被另一个 jixiao 打开；请先关闭那个 jixiao 窗口，再试一次（is in use by another jixiao; close it and try again）\n"
}

// closeStore closes s, reporting a failed backup or close as a warning: the
// command's work is already committed.
func closeStore(env *cliEnv, s *store.Store) {
	if err := s.Close(); err != nil {
		fmt.Fprintf(env.stderr, "jixiao: 警告：%s：%s\n", s.Path(), errtext.Reason(err))
	}
}
