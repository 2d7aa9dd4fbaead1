package ui

import "strings"

// exportPathInput is the path typed or pasted into the export dialog,
// without the blanks around it and without one pair of quotes around it:
// Windows Explorer's 复制为路径 (shift+right-click, Copy as path) puts the
// path in double quotes, and a path with spaces is often quoted out of
// habit from the command line; a Chinese input method may give “ ” for
// them. Quotes are not allowed in Windows file names, so they can only be
// such a wrapper there.
func exportPathInput(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}
