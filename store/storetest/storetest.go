// Package storetest has helpers for tests that need a real store: a bbolt
// file in t.TempDir(), closed when the test ends. There are no mocks of the
// store; tests use the real file.
package storetest

import (
	"encoding/binary"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
	"jixiao/store"
)

// MustOpen opens a new store in t.TempDir(), without backups (they would
// only slow tests down), and closes it when the test ends.
func MustOpen(t testing.TB) *store.Store {
	t.Helper()
	return MustOpenPath(t, filepath.Join(t.TempDir(), store.FileName), &store.Options{NoBackup: true})
}

// MustOpenPath opens the store at path with opts and closes it when the
// test ends (closing twice is harmless, so a test may close it earlier).
func MustOpenPath(t testing.TB, path string, opts *store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(path, opts)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

// StoredDocument opens the file at path (no backup), reads the document
// key and closes the file again: what a test checks after the real binary
// has written and exited.
func StoredDocument(t testing.TB, path string, key model.DocKey) *model.Document {
	t.Helper()
	s, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer s.Close()
	doc, err := s.Document(key)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return doc
}

// MustReopen closes s and opens its file again with opts.
func MustReopen(t testing.TB, s *store.Store, opts *store.Options) *store.Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("close store: %v", err)
	}
	return MustOpenPath(t, s.Path(), opts)
}

// FiveChanges is the sample as 315002/2021 with five planned changes, one
// of each kind a reviewer meets most: a value, an amount, a goal, a new
// row and a renamed project. (model's own tests have the same five in
// fiveChanges: they cannot import this package.)
func FiveChanges() *model.Document {
	d := model.Sample()
	d.Year = 2021
	d.Projects[0].Indicators[0].Value = "≥300件"
	d.Projects[1].Budget, d.Projects[1].Fiscal = model.MoneyUnits(5_0000), model.MoneyUnits(5_0000)
	d.Projects[2].Goal = "全年开展普法宣传活动不少于 20 场"
	d.Projects[3].Indicators = append(d.Projects[3].Indicators, model.Indicator{L1: "满意度指标", L2: "服务对象满意度指标", L3: "当事人满意度", Desc: "调解当事人满意程度", Value: "≥90%", Basis: "计划标准"})
	d.Projects[4].Name = "社区矫正工作经费"
	return d
}

// Document builds a document of the given unit and year with n projects of
// k indicators each. Project i has 预算数 i+1 万元 (all 财政资金) and code
// P001, P002, …, so totals are easy to predict: n(n+1)/2 万元.
func Document(unit string, year, n, k int) *model.Document {
	d := &model.Document{
		UnitCode: unit, UnitName: "测试单位" + unit, Year: year,
		Title:  fmt.Sprintf("测试单位 %d 年部门预算绩效文本（草案）", year),
		Status: model.StatusDraft, Currency: "万元",
		Overall: "总体绩效目标",
		Goals:   []model.Goal{{Goal: "人民调解工作", Indicator: "各乡镇成立综合调解专班"}},
	}
	for i := range n {
		d.Projects = append(d.Projects, Project(i, k))
	}
	return d
}

// Project builds project number i (from 0) with k indicators and no ID.
func Project(i, k int) model.Project {
	amount := model.MoneyUnits(int64(i+1) * 10_000)
	p := model.Project{
		Code: fmt.Sprintf("P%03d", i+1), Name: fmt.Sprintf("项目%d经费", i+1),
		Budget: amount, Fiscal: amount, Use: "法律援助案件补贴",
		Plan: model.Plan{Mar: model.PercentHundredths(20_00), Jun: model.PercentHundredths(50_00),
			Oct: model.PercentHundredths(80_00), Dec: model.PercentHundredths(100_00)},
		Goal: "为困难群众提供法律援助",
	}
	for j := range k {
		p.Indicators = append(p.Indicators, model.Indicator{
			L1: "产出指标", L2: "数量指标", L3: fmt.Sprintf("办理案件%d", j+1),
			Desc: "全年办理法律援助案件数量", Value: "≥260件", Basis: "上年实际",
		})
	}
	return p
}

// DamageProjects overwrites the stored value of each of the document's
// projects, in the closed database file at path, with bytes that fail
// their checksum, leaving the summaries intact: for tests that show a
// screen or a list is built from summaries only. It writes through bbolt
// in the store's schema-2 layout (store's package comment); a test that
// also reads a damaged project back fails if the layout moves on.
func DamageProjects(t testing.TB, path string, key model.DocKey, ids []string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Appendf(nil, "%s\x00%04d", key.UnitCode, key.Year)
	prefix := append(binary.AppendUvarint(nil, uint64(len(name))), name...)
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("projects"))
		if b == nil {
			return fmt.Errorf("no projects bucket in %s", path)
		}
		for _, id := range ids {
			k := append(append(slices.Clip(prefix), id...), 0, 'p')
			if b.Get(k) == nil {
				return fmt.Errorf("project %s of %s is not stored at %q", id, key, k)
			}
			if err := b.Put(k, []byte("{damaged")); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// MountTmpfs mounts a tmpfs of the given size (e.g. "2m") on a new folder,
// for tests of a full or read-only disk, and unmounts it at cleanup. Where
// the test may not mount (not root, no mount(8), a container without the
// capability) it skips, saying why.
func MountTmpfs(t testing.TB, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}
