// Package tree writes the files a test starts from into a folder, as a map of path to text.
package tree

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes each file (a path with /, relative to dir) with its text, making its folders.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
