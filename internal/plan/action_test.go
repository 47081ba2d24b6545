package plan

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
)

// written is an action's deadline as a plan writes it, read under the calendar convention.
func written(t *testing.T, text string) deadline.Deadline {
	t.Helper()
	d, err := deadline.Parse(text, deadline.Calendar)
	if err != nil {
		t.Fatalf("deadline %q: %v", text, err)
	}
	return d
}

func TestPositionsOf(t *testing.T) {
	at := Positions{{"id", Pos{2, 5}}, {"leads.1", Pos{4, 7}}, {"id", Pos{9, 9}}}
	for _, tc := range []struct {
		key  string
		want Pos
		ok   bool
	}{
		{"id", Pos{2, 5}, true}, // the first, if a key were written twice
		{"leads.1", Pos{4, 7}, true},
		{"leads", Pos{}, false},
		{"", Pos{}, false},
	} {
		got, ok := at.Of(tc.key)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Of(%q) = %v, %v; want %v, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := Positions(nil).Of("id"); ok {
		t.Error("no positions hold a key")
	}
}

func TestPeriodContains(t *testing.T) {
	p := Period{Start: day("2025-04-01"), End: day("2026-03-31")}
	for _, tc := range []struct {
		t    time.Time
		want bool
	}{
		{day("2025-03-31"), false},
		{day("2025-04-01"), true},
		{day("2025-10-15"), true},
		{day("2026-03-31"), true},
		{day("2026-03-31").Add(time.Hour), false},
		{day("2026-04-01"), false},
	} {
		if got := p.Contains(tc.t); got != tc.want {
			t.Errorf("Contains(%v) = %v, want %v", tc.t, got, tc.want)
		}
	}
}

func TestUpdateSame(t *testing.T) {
	u := Update{Date: day("2025-09-12"), Status: InProgress, RAG: Amber, Note: "Draft agreed with the board", Evidence: "minutes"}
	change := func(f func(*Update)) Update { v := u; f(&v); return v }
	for _, tc := range []struct {
		name string
		v    Update
		want bool
	}{
		{"itself", u, true},
		{"other spacing", change(func(v *Update) { v.Note = "  Draft agreed\nwith  the board " }), true},
		{"other position", change(func(v *Update) { v.Pos = Pos{40, 3} }), true},
		{"other day", change(func(v *Update) { v.Date = day("2025-09-13") }), false},
		{"other status", change(func(v *Update) { v.Status = Complete }), false},
		{"other rating", change(func(v *Update) { v.RAG = Red }), false},
		{"other words", change(func(v *Update) { v.Note = "Draft agreed with the Board" }), false},
		{"other evidence", change(func(v *Update) { v.Evidence = "minutes, 12 Sep" }), false},
		{"evidence spaced otherwise", change(func(v *Update) { v.Evidence = " minutes " }), true},
		{"shared", change(func(v *Update) { v.Share = ShareYoungPeople }), false},
		{"with words for young people", change(func(v *Update) { v.ForYoungPeople = "We agreed a plan" }), false},
	} {
		if got := u.Same(tc.v); got != tc.want {
			t.Errorf("%s: Same = %v, want %v", tc.name, got, tc.want)
		}
		if got := tc.v.Same(u); got != tc.want {
			t.Errorf("%s: Same the other way = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestUpdateWords(t *testing.T) {
	for _, tc := range []struct {
		note, evidence, want string
	}{
		{"Draft agreed", "", "Draft agreed"},
		{"", "board minutes", "(evidence: board minutes)"},
		{"Draft agreed", "board minutes, 12 Sep", "Draft agreed (evidence: board minutes, 12 Sep)"},
		{"", "", ""},
	} {
		if got := (Update{Note: tc.note, Evidence: tc.evidence}).Words(); got != tc.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tc.note, tc.evidence, got, tc.want)
		}
	}
}

// What young people read: an update only when it is shared with them, in its own words for them
// where it has some; an action and a promise in their plain words where the plan gives them.
func TestForYoungPeople(t *testing.T) {
	for _, tc := range []struct {
		u      Update
		shared bool
		text   string
	}{
		{Update{Note: "Board agreed the strategy"}, false, ""},
		{Update{Note: "Board agreed the strategy", Share: ShareYoungPeople}, true, "Board agreed the strategy"},
		{Update{Note: "Board agreed the strategy", ForYoungPeople: "We agreed a plan"}, true, "We agreed a plan"},
		{Update{Note: "Board agreed", Share: ShareYoungPeople, ForYoungPeople: "We agreed a plan"}, true, "We agreed a plan"},
		{Update{Note: "Board agreed", Share: "board"}, false, ""},
	} {
		if got := tc.u.SharedWithYoungPeople(); got != tc.shared {
			t.Errorf("%+v: SharedWithYoungPeople = %v, want %v", tc.u, got, tc.shared)
		}
		if got := tc.u.ForYoungPeopleText(); got != tc.text {
			t.Errorf("%+v: ForYoungPeopleText = %q, want %q", tc.u, got, tc.text)
		}
	}
	for _, tc := range []struct {
		a    Action
		want string
	}{
		{Action{Text: "Commission a sufficiency strategy", Plain: "We will find more homes"}, "We will find more homes"},
		{Action{Text: "Commission a sufficiency strategy"}, "Commission a sufficiency strategy"},
		{Action{Outcomes: []string{"More homes nearby."}}, "More homes nearby."},
	} {
		if got := tc.a.PlainText(); got != tc.want {
			t.Errorf("PlainText of %+v = %q, want %q", tc.a, got, tc.want)
		}
	}
	for _, tc := range []struct {
		s    Section
		want string
	}{
		{Section{Promise: "We will listen", Plain: "We listen to you"}, "We listen to you"},
		{Section{Promise: "We will listen"}, "We will listen"},
		{Section{}, ""},
	} {
		if got := tc.s.PlainPromise(); got != tc.want {
			t.Errorf("PlainPromise of %+v = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		a    Action
		want string
	}{
		{Action{Text: "Open a drop-in", Outcomes: []string{"More visits"}}, "Open a drop-in"},
		{Action{Outcomes: []string{"Young people feel heard.", "Fewer moves."}}, "Young people feel heard. Fewer moves."},
		{Action{}, ""},
	} {
		if got := tc.a.Label(); got != tc.want {
			t.Errorf("Label of %+v = %q, want %q", tc.a, got, tc.want)
		}
	}
}

func TestEffectiveLeads(t *testing.T) {
	// A section delivered by two teams; 1 names its own lead, 1a and 1a-i are lettered under it;
	// 2 names none; 3a's parent 3 is missing; 4 and 5 are each other's parent.
	s := &Section{DeliveredBy: []string{"Children's Services", "Housing"}}
	add := func(id, parent string, leads ...string) *Action {
		a := &Action{ID: id, Parent: parent, Leads: leads, Section: s}
		s.Actions = append(s.Actions, a)
		return a
	}
	one := add("1", "", "Virtual School")
	oneA := add("1a", "1")
	oneAI := add("1a-i", "1a")
	ownB := add("1b", "1", "Health")
	two := add("2", "")
	twoA := add("2a", "2")
	orphan := add("3a", "3")
	four := add("4", "5")
	add("5", "4")
	for _, tc := range []struct {
		name string
		a    *Action
		want []string
	}{
		{"its own", one, []string{"Virtual School"}},
		{"its parent's", oneA, []string{"Virtual School"}},
		{"up the chain", oneAI, []string{"Virtual School"}},
		{"its own over its parent's", ownB, []string{"Health"}},
		{"the section's", two, s.DeliveredBy},
		{"the section's past a parent with none", twoA, s.DeliveredBy},
		{"a missing parent", orphan, s.DeliveredBy},
		{"a cycle", four, s.DeliveredBy},
		{"no section", &Action{ID: "9", Parent: "1"}, nil},
		{"no section, its own", &Action{ID: "9", Leads: []string{"Housing"}}, []string{"Housing"}},
	} {
		if got := tc.a.EffectiveLeads(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: EffectiveLeads = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSectionAction(t *testing.T) {
	a, b := &Action{ID: "1"}, &Action{ID: "2"}
	s := &Section{Actions: []*Action{a, b, {ID: ""}}}
	for _, tc := range []struct {
		id   string
		want *Action
	}{
		{"1", a},
		{"2", b},
		{"3", nil},
		{"", nil}, // an action with no id is no action's parent
	} {
		if got := s.Action(tc.id); got != tc.want {
			t.Errorf("Action(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestDueAndOverdue(t *testing.T) {
	dated := func(text string, st Status) *Action {
		return &Action{Deadline: written(t, text), HasDeadline: true, Status: st}
	}
	unreadable := dated("Q3 2025", InProgress)
	unreadable.DeadlineErr = errors.New("cannot read it")
	tests := []struct {
		name     string
		a        *Action
		due      string // "" when it does not fall due
		today    string
		overdue  bool
		isClosed bool
	}{
		{"before the end of the quarter", dated("Q3 2025", InProgress), "2025-09-30", "2025-09-29", false, false},
		{"on the day it falls due", dated("Q3 2025", InProgress), "2025-09-30", "2025-09-30", false, false},
		{"the day after", dated("Q3 2025", NotStarted), "2025-09-30", "2025-10-01", true, false},
		{"no status is open", dated("Q3 2025", ""), "2025-09-30", "2025-10-01", true, false},
		{"complete", dated("Q3 2025", Complete), "2025-09-30", "2026-01-01", false, true},
		{"dropped", dated("Q3 2025", Dropped), "2025-09-30", "2026-01-01", false, true},
		{"no deadline", &Action{Status: InProgress}, "", "2030-01-01", false, false},
		{"deadline unreadable", unreadable, "", "2030-01-01", false, false},
		{"ongoing", dated("Ongoing", InProgress), "", "2030-01-01", false, false},
		{"to be confirmed", dated("TBC", NotStarted), "", "2030-01-01", false, false},
		{"recurring, not laid out", dated("monthly", InProgress), "", "2030-01-01", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if due, ok := tt.a.Due(); ok {
				got = due.Format(time.DateOnly)
			}
			if got != tt.due {
				t.Errorf("Due = %q, want %q", got, tt.due)
			}
			if got := tt.a.Overdue(day(tt.today)); got != tt.overdue {
				t.Errorf("Overdue(%s) = %v, want %v", tt.today, got, tt.overdue)
			}
			if got := tt.a.Closed(); got != tt.isClosed {
				t.Errorf("Closed = %v, want %v", got, tt.isClosed)
			}
			if got := tt.a.DeadlineNotUnderstood(); got != (tt.a == unreadable) {
				t.Errorf("DeadlineNotUnderstood = %v", got)
			}
		})
	}
}

// inPlan puts an action in a section of a plan running April 2025 to March 2026.
func inPlan(a *Action) *Action {
	p := &Plan{Period: Period{Start: day("2025-04-01"), End: day("2026-03-31")}}
	s := &Section{Plan: p, Actions: []*Action{a}}
	p.Sections = []*Section{s}
	a.Section = s
	return a
}

func TestSchedule(t *testing.T) {
	recurring := func(text string) *Action {
		return &Action{Deadline: written(t, text), HasDeadline: true}
	}
	withFrom := inPlan(recurring("quarterly"))
	withFrom.From = day("2025-06-01")
	startWritten := inPlan(recurring("Commencing April 2021, biannually thereafter"))
	startWrittenAndFrom := inPlan(recurring("Commencing April 2021, biannually thereafter"))
	startWrittenAndFrom.From = day("2025-05-01")
	alone := recurring("monthly")
	aloneFrom := recurring("monthly")
	aloneFrom.From = day("2025-01-15")
	unreadable := inPlan(recurring("monthly"))
	unreadable.DeadlineErr = errors.New("cannot read it")
	for _, tc := range []struct {
		name        string
		a           *Action
		ok          bool
		from, until string // "" for zero
	}{
		{"from the plan's start to its end", inPlan(recurring("quarterly")), true, "2025-04-01", "2026-03-31"},
		{"from its from:", withFrom, true, "2025-06-01", "2026-03-31"},
		{"from the start written in the deadline", startWritten, true, "2021-04-01", "2026-03-31"},
		{"from: over the start written", startWrittenAndFrom, true, "2025-05-01", "2026-03-31"},
		{"in no plan and with no start", alone, false, "", ""},
		{"in no plan, from its from:, with no end", aloneFrom, true, "2025-01-15", ""},
		{"a dated deadline", inPlan(recurring("Q3 2025")), false, "", ""},
		{"an open deadline", inPlan(recurring("Ongoing")), false, "", ""},
		{"no deadline", inPlan(&Action{}), false, "", ""},
		{"unreadable", unreadable, false, "", ""},
	} {
		s, ok := tc.a.Schedule()
		if ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if got := dateOrEmpty(s.From); got != tc.from {
			t.Errorf("%s: from %s, want %s", tc.name, got, tc.from)
		}
		if got := dateOrEmpty(s.Until); got != tc.until {
			t.Errorf("%s: until %s, want %s", tc.name, got, tc.until)
		}
		if s.Every != tc.a.Deadline.Every {
			t.Errorf("%s: every %q, want %q", tc.name, s.Every, tc.a.Deadline.Every)
		}
	}
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// A quarterly review from April 2025 falls due on 30 June, 30 September, 31 December and 31 March.
func TestKeptMissedOverdue(t *testing.T) {
	review := func(status Status, updates ...string) *Action {
		a := inPlan(&Action{Deadline: written(t, "quarterly"), HasDeadline: true, Status: status})
		for _, d := range updates {
			a.Updates = append(a.Updates, Update{Date: day(d), Note: "reviewed"})
		}
		return a
	}
	for _, tc := range []struct {
		name    string
		a       *Action
		today   string
		missed  string // the end of the missed occurrence, "" for none
		overdue bool
	}{
		{"none due yet", review(InProgress), "2025-06-30", "", false},
		{"first missed", review(InProgress), "2025-07-01", "2025-06-30", true},
		{"first kept", review(InProgress, "2025-06-12"), "2025-07-01", "", false},
		{"kept on its last day", review(InProgress, "2025-06-30"), "2025-07-01", "", false},
		{"kept on its first day", review(InProgress, "2025-04-01"), "2025-07-01", "", false},
		{"a late update counts for the next period", review(InProgress, "2025-07-02"), "2025-07-03", "2025-06-30", true},
		{"an update dated after today is not known yet", review(InProgress, "2025-06-12"), "2025-06-11", "", false},
		{"an earlier miss is history once a later one is kept", review(InProgress, "2025-08-01"), "2025-10-01", "", false},
		{"the last missed, though an earlier was kept", review(InProgress, "2025-05-01"), "2025-10-05", "2025-09-30", true},
		{"missed, but complete", review(Complete), "2025-10-05", "2025-09-30", false},
		{"past the plan's end", review(InProgress, "2025-05-01", "2025-08-01", "2025-11-01"), "2027-01-01", "2026-03-31", true},
	} {
		o, missed := tc.a.Missed(day(tc.today))
		got := ""
		if missed {
			got = o.End.Format(time.DateOnly)
		}
		if got != tc.missed {
			t.Errorf("%s: Missed(%s) = %q, want %q", tc.name, tc.today, got, tc.missed)
		}
		if got := tc.a.Overdue(day(tc.today)); got != tc.overdue {
			t.Errorf("%s: Overdue(%s) = %v, want %v", tc.name, tc.today, got, tc.overdue)
		}
	}
	if _, missed := (&Action{Deadline: written(t, "Q3 2025"), HasDeadline: true}).Missed(day("2026-01-01")); missed {
		t.Error("a dated deadline has a missed occurrence")
	}
}

func TestKept(t *testing.T) {
	o := deadline.Occurrence{Start: day("2025-07-01"), End: day("2025-09-30")}
	for _, tc := range []struct {
		name, update, today string
		want                bool
	}{
		{"inside", "2025-08-15", "2025-10-01", true},
		{"first day", "2025-07-01", "2025-10-01", true},
		{"last day", "2025-09-30", "2025-10-01", true},
		{"the day before", "2025-06-30", "2025-10-01", false},
		{"the day after", "2025-10-01", "2025-10-01", false},
		{"after today", "2025-08-15", "2025-08-14", false},
		{"on today", "2025-08-15", "2025-08-15", true},
	} {
		a := &Action{Updates: []Update{{Date: day(tc.update)}}}
		if got := a.Kept(o, day(tc.today)); got != tc.want {
			t.Errorf("%s: Kept = %v, want %v", tc.name, got, tc.want)
		}
	}
	if (&Action{}).Kept(o, day("2026-01-01")) {
		t.Error("an action with no updates kept an occurrence")
	}
}
