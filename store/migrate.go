package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// migrations[v] turns a file of schema v straight into the current schema:
// it reads v's layout and writes each document with writeDocument (or its
// stored values as they are, or mended in place). One step per old version, rather than a chain
// v → v+1 → …, means no writer of an old layout has to be kept. A
// migration runs in one write transaction, after Open has backed the file
// up, so it either completes or leaves the file as it was.
var migrations = map[int]func(tx *bolt.Tx) error{
	0: migrate0,
	1: func(tx *bolt.Tx) error {
		if err := migrate1(tx); err != nil {
			return err
		}
		return migrate2(tx) // migrate1 leaves schema 2's summaries
	},
	2: migrate2,
}

// migrate brings the file from schema version to schemaVersion.
func (s *Store) migrate(version int) error {
	step, ok := migrations[version]
	if !ok {
		return fmt.Errorf("%w: no migration from schema %d", ErrCorrupt, version)
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := createDataBuckets(tx); err != nil {
			return err
		}
		if err := step(tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", version, schemaVersion, err)
		}
		return setSchema(tx, schemaVersion)
	})
}

// Schema 0, the first prototype's layout, kept each document whole as one
// JSON value (no checksum): bucket "documents", key "315002/2020", value
// the document with its projects inline. Every edit rewrote the whole document.
var bucketDocumentsV0 = []byte("documents")

// documentV0 is a schema-0 value: a document with its projects inline.
type documentV0 struct {
	model.Document
	Projects []model.Project `json:"projects"`
}

// migrate0 splits each whole document into header, order, projects and
// summaries.
func migrate0(tx *bolt.Tx) error {
	old := tx.Bucket(bucketDocumentsV0)
	if old == nil {
		return nil
	}
	err := old.ForEach(func(k, v []byte) error {
		var d documentV0
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("%w: document %q: %v", ErrCorrupt, k, err)
		}
		doc := d.Document
		doc.Projects = d.Projects
		if err := validKey(doc.Key()); err != nil {
			return err
		}
		if err := assignIDs(doc.Projects); err != nil {
			return err
		}
		return writeDocument(tx, &doc)
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket(bucketDocumentsV0)
}

// Schema 2 had the layout of schema 3 (see the package comment) with
// summaries of 9 fields: no 审核状态 and no count of notes, which schema 3
// adds (summary.go) so that lists count reviews without reading projects.
// Projects of schema 2 hold no review (that came with schema 3), so every
// summary gains the fields of an unreviewed project without notes.
const summaryFieldsV2 = 9

// migrate2 appends the two review fields to every schema-2 summary,
// nothing decoded. Open refuses a damaged file before it migrates; should a
// summary fail its checksum anyway, it is left as it is, still detectably
// damaged, rather than sealed afresh around damaged bytes.
func migrate2(tx *bolt.Tx) error {
	d, err := dataBucketsOf(tx)
	if err != nil {
		return err
	}
	suffix := []byte(summarySep + string(model.ReviewPending) + summarySep + "0")
	type update struct{ k, v []byte }
	var updates []update
	c := d.projects.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil || len(k) < 2 || k[len(k)-2] != 0 || k[len(k)-1] != kindSummary {
			continue
		}
		body, ok := sealedBody(v)
		if !ok || bytes.Count(body, []byte(summarySep)) != summaryFieldsV2-1 {
			continue
		}
		nv := seal(append(append(make([]byte, 0, len(body)+len(suffix)+crcLen), body...), suffix...))
		updates = append(updates, update{bytes.Clone(k), nv})
	}
	// Put after the pass: bbolt's cursor must not see the bucket change
	// under it.
	for _, u := range updates {
		if err := d.projects.Put(u.k, u.v); err != nil {
			return err
		}
	}
	return nil
}

// Schema 1 nested a bucket per document in bucket "docs", named
// <unit>\x00<year>, holding keys "header" and "order" and buckets
// "projects" and "summaries" keyed by project ID; values sealed as in
// schema 2. A save rewrote a page at each of the three bucket levels, and
// at 1,000 projects the page holding the order list as well.
var (
	bucketDocsV1      = []byte("docs")
	keyHeaderV1       = []byte("header")
	keyOrderV1        = []byte("order")
	bucketProjectsV1  = []byte("projects")
	bucketSummariesV1 = []byte("summaries")
)

// migrate1 moves every stored value of schema 1 to its place in schema 2,
// bytes and checksums unchanged: nothing is decoded, so nothing can be
// changed by a decode and encode, and a damaged value stays detectably
// damaged instead of failing the whole migration.
func migrate1(tx *bolt.Tx) error {
	docs := tx.Bucket(bucketDocsV1)
	if docs == nil {
		return nil
	}
	d, err := dataBucketsOf(tx)
	if err != nil {
		return err
	}
	err = docs.ForEachBucket(func(name []byte) error {
		b := docs.Bucket(name)
		header, order := b.Get(keyHeaderV1), b.Get(keyOrderV1)
		if header == nil || order == nil {
			return fmt.Errorf("%w: document %q has no header or order", ErrCorrupt, name)
		}
		if err := d.headers.Put(name, header); err != nil {
			return err
		}
		if err := d.orders.Put(name, order); err != nil {
			return err
		}
		prefix := docPrefix(name)
		for _, sub := range []struct {
			name []byte
			kind byte
		}{{bucketProjectsV1, kindProject}, {bucketSummariesV1, kindSummary}} {
			sb := b.Bucket(sub.name)
			if sb == nil {
				return fmt.Errorf("%w: document %q has no %q bucket", ErrCorrupt, name, sub.name)
			}
			err := sb.ForEach(func(id, v []byte) error {
				if v == nil {
					return fmt.Errorf("%w: document %q: %q holds a bucket", ErrCorrupt, name, sub.name)
				}
				return d.projects.Put(valueKey(nil, prefix, string(id), sub.kind), v)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket(bucketDocsV1)
}
