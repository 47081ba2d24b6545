package history

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/testutil/gittest"
)

// logRepo is a plans folder with demo committed twice (the mentoring deadline moved), and
// demo.p1.4 added on disk but not committed.
func logRepo(t *testing.T) (dir string, repo *gitrev.PlanRepo) {
	t.Helper()
	dir = gittest.Init(t)
	gittest.Commit(t, dir, "Add the demo plan", map[string]string{"plans/demo.yaml": demo})
	moved := strings.Replace(demo, "deadline: Q3 2025", "deadline: Q1 2026", 1)
	gittest.Commit(t, dir, "Move the mentoring deadline", map[string]string{"plans/demo.yaml": moved})
	gittest.Write(t, dir, map[string]string{"plans/demo.yaml": moved + "      - id: demo.p1.4\n        text: New.\n        deadline: Q4 2025\n"})
	repo, err := gitrev.OpenPlans(filepath.Join(dir, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, repo
}

func TestActionLog(t *testing.T) {
	_, repo := logRepo(t)
	for _, tc := range []struct {
		rev, id   string
		events    int
		moves     int
		code      int
		errSubstr string
	}{
		{"HEAD", "demo.p1.1", 2, 1, exitcode.OK, ""},
		{"HEAD~1", "demo.p1.1", 1, 0, exitcode.OK, ""},
		{"HEAD", "demo.p1.4", 0, 0, exitcode.Problem, `no commit holds action "demo.p1.4" yet`},
		{"HEAD", "demo.p1.9", 0, 0, exitcode.Problem, `no commit in the history of plans holds an action with id "demo.p1.9"`},
		{"nosuch", "demo.p1.1", 0, 0, exitcode.Failure, `unknown revision "nosuch"`},
	} {
		l, err := ActionLog(repo, tc.rev, tc.id)
		if code := exitcode.Of(err); code != tc.code || (err != nil && !strings.Contains(err.Error(), tc.errSubstr)) {
			t.Errorf("ActionLog(%s, %s): exit %d (%v), want %d (%s)", tc.rev, tc.id, code, err, tc.code, tc.errSubstr)
			continue
		}
		if err != nil {
			continue
		}
		if len(l.Events) != tc.events || l.Slip.Moves != tc.moves || l.Text != "Create a peer mentoring programme." || l.ID != tc.id {
			t.Errorf("ActionLog(%s, %s) = %+v, slip %+v", tc.rev, tc.id, l, l.Slip)
		}
		if l.Note() != "" || l.Exit() != nil {
			t.Errorf("a whole history warns: %q, %v", l.Note(), l.Exit())
		}
	}
}

// A near id is suggested for one no commit holds.
func TestActionLogSuggests(t *testing.T) {
	_, repo := logRepo(t)
	_, err := ActionLog(repo, "HEAD", "demo.p1.10")
	var ee *exitcode.Error
	if !errors.As(err, &ee) || !strings.Contains(ee.Hint, "demo.p1.1") {
		t.Errorf("hint: %#v", err)
	}
}

func TestShallow(t *testing.T) {
	dir, _ := logRepo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	gittest.Git(t, dir, "clone", "-q", "--depth", "1", "file://"+dir, clone)
	repo, err := gitrev.OpenPlans(filepath.Join(clone, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ActionLog(repo, "HEAD", "demo.p1.1")
	if err != nil {
		t.Fatal(err)
	}
	want := "cpp: warning: this is a shallow clone: history before " + l.Slip.Added.Short() + " is not fetched, so the deadline's earlier moves are unknown\n" +
		"  hint: fetch the full history: git fetch --unshallow (on GitHub Actions, actions/checkout with fetch-depth: 0)\n"
	if l.Note() != want || exitcode.Of(l.Exit()) != exitcode.Partial {
		t.Errorf("a shallow clone's log: %q, %v", l.Note(), l.Exit())
	}
	h, err := At(repo, "HEAD", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, cut := h.Truncated(); !cut {
		t.Error("At: the clone's history is whole")
	}
	if _, err := At(repo, "nosuch", nil); exitcode.Of(err) != exitcode.Failure {
		t.Errorf("At an unknown revision: %v", err)
	}
}
