package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// TestSummaryRoundTrip: every project of a generated document (amounts
// with and without 其他资金, each review status, notes) and a blank one
// come back from their stored form exactly.
func TestSummaryRoundTrip(t *testing.T) {
	ps := append(model.Generate(30, 4).Projects, model.Project{ID: "empty"})
	ps[1].Review = model.Review{Status: model.ReviewApproved, Note: "第一行\n第二行"}
	ps[2].Review.Status = model.ReviewChanges
	ps[2].Indicators[1].Note = "指标值请量化"
	for i := range ps {
		want := model.Summarize(&ps[i])
		got, err := decodeSummary(seal(encodeSummary(&want)), func() string { return "summary " + want.ID })
		if err != nil || got != want {
			t.Errorf("project %d: got %+v, %v; want %+v", i, got, err, want)
		}
	}
}

// TestSummaryDamage: a damaged summary is ErrCorrupt naming the value,
// never a wrong summary.
func TestSummaryDamage(t *testing.T) {
	good := "g1\x1fP001\x1f法律援助\x1f10000\x1f10000\x1f\x1f3\x1f20\x1f30\x1f需修改\x1f2"
	if _, err := decodeSummary(seal([]byte(good)), func() string { return "x" }); err != nil {
		t.Fatalf("the good value does not decode: %v", err)
	}
	flipped := seal([]byte(good))
	flipped[3] ^= 1
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"missing", nil, "is missing"},
		{"truncated", []byte{1, 2}, "is truncated"},
		{"flipped byte", flipped, "fails its checksum"},
		{"10 fields", seal([]byte(strings.TrimSuffix(good, "\x1f2"))), "has 10 fields"},
		{"12 fields", seal([]byte(good + "\x1f1")), "more than 11 fields"},
		{"9 fields (schema 2)", seal([]byte(strings.TrimSuffix(good, "\x1f需修改\x1f2"))), "has 9 fields"},
		{"bad review status", seal([]byte(strings.Replace(good, "需修改", "通过", 1))), "bad review status"},
		{"pending spelled out", seal([]byte(strings.Replace(good, "需修改", "未审核", 1))), "bad review status"},
		{"negative notes", seal([]byte(strings.Replace(good, "\x1f2", "\x1f-2", 1))), "bad count"},
		{"bad budget", seal([]byte(strings.Replace(good, "\x1f10000\x1f", "\x1f1e4\x1f", 1))), "bad budget"},
		{"negative count", seal([]byte(strings.Replace(good, "\x1f3\x1f", "\x1f-3\x1f", 1))), "bad count"},
		{"bad count", seal([]byte(strings.Replace(good, "\x1f30", "\x1fthirty", 1))), "bad count"},
		{"bad notes", seal([]byte(good + "x")), "bad count"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := decodeSummary(tc.data, func() string { return "summary of project g1" })
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "summary of project g1") {
				t.Errorf("got %+v, %v; want ErrCorrupt saying %q about summary of project g1", s, err, tc.want)
			}
		})
	}
}

// TestHeaderMissingSummary: a project in the order list without its summary
// (which no edit leaves behind) is damage, reported by name; a summary of a
// project missing from the order is not shown.
func TestHeaderMissingSummary(t *testing.T) {
	s, err := Open(t.TempDir()+"/"+FileName, &Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := &model.Document{UnitCode: "315002", Year: 2020, Projects: []model.Project{{Code: "A"}, {Code: "B"}, {Code: "C"}}}
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	edit := func(fn func(d *docRef) error) {
		t.Helper()
		if err := s.update(func(tx *bolt.Tx) error {
			d, err := openDoc(tx, doc.Key())
			if err != nil {
				return err
			}
			return fn(d)
		}); err != nil {
			t.Fatal(err)
		}
	}
	// B leaves the order only: the header shows A and C.
	edit(func(d *docRef) error { return d.putOrder([]string{doc.Projects[0].ID, doc.Projects[2].ID}) })
	if _, sums, err := s.Header(doc.Key()); err != nil || len(sums) != 2 || sums[0].Code != "A" || sums[1].Code != "C" {
		t.Errorf("Header with B out of the order: %+v, %v", sums, err)
	}
	// C's summary goes: damage naming C.
	edit(func(d *docRef) error { return d.projects.Delete(d.summaryKey(doc.Projects[2].ID)) })
	if _, _, err := s.Header(doc.Key()); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), doc.Projects[2].ID) {
		t.Errorf("Header without C's summary: %v, want ErrCorrupt naming %s", err, doc.Projects[2].ID)
	}
}
