package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// KeepBackups is how many backups are kept next to the file; older ones
// are removed after each new backup.
const KeepBackups = 5

const stampLayout = "20060102-150405"

// backupSuffix matches what follows "<db>.bak-": a local timestamp and, when
// two backups fall in the same second, a counter.
var backupSuffix = regexp.MustCompile(`^(\d{8}-\d{6})(?:-(\d+))?$`)

// backupInBackground writes the backup of the state at open, from the read
// transaction Open began, without delaying the caller; Close waits for it.
func (s *Store) backupInBackground(tx *bolt.Tx) {
	defer close(s.backupDone)
	err := s.guard(func() error {
		defer tx.Rollback()
		name, err := s.writeBackup(tx)
		s.backupPath = name
		return err
	})
	s.backupErr = err
}

// backup writes a backup of the current state and returns its path.
func (s *Store) backup() (name string, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		name, err = s.writeBackup(tx)
		return err
	})
	return name, err
}

// Backup returns the backup of the file as it was when Open opened it,
// waiting for it to be written. A command that writes calls it before its
// first write, so that no change is made without a backup of the state
// before it. If Open made none (Options.NoBackup), each call writes one of
// the current state.
func (s *Store) Backup() (string, error) {
	<-s.backupDone
	if s.backupPath != "" || s.backupErr != nil {
		return s.backupPath, s.backupErr
	}
	return s.backup()
}

// BackupNow writes a backup of the state as it is now and returns its
// path: for a large change made long after Open (a document copied forward
// in the app), where the open's backup would miss the edits since.
func (s *Store) BackupNow() (string, error) {
	return s.backup()
}

// writeBackup writes a consistent copy of the file (the read transaction's
// view) as <db>.bak-YYYYMMDD-HHMMSS[-n] and keeps the newest KeepBackups.
// A file with a damaged value is not backed up: rotating it in would push a
// good backup out. It returns the backup's path.
func (s *Store) writeBackup(tx *bolt.Tx) (string, error) {
	if err := validValues(tx); err != nil {
		return "", fmt.Errorf("backup of %s skipped: %w", s.path, err)
	}
	dir, base := filepath.Split(s.path)
	tmp, err := os.CreateTemp(dir, base+".baktmp-*")
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	_, err = tx.WriteTo(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("backup of %s: %w", s.path, err)
	}
	// A state the newest backup already holds (list, check or export
	// opened the file and changed nothing) is not kept twice: five such
	// opens would otherwise rotate out every backup of an earlier state.
	if newest := newestBackup(s.path); newest != "" && sameFile(tmp.Name(), newest) {
		return newest, nil
	}
	name, err := nextBackupName(s.path)
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	syncDir(dir)
	return name, pruneBackups(s.path)
}

// removeStaleBackupTemps removes the temporary files of backups that a
// killed jixiao left half-written. Only the holder of the database's lock
// writes backups, so once Open has the lock none of them is in use.
func removeStaleBackupTemps(dbPath string) {
	stale, _ := filepath.Glob(globEscape(dbPath) + ".baktmp-*")
	for _, f := range stale {
		_ = os.Remove(f)
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nextBackupName returns a name for a new backup that sorts newest: the
// current second, with a counter above any backup of the same second (a
// pruned name is never reused, as it would sort as the oldest). Only the
// holder of the database's lock makes backups, so nobody else can take the
// name before the rename.
func nextBackupName(dbPath string) (string, error) {
	stamp := time.Now().Format(stampLayout)
	list, err := ListBackups(dbPath)
	if err != nil {
		return "", err
	}
	n := 0
	for _, b := range list {
		m := backupSuffix.FindStringSubmatch(strings.TrimPrefix(filepath.Base(b), filepath.Base(dbPath)+".bak-"))
		if m == nil || m[1] != stamp {
			continue
		}
		k := 1
		if m[2] != "" {
			k, _ = strconv.Atoi(m[2])
		}
		n = max(n, k)
	}
	if n == 0 {
		return dbPath + ".bak-" + stamp, nil
	}
	return fmt.Sprintf("%s.bak-%s-%d", dbPath, stamp, n+1), nil
}

// validValues checks every stored value's checksum. It decodes nothing, so
// it is cheap enough to run on every backup. It reads schema 1's buckets
// too, for the backup taken before a migration.
func validValues(tx *bolt.Tx) error {
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			if _, ok := sealedBody(v); ok {
				return nil // the common case: no name built for the error
			}
			_, err := unseal(v, fmt.Sprintf("value %q", k))
			return err
		})
	}
	for _, name := range append([][]byte{bucketDocsV1, bucketSnapshots}, dataBuckets...) {
		if b := tx.Bucket(name); b != nil {
			if err := walk(b); err != nil {
				return err
			}
		}
	}
	return nil
}

func pruneBackups(dbPath string) error {
	list, err := ListBackups(dbPath)
	if err != nil || len(list) <= KeepBackups {
		return err
	}
	var errs []error
	for _, old := range list[KeepBackups:] {
		if err := os.Remove(old); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ListBackups returns the backups of the database at dbPath, newest first.
// It works without opening the database, so that a damaged or locked file
// can still be restored.
func ListBackups(dbPath string) ([]string, error) {
	dir, base := filepath.Split(dbPath)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	type backup struct {
		path  string
		stamp string
		n     int
	}
	var found []backup
	prefix := base + ".bak-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		m := backupSuffix.FindStringSubmatch(rest)
		if m == nil {
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		found = append(found, backup{filepath.Join(filepath.Dir(dbPath), e.Name()), m[1], n})
	}
	slices.SortFunc(found, func(a, b backup) int {
		return cmp.Or(cmp.Compare(b.stamp, a.stamp), cmp.Compare(b.n, a.n))
	})
	paths := make([]string, len(found))
	for i, b := range found {
		paths[i] = b.path
	}
	return paths, nil
}

// sameFile reports whether the files at a and b hold the same bytes; an
// error reading either is "not the same".
func sameFile(a, b string) bool {
	fa, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	fb, err := os.ReadFile(b)
	return err == nil && bytes.Equal(fa, fb)
}

// newestBackup returns the newest backup of dbPath, or "".
func newestBackup(dbPath string) string {
	list, err := ListBackups(dbPath)
	if err != nil || len(list) == 0 {
		return ""
	}
	return list[0]
}

// Backups returns the store's backups, newest first, after waiting for the
// backup of this open to be written.
func (s *Store) Backups() ([]string, error) {
	<-s.backupDone
	return ListBackups(s.path)
}

// Restore replaces the database at dbPath with a copy of backupPath. The
// database must not be open in any process (ErrLocked otherwise); the file
// it replaces is kept as <db>.replaced-YYYYMMDD-HHMMSS. A backup that is not
// a readable jixiao database is refused and nothing changes.
func Restore(dbPath, backupPath string) error {
	_, err := RestoreFrom(dbPath, backupPath)
	return err
}

// RestoreFrom is Restore, and also returns where the replaced file was kept
// ("" if there was no file at dbPath).
func RestoreFrom(dbPath, backupPath string) (replaced string, err error) {
	tmp := dbPath + ".restoring"
	if err := copyFile(tmp, backupPath); err != nil {
		return "", fmt.Errorf("restore %s: %w", backupPath, err)
	}
	defer os.Remove(tmp) // no-op once renamed
	if err := verifyFile(tmp); err != nil {
		return "", fmt.Errorf("restore %s: %w", backupPath, err)
	}

	unlock, err := lockFile(dbPath)
	if err != nil {
		return "", &OpenError{Path: dbPath, Err: err}
	}
	defer unlock()
	if _, err := os.Lstat(dbPath); err == nil {
		replaced = dbPath + ".replaced-" + time.Now().Format(stampLayout)
		for n := 2; ; n++ {
			if _, err := os.Lstat(replaced); errors.Is(err, os.ErrNotExist) {
				break
			}
			replaced = fmt.Sprintf("%s.replaced-%s-%d", dbPath, time.Now().Format(stampLayout), n)
		}
		if err := os.Rename(dbPath, replaced); err != nil {
			return "", fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return replaced, fmt.Errorf("restore: %w (the old file is at %s)", err, replaced)
	}
	syncDir(filepath.Dir(dbPath))
	return replaced, nil
}

// verifyFile opens a copy of a backup the way Open does, without making a
// backup of it.
func verifyFile(path string) error {
	if fi, err := os.Stat(path); err != nil {
		return err
	} else if fi.Size() == 0 {
		return fmt.Errorf("%w: the file is empty", ErrCorrupt)
	}
	db, _, err := openBolt(path, DefaultLockTimeout)
	if err != nil {
		return err
	}
	s := &Store{db: db, path: path}
	defer db.Close()
	v, err := s.schemaVersion()
	switch {
	case err != nil:
		return err
	case v > schemaVersion:
		return fmt.Errorf("%w: schema %d", ErrNewerSchema, v)
	}
	return s.view(validValues)
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = out.ReadFrom(in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable. Some systems cannot sync a
// directory; the rename is then as durable as the system makes it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
