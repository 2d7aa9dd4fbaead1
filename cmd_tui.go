package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/ui"
)

// runTUI opens the terminal app over the database. If the program panics
// (in Update, View or a command) a crash log with the stack is written next
// to the database and Bubble Tea restores the terminal; the store is closed
// on every way out, so the lock is released and every write that was
// committed stays committed.
func runTUI(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "jixiao", "jixiao [--db PATH]\n\n打开终端应用。")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao: 多余的参数 %q（命令要写在最前面：jixiao help）\n", fs.Arg(0))
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
			fmt.Fprintln(env.stderr, "jixiao: 内部错误（详情见上）；此前保存的每处修改都还在")
			if log := guard.LogPath(); log != "" {
				fmt.Fprintln(env.stderr, "jixiao: 崩溃日志已写入", log)
			}
		} else {
			fmt.Fprintln(env.stderr, "jixiao:", errtext.Reason(err))
		}
		return exitUsage
	}
	return exitOK
}
