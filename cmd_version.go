package main

import (
	"fmt"
	"runtime/debug"
)

// version, commit and date are set by the release build (tools/release)
// with -ldflags "-X main.version=… -X main.commit=… -X main.date=…"; date
// is the commit's time (RFC 3339, UTC), so a rebuild stamps the same bytes.
// A plain go build or go run leaves them empty and versionInfo falls back
// to what the Go toolchain recorded in the binary.
var (
	version = ""
	commit  = ""
	date    = ""
)

func init() {
	register(command{name: "version", summary: "显示版本、提交和构建日期", run: runVersion})
}

func runVersion(env *cliEnv, args []string) int {
	fs, _ := newFlagSet(env, "version", "jixiao version\n\n显示版本、构建所用的提交及其日期。")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	bi, _ := debug.ReadBuildInfo()
	v := versionInfo(version, commit, date, bi)
	fmt.Fprintf(env.stdout, "jixiao %s\n提交 %s\n构建 %s\n", v.Version, v.Commit, v.Date)
	return exitOK
}

// buildStamp is what `jixiao version` prints.
type buildStamp struct {
	Version, Commit, Date string
}

// versionInfo prefers the -ldflags values; each one missing is taken from
// the build info: the main module's version (go install pkg@v1.2.0, or the
// pseudo-version go build derives from git) and the vcs.revision, vcs.time
// and vcs.modified settings go build records in a git checkout. What is
// known nowhere is "unknown".
func versionInfo(ver, rev, when string, bi *debug.BuildInfo) buildStamp {
	s := buildStamp{Version: ver, Commit: rev, Date: when}
	if bi != nil {
		settings := map[string]string{}
		for _, kv := range bi.Settings {
			settings[kv.Key] = kv.Value
		}
		if s.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			s.Version = bi.Main.Version
		}
		if s.Commit == "" && settings["vcs.revision"] != "" {
			s.Commit = settings["vcs.revision"]
			if settings["vcs.modified"] == "true" {
				s.Commit += "（含未提交的修改）"
			}
		}
		if s.Date == "" {
			s.Date = settings["vcs.time"]
		}
	}
	if s.Version == "" {
		s.Version = "(devel)"
	}
	if s.Commit == "" {
		s.Commit = "unknown"
	}
	if s.Date == "" {
		s.Date = "unknown"
	}
	return s
}
