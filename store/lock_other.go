//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

// lockFile cannot test bbolt's lock on this system; Restore then relies on
// the user having closed jixiao.
func lockFile(path string) (unlock func(), err error) { return func() {}, nil }
