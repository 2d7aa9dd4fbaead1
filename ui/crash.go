package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// CrashGuard wraps the root model so that a panic in its Init, Update or
// View, or in any command it returns, first writes a crash log (the panic
// value and the stack) into a folder, then panics on: Bubble Tea recovers
// it, restores the terminal and makes Program.Run return
// tea.ErrProgramPanic. Every edit saved before the panic is in the file;
// the log is what a developer needs to find the cause.
type CrashGuard struct {
	model tea.Model
	dir   string
	now   func() time.Time

	mu   sync.Mutex
	path string // the log written, once
}

// NewCrashGuard wraps m; crash logs go into dir (the database's folder).
func NewCrashGuard(m tea.Model, dir string) *CrashGuard {
	return &CrashGuard{model: m, dir: dir, now: time.Now}
}

// LogPath returns the crash log written, or "" if there was no panic (or
// the log could not be written).
func (g *CrashGuard) LogPath() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.path
}

// Init runs the model's Init under the guard.
func (g *CrashGuard) Init() tea.Cmd {
	defer g.guard()
	return g.wrap(g.model.Init())
}

// Update runs the model's Update under the guard.
func (g *CrashGuard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer g.guard()
	m, cmd := g.model.Update(msg)
	g.model = m
	return g, g.wrap(cmd)
}

// View runs the model's View under the guard.
func (g *CrashGuard) View() tea.View {
	defer g.guard()
	return g.model.View()
}

// guard, deferred, logs a panic in progress and lets it go on. It runs
// before the stack unwinds, so debug.Stack shows where the panic began.
func (g *CrashGuard) guard() {
	if r := recover(); r != nil {
		g.write(r, debug.Stack())
		panic(r)
	}
}

// write saves the first panic's log; a panic passing several guards (a
// command inside a batch) is logged once.
func (g *CrashGuard) write(r any, stack []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.path != "" {
		return
	}
	now := g.now()
	path := filepath.Join(g.dir, "jixiao-crash-"+now.Format("20060102-150405")+".log")
	body := fmt.Sprintf("jixiao crashed at %s\n\npanic: %v\n\n%s", now.Format(time.RFC3339), r, stack)
	if err := os.WriteFile(path, []byte(body), 0o600); err == nil {
		g.path = path
	}
}

// wrap guards a command and, through the message it returns, the commands
// of a batch or sequence, which Bubble Tea runs on goroutines of its own.
func (g *CrashGuard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		defer g.guard()
		return g.wrapMsg(cmd())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

func (g *CrashGuard) wrapMsg(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.BatchMsg:
		out := make(tea.BatchMsg, len(m))
		for i, c := range m {
			out[i] = g.wrap(c)
		}
		return out
	}
	// tea.Sequence's message is an unexported slice of commands: rebuild
	// it, of the same type, with each command guarded.
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(g.wrap(c)))
		}
		return out.Interface()
	}
	return msg
}
