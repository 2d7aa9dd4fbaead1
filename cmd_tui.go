package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/ui"
)

// runTUI opens the terminal app over the database. If the program panics
// (in Update, View or a command) a crash log with the stack is written next
// to the database and Bubble Tea restores the terminal; the store is closed
// on every way out, so the lock is released and every write that was
// committed stays committed.
func runTUI(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "jixiao", "jixiao [--db PATH]\n\nOpens the terminal app.")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao: unexpected argument %q (commands go first: jixiao help)\n", fs.Arg(0))
		return exitUsage
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)

	opts := []tea.ProgramOption{tea.WithOutput(env.stdout)}
	if env.stdin != os.Stdin {
		opts = append(opts, tea.WithInput(env.stdin))
	}
	guard := ui.NewCrashGuard(ui.New(s, &ui.Options{Sample: model.Sample, Notice: recoveryStatus(s.Recovery())}), filepath.Dir(s.Path()))
	p := tea.NewProgram(guard, opts...)
	if _, err := p.Run(); err != nil {
		if errors.Is(err, tea.ErrProgramPanic) {
			fmt.Fprintln(env.stderr, "jixiao: internal error (details above); every edit saved before it is kept")
			if log := guard.LogPath(); log != "" {
				fmt.Fprintln(env.stderr, "jixiao: crash log written to", log)
			}
		} else {
			fmt.Fprintln(env.stderr, "jixiao:", err)
		}
		return exitUsage
	}
	return exitOK
}
