package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
)

// repo is a real git repository in a temporary folder, committing with a fixed identity and
// clock so that commit ids are the same on every run.
type repo struct {
	t   *testing.T
	dir string
	n   int
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	date := fmt.Sprintf("2025-%02d-01T10:00:00Z", 1+r.n%12)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Ada Analyst", "GIT_AUTHOR_EMAIL=ada@example.org",
		"GIT_COMMITTER_NAME=Ada Analyst", "GIT_COMMITTER_EMAIL=ada@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *repo) write(path, text string) {
	r.t.Helper()
	full := filepath.Join(r.dir, path)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit(msg string) {
	r.t.Helper()
	r.n++
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

// history loads the history of the repository's plans folder.
func (r *repo) history() *History {
	r.t.Helper()
	g, err := gitrev.Open(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	h, err := Load(g, "HEAD", "plans", nil)
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

const demo = `id: demo
title: Demo plan
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
quarters: calendar
sections:
  - id: demo.p1
    kind: priority
    title: Homes
    actions:
      - id: demo.p1.1
        text: Create a peer mentoring programme.
        deadline: Q3 2025
      - id: demo.p1.2
        text: Run a summer festival.
        deadline: September 2025
      - id: demo.p1.3
        text: Publish the sufficiency strategy.
        deadline: Q4 2025
`

func TestActionAndSlippage(t *testing.T) {
	r := newRepo(t)
	r.write("plans/demo.yaml", demo)
	r.write("README.md", "not a plan\n")
	r.commit("Add the demo plan")

	r.write("plans/demo.yaml", strings.Replace(demo, "deadline: Q3 2025", "deadline: Q1 2026", 1))
	r.commit("Move the mentoring deadline")

	// Rename an id and move the file in one commit.
	r.git("mv", "plans/demo.yaml", "plans/demo-council.yaml")
	moved := strings.NewReplacer("deadline: Q3 2025", "deadline: Q1 2026", "demo.p1.2", "demo.p1.festival").Replace(demo)
	r.write("plans/demo-council.yaml", moved)
	r.commit("Rename the festival and move the file")

	r.write("plans/demo-council.yaml", strings.NewReplacer("deadline: September 2025", "deadline: Q4 2025", "deadline: Q1 2026", "deadline: March 2026").Replace(moved))
	r.commit("Reword one deadline and move another")

	r.write("README.md", "still not a plan\n")
	r.commit("Touch the readme")

	h := r.history()
	if len(h.Commits) != 4 {
		t.Errorf("%d commits changed plans, want 4", len(h.Commits))
	}

	var got []string
	for _, e := range h.Action("demo.p1.festival") {
		got = append(got, e.Commit.Subject+": "+string(e.Change.Kind)+" "+e.Change.Describe())
	}
	want := []string{
		"Reword one deadline and move another: changed deadline September 2025 → Q4 2025 (slipped 92 days)",
		"Rename the festival and move the file: renamed renamed from demo.p1.2",
		"Add the demo plan: added action added: Run a summer festival.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Action:\n got %q\nwant %q", got, want)
	}

	slips := h.Slippage()
	for _, tt := range []struct {
		id              string
		moves, later    int
		original, added string
	}{
		{"demo.p1.1", 1, 1, "Q3 2025", "Add the demo plan"}, // Q1 2026 → March 2026 is the same date
		{"demo.p1.festival", 1, 1, "September 2025", "Add the demo plan"},
		{"demo.p1.3", 0, 0, "Q4 2025", "Add the demo plan"},
	} {
		s := slips[tt.id]
		if s == nil {
			t.Errorf("no slippage for %s", tt.id)
			continue
		}
		if s.Moves != tt.moves || s.Later != tt.later || s.Original != tt.original || s.Added.Subject != tt.added {
			t.Errorf("%s: moves %d later %d original %q added by %q; want %d %d %q %q",
				tt.id, s.Moves, s.Later, s.Original, s.Added.Subject, tt.moves, tt.later, tt.original, tt.added)
		}
	}
	for _, id := range []string{"demo.p1.1", "demo.p1.festival", "demo.p1.3"} {
		one := SlipOf(h.Action(id))
		if one == nil || !reflect.DeepEqual(one, slips[id]) {
			t.Errorf("SlipOf(Action(%s)) = %+v, want what Slippage found: %+v", id, one, slips[id])
		}
	}
	if SlipOf(h.Action("demo.p9.9")) != nil {
		t.Errorf("an id no commit holds has slippage")
	}
	// The old id's history says what it became.
	if ev := h.Action("demo.p1.2"); len(ev) != 2 || ev[0].Change.ID != "demo.p1.festival" || ev[0].Change.OldID != "demo.p1.2" {
		t.Errorf("Action(old id) = %+v, want the rename to demo.p1.festival, then its addition", ev)
	}
	if _, ok := slips["demo.p1.2"]; ok {
		t.Errorf("the old id demo.p1.2 is still listed after its rename")
	}
}

func TestBrokenVersionIsSkipped(t *testing.T) {
	r := newRepo(t)
	r.write("plans/demo.yaml", demo)
	r.commit("Add")
	// The deadline moves in the same commit that breaks the file; the mend keeps the move.
	moved := strings.Replace(demo, "deadline: Q3 2025", "deadline: Q4 2026", 1)
	r.write("plans/demo.yaml", moved+"  - [unclosed\n")
	r.commit("Break")
	r.write("plans/demo.yaml", moved)
	r.commit("Mend")
	h := r.history()
	var got []string
	for _, e := range h.Action("demo.p1.1") {
		got = append(got, e.Commit.Subject+": "+e.Change.Describe())
	}
	want := []string{"Mend: deadline Q3 2025 → Q4 2026 (slipped 457 days)", "Add: action added: Create a peer mentoring programme."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events for demo.p1.1 = %q, want %q", got, want)
	}
	if s := h.Slippage()["demo.p1.1"]; s == nil || s.Moves != 1 || s.LastMove.Subject != "Mend" {
		t.Errorf("slippage = %+v, want one move, in the mend", s)
	}
	if s := h.Slippage()["demo.p1.2"]; s == nil || s.Moves != 0 {
		t.Errorf("slippage of an action the break did not touch = %+v, want no moves", s)
	}
}

// TestMergeResolution: a deadline moved on main and on a branch, and the merge resolving the
// conflict with a third date. The merge's own decision is one more move; what the branch brought
// is counted once, in the branch's commit.
func TestMergeResolution(t *testing.T) {
	r := newRepo(t)
	r.write("plans/demo.yaml", demo)
	r.commit("Add")
	r.git("checkout", "-q", "-b", "branch")
	onBranch := strings.NewReplacer("deadline: Q3 2025", "deadline: Q1 2026", "deadline: Q4 2025", "deadline: Q2 2026").Replace(demo)
	r.write("plans/demo.yaml", onBranch)
	r.commit("Branch: mentoring to Q1 2026, strategy to Q2 2026")
	r.git("checkout", "-q", "main")
	r.write("plans/demo.yaml", strings.Replace(demo, "deadline: Q3 2025", "deadline: Q2 2026", 1))
	r.commit("Main: mentoring to Q2 2026")
	r.git("merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "branch")
	r.write("plans/demo.yaml", strings.Replace(onBranch, "deadline: Q1 2026", "deadline: Q4 2027", 1))
	r.commit("Merge: mentoring to Q4 2027")

	h := r.history()
	subjects := func(id string) []string {
		var out []string
		for _, e := range h.Action(id) {
			out = append(out, e.Commit.Subject+": "+e.Change.Describe())
		}
		slices.Sort(out)
		return out
	}
	want := []string{
		"Add: action added: Create a peer mentoring programme.",
		"Branch: mentoring to Q1 2026, strategy to Q2 2026: deadline Q3 2025 → Q1 2026 (slipped 182 days)",
		"Main: mentoring to Q2 2026: deadline Q3 2025 → Q2 2026 (slipped 273 days)",
		"Merge: mentoring to Q4 2027: deadline Q2 2026 → Q4 2027 (slipped 549 days, after the plan ends on 31 Dec 2026)",
	}
	if got := subjects("demo.p1.1"); !reflect.DeepEqual(got, want) {
		t.Errorf("demo.p1.1:\n got %q\nwant %q", got, want)
	}
	want = []string{
		"Add: action added: Publish the sufficiency strategy.",
		"Branch: mentoring to Q1 2026, strategy to Q2 2026: deadline Q4 2025 → Q2 2026 (slipped 181 days)",
	}
	if got := subjects("demo.p1.3"); !reflect.DeepEqual(got, want) {
		t.Errorf("demo.p1.3, changed only on the branch:\n got %q\nwant %q", got, want)
	}
	slips := h.Slippage()
	if s := slips["demo.p1.1"]; s == nil || s.Moves != 3 {
		t.Errorf("demo.p1.1 slippage = %+v, want 3 moves", s)
	}
	if s := slips["demo.p1.3"]; s == nil || s.Moves != 1 {
		t.Errorf("demo.p1.3 slippage = %+v, want 1 move", s)
	}
}

// TestLeadRegistryThroughHistory: each commit reads leads through the registry of its time, so
// moving an alias to another lead is a change of lead for the actions naming it, in the commit
// that moved it, though the plan file is untouched; and a spelling today's registry knows is not
// a change in a commit made before the registry knew it.
func TestLeadRegistryThroughHistory(t *testing.T) {
	r := newRepo(t)
	led := strings.NewReplacer("deadline: Q3 2025", "deadline: Q3 2025\n        leads: [Sufficiency]",
		"deadline: September 2025", "deadline: September 2025\n        leads: [ICB]").Replace(demo)
	r.write("plans/demo.yaml", led)
	r.commit("Add the demo plan")

	r.write("plans/demo.yaml", strings.Replace(led, "leads: [ICB]", "leads: [Integrated Care Board]", 1))
	r.commit("Spell out the ICB")

	leads := "leads:\n  - name: Commissioning\n    aliases: [Sufficiency]\n  - name: Placements\n  - name: Integrated Care Board\n    aliases: [ICB]\n"
	r.write("plans/leads.yaml", leads)
	r.commit("Add the lead registry")

	r.write("plans/leads.yaml", strings.Replace(strings.Replace(leads, "    aliases: [Sufficiency]\n", "", 1), "  - name: Placements\n", "  - name: Placements\n    aliases: [Sufficiency]\n", 1))
	r.commit("Sufficiency moves to placements")

	g, err := gitrev.Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	today := plan.NewRegistry([]*plan.Lead{{Name: "Integrated Care Board", Aliases: []string{"ICB"}}, {Name: "Placements", Aliases: []string{"Sufficiency"}}})
	h, err := Load(g, "HEAD", "plans", today)
	if err != nil {
		t.Fatal(err)
	}
	describe := func(id string) []string {
		var out []string
		for _, e := range h.Action(id) {
			out = append(out, e.Commit.Subject+": "+e.Change.Describe())
		}
		return out
	}
	if got, want := describe("demo.p1.1"), []string{
		"Sufficiency moves to placements: leads Commissioning → Placements (lead registry: Sufficiency was Commissioning, now Placements)",
		// Today's registry reads the unregistered Sufficiency as Placements; the registry of
		// the time assigned it to Commissioning.
		"Add the lead registry: leads Placements → Commissioning (lead registry: Sufficiency added to it as Commissioning)",
		"Add the demo plan: action added: Create a peer mentoring programme.",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("demo.p1.1:\n got %q\nwant %q", got, want)
	}
	if got, want := describe("demo.p1.2"), []string{"Add the demo plan: action added: Run a summer festival."}; !reflect.DeepEqual(got, want) {
		t.Errorf("demo.p1.2:\n got %q\nwant %q", got, want)
	}
}
