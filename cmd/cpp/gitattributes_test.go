package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitIn runs git in dir with no user or system configuration.
func gitIn(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}

// needRepo skips when the source is not a git checkout (a module download, a tarball).
func needRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := repoRoot()
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout")
	}
	return root
}

// TestGitattributesCoverEveryFile checks the rules as they stand in the working tree: every
// tracked file is checked out with LF on every machine (eol=lf), or, when it holds CR bytes on
// purpose, is never converted (-text or binary). A new kind of file, or a fixture with CRLF, that
// the rules miss fails here before it fails on Windows.
func TestGitattributesCoverEveryFile(t *testing.T) {
	root := needRepo(t)
	files := strings.Split(strings.TrimRight(string(gitIn(t, root, "ls-files", "-z")), "\x00"), "\x00")
	args := append([]string{"check-attr", "-z", "text", "eol", "--"}, files...)
	out := strings.Split(string(gitIn(t, root, args...)), "\x00")
	attrs := map[string]map[string]string{}
	for i := 0; i+2 < len(out); i += 3 {
		if attrs[out[i]] == nil {
			attrs[out[i]] = map[string]string{}
		}
		attrs[out[i]][out[i+1]] = out[i+2]
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the working tree
		}
		a := attrs[f]
		exact := a["text"] == "unset"
		switch {
		case bytes.IndexByte(data, '\r') >= 0 && !exact:
			t.Errorf("%s holds CR bytes, but .gitattributes lets git convert it (text: %s, eol: %s): mark it -text", f, a["text"], a["eol"])
		case !exact && a["eol"] != "lf":
			t.Errorf("%s: eol is %q: a Windows clone checks it out with CRLF; give it eol=lf", f, a["eol"])
		}
	}
	if len(files) < 100 {
		t.Errorf("checked %d files", len(files))
	}
}

// TestWindowsClone clones the committed repository as Git for Windows does (core.autocrlf=true)
// and checks every file comes out byte for byte as committed, and that cpp fmt --check finds the
// bundled plans tidy there.
func TestWindowsClone(t *testing.T) {
	root := needRepo(t)
	if testing.Short() {
		t.Skip("clones the repository")
	}
	dir := filepath.Join(t.TempDir(), "clone")
	gitIn(t, root, "clone", "-q", "--no-hardlinks", "-c", "core.autocrlf=true", root, dir)
	files := strings.Split(strings.TrimRight(string(gitIn(t, dir, "ls-files", "-z")), "\x00"), "\x00")
	changed := 0
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want := gitIn(t, dir, "cat-file", "blob", "HEAD:"+f)
		if !bytes.Equal(got, want) {
			changed++
			if changed <= 10 {
				t.Errorf("%s differs from what was committed in a core.autocrlf=true clone (%d bytes, committed %d)", f, len(got), len(want))
			}
		}
	}
	if changed > 10 {
		t.Errorf("... and %d more files", changed-10)
	}
	runCpp(t, dir, "fmt", "--check", "plans")
}
