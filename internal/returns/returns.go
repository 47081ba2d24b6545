// Package returns owns the quarterly return: what each lead team is sent to fill in (its open
// actions, and the measures that expect a figure), in a workbook or CSV whose header words and
// layout `returns import` reads back, and the chasing list of what has not come back for a
// period. The model here does no I/O; the writers take an io.Writer. Around it are the steps of
// `returns export` and `returns import` that are the return's own rules (which document, which
// flags go together, where each lead's file goes, when returns are refused), which read the
// returns and make the export's folder but leave every other write to the caller.
package returns

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// Options say what a return covers.
type Options struct {
	// Today is the day the return is made: the latest note is the latest on or before it, and
	// the workbook is dated with it.
	Today time.Time
	// Quarter is the period the return is for, read in each plan's own convention.
	Quarter query.Window
	// Leads, when given, keep only these teams (any spelling the registry knows, one lead a value:
	// the command reads --lead through query.LeadValues first).
	Leads []string
}

// Return is a quarterly return for a set of plans.
type Return struct {
	Today   time.Time
	Quarter query.Window
	Plans   []*plan.Plan
	// Periods are the dates the quarter covers for each plan, in plan order.
	Periods []Period
	// Leads are the lead teams with open actions, by name; each is one sheet of the workbook.
	Leads []*LeadReturn
	// Measures are the measures that expect a figure, in plan order.
	Measures []*MeasureRow
	// LeadFilter is Options.Leads, recorded in the workbook.
	LeadFilter []string
}

// Period is the quarter as one plan reads it.
type Period struct {
	Plan       *plan.Plan
	Name       string // "Q3 2025" or "Q2 2025/26"
	Convention deadline.Convention
	Start, End time.Time
}

// Contains reports whether day falls in the period.
func (p Period) Contains(day time.Time) bool { return !day.Before(p.Start) && !day.After(p.End) }

// LeadReturn is one lead team's part of the return: its open actions.
type LeadReturn struct {
	Team plan.Team
	// Name is what the return calls the team: with its council when the return covers more than
	// one council, since two councils' teams of one name are two teams.
	Name string
	// Sheet is the team's sheet in the workbook (see sheetNamer).
	Sheet string
	Rows  []*ActionRow
}

// ActionRow is one open action as its lead is asked about it.
type ActionRow struct {
	query.Row
	Lead string // the team's Name
	// Latest is the latest update with a note, on or before the day of the return; nil for none.
	Latest *plan.Update
	// Updated is the latest update of any kind dated within the period; nil for none.
	Updated *plan.Update
	Period  Period
}

// MeasureRow is a measure that expects a figure.
type MeasureRow struct {
	Plan    *plan.Plan
	Section *plan.Section
	Measure *plan.Measure
	// Teams answer for the measure: the teams its section is delivered by. Empty when the
	// section names none.
	Teams []plan.Team
	Lead  string // the teams' names, joined with "; "; NoLead when there are none
	// Latest is the latest observation on or before the day of the return; nil for none.
	Latest *plan.Observation
	// InPeriod is the latest observation dated within the period; nil for none.
	InPeriod *plan.Observation
	Period   Period
}

// NoLead names the team of an action or measure that names none, and of its sheet.
const NoLead = query.NoLead

// ExpectsFigure reports whether a section's measure is one a lead is asked a figure for: one the
// plan treats as a number (it has a unit, a baseline, a target, an observation, or a direction
// higher or lower is better), and not a context figure. Measures written as a sentence only
// ("Young people tell us they feel heard") are judged in the progress notes, not asked a figure.
func ExpectsFigure(m *plan.Measure) bool {
	if m.Direction == "context" {
		return false
	}
	return m.Unit != "" || m.Baseline != nil || m.Target != nil || len(m.Observations) > 0 ||
		m.Direction == "higher" || m.Direction == "lower"
}

// Build makes the return for plans: every open action (not complete or dropped, sub-actions
// included) under each of its lead teams, and every section measure that expects a figure.
// Plan-level measures are context figures and are not asked for. Files without a plan (practice
// examples, registries) are left out: a return is for plans only.
func Build(plans []*plan.Plan, reg *plan.Registry, opts Options) *Return {
	plans = slices.DeleteFunc(slices.Clone(plans), func(p *plan.Plan) bool { return len(p.Sections) == 0 })
	r := &Return{Today: opts.Today, Quarter: opts.Quarter, Plans: plans, LeadFilter: opts.Leads}
	periods := map[*plan.Plan]Period{}
	for _, p := range plans {
		start, end, conv := opts.Quarter.Span(p)
		pd := Period{Plan: p, Name: quarterName(start, end, conv), Convention: conv, Start: start, End: end}
		periods[p] = pd
		r.Periods = append(r.Periods, pd)
	}
	want := map[string]bool{}
	for _, l := range opts.Leads {
		c, _ := reg.Canonical(l)
		want[plan.Fold(c)] = true
	}
	keep := func(t plan.Team) bool { return len(want) == 0 || want[plan.Fold(t.Lead)] }
	name := r.teamName

	byTeam := map[plan.Team]*LeadReturn{}
	rows := query.Select(plans, reg, query.Filter{Leads: opts.Leads, Today: opts.Today})
	for _, row := range rows {
		a := row.Action
		if a.Closed() {
			continue
		}
		teams := row.Teams
		if len(teams) == 0 {
			teams = []plan.Team{{Lead: NoLead, Council: row.Plan.Council}}
		}
		for _, t := range teams {
			if !keep(t) {
				continue
			}
			lr := byTeam[t]
			if lr == nil {
				lr = &LeadReturn{Team: t, Name: name(t)}
				byTeam[t] = lr
				r.Leads = append(r.Leads, lr)
			}
			pd := periods[row.Plan]
			lr.Rows = append(lr.Rows, &ActionRow{Row: row, Lead: lr.Name, Period: pd,
				Latest: a.LatestNote(opts.Today), Updated: updatedIn(a, pd)})
		}
	}
	sort.SliceStable(r.Leads, func(i, j int) bool { return leadLess(r.Leads[i].Team, r.Leads[j].Team) })
	namer := newSheetNamer()
	for _, lr := range r.Leads {
		lr.Sheet = namer.name(lr.Name)
	}

	for _, p := range plans {
		for _, s := range p.Sections {
			for _, m := range s.Measures {
				if !ExpectsFigure(m) {
					continue
				}
				mr := &MeasureRow{Plan: p, Section: s, Measure: m, Period: periods[p]}
				for _, l := range s.DeliveredBy {
					if t := reg.Team(p.Council, l); !slices.Contains(mr.Teams, t) {
						mr.Teams = append(mr.Teams, t)
					}
				}
				if len(want) > 0 && !slices.ContainsFunc(mr.Teams, keep) {
					continue
				}
				var names []string
				for _, t := range mr.Teams {
					names = append(names, name(t))
				}
				mr.Lead = strings.Join(names, "; ")
				if mr.Lead == "" {
					mr.Lead = NoLead
				}
				mr.Latest, mr.InPeriod = observations(m, opts.Today, mr.Period)
				r.Measures = append(r.Measures, mr)
			}
		}
	}
	return r
}

// quarterName names a span that is a quarter in a convention ("Q3 2025", "Q2 2025/26"); the
// span's dates otherwise.
func quarterName(start, end time.Time, conv deadline.Convention) string {
	d := deadline.QuarterContaining(start, conv)
	if d.Start.Equal(start) && d.End.Equal(end) {
		return d.Text
	}
	return words.Span(start, end)
}

func leadLess(a, b plan.Team) bool {
	// The actions no one leads come last: they are the analyst's to place.
	if (a.Lead == NoLead) != (b.Lead == NoLead) {
		return b.Lead == NoLead
	}
	return a.Compare(b) < 0
}

// updatedIn is the latest update dated within the period.
func updatedIn(a *plan.Action, p Period) *plan.Update {
	var best *plan.Update
	for i := range a.Updates {
		u := &a.Updates[i]
		if p.Contains(u.Date) && (best == nil || !u.Date.Before(best.Date)) {
			best = u
		}
	}
	return best
}

// observations are a measure's latest figure on or before day, and its latest within the period.
func observations(m *plan.Measure, day time.Time, p Period) (latest, inPeriod *plan.Observation) {
	for i := range m.Observations {
		o := &m.Observations[i]
		if !o.HasDate {
			continue
		}
		if !o.Date.After(day) && (latest == nil || !o.Date.Before(latest.Date)) {
			latest = o
		}
		if p.Contains(o.Date) && (inPeriod == nil || !o.Date.Before(inPeriod.Date)) {
			inPeriod = o
		}
	}
	return latest, inPeriod
}

const isoDate = "2006-01-02"

// Cells are the row as the return writes it: the current values, then the empty columns the
// lead fills in.
func (a *ActionRow) Cells() []string {
	act := a.Action
	note, noteDate := "", ""
	if a.Latest != nil {
		note, noteDate = a.Latest.Note, a.Latest.Date.Format(isoDate)
	}
	cells := []string{act.ID, a.Plan.ID, a.Section.Title, act.Label(), a.Lead, act.Deadline.Text, a.due(isoDay),
		StatusWord(act.Status), RAGWord(act.RAG), note, noteDate}
	return append(cells, make([]string, len(ActionHeader)-len(cells))...)
}

// answeredBy are the teams asked for the measure's figure: its Teams, or when its section names
// none, its council's unled team, which the council's unled actions go to as well.
func (m *MeasureRow) answeredBy() []plan.Team {
	if len(m.Teams) == 0 {
		return []plan.Team{{Lead: NoLead, Council: m.Plan.Council}}
	}
	return m.Teams
}

// due is what the Due column says of the action: its due date as date writes it, "recurring", or
// NotUnderstood; blank for no deadline, TBC or Ongoing.
func (a *ActionRow) due(date func(time.Time) string) string {
	switch {
	case a.HasDue():
		return date(a.Due)
	case a.Recurring:
		return "recurring"
	case a.Action.DeadlineNotUnderstood():
		// Not blank: the lead is told cpp cannot place it.
		return NotUnderstood
	}
	return ""
}

func isoDay(t time.Time) string { return t.Format(isoDate) }

// Cells are the measure as the return writes it, then the empty columns for the new figure.
func (m *MeasureRow) Cells() []string {
	target, latest, latestDate := "", "", ""
	if m.Measure.Target != nil {
		target = words.Number(m.Measure.Target.Value)
	}
	if m.Latest != nil {
		latest, latestDate = words.Number(m.Latest.Value), m.Latest.Date.Format(isoDate)
	}
	cells := []string{m.Measure.ID, m.Plan.ID, m.Section.Title, m.Measure.Text, m.Lead, m.Measure.Unit,
		target, latest, latestDate}
	return append(cells, make([]string, len(MeasureHeader)-len(cells))...)
}

// ActionCount is how many action rows the return has, counting an action once for each lead.
func (r *Return) ActionCount() int {
	n := 0
	for _, l := range r.Leads {
		n += len(l.Rows)
	}
	return n
}

// Empty reports whether there is nothing to ask anyone.
func (r *Return) Empty() bool { return len(r.Leads) == 0 && len(r.Measures) == 0 }

// LeadPart is one lead team's own return, for a workbook of its own: the team's sheet and the
// measures it answers for, under a file name made from the team's name.
type LeadPart struct {
	Name   string // the team, as the return names it
	File   string // a file name for it, without extension: unique in any case, safe on every system
	Return *Return
}

// PerLead splits the return into one return per lead team, in the return's order, so that a
// council with 70 leads sends each its own workbook. A measure answered by several teams is in
// each of their returns.
func (r *Return) PerLead() []LeadPart {
	var parts []LeadPart
	used := map[string]bool{}
	add := func(team plan.Team, name string, leads []*LeadReturn) {
		part := *r
		part.Leads = leads
		part.LeadFilter = []string{team.Lead}
		part.Measures = nil
		for _, m := range r.Measures {
			if slices.Contains(m.answeredBy(), team) {
				part.Measures = append(part.Measures, m)
			}
		}
		base := FileName(name)
		file := base
		for i := 2; used[strings.ToLower(file)]; i++ {
			file = fmt.Sprintf("%s (%d)", base, i)
		}
		used[strings.ToLower(file)] = true
		parts = append(parts, LeadPart{Name: name, File: file, Return: &part})
	}
	has := map[plan.Team]bool{}
	for _, lr := range r.Leads {
		has[lr.Team] = true
		add(lr.Team, lr.Name, []*LeadReturn{lr})
	}
	// A team asked only for figures (no open actions) has a return of its own too.
	for _, m := range r.Measures {
		for _, t := range m.answeredBy() {
			if !has[t] {
				has[t] = true
				add(t, r.teamName(t), nil)
			}
		}
	}
	return parts
}

// teamName is what the return calls a team: with its council when the return covers more than one.
func (r *Return) teamName(t plan.Team) string {
	for _, p := range r.Plans {
		if p.Council != r.Plans[0].Council {
			return t.String()
		}
	}
	return t.Lead
}

// FileName is a team's name as a file name every system accepts and a person recognises:
// letters, digits, spaces and ( ) & , . ' ’ - kept, anything else (a slash, a colon, a control
// character) a space, at most 100 characters and 200 bytes (so that " (2).xlsx" still fits the
// 255 bytes a file name may take), cut at a word where there is one, no dot or space at either
// end (Windows drops them), never a name Windows reserves (CON, NUL, COM1, …, alone or before a
// dot, as in "NUL.txt"); "Lead" when nothing is left.
func FileName(team string) string {
	var b strings.Builder
	for _, r := range team {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" ()&,.'’-", r) {
			b.WriteRune(r)
		} else {
			b.WriteRune(' ')
		}
	}
	name := strings.Trim(shorten(strings.Join(strings.Fields(b.String()), " "), 100, 200), ". ")
	if name == "" {
		return "Lead"
	}
	if reservedName(name) {
		return "Lead " + name
	}
	return name
}

// shorten is s cut to at most runes characters and bytes bytes: at the last space within them
// when the cut would fall inside a word, else at a character.
func shorten(s string, runes, bytes int) string {
	n, cut := 0, len(s)
	for i, r := range s {
		if n == runes || i+utf8.RuneLen(r) > bytes {
			cut = i
			break
		}
		n++
	}
	if cut == len(s) {
		return s
	}
	if s[cut] != ' ' {
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > 0 {
			cut = sp
		}
	}
	return s[:cut]
}

// reservedName reports whether Windows takes name as a device: CON, PRN, AUX, NUL, COM0-9 or
// LPT0-9 (¹ ² ³ too), alone or before a dot and anything.
func reservedName(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if r := []rune(base); len(r) == 4 && (string(r[:3]) == "COM" || string(r[:3]) == "LPT") {
		return unicode.IsDigit(r[3]) && r[3] < 0x80 || strings.ContainsRune("¹²³", r[3])
	}
	return false
}
