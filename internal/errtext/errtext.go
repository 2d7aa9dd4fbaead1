// Package errtext says in Chinese what an error of the store, the file
// system or the disk means, for the app's status line and the commands'
// messages: the accountant reading them sees no English.
package errtext

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"jixiao/store"
)

// Reason says what went wrong, in Chinese; an error of no known kind is
// given as it is.
func Reason(err error) string {
	var de *store.DocError
	switch {
	case err == nil:
		return "未知错误"
	case errors.Is(err, store.ErrLocked):
		return "数据文件正被另一个 jixiao 使用"
	case errors.As(err, &de) && errors.Is(err, store.ErrNotFound):
		return "找不到文档 " + oneLine(de.Key.String())
	case errors.Is(err, store.ErrNotFound):
		return "找不到（可能已被删除）"
	case errors.As(err, &de) && errors.Is(err, store.ErrExists):
		return "文档 " + oneLine(de.Key.String()) + " 已经存在"
	case errors.Is(err, store.ErrExists):
		return "已经存在同一单位编码和年度的文本"
	case errors.Is(err, store.ErrInvalidKey):
		return "单位编码或年度无效"
	case errors.Is(err, store.ErrNotJixiao):
		return "不是 jixiao 的数据文件"
	case errors.Is(err, store.ErrNewerSchema):
		return "数据文件由更新版本的 jixiao 写入，请升级 jixiao"
	case errors.Is(err, store.ErrCorrupt):
		return "数据文件已损坏"
	}
	if s := osReason(err); s != "" {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return s + "：" + shownPath(pe.Path)
		}
		return s
	}
	return err.Error()
}

// osReason names the kinds of file system and disk errors, or "".
func osReason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "磁盘已满"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段不是文件夹"
	case errors.Is(err, fs.ErrNotExist):
		return "不存在"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长"
	case errors.Is(err, syscall.EIO):
		return "磁盘读写出错"
	}
	return ""
}

// WriteReason says why the file at path could not be written: the folder
// is missing or not writable, the path is a folder, or Reason.
func WriteReason(path string, err error) string {
	dir := filepath.Dir(path)
	switch {
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，请在后面写上文件名：" + path
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在：" + dir
	case errors.Is(err, fs.ErrPermission):
		return "没有写入这个文件夹的权限：" + dir
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "磁盘已满，没有写入：" + path
	}
	return Reason(err)
}

// ReadReason says why the file at path could not be read.
func ReadReason(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在：" + path
	case errors.Is(err, fs.ErrPermission):
		return "没有读取这个文件的权限：" + path
	case errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件：" + path
	}
	return Reason(err)
}

// shownPath is the path to name in a message: a write's temporary file
// (.name.123.tmp, which the user never asked for) is named by its folder.
func shownPath(p string) string {
	if b := filepath.Base(p); strings.HasPrefix(b, ".") && strings.HasSuffix(b, ".tmp") {
		return filepath.Dir(p)
	}
	return p
}

// oneLine keeps a key with a pasted line break on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
