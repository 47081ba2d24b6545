package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// TestFmtKeepsFiles checks what a user cannot see in a script: a tidy file is not rewritten (its
// modification time stays), a rewritten file keeps its mode, and a symlinked plan stays a link
// with its target rewritten.
func TestFmtKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	tidyFile := filepath.Join(dir, "tidy.yaml")
	messy := filepath.Join(dir, "messy.yaml")
	target := filepath.Join(dir, "target.yaml")
	link := filepath.Join(dir, "link.yaml")
	for path, text := range map[string]string{tidyFile: "id: a\n", messy: "id: b  \r\n", target: "id: c\t\n"} {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("target.yaml", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(tidyFile, old, old); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	env := benchEnv(dir)
	env.Stderr = &stderr
	if code := Run(env, []string{"fmt", tidyFile, messy, link}); code != 0 {
		t.Fatalf("cpp fmt exits %d: %s", code, stderr.String())
	}
	if info, _ := os.Stat(tidyFile); !info.ModTime().Equal(old) {
		t.Errorf("a tidy file was rewritten: modified %v", info.ModTime())
	}
	info, err := os.Stat(messy)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode after fmt = %v, %v; want 0600", info.Mode().Perm(), err)
	}
	if data, _ := os.ReadFile(messy); string(data) != "id: b\n" {
		t.Errorf("messy.yaml = %q, want %q", data, "id: b\n")
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.yaml is no longer a symlink: %v, %v", li.Mode(), err)
	}
	if data, _ := os.ReadFile(target); string(data) != "id: c\n" {
		t.Errorf("target.yaml = %q, want %q", data, "id: c\n")
	}
}

// TestFmtRefusesHugeFiles: a file over the loader's size limit is not read, let alone rewritten.
func TestFmtRefusesHugeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(planfile.MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var stderr bytes.Buffer
	env := benchEnv(filepath.Dir(path))
	env.Stderr = &stderr
	if code := Run(env, []string{"fmt", path}); code != exitcode.Problem {
		t.Errorf("exit %d, want %d", code, exitcode.Problem)
	}
	if want := "huge.yaml: error: file is too large (10.0 MB); plan files are limited to 10.0 MB [size]"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to say %q", stderr.String(), want)
	}
}
