package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// englishWord matches the small words an English sentence cannot do
// without; command names, flags, formats and paths never use them.
var englishWord = regexp.MustCompile(`(?i)(?:^|[^-\w])(the|an|of|to|is|are|and|or|with|for|from|when|want|usage|flags|default|document|documents|without|only|unexpected|argument)\b`)

// TestHelpIsChinese runs every command (and the app itself) with -h: exit
// 0, a Chinese 用法 and 参数 list naming every flag, and no English
// sentence left, the flag package's "(default …)" included.
func TestHelpIsChinese(t *testing.T) {
	flags := map[string][]string{
		"check":     {"--db", "--doc", "--json"},
		"copy":      {"--db", "--year", "--code", "--name", "--keep-layout"},
		"diff":      {"--db", "--format"},
		"export":    {"--db", "--doc", "--format", "-o", "--no-bom", "--encoding", "--force"},
		"import":    {"--db", "--doc", "--encoding"},
		"library":   {"--db", "--search", "--format"},
		"list":      {"--db"},
		"restore":   {"--db", "--from", "--list"},
		"sample":    {"--db"},
		"snapshots": {"--db", "--doc"},
		"version":   {"--db"},
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) != len(flags) {
		t.Errorf("commands %v, the test knows %d: add the new one's flags", names, len(flags))
	}
	check := func(what string, args []string, want []string) {
		t.Helper()
		code, out, errOut := runCLI(t, nil, args...)
		if code != exitOK || out != "" || !strings.HasPrefix(errOut, "用法：") || !strings.Contains(errOut, "\n参数：\n") {
			t.Errorf("%s: %d %q %q", what, code, out, errOut)
			return
		}
		if m := englishWord.FindAllString(errOut, -1); m != nil {
			t.Errorf("%s: English words %q left in:\n%s", what, m, errOut)
		}
		for _, f := range want {
			if !strings.Contains(errOut, "\n  "+f+" ") && !strings.Contains(errOut, "\n  "+f+"\n") {
				t.Errorf("%s: flag %s not listed:\n%s", what, f, errOut)
			}
		}
	}
	for _, n := range names {
		check("jixiao "+n+" -h", []string{n, "-h"}, flags[n])
	}
	check("jixiao --db x -h", []string{"--db", "x", "-h"}, []string{"--db"})

	code, out, _ := runCLI(t, nil, "help")
	if code != exitOK {
		t.Fatalf("help: %d", code)
	}
	if m := englishWord.FindAllString(out, -1); m != nil {
		t.Errorf("jixiao help: English words %q left in:\n%s", m, out)
	}
	for _, n := range names {
		if !strings.Contains(out, "\n  "+n+" ") {
			t.Errorf("jixiao help does not list %s:\n%s", n, out)
		}
	}
}
