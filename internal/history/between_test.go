package history

import (
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/testutil/gittest"
)

func TestBetween(t *testing.T) {
	dir, repo := logRepo(t) // HEAD~1 → HEAD moved demo.p1.1 from Q3 2025 to Q1 2026
	for _, tc := range []struct {
		name     string
		revs     []string
		failOn   []string
		actions  int
		triggers string
		code     int
	}{
		{"a slip, not gated", []string{"HEAD~1", "HEAD"}, nil, 1, "", exitcode.OK},
		{"a slip, gated on slips", []string{"HEAD~1..HEAD"}, []string{"slip"}, 1,
			"cpp: --fail-on slip: 1 change:\n  slip      demo.p1.1: deadline Q3 2025 → Q1 2026 (slipped 182 days)\n", exitcode.Problem},
		{"a slip, gated on something else", []string{"HEAD~1", "HEAD"}, []string{"removed", "status"}, 1, "", exitcode.OK},
		{"the working tree adds one", nil, []string{"added"}, 1,
			"cpp: --fail-on added: 1 change:\n  added     demo.p1.4: action added: New.\n", exitcode.Problem},
	} {
		c, err := Between(repo, tc.revs, tc.failOn)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(c.Diff.Actions) != tc.actions || c.TriggerNotes() != tc.triggers || exitcode.Of(c.Exit()) != tc.code || c.LeftOutNotes() != "" {
			t.Errorf("%s: %d actions, notes %q, %q, exit %d", tc.name, len(c.Diff.Actions), c.TriggerNotes(), c.LeftOutNotes(), exitcode.Of(c.Exit()))
		}
	}
	if _, err := Between(repo, []string{"nosuch"}, nil); exitcode.Of(err) != exitcode.Failure {
		t.Errorf("an unknown revision: %v", err)
	}

	// A file broken on one side is left out of both, and named.
	gittest.Write(t, dir, map[string]string{"plans/broken.yaml": "id: broken\ntitle: [unclosed\n"})
	c, err := Between(repo, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.SplitAfter(c.LeftOutNotes(), "\n")
	if len(notes) != 3 || !strings.HasPrefix(notes[0], "cpp: left out plans/broken.yaml:2:") || !strings.Contains(notes[0], "(working tree): ") ||
		notes[1] != "cpp: the diff leaves out 1 file with errors; run 'cpp validate' for details\n" || notes[2] != "" || exitcode.Of(c.Exit()) != exitcode.Partial {
		t.Errorf("left out: %q, exit %d", notes, exitcode.Of(c.Exit()))
	}
	// The gate wins over the files left out.
	if c, _ := Between(repo, nil, []string{"any"}); exitcode.Of(c.Exit()) != exitcode.Problem {
		t.Errorf("gated and partial: exit %d", exitcode.Of(c.Exit()))
	}
}
