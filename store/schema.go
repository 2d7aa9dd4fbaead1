package store

import (
	"bytes"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// schemaVersion is the layout this code writes (see the package comment).
// Each older version has a step in migrate.go.
const schemaVersion = 3

// schemaNone is the "version" of a bbolt file with no buckets yet: a file
// this package just created.
const schemaNone = -1

var (
	bucketMeta = []byte("meta")

	keyMagic  = []byte("magic")
	keySchema = []byte("schema")
	magic     = []byte("jixiao")

	bucketHeaders  = []byte("headers")
	bucketOrders   = []byte("orders")
	bucketProjects = []byte("projects")
)

// dataBuckets are the buckets of schemas 2 and 3 that hold documents, every
// value in them sealed (see seal).
var dataBuckets = [][]byte{bucketHeaders, bucketOrders, bucketProjects}

// schemaVersion reads the file's schema version from its meta bucket.
func (s *Store) schemaVersion() (int, error) {
	version := schemaNone
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if k, _ := tx.Cursor().First(); k != nil {
				return fmt.Errorf("%w: no %q bucket", ErrNotJixiao, bucketMeta)
			}
			return nil
		}
		if !bytes.Equal(meta.Get(keyMagic), magic) {
			return fmt.Errorf("%w: wrong magic %q", ErrNotJixiao, meta.Get(keyMagic))
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		if err != nil || v < 0 {
			return fmt.Errorf("%w: schema version %q", ErrCorrupt, meta.Get(keySchema))
		}
		version = v
		return nil
	})
	return version, err
}

// initSchema writes the meta and data buckets of a new file.
func initSchema(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if err := meta.Put(keyMagic, magic); err != nil {
		return err
	}
	if err := setSchema(tx, schemaVersion); err != nil {
		return err
	}
	return createDataBuckets(tx)
}

func createDataBuckets(tx *bolt.Tx) error {
	for _, name := range dataBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

func setSchema(tx *bolt.Tx, v int) error {
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(v)))
}
