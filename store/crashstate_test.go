package store_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// sectorSize is the unit a disk writes whole: a power cut can leave any of
// a page's sectors written and the others not.
const sectorSize = 512

// commitWrites is what one bbolt commit wrote, read back from the file
// before and after it. bbolt has no write hook, so the test diffs the two
// files page by page; the order is bbolt's commit protocol (tx.Commit,
// tx.write, tx.writeMeta in go.etcd.io/bbolt v1.5): grow the file if needed
// (truncate, fsync), write the dirty data pages (sorted by id) into pages
// that the committed tree does not use, fdatasync, write the meta page of
// the new txid (page txid%2, over the meta of the commit before the last),
// fdatasync.
type commitWrites struct {
	before, after []byte // the file before and after the commit
	ps            int
	data          []int // the data pages that changed, in write order
	meta          int   // the meta page the commit wrote
}

func diffCommit(t *testing.T, before, after []byte) commitWrites {
	t.Helper()
	ps := os.Getpagesize()
	if len(after) < len(before) || len(after)%ps != 0 {
		t.Fatalf("file went from %d to %d bytes", len(before), len(after))
	}
	// Growing truncates with zeros and is fsynced before any page is
	// written, so every state starts from the old file at the new size.
	base := make([]byte, len(after))
	copy(base, before)
	w := commitWrites{before: base, after: after, ps: ps, meta: -1}
	for id := range len(after) / ps {
		if bytes.Equal(base[id*ps:(id+1)*ps], after[id*ps:(id+1)*ps]) {
			continue
		}
		switch {
		case id >= 2:
			w.data = append(w.data, id)
		case w.meta >= 0:
			t.Fatal("the commit wrote both meta pages")
		default:
			w.meta = id
		}
	}
	if w.meta < 0 || len(w.data) == 0 {
		t.Fatalf("the commit wrote meta page %d and data pages %v", w.meta, w.data)
	}
	return w
}

// crashState is one file a power cut during the commit can leave: the file
// before the commit with the pages the commit wrote as in pages.
type crashState struct {
	name  string
	pages map[int][]byte // page id: its bytes in this state
	// isNew: the commit is whole and the file must read as after it;
	// otherwise as before it. recovery: Open must report a lost commit.
	isNew, recovery bool
}

// page returns page id with bytes [from, to) as the commit wrote them and
// the rest as before it.
func (w commitWrites) page(id, from, to int) []byte {
	p := slices.Clone(w.before[id*w.ps : (id+1)*w.ps])
	copy(p[from:to], w.after[id*w.ps+from:id*w.ps+to])
	return p
}

// file returns the whole file of state st.
func (w commitWrites) file(st crashState) []byte {
	f := slices.Clone(w.before)
	for id, p := range st.pages {
		copy(f[id*w.ps:], p)
	}
	return f
}

// states builds every state a power cut can leave, within what a disk
// does: before the first fsync, any subset of the data pages written
// whole, and (sampled by every) any subset with one more page torn after
// each of its sectors; after it, all data pages and the meta page absent,
// torn after each sector (its first sectors written, or its last ones),
// torn inside its first sector at each field of the meta (a disk that
// tears sectors), or whole.
func (w commitWrites) states(every int) []crashState {
	var out []crashState
	n := len(w.data)
	subset := func(mask int) map[int][]byte {
		pages := map[int][]byte{w.meta: w.page(w.meta, 0, 0)}
		for i, id := range w.data {
			pages[id] = w.page(id, 0, 0)
			if mask&(1<<i) != 0 {
				pages[id] = w.page(id, 0, w.ps)
			}
		}
		return pages
	}
	for mask := range 1 << n {
		out = append(out, crashState{name: fmt.Sprintf("data pages %b written", mask), pages: subset(mask)})
	}
	k := 0
	for i, id := range w.data {
		for mask := range 1 << n {
			if mask&(1<<i) != 0 {
				continue
			}
			for cut := sectorSize; cut < w.ps; cut += sectorSize {
				if k++; k%every != 0 {
					continue
				}
				pages := subset(mask)
				pages[id] = w.page(id, 0, cut)
				out = append(out, crashState{name: fmt.Sprintf("data pages %b written, page %d torn after %d bytes", mask, id, cut), pages: pages})
			}
		}
	}

	meta := func(from, to int) map[int][]byte {
		pages := subset(1<<n - 1)
		pages[w.meta] = w.page(w.meta, from, to)
		return pages
	}
	out = append(out, crashState{name: "data pages synced, meta page not written", pages: meta(0, 0)})
	for cut := sectorSize; cut < w.ps; cut += sectorSize {
		// The meta lies in the first sector: with it the commit is whole.
		out = append(out,
			crashState{name: fmt.Sprintf("meta page's first %d bytes written", cut), pages: meta(0, cut), isNew: true},
			crashState{name: fmt.Sprintf("meta page's bytes from %d written", cut), pages: meta(cut, w.ps)})
	}
	for cut := 8; cut < metaChecksumAt+8; cut += 8 {
		// The checksum is the meta's last field, so it fails; Open reports
		// the lost commit once the txid (the field before it) reads newer.
		out = append(out, crashState{name: fmt.Sprintf("meta page's first %d bytes written", cut), pages: meta(0, cut),
			recovery: cut > metaTxidAt})
	}
	return append(out, crashState{name: "meta page written", pages: meta(0, w.ps), isNew: true})
}

// crashStatesAfterSync is how many of commitWrites.states come after the
// data pages' fsync: the meta page absent, torn at 7 sector boundaries
// two ways and at 9 fields, or whole.
const crashStatesAfterSync = 1 + 2*7 + 9 + 1

// TestCrashStates cuts the power at every point of a commit of one edit
// (one indicator's value, what a grid cell's 已保存 commits) in a document
// of 10 and of 1,000 projects, and opens each state the cut can leave with
// the real store.Open: each must open and hold the document exactly as it
// was before the edit or exactly as after it, never an error or a third
// state; a commit whose meta page was torn is reported as lost (Recovery)
// once its txid reads newer, with the file as found kept beside it. Run
// with -v for the number of states. Each state's data is compared byte for
// byte with the data before or after (store.ContentHash), and decoded as
// a document in one state of 20 and in every state after the data fsync.
// Under -race, at 1,000 projects, every third state with a torn data page
// is opened (they differ only in bytes of pages the old tree does not
// use; -short: every ninth); otherwise all are.
func TestCrashStates(t *testing.T) {
	for _, n := range []int{10, 1000} {
		t.Run(fmt.Sprintf("%d projects", n), func(t *testing.T) {
			every := 1
			if n > 100 && raceEnabled {
				every = 3
			}
			if n > 100 && testing.Short() {
				every = 9
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "jixiao.db")
			s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
			doc := storetest.Document("315002", 2020, n, 3)
			if err := s.CreateDocument(doc); err != nil {
				t.Fatal(err)
			}
			old, err := s.Document(doc.Key())
			if err != nil {
				t.Fatal(err)
			}
			before := readFile(t, path)
			writes := s.Stats().Write
			p := old.Projects[n/2]
			p.Indicators = slices.Clone(p.Indicators)
			p.Indicators[1].Value = "≥300件"
			if err := s.SaveProject(doc.Key(), &p); err != nil {
				t.Fatal(err)
			}
			writes = s.Stats().Write - writes
			s.Close()
			after := readFile(t, path)
			updated := storetest.StoredDocument(t, path, doc.Key())
			if reflect.DeepEqual(updated, old) {
				t.Fatal("the edit changed nothing")
			}

			w := diffCommit(t, before, after)
			if int64(len(w.data)+1) != writes {
				t.Errorf("bbolt counted %d page writes, the file shows %d data pages and a meta page changed", writes, len(w.data))
			}
			states := w.states(every)
			t.Logf("%d projects (%d KB): the commit writes data pages %v, fsync, meta page %d, fsync; %d power-cut states opened",
				n, len(after)>>10, w.data, w.meta, len(states))
			oldHash, newHash := contentHash(t, before), contentHash(t, after)
			write(t, path, w.before)
			for i, st := range states {
				// Every state's data is compared byte for byte; the
				// document is decoded and compared too in one state of
				// every 20 and each state after the data pages are synced.
				decode := i%20 == 0 || i >= len(states)-crashStatesAfterSync
				checkCrashState(t, path, w, st, old, updated, oldHash, newHash, decode)
			}
		})
	}
}

// contentHash is store.ContentHash of a file's bytes.
func contentHash(t *testing.T, file []byte) [32]byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jixiao.db")
	write(t, path, file)
	s := storetest.MustOpenPath(t, path, &store.Options{NoBackup: true})
	defer s.Close()
	sum, err := store.ContentHash(s)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// checkCrashState writes the state's pages into the file at path (which
// holds w.before elsewhere), opens it and checks it holds
// the data before or after the commit exactly (if decode, also reading the
// document and the list through the store), and that Open reported a lost
// commit if and only if it should, keeping the file as found.
func checkCrashState(t *testing.T, path string, w commitWrites, st crashState, old, updated *model.Document, oldHash, newHash [32]byte, decode bool) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range st.pages {
		if _, err := f.WriteAt(p, int64(id*w.ps)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	want, wantHash, other := old, oldHash, "old"
	if st.isNew {
		want, wantHash, other = updated, newHash, "new"
	}
	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatalf("%s: %v", st.name, err)
	}
	r := s.Recovery()
	sum, err := store.ContentHash(s)
	var got *model.Document
	if err == nil && decode {
		if got, err = s.Document(want.Key()); err == nil {
			_, err = s.ListDocuments()
		}
	}
	s.Close()
	if err != nil {
		t.Fatalf("%s: %v", st.name, err)
	}
	if sum != wantHash || decode && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the data is not the %s data", st.name, other)
	}
	copies := damagedCopies(t, path)
	if (r != nil) != st.recovery || len(copies) != len(slices.DeleteFunc(copies, func(string) bool { return r == nil })) {
		t.Fatalf("%s: Recovery %+v, damaged copies %v, want a Recovery: %v", st.name, r, copies, st.recovery)
	}
	if r != nil {
		if kept := readFile(t, r.DamagedCopy); !bytes.Equal(kept, w.file(st)) {
			t.Fatalf("%s: the damaged copy is not the file as found", st.name)
		}
		for _, c := range copies {
			os.Remove(c)
		}
		// Open committed to mend the meta page: start again from before.
		write(t, path, w.before)
	}
}
