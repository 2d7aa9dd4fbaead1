package store_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"jixiao/store"
)

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the fallback folder tested here is Linux's")
	}
	tests := []struct {
		name    string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"JIXIAO_DB wins", map[string]string{"JIXIAO_DB": "/x/my.db", "XDG_DATA_HOME": "/d", "HOME": "/h"}, "/x/my.db", false},
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, filepath.Join("/d", "jixiao", "jixiao.db"), false},
		{"relative XDG_DATA_HOME is ignored (XDG spec)", map[string]string{"XDG_DATA_HOME": "d", "HOME": "/h"}, "/h/.local/share/jixiao/jixiao.db", false},
		{"HOME", map[string]string{"HOME": "/home/kj"}, "/home/kj/.local/share/jixiao/jixiao.db", false},
		{"nothing set", map[string]string{}, "", true},
	}
	for _, tt := range tests {
		got, err := store.DefaultPath(func(k string) string { return tt.env[k] })
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}
