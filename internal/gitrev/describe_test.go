package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A revision is named by its tag, or by its commit's date and subject: never "HEAD~1".
func TestDescribe(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git := func(env []string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@example.org")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git(nil, "init", "-q")
	commit := func(date, subject string) {
		os.WriteFile(filepath.Join(dir, "f.yaml"), []byte(subject), 0o644)
		git(nil, "add", ".")
		git([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "commit", "-q", "-m", subject)
	}
	commit("2025-07-02T10:00:00+01:00", "Quarter 1 update")
	git(nil, "tag", "v2025-q1")
	commit("2025-11-03T09:00:00Z", "Quarter 2 update")
	commit("2025-12-01T09:00:00Z", "Fix a typo")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ rev, want string }{
		{"HEAD~1", "3 Nov 2025 (commit %h, “Quarter 2 update”)"},
		{"HEAD~2", "v2025-q1"},
		{"v2025-q1", "v2025-q1"},
	} {
		c, err := r.Resolve(tc.rev)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Describe(tc.rev, c)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(tc.want, "%h", c[:7])
		if got != want {
			t.Errorf("Describe(%s) = %q, want %q", tc.rev, got, want)
		}
	}
}
