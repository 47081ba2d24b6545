package report

import (
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/testutil/gittest"
)

func TestPrepare(t *testing.T) {
	today := func() (time.Time, error) { return date("2025-11-15"), nil }
	quarter := func(s string) query.Window {
		w, err := query.ParseQuarter(s)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	financial := deadline.Financial
	q3Financial, err := query.ParseQuarterIn("Q3-2025", financial)
	if err != nil || reflect.DeepEqual(q3Financial, quarter("Q3-2025")) {
		t.Fatalf("Q3-2025 in financial quarters: %+v, %v", q3Financial, err)
	}
	ok := Request{Format: "markdown", Tolerance: 0.1, StaleDays: 90, Detail: "board", Today: today}
	with := func(change func(*Request)) Request { r := ok; change(&r); return r }
	for _, tc := range []struct {
		name   string
		req    Request
		format string
		opts   Options
		err    string
	}{
		{"defaults", ok, "markdown", Options{AsOf: date("2025-11-15"), Period: query.LastFullQuarter(date("2025-11-15")), StaleDays: 90, Tolerance: 0.1}, ""},
		{"html by the file's name", with(func(r *Request) { r.Output = "pack.HTM" }), "html", Options{AsOf: date("2025-11-15"), Period: query.LastFullQuarter(date("2025-11-15")), StaleDays: 90, Tolerance: 0.1}, ""},
		{"--format wins over the name", with(func(r *Request) { r.Output = "pack.html"; r.FormatGiven = true }), "markdown", Options{AsOf: date("2025-11-15"), Period: query.LastFullQuarter(date("2025-11-15")), StaleDays: 90, Tolerance: 0.1}, ""},
		{"--as-of, --period, --detail and the title", with(func(r *Request) {
			r.AsOf, r.PeriodGiven, r.Period, r.Detail, r.Title = date("2025-12-31"), "Q3-2025", quarter("Q3-2025"), "full", "Board pack"
		}), "markdown", Options{Title: "Board pack", AsOf: date("2025-12-31"), Period: quarter("Q3-2025"), Detail: Full, StaleDays: 90, Tolerance: 0.1}, ""},
		{"a bare quarter in cpp.yaml's convention", with(func(r *Request) { r.PeriodGiven, r.Period, r.Quarters = "Q3-2025", quarter("Q3-2025"), &financial }),
			"markdown", Options{AsOf: date("2025-11-15"), Period: q3Financial, StaleDays: 90, Tolerance: 0.1}, ""},
		{"tolerance 1", with(func(r *Request) { r.Tolerance = 1 }), "", Options{}, "invalid --tolerance 1: it is a fraction of the target, at least 0 and less than 1"},
		{"tolerance NaN", with(func(r *Request) { r.Tolerance = math.NaN() }), "", Options{}, "invalid --tolerance NaN: it is a fraction of the target, at least 0 and less than 1"},
		{"negative tolerance", with(func(r *Request) { r.Tolerance = -0.1 }), "", Options{}, "invalid --tolerance -0.1: it is a fraction of the target, at least 0 and less than 1"},
		{"no days", with(func(r *Request) { r.StaleDays = 0 }), "", Options{}, "invalid --stale-days 0: it is a whole number of days from 1 to 36500"},
		{"more than a century", with(func(r *Request) { r.StaleDays = config.MaxStaleDays + 1 }), "", Options{}, "invalid --stale-days 36501: it is a whole number of days from 1 to 36500"},
		{"a bad period in cpp.yaml's convention", with(func(r *Request) { r.PeriodGiven, r.Quarters = "Q3-2025/27", &financial }), "", Options{}, "invalid --period: "},
		{"the clock's error", with(func(r *Request) {
			r.Today = func() (time.Time, error) { return time.Time{}, errors.New("bad CPP_TODAY") }
		}), "", Options{}, "bad CPP_TODAY"},
	} {
		job, err := Prepare(tc.req)
		if tc.err != "" {
			if exitcode.Of(err) == exitcode.OK || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if job.req.Format != tc.format || !reflect.DeepEqual(job.opts, tc.opts) {
			t.Errorf("%s: %s, %+v; want %s, %+v", tc.name, job.req.Format, job.opts, tc.format, tc.opts)
		}
	}
}

const madePlan = `id: t
title: T
council: C
period: {start: 2025-01-01, end: 2027-12-31}
sections:
  - id: t.p1
    kind: promise
    title: Being heard
    actions:
      - id: t.p1.1
        text: Run the forum.
        deadline: Q4 2025
        updates:
          - date: 2025-10-01
            share: young-people
            note: Child J (aged 14) chaired the forum with Mrs Patel.
`

// madeRepo is a plans folder with madePlan committed and tagged v1, then on disk with the forum's
// deadline moved and an action whose deadline cpp does not understand.
func madeRepo(t *testing.T) (plansDir string, plans []*plan.Plan, reg *plan.Registry) {
	t.Helper()
	dir := gittest.Init(t)
	gittest.Commit(t, dir, "The plan", map[string]string{"plans/t.yaml": madePlan})
	gittest.Git(t, dir, "tag", "v1")
	gittest.Write(t, dir, map[string]string{"plans/t.yaml": strings.Replace(madePlan, "Q4 2025", "Q1 2026", 1) +
		"      - id: t.p1.2\n        text: Ask again.\n        deadline: when we can\n" +
		// Done: "What have we done" says it, whenever it fell due.
		"      - id: t.p1.3\n        text: Asked.\n        deadline: when we could\n        status: complete\n"})
	plans, reg = load(t, filepath.Join(dir, "plans"))
	return filepath.Join(dir, "plans"), plans, reg
}

func TestMake(t *testing.T) {
	plansDir, plans, reg := madeRepo(t)
	today := func() (time.Time, error) { return date("2025-12-31"), nil }
	repo := func() (*gitrev.PlanRepo, error) { return gitrev.OpenPlans(plansDir) }
	broken := planfile.Parse(filepath.Join(plansDir, "broken.yaml"), []byte("id: [\n"), planfile.Options{})
	for _, tc := range []struct {
		req       Request
		has       []string
		warnings  string
		notPlaced int
		what      string
	}{
		{Request{For: ForBoard, Format: "markdown", Since: "v1", Repo: repo, Detail: "full"},
			[]string{"Changes since v1", "Deadlines moved (1)", "broken.yaml"},
			`cpp: warning: ` + plansDir + `/t.yaml:16:19: the report publishes what looks like a child's initial and age: "Child J (aged 14)"` + "\n" +
				`cpp: warning: ` + plansDir + `/t.yaml:16:60: the report publishes what looks like a person's title and surname: "Mrs Patel"` + "\n" +
				"  hint: take it out of the plan, or run the report again with --redact\n", 0, ""},
		{Request{For: ForYoungPeople, Format: "markdown", Redact: true, Detail: "board"},
			[]string{`\[removed\] chaired the forum with \[removed\].`, "We plan to do this by March 2026."},
			`cpp: warning: ` + plansDir + `/t.yaml:16:19: the report removed what looks like a child's initial and age: "Child J (aged 14)"` + "\n" +
				`cpp: warning: ` + plansDir + `/t.yaml:16:60: the report removed what looks like a person's title and surname: "Mrs Patel"` + "\n", 1,
			`left out of "What happens next", as cpp cannot say when it falls due`},
	} {
		req := tc.req
		req.Tolerance, req.StaleDays, req.Today = 0.1, 90, today
		job, err := Prepare(req)
		if err != nil {
			t.Fatal(err)
		}
		m, err := job.Make(plans, reg, []*planfile.File{broken})
		if err != nil {
			t.Fatalf("%s: %v", req.For, err)
		}
		for _, s := range tc.has {
			if !strings.Contains(string(m.Doc), s) {
				t.Errorf("%s: the report does not say %q:\n%s", req.For, s, m.Doc)
			}
		}
		if m.Warnings != tc.warnings || len(m.NotPlaced) != tc.notPlaced || m.NotPlacedWhat != tc.what {
			t.Errorf("%s: warnings %q, not placed %d (%q)", req.For, m.Warnings, len(m.NotPlaced), m.NotPlacedWhat)
		}
	}
	// The repository is opened only for --since, and its failures end the report.
	job, _ := Prepare(Request{For: ForBoard, Format: "markdown", Since: "nosuch", Repo: repo, Tolerance: 0.1, StaleDays: 90, Detail: "board", Today: today})
	if _, err := job.Make(plans, reg, nil); exitcode.Of(err) != exitcode.Failure || !strings.Contains(err.Error(), `unknown revision "nosuch"`) {
		t.Errorf("an unknown revision: %v", err)
	}
	refused := exitcode.Problemf("", "not a git repository")
	job, _ = Prepare(Request{For: ForBoard, Format: "markdown", Since: "v1", Repo: func() (*gitrev.PlanRepo, error) { return nil, refused },
		Tolerance: 0.1, StaleDays: 90, Detail: "board", Today: today})
	if _, err := job.Make(plans, reg, nil); err != refused {
		t.Errorf("the repository's error: %v", err)
	}
}

// The changes since a revision name it as people know it, and leave out the plans not reported.
func TestChangesSince(t *testing.T) {
	plansDir, plans, _ := madeRepo(t)
	repo, err := gitrev.OpenPlans(plansDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		since, named string
		plans        []*plan.Plan
		moved        int
	}{
		{"v1", "v1", plans, 1},
		{"HEAD", "v1", plans, 1},
		{"v1", "v1", nil, 0},
	} {
		c, err := changesSince(repo, tc.since, tc.plans)
		if err != nil || c.Since != tc.named || len(c.Moved) != tc.moved || len(c.Dropped) != 0 {
			t.Errorf("changesSince(%s) = %+v, %v", tc.since, c, err)
		}
	}
}
