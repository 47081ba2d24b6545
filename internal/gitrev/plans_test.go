package gitrev

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSideString(t *testing.T) {
	const id = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		side Side
		want string
	}{
		{Side{Rev: "working tree"}, "working tree"},
		{Side{Rev: "v1", Commit: id}, "v1 (0123456)"},
		{Side{Rev: id, Commit: id}, "0123456"},
		{Side{Rev: "01234567", Commit: id}, "0123456"}, // an abbreviated id is the id
		{Side{Rev: "main\x1b[2J", Commit: id}, `main\x1b[2J (0123456)`},
	} {
		if got := tc.side.String(); got != tc.want {
			t.Errorf("%+v reads %q, want %q", tc.side, got, tc.want)
		}
	}
}

func planText(id, title string) string {
	return "id: " + id + "\ntitle: " + title + "\ncouncil: Test\nperiod: {start: 2025-01-01, end: 2026-12-31}\nsections: []\n"
}

// A plans folder in a repository: a.yaml the same at both commits, b.yaml changed, and c.yaml
// broken at the second.
func plansHistory(t *testing.T) (dir, c1, c2 string) {
	t.Helper()
	gitEnv(t)
	dir = t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	c1 = commit(t, dir, "Plans", map[string]string{
		"plans/a.yaml": planText("a", "A"), "plans/b.yaml": planText("b", "B"), "plans/c.yaml": planText("c", "C"),
	})
	c2 = commit(t, dir, "Change b, break c", map[string]string{
		"plans/b.yaml": planText("b", "B again"), "plans/c.yaml": "id: c\ntitle: [unclosed\n",
	})
	return dir, c1, c2
}

func TestPlansAt(t *testing.T) {
	dir, c1, c2 := plansHistory(t)
	r, err := OpenPlans(filepath.Join(dir, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Under != "plans" {
		t.Errorf("Under = %q, want plans", r.Under)
	}
	old, err := r.Side("HEAD~1")
	if err != nil || old != (Side{Rev: "HEAD~1", Commit: c1}) {
		t.Fatalf("Side(HEAD~1) = %+v, %v", old, err)
	}
	if _, err := r.Side("nosuch"); err == nil {
		t.Error("Side of an unknown revision")
	}
	sets, err := r.At(old, Side{Rev: "main", Commit: c2})
	if err != nil {
		t.Fatal(err)
	}
	titles := func(s *Set) map[string]string {
		m := map[string]string{}
		for _, p := range s.Plans {
			m[p.File] = p.Title
		}
		return m
	}
	if got, want := titles(sets[0]), map[string]string{"plans/a.yaml": "A", "plans/b.yaml": "B", "plans/c.yaml": "C"}; !reflect.DeepEqual(got, want) {
		t.Errorf("at %.7s: %v, want %v", c1, got, want)
	}
	if got, want := titles(sets[1]), map[string]string{"plans/a.yaml": "A", "plans/b.yaml": "B again"}; !reflect.DeepEqual(got, want) {
		t.Errorf("at %.7s: %v, want %v", c2, got, want)
	}
	// The file the same at both commits is read once: both sets hold the one plan.
	if sets[0].Plans[0] != sets[1].Plans[0] || sets[0].Plans[1] == sets[1].Plans[1] {
		t.Error("a.yaml was read twice, or b.yaml once")
	}
	if w := sets[1].Broken["plans/c.yaml"]; !strings.HasPrefix(w, ":2:") || !strings.Contains(w, " (main ("+c2[:7]+")): ") {
		t.Errorf("broken at %.7s: %q", c2, sets[1].Broken)
	}
	paths, why := LeaveOutBroken(sets...)
	if !reflect.DeepEqual(paths, []string{"plans/c.yaml"}) || why["plans/c.yaml"] != sets[1].Broken["plans/c.yaml"] {
		t.Errorf("LeaveOutBroken = %v, %v", paths, why)
	}
	if len(sets[0].Plans) != 2 || len(sets[1].Plans) != 2 {
		t.Errorf("c.yaml is still compared: %v, %v", titles(sets[0]), titles(sets[1]))
	}

	// The working tree as it is on disk, named as the commits name it.
	write(t, dir, map[string]string{"plans/a.yaml": planText("a", "A, not committed")})
	wt := r.WorkingTree([]string{filepath.Join(dir, "plans", "a.yaml")})
	if got := titles(wt); !reflect.DeepEqual(got, map[string]string{"plans/a.yaml": "A, not committed"}) || wt.Side.Rev != "working tree" {
		t.Errorf("working tree: %v", got)
	}
}

// A plans folder reached through a symlink is in the repository its target is in.
func TestOpenPlansThroughSymlink(t *testing.T) {
	dir, _, _ := plansHistory(t)
	link := filepath.Join(t.TempDir(), "plans")
	if err := os.Symlink(filepath.Join(dir, "plans"), link); err != nil {
		t.Skip(err)
	}
	r, err := OpenPlans(link)
	if err != nil || r.Under != "plans" || r.Dir != link {
		t.Errorf("OpenPlans through a symlink = %+v, %v", r, err)
	}
}

func TestInitCommit(t *testing.T) {
	gitEnv(t)
	dir := t.TempDir()
	if err := CanCommit(dir); err != nil {
		t.Fatalf("CanCommit with an identity: %v", err)
	}
	write(t, dir, map[string]string{"plans/a.yaml": planText("a", "A"), "README.md": "plans\n"})
	if err := InitCommit(dir, "Start the plans", []string{"plans/a.yaml", "README.md"}); err != nil {
		t.Fatal(err)
	}
	if got := git(t, dir, "log", "--format=%s", "--name-only"); got != "Start the plans\n\nREADME.md\nplans/a.yaml" {
		t.Errorf("the first commit:\n%s", got)
	}
	// In a repository already, only the paths are committed; what else was staged stays staged.
	write(t, dir, map[string]string{"other.txt": "staged\n", "plans/b.yaml": planText("b", "B")})
	git(t, dir, "add", "other.txt")
	if err := InitCommit(dir, "Add b", []string{"plans/b.yaml"}); err != nil {
		t.Fatal(err)
	}
	if got := git(t, dir, "show", "--format=%s", "--name-only", "HEAD"); got != "Add b\n\nplans/b.yaml" {
		t.Errorf("the second commit:\n%s", got)
	}
	if got := git(t, dir, "diff", "--cached", "--name-only"); got != "other.txt" {
		t.Errorf("staged after: %q, want other.txt", got)
	}
	err := InitCommit(dir, "Nothing", []string{"plans/missing.yaml"})
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, "git add failed: fatal: pathspec 'plans/missing.yaml'") || !strings.Contains(e.Hint, "the files are written") {
		t.Errorf("InitCommit of a missing file: %#v", err)
	}
}

func TestCanCommit(t *testing.T) {
	gitEnv(t)
	dir := t.TempDir()
	// No identity, and git told not to guess one.
	config := filepath.Join(t.TempDir(), "gitconfig")
	write(t, filepath.Dir(config), map[string]string{"gitconfig": "[user]\n\tuseConfigOnly = true\n"})
	t.Setenv("GIT_CONFIG_GLOBAL", config)
	for _, k := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	err := CanCommit(dir)
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, "git does not know who is committing") || strings.Contains(e.Msg, "***") || !strings.Contains(e.Hint, "--no-git") {
		t.Errorf("CanCommit with no identity: %#v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if err := CanCommit(dir); !errors.As(err, &e) || e.Msg != "git is not installed; nothing was written" {
		t.Errorf("CanCommit without git: %#v", err)
	}
}
