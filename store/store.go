package store

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"jixiao/model"
)

// DocInfo is one row of the document list: what `jixiao list` and the home
// screen show, computed from the header and the project summaries only.
type DocInfo struct {
	Key                   model.DocKey
	UnitName, Title       string
	Status                model.Status
	Projects, Indicators  int
	Budget, Fiscal, Other model.Money
}

// docKeyBytes is the bucket name of a document. The NUL separator sorts
// documents by unit code, then year (years have 4 digits).
func docKeyBytes(k model.DocKey) []byte {
	return fmt.Appendf(nil, "%s\x00%04d", k.UnitCode, k.Year)
}

// MaxUnitCodeBytes bounds a 单位编码, which names a bbolt bucket: bbolt
// keys cannot exceed 32 KB, and a real code has 6 to 12 digits, so a longer
// one is a paste gone wrong, refused with ErrInvalidKey before any write.
const MaxUnitCodeBytes = 256

func validKey(k model.DocKey) error {
	if k.UnitCode == "" || len(k.UnitCode) > MaxUnitCodeBytes || k.Year < 1900 || k.Year > 9999 {
		// %.40q: a pasted 100,000-character code must not fill the screen.
		return fmt.Errorf("document %.40q: %w", k.String(), ErrInvalidKey)
	}
	return nil
}

// docBucket returns the document's bucket, or ErrNotFound.
func docBucket(tx *bolt.Tx, k model.DocKey) (*bolt.Bucket, error) {
	docs := tx.Bucket(bucketDocs)
	if docs == nil {
		return nil, fmt.Errorf("%w: no %q bucket", ErrCorrupt, bucketDocs)
	}
	b := docs.Bucket(docKeyBytes(k))
	if b == nil {
		return nil, fmt.Errorf("document %s: %w", k, ErrNotFound)
	}
	return b, nil
}

// subBucket returns a document's projects or summaries bucket.
func subBucket(doc *bolt.Bucket, name []byte) (*bolt.Bucket, error) {
	b := doc.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("%w: document has no %q bucket", ErrCorrupt, name)
	}
	return b, nil
}

// Every stored document value is its JSON followed by the CRC-32C of the
// JSON, so a flipped byte inside a value (which bbolt's page checks cannot
// see, and which may still be valid JSON) reads as damage instead of
// silently changing an amount.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

const crcLen = 4

func seal(data []byte) []byte {
	return binary.BigEndian.AppendUint32(data, crc32.Checksum(data, crcTable))
}

// unseal returns the JSON of a stored value, or ErrCorrupt.
func unseal(data []byte, what string) ([]byte, error) {
	if data == nil {
		return nil, fmt.Errorf("%w: %s is missing", ErrCorrupt, what)
	}
	if len(data) < crcLen {
		return nil, fmt.Errorf("%w: %s is truncated", ErrCorrupt, what)
	}
	body, ok := sealedBody(data)
	if !ok {
		return nil, fmt.Errorf("%w: %s fails its checksum", ErrCorrupt, what)
	}
	return body, nil
}

// sealedBody returns the JSON of a stored value and whether it is intact,
// without building an error: the fast path for values read by the
// thousand.
func sealedBody(data []byte) ([]byte, bool) {
	if len(data) < crcLen {
		return nil, false
	}
	body, sum := data[:len(data)-crcLen], binary.BigEndian.Uint32(data[len(data)-crcLen:])
	return body, crc32.Checksum(body, crcTable) == sum
}

// decode unmarshals a stored value; a value that does not decode is damage.
func decode(data []byte, v any, what string) error {
	data, err := unseal(data, what)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, what, err)
	}
	return nil
}

func readHeader(b *bolt.Bucket, k model.DocKey) (*model.Document, error) {
	var d model.Document
	if err := decode(b.Get(keyHeader), &d, "header of "+k.String()); err != nil {
		return nil, err
	}
	return &d, nil
}

func readOrder(b *bolt.Bucket) ([]string, error) {
	var ids []string
	if err := decode(b.Get(keyOrder), &ids, "project order"); err != nil {
		return nil, err
	}
	return ids, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, seal(data))
}

// putProject writes a project and its summary, and nothing else.
func putProject(doc *bolt.Bucket, p *model.Project) error {
	projects, err := subBucket(doc, bucketProjects)
	if err != nil {
		return err
	}
	summaries, err := subBucket(doc, bucketSummaries)
	if err != nil {
		return err
	}
	if err := putJSON(projects, []byte(p.ID), p); err != nil {
		return err
	}
	sum := model.Summarize(p)
	return summaries.Put([]byte(p.ID), seal(encodeSummary(&sum)))
}

// assignIDs gives every project without an ID a new one, in place, and
// rejects a document whose projects share an ID.
func assignIDs(ps []model.Project) error {
	seen := make(map[string]bool, len(ps))
	for i := range ps {
		if ps[i].ID == "" {
			ps[i].ID = model.NewProjectID()
		}
		if seen[ps[i].ID] {
			return fmt.Errorf("project %d (%s): ID %q: %w", i+1, ps[i].Name, ps[i].ID, ErrExists)
		}
		seen[ps[i].ID] = true
	}
	return nil
}

// writeDocument writes a whole document into a new bucket.
func writeDocument(tx *bolt.Tx, doc *model.Document) error {
	docs := tx.Bucket(bucketDocs)
	if docs == nil {
		return fmt.Errorf("%w: no %q bucket", ErrCorrupt, bucketDocs)
	}
	b, err := docs.CreateBucket(docKeyBytes(doc.Key()))
	if errors.Is(err, berrors.ErrBucketExists) {
		return fmt.Errorf("document %s: %w", doc.Key(), ErrExists)
	} else if err != nil {
		return err
	}
	if _, err := b.CreateBucket(bucketProjects); err != nil {
		return err
	}
	if _, err := b.CreateBucket(bucketSummaries); err != nil {
		return err
	}
	if err := putJSON(b, keyHeader, doc); err != nil {
		return err
	}
	ids := make([]string, len(doc.Projects))
	for i := range doc.Projects {
		if err := putProject(b, &doc.Projects[i]); err != nil {
			return err
		}
		ids[i] = doc.Projects[i].ID
	}
	return putJSON(b, keyOrder, ids)
}

// ListDocuments returns every document's list row, sorted by unit code then
// year. It reads headers and summaries, never projects.
func (s *Store) ListDocuments() ([]DocInfo, error) {
	var list []DocInfo
	err := s.view(func(tx *bolt.Tx) error {
		docs := tx.Bucket(bucketDocs)
		if docs == nil {
			return fmt.Errorf("%w: no %q bucket", ErrCorrupt, bucketDocs)
		}
		return docs.ForEachBucket(func(name []byte) error {
			b := docs.Bucket(name)
			var h model.Document
			if err := decode(b.Get(keyHeader), &h, fmt.Sprintf("header of %q", name)); err != nil {
				return err
			}
			summaries, err := subBucket(b, bucketSummaries)
			if err != nil {
				return err
			}
			var ps []model.ProjectSummary
			err = summaries.ForEach(func(id, v []byte) error {
				sum, err := decodeSummary(v, func() string { return fmt.Sprintf("summary of project %s in %s", id, h.Key()) })
				if err != nil {
					return err
				}
				ps = append(ps, sum)
				return nil
			})
			if err != nil {
				return err
			}
			t := model.TotalsOf(ps)
			list = append(list, DocInfo{
				Key: h.Key(), UnitName: h.UnitName, Title: h.Title, Status: h.Status,
				Projects: t.Projects, Indicators: t.Indicators,
				Budget: t.Budget, Fiscal: t.Fiscal, Other: t.Other,
			})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(list, func(a, b DocInfo) int {
		return cmp.Or(cmp.Compare(a.Key.UnitCode, b.Key.UnitCode), cmp.Compare(a.Key.Year, b.Key.Year))
	})
	return list, nil
}

// Header returns the document without its projects, and the projects'
// summaries in document order: what the document screen needs. It decodes
// no project, so a document of 1,000 projects opens quickly.
func (s *Store) Header(key model.DocKey) (*model.Document, []model.ProjectSummary, error) {
	var (
		doc  *model.Document
		sums []model.ProjectSummary
	)
	err := s.view(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		if doc, err = readHeader(b, key); err != nil {
			return err
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		summaries, err := subBucket(b, bucketSummaries)
		if err != nil {
			return err
		}
		sums = make([]model.ProjectSummary, len(ids))
		for i, id := range ids {
			if sums[i], err = decodeSummary(summaries.Get([]byte(id)), func() string { return "summary of project " + id }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return doc, sums, nil
}

// Document returns the whole document, projects in order.
func (s *Store) Document(key model.DocKey) (*model.Document, error) {
	var doc *model.Document
	err := s.view(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		if doc, err = readHeader(b, key); err != nil {
			return err
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		projects, err := subBucket(b, bucketProjects)
		if err != nil {
			return err
		}
		doc.Projects = make([]model.Project, len(ids))
		for i, id := range ids {
			if err := decode(projects.Get([]byte(id)), &doc.Projects[i], "project "+id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// Project returns one project of a document, or ErrNotFound.
func (s *Store) Project(key model.DocKey, id string) (*model.Project, error) {
	var p model.Project
	err := s.view(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		projects, err := subBucket(b, bucketProjects)
		if err != nil {
			return err
		}
		data := projects.Get([]byte(id))
		if data == nil {
			return fmt.Errorf("project %s of %s: %w", id, key, ErrNotFound)
		}
		return decode(data, &p, "project "+id)
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// CreateDocument adds a new document in one transaction, or returns
// ErrExists if its key is taken. Projects without an ID get one, in place.
func (s *Store) CreateDocument(doc *model.Document) error {
	if err := validKey(doc.Key()); err != nil {
		return err
	}
	if err := assignIDs(doc.Projects); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error { return writeDocument(tx, doc) })
}

// PutDocument creates or replaces the whole document in one transaction:
// either all of it is stored or nothing changes (what an import needs).
// Projects without an ID get one, in place.
func (s *Store) PutDocument(doc *model.Document) error {
	if err := validKey(doc.Key()); err != nil {
		return err
	}
	if err := assignIDs(doc.Projects); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		docs := tx.Bucket(bucketDocs)
		if docs == nil {
			return fmt.Errorf("%w: no %q bucket", ErrCorrupt, bucketDocs)
		}
		err := docs.DeleteBucket(docKeyBytes(doc.Key()))
		if err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
		return writeDocument(tx, doc)
	})
}

// SaveHeader stores the document's header and Part 1 (everything but the
// projects, which are left untouched), or returns ErrNotFound.
func (s *Store) SaveHeader(doc *model.Document) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, doc.Key())
		if err != nil {
			return err
		}
		return putJSON(b, keyHeader, doc)
	})
}

// SaveProject stores one project and its summary. A project whose ID is
// empty (one is assigned, in place) or not in the document is appended to
// it; otherwise only that project and its summary are rewritten.
func (s *Store) SaveProject(key model.DocKey, p *model.Project) error {
	if p.ID == "" {
		p.ID = model.NewProjectID()
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		projects, err := subBucket(b, bucketProjects)
		if err != nil {
			return err
		}
		isNew := projects.Get([]byte(p.ID)) == nil
		if err := putProject(b, p); err != nil {
			return err
		}
		if !isNew {
			return nil
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		return putJSON(b, keyOrder, append(ids, p.ID))
	})
}

// InsertProject adds a new project at position at (clamped to the ends of
// the list). An empty ID is assigned in place; an ID already in the
// document gives ErrExists.
func (s *Store) InsertProject(key model.DocKey, p *model.Project, at int) error {
	if p.ID == "" {
		p.ID = model.NewProjectID()
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		projects, err := subBucket(b, bucketProjects)
		if err != nil {
			return err
		}
		if projects.Get([]byte(p.ID)) != nil {
			return fmt.Errorf("project %s of %s: %w", p.ID, key, ErrExists)
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		if err := putProject(b, p); err != nil {
			return err
		}
		at = min(max(at, 0), len(ids))
		return putJSON(b, keyOrder, slices.Insert(ids, at, p.ID))
	})
}

// DeleteProject removes a project and its summary, or returns ErrNotFound.
func (s *Store) DeleteProject(key model.DocKey, id string) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		i := slices.Index(ids, id)
		if i < 0 {
			return fmt.Errorf("project %s of %s: %w", id, key, ErrNotFound)
		}
		for _, name := range [][]byte{bucketProjects, bucketSummaries} {
			sub, err := subBucket(b, name)
			if err != nil {
				return err
			}
			if err := sub.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return putJSON(b, keyOrder, slices.Delete(ids, i, i+1))
	})
}

// MoveProject moves a project to position to (clamped to the list), or
// returns ErrNotFound. Only the order list is rewritten.
func (s *Store) MoveProject(key model.DocKey, id string, to int) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := docBucket(tx, key)
		if err != nil {
			return err
		}
		ids, err := readOrder(b)
		if err != nil {
			return err
		}
		i := slices.Index(ids, id)
		if i < 0 {
			return fmt.Errorf("project %s of %s: %w", id, key, ErrNotFound)
		}
		ids = slices.Delete(ids, i, i+1)
		to = min(max(to, 0), len(ids))
		return putJSON(b, keyOrder, slices.Insert(ids, to, id))
	})
}

// DeleteDocument removes a document and all its projects, or returns
// ErrNotFound.
func (s *Store) DeleteDocument(key model.DocKey) error {
	return s.update(func(tx *bolt.Tx) error {
		docs := tx.Bucket(bucketDocs)
		if docs == nil {
			return fmt.Errorf("%w: no %q bucket", ErrCorrupt, bucketDocs)
		}
		err := docs.DeleteBucket(docKeyBytes(key))
		if errors.Is(err, berrors.ErrBucketNotFound) {
			return fmt.Errorf("document %s: %w", key, ErrNotFound)
		}
		return err
	})
}

// Stats are counters of the file's activity, for tests and benchmarks.
type Stats struct {
	Write int64 // pages written to the file by committed transactions
}

// Stats returns the counters so far.
func (s *Store) Stats() Stats {
	st := s.db.Stats()
	return Stats{Write: st.TxStats.GetWrite()}
}
