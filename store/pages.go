package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
)

// The on-disk layout of a bbolt file (go.etcd.io/bbolt/internal/common),
// read here without bbolt so that a damaged file is found before bbolt
// follows any pointer in it. Numbers are in the byte order of the machine
// that wrote the file, as bbolt writes them.
const (
	pageHeaderSize  = 16 // id u64, flags u16, count u16, overflow u32
	elementSize     = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	bucketHeaderLen = 16 // root pgid u64, sequence u64

	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
	bucketLeaf   = 0x01

	metaAt         = pageHeaderSize // the meta follows the page header
	metaChecksumAt = metaAt + 56
	metaLen        = metaChecksumAt + 8

	// maxTreeDepth bounds how deep a B+tree may be: bbolt's pages hold
	// at least two keys each, so 32 levels would be more pages than any
	// file can hold. It keeps a malicious chain of branch pages from
	// recursing without end even if it never repeats a page.
	maxTreeDepth = 32
	// maxBucketDepth bounds how deeply buckets nest (jixiao nests at most
	// two levels, schema 1).
	maxBucketDepth = 16
)

// boltMagic is the magic number in a bbolt meta page, after the page
// header.
const boltMagic = 0xED0CDAED

var ne = binary.NativeEndian

// boltMeta is the part of a meta page that the check uses.
type boltMeta struct {
	pageSize uint32
	root     uint64 // the root bucket's root page
	freelist uint64
	pgid     uint64 // high water mark: pages at or above it are not in use
	txid     uint64
}

// readMeta decodes and validates the meta page at page[0:], as bbolt's
// Meta.Validate does.
func readMeta(page []byte, i int) (boltMeta, error) {
	if len(page) < metaLen {
		return boltMeta{}, fmt.Errorf("%w: meta page %d is cut off", ErrCorrupt, i)
	}
	h := fnv.New64a()
	h.Write(page[metaAt:metaChecksumAt])
	if !metaHeaderOK(page) || h.Sum64() != ne.Uint64(page[metaChecksumAt:]) {
		return boltMeta{}, fmt.Errorf("%w: meta page %d fails its checksum", ErrCorrupt, i)
	}
	return boltMeta{
		pageSize: ne.Uint32(page[metaAt+8:]),
		root:     ne.Uint64(page[metaAt+16:]),
		freelist: ne.Uint64(page[metaAt+32:]),
		pgid:     ne.Uint64(page[metaAt+40:]),
		txid:     ne.Uint64(page[metaAt+48:]),
	}, nil
}

// metaHeaderOK reports whether a meta page holds bbolt's magic number and
// format version.
func metaHeaderOK(page []byte) bool {
	return len(page) >= metaLen && ne.Uint32(page[metaAt:]) == boltMagic && ne.Uint32(page[metaAt+4:]) == 2
}

// metaDamage is what Open found wrong with the meta page bbolt can do
// without: bbolt keeps two, written in turn, so that a commit cut off while
// writing its meta page leaves the previous commit readable.
type metaDamage int

const (
	// metasIntact: both meta pages are valid.
	metasIntact metaDamage = iota
	// olderMetaDamaged: the meta page of the commit before the newest one
	// fails its checksum. Nothing is lost: bbolt reads the newest commit
	// and rewrites this page on the next one.
	olderMetaDamaged
	// newerMetaDamaged: a meta page fails its checksum and reads as newer
	// than the valid one (or its version cannot be read): the newest commit
	// was cut off, most likely by a power cut while it wrote that page, and
	// the file reads as it was one commit earlier.
	newerMetaDamaged
)

// metaCandidates are the offsets bbolt tries for the second meta page when
// the first one does not give the page size (DB.getPageSizeFromSecondMeta):
// 1 KB and its doublings, up to the largest page size the check allows.
func metaCandidates(size int) []int {
	var at []int
	for pos := 1024; pos <= 1<<20 && pos < size-1024; pos <<= 1 {
		at = append(at, pos)
	}
	return at
}

// looksLikeBolt tells a damaged bbolt file (ErrCorrupt) from a file that was
// never one (ErrNotJixiao) by the magic number of either meta page (the
// second one at any offset bbolt would look for it).
func looksLikeBolt(data []byte) bool {
	for _, at := range append([]int{0}, metaCandidates(len(data))...) {
		if len(data) >= at+metaAt+4 && ne.Uint32(data[at+metaAt:]) == boltMagic {
			return true
		}
	}
	return false
}

// pageSizeOf returns the page size as bbolt finds it (DB.getPageSize): from
// the first meta page if it is valid, else from the first valid meta page
// at one of metaCandidates.
func pageSizeOf(data []byte) (uint64, error) {
	m, err := readMeta(data, 0)
	for _, at := range metaCandidates(len(data)) {
		if err == nil {
			break
		}
		m, err = readMeta(data[at:], 1)
	}
	if err != nil {
		return 0, fmt.Errorf("%w: both meta pages fail their checksum", ErrCorrupt)
	}
	ps := uint64(m.pageSize)
	if ps < 1024 || ps > 1<<20 || ps&(ps-1) != 0 {
		return 0, fmt.Errorf("%w: page size %d", ErrCorrupt, ps)
	}
	return ps, nil
}

// chooseMeta returns the meta page bbolt will read the file from (DB.meta:
// the valid one with the higher txid) and what is wrong with the other.
func chooseMeta(data []byte, ps uint64) (boltMeta, metaDamage, error) {
	m0, err0 := readMeta(data, 0)
	m1, err1 := readMeta(data[ps:], 1)
	switch {
	case err0 != nil && err1 != nil:
		return boltMeta{}, 0, fmt.Errorf("%w: both meta pages fail their checksum", ErrCorrupt)
	case err0 == nil && err1 == nil:
		if m1.pageSize != m0.pageSize {
			return boltMeta{}, 0, fmt.Errorf("%w: the meta pages disagree on the page size", ErrCorrupt)
		}
		if m1.txid > m0.txid {
			return m1, metasIntact, nil
		}
		return m0, metasIntact, nil
	}
	valid, damaged := m0, data[ps:]
	if err0 != nil {
		valid, damaged = m1, data
	}
	if metaHeaderOK(damaged) && ne.Uint64(damaged[metaAt+48:]) < valid.txid {
		return valid, olderMetaDamaged, nil
	}
	return valid, newerMetaDamaged, nil
}

// checkFile checks the structure of the bbolt file f before bbolt reads
// it: both meta pages, and every page reachable from the one bbolt will
// read (the newer valid one) and from its freelist. bbolt trusts page numbers, key and value offsets and
// counts it reads from the file, and follows them with unchecked pointer
// arithmetic; a flipped byte there makes it read outside the file (a
// fault, fatal in a goroutine bbolt starts itself, as in tx.Check), loop
// on a page cycle or recurse until the stack overflows, none of which a
// recover can stop. So everything bbolt will follow is checked here, in
// the caller's goroutine, on the raw bytes: after checkFile, every page
// bbolt reaches is in the file, of the expected type, visited once, with
// its elements, keys and values inside it and its keys in order; the
// freelist names only pages in the file that nothing uses. The caller holds
// the file's lock, so bbolt then maps exactly these bytes.
//
// A file of zero length is left to the caller (bbolt makes it a new
// database). Errors wrap ErrCorrupt or ErrNotJixiao; a damaged meta page
// that bbolt can do without is no error but the returned metaDamage.
func checkFile(f *os.File) (damage metaDamage, err error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	size := fi.Size()
	if size == 0 {
		return metasIntact, nil
	}
	if int64(int(size)) != size {
		return 0, fmt.Errorf("%w: the file is too large (%d bytes)", ErrCorrupt, size)
	}
	data, unmap, err := mapFile(f, int(size))
	if err != nil {
		return 0, err
	}
	defer unmap()
	// Another process may truncate the mapped file under us (the lock is
	// advisory); reading past its end is then a fault, made a panic here.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return checkPages(data)
}

// checkPages is checkFile on the file's bytes. It checks the tree under the
// meta page bbolt will read (chooseMeta) and returns what is wrong with the
// other one.
func checkPages(data []byte) (metaDamage, error) {
	if !looksLikeBolt(data) {
		return 0, fmt.Errorf("%w: no bbolt meta page", ErrNotJixiao)
	}
	ps, err := pageSizeOf(data)
	if err != nil {
		return 0, err
	}
	if uint64(len(data)) < 2*ps {
		return 0, fmt.Errorf("%w: the file is cut off after %d bytes", ErrCorrupt, len(data))
	}
	m, damage, err := chooseMeta(data, ps)
	if err != nil {
		return 0, err
	}
	if m.pgid < 4 || m.pgid > uint64(len(data))/ps {
		return 0, fmt.Errorf("%w: the file is cut off: %d bytes, %d pages in use of %d bytes", ErrCorrupt, len(data), m.pgid, ps)
	}
	c := &pageChecker{data: data, ps: ps, hwm: m.pgid, state: make([]uint8, m.pgid)}
	c.state[0], c.state[1] = pageUsed, pageUsed
	if err := c.checkFreelist(m.freelist); err != nil {
		return 0, err
	}
	if err := c.checkTree(m.root, 0); err != nil {
		return 0, err
	}
	for id, st := range c.state {
		if st == pageUnseen {
			return 0, fmt.Errorf("%w: page %d is neither used nor free", ErrCorrupt, id)
		}
	}
	return damage, nil
}

// Page states in pageChecker.state.
const (
	pageUnseen = iota
	pageUsed
	pageFree
)

// pageChecker walks the pages of one file.
type pageChecker struct {
	data  []byte
	ps    uint64 // page size
	hwm   uint64 // pages [0, hwm) are in the file
	state []uint8
}

// page returns page id with its overflow pages, after checking that they
// lie below the high water mark, that the page names itself id and has
// one of the given types, and that none of its pages was seen before; it
// marks them used.
func (c *pageChecker) page(id uint64, types ...uint16) ([]byte, error) {
	if id < 2 || id >= c.hwm {
		return nil, fmt.Errorf("%w: page number %d out of range (file has %d pages)", ErrCorrupt, id, c.hwm)
	}
	at := id * c.ps
	hdr := c.data[at : at+pageHeaderSize]
	if got := ne.Uint64(hdr); got != id {
		return nil, fmt.Errorf("%w: page %d calls itself page %d", ErrCorrupt, id, got)
	}
	flags := ne.Uint16(hdr[8:])
	typeOK := false
	for _, t := range types {
		typeOK = typeOK || flags == t
	}
	if !typeOK {
		return nil, fmt.Errorf("%w: page %d has type %#x, want %#x", ErrCorrupt, id, flags, types)
	}
	overflow := uint64(ne.Uint32(hdr[12:]))
	if overflow >= c.hwm-id {
		return nil, fmt.Errorf("%w: page %d runs %d pages past the end of the file", ErrCorrupt, id, overflow)
	}
	for p := id; p <= id+overflow; p++ {
		if c.state[p] != pageUnseen {
			return nil, fmt.Errorf("%w: page %d is reached twice (a cycle, or a page both used and free)", ErrCorrupt, p)
		}
		c.state[p] = pageUsed
	}
	return c.data[at : at+(overflow+1)*c.ps], nil
}

// checkFreelist checks the freelist page and marks the pages it lists free.
func (c *pageChecker) checkFreelist(id uint64) error {
	p, err := c.page(id, freelistPage)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	idx, count := uint64(0), uint64(ne.Uint16(p[10:]))
	if count == 0xFFFF {
		// The count overflowed into the first element.
		idx, count = 1, ne.Uint64(p[pageHeaderSize:])
	}
	room := uint64(len(p)-pageHeaderSize) / 8
	if idx > room || count > room-idx {
		return fmt.Errorf("%w: freelist page %d lists %d pages, room for %d", ErrCorrupt, id, count, room)
	}
	ids := p[pageHeaderSize+8*idx:]
	for i := range count {
		free := ne.Uint64(ids[8*i:])
		if free < 2 || free >= c.hwm {
			return fmt.Errorf("%w: freelist page %d lists page %d, out of range", ErrCorrupt, id, free)
		}
		if c.state[free] != pageUnseen {
			return fmt.Errorf("%w: freelist page %d lists page %d twice or lists itself", ErrCorrupt, id, free)
		}
		c.state[free] = pageFree
	}
	return nil
}

// checkTree checks the B+tree of a bucket whose root is page root, and
// the buckets inside it.
func (c *pageChecker) checkTree(root uint64, bucketDepth int) error {
	if bucketDepth > maxBucketDepth {
		return fmt.Errorf("%w: buckets nested %d deep", ErrCorrupt, bucketDepth)
	}
	_, err := c.checkNode(root, nil, nil, 0, bucketDepth)
	return err
}

// checkNode checks page id of a bucket's tree and the pages under it: all
// its keys must lie in [lo, hi) (a nil bound is open). It returns the
// page's first key.
func (c *pageChecker) checkNode(id uint64, lo, hi []byte, depth, bucketDepth int) ([]byte, error) {
	if depth > maxTreeDepth {
		return nil, fmt.Errorf("%w: page %d is %d levels deep", ErrCorrupt, id, depth)
	}
	p, err := c.page(id, branchPage, leafPage)
	if err != nil {
		return nil, err
	}
	if ne.Uint16(p[8:]) == leafPage {
		return c.checkLeaf(p, id, lo, hi, bucketDepth)
	}
	count := int(ne.Uint16(p[10:]))
	if count == 0 || pageHeaderSize+count*elementSize > len(p) {
		return nil, fmt.Errorf("%w: branch page %d has %d elements", ErrCorrupt, id, count)
	}
	keys := make([][]byte, count)
	children := make([]uint64, count)
	for i := range count {
		e := pageHeaderSize + i*elementSize
		k, err := elementBytes(p, e, ne.Uint32(p[e:]), uint64(ne.Uint32(p[e+4:])))
		if err != nil {
			return nil, fmt.Errorf("branch page %d element %d: %w", id, i, err)
		}
		keys[i], children[i] = k, ne.Uint64(p[e+8:])
	}
	if err := keysInOrder(keys, lo, hi); err != nil {
		return nil, fmt.Errorf("branch page %d: %w", id, err)
	}
	for i, child := range children {
		next := hi
		if i+1 < count {
			next = keys[i+1]
		}
		if _, err := c.checkNode(child, keys[i], next, depth+1, bucketDepth); err != nil {
			return nil, err
		}
	}
	return keys[0], nil
}

// checkLeaf checks the elements of a leaf page p (a page of the file, or a
// bucket's page inline in its parent's value) and the buckets they hold.
func (c *pageChecker) checkLeaf(p []byte, id uint64, lo, hi []byte, bucketDepth int) ([]byte, error) {
	count := int(ne.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return nil, fmt.Errorf("%w: leaf page %d has %d elements, room for %d", ErrCorrupt, id, count, (len(p)-pageHeaderSize)/elementSize)
	}
	keys := make([][]byte, count)
	for i := range count {
		e := pageHeaderSize + i*elementSize
		pos, ksize, vsize := ne.Uint32(p[e+4:]), ne.Uint32(p[e+8:]), ne.Uint32(p[e+12:])
		kv, err := elementBytes(p, e, pos, uint64(ksize)+uint64(vsize))
		if err != nil || ksize == 0 {
			return nil, fmt.Errorf("leaf page %d element %d: %w", id, i, errors.Join(err, errKeySize(ksize)))
		}
		keys[i] = kv[:ksize]
		if ne.Uint32(p[e:])&bucketLeaf == 0 {
			continue
		}
		if err := c.checkBucketValue(kv[ksize:], bucketDepth+1); err != nil {
			return nil, fmt.Errorf("bucket %q in page %d: %w", keys[i], id, err)
		}
	}
	if err := keysInOrder(keys, lo, hi); err != nil {
		return nil, fmt.Errorf("leaf page %d: %w", id, err)
	}
	if count == 0 {
		return nil, nil
	}
	return keys[0], nil
}

func errKeySize(ksize uint32) error {
	if ksize == 0 {
		return fmt.Errorf("%w: empty key", ErrCorrupt)
	}
	return nil
}

// checkBucketValue checks a bucket's value: its root page, or the leaf
// page inline after its header.
func (c *pageChecker) checkBucketValue(v []byte, bucketDepth int) error {
	if len(v) < bucketHeaderLen {
		return fmt.Errorf("%w: bucket value of %d bytes", ErrCorrupt, len(v))
	}
	if root := ne.Uint64(v); root != 0 {
		return c.checkTree(root, bucketDepth)
	}
	if bucketDepth > maxBucketDepth {
		return fmt.Errorf("%w: buckets nested %d deep", ErrCorrupt, bucketDepth)
	}
	inline := v[bucketHeaderLen:]
	if len(inline) < pageHeaderSize || ne.Uint16(inline[8:]) != leafPage {
		return fmt.Errorf("%w: inline bucket page is not a leaf", ErrCorrupt)
	}
	_, err := c.checkLeaf(inline, 0, nil, nil, bucketDepth)
	return err
}

// elementBytes returns the n bytes at pos after the element at offset e of
// page p, as bbolt finds a key (and value), if they lie inside p.
func elementBytes(p []byte, e int, pos uint32, n uint64) ([]byte, error) {
	start := uint64(e) + uint64(pos)
	if start > uint64(len(p)) || n > uint64(len(p))-start {
		return nil, fmt.Errorf("%w: %d bytes at %d, past the end of the page", ErrCorrupt, n, start)
	}
	return p[start : start+n], nil
}

// keysInOrder checks that keys rise strictly and lie in [lo, hi).
func keysInOrder(keys [][]byte, lo, hi []byte) error {
	for i, k := range keys {
		switch {
		case i == 0 && lo != nil && bytes.Compare(k, lo) < 0,
			i > 0 && bytes.Compare(keys[i-1], k) >= 0,
			hi != nil && bytes.Compare(k, hi) >= 0:
			return fmt.Errorf("%w: key %d (%d bytes) out of order", ErrCorrupt, i, len(k))
		}
	}
	return nil
}
