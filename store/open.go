package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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

	closeOnce sync.Once
	closeErr  error
}

// Open opens (creating it and its folders if needed) the database at path,
// locks it against other processes, checks it, migrates an older schema and
// starts a backup in the background.
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

	db, err := openBolt(path, o.LockTimeout)
	if err != nil {
		return fail(err)
	}
	if err := checkMetaPages(path); err != nil {
		_ = db.Close()
		return fail(err)
	}
	removeStaleBackupTemps(path)
	s := &Store{db: db, path: path, backupDone: make(chan struct{})}
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

// openBolt opens the bbolt file, mapping bbolt's errors and panics on a
// damaged file to ours. If bbolt panics after it opened and locked the file,
// the file is closed here, since bbolt cannot: a leaked descriptor would
// keep the lock and make every later open fail with ErrLocked.
func openBolt(path string, timeout time.Duration) (db *bolt.DB, err error) {
	var file *os.File
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		file = f
		return f, err
	}
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				_ = file.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, OpenFile: openFile})
	var pathErr *fs.PathError
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrLocked
	case errors.As(err, &pathErr):
		return nil, err // I/O: permissions, a folder in the way, …
	case looksLikeBolt(path):
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return nil, fmt.Errorf("%w: %v", ErrNotJixiao, err)
}

// boltMagic is the magic number in a bbolt meta page, after the 16-byte
// page header, in the byte order of the machine that wrote it.
const boltMagic = 0xED0CDAED

// looksLikeBolt tells a damaged bbolt file (ErrCorrupt) from a file that was
// never one (ErrNotJixiao) by the magic number of its first meta page.
func looksLikeBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(head[16:]) == boltMagic || binary.BigEndian.Uint32(head[16:]) == boltMagic
}

// checkMetaPages validates both of bbolt's meta pages (magic, version and
// checksum, as bbolt does). bbolt reads a file whose newer meta page is bad
// as it was one commit earlier, without a word: right after a power cut
// tore that page, but after a flipped bit it silently drops the last edit —
// in a file holding one document, the whole document. A killed process
// cannot tear a page and disks write a 4 KB page whole, so a bad meta page
// is far likelier damage than a torn commit, and is reported as such.
func checkMetaPages(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	const (
		metaAt     = 16 // after the page header
		checksumAt = metaAt + 56
	)
	var page [checksumAt + 8]byte
	pageSize := int64(0)
	for i := range 2 {
		if _, err := f.ReadAt(page[:], int64(i)*pageSize); err != nil {
			return fmt.Errorf("%w: meta page %d: %v", ErrCorrupt, i, err)
		}
		magicOK := binary.NativeEndian.Uint32(page[metaAt:]) == boltMagic
		versionOK := binary.NativeEndian.Uint32(page[metaAt+4:]) == 2
		h := fnv.New64a()
		h.Write(page[metaAt:checksumAt])
		if !magicOK || !versionOK || h.Sum64() != binary.NativeEndian.Uint64(page[checksumAt:]) {
			return fmt.Errorf("%w: meta page %d fails its checksum (read as is, the file would silently lose its last change)", ErrCorrupt, i)
		}
		if i == 0 {
			pageSize = int64(binary.NativeEndian.Uint32(page[metaAt+8:]))
		}
	}
	return nil
}

// prepare checks the file's pages and its meta bucket, and initialises or
// migrates it.
func (s *Store) prepare() error {
	if err := s.check(); err != nil {
		return err
	}
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
		if err := s.backup(); err != nil {
			return fmt.Errorf("backup before migrating schema %d: %w", version, err)
		}
		return s.migrate(version)
	}
	return nil
}

// check walks every page of the file (bbolt's consistency check) so that a
// damaged file is found at open, not by a panic in the middle of an edit. It
// costs a few milliseconds for a file of thousands of projects.
func (s *Store) check() error {
	if err := s.view(touchPages); err != nil {
		return err
	}
	return s.view(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check(bolt.WithKVStringer(lengthStringer{})) {
			if len(errs) < 3 {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("%w: %v", ErrCorrupt, errors.Join(errs...))
		}
		return nil
	})
}

// touchPages reads every page of every bucket through cursors, and the
// first and last byte of every key, in the calling goroutine, where guard
// turns a fault into ErrCorrupt. tx.Check reads the same pages and keys in
// a goroutine of its own, where a page number or key length flipped to
// point outside the mapped file is a fatal fault that no recover catches
// (found by TestOpenFlippedBytes and TestCLIFlippedBytes).
func touchPages(tx *bolt.Tx) error {
	var sum byte
	var walk func(b *bolt.Bucket)
	walk = func(b *bolt.Bucket) {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sum ^= k[0] ^ k[len(k)-1]
			if v == nil {
				if sub := b.Bucket(k); sub != nil {
					walk(sub)
				}
			}
		}
	}
	err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		walk(b)
		return nil
	})
	runtime.KeepAlive(sum) // the reads are the point
	return err
}

// lengthStringer names keys and values in tx.Check's messages by their
// length only: bbolt's default prints them in hex, reading every byte of a
// key whose length a flipped byte made hundreds of megabytes, past the end
// of the mapped file, in a goroutine where that fault is fatal.
type lengthStringer struct{}

func (lengthStringer) KeyToString(k []byte) string   { return fmt.Sprintf("(%d-byte key)", len(k)) }
func (lengthStringer) ValueToString(v []byte) string { return fmt.Sprintf("(%d-byte value)", len(v)) }

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
