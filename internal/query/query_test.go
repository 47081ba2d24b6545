package query

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseQuarter(t *testing.T) {
	cal := &plan.Plan{Quarters: deadline.Calendar}
	fin := &plan.Plan{Quarters: deadline.Financial}
	tests := []struct {
		in                                 string
		label                              string
		calStart, calEnd, finStart, finEnd string
	}{
		{"Q3-2025", "Q3 2025", "2025-07-01", "2025-09-30", "2025-10-01", "2025-12-31"},
		{"Q3 2025", "Q3 2025", "2025-07-01", "2025-09-30", "2025-10-01", "2025-12-31"},
		{"2025Q1", "Q1 2025", "2025-01-01", "2025-03-31", "2025-04-01", "2025-06-30"},
		{"Q3-2025/26", "Q3 2025/26", "2025-10-01", "2025-12-31", "2025-10-01", "2025-12-31"},
		{"Q4 2025-26", "Q4 2025/26", "2026-01-01", "2026-03-31", "2026-01-01", "2026-03-31"},
	}
	for _, tt := range tests {
		w, err := ParseQuarter(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if w.Label != tt.label {
			t.Errorf("%s: label %q, want %q", tt.in, w.Label, tt.label)
		}
		s, e, _ := w.Span(cal)
		if s != day(tt.calStart) || e != day(tt.calEnd) {
			t.Errorf("%s calendar: %v – %v", tt.in, s, e)
		}
		s, e, _ = w.Span(fin)
		if s != day(tt.finStart) || e != day(tt.finEnd) {
			t.Errorf("%s financial: %v – %v", tt.in, s, e)
		}
	}
	for _, bad := range []string{"Q5-2025", "Q0 2025", "2025-09", "September 2025", "Q3", "by Q3 2025", ""} {
		if _, err := ParseQuarter(bad); err == nil {
			t.Errorf("ParseQuarter(%q) accepted", bad)
		}
	}
}

func TestParseMonth(t *testing.T) {
	w, err := ParseMonth("2025-09")
	if err != nil || w.Fixed.Start != day("2025-09-01") || w.Fixed.End != day("2025-09-30") {
		t.Fatalf("got %+v, %v", w, err)
	}
	for _, bad := range []string{"2025-13", "2025", "Q3 2025", "soon"} {
		if _, err := ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) accepted", bad)
		}
	}
}

func testPlans() ([]*plan.Plan, *plan.Registry) {
	mk := func(id, dl string, st plan.Status, rag plan.RAG, leads ...string) *plan.Action {
		a := &plan.Action{ID: id, Text: "Action " + id, Status: st, RAG: rag, Leads: leads}
		if dl != "" {
			a.HasDeadline = true
			a.Deadline, a.DeadlineErr = deadline.Parse(dl, deadline.Calendar)
		}
		return a
	}
	p := &plan.Plan{ID: "p", Quarters: deadline.Calendar, Period: plan.Period{Start: day("2025-01-01"), End: day("2028-12-31")}}
	s := &plan.Section{ID: "p.s1", Plan: p, DeliveredBy: []string{"Virtual School"}}
	s.Actions = []*plan.Action{
		mk("p.1", "Q3 2025", plan.NotStarted, plan.Red, "ICB"),
		mk("p.2", "Q1 2025", plan.InProgress, plan.Amber, "Integrated Care Board", "Housing"),
		mk("p.3", "Q1 2025", plan.Complete, ""),
		mk("p.4", "monthly", plan.NotStarted, ""),
		mk("p.5", "", plan.NotStarted, plan.Green, "Housing"),
	}
	for _, a := range s.Actions {
		a.Section = s
	}
	p.Sections = []*plan.Section{s}
	reg := plan.NewRegistry([]*plan.Lead{{Name: "Integrated Care Board", Aliases: []string{"ICB"}}, {Name: "Housing"}, {Name: "Virtual School"}})
	return []*plan.Plan{p}, reg
}

func ids(rows []Row) string {
	s := ""
	for _, r := range rows {
		s += r.Action.ID + " "
	}
	return s
}

func TestSelect(t *testing.T) {
	plans, reg := testPlans()
	q3, _ := ParseQuarter("Q3-2025")
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all", Filter{}, "p.1 p.2 p.3 p.4 p.5 "},
		{"lead alias folds", Filter{Leads: []string{"icb"}}, "p.1 p.2 "},
		{"lead by any spelling", Filter{Leads: []string{"Integrated Care Board (ICB)", "integrated care board"}}, "p.1 p.2 "},
		{"section's teams pass to actions with none", Filter{Leads: []string{"virtual school"}}, "p.3 p.4 "},
		{"status", Filter{Statuses: []plan.Status{plan.InProgress, plan.Complete}}, "p.2 p.3 "},
		{"rag", Filter{RAGs: []plan.RAG{plan.Red, plan.Green}}, "p.1 p.5 "},
		{"text", Filter{Text: "ACTION P.3"}, "p.3 "},
		{"due before", Filter{DueBefore: day("2025-06-01"), Today: day("2025-10-01")}, "p.2 p.3 "},
		// The monthly action's row is September's occurrence, missed on 1 October.
		{"due after", Filter{DueAfter: day("2025-06-01"), Today: day("2025-10-01")}, "p.1 p.4 "},
		{"due before includes its day", Filter{DueBefore: day("2025-03-31"), Today: day("2025-10-01")}, "p.2 p.3 "},
		{"due after includes its day", Filter{DueAfter: day("2025-09-30"), Today: day("2025-10-01")}, "p.1 p.4 "},
		{"a quarter's bounds are the quarter", Filter{DueAfter: day("2025-07-01"), DueBefore: day("2025-09-30"), Today: day("2025-10-01")}, "p.1 p.4 "},
		{"a day short leaves the last day out", Filter{DueAfter: day("2025-07-01"), DueBefore: day("2025-09-29"), Today: day("2025-10-01")}, ""},
		{"overdue skips complete, keeps a missed occurrence", Filter{Overdue: true, Today: day("2025-10-01")}, "p.1 p.2 p.4 "},
		{"window holds an occurrence", Filter{Window: &q3, Today: day("2025-06-01")}, "p.1 p.4 "},
		{"combined", Filter{Leads: []string{"Housing"}, RAGs: []plan.RAG{plan.Amber}}, "p.2 "},
		{"unknown plan", Filter{Plans: []string{"nope"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(Select(plans, reg, tt.f)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRowAndSort(t *testing.T) {
	plans, reg := testPlans()
	rows := Select(plans, reg, Filter{Today: day("2025-10-01")})
	if rows[0].DaysLate != 1 || rows[1].DaysLate != 184 || rows[2].DaysLate != 0 {
		t.Errorf("days late = %d, %d, %d", rows[0].DaysLate, rows[1].DaysLate, rows[2].DaysLate)
	}
	if r := rows[3]; !r.Recurring || r.Start != day("2025-09-01") || r.Due != day("2025-09-30") || r.DaysLate != 1 {
		t.Errorf("a monthly deadline with no update in September: %v – %v, %d days late; want September, 1 day late", r.Start, r.Due, r.DaysLate)
	}
	if got := rows[1].Leads; len(got) != 2 || got[0] != "Integrated Care Board" {
		t.Errorf("leads = %q", got)
	}
	if err := Sort(rows, "late"); err != nil || ids(rows)[:8] != "p.2 p.1 " {
		t.Errorf("late first: %q", ids(rows))
	}
	Sort(rows, "due")
	if got := ids(rows); got != "p.2 p.3 p.1 p.4 p.5 " {
		t.Errorf("by due, undated last: %q", got)
	}
	if err := Sort(rows, "colour"); err == nil {
		t.Error("unknown sort key accepted")
	}
}

func TestSummaries(t *testing.T) {
	plans, reg := testPlans()
	rows := Select(plans, reg, Filter{Today: day("2025-08-15")})
	ps := ByPlan(rows, day("2025-08-15"))
	c := ps[0].Counts
	// The monthly action missed July and falls due in the quarter: overdue and due this quarter.
	if c.Actions != 5 || c.Status[plan.Complete] != 1 || c.Overdue != 2 || c.DueThisQuarter != 2 || c.Recurring != 1 || c.Undated != 1 {
		t.Errorf("counts = %+v", c)
	}
	if got := c.PercentComplete(); got != 20 {
		t.Errorf("percent complete = %v", got)
	}
	// Each lead has two actions; ties are in alphabetical order; ICB and its full name are one team.
	var got []string
	for _, l := range ByLeadIn(rows, day("2025-08-15"), ThisQuarter(day("2025-08-15"))) {
		got = append(got, fmt.Sprintf("%s=%d", l.Lead, l.Actions))
	}
	if want := "Housing=2 Integrated Care Board=2 Virtual School=2"; strings.Join(got, " ") != want {
		t.Errorf("by lead = %q, want %q", strings.Join(got, " "), want)
	}
}

// A window given to a summary counts what falls due in it, beside this quarter's figure: Q1 2025
// holds the two actions dated Q1 2025 and three of the monthly action's occurrences.
func TestSummariesInWindow(t *testing.T) {
	plans, reg := testPlans()
	rows := Select(plans, reg, Filter{Today: day("2025-08-15")})
	q1, _ := ParseQuarter("Q1-2025")
	c := ByPlanIn(rows, day("2025-08-15"), q1)[0].Counts
	if c.DueInWindow != 3 || c.DueThisQuarter != 2 || c.Actions != 5 || c.Overdue != 2 {
		t.Errorf("counts = %+v", c)
	}
	if c := ByPlan(rows, day("2025-08-15"))[0].Counts; c.DueInWindow != c.DueThisQuarter {
		t.Errorf("with no window, due in window %d, this quarter %d", c.DueInWindow, c.DueThisQuarter)
	}
	var got []string
	for _, l := range ByLeadIn(rows, day("2025-08-15"), q1) {
		got = append(got, fmt.Sprintf("%s=%d/%d", l.Lead, l.DueInWindow, l.DueThisQuarter))
	}
	if want := "Housing=1/0 Integrated Care Board=1/1 Virtual School=2/1"; strings.Join(got, " ") != want {
		t.Errorf("by lead = %q, want %q", strings.Join(got, " "), want)
	}
}

// A recurring action's row is one occurrence: the missed one while the action is late, else the
// next to fall due; in a window, the missed one when it falls there, else the first that does.
// Checked in a calendar plan and a financial-year plan, whose periods run from 1 April.
func TestRecurringRows(t *testing.T) {
	mk := func(conv deadline.Convention, start, end string) (*plan.Plan, *plan.Section) {
		p := &plan.Plan{ID: "p", Quarters: conv, Period: plan.Period{Start: day(start), End: day(end)}}
		s := &plan.Section{ID: "p.s1", Plan: p}
		p.Sections = []*plan.Section{s}
		return p, s
	}
	add := func(s *plan.Section, id, dl string, st plan.Status, updates ...string) {
		a := &plan.Action{ID: id, Text: id, Status: st, Section: s, HasDeadline: true}
		a.Deadline, a.DeadlineErr = deadline.Parse(dl, s.Plan.Quarters)
		for _, u := range updates {
			a.Updates = append(a.Updates, plan.Update{Date: day(u)})
		}
		s.Actions = append(s.Actions, a)
	}
	cal, cs := mk(deadline.Calendar, "2025-01-01", "2028-12-31")
	add(cs, "kept", "annually", plan.InProgress, "2025-11-03")
	add(cs, "missed", "annually", plan.NotStarted)
	add(cs, "late-update", "annually", plan.NotStarted, "2026-01-05") // counts for 2026, not 2025
	add(cs, "dropped", "annually", plan.Dropped)
	add(cs, "future-update", "quarterly", plan.NotStarted, "2025-12-20") // not known on 1 Dec
	fin, fs := mk(deadline.Financial, "2025-04-01", "2028-03-31")
	add(fs, "fin-kept", "Reviewed annually", plan.NotStarted, "2025-06-30")
	add(fs, "fin-missed", "Reviewed annually", plan.NotStarted)
	reg := plan.NewRegistry(nil)
	q4, _ := ParseQuarter("Q4-2025")
	q1, _ := ParseQuarter("Q1-2026")
	for _, tt := range []struct {
		name string
		p    *plan.Plan
		f    Filter
		want string // id start..due days-late, for each row
	}{
		{"calendar, no window", cal, Filter{Today: day("2026-02-10")},
			"kept 2026-01-01..2026-12-31 0; missed 2025-01-01..2025-12-31 41; late-update 2025-01-01..2025-12-31 41; dropped 2026-01-01..2026-12-31 0; future-update 2026-01-01..2026-03-31 0"},
		{"calendar, overdue", cal, Filter{Today: day("2026-02-10"), Overdue: true},
			"missed 2025-01-01..2025-12-31 41; late-update 2025-01-01..2025-12-31 41"},
		{"an update after today is not yet known", cal, Filter{Today: day("2025-12-01")},
			"kept 2025-01-01..2025-12-31 0; missed 2025-01-01..2025-12-31 0; late-update 2025-01-01..2025-12-31 0; dropped 2025-01-01..2025-12-31 0; future-update 2025-07-01..2025-09-30 62"},
		{"calendar, the missed occurrence in the window", cal, Filter{Today: day("2026-02-10"), Window: &q4, Overdue: true},
			"missed 2025-01-01..2025-12-31 41; late-update 2025-01-01..2025-12-31 41"},
		{"calendar, a window after the miss: not late", cal, Filter{Today: day("2026-02-10"), Window: &q1},
			"future-update 2026-01-01..2026-03-31 0"},
		{"financial, before the first falls due", fin, Filter{Today: day("2026-02-10"), Overdue: true}, ""},
		{"financial, no window", fin, Filter{Today: day("2026-05-01")},
			"fin-kept 2026-04-01..2027-03-31 0; fin-missed 2025-04-01..2026-03-31 31"},
		{"financial, a bare quarter read as financial", fin, Filter{Today: day("2026-02-10"), Window: &q4},
			"fin-kept 2025-04-01..2026-03-31 0; fin-missed 2025-04-01..2026-03-31 0"},
	} {
		var got []string
		for _, r := range Select([]*plan.Plan{tt.p}, reg, tt.f) {
			got = append(got, fmt.Sprintf("%s %s..%s %d", r.Action.ID, r.Start.Format(time.DateOnly), r.Due.Format(time.DateOnly), r.DaysLate))
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, g, tt.want)
		}
	}
}

func TestUnknownLeads(t *testing.T) {
	plans, reg := testPlans()
	got := UnknownLeads(plans, reg, []string{"icb", "VIRTUAL SCHOOL", "Virtual Scool", "Housng"})
	if strings.Join(got, ",") != "Virtual Scool,Housng" {
		t.Errorf("unknown leads = %q", got)
	}
}

func TestSortLeads(t *testing.T) {
	team := func(lead string, actions, overdue, due int) LeadSummary {
		return LeadSummary{Team: plan.Team{Lead: lead}, Counts: Counts{Actions: actions, Overdue: overdue, DueInWindow: due}}
	}
	tests := []struct{ key, want string }{
		{"actions", "Housing ICB virtual school Youth "},
		{"", "Housing ICB virtual school Youth "},
		{"lead", "Housing ICB virtual school Youth "},
		{"overdue", "Youth Housing ICB virtual school "},
		{"due", "virtual school Housing ICB Youth "},
	}
	for _, tt := range tests {
		teams := []LeadSummary{team("Youth", 1, 3, 0), team("virtual school", 2, 0, 4), team("ICB", 3, 1, 1), team("Housing", 3, 1, 1)}
		if err := SortLeads(teams, tt.key); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, s := range teams {
			got += s.Lead + " "
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.key, got, tt.want)
		}
	}
	if err := SortLeads(nil, "late"); err == nil {
		t.Error("late: no error")
	}
}
