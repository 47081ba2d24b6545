// Package tree writes the files a test starts from into a folder, as a map of path to text.
package tree

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write writes each file (a path with /, relative to dir) with its text, making its folders; a
// path ending in / is a folder, made empty.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		folder := strings.HasSuffix(name, "/")
		parent := filepath.Dir(path)
		if folder {
			parent = path
		}
		if err := os.MkdirAll(parent, 0o755); err != nil {
			t.Fatal(err)
		}
		if folder {
			continue
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
