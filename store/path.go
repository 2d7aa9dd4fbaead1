package store

import (
	"errors"
	"path/filepath"
	"runtime"
)

// FileName is the database's file name in its default folder.
const FileName = "jixiao.db"

// DefaultPath returns where the database lives when no path is given:
// $JIXIAO_DB, else $XDG_DATA_HOME/jixiao/jixiao.db, else the OS user data
// folder (~/.local/share on Linux and BSD, ~/Library/Application Support on
// macOS, %LocalAppData% on Windows). getenv is os.Getenv outside tests.
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv("JIXIAO_DB"); p != "" {
		return p, nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "jixiao", FileName), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "jixiao", FileName), nil
		}
		return "", errors.New("cannot find the user data folder: %LocalAppData% is not set; use --db or JIXIAO_DB")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support", "jixiao", FileName), nil
		}
	default:
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".local", "share", "jixiao", FileName), nil
		}
	}
	return "", errors.New("cannot find the user data folder: $HOME is not set; use --db or JIXIAO_DB")
}
