// Package tmuxtest drives a real terminal program inside tmux for
// end-to-end tests: it types keys (send-keys), pastes text (bracketed
// paste) and reads the screen (capture-pane), as a person at an 80×24 or
// wider terminal would.
package tmuxtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Available reports whether tmux can be run. In CI (CI=true) a missing tmux
// is a failure, because .ci/run installs it; elsewhere tests skip.
func Available(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is required in CI: %v", err)
		}
		t.Skip("tmux not installed; .ci/run installs it")
	}
}

var (
	buildOnce sync.Once
	buildDir  string
	buildPath string
	buildErr  error
)

// Binary builds the module's main package once per test binary and returns
// the path of the executable. pkgDir is the folder of the main package.
//
// It is built without -race: under the race detector every keystroke of a
// typed table costs tens of milliseconds on a loaded machine, and the
// end-to-end tests check what a person sees and what lands in the file. The
// same code runs under -race in the in-process tests (including a real
// Bubble Tea program loop in ui).
func Binary(t testing.TB, pkgDir string) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "jixiao-e2e-")
		if buildErr != nil {
			return
		}
		buildPath = filepath.Join(buildDir, "jixiao")
		cmd := exec.Command("go", "build", "-o", buildPath, ".")
		cmd.Dir = pkgDir
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildPath
}

// Session is one tmux server (its own socket) with one window running the
// program under test.
type Session struct {
	t      testing.TB
	socket string
	name   string
}

// Start runs argv in a new detached tmux session of the given size, with a
// UTF-8 locale and TERM=xterm-256color. extraEnv are KEY=VALUE pairs. The
// session is killed when the test ends.
func Start(t testing.TB, width, height int, extraEnv []string, argv ...string) *Session {
	t.Helper()
	s := &Session{t: t, socket: fmt.Sprintf("jxt-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "app"}
	env := append([]string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"}, extraEnv...)
	var shell strings.Builder
	shell.WriteString("exec env")
	for _, e := range env {
		shell.WriteString(" " + shellQuote(e))
	}
	for _, a := range argv {
		shell.WriteString(" " + shellQuote(a))
	}
	s.tmux("-f", "/dev/null", "new-session", "-d", "-s", s.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), shell.String())
	// Keep the pane after the program exits so its last screen and exit
	// status can be read.
	s.tmux("set-option", "-t", s.name, "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *Session) tmux(args ...string) string {
	s.t.Helper()
	out, err := s.tmuxErr(args...)
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (s *Session) tmuxErr(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// Keys sends tmux key names, e.g. "Enter", "Tab", "C-c", "Down", "q".
func (s *Session) Keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// Type sends text literally, one key press per character, as an input
// method commits it.
func (s *Session) Type(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "-l", text)
}

// Paste sends text as a bracketed paste, as a terminal does for ctrl+v or
// a middle click.
func (s *Session) Paste(text string) {
	s.t.Helper()
	buf := fmt.Sprintf("p%d", time.Now().UnixNano())
	s.tmux("set-buffer", "-b", buf, "--", text)
	s.tmux("paste-buffer", "-p", "-d", "-b", buf, "-t", s.name)
}

// Screen returns the visible screen as plain text, one line per row.
func (s *Session) Screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

// Resize changes the window size.
func (s *Session) Resize(width, height int) {
	s.t.Helper()
	s.tmux("resize-window", "-t", s.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height))
}

// WaitFor polls the screen until it contains every one of want, or fails
// the test after timeout, printing the last screen.
func (s *Session) WaitFor(timeout time.Duration, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var screen string
	for {
		screen = s.Screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(screen, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("after %v the screen lacks %q:\n%s", timeout, missing, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitGone polls until the screen no longer contains text.
func (s *Session) WaitGone(timeout time.Duration, text string) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen := s.Screen()
		if !strings.Contains(screen, text) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("after %v the screen still shows %q:\n%s", timeout, text, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Exited reports whether the program has ended, and its exit status.
func (s *Session) Exited() (bool, int) {
	s.t.Helper()
	out := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead} #{pane_dead_status}"))
	var dead, status int
	fmt.Sscan(out, &dead, &status)
	return dead == 1, status
}

// WaitExit waits for the program to end and returns its exit status.
func (s *Session) WaitExit(timeout time.Duration) int {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if dead, status := s.Exited(); dead {
			return status
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("program still running after %v:\n%s", timeout, s.Screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// PID returns the process ID of the program in the pane.
func (s *Session) PID() int {
	s.t.Helper()
	var pid int
	fmt.Sscan(strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_pid}")), &pid)
	return pid
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
