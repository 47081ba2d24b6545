package query

import (
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
)

// Find looks up what can be updated (actions and measures), FindAny also plans and sections,
// ignoring case as ids are compared everywhere; a miss names the ids spelt nearest.
func TestFind(t *testing.T) {
	plans, _ := testPlans()
	p, s := plans[0], plans[0].Sections[0]
	p.Measures = []*plan.Measure{{ID: "p.m1"}}
	s.Measures = []*plan.Measure{{ID: "p.s1.m1"}}
	for _, tc := range []struct {
		id       string
		any      bool
		kind, is string // is: the id found, or the ids near it
	}{
		{"P.3", false, "action", "p.3"},
		{"p.m1", false, "measure", "p.m1"},
		{"P.S1.M1", false, "measure", "p.s1.m1"},
		{"p.s1", false, "", "p.1 p.m1 p.s1.m1"}, // a section is not what Find looks for
		{"p.s1", true, "section", "p.s1"},
		{"P", true, "plan", "p"},
		{"p.9", false, "", "p.1 p.2 p.3"},
	} {
		find := Find
		if tc.any {
			find = FindAny
		}
		f, ok, near := find(plans, tc.id)
		got := strings.Join(near, " ")
		if ok {
			got = f.ID()
		}
		if kind := map[bool]string{true: f.Kind()}[ok]; kind != tc.kind || got != tc.is {
			t.Errorf("find %q (any %v) = %q %q, want %q %q", tc.id, tc.any, kind, got, tc.kind, tc.is)
		}
	}
}

// A misspelt plan among good ones is named, not passed over: its plan would drop unseen.
func TestPlansNamed(t *testing.T) {
	plans, _ := runPlans()
	named, unknown := PlansNamed(plans, []string{"Q", "pp", "p"})
	if len(named) != 2 || named[0].ID != "p" || named[1].ID != "q" || strings.Join(unknown, ",") != "pp" {
		t.Errorf("named %d, unknown %q", len(named), unknown)
	}
}
