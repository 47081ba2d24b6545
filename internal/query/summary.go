package query

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
)

// Counts are the figures a board reads for a set of actions.
type Counts struct {
	Actions        int
	Status         map[plan.Status]int
	RAG            map[plan.RAG]int // "" counts actions with no rating
	Overdue        int
	DueThisQuarter int
	// DueInWindow counts the actions due in the window a summary was asked about (ByPlanIn,
	// ByLeadIn): this quarter's when none was given.
	DueInWindow int
	Recurring   int
	// Undated counts actions with no deadline written; Ongoing those whose deadline is open
	// ("Ongoing"); ToBeConfirmed those that hold a place for one ("TBC"): none falls due.
	// NotUnderstood counts those whose deadline is written but cpp cannot place it in time: they
	// may be due, and are never counted as undated.
	Undated       int
	Ongoing       int
	ToBeConfirmed int
	NotUnderstood int
}

// PercentComplete is the share of actions, not counting dropped ones, that are complete.
func (c Counts) PercentComplete() float64 {
	live := c.Actions - c.Status[plan.Dropped]
	if live == 0 {
		return 0
	}
	return 100 * float64(c.Status[plan.Complete]) / float64(live)
}

// add counts a row; quarter is "this quarter", whose dates are the same in every convention.
func (c *Counts) add(r Row, quarter, window Window) {
	if c.Status == nil {
		c.Status = map[plan.Status]int{}
		c.RAG = map[plan.RAG]int{}
	}
	c.Actions++
	c.Status[r.Action.Status]++
	c.RAG[r.Action.RAG]++
	if r.DaysLate > 0 {
		c.Overdue++
	}
	switch {
	case r.Recurring:
		c.Recurring++
	case !r.HasDue():
		switch {
		case !r.Action.HasDeadline:
			c.Undated++
		case r.Action.Deadline.Kind == deadline.Open:
			c.Ongoing++
		case r.Action.Deadline.Kind == deadline.ToBeConfirmed:
			c.ToBeConfirmed++
		case r.Action.DeadlineNotUnderstood():
			c.NotUnderstood++
		}
	}
	if dueIn(r, quarter) {
		c.DueThisQuarter++
	}
	if dueIn(r, window) {
		c.DueInWindow++
	}
}

// dueIn says whether a row falls due in a window: its due date, or for a recurring action any
// of its occurrences.
func dueIn(r Row, w Window) bool {
	start, end, _ := w.Span(r.Plan)
	if r.Recurring {
		s, ok := r.Action.Schedule()
		if !ok {
			return false
		}
		_, due := s.FirstDueIn(start, end)
		return due
	}
	return r.HasDue() && !r.Due.Before(start) && !r.Due.After(end)
}

// SectionSummary counts one section's actions.
type SectionSummary struct {
	Section *plan.Section
	Counts
}

// PlanSummary counts one plan's actions, and each section's.
type PlanSummary struct {
	Plan *plan.Plan
	Counts
	Sections []SectionSummary
}

// ByPlan summarises rows per plan and section, in plan file order. Sections with no rows are
// left out (they were filtered away).
func ByPlan(rows []Row, today time.Time) []PlanSummary {
	return ByPlanIn(rows, today, ThisQuarter(today))
}

// ByPlanIn is ByPlan counting also what falls due in a window (Counts.DueInWindow).
func ByPlanIn(rows []Row, today time.Time, window Window) []PlanSummary {
	quarter := ThisQuarter(today)
	var out []PlanSummary
	pi := map[*plan.Plan]int{}
	si := map[*plan.Section]int{}
	for _, r := range rows {
		i, ok := pi[r.Plan]
		if !ok {
			i = len(out)
			pi[r.Plan] = i
			out = append(out, PlanSummary{Plan: r.Plan})
		}
		ps := &out[i]
		ps.add(r, quarter, window)
		j, ok := si[r.Section]
		if !ok {
			j = len(ps.Sections)
			si[r.Section] = j
			ps.Sections = append(ps.Sections, SectionSummary{Section: r.Section})
		}
		ps.Sections[j].add(r, quarter, window)
	}
	return out
}

// LeadSummary counts one lead team's actions. An action with two leads counts for both.
type LeadSummary struct {
	plan.Team
	Counts
}

// NoLead is the name that a council's actions with no lead are counted under.
const NoLead = "(no lead)"

// ByLeadIn summarises rows per team (a lead folded through the registry, within the council of
// the plan naming it), busiest first, counting also what falls due in a window
// (Counts.DueInWindow).
func ByLeadIn(rows []Row, today time.Time, window Window) []LeadSummary {
	quarter := ThisQuarter(today)
	idx := map[plan.Team]int{}
	var out []LeadSummary
	for _, r := range rows {
		teams := r.Teams
		if len(teams) == 0 {
			teams = []plan.Team{{Lead: NoLead, Council: r.Plan.Council}}
		}
		for _, t := range teams {
			i, ok := idx[t]
			if !ok {
				i = len(out)
				idx[t] = i
				out = append(out, LeadSummary{Team: t})
			}
			out[i].add(r, quarter, window)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return busier(out[i], out[j]) })
	return out
}

// busier is the order of teams a summary starts from: the most actions first, then by name.
func busier(a, b LeadSummary) bool {
	if a.Actions != b.Actions {
		return a.Actions > b.Actions
	}
	return a.Team.Compare(b.Team) < 0
}

// LeadSortKeys are the orders a summary by lead can be given in; the first is ByLeadIn's own.
var LeadSortKeys = []string{"actions", "lead", "overdue", "due"}

// SortLeads orders teams by key: the most actions, overdue or due first, or by name; ties go
// to the busier team, then by name.
func SortLeads(teams []LeadSummary, key string) error {
	var by func(LeadSummary) int
	switch key {
	case "", "actions":
	case "overdue":
		by = func(s LeadSummary) int { return s.Overdue }
	case "due":
		by = func(s LeadSummary) int { return s.DueInWindow }
	case "lead":
		sort.SliceStable(teams, func(i, j int) bool {
			if a, b := strings.ToLower(teams[i].Lead), strings.ToLower(teams[j].Lead); a != b {
				return a < b
			}
			return busier(teams[i], teams[j])
		})
		return nil
	default:
		return fmt.Errorf("unknown sort key %q", key)
	}
	sort.SliceStable(teams, func(i, j int) bool {
		if by != nil && by(teams[i]) != by(teams[j]) {
			return by(teams[i]) > by(teams[j])
		}
		return busier(teams[i], teams[j])
	})
	return nil
}

// Councils counts the distinct councils among teams (a shared team has none), so that output
// names a team's council only when there is more than one to tell apart.
func Councils(teams []LeadSummary) int {
	seen := map[string]bool{}
	for _, t := range teams {
		if t.Council != "" {
			seen[t.Council] = true
		}
	}
	return len(seen)
}

// leadsKnown says whether a spelling names a team: one the registry knows, or a lead some action
// names. The leads the actions name are gathered when a spelling is first asked about: most
// listings name no lead, and gathering them means every action of every plan.
func leadsKnown(plans []*plan.Plan, reg *plan.Registry) func(string) bool {
	var used map[string]bool
	return func(l string) bool {
		if _, known := reg.Canonical(l); known {
			return true
		}
		if used == nil {
			used = map[string]bool{}
			for _, p := range plans {
				for _, s := range p.Sections {
					for _, a := range s.Actions {
						for _, l := range a.EffectiveLeads() {
							used[plan.Fold(l)] = true
						}
					}
				}
			}
		}
		return used[plan.Fold(l)]
	}
}

// UnknownLeads returns the lead filters that name no team: neither a spelling the registry knows
// nor a lead any action uses. A filter like that is probably misspelt, not a team with no work.
func UnknownLeads(plans []*plan.Plan, reg *plan.Registry, leads []string) []string {
	known := leadsKnown(plans, reg)
	var out []string
	for _, l := range leads {
		if !known(l) {
			out = append(out, l)
		}
	}
	return out
}

// LeadValues reads the values given to --lead. A value that is a whole team's name (as
// UnknownLeads knows teams) is one lead, commas and all: "Team Manager: CLA, CSST, Family
// Safeguarding" is one role. Any other value is a list separated by commas.
func LeadValues(values []string, plans []*plan.Plan, reg *plan.Registry) []string {
	known := leadsKnown(plans, reg)
	var out []string
	for _, v := range values {
		if known(v) || !strings.Contains(v, ",") {
			out = append(out, strings.TrimSpace(v))
			continue
		}
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
