package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/tmuxtest"
	"jixiao/store"
	"jixiao/store/storetest"
)

// TestE2EAppAfterPowerCut: the app opened on a file whose newest commit a
// power cut tore (a second document was being added) shows the file as it
// was before that commit and says so on its status line at start-up, at
// 80×24 and wide, naming the copy it kept; the next start says nothing.
func TestE2EAppAfterPowerCut(t *testing.T) {
	tmuxtest.Available(t)
	bin := tmuxtest.Binary(t, ".")
	for _, size := range [][2]int{{80, 24}, {160, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "jixiao.db")
			s := storetest.MustOpenPath(t, db, &store.Options{NoBackup: true})
			if err := s.CreateDocument(storetest.Document("315002", 2020, 2, 2)); err != nil {
				t.Fatal(err)
			}
			s.Close()
			cutPowerDuringCommit(t, db, func(s *store.Store) error {
				return s.CreateDocument(storetest.Document("315003", 2021, 2, 2))
			})

			app := tmuxtest.Start(t, size[0], size[1], nil, bin, "--db", db)
			screen := app.WaitFor(wait, "315002", "上次中断前最后一处修改可能未保存")
			copies, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "jixiao-damaged-*.db"))
			if len(copies) != 1 || !strings.Contains(screen, filepath.Base(copies[0])) || strings.Contains(screen, "315003") {
				t.Errorf("copies %v; screen:\n%s", copies, screen)
			}
			app.Keys("q")
			app.WaitExit(wait)

			app = tmuxtest.Start(t, size[0], size[1], nil, bin, "--db", db)
			screen = app.WaitFor(wait, "315002")
			if strings.Contains(screen, "上次中断") {
				t.Errorf("the second start reports the cut again:\n%s", screen)
			}
			app.Keys("q")
			app.WaitExit(wait)
		})
	}
}
