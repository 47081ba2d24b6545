package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
)

// councilPlans are two councils' plans, one reading quarters as calendar and one as financial,
// each with an action led by its own Virtual School and one by the Integrated Care Board, which
// the registry shares between councils; both actions are due at the end of December 2025.
func councilPlans() ([]*plan.Plan, *plan.Registry) {
	mk := func(id, council string, conv deadline.Convention) *plan.Plan {
		p := &plan.Plan{ID: id, Council: council, Quarters: conv, Period: plan.Period{Start: day("2025-01-01"), End: day("2028-12-31")}}
		s := &plan.Section{ID: id + ".s1", Plan: p}
		for i, lead := range []string{"VS", "ICB"} {
			a := &plan.Action{ID: fmt.Sprintf("%s.%d", id, i+1), Status: plan.NotStarted, Leads: []string{lead}, Section: s, HasDeadline: true}
			a.Deadline, a.DeadlineErr = deadline.Parse("December 2025", conv)
			s.Actions = append(s.Actions, a)
		}
		p.Sections = []*plan.Section{s}
		return p
	}
	reg := plan.NewRegistry([]*plan.Lead{{Name: "Virtual School", Aliases: []string{"VS"}}, {Name: "Integrated Care Board", Aliases: []string{"ICB"}, Shared: true}})
	return []*plan.Plan{mk("cal", "Camden", deadline.Calendar), mk("fin", "Barnet", deadline.Financial)}, reg
}

// A lead is each council's own team, unless the registry shares it: a summary by lead counts
// Camden's and Barnet's Virtual Schools apart and the Integrated Care Board once, while a --lead
// filter, which names a lead and no council, keeps the lead's actions in every council.
func TestLeadsAcrossCouncils(t *testing.T) {
	plans, reg := councilPlans()
	today := day("2025-11-15")
	if got := ids(Select(plans, reg, Filter{Leads: []string{"virtual school"}, Today: today})); got != "cal.1 fin.1 " {
		t.Errorf("--lead virtual school: %q, want both councils' actions", got)
	}
	teams := ByLeadIn(Select(plans, reg, Filter{Today: today}), today, ThisQuarter(today))
	var got []string
	for _, s := range teams {
		got = append(got, fmt.Sprintf("%s=%d", s.Team, s.Actions))
	}
	if want := "Integrated Care Board=2 Virtual School (Barnet)=1 Virtual School (Camden)=1"; strings.Join(got, " ") != want {
		t.Errorf("by lead = %q, want %q", strings.Join(got, " "), want)
	}
	if n := Councils(teams); n != 2 {
		t.Errorf("Councils = %d, want 2 (the shared team has none)", n)
	}
	if n := Councils(teams[:1]); n != 0 {
		t.Errorf("Councils of the shared team alone = %d, want 0", n)
	}
}

// A bare quarter given to a summary is read in each plan's convention: Q4 2025 is October to
// December for the calendar plan, whose actions it counts, and January to March 2026 for the
// financial one, whose December actions fall in its Q3 2025/26.
func TestSummaryWindowInEachConvention(t *testing.T) {
	plans, reg := councilPlans()
	today := day("2025-11-15")
	rows := Select(plans, reg, Filter{Today: today})
	q4 := mustQuarter(t, "Q4-2025")
	var got []string
	for _, s := range ByPlanIn(rows, today, q4) {
		got = append(got, fmt.Sprintf("%s %d/%d", s.Plan.ID, s.DueInWindow, s.DueThisQuarter))
	}
	if want := "cal 2/2 fin 0/2"; strings.Join(got, " ") != want {
		t.Errorf("due in Q4 2025 / this quarter = %q, want %q", strings.Join(got, " "), want)
	}
	if got := ids(Select(plans, reg, Filter{Window: &q4, Today: today})); got != "cal.1 cal.2 " {
		t.Errorf("listing in Q4 2025: %q, want the calendar plan's actions only", got)
	}
}

// A summary counts each action once by what its deadline is: dated, recurring, none written,
// open, to be confirmed, or written but not placed in time. The last may be due, so it is never
// counted as undated, and no action goes uncounted.
func TestCountsByDeadlineKind(t *testing.T) {
	p := &plan.Plan{ID: "p", Period: plan.Period{Start: day("2025-01-01"), End: day("2028-12-31")}}
	s := &plan.Section{ID: "p.s1", Plan: p}
	p.Sections = []*plan.Section{s}
	for i, dl := range []string{"Q3 2025", "monthly", "", "Ongoing", "TBC", "Pilot by June 2026, then ongoing"} {
		a := &plan.Action{ID: fmt.Sprintf("p.%d", i+1), Status: plan.InProgress, Section: s}
		if dl != "" {
			a.HasDeadline = true
			a.Deadline, a.DeadlineErr = deadline.Parse(dl, deadline.Calendar)
		}
		s.Actions = append(s.Actions, a)
	}
	if a := s.Actions[5]; !a.DeadlineNotUnderstood() {
		t.Fatalf("%q: want a deadline not understood, got %v", a.Deadline.Text, a.DeadlineErr)
	}
	today := day("2025-08-15")
	c := ByPlan(Select([]*plan.Plan{p}, nil, Filter{Today: today}), today)[0].Counts
	got := fmt.Sprintf("actions %d recurring %d undated %d ongoing %d tbc %d not understood %d",
		c.Actions, c.Recurring, c.Undated, c.Ongoing, c.ToBeConfirmed, c.NotUnderstood)
	if want := "actions 6 recurring 1 undated 1 ongoing 1 tbc 1 not understood 1"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Every sort key orders rows, ties keeping plan file order: status as reports list statuses, the
// worst rating first and the unrated last, leads by name with the actions no one leads last.
func TestSortKeys(t *testing.T) {
	plans, reg := testPlans()
	plans[0].Sections[0].DeliveredBy = nil // p.3 and p.4 have no lead
	for _, tc := range []struct{ key, want string }{
		{"id", "p.1 p.2 p.3 p.4 p.5 "},
		{"status", "p.1 p.4 p.5 p.2 p.3 "},
		{"rag", "p.1 p.2 p.5 p.3 p.4 "},
		{"lead", "p.5 p.1 p.2 p.3 p.4 "},
		{"plan", "p.1 p.2 p.3 p.4 p.5 "},
	} {
		rows := Select(plans, reg, Filter{Today: day("2025-10-01")})
		if tc.key == "id" {
			slices.Reverse(rows) // so that the order is not already the answer
		}
		if err := Sort(rows, tc.key); err != nil {
			t.Fatal(err)
		}
		if got := ids(rows); got != tc.want {
			t.Errorf("sort %s: %q, want %q", tc.key, got, tc.want)
		}
	}
}
