package store

import (
	"errors"
	"fmt"

	"jixiao/model"
)

// Errors returned by the store. Callers test them with errors.Is and build
// their own (Chinese) messages from them.
var (
	// ErrLocked means another process has the file open.
	ErrLocked = errors.New("database is in use by another process")
	// ErrNotFound means the document or project does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists means a document or project with that key or ID exists.
	ErrExists = errors.New("already exists")
	// ErrNotJixiao means the file is not a jixiao database (another bbolt
	// file, or not a bbolt file at all).
	ErrNotJixiao = errors.New("not a jixiao database")
	// ErrCorrupt means the file is a jixiao database but is damaged:
	// empty, truncated, or with pages or values that do not decode.
	ErrCorrupt = errors.New("database file is damaged")
	// ErrNewerSchema means the file was written by a newer jixiao.
	ErrNewerSchema = errors.New("database was written by a newer version of jixiao")
	// ErrInvalidKey means a document has no 单位编码, one longer than
	// MaxUnitCodeBytes, or an impossible year.
	ErrInvalidKey = errors.New("invalid document key")
)

// OpenError is the error of Open, and of any later read that finds the file
// damaged: it names the file and its newest backup ("" if there is none), so
// the user can be told what to restore. Unwrap gives the sentinel
// (ErrLocked, ErrCorrupt, …) or the I/O error.
type OpenError struct {
	Path   string // the database file
	Backup string // the newest backup, or ""
	Err    error
}

func (e *OpenError) Error() string {
	msg := fmt.Sprintf("%s: %v", e.Path, e.Err)
	if e.Backup != "" && (errors.Is(e.Err, ErrCorrupt) || errors.Is(e.Err, ErrNotJixiao) || errors.Is(e.Err, ErrNewerSchema)) {
		msg += " (newest backup: " + e.Backup + ")"
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *OpenError) Unwrap() error { return e.Err }

// DocError is an error about one document (not found, exists, a key that
// cannot be stored): it names the document. Unwrap gives the sentinel.
type DocError struct {
	Key model.DocKey
	Err error
}

func (e *DocError) Error() string {
	if errors.Is(e.Err, ErrInvalidKey) {
		// %.40q: a pasted 100,000-character code must not fill the screen.
		return fmt.Sprintf("document %.40q: %v", e.Key.String(), e.Err)
	}
	return fmt.Sprintf("document %s: %v", e.Key, e.Err)
}

// Unwrap returns the sentinel.
func (e *DocError) Unwrap() error { return e.Err }
