package main

import "fmt"

// runTUI opens the terminal app. Replaced by the real TUI in ui/.
func runTUI(env *cliEnv, args []string) int {
	fmt.Fprintln(env.stderr, "jixiao: the terminal app is not built yet; use jixiao help")
	return exitUsage
}
