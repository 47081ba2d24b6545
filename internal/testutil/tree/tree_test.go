package tree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": "a\n", "plans/deep/b.yaml": "id: b\n", "empty": ""}
	Write(t, dir, files)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestWriteFolder(t *testing.T) {
	dir := t.TempDir()
	Write(t, dir, map[string]string{"plans/": "", "a/b/": ""})
	for _, name := range []string{"plans", "a/b"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.IsDir() {
			t.Errorf("%s: not a folder (%v)", name, err)
		}
	}
}
