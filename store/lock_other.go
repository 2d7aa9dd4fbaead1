//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"io"
	"os"
	"time"
)

// lockFile cannot test bbolt's lock on this system; Restore then relies on
// the user having closed jixiao.
func lockFile(path string) (unlock func(), err error) { return func() {}, nil }

// lockWait leaves the lock to bbolt on this system (Open passes it the
// timeout); checkFile then reads a file another jixiao may hold.
func lockWait(f *os.File, timeout time.Duration) error { return nil }

// mapFile reads the first size bytes of f into memory.
func mapFile(f *os.File, size int) (data []byte, unmap func(), err error) {
	data = make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(f, 0, int64(size)), data); err != nil {
		return nil, nil, err
	}
	return data, func() {}, nil
}
