package main

import (
	"bytes"
	"runtime/debug"
	"testing"
)

func TestVersionInfo(t *testing.T) {
	vcs := &debug.BuildInfo{
		Main: debug.Module{Path: "jixiao", Version: "v0.0.0-20261130152524-47b6d843b212+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "47b6d843b21221a33ce42dfe0da10fb388bb39ad"},
			{Key: "vcs.time", Value: "2026-11-30T15:25:24Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	for _, tc := range []struct {
		name              string
		ver, commit, date string
		bi                *debug.BuildInfo
		want              buildStamp
	}{
		{"release build: ldflags win", "1.0.0", "abc", "2026-11-30T15:25:24Z", vcs,
			buildStamp{"1.0.0", "abc", "2026-11-30T15:25:24Z"}},
		{"go build in a checkout: vcs settings", "", "", "", vcs,
			buildStamp{"v0.0.0-20261130152524-47b6d843b212+dirty", "47b6d843b21221a33ce42dfe0da10fb388bb39ad（含未提交的修改）", "2026-11-30T15:25:24Z"}},
		{"go run: nothing recorded", "", "", "", &debug.BuildInfo{Main: debug.Module{Path: "jixiao", Version: "(devel)"}},
			buildStamp{"(devel)", "unknown", "unknown"}},
		{"no build info", "", "", "", nil, buildStamp{"(devel)", "unknown", "unknown"}},
		{"clean checkout", "", "", "", &debug.BuildInfo{Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "ff"}, {Key: "vcs.modified", Value: "false"}}},
			buildStamp{"(devel)", "ff", "unknown"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionInfo(tc.ver, tc.commit, tc.date, tc.bi); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestVersionCommandPrintsStamp runs `jixiao version` with the variables
// the release build's -ldflags set.
func TestVersionCommandPrintsStamp(t *testing.T) {
	defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
	version, commit, date = "1.2.3", "47b6d843b21221a33ce42dfe0da10fb388bb39ad", "2026-11-30T15:25:24Z"
	var out, errb bytes.Buffer
	env := &cliEnv{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := run(env, []string{"version"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := "jixiao 1.2.3\n提交 47b6d843b21221a33ce42dfe0da10fb388bb39ad\n构建 2026-11-30T15:25:24Z\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if errb.Len() != 0 {
		t.Errorf("stderr: %q", errb.String())
	}
}
