//go:build unix

package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/internal/tmuxtest"
	"jixiao/model"
	"jixiao/store"
)

// TestE2EKillDuringSaves kills the real binary with SIGKILL while a burst
// of saves is in flight, at 50 moments: bursts of four grid cells committed
// one after another with tab, and bursts of three row moves (J), killed 0
// to 96 ms after the burst's last key was sent (the saves, each one
// fsynced bbolt commit, take about that long). The screen is read just
// before each kill (but for half the bursts of moves): if it showed the whole burst done
// (its last change on screen, no editor open, 已保存 and no 保存中…), all of
// it must be in the file; otherwise some prefix of it, in order. After
// every kill the file opens with store.Open as is (no restore, no commit
// reported lost: a killed process cannot tear a page, the kernel has every
// page it wrote) and holds the project in one of those states.
func TestE2EKillDuringSaves(t *testing.T) {
	tmuxtest.Available(t)
	if testing.Short() {
		t.Skip("drives the real binary 50 times")
	}
	begin := time.Now()
	k := newKillRig(t)

	const moments = 50
	n := 0
	confirmed, inFlight := 0, 0
	found := map[string][]int{}
	for m := range moments {
		delay := time.Duration(m/2) * 4 * time.Millisecond
		k.start()
		var states []model.Project
		var done func(screen string) bool // the whole burst shows as done
		kind := "cells"
		if m%2 == 0 {
			row := m / 2 % 4
			k.cell(row, 2)
			states = []model.Project{k.want}
			// One send-keys for the whole burst, so that it arrives as
			// fast as a typist's: the first cell's editor, then each value
			// replaced and committed, tab opening the next.
			keys := []string{"Enter"}
			var last string
			for c := 2; c <= 5; c++ {
				n++
				last = fmt.Sprintf("lian%03d", n) // not a key name: sent as text
				keys = append(keys, "C-u", last, map[bool]string{true: "Tab", false: "Enter"}[c < 5])
				states = append(states, withCell(states[len(states)-1], row, c, last))
			}
			k.s.Keys(keys...)
			done = func(screen string) bool {
				return strings.Contains(screen, last) && !strings.Contains(screen, "ctrl+c 退出") // no editor open
			}
		} else {
			kind = "moves"
			k.cell(0, 0)
			states = []model.Project{k.want}
			for r := range 3 {
				states = append(states, swapped(states[r], r, r+1))
			}
			k.s.Keys("J", "J", "J")
			done = func(screen string) bool { return strings.Contains(screen, "第 4/4 行") }
		}
		time.Sleep(delay)
		// Every other burst of moves is killed without reading the screen
		// first (reading it takes longer than the three moves' saves), so
		// that those saves too are cut off in flight.
		screen := ""
		if kind == "cells" || m/2%2 == 1 {
			screen = k.s.Screen()
		}
		k.kill(0)
		whole := len(states) - 1
		if screen != "" && done(screen) && strings.Contains(screen, "已保存") && !strings.Contains(screen, "保存中") {
			// Every change of the burst showed 已保存: all must be there.
			confirmed++
			states = states[whole:]
		} else {
			inFlight++
		}
		got := k.check(fmt.Sprintf("kill %d during a burst of %s, %v after its last key", m+1, kind, delay), states)
		if len(states) == 1 {
			got = whole
		}
		found[kind] = append(found[kind], got)
		if s, err := store.Open(k.db, &store.Options{NoBackup: true}); err != nil {
			t.Fatalf("kill %d: %v", m+1, err)
		} else {
			if r := s.Recovery(); r != nil {
				t.Errorf("kill %d: Open reports a lost commit after a kill: %+v", m+1, r)
			}
			s.Close()
		}
	}
	if tmp, _ := filepath.Glob(k.db + ".baktmp-*"); len(tmp) > 0 {
		t.Errorf("temporary backup files left: %v", tmp)
	}
	if copies, _ := filepath.Glob(filepath.Join(filepath.Dir(k.db), "*-damaged-*")); len(copies) > 0 {
		t.Errorf("damaged copies after kills: %v", copies)
	}
	t.Logf("%d kills: %d after the whole burst showed 已保存, %d with saves in flight; changes found in the file per kill: cells (of 4) %v, moves (of 3) %v; %v",
		k.kills, confirmed, inFlight, found["cells"], found["moves"], time.Since(begin).Round(time.Second))
	if k.kills != moments {
		t.Errorf("%d kills, want %d", k.kills, moments)
	}
}
