package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"slices"

	bolt "go.etcd.io/bbolt"

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
	Review                model.ReviewCounts // 审核状态 of the projects
	Notes                 int                // 审核意见 on projects and rows
}

// docKeyBytes is a document's key in the headers and orders buckets. The
// NUL separator sorts documents by unit code, then year (years have 4
// digits).
func docKeyBytes(k model.DocKey) []byte {
	return fmt.Appendf(nil, "%s\x00%04d", k.UnitCode, k.Year)
}

// MaxUnitCodeBytes bounds a 单位编码, which is part of bbolt keys: bbolt
// keys cannot exceed 32 KB, and a real code has 6 to 12 digits, so a longer
// one is a paste gone wrong, refused with ErrInvalidKey before any write.
const MaxUnitCodeBytes = 256

func validKey(k model.DocKey) error {
	if k.UnitCode == "" || len(k.UnitCode) > MaxUnitCodeBytes || k.Year < 1900 || k.Year > 9999 {
		return &DocError{Key: k, Err: ErrInvalidKey}
	}
	return nil
}

// data is a transaction's three data buckets (see the package comment).
type data struct {
	headers, orders, projects *bolt.Bucket
}

func dataBucketsOf(tx *bolt.Tx) (data, error) {
	d := data{tx.Bucket(bucketHeaders), tx.Bucket(bucketOrders), tx.Bucket(bucketProjects)}
	for i, b := range []*bolt.Bucket{d.headers, d.orders, d.projects} {
		if b == nil {
			return d, fmt.Errorf("%w: no %q bucket", ErrCorrupt, dataBuckets[i])
		}
	}
	return d, nil
}

// docRef is where one document lives: its key in headers and orders, and
// the prefix of its keys in projects.
type docRef struct {
	data
	key    model.DocKey
	name   []byte
	prefix []byte
}

// Value kinds, the last byte of a key in the projects bucket. A project's
// summary sorts right after the project, so both almost always share a
// leaf page and a save rewrites one page, not two.
const (
	kindProject = 'p'
	kindSummary = 's'
)

// docPrefix is the start of every key of the document named name in the
// projects bucket: the name's length, then the name. A 单位编码 may hold
// any byte, NUL included, so without the length one document's keys could
// begin with another's name ("1\x002020" and "1\x002020\x00…/2021").
func docPrefix(name []byte) []byte {
	p := binary.AppendUvarint(make([]byte, 0, len(name)+binary.MaxVarintLen16), uint64(len(name)))
	return append(p, name...)
}

// valueKey appends the key of project id's value of the given kind to buf:
// the document's prefix, the ID, NUL and the kind. The key's length and
// last byte tell the ID and the kind apart, whatever bytes the ID holds.
func valueKey(buf, prefix []byte, id string, kind byte) []byte {
	buf = append(buf, prefix...)
	buf = append(buf, id...)
	return append(buf, 0, kind)
}

// newDocRef returns the place of a document, whether or not it exists.
func newDocRef(tx *bolt.Tx, k model.DocKey) (*docRef, error) {
	d, err := dataBucketsOf(tx)
	if err != nil {
		return nil, err
	}
	name := docKeyBytes(k)
	return &docRef{data: d, key: k, name: name, prefix: docPrefix(name)}, nil
}

// openDoc returns the place of an existing document, or ErrNotFound.
func openDoc(tx *bolt.Tx, k model.DocKey) (*docRef, error) {
	d, err := newDocRef(tx, k)
	if err != nil {
		return nil, err
	}
	if d.headers.Get(d.name) == nil {
		return nil, &DocError{Key: k, Err: ErrNotFound}
	}
	return d, nil
}

func (d *docRef) projectKey(id string) []byte { return valueKey(nil, d.prefix, id, kindProject) }
func (d *docRef) summaryKey(id string) []byte { return valueKey(nil, d.prefix, id, kindSummary) }

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

func (d *docRef) readHeader() (*model.Document, error) {
	var h model.Document
	if err := decode(d.headers.Get(d.name), &h, "header of "+d.key.String()); err != nil {
		return nil, err
	}
	return &h, nil
}

func (d *docRef) readOrder() ([]string, error) {
	var ids []string
	if err := decode(d.orders.Get(d.name), &ids, "project order of "+d.key.String()); err != nil {
		return nil, err
	}
	return ids, nil
}

func (d *docRef) putOrder(ids []string) error { return putJSON(d.orders, d.name, ids) }

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, seal(data))
}

// putProject writes a project and its summary, and nothing else.
func (d *docRef) putProject(p *model.Project) error {
	if err := putJSON(d.projects, d.projectKey(p.ID), p); err != nil {
		return err
	}
	sum := model.Summarize(p)
	return d.projects.Put(d.summaryKey(p.ID), seal(encodeSummary(&sum)))
}

// hasProject reports whether the document holds a project with that ID.
func (d *docRef) hasProject(id string) bool { return d.projects.Get(d.projectKey(id)) != nil }

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

// writeDocument writes a whole document that is not stored yet.
func writeDocument(tx *bolt.Tx, doc *model.Document) error {
	d, err := newDocRef(tx, doc.Key())
	if err != nil {
		return err
	}
	if d.headers.Get(d.name) != nil {
		return &DocError{Key: doc.Key(), Err: ErrExists}
	}
	if err := putJSON(d.headers, d.name, doc); err != nil {
		return err
	}
	ids := make([]string, len(doc.Projects))
	for i := range doc.Projects {
		if err := d.putProject(&doc.Projects[i]); err != nil {
			return err
		}
		ids[i] = doc.Projects[i].ID
	}
	return d.putOrder(ids)
}

// delete removes a document's header, order, projects and
// summaries. It reports whether there was a header.
func (d *docRef) delete() (bool, error) {
	found := d.headers.Get(d.name) != nil
	if err := d.headers.Delete(d.name); err != nil {
		return found, err
	}
	if err := d.orders.Delete(d.name); err != nil {
		return found, err
	}
	return found, deletePrefix(d.projects, d.prefix)
}

// ListDocuments returns every document's list row, sorted by unit code then
// year. It reads headers and summaries, never projects.
func (s *Store) ListDocuments() ([]DocInfo, error) {
	var list []DocInfo
	err := s.view(func(tx *bolt.Tx) error {
		d, err := dataBucketsOf(tx)
		if err != nil {
			return err
		}
		c := d.projects.Cursor()
		return d.headers.ForEach(func(name, v []byte) error {
			var h model.Document
			if err := decode(v, &h, fmt.Sprintf("header of %q", name)); err != nil {
				return err
			}
			// Keys carry no checksum: a flipped byte in one would list the
			// document with none of its projects (they sit under the
			// right name), and reading it would find nothing.
			if !bytes.Equal(name, docKeyBytes(h.Key())) {
				return fmt.Errorf("%w: the header of %s is filed under %q", ErrCorrupt, h.Key(), name)
			}
			var ps []model.ProjectSummary
			prefix := docPrefix(name)
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if len(k) < len(prefix)+2 || k[len(k)-2] != 0 || k[len(k)-1] != kindSummary {
					continue
				}
				sum, err := decodeSummary(v, func() string {
					return fmt.Sprintf("summary of project %s in %s", k[len(prefix):len(k)-2], h.Key())
				})
				if err != nil {
					return err
				}
				ps = append(ps, sum)
			}
			t := model.TotalsOf(ps)
			list = append(list, DocInfo{
				Key: h.Key(), UnitName: h.UnitName, Title: h.Title, Status: h.Status,
				Projects: t.Projects, Indicators: t.Indicators,
				Budget: t.Budget, Fiscal: t.Fiscal, Other: t.Other,
				Review: model.ReviewCountsOf(ps), Notes: notesOf(ps),
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

// openDocWithOrder opens a document and reads its header and project
// order: what both Header and Document start from.
func openDocWithOrder(tx *bolt.Tx, key model.DocKey) (d *docRef, doc *model.Document, ids []string, err error) {
	if d, err = openDoc(tx, key); err != nil {
		return nil, nil, nil, err
	}
	if doc, err = d.readHeader(); err != nil {
		return nil, nil, nil, err
	}
	if ids, err = d.readOrder(); err != nil {
		return nil, nil, nil, err
	}
	return d, doc, ids, nil
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
		d, h, ids, err := openDocWithOrder(tx, key)
		if err != nil {
			return err
		}
		doc = h
		sums, err = d.readSummaries(ids)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return doc, sums, nil
}

// readSummaries returns the summaries of the projects ids, in that order.
// It reads the document's keys in one pass of a cursor rather than looking
// each summary up: the summaries lie between their projects, one leaf page
// each, and 1,000 descents from the bucket's root cost more than the pass.
func (d *docRef) readSummaries(ids []string) ([]model.ProjectSummary, error) {
	at := make(map[string]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	sums := make([]model.ProjectSummary, len(ids))
	read := make([]bool, len(ids))
	c := d.projects.Cursor()
	for k, v := c.Seek(d.prefix); k != nil && bytes.HasPrefix(k, d.prefix); k, v = c.Next() {
		if len(k) < len(d.prefix)+2 || k[len(k)-2] != 0 || k[len(k)-1] != kindSummary {
			continue
		}
		i, ok := at[string(k[len(d.prefix):len(k)-2])]
		if !ok {
			continue // a project no longer in the order is not shown
		}
		var err error
		if sums[i], err = decodeSummary(v, func() string { return "summary of project " + ids[i] }); err != nil {
			return nil, err
		}
		read[i] = true
	}
	if i := slices.Index(read, false); i >= 0 {
		return nil, fmt.Errorf("%w: summary of project %s is missing", ErrCorrupt, ids[i])
	}
	return sums, nil
}

// Document returns the whole document, projects in order.
func (s *Store) Document(key model.DocKey) (*model.Document, error) {
	var doc *model.Document
	err := s.view(func(tx *bolt.Tx) error {
		d, h, ids, err := openDocWithOrder(tx, key)
		if err != nil {
			return err
		}
		doc = h
		doc.Projects = make([]model.Project, len(ids))
		var k []byte
		for i, id := range ids {
			k = valueKey(k[:0], d.prefix, id, kindProject)
			if err := decode(d.projects.Get(k), &doc.Projects[i], "project "+id); err != nil {
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
		d, err := openDoc(tx, key)
		if err != nil {
			return err
		}
		data := d.projects.Get(d.projectKey(id))
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
		d, err := newDocRef(tx, doc.Key())
		if err != nil {
			return err
		}
		if _, err := d.delete(); err != nil {
			return err
		}
		return writeDocument(tx, doc)
	})
}

// SaveHeader stores the document's header and Part 1 (everything but the
// projects, which are left untouched), or returns ErrNotFound.
func (s *Store) SaveHeader(doc *model.Document) error {
	return s.update(func(tx *bolt.Tx) error {
		d, err := openDoc(tx, doc.Key())
		if err != nil {
			return err
		}
		return putJSON(d.headers, d.name, doc)
	})
}

// EditHeader changes the header of the document from with edit and stores
// it, reading and writing in one transaction: what an edit of one header
// field needs, so no older copy of the rest (Part 1) is written back. A
// changed 单位编码 or 年度 moves the whole document: header, project
// order, every project and summary, and the snapshots kept of it (which
// keep the header they were sent with). It returns ErrNotFound when from
// is not stored, ErrExists when another document holds the new key
// (nothing changes), ErrInvalidKey for a key that cannot be stored, and
// otherwise the header as stored.
func (s *Store) EditHeader(from model.DocKey, edit func(*model.Header)) (*model.Document, error) {
	var doc *model.Document
	err := s.update(func(tx *bolt.Tx) error {
		old, err := openDoc(tx, from)
		if err != nil {
			return err
		}
		if doc, err = old.readHeader(); err != nil {
			return err
		}
		h := doc.Header()
		edit(&h)
		doc.SetHeader(h)
		if err := validKey(doc.Key()); err != nil {
			return err
		}
		return old.saveAs(tx, doc)
	})
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// saveAs stores doc's header in place of the document d, moving the
// document (header, order, projects and summaries, snapshots) when doc's
// key differs from d's, or refusing with ErrExists when another document
// has that key.
func (d *docRef) saveAs(tx *bolt.Tx, doc *model.Document) error {
	to := doc.Key()
	if to == d.key {
		return putJSON(d.headers, d.name, doc)
	}
	nu, err := newDocRef(tx, to)
	if err != nil {
		return err
	}
	if nu.headers.Get(nu.name) != nil {
		return &DocError{Key: to, Err: ErrExists}
	}
	order := bytes.Clone(d.orders.Get(d.name))
	if err := putJSON(nu.headers, nu.name, doc); err != nil {
		return err
	}
	if order != nil {
		if err := nu.orders.Put(nu.name, order); err != nil {
			return err
		}
	}
	if err := movePrefix(d.projects, d.prefix, nu.prefix); err != nil {
		return err
	}
	if err := d.headers.Delete(d.name); err != nil {
		return err
	}
	if err := d.orders.Delete(d.name); err != nil {
		return err
	}
	if b := tx.Bucket(bucketSnapshots); b != nil {
		return movePrefix(b, d.prefix, nu.prefix)
	}
	return nil
}

// movePrefix renames every key of b that starts with from to start with to
// instead, values unchanged. Two documents' prefixes never overlap (see
// docPrefix), so no key is moved twice.
func movePrefix(b *bolt.Bucket, from, to []byte) error {
	type kv struct{ k, v []byte }
	var moved []kv
	c := b.Cursor()
	for k, v := c.Seek(from); k != nil && bytes.HasPrefix(k, from); k, v = c.Next() {
		// Keys and values are only valid inside the transaction until
		// the bucket changes: copy them before writing.
		moved = append(moved, kv{append(bytes.Clone(to), k[len(from):]...), bytes.Clone(v)})
	}
	if err := deletePrefix(b, from); err != nil {
		return err
	}
	for _, m := range moved {
		if err := b.Put(m.k, m.v); err != nil {
			return err
		}
	}
	return nil
}

// SaveProject stores one project and its summary. A project whose ID is
// empty (one is assigned, in place) or not in the document is appended to
// it; otherwise only that project and its summary are rewritten.
func (s *Store) SaveProject(key model.DocKey, p *model.Project) error {
	if p.ID == "" {
		p.ID = model.NewProjectID()
	}
	return s.update(func(tx *bolt.Tx) error {
		d, err := openDoc(tx, key)
		if err != nil {
			return err
		}
		isNew := !d.hasProject(p.ID)
		if err := d.putProject(p); err != nil {
			return err
		}
		if !isNew {
			return nil
		}
		ids, err := d.readOrder()
		if err != nil {
			return err
		}
		return d.putOrder(append(ids, p.ID))
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
		d, err := openDoc(tx, key)
		if err != nil {
			return err
		}
		if d.hasProject(p.ID) {
			return fmt.Errorf("project %s of %s: %w", p.ID, key, ErrExists)
		}
		ids, err := d.readOrder()
		if err != nil {
			return err
		}
		if err := d.putProject(p); err != nil {
			return err
		}
		at = min(max(at, 0), len(ids))
		return d.putOrder(slices.Insert(ids, at, p.ID))
	})
}

// openProjectInOrder opens a document and finds project id in its order
// list, returning the list and the project's position, or ErrNotFound.
func openProjectInOrder(tx *bolt.Tx, key model.DocKey, id string) (d *docRef, ids []string, i int, err error) {
	if d, err = openDoc(tx, key); err != nil {
		return nil, nil, 0, err
	}
	if ids, err = d.readOrder(); err != nil {
		return nil, nil, 0, err
	}
	if i = slices.Index(ids, id); i < 0 {
		return nil, nil, 0, fmt.Errorf("project %s of %s: %w", id, key, ErrNotFound)
	}
	return d, ids, i, nil
}

// DeleteProject removes a project and its summary, or returns ErrNotFound.
func (s *Store) DeleteProject(key model.DocKey, id string) error {
	return s.update(func(tx *bolt.Tx) error {
		d, ids, i, err := openProjectInOrder(tx, key, id)
		if err != nil {
			return err
		}
		if err := d.projects.Delete(d.projectKey(id)); err != nil {
			return err
		}
		if err := d.projects.Delete(d.summaryKey(id)); err != nil {
			return err
		}
		return d.putOrder(slices.Delete(ids, i, i+1))
	})
}

// MoveProject moves a project to position to (clamped to the list), or
// returns ErrNotFound. Only the order list is rewritten.
func (s *Store) MoveProject(key model.DocKey, id string, to int) error {
	return s.update(func(tx *bolt.Tx) error {
		d, ids, i, err := openProjectInOrder(tx, key, id)
		if err != nil {
			return err
		}
		ids = slices.Delete(ids, i, i+1)
		to = min(max(to, 0), len(ids))
		return d.putOrder(slices.Insert(ids, to, id))
	})
}

// DeleteDocument removes a document, all its projects and the snapshots
// kept of it (a new document of the same key starts with no history), or
// returns ErrNotFound. The backups still hold it.
func (s *Store) DeleteDocument(key model.DocKey) error {
	return s.update(func(tx *bolt.Tx) error {
		d, err := newDocRef(tx, key)
		if err != nil {
			return err
		}
		found, err := d.delete()
		switch {
		case err != nil:
			return err
		case !found:
			return &DocError{Key: key, Err: ErrNotFound}
		}
		if b := tx.Bucket(bucketSnapshots); b != nil {
			return deletePrefix(b, d.prefix)
		}
		return nil
	})
}

// deletePrefix deletes every key of b that starts with prefix.
func deletePrefix(b *bolt.Bucket, prefix []byte) error {
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
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
