package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// bomb is a model that panics where told: in Update, in View, or in a
// command run alone, in a batch or in a sequence.
type bomb struct{ where string }

type boomMsg struct{}

func (b *bomb) Init() tea.Cmd {
	boom := func() tea.Msg { panic("boom in " + b.where) }
	switch b.where {
	case "cmd":
		return boom
	case "batch":
		return tea.Batch(func() tea.Msg { return nil }, boom)
	case "sequence":
		return tea.Sequence(func() tea.Msg { return nil }, boom)
	}
	return func() tea.Msg { return boomMsg{} }
}

func (b *bomb) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(boomMsg); ok {
		switch b.where {
		case "update":
			panic("boom in update")
		case "view":
			b.where = "view now"
		}
	}
	return b, nil
}

func (b *bomb) View() tea.View {
	if b.where == "view now" {
		panic("boom in view")
	}
	return tea.NewView("ok")
}

// TestCrashGuardWritesALog panics in each place in a real tea.Program: Run
// returns ErrProgramPanic, and exactly one crash log is in the folder with
// the panic value and the stack down to the panicking function.
func TestCrashGuardWritesALog(t *testing.T) {
	for _, where := range []string{"update", "view", "cmd", "batch", "sequence"} {
		t.Run(where, func(t *testing.T) {
			dir := t.TempDir()
			g := NewCrashGuard(&bomb{where: where}, dir)
			g.now = func() time.Time { return fixedNow }
			var out bytes.Buffer
			p := tea.NewProgram(g, tea.WithInput(&bytes.Buffer{}), tea.WithOutput(&out), tea.WithoutSignals())
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the program did not end after the panic")
			}
			if !errors.Is(err, tea.ErrProgramPanic) {
				t.Fatalf("Run returned %v, want ErrProgramPanic", err)
			}
			want := filepath.Join(dir, "jixiao-crash-20260301-150405.log")
			if g.LogPath() != want {
				t.Fatalf("LogPath = %q, want %q", g.LogPath(), want)
			}
			logs, _ := filepath.Glob(filepath.Join(dir, "jixiao-crash-*.log"))
			if len(logs) != 1 {
				t.Fatalf("%d crash logs, want 1: %v", len(logs), logs)
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			log := string(b)
			for _, s := range []string{"panic: boom in " + where[:min(len(where), 4)], "goroutine ", "crash_test.go"} {
				if !strings.Contains(log, s) {
					t.Errorf("crash log lacks %q:\n%s", s, log)
				}
			}
		})
	}
}
