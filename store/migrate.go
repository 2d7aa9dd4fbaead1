package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// migrations[v] turns a file of schema v into schema v+1. They run in one
// write transaction, after Open has backed the file up.
var migrations = []func(tx *bolt.Tx) error{
	0: migrate0to1,
}

// migrate brings the file from schema version to schemaVersion.
func (s *Store) migrate(version int) error {
	return s.update(func(tx *bolt.Tx) error {
		for v := version; v < schemaVersion; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
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

// migrate0to1 splits each whole document into header, order, projects and
// summaries.
func migrate0to1(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketDocs); err != nil {
		return err
	}
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
