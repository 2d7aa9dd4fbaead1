// Command jixiao is an offline terminal app for filling in and reviewing a
// department's yearly budget performance targets (预算绩效目标).
//
// Usage:
//
//	jixiao [--db PATH]              open the TUI
//	jixiao COMMAND [flags]          run a command; jixiao help lists them
//
// Exit codes: 0 ok, 1 a domain failure (e.g. check found errors), 2 usage or
// I/O error. Errors go to stderr in plain words.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK     = 0
	exitDomain = 1
	exitUsage  = 2
)

// command is one subcommand. run gets the arguments after the command name
// and returns the exit code.
type command struct {
	name    string
	summary string
	run     func(env *cliEnv, args []string) int
}

// commands is filled by the cmd_*.go files' init functions, one file per
// command, so each command's flags and behaviour live together.
var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// cliEnv carries the process's streams and environment, so commands can be
// tested in-process.
type cliEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func main() {
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	code := run(env, os.Args[1:])
	if waitBeforeClosing(code, ownConsole()) {
		// A double-clicked jixiao.exe that fails (the file is in use,
		// damaged …) would otherwise close its window before its message
		// can be read.
		fmt.Fprint(os.Stderr, "\n按回车键关闭此窗口。")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	os.Exit(code)
}

// waitBeforeClosing reports whether to keep the window open until enter:
// only on a failure, and only in a console window that closes with jixiao.
func waitBeforeClosing(code int, ownConsole bool) bool {
	return code != exitOK && ownConsole
}

// run dispatches to a command. With no command (or only flags such as
// --db), it opens the TUI.
func run(env *cliEnv, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		return runTUI(env, args)
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help", "help":
		usage(env.stdout)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.stderr, "jixiao: 没有 %q 这个命令\n\n", name)
		usage(env.stderr)
		return exitUsage
	}
	return c.run(env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "jixiao — 预算绩效目标，离线填写与审核")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "用法：")
	fmt.Fprintln(w, "  jixiao [--db PATH]         打开终端应用")
	fmt.Fprintln(w, "  jixiao COMMAND [参数]      运行一个命令（COMMAND -h 列出它的参数）")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "数据文件是 $JIXIAO_DB，否则是 $XDG_DATA_HOME/jixiao/jixiao.db（见 README）。")
	fmt.Fprintln(w, "文档以 单位编码/年度 指称，例如 315002/2020。")
}

// newFlagSet returns a flag set that reports errors to env.stderr and does
// not exit, with the --db flag every command takes.
func newFlagSet(env *cliEnv, name, synopsis string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	db := fs.String("db", "", "数据文件（默认 $JIXIAO_DB，否则 $XDG_DATA_HOME/jixiao/jixiao.db）")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "用法：%s\n\n参数：\n", synopsis)
		printFlags(fs)
	}
	return fs, db
}

// printFlags is flag.PrintDefaults in Chinese: the flag package's own
// "(default …)" is English.
func printFlags(fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if len(f.Name) == 1 {
			line = "  -" + f.Name
		}
		if n, ok := map[string]string{"string": "字符串", "int": "整数", "value": "值"}[name]; ok {
			name = n
		}
		if name != "" {
			line += " " + name
		}
		fmt.Fprintln(fs.Output(), line)
		if f.DefValue != "" && f.DefValue != "false" && !strings.Contains(text, "默认") {
			text += "（默认 " + f.DefValue + "）"
		}
		fmt.Fprintf(fs.Output(), "      %s\n", text)
	})
}

// parseFlags parses args and maps -h to exit 0 and bad flags to exit 2. ok
// is false when the caller should return code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	// The flag package's own messages are English: it parses silently and
	// the error is said here in Chinese, before the usage.
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	case err != nil:
		fmt.Fprintf(out, "%s: %s\n", commandLabel(fs.Name()), flagError(err))
		fs.Usage()
		return exitUsage, false
	}
	return 0, true
}

// commandLabel is the "jixiao <cmd>" prefix of a command's messages.
func commandLabel(name string) string {
	if name == "jixiao" {
		return name
	}
	return "jixiao " + name
}

// flagError says a flag package parse error in Chinese.
func flagError(err error) string {
	msg := err.Error()
	for _, t := range []struct{ en, zh string }{
		{"flag provided but not defined: ", "没有这个参数："},
		{"flag needs an argument: ", "参数缺少值："},
		{"invalid boolean flag ", "开关参数的值不对："},
		{"invalid value ", "参数值不对："},
		{"bad flag syntax: ", "参数写法不对："},
	} {
		if rest, ok := strings.CutPrefix(msg, t.en); ok {
			return t.zh + rest
		}
	}
	return msg
}
