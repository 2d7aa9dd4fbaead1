package errtext

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"jixiao/model"
	"jixiao/store"
)

func TestReasonIsChinese(t *testing.T) {
	k := model.DocKey{UnitCode: "315002", Year: 2021}
	dir := t.TempDir()
	_, missing := os.ReadFile(filepath.Join(dir, "无.csv"))
	for _, c := range []struct {
		err  error
		want string
	}{
		{&store.DocError{Key: k, Err: store.ErrNotFound}, "找不到文档 315002/2021"},
		{fmt.Errorf("save: %w", &store.DocError{Key: k, Err: store.ErrExists}), "文档 315002/2021 已经存在"},
		{fmt.Errorf("project p of %s: %w", k, store.ErrNotFound), "找不到（可能已被删除）"},
		{&store.OpenError{Path: "x.db", Err: fmt.Errorf("%w: page 3", store.ErrCorrupt)}, "数据文件已损坏"},
		{missing, "不存在：" + filepath.Join(dir, "无.csv")},
		// A write's temporary file is named by its folder.
		{&fs.PathError{Op: "open", Path: filepath.Join(dir, ".a.md.123.tmp"), Err: syscall.EACCES}, "没有权限：" + dir},
		{fmt.Errorf("export: %w", syscall.ENOSPC), "磁盘已满"},
		{errors.New("其他原因"), "其他原因"},
		{nil, "未知错误"},
	} {
		if got := Reason(c.err); got != c.want {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

func TestWriteAndReadReasons(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "没有", "a.md")
	_, err := os.Create(out)
	if got, want := WriteReason(out, err), "文件夹不存在："+filepath.Dir(out); got != want {
		t.Errorf("WriteReason = %q, want %q", got, want)
	}
	_, err = os.ReadFile(out)
	if got, want := ReadReason(out, err), "文件不存在："+out; got != want {
		t.Errorf("ReadReason = %q, want %q", got, want)
	}
	_, err = os.ReadFile(dir)
	if got, want := ReadReason(dir, err), "这是一个文件夹，不是文件："+dir; got != want {
		t.Errorf("ReadReason(folder) = %q, want %q", got, want)
	}
}
