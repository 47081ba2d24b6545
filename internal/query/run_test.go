package query

import (
	"errors"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
)

// runPlans are testPlans with an action whose deadline is not understood, and a second plan.
func runPlans() ([]*plan.Plan, *plan.Registry) {
	plans, reg := testPlans()
	s := plans[0].Sections[0]
	s.Actions = append(s.Actions, &plan.Action{ID: "p.6", Text: "Action p.6", Section: s, Status: plan.NotStarted,
		HasDeadline: true, DeadlineErr: errors.New("not a deadline")})
	q := &plan.Plan{ID: "q"}
	q.Sections = []*plan.Section{{ID: "q.s1", Plan: q, Actions: []*plan.Action{{ID: "q.1", Status: plan.NotStarted}}}}
	q.Sections[0].Actions[0].Section = q.Sections[0]
	return append(plans, q), reg
}

func TestRun(t *testing.T) {
	plans, reg := runPlans()
	today := day("2025-10-01")
	tests := []struct {
		name                   string
		l                      Listing
		rows, notPlaced, apart string
		plans                  int
	}{
		{"no dates: nothing to place", Listing{Filter: Filter{Today: today}, Sort: "id"},
			"p.1 p.2 p.3 p.4 p.5 p.6 q.1 ", "", "", 2},
		{"sorted", Listing{Filter: Filter{Plans: []string{"P"}, Today: today}, Sort: "late"},
			"p.2 p.1 p.4 p.3 p.5 p.6 ", "", "", 1},
		{"dated: named apart", Listing{Filter: Filter{Overdue: true, Today: today}, Sort: "id"},
			"p.1 p.2 p.4 ", "p.6 ", "p.6 ", 2},
		{"dated, carried as the last rows", Listing{Filter: Filter{Overdue: true, Today: today}, Sort: "id", Carries: true},
			"p.1 p.2 p.4 p.6 ", "p.6 ", "", 2},
		{"a summary counts them, in plan file order", Listing{Filter: Filter{Plans: []string{"p"}, Today: today}, Sort: "late", Summary: true, Carries: true},
			"p.1 p.2 p.3 p.4 p.5 p.6 ", "p.6 ", "", 1},
		{"leads read as the registry's names", Listing{Filter: Filter{Leads: []string{"ICB, Housing"}, Today: today}, Sort: "id"},
			"p.1 p.2 p.5 ", "", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Run(plans, reg, tt.l)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(a.Rows); got != tt.rows {
				t.Errorf("rows %q, want %q", got, tt.rows)
			}
			if got := ids(a.NotPlaced); got != tt.notPlaced {
				t.Errorf("not placed %q, want %q", got, tt.notPlaced)
			}
			if got := ids(a.Apart()); got != tt.apart {
				t.Errorf("apart %q, want %q", got, tt.apart)
			}
			if len(a.Plans) != tt.plans {
				t.Errorf("%d plans, want %d", len(a.Plans), tt.plans)
			}
		})
	}
	if _, err := Run(plans, reg, Listing{Sort: "colour"}); err == nil {
		t.Error("unknown sort key accepted")
	}
}
