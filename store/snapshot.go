package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// bucketSnapshots holds the copies of documents kept when they were
// exported ("as sent"), created the first time one is kept, so files of
// any schema read the same without it:
//
//	snapshots/<len><name><time>   sealed JSON of snapshotValue
//
// where <len><name> is the document's prefix (as in projects) and <time>
// the UTC time in snapshotTimeLayout, which sorts as text.
var bucketSnapshots = []byte("snapshots")

// snapshotTimeLayout is fixed-width so keys sort by time.
const snapshotTimeLayout = "20060102T150405.000000000Z"

// KeepSnapshots is how many snapshots of one document are kept; the oldest
// go first.
const KeepSnapshots = 100

// Snapshot describes one kept copy of a document.
type Snapshot struct {
	Key      model.DocKey
	At       time.Time // when it was kept, UTC
	Note     string    // why: the export's format and file, e.g. "md 司法局-2020-绩效目标.md"
	Projects int
}

// snapshotValue is what a snapshot stores: the note and the number of
// projects first, so a list reads them without decoding the rest, then the
// header and the projects in order (Document's Projects are not part of
// its JSON, so they are stored beside it).
type snapshotValue struct {
	Note     string          `json:"note"`
	Count    int             `json:"count"`
	Header   *model.Document `json:"header"`
	Projects []model.Project `json:"projects"`
}

func snapshotKey(k model.DocKey, at time.Time) []byte {
	return append(docPrefix(docKeyBytes(k)), at.UTC().Format(snapshotTimeLayout)...)
}

// SaveSnapshot keeps a copy of doc as it is now, named by at, with a note
// saying why. A second snapshot at the same instant replaces the first.
// Beyond KeepSnapshots of the document, the oldest are dropped.
func (s *Store) SaveSnapshot(doc *model.Document, at time.Time, note string) error {
	if err := validKey(doc.Key()); err != nil {
		return err
	}
	h := *doc
	h.Projects = nil
	data, err := json.Marshal(snapshotValue{Note: note, Count: len(doc.Projects), Header: &h, Projects: doc.Projects})
	if err != nil {
		return fmt.Errorf("snapshot of %s: %w", doc.Key(), err)
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketSnapshots)
		if err != nil {
			return err
		}
		if err := b.Put(snapshotKey(doc.Key(), at), seal(data)); err != nil {
			return err
		}
		return pruneSnapshots(b, docPrefix(docKeyBytes(doc.Key())))
	})
}

func pruneSnapshots(b *bolt.Bucket, prefix []byte) error {
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	for k, _ := c.Seek(prefix); n > KeepSnapshots && k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
		n--
	}
	return nil
}

// Snapshots lists the kept copies of a document, oldest first. A document
// with none (or a file that never kept one) gives an empty list.
func (s *Store) Snapshots(key model.DocKey) ([]Snapshot, error) {
	var list []Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSnapshots)
		if b == nil {
			return nil
		}
		prefix := docPrefix(docKeyBytes(key))
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			at, err := time.Parse(snapshotTimeLayout, string(k[len(prefix):]))
			if err != nil {
				return fmt.Errorf("%w: snapshot key %q of %s", ErrCorrupt, k[len(prefix):], key)
			}
			note, count, err := snapshotInfo(v, "snapshot of "+key.String())
			if err != nil {
				return err
			}
			list = append(list, Snapshot{Key: key, At: at, Note: note, Projects: count})
		}
		return nil
	})
	return list, err
}

// snapshotInfo reads a snapshot's note and project count, checking the
// whole value's checksum but decoding only its first two fields: a list
// of 100 copies of a 1,000-project document stays quick.
func snapshotInfo(v []byte, what string) (note string, count int, err error) {
	body, err := unseal(v, what)
	if err != nil {
		return "", 0, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	bad := func(e error) (string, int, error) {
		return "", 0, fmt.Errorf("%w: %s: %v", ErrCorrupt, what, e)
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad(fmt.Errorf("not an object (%v)", err))
	}
	for _, want := range []string{"note", "count"} {
		if t, err := dec.Token(); err != nil || t != want {
			return bad(fmt.Errorf("want %q first (%v)", want, err))
		}
		var err error
		if want == "note" {
			err = dec.Decode(&note)
		} else {
			err = dec.Decode(&count)
		}
		if err != nil {
			return bad(err)
		}
	}
	return note, count, nil
}

// LoadSnapshot returns the copy of the document kept at at, or ErrNotFound.
func (s *Store) LoadSnapshot(key model.DocKey, at time.Time) (*model.Document, error) {
	var doc *model.Document
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSnapshots)
		var v []byte
		if b != nil {
			v = b.Get(snapshotKey(key, at))
		}
		if v == nil {
			return fmt.Errorf("snapshot %s@%s: %w", key, at.UTC().Format(time.RFC3339), ErrNotFound)
		}
		var sv snapshotValue
		if err := decode(v, &sv, "snapshot of "+key.String()); err != nil {
			return err
		}
		if sv.Header == nil {
			return fmt.Errorf("%w: snapshot of %s has no header", ErrCorrupt, key)
		}
		doc = sv.Header
		doc.Projects = sv.Projects
		return nil
	})
	return doc, err
}

// SnapshotTimeLayout is how a snapshot's time is written for people and
// typed back after the @ of "315002/2020@2026-11-30T10:00:00", in local
// time.
const SnapshotTimeLayout = "2006-01-02T15:04:05"

// Name writes the snapshot as 单位编码/年度@local time.
func (sn Snapshot) Name() string {
	return sn.Key.String() + "@" + sn.At.Local().Format(SnapshotTimeLayout)
}
