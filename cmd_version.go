package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version from the build info is used.
var version = ""

func init() {
	register(command{name: "version", summary: "print the version", run: runVersion})
}

func runVersion(env *cliEnv, args []string) int {
	fs, _ := newFlagSet(env, "version", "jixiao version")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fmt.Fprintln(env.stdout, "jixiao", versionString())
	return exitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
