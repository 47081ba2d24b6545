package ical

import (
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// Two councils' repositories may both have a plan "cp" with an action "cp.1": their events must
// not replace each other in one person's calendar.
func TestUIDUniqueAcrossCouncils(t *testing.T) {
	a := &plan.Action{ID: "cp.1"}
	seen := map[string]string{}
	for _, council := range []string{"London Borough of Camden", "Cambridgeshire County Council",
		"Cyngor Gwynedd", "Αθήνα", "Москва", "東京都", ""} {
		uid := UID(&plan.Plan{ID: "cp", Council: council}, a)
		if other, ok := seen[uid]; ok {
			t.Errorf("%q and %q share UID %q", council, other, uid)
		}
		seen[uid] = council
	}
	if got := UID(&plan.Plan{ID: "camden-cp", Council: "London Borough of Camden"}, &plan.Action{ID: "camden-cp.p1.2"}); got != "camden-cp/camden-cp.p1.2@london-borough-of-camden" {
		t.Errorf("UID %q", got)
	}
	if got := slug(` -- Test Council; "Hostile", Ltd. `); got != "test-council-hostile-ltd" {
		t.Errorf("slug %q", got)
	}
}

// An action with no date is no event, and is returned so that the caller can say so.
func TestActionsLeavesOutUndated(t *testing.T) {
	p := &plan.Plan{ID: "p", Title: "Plan", Council: "C"}
	dated := &plan.Action{ID: "p.1", Text: "Dated", Status: plan.InProgress, RAG: plan.Amber}
	undated := &plan.Action{ID: "p.2", Text: "Undated", Status: plan.NotStarted}
	rows := []query.Row{
		{Plan: p, Action: dated, Leads: []string{"Virtual School", "Health"}, Due: day(2025, 9, 30)},
		{Plan: p, Action: undated},
	}
	events, left := Actions(rows)
	if len(events) != 1 || len(left) != 1 || left[0].Action != undated {
		t.Fatalf("%d events, %d left out; want 1 and 1 (p.2)", len(events), len(left))
	}
	e := events[0]
	if e.Summary != "p.1: Dated" || !e.Day.Equal(day(2025, 9, 30)) || e.Repeat.Rule != "" || e.Cancelled {
		t.Errorf("event %+v", e)
	}
	want := "Leads: Virtual School; Health\nStatus: in progress (RAG Amber)\nDeadline: \nPlan: Plan (p), C"
	if e.Description != want {
		t.Errorf("description %q, want %q", e.Description, want)
	}
}
