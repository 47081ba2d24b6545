package view

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/testutil/golden"
)

var today = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)

// load reads the repository's plans, as the commands do.
func load(t *testing.T) ([]*plan.Plan, *plan.Registry) {
	t.Helper()
	files, ds := planfile.Expand([]string{"../../plans"})
	if len(ds) > 0 {
		t.Fatal(ds[0].OneLine())
	}
	var plans []*plan.Plan
	var leads []*plan.Lead
	for _, f := range planfile.LoadAll(files, planfile.Options{}) {
		if f.HasErrors() {
			t.Fatalf("%s: %v", f.Path, f.Diags)
		}
		if f.Plan != nil {
			plans = append(plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	return plans, plan.NewRegistry(leads)
}

func checkJSON(t *testing.T, name string, v any) {
	t.Helper()
	var b bytes.Buffer
	if err := render.WriteJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", name+".json"), b.Bytes())
}

// The records of show, status and leads are an interface scripts read: their field names and
// nulls are kept in golden files.
func TestShowRecords(t *testing.T) {
	plans, reg := load(t)
	for _, tt := range []struct {
		name, id string
		known    *History
	}{
		{"show-action", "camden-cp.p1.2", nil},
		{"show-action-uncommitted", "camden-cp.p1.2", &History{}},
		{"show-plan", "camden-cp", nil},
		{"show-section", "camden-cp.p1", nil},
		{"show-measure", "camden-cp.p1.m1", nil},
		{"show-measure-figures", "camden-kinship.profile.m1", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ok, _ := query.FindAny(plans, tt.id)
			if !ok {
				t.Fatalf("no %s", tt.id)
			}
			_, rec := Show(f, reg, today, tt.known)
			checkJSON(t, tt.name, rec)
		})
	}
}

func TestSummaryRecords(t *testing.T) {
	plans, reg := load(t)
	rows := query.Select(plans, reg, query.Filter{Plans: []string{"camden-cp", "camden-kinship"}, Today: today})
	w, err := query.ParseQuarter("Q4-2025")
	if err != nil {
		t.Fatal(err)
	}
	checkJSON(t, "status", StatusRecords(query.ByPlanIn(rows, today, w)))
	sums := query.ByLeadIn(rows, today, w)
	if err := query.SortLeads(sums, query.LeadSortKeys[0]); err != nil {
		t.Fatal(err)
	}
	checkJSON(t, "leads", LeadRecords(sums))
	if got := StatusRecords(nil); got == nil {
		t.Errorf("no plans give nil, which JSON writes as null, not []")
	}
}

// The words of a deadline's history in show.
func TestActionDocHistory(t *testing.T) {
	plans, reg := load(t)
	f, _, _ := query.FindAny(plans, "camden-cp.p1.2")
	r := query.NewRow(f.Plan, f.Section, f.Action, reg, today)
	for _, tt := range []struct {
		known *History
		want  string
	}{
		{nil, ""},
		{&History{}, "not committed yet"},
		{&History{Slip: &history.Slip{}}, render.SlipWords(&history.Slip{})},
	} {
		got := ""
		for _, row := range ActionDoc(r, tt.known).Blocks[0].Rows {
			if row[0] == "Deadline history" {
				got = row[1]
			}
		}
		if got != tt.want {
			t.Errorf("history %+v: %q, want %q", tt.known, got, tt.want)
		}
	}
}

// show names a deadline cpp cannot place in time as every other answer does, "not understood",
// with why: the reason validate gives, not a bare "cannot be read".
func TestShowDeadlineNotUnderstood(t *testing.T) {
	p := &plan.Plan{ID: "x", Title: "Plan", Council: "C"}
	s := &plan.Section{ID: "x.s", Title: "Section", Plan: p}
	a := &plan.Action{ID: "x.1", Text: "Review", Section: s, HasDeadline: true}
	a.Deadline, a.DeadlineErr = deadline.Parse("Review progress April 2026", deadline.Calendar)
	a.Deadline.Text = "Review progress April 2026"
	if !a.DeadlineNotUnderstood() {
		t.Fatalf("the fixture's deadline is understood: %v", a.DeadlineErr)
	}
	row := query.NewRow(p, s, a, plan.NewRegistry(nil), today)
	got := deadlineWords(row)
	want := "Review progress April 2026 (not understood: it mixes a date with other words; cpp cannot place the action in time)"
	if got != want {
		t.Errorf("deadline: %q, want %q", got, want)
	}
	var found bool
	for _, f := range ActionDoc(row, nil).Blocks[0].Rows {
		found = found || f[0] == "Deadline" && f[1] == want
	}
	if !found {
		t.Errorf("show's Deadline field is not %q", want)
	}
}
