package store_test

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// The layout of a bbolt meta page (go.etcd.io/bbolt/internal/common): a
// 16-byte page header, then magic, version, page size, flags (4 bytes
// each), the root bucket (16), freelist, high water mark, txid and
// checksum (8 each).
const (
	metaRootAt     = 16 + 16
	metaTxidAt     = 16 + 48
	metaChecksumAt = 16 + 56
)

// commitStates makes a file holding a document of three projects, then
// commits one edit to it. It returns the file's bytes before and after
// that commit, the document in each, and which meta page (0 or 1) the
// commit wrote.
func commitStates(t *testing.T, path string) (before, after []byte, docBefore, docAfter *model.Document, newer int) {
	t.Helper()
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	doc := storetest.Document("315002", 2020, 3, 2)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before = readFile(t, path)
	docBefore = storetest.StoredDocument(t, path, doc.Key())

	s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	p := docBefore.Projects[1]
	p.Indicators = append([]model.Indicator(nil), p.Indicators...)
	p.Indicators[0].Value = "≥300件"
	if err := s.SaveProject(doc.Key(), &p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	after = readFile(t, path)
	docAfter = storetest.StoredDocument(t, path, doc.Key())
	if metaTxid(after, 1) > metaTxid(after, 0) {
		newer = 1
	}
	return before, after, docBefore, docAfter, newer
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// metaTxid is the txid written in meta page i of data.
func metaTxid(data []byte, i int) uint64 {
	return binary.NativeEndian.Uint64(data[i*os.Getpagesize()+metaTxidAt:])
}

var damagedCopyName = regexp.MustCompile(`^jixiao-damaged-\d{8}-\d{6}(-\d+)?\.db$`)

// damagedCopies lists the files Open kept beside path as found.
func damagedCopies(t *testing.T, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var copies []string
	for _, e := range entries {
		if damagedCopyName.MatchString(e.Name()) {
			copies = append(copies, filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
	return copies
}

// TestOpenTornNewestMeta: a power cut while a commit writes its meta page
// (the commit's last write, before 已保存 can show) leaves that page torn.
// bbolt reads such a file as it was one commit earlier; so does Open now,
// keeping the file as found beside it and saying so through Recovery, and
// the next open finds the file whole and says nothing.
func TestOpenTornNewestMeta(t *testing.T) {
	ps := os.Getpagesize()
	tests := []struct {
		name string
		tear func(before, after []byte, page int) // page is the torn meta page's offset
	}{
		{"checksum not yet written", func(before, after []byte, page int) {
			copy(after[page+metaChecksumAt:page+ps], before[page+metaChecksumAt:page+ps])
		}},
		{"txid half written", func(before, after []byte, page int) {
			copy(after[page+metaTxidAt+4:page+ps], before[page+metaTxidAt+4:page+ps])
		}},
		{"page zeroed", func(_, after []byte, page int) { clear(after[page : page+ps]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "jixiao.db")
			before, after, docBefore, _, newer := commitStates(t, path)
			tt.tear(before, after, newer*ps)
			write(t, path, after)

			s, err := store.Open(path, &store.Options{NoBackup: true})
			if err != nil {
				t.Fatalf("Open of a file with a torn newest meta page: %v", err)
			}
			r := s.Recovery()
			got, err := s.Document(docBefore.Key())
			s.Close()
			if err != nil || !reflect.DeepEqual(got, docBefore) {
				t.Fatalf("the document is not as it was before the cut-off commit: %v", err)
			}
			copies := damagedCopies(t, path)
			if r == nil || len(copies) != 1 || r.DamagedCopy != copies[0] {
				t.Fatalf("Recovery %+v, damaged copies %v; want one, named by Recovery", r, copies)
			}
			if kept := readFile(t, r.DamagedCopy); !reflect.DeepEqual(kept, after) {
				t.Error("the damaged copy is not the file as it was found")
			}

			// Open committed once: both meta pages are valid again.
			s = storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
			if r := s.Recovery(); r != nil {
				t.Errorf("second open: Recovery %+v, want nil", r)
			}
			if got, err := s.Document(docBefore.Key()); err != nil || !reflect.DeepEqual(got, docBefore) {
				t.Errorf("second open: %v", err)
			}
			if copies := damagedCopies(t, path); len(copies) != 1 {
				t.Errorf("second open: damaged copies %v", copies)
			}
		})
	}
}

// TestOpenDamagedOlderMeta: the meta page of the commit before the newest
// one is damaged. bbolt reads the newest commit and loses nothing; Open
// opens it without a word and without a copy.
func TestOpenDamagedOlderMeta(t *testing.T) {
	ps := os.Getpagesize()
	path := filepath.Join(t.TempDir(), "jixiao.db")
	_, after, _, docAfter, newer := commitStates(t, path)
	after[(1-newer)*ps+metaRootAt] ^= 0x10
	write(t, path, after)
	backup := path + ".bak-20200101-120000"
	write(t, backup, []byte("a backup"))

	for i := range 2 {
		s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
		if r := s.Recovery(); r != nil {
			t.Errorf("open %d: Recovery %+v, want nil", i+1, r)
		}
		if got, err := s.Document(docAfter.Key()); err != nil || !reflect.DeepEqual(got, docAfter) {
			t.Fatalf("open %d: the newest commit is not what opened: %v", i+1, err)
		}
		s.Close()
	}
	if copies := damagedCopies(t, path); len(copies) != 0 {
		t.Errorf("damaged copies %v, want none", copies)
	}
	// Open mended the older page: damage to the newest one now falls back
	// to it instead of leaving no valid meta page.
	data := readFile(t, path)
	newest := 0
	if metaTxid(data, 1) > metaTxid(data, 0) {
		newest = 1
	}
	data[newest*ps+metaRootAt] ^= 0x10
	write(t, path, data)
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	if got, err := s.Document(docAfter.Key()); err != nil || !reflect.DeepEqual(got, docAfter) || s.Recovery() == nil {
		t.Errorf("after the older page was mended, the newest damaged: %v, Recovery %v", err, s.Recovery())
	}
}

// TestOpenMetaDamageRefused: when neither meta page leads to a sound file,
// Open refuses as for any damage, naming the newest backup, and changes
// and copies nothing.
func TestOpenMetaDamageRefused(t *testing.T) {
	ps := os.Getpagesize()
	tests := []struct {
		name   string
		damage func(before, after []byte, newer int)
	}{
		{"both meta pages", func(_, after []byte, _ int) {
			after[metaRootAt] ^= 0x10
			after[ps+metaRootAt] ^= 0x10
		}},
		{"newest meta, and the tree under the older one", func(_, after []byte, newer int) {
			older := (1 - newer) * ps
			// The older commit's root page: the commit after it copied it
			// elsewhere, so only the older meta page leads to it.
			root := binary.NativeEndian.Uint64(after[older+metaRootAt:])
			binary.NativeEndian.PutUint64(after[int(root)*ps:], root+1)
			after[newer*ps+metaChecksumAt] ^= 0x01
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "jixiao.db")
			before, after, _, _, newer := commitStates(t, path)
			tt.damage(before, after, newer)
			write(t, path, after)
			backup := path + ".bak-20200101-120000"
			write(t, backup, []byte("a backup"))

			s, err := store.Open(path, nil)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			var oe *store.OpenError
			if !errors.Is(err, store.ErrCorrupt) || !errors.As(err, &oe) || oe.Backup != backup {
				t.Errorf("Open: %v, want ErrCorrupt naming %s", err, backup)
			}
			if got := readFile(t, path); !reflect.DeepEqual(got, after) {
				t.Error("a refused Open changed the file")
			}
			if copies := damagedCopies(t, path); len(copies) != 0 {
				t.Errorf("damaged copies %v, want none", copies)
			}
		})
	}
}

// TestOpenFlippedMetaBytes flips each byte of the page header and meta of
// both meta pages in turn. One meta page is always intact, so every case
// opens: a hit on the newer one's meta opens the commit before it with a
// Recovery; a hit on the older one opens the newest commit, silently unless
// the hit made the older page's version or txid unreadable as older (a
// false alarm, which the user's message allows for); a hit on a page
// header (which bbolt does not read) changes nothing.
func TestOpenFlippedMetaBytes(t *testing.T) {
	ps := os.Getpagesize()
	dir := t.TempDir()
	path := filepath.Join(dir, "jixiao.db")
	_, after, docBefore, docAfter, newer := commitStates(t, path)
	cases, recovered := 0, 0
	for page := range 2 {
		for at := range metaChecksumAt + 8 {
			data := append([]byte(nil), after...)
			data[page*ps+at] ^= 0xFF
			write(t, path, data)
			s, err := store.Open(path, &store.Options{NoBackup: true})
			if err != nil {
				t.Fatalf("meta page %d byte %d flipped: %v", page, at, err)
			}
			got, err := s.Document(docAfter.Key())
			r := s.Recovery()
			s.Close()
			if err != nil {
				t.Fatalf("meta page %d byte %d flipped: %v", page, at, err)
			}
			cases++
			want, wantRecovery := docAfter, false
			switch {
			case at < 16: // the page header
			case page == newer:
				want, wantRecovery = docBefore, true
			case at < 16+8 || at >= metaTxidAt && at < metaTxidAt+8: // magic, version, txid
				wantRecovery = r != nil
			}
			if !reflect.DeepEqual(got, want) || (r != nil) != wantRecovery {
				t.Errorf("meta page %d (newer %d) byte %d flipped: Recovery %v, got the %s document", page, newer, at, r, map[bool]string{true: "newest", false: "other"}[reflect.DeepEqual(got, docAfter)])
			}
			if r != nil {
				recovered++
			}
		}
	}
	t.Logf("%d flips, %d opened the commit before with a Recovery or a false alarm", cases, recovered)
}
