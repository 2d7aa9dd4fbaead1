package store_test

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"jixiao/model"
	"jixiao/store"
	"jixiao/store/storetest"
)

// projectIDs returns the IDs of the summaries, in order.
func summaryIDs(sums []model.ProjectSummary) []string {
	ids := make([]string, len(sums))
	for i := range sums {
		ids[i] = sums[i].ID
	}
	return ids
}

func TestCreateAndReadBack(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 3, 2)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	for i, p := range doc.Projects {
		if len(p.ID) != 16 {
			t.Errorf("project %d: ID %q not assigned", i, p.ID)
		}
	}
	s = storetest.MustReopen(t, s, &store.Options{NoBackup: true})

	got, err := s.Document(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("Document after reopen:\n got %+v\nwant %+v", got, doc)
	}
	h, sums, err := s.Header(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	if h.Projects != nil || h.Title != doc.Title || h.Overall != doc.Overall {
		t.Errorf("Header = %+v", h)
	}
	for i := range doc.Projects {
		if want := model.Summarize(&doc.Projects[i]); sums[i] != want {
			t.Errorf("summary %d = %+v, want %+v", i, sums[i], want)
		}
	}
	p, err := s.Project(doc.Key(), doc.Projects[1].ID)
	if err != nil || !reflect.DeepEqual(*p, doc.Projects[1]) {
		t.Errorf("Project = %+v, %v", p, err)
	}
	if err := s.CreateDocument(storetest.Document("315002", 2020, 0, 0)); !errors.Is(err, store.ErrExists) {
		t.Errorf("second CreateDocument: %v, want ErrExists", err)
	}
}

func TestNotFoundAndInvalid(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 1, 1)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	missing := model.DocKey{UnitCode: "999999", Year: 2020}
	p := storetest.Project(5, 0)
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"Document", second(s.Document(missing)), store.ErrNotFound},
		{"Header", third(s.Header(missing)), store.ErrNotFound},
		{"Project of missing doc", second(s.Project(missing, "x")), store.ErrNotFound},
		{"missing Project", second(s.Project(doc.Key(), "nope")), store.ErrNotFound},
		{"SaveHeader", s.SaveHeader(&model.Document{UnitCode: "999999", Year: 2020}), store.ErrNotFound},
		{"SaveProject", s.SaveProject(missing, &p), store.ErrNotFound},
		{"InsertProject", s.InsertProject(missing, &p, 0), store.ErrNotFound},
		{"InsertProject existing ID", s.InsertProject(doc.Key(), &doc.Projects[0], 0), store.ErrExists},
		{"DeleteProject", s.DeleteProject(doc.Key(), "nope"), store.ErrNotFound},
		{"MoveProject", s.MoveProject(doc.Key(), "nope", 0), store.ErrNotFound},
		{"DeleteDocument", s.DeleteDocument(missing), store.ErrNotFound},
		{"no unit code", s.CreateDocument(&model.Document{Year: 2020}), store.ErrInvalidKey},
		{"bad year", s.PutDocument(&model.Document{UnitCode: "1", Year: 20}), store.ErrInvalidKey},
		{"duplicate IDs", s.PutDocument(&model.Document{UnitCode: "1", Year: 2020,
			Projects: []model.Project{{ID: "a"}, {ID: "a"}}}), store.ErrExists},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.err, tt.want)
		}
	}
	// Nothing above may have changed the stored document.
	got, err := s.Document(doc.Key())
	if err != nil || !reflect.DeepEqual(got, doc) {
		t.Errorf("document changed by failed calls: %+v, %v", got, err)
	}
}

func second[T any](_ T, err error) error        { return err }
func third[T, U any](_ T, _ U, err error) error { return err }

func TestProjectEdits(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 3, 1)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	key := doc.Key()
	a, b, c := doc.Projects[0].ID, doc.Projects[1].ID, doc.Projects[2].ID
	n1, n2 := storetest.Project(10, 1), storetest.Project(11, 1)
	n2.ID = "given-id"

	steps := []struct {
		name string
		edit func() error
		want func() []string
	}{
		{"update keeps order", func() error {
			p := doc.Projects[1]
			p.Name = "改名"
			return s.SaveProject(key, &p)
		}, func() []string { return []string{a, b, c} }},
		{"save new appends", func() error { return s.SaveProject(key, &n1) },
			func() []string { return []string{a, b, c, n1.ID} }},
		{"insert at 1", func() error { return s.InsertProject(key, &n2, 1) },
			func() []string { return []string{a, "given-id", b, c, n1.ID} }},
		{"move first to end (clamped)", func() error { return s.MoveProject(key, a, 99) },
			func() []string { return []string{"given-id", b, c, n1.ID, a} }},
		{"move to front (clamped)", func() error { return s.MoveProject(key, c, -3) },
			func() []string { return []string{c, "given-id", b, n1.ID, a} }},
		{"delete", func() error { return s.DeleteProject(key, b) },
			func() []string { return []string{c, "given-id", n1.ID, a} }},
	}
	for _, st := range steps {
		if err := st.edit(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		_, sums, err := s.Header(key)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.Document(key)
		if err != nil {
			t.Fatal(err)
		}
		want := st.want()
		if got := summaryIDs(sums); !slices.Equal(got, want) {
			t.Errorf("%s: header order %v, want %v", st.name, got, want)
		}
		for i := range full.Projects {
			if full.Projects[i].ID != want[i] || model.Summarize(&full.Projects[i]) != sums[i] {
				t.Errorf("%s: project %d = %s, summary %+v", st.name, i, full.Projects[i].ID, sums[i])
			}
		}
	}
	if p, err := s.Project(key, b); err == nil {
		t.Errorf("deleted project still readable: %+v", p)
	}
	if p, _ := s.Project(key, doc.Projects[1].ID); p != nil {
		t.Errorf("project %s survived deletion", p.ID)
	}
}

func TestSaveHeaderLeavesProjects(t *testing.T) {
	s := storetest.MustOpen(t)
	doc := storetest.Document("315002", 2020, 2, 1)
	if err := s.CreateDocument(doc); err != nil {
		t.Fatal(err)
	}
	h := *doc
	h.Projects = nil // a header without projects must not delete them
	h.Status = model.StatusFinal
	h.Measures = []model.Measure{{Title: "加强支出管理", Content: "…"}}
	if err := s.SaveHeader(&h); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(doc.Key())
	if err != nil {
		t.Fatal(err)
	}
	want := h
	want.Projects = doc.Projects
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("after SaveHeader:\n got %+v\nwant %+v", got, &want)
	}
}

func TestPutDocumentReplacesWhole(t *testing.T) {
	s := storetest.MustOpen(t)
	if err := s.PutDocument(storetest.Document("315002", 2020, 5, 1)); err != nil {
		t.Fatal(err)
	}
	repl := storetest.Document("315002", 2020, 2, 3)
	repl.Title = "替换后"
	if err := s.PutDocument(repl); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(repl.Key())
	if err != nil || !reflect.DeepEqual(got, repl) {
		t.Fatalf("after PutDocument: %+v, %v", got, err)
	}
	list, err := s.ListDocuments()
	if err != nil || len(list) != 1 || list[0].Projects != 2 || list[0].Indicators != 6 {
		t.Errorf("list after replace: %+v, %v", list, err)
	}
}

func TestListDocuments(t *testing.T) {
	s := storetest.MustOpen(t)
	if list, err := s.ListDocuments(); err != nil || len(list) != 0 {
		t.Fatalf("empty store lists %v, %v", list, err)
	}
	// Created out of order; "31500" sorts before "315002" although
	// "31500/…" and "315002/…" as strings would not.
	for _, d := range []*model.Document{
		storetest.Document("315002", 2021, 1, 0),
		storetest.Document("315002", 2020, 9, 2),
		storetest.Document("31500", 2022, 0, 0),
		storetest.Document("100", 2020, 2, 1),
	} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.ListDocuments()
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		key         string
		n, ind      int
		budget, fis string
	}
	want := []row{
		{"100/2020", 2, 2, "3.00", "3.00"},
		{"31500/2022", 0, 0, "", ""},
		{"315002/2020", 9, 18, "45.00", "45.00"}, // 1+2+…+9
		{"315002/2021", 1, 0, "1.00", "1.00"},
	}
	if len(list) != len(want) {
		t.Fatalf("got %d rows, want %d", len(list), len(want))
	}
	for i, w := range want {
		g := list[i]
		got := row{g.Key.String(), g.Projects, g.Indicators, g.Budget.String(), g.Fiscal.String()}
		if got != w {
			t.Errorf("row %d = %+v, want %+v", i, got, w)
		}
		if g.UnitName != "测试单位"+g.Key.UnitCode || g.Status != model.StatusDraft {
			t.Errorf("row %d: name %q status %q", i, g.UnitName, g.Status)
		}
	}
	if err := s.DeleteDocument(model.DocKey{UnitCode: "100", Year: 2020}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListDocuments(); len(list) != 3 || list[0].Key.UnitCode != "31500" {
		t.Errorf("after delete: %+v", list)
	}
}

// TestDocumentKeysDoNotOverlap: a 单位编码 may hold NUL, so one document's
// name ("1", 2020 → "1\x002020") can begin another's ("1\x002020\x00x",
// 2019). Lists, reads and deletes of one must not see the other's projects.
func TestDocumentKeysDoNotOverlap(t *testing.T) {
	s := storetest.MustOpen(t)
	short, long := storetest.Document("1", 2020, 2, 1), storetest.Document("1\x002020\x00x", 2019, 3, 1)
	for _, d := range []*model.Document{long, short} {
		if err := s.CreateDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.ListDocuments()
	if err != nil || len(list) != 2 || list[0].Projects != 2 || list[1].Projects != 3 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	if err := s.DeleteDocument(short.Key()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Document(long.Key()); err != nil || !reflect.DeepEqual(got, long) {
		t.Errorf("%q after deleting %q: %v", long.Key(), short.Key(), err)
	}
	if list, err := s.ListDocuments(); err != nil || len(list) != 1 || list[0].Projects != 3 {
		t.Errorf("list after delete: %+v, %v", list, err)
	}
}
