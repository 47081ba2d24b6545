// Package gittest makes real git repositories for tests, with a fixed identity and clock so that
// commit ids are the same on every machine.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/testutil/tree"
)

// Env gives git no user or system configuration and a fixed identity and date, and skips the test
// when git is not installed.
func Env(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   os.DevNull,
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     "Ada Analyst",
		"GIT_AUTHOR_EMAIL":    "ada@example.org",
		"GIT_COMMITTER_NAME":  "Ada Analyst",
		"GIT_COMMITTER_EMAIL": "ada@example.org",
		"GIT_AUTHOR_DATE":     "2025-10-01T09:00:00Z",
		"GIT_COMMITTER_DATE":  "2025-10-01T09:00:00Z",
	} {
		t.Setenv(k, v)
	}
}

// Git runs git in dir and returns what it prints, trimmed.
func Git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes files (path → text; "" removes the file) under dir.
func Write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	write := map[string]string{}
	for name, text := range files {
		if text != "" {
			write[name] = text
		} else if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	tree.Write(t, dir, write)
}

// Commit writes files, commits everything with a subject and returns the commit id.
func Commit(t *testing.T, dir, subject string, files map[string]string) string {
	t.Helper()
	Write(t, dir, files)
	Git(t, dir, "add", "-A")
	Git(t, dir, "commit", "-q", "--allow-empty", "-m", subject)
	return Git(t, dir, "rev-parse", "HEAD")
}

// Init makes dir a repository on branch main, with Env's configuration.
func Init(t *testing.T) string {
	t.Helper()
	Env(t)
	dir := t.TempDir()
	Git(t, dir, "init", "-q", "-b", "main")
	return dir
}
