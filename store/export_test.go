package store

import (
	"crypto/sha256"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// ContentHash returns a SHA-256 of every bucket, key and value in the
// file, in order: two files hash alike if and only if they hold the same
// data byte for byte, whatever pages it sits in. Cheaper than decoding
// every document, for tests that open many files.
func ContentHash(s *Store) (sum [sha256.Size]byte, err error) {
	h := sha256.New()
	field := func(b []byte) {
		h.Write(binary.AppendUvarint(nil, uint64(len(b))))
		h.Write(b)
	}
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			field(k)
			if v == nil {
				h.Write([]byte{'{'})
				defer h.Write([]byte{'}'})
				return walk(b.Bucket(k))
			}
			field(v)
			return nil
		})
	}
	err = s.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			field(name)
			return walk(b)
		})
	})
	copy(sum[:], h.Sum(nil))
	return sum, err
}
