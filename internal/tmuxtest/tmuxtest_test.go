package tmuxtest

import (
	"strings"
	"testing"
	"time"
)

// TestSessionTypesAndReads checks the harness itself against cat: typed
// CJK text and a bracketed paste reach the program and show on the screen.
func TestSessionTypesAndReads(t *testing.T) {
	Available(t)
	s := Start(t, 80, 24, nil, "cat")
	s.Type("法律援助经费 ≥260件")
	s.Keys("Enter")
	screen := s.WaitFor(5*time.Second, "法律援助经费 ≥260件")
	if n := strings.Count(screen, "法律援助经费"); n < 1 {
		t.Fatalf("typed text missing:\n%s", screen)
	}
	s.Keys("C-d")
	if status := s.WaitExit(5 * time.Second); status != 0 {
		t.Fatalf("cat exit status %d", status)
	}
}
