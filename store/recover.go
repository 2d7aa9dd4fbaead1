package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Recovery is what Open did on finding that the file's newest commit had
// been cut off: the meta page it was writing fails its checksum (a power
// cut during that write), so the file opened as it was one commit earlier.
// That commit's edit never reported success to the user. The file as found
// was kept beside it first.
type Recovery struct {
	// DamagedCopy is the file as Open found it, kept beside it as
	// <name>-damaged-YYYYMMDD-HHMMSS[-n].db.
	DamagedCopy string
}

// Recovery returns what Open recovered from, or nil if the file's newest
// commit was whole (a damaged older meta page loses nothing and is not
// reported). The caller tells the user in its own words.
func (s *Store) Recovery() *Recovery { return s.recovery }

// recoverMeta acts on what checkFile found about the meta pages, before
// anything else writes: for a damaged newer meta page it keeps the file as
// found; for either damaged page it commits once, which rewrites the
// damaged page (bbolt writes meta pages in turn, and the next one is the
// damaged one), so the file has two valid meta pages again and the next
// open neither copies nor reports it again.
func (s *Store) recoverMeta(damage metaDamage) error {
	if damage == metasIntact {
		return nil
	}
	if damage == newerMetaDamaged {
		copyPath, err := keepDamagedCopy(s.path)
		if err != nil {
			return fmt.Errorf("keep a copy of the damaged file: %w", err)
		}
		s.recovery = &Recovery{DamagedCopy: copyPath}
	}
	return s.update(func(*bolt.Tx) error { return nil })
}

// keepDamagedCopy copies the file at path to a new file beside it,
// <name>-damaged-YYYYMMDD-HHMMSS[-n].db, synced, and returns its path.
func keepDamagedCopy(path string) (string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	stem := strings.TrimSuffix(path, filepath.Ext(path)) + "-damaged-" + time.Now().Format(stampLayout)
	name := stem + ".db"
	var out *os.File
	for n := 2; ; n++ {
		out, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, os.ErrExist) {
			break
		}
		name = fmt.Sprintf("%s-%d.db", stem, n)
	}
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(name)
		return "", err
	}
	syncDir(filepath.Dir(path))
	return name, nil
}
