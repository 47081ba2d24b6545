// Package query selects and sorts actions across plans: the filters analysts combine (plan,
// section, lead, status, RAG, tag, text, due dates, windows, overdue), the windows "due" asks
// about (a quarter read in each plan's own convention, a month, a date range) and the summaries
// by lead and by section. It does no I/O.
package query

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// Row is one action with what a listing needs to show about it.
type Row struct {
	Plan    *plan.Plan
	Section *plan.Section
	Action  *plan.Action
	// Leads are the action's leads (or its parent's, or its section's), folded to the registry's names.
	Leads []string
	// Teams are the same leads as the teams of the plan's council (see plan.Team).
	Teams []plan.Team
	// Start and Due are the period the row is about: the deadline's, or for a recurring action
	// one occurrence's (see Occurrence). Zero when there is none: no dated deadline, or no
	// occurrence left.
	Start, Due time.Time
	// DaysLate is how many days past Due an open action is, as of today; 0 when not overdue.
	DaysLate int
	// Recurring marks an action whose deadline repeats ("monthly"); Start and Due are then one
	// of its occurrences.
	Recurring bool
}

// HasDue reports whether the row has a due date.
func (r Row) HasDue() bool { return !r.Due.IsZero() }

// Filter holds the conditions a listing combines; every set condition must hold.
type Filter struct {
	Plans, Sections []string // ids
	Leads           []string // any spelling; matches when any of an action's leads is one of these teams
	Statuses        []plan.Status
	RAGs            []plan.RAG
	Tags            []string
	Text            string // case-insensitive, in the action's text, outcomes or id
	// DueBefore and DueAfter include the day they name: a quarter's first and last days select
	// the quarter, as an analyst reading "due before 30 September" expects.
	DueBefore time.Time
	DueAfter  time.Time
	Overdue   bool
	// ToBeConfirmed keeps only actions whose deadline holds a place for a date ("TBC", "N/A").
	ToBeConfirmed bool
	Window        *Window
	Today         time.Time
}

// Select returns the rows of every action that passes the filter, in plan file order.
func Select(plans []*plan.Plan, reg *plan.Registry, f Filter) []Row {
	return selectRows(plans, reg, f, nil)
}

// selectRows is Select over the actions only keeps (all when nil). What the filter asks of an
// action itself is asked before its row is made: making a row resolves its leads, which costs.
func selectRows(plans []*plan.Plan, reg *plan.Registry, f Filter, only func(*plan.Action) bool) []Row {
	leads := make(map[string]bool, len(f.Leads))
	for _, l := range f.Leads {
		c, _ := reg.Canonical(l)
		leads[plan.Fold(c)] = true
	}
	text := strings.ToLower(f.Text)
	var rows []Row
	for _, p := range plans {
		if len(f.Plans) > 0 && !words.ContainsFold(f.Plans, p.ID) {
			continue
		}
		var wStart, wEnd time.Time
		if f.Window != nil {
			wStart, wEnd, _ = f.Window.Span(p)
		}
		for _, s := range p.Sections {
			if len(f.Sections) > 0 && !words.ContainsFold(f.Sections, s.ID) {
				continue
			}
			for _, a := range s.Actions {
				if only != nil && !only(a) || !f.keepsAction(a, text) {
					continue
				}
				// A window keeps a deadline that does not repeat by its one due date; the row
				// of one that does is about its occurrence in the window (inWindow, below).
				if f.Window != nil && !isRecurring(a) {
					if due, ok := a.Due(); !ok || due.Before(wStart) || due.After(wEnd) {
						continue
					}
				}
				r := NewRow(p, s, a, reg, f.Today)
				if f.Window != nil && r.Recurring {
					r = r.inWindow(wStart, wEnd)
				}
				if len(leads) > 0 && !anyFold(r.Leads, leads) {
					continue
				}
				if !f.DueBefore.IsZero() && (!r.HasDue() || r.Due.After(f.DueBefore)) {
					continue
				}
				if !f.DueAfter.IsZero() && (!r.HasDue() || r.Due.Before(f.DueAfter)) {
					continue
				}
				if f.Overdue && r.DaysLate == 0 {
					continue
				}
				if f.Window != nil && (!r.HasDue() || r.Due.Before(wStart) || r.Due.After(wEnd)) {
					continue
				}
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// keepsAction reports whether the action passes what the filter asks of the action itself: its
// status, RAG, tags, text (lower-cased) and a deadline to be confirmed.
func (f Filter) keepsAction(a *plan.Action, text string) bool {
	return (len(f.Statuses) == 0 || slices.Contains(f.Statuses, a.Status)) &&
		(len(f.RAGs) == 0 || slices.Contains(f.RAGs, a.RAG)) &&
		(len(f.Tags) == 0 || anyTag(a.Tags, f.Tags)) &&
		(text == "" || matchesText(a, text)) &&
		(!f.ToBeConfirmed || toBeConfirmed(a))
}

// Dated reports whether the filter asks when actions fall due (a window, due before or after a
// day, overdue): an action whose deadline cpp cannot place can be neither kept nor left out by it.
func (f Filter) Dated() bool {
	return f.Window != nil || !f.DueBefore.IsZero() || !f.DueAfter.IsZero() || f.Overdue
}

// NotPlaced are the rows of the actions that pass every condition of the filter but those about
// dates, and whose deadline cpp cannot place in time (plan.Action.DeadlineNotUnderstood). A
// listing that asks about dates says how many and which, since it cannot say whether they belong
// in it; a summary counts them apart.
func NotPlaced(plans []*plan.Plan, reg *plan.Registry, f Filter) []Row {
	f.Window, f.DueBefore, f.DueAfter, f.Overdue = nil, time.Time{}, time.Time{}, false
	return selectRows(plans, reg, f, (*plan.Action).DeadlineNotUnderstood)
}

// NewRow describes one action as of today.
func NewRow(p *plan.Plan, s *plan.Section, a *plan.Action, reg *plan.Registry, today time.Time) Row {
	r := Row{Plan: p, Section: s, Action: a}
	for _, l := range a.EffectiveLeads() {
		t := reg.Team(p.Council, l)
		if !slices.Contains(r.Leads, t.Lead) {
			r.Leads = append(r.Leads, t.Lead)
			r.Teams = append(r.Teams, t)
		}
	}
	if due, ok := a.Due(); ok {
		r.Start, r.Due = a.Deadline.Start, due
		if a.Overdue(today) {
			r.DaysLate = daysBetween(due, today)
		}
	}
	r.Recurring = isRecurring(a)
	if r.Recurring {
		// The row shows the occurrence a reader needs: the last to fall due when it was missed
		// and the action is open, so that it says what is late and by how much; else the next
		// to fall due (the one running today).
		if o, missed := a.Missed(today); missed && !a.Closed() {
			r.setOccurrence(o, true)
			r.DaysLate = daysBetween(o.End, today)
		} else if sched, ok := a.Schedule(); ok {
			r.setOccurrence(sched.NextDueFrom(today))
		}
	}
	return r
}

// isRecurring reports whether the action's deadline repeats (monthly, reviewed annually): its
// row is about one occurrence.
func isRecurring(a *plan.Action) bool {
	return a.HasDeadline && a.DeadlineErr == nil && a.Deadline.Kind == deadline.Recurring
}

// inWindow makes a recurring row about the occurrence that falls due in a window: the missed one
// when it does, so that the row stays late; else the first to fall due there, which is not late
// (days late always count from the row's own due date). The row has no due date when no
// occurrence falls due in the window.
func (r Row) inWindow(start, end time.Time) Row {
	if r.DaysLate > 0 && !r.Due.Before(start) && !r.Due.After(end) {
		return r
	}
	r.DaysLate = 0
	s, ok := r.Action.Schedule()
	if !ok {
		r.setOccurrence(deadline.Occurrence{}, false)
		return r
	}
	r.setOccurrence(s.FirstDueIn(start, end))
	return r
}

func (r *Row) setOccurrence(o deadline.Occurrence, ok bool) {
	if !ok {
		r.Start, r.Due = time.Time{}, time.Time{}
		return
	}
	r.Start, r.Due = o.Start, o.End
}

// daysBetween counts whole days from one date to a later one.
func daysBetween(from, to time.Time) int { return int(to.Sub(from).Hours() / 24) }

func toBeConfirmed(a *plan.Action) bool {
	return a.HasDeadline && a.DeadlineErr == nil && a.Deadline.Kind == deadline.ToBeConfirmed
}

func matchesText(a *plan.Action, text string) bool {
	if strings.Contains(strings.ToLower(a.ID), text) || strings.Contains(strings.ToLower(a.Text), text) {
		return true
	}
	for _, o := range a.Outcomes {
		if strings.Contains(strings.ToLower(o), text) {
			return true
		}
	}
	return false
}

func anyFold(have []string, want map[string]bool) bool {
	for _, h := range have {
		if want[plan.Fold(h)] {
			return true
		}
	}
	return false
}

func anyTag(have, want []string) bool {
	for _, w := range want {
		if words.ContainsFold(have, w) {
			return true
		}
	}
	return false
}

// SortKeys are the orders a listing can be sorted in.
var SortKeys = []string{"due", "late", "plan", "id", "status", "rag", "lead"}

// Sort orders rows by key; ties keep plan file order. "due" puts undated actions last; "late"
// puts the latest first.
func Sort(rows []Row, key string) error {
	var less func(a, b Row) bool
	switch key {
	case "", "plan":
		return nil
	case "due":
		less = func(a, b Row) bool {
			if a.HasDue() != b.HasDue() {
				return a.HasDue()
			}
			return a.Due.Before(b.Due)
		}
	case "late":
		less = func(a, b Row) bool { return a.DaysLate > b.DaysLate }
	case "id":
		less = func(a, b Row) bool { return a.Action.ID < b.Action.ID }
	case "status":
		less = func(a, b Row) bool { return statusRank(a.Action.Status) < statusRank(b.Action.Status) }
	case "rag":
		less = func(a, b Row) bool { return ragRank(a.Action.RAG) > ragRank(b.Action.RAG) }
	case "lead":
		less = func(a, b Row) bool { return first(a.Leads) < first(b.Leads) }
	default:
		return fmt.Errorf("unknown sort key %q", key)
	}
	sort.SliceStable(rows, func(i, j int) bool { return less(rows[i], rows[j]) })
	return nil
}

func first(list []string) string {
	if len(list) == 0 {
		return "\uffff"
	}
	return strings.ToLower(list[0])
}

// statusRank is a status's place in the order reports list statuses; one cpp does not know last.
func statusRank(s plan.Status) int {
	if i := slices.Index(plan.Statuses, s); i >= 0 {
		return i
	}
	return len(plan.Statuses)
}

// ragRank is a rating's place, worst last; not rated is -1.
func ragRank(r plan.RAG) int { return slices.Index(plan.RAGs, r) }
