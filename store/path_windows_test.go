package store_test

import (
	"strings"
	"testing"

	"jixiao/store"
)

// TestDefaultPathWindows: on Windows the file is under %LocalAppData%,
// whatever characters the user's folder has (a Chinese name with a space
// is common). It runs where the tests run on Windows; elsewhere
// GOOS=windows go vet compiles it.
func TestDefaultPathWindows(t *testing.T) {
	env := map[string]string{"LocalAppData": `C:\Users\张 三\AppData\Local`, "HOME": `C:\Users\张 三`}
	got, err := store.DefaultPath(func(k string) string { return env[k] })
	if want := `C:\Users\张 三\AppData\Local\jixiao\jixiao.db`; got != want || err != nil {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	_, err = store.DefaultPath(func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "%LocalAppData%") {
		t.Errorf("without LocalAppData: %v", err)
	}
}
