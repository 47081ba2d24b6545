// Package report composes the Corporate Parenting Board's report from plans: the summary and its
// plain-English paragraph, exceptions (red, amber and overdue actions, with their latest
// commentary), progress by section, what is coming up by lead, measures against target with
// direction of travel, and changes since the last report. It decides what the report says;
// markdown.go and html.go decide how it looks.
package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// Options shape a report.
type Options struct {
	// Title, when set, is the report's title (the repository's cpp.yaml gives it); otherwise the
	// plan's title, or a general one for several plans.
	Title string
	AsOf  time.Time
	// Period is the reporting period; the next period is the quarter after it. The zero Window
	// is the last quarter ended on or before AsOf, the quarter a board meeting reads about.
	Period query.Window
	// Detail is how much the report shows: the board pack, or in full.
	Detail Detail
	// StaleDays flags an exception whose latest note is older than this (default 90).
	StaleDays int
	// Tolerance is how far from target, as a fraction of it, a measure may be and still be green.
	// Zero is a tolerance (on target or better), not a default: callers set DefaultTolerance.
	Tolerance float64
	// Changes since the last report, from git; nil when not asked for.
	Changes *Changes
	// LeftOut are the plan files that could not be read, so that a partial report says so at
	// its top and is never taken for a whole one.
	LeftOut []LeftOut
	// Personal is what the report says at its top about personal-looking text (see Publish).
	Personal *PersonalNotice
}

// DefaultTolerance is the usual indicator tolerance: plan.DefaultTolerance.
const DefaultTolerance = plan.DefaultTolerance

// LeftOut is a plan file a report leaves out, with its first error on one line.
type LeftOut struct {
	File, Error string
}

// Report is everything the board reads, in the order it reads it.
type Report struct {
	Title      string
	AsOf       time.Time
	Plans      []*plan.Plan
	Period     Span
	Next       Span
	Summary    Summary
	Exceptions []Exception
	Sections   []SectionProgress
	ComingUp   []LeadGroup
	Measures   []MeasureStatus
	// Glance, Headlines and Attention are page one and what follows it: each plan's sections in
	// counts, the few figures above them, and what needs the board's attention.
	Glance    []PlanGlance
	Headlines []Headline
	Attention Attention
	Changes   *Changes
	LeftOut   []LeftOut
	// NotUnderstood are the actions whose deadline is written but cpp cannot place in time:
	// counted apart from those with no deadline, and listed with the deadline as written.
	NotUnderstood []query.Row
	Options       Options
}

// Span is a reporting period as the board reads it.
type Span struct {
	Label       string
	Words       string // "Quarter 2 2025/26: July to September 2025"
	Description string // dates and convention
	window      query.Window
}

// Summary holds the headline figures.
type Summary struct {
	query.Counts
	DueInPeriod, DueNext int
	OverdueLong          int // overdue by more than 90 days
	Narrative            string
}

// Exception is a red, amber or overdue action with its latest commentary.
type Exception struct {
	query.Row
	Reasons      []string // "red", "amber", "overdue"
	Latest       *plan.Update
	NoCommentary bool
	Stale        bool // latest note older than StaleDays
}

// SectionProgress is a section with its actions.
type SectionProgress struct {
	Plan    *plan.Plan
	Section *plan.Section
	Rows    []query.Row
	// InPeriod are the section's actions due in the reporting period (a recurring commitment by
	// its occurrence in it): what the board pack lists under the section.
	InPeriod []query.Row
}

// LeadGroup is the actions one lead has coming up.
type LeadGroup struct {
	Lead string
	Rows []query.Row
}

// MeasureStatus is a measure as the board sees it: where it is, and how it stands
// (plan.Measure.Standing).
type MeasureStatus struct {
	Plan    *plan.Plan
	Section *plan.Section // nil for plan-level context figures
	Measure *plan.Measure
	plan.Standing
	// History is the observations known on the report date, oldest first: the sparkline.
	History []plan.Observation
}

// Build composes the report.
func Build(plans []*plan.Plan, reg *plan.Registry, opts Options) *Report {
	if opts.StaleDays == 0 {
		opts.StaleDays = 90
	}
	r := &Report{AsOf: opts.AsOf, Plans: plans, Changes: opts.Changes, LeftOut: opts.LeftOut, Options: opts}
	r.Title = "Corporate parenting report"
	if len(plans) == 1 {
		r.Title = plans[0].Title
	}
	if opts.Title != "" {
		r.Title = opts.Title
	}
	if opts.Period == (query.Window{}) {
		opts.Period = query.LastFullQuarter(opts.AsOf)
		r.Options.Period = opts.Period
	}
	next := opts.Period.Next()
	r.Period = Span{Label: opts.Period.Name(plans), Words: opts.Period.Words(plans), Description: opts.Period.Describe(plans), window: opts.Period}
	r.Next = Span{Label: next.Name(plans), Words: next.Words(plans), Description: next.Describe(plans), window: next}

	rows := query.Select(plans, reg, query.Filter{Today: opts.AsOf})
	for _, ps := range query.ByPlan(rows, opts.AsOf) {
		r.Summary.Counts = merge(r.Summary.Counts, ps.Counts)
	}
	periodRows := query.Select(plans, reg, query.Filter{Today: opts.AsOf, Window: &r.Period.window})
	nextRows := query.Select(plans, reg, query.Filter{Today: opts.AsOf, Window: &r.Next.window})
	// A recurring commitment counts where one of its occurrences falls due, as a dated one does.
	r.Summary.DueInPeriod = len(periodRows)
	r.Summary.DueNext = len(nextRows)
	for _, row := range rows {
		if row.DaysLate > LongOverdueDays {
			r.Summary.OverdueLong++
		}
		if row.Action.DeadlineNotUnderstood() {
			r.NotUnderstood = append(r.NotUnderstood, row)
		}
	}
	r.Exceptions = exceptions(rows, opts)
	r.Sections = sections(plans, rows)
	for i := range r.Sections {
		for _, row := range periodRows {
			if row.Section == r.Sections[i].Section {
				r.Sections[i].InPeriod = append(r.Sections[i].InPeriod, row)
			}
		}
	}
	r.ComingUp = byLead(nextRows, plans)
	r.Measures = measures(plans, opts.AsOf, opts.Tolerance)
	r.Attention = attention(r, plans)
	r.Glance = glance(r)
	r.Headlines = headlines(r)
	r.Summary.Narrative = narrative(r)
	return r
}

func merge(a, b query.Counts) query.Counts {
	if a.Status == nil {
		a.Status, a.RAG = map[plan.Status]int{}, map[plan.RAG]int{}
	}
	a.Actions += b.Actions
	a.Overdue += b.Overdue
	a.DueThisQuarter += b.DueThisQuarter
	a.Recurring += b.Recurring
	a.Undated += b.Undated
	a.Ongoing += b.Ongoing
	a.ToBeConfirmed += b.ToBeConfirmed
	a.NotUnderstood += b.NotUnderstood
	for k, v := range b.Status {
		a.Status[k] += v
	}
	for k, v := range b.RAG {
		a.RAG[k] += v
	}
	return a
}

func exceptions(rows []query.Row, opts Options) []Exception {
	var out []Exception
	for _, row := range rows {
		a := row.Action
		var reasons []string
		if a.RAG == plan.Red || a.RAG == plan.Amber {
			reasons = append(reasons, string(a.RAG))
		}
		if row.DaysLate > 0 {
			reasons = append(reasons, "overdue")
		}
		if len(reasons) == 0 || a.Closed() {
			continue
		}
		e := Exception{Row: row, Reasons: reasons}
		if u := a.LatestNote(opts.AsOf); u != nil {
			e.Latest = u
			e.Stale = u.Date.AddDate(0, 0, opts.StaleDays).Before(opts.AsOf)
		} else {
			e.NoCommentary = true
		}
		out = append(out, e)
	}
	// Worst first: red, then amber, then the rest; the latest first within each.
	rank := func(e Exception) int {
		switch e.Action.RAG {
		case plan.Red:
			return 0
		case plan.Amber:
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		if rank(out[i]) != rank(out[j]) {
			return rank(out[i]) < rank(out[j])
		}
		return out[i].DaysLate > out[j].DaysLate
	})
	return out
}

// LatestUpdate is exported for printers: the latest note on or before the report date.
func (r *Report) LatestUpdate(a *plan.Action) *plan.Update { return a.LatestNote(r.AsOf) }

func sections(plans []*plan.Plan, rows []query.Row) []SectionProgress {
	bySection := map[*plan.Section][]query.Row{}
	for _, row := range rows {
		bySection[row.Section] = append(bySection[row.Section], row)
	}
	var out []SectionProgress
	for _, p := range plans {
		for _, s := range p.Sections {
			out = append(out, SectionProgress{Plan: p, Section: s, Rows: bySection[s]})
		}
	}
	return out
}

// byLead groups rows by team. A team is named with its council when the report covers more than
// one council, since two councils' teams of one name are not one team.
func byLead(rows []query.Row, plans []*plan.Plan) []LeadGroup {
	idx := map[plan.Team]int{}
	var teams []plan.Team
	var out []LeadGroup
	councils := map[string]bool{}
	for _, p := range plans {
		councils[p.Council] = true
	}
	for _, row := range rows {
		ts := row.Teams
		if len(ts) == 0 {
			ts = []plan.Team{{Lead: "(no lead named)", Council: row.Plan.Council}}
		}
		for _, t := range ts {
			i, ok := idx[t]
			if !ok {
				i = len(out)
				idx[t] = i
				teams = append(teams, t)
				out = append(out, LeadGroup{Lead: t.Lead})
			}
			out[i].Rows = append(out[i].Rows, row)
		}
	}
	if len(councils) > 1 {
		for i, t := range teams {
			// A team the registry shares between councils has none named, and is one team.
			if t.Council != "" {
				out[i].Lead = t.Lead + " (" + CouncilName(t.Council) + ")"
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Lead) < strings.ToLower(out[j].Lead) })
	return out
}

func measures(plans []*plan.Plan, asOf time.Time, tol float64) []MeasureStatus {
	var out []MeasureStatus
	add := func(p *plan.Plan, s *plan.Section, m *plan.Measure) {
		out = append(out, MeasureStatus{Plan: p, Section: s, Measure: m, Standing: m.Standing(asOf, tol), History: known(m, asOf)})
	}
	for _, p := range plans {
		for _, s := range p.Sections {
			for _, m := range s.Measures {
				add(p, s, m)
			}
		}
		for _, m := range p.Measures {
			add(p, nil, m)
		}
	}
	return out
}

// narrative is the paragraph a board member reads first.
func narrative(r *Report) string {
	c := r.Summary.Counts
	var parts []string
	parts = append(parts, fmt.Sprintf("%d of %s complete", c.Status[plan.Complete], words.Count(c.Actions, "action is", "actions are")))
	if c.Status[plan.InProgress] > 0 {
		parts = append(parts, fmt.Sprintf("%d in progress", c.Status[plan.InProgress]))
	}
	if c.Status[plan.Dropped] > 0 {
		parts = append(parts, fmt.Sprintf("%d dropped", c.Status[plan.Dropped]))
	}
	s := strings.Join(parts, ", ") + ". "
	switch {
	case c.Overdue == 0:
		s += "None is overdue"
	case r.Summary.OverdueLong > 0:
		s += fmt.Sprintf("%s overdue, %d of them by more than 90 days", words.Count(c.Overdue, "is", "are"), r.Summary.OverdueLong)
	default:
		s += fmt.Sprintf("%s overdue", words.Count(c.Overdue, "is", "are"))
	}
	if red, amber := c.RAG[plan.Red], c.RAG[plan.Amber]; red+amber > 0 {
		s += fmt.Sprintf("; %d rated red and %d amber", red, amber)
	}
	s += fmt.Sprintf(". %s due in %s and %d in %s.", words.Count(r.Summary.DueInPeriod, "action falls", "actions fall"),
		r.Period.Label, r.Summary.DueNext, r.Next.Label)
	noComment := 0
	for _, e := range r.Exceptions {
		if e.NoCommentary {
			noComment++
		}
	}
	if noComment > 0 {
		s += fmt.Sprintf(" %s no commentary.", words.Count(noComment, "exception has", "exceptions have"))
	}
	var offTarget, noData int
	for _, m := range r.Measures {
		if m.RAG == plan.Red {
			offTarget++
		}
		if m.NoData {
			noData++
		}
	}
	if len(r.Measures) > 0 {
		s += fmt.Sprintf(" Of %s, %d %s red against target and %d %s no data yet.", words.Count(len(r.Measures), "measure", "measures"),
			offTarget, words.Pick(offTarget, "is", "are"), noData, words.Pick(noData, "has", "have"))
	}
	return s
}

// known are a measure's observations on or before asOf, oldest first: what was known on the
// report date, as plan.Measure.Standing reads them.
func known(m *plan.Measure, asOf time.Time) []plan.Observation {
	var obs []plan.Observation
	for _, o := range m.Observations {
		if !o.Date.After(asOf) {
			obs = append(obs, o)
		}
	}
	sort.SliceStable(obs, func(i, j int) bool { return obs[i].Date.Before(obs[j].Date) })
	return obs
}
