package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultLockTimeout is how long Open waits for another process to let go
// of the file before it gives up with ErrLocked.
const DefaultLockTimeout = 2 * time.Second

// Options tune Open. A nil *Options means the defaults.
type Options struct {
	// LockTimeout is how long to wait for the file lock; 0 means
	// DefaultLockTimeout. Open never waits longer.
	LockTimeout time.Duration
	// NoBackup skips the backup made on each open. For tests and
	// benchmarks only: users always get backups.
	NoBackup bool
}

// Store is an open database file. Its methods are safe for concurrent use;
// each edit is one committed (fsynced) write transaction.
type Store struct {
	db   *bolt.DB
	path string

	backupDone chan struct{} // closed when the open's backup has finished
	backupErr  error         // set before backupDone is closed
	backupPath string        // set before backupDone is closed

	recovery *Recovery // what Open recovered from, or nil

	closeOnce sync.Once
	closeErr  error
}

// Open opens (creating it and its folders if needed) the database at path,
// locks it against other processes, checks it, migrates an older schema and
// starts a backup in the background.
//
// A file whose newest commit was cut off (its meta page fails its checksum,
// as a power cut during the commit's last write leaves it) opens as it was
// one commit earlier, as bbolt designed, once the tree under the other meta
// page passes the check; the file as found is kept beside it first and
// Recovery says where. A damaged older meta page opens silently: nothing
// is lost. Either way Open then commits once, so that both meta pages are
// valid again.
//
// Errors are *OpenError naming the file and its newest backup: ErrLocked if
// another process holds the file for longer than LockTimeout, ErrNotJixiao
// or ErrCorrupt for a foreign or damaged file, ErrNewerSchema for a file of
// a newer jixiao. A damaged file never makes Open panic or hang.
func Open(path string, opts *Options) (*Store, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	fail := func(err error) (*Store, error) {
		var oe *OpenError
		if errors.As(err, &oe) {
			return nil, oe
		}
		return nil, &OpenError{Path: path, Backup: newestBackup(path), Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fail(err)
	}
	// bbolt silently turns an empty file into a new database; for us an
	// empty file at the database's path is a database that lost its data.
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		return fail(fmt.Errorf("%w: the file is empty", ErrCorrupt))
	}

	db, damage, err := openBolt(path, o.LockTimeout)
	if err != nil {
		return fail(err)
	}
	removeStaleBackupTemps(path)
	s := &Store{db: db, path: path, backupDone: make(chan struct{})}
	if err := s.recoverMeta(damage); err != nil {
		_ = db.Close()
		return fail(err)
	}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return fail(err)
	}
	if o.NoBackup {
		close(s.backupDone)
		return s, nil
	}
	// The read transaction begins here so that the backup is of the state
	// at open, whatever edits the caller makes while it is written.
	tx, err := db.Begin(false)
	if err != nil {
		_ = db.Close()
		return fail(err)
	}
	go s.backupInBackground(tx)
	return s, nil
}

// openBolt opens, locks and checks (checkFile) the bbolt file, then opens
// it with bbolt, mapping bbolt's errors and panics on a damaged file to
// ours. bbolt is handed the already locked and checked descriptor, so it
// reads nothing checkFile has not checked; the descriptor is closed here on
// every failure (a leaked one would keep the lock and make every later open
// fail with ErrLocked).
func openBolt(path string, timeout time.Duration) (db *bolt.DB, damage metaDamage, err error) {
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, 0, err // I/O: permissions, a folder in the way, …
	}
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
		if err != nil {
			_ = file.Close()
		}
	}()
	if err := lockWait(file, timeout); err != nil {
		return nil, 0, err
	}
	if damage, err = checkFile(file); err != nil {
		return nil, 0, err
	}
	openFile := func(string, int, os.FileMode) (*os.File, error) { return file, nil }
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, OpenFile: openFile})
	var pathErr *fs.PathError
	switch {
	case err == nil:
		return db, damage, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, 0, ErrLocked
	case errors.As(err, &pathErr):
		return nil, 0, err
	}
	return nil, 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
}

// prepare checks the file's meta bucket, and initialises or migrates it
// (openBolt checked its pages).
func (s *Store) prepare() error {
	version, err := s.schemaVersion()
	if err != nil {
		return err
	}
	switch {
	case version == schemaNone:
		return s.update(initSchema)
	case version > schemaVersion:
		return fmt.Errorf("%w: schema %d, this jixiao reads up to %d", ErrNewerSchema, version, schemaVersion)
	case version < schemaVersion:
		// Keep the unmigrated file: a migration that turns out wrong must
		// not cost the user their data.
		if _, err := s.backup(); err != nil {
			return fmt.Errorf("backup before migrating schema %d: %w", version, err)
		}
		return s.migrate(version)
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close waits for the open's backup to finish and closes the file. It
// returns the backup's error, if any, with the close error.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		<-s.backupDone
		s.closeErr = errors.Join(s.backupErr, s.db.Close())
	})
	return s.closeErr
}

// view runs fn in a read transaction, and update in a write transaction.
// Both go through guard.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.guard(func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.guard(func() error { return s.db.Update(fn) })
}

// guard turns a panic from bbolt reading a damaged page into ErrCorrupt,
// and names the file and its newest backup in ErrCorrupt and ErrNotJixiao.
// A fault on the memory-mapped file (a page past the end of a truncated
// file) is made a panic first, so that it can be recovered at all.
func (s *Store) guard(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
		if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNotJixiao) {
			var oe *OpenError
			if !errors.As(err, &oe) {
				err = &OpenError{Path: s.path, Backup: newestBackup(s.path), Err: err}
			}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return fn()
}
