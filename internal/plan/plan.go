// Package plan is the domain: plans, their sections, actions and measures, the lead registry and
// practice examples. It does no I/O; planfile builds these values from YAML and keeps the
// position of every value so that diagnostics can point at it.
package plan

import (
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/words"
)

// Pos is a 1-based line and column in a plan file.
type Pos struct {
	Line, Col int
}

// Field records where the value of one key (or list item, as "leads.1") was written.
type Field struct {
	Key string
	Pos Pos
}

// Positions maps keys to the positions of their values. It is a slice, not a map: an action has
// a dozen keys at most, and a national corpus has tens of thousands of actions.
type Positions []Field

// Of returns the position of key's value, or ok=false.
func (p Positions) Of(key string) (Pos, bool) {
	for _, f := range p {
		if f.Key == key {
			return f.Pos, true
		}
	}
	return Pos{}, false
}

// Status is where an action stands.
type Status string

const (
	NotStarted Status = "not-started"
	InProgress Status = "in-progress"
	Complete   Status = "complete"
	Dropped    Status = "dropped"
)

// Statuses lists the valid statuses in the order reports show them.
var Statuses = []Status{NotStarted, InProgress, Complete, Dropped}

// RAG is a risk-to-delivery rating, separate from status. The zero value means not rated.
type RAG string

const (
	Green RAG = "green"
	Amber RAG = "amber"
	Red   RAG = "red"
)

// RAGs lists the valid ratings, worst last.
var RAGs = []RAG{Green, Amber, Red}

// SectionKinds are the kinds of section the documents use.
var SectionKinds = []string{"priority", "pledge", "promise", "cohort", "workstream"}

// Directions says which way a measure should move.
var Directions = []string{"higher", "lower", "context"}

// Period is a plan's span, both ends inclusive.
type Period struct {
	Start, End time.Time
}

// Contains reports whether t falls within the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && !t.After(p.End)
}

// Plan is one council's plan.
type Plan struct {
	ID, Title, Council, Owner, Source string
	Period                            Period
	Quarters                          deadline.Convention
	Links                             []string
	Measures                          []*Measure // context figures that belong to no section
	Sections                          []*Section
	File                              string
	Pos                               Pos
	At                                Positions
}

// Section is a priority, pledge, promise, cohort or workstream.
type Section struct {
	ID, Kind, Title, Promise string
	// Plain is the promise in words a young person reads, which the young people's report
	// uses instead of the formal promise; "" when the plan gives none.
	Plain       string
	YouSaid     []string
	DeliveredBy []string
	Measures    []*Measure
	Actions     []*Action
	Plan        *Plan
	Pos         Pos
	At          Positions
}

// Action is one thing a plan commits to do.
type Action struct {
	ID   string
	Text string
	// Plain is the action in words a young person reads, used instead of Text in the young
	// people's report; "" when the plan gives none.
	Plain    string
	Deadline deadline.Deadline // Deadline.Text is empty when none is written
	// HasDeadline is false when no deadline is written; DeadlineErr is set when one is written but unreadable.
	HasDeadline bool
	DeadlineErr error
	Leads       []string // as written; nil means the section's DeliveredBy applies
	Status      Status
	RAG         RAG
	Outcomes    []string
	Links       []string
	Tags        []string
	Parent      string
	Updates     []Update
	Section     *Section
	Pos         Pos
	At          Positions

	// From is where a recurring deadline's periods start (`from:`); zero means the plan's start.
	From time.Time
}

// Update is a dated progress note.
type Update struct {
	Date   time.Time
	Status Status
	RAG    RAG
	Note   string
	// Evidence is what shows the progress: a document's name or a URL.
	Evidence string
	// Share is who else may read the note: ShareYoungPeople, or "" for officers and the board
	// only. Notes are written for officers and may hold details about a child, so nothing from
	// them reaches young people unless the update says so.
	Share string
	// ForYoungPeople is a short text for young people in place of the note; writing one shares
	// the update with them.
	ForYoungPeople string
	Pos            Pos
	At             Positions
}

// ShareYoungPeople is the value of `share:` that lets the young people's report show an update.
const ShareYoungPeople = "young-people"

// ShareValues are the values `share:` may take.
var ShareValues = []string{ShareYoungPeople}

// SharedWithYoungPeople reports whether young people may read the update: it says
// `share: young-people`, or has a `for_young_people:` text.
func (u Update) SharedWithYoungPeople() bool {
	return u.Share == ShareYoungPeople || u.ForYoungPeople != ""
}

// ForYoungPeopleText is what young people read of a shared update: its `for_young_people:` text,
// else its note; "" when the update is not shared with them.
func (u Update) ForYoungPeopleText() string {
	switch {
	case u.ForYoungPeople != "":
		return u.ForYoungPeople
	case u.Share == ShareYoungPeople:
		return u.Note
	}
	return ""
}

// PlainText is what young people read as the action: its `plain:` sentence, else its label.
func (a *Action) PlainText() string {
	if a.Plain != "" {
		return a.Plain
	}
	return a.Label()
}

// PlainPromise is what young people read as the section's promise: its `plain:` sentence,
// else the promise as the plan writes it.
func (s *Section) PlainPromise() string {
	if s.Plain != "" {
		return s.Plain
	}
	return s.Promise
}

// Same reports whether two updates say the same thing on the same day, whatever the spacing.
func (u Update) Same(v Update) bool { return u.Key() == v.Key() }

// Key is what an update says, in the form two updates are compared in (see Same): its day,
// status, rating, note, evidence and sharing with young people, whatever the spacing. cpp diff
// matches updates by it, and cpp update adds none that is the Same as one already there.
func (u Update) Key() string {
	return strings.Join([]string{u.Date.Format(time.DateOnly), string(u.Status), string(u.RAG), words.OneLine(u.Note),
		strings.TrimSpace(u.Evidence), u.Share, words.OneLine(u.ForYoungPeople)}, "\x00")
}

// Words are the update's note with its evidence, as one line for people to read:
// "Draft agreed (evidence: board minutes, 12 Sep)".
func (u Update) Words() string {
	switch {
	case u.Evidence == "":
		return u.Note
	case u.Note == "":
		return "(evidence: " + u.Evidence + ")"
	}
	return u.Note + " (evidence: " + u.Evidence + ")"
}

// Label is what a person reads as the action: its text, or for an action written only as its
// expected outcome, that outcome.
func (a *Action) Label() string {
	if a.Text != "" {
		return a.Text
	}
	return strings.Join(a.Outcomes, " ")
}

// EffectiveLeads are the teams that answer for the action: its own leads; for a lettered
// sub-action that names none, its parent's (up the chain); then its section's delivering teams.
func (a *Action) EffectiveLeads() []string {
	if len(a.Leads) > 0 || a.Section == nil {
		return a.Leads
	}
	// A parent cycle is an error validate reports; here it only must not loop.
	x := a
	for range a.Section.Actions {
		if x = a.Section.Action(x.Parent); x == nil {
			break
		}
		if len(x.Leads) > 0 {
			return x.Leads
		}
	}
	return a.Section.DeliveredBy
}

// Action is the section's action with this id, or nil.
func (s *Section) Action(id string) *Action {
	if id == "" {
		return nil
	}
	for _, a := range s.Actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// DeadlineNotUnderstood reports whether the action has a deadline written that cpp cannot place
// in time ("Pilot by June 2026, then ongoing"): it is kept as written (Deadline.Text, with the
// reason in DeadlineErr), and every answer that depends on when the action falls due names it
// rather than treating it as undated.
func (a *Action) DeadlineNotUnderstood() bool { return a.HasDeadline && a.DeadlineErr != nil }

// Due is when a dated deadline falls due.
func (a *Action) Due() (time.Time, bool) {
	if !a.HasDeadline || a.DeadlineErr != nil {
		return time.Time{}, false
	}
	return a.Deadline.Due()
}

// Closed reports whether the action needs no more work.
func (a *Action) Closed() bool { return a.Status == Complete || a.Status == Dropped }

// Overdue reports whether the action is still open and either its deadline has passed (before
// today) or, for a recurring deadline, its last past occurrence was missed (see Missed).
func (a *Action) Overdue(today time.Time) bool {
	if a.Closed() {
		return false
	}
	if due, ok := a.Due(); ok {
		return due.Before(today)
	}
	_, missed := a.Missed(today)
	return missed
}

// Schedule lays a recurring deadline out as occurrences: periods from the action's `from:` date,
// else the start the deadline gives ("Commencing April 2021, biannually thereafter"), else its
// plan's start, none running past the plan's end. ok is false for a deadline that does not recur.
func (a *Action) Schedule() (deadline.Schedule, bool) {
	if !a.HasDeadline || a.DeadlineErr != nil || a.Deadline.Kind != deadline.Recurring {
		return deadline.Schedule{}, false
	}
	from, until := a.From, time.Time{}
	if from.IsZero() {
		from = a.Deadline.Start
	}
	if a.Section != nil && a.Section.Plan != nil {
		if from.IsZero() {
			from = a.Section.Plan.Period.Start
		}
		until = a.Section.Plan.Period.End
	}
	return deadline.NewSchedule(a.Deadline, from, until)
}

// Kept reports whether an update dated within the occurrence's period, and not after today
// (a later one was not yet known), completes it. An update dated after a period has ended
// counts for the period it falls in, not for the one it was late for.
func (a *Action) Kept(o deadline.Occurrence, today time.Time) bool {
	for _, u := range a.Updates {
		if !u.Date.Before(o.Start) && !u.Date.After(o.End) && !u.Date.After(today) {
			return true
		}
	}
	return false
}

// LatestNote is the update with a note dated latest on or before asOf (one dated later was not
// yet known), or nil. Of two notes on the same day the one written later in the file is the
// latest: a note is added below the ones before it, so it is the newer word. The report, the
// returns and every other reader ask this, so that they name the same note.
func (a *Action) LatestNote(asOf time.Time) *Update {
	var latest *Update
	for i := range a.Updates {
		u := &a.Updates[i]
		if u.Note == "" || u.Date.After(asOf) {
			continue
		}
		if latest == nil || !u.Date.Before(latest.Date) {
			latest = u
		}
	}
	return latest
}

// Missed is the last occurrence of a recurring deadline to fall due before today, when no update
// completes it; ok is false when it was kept, when none has fallen due, or when the deadline does
// not recur. Only the last counts: an earlier miss is history once a later occurrence is kept.
func (a *Action) Missed(today time.Time) (deadline.Occurrence, bool) {
	s, ok := a.Schedule()
	if !ok {
		return deadline.Occurrence{}, false
	}
	o, ok := s.LastDueBefore(today)
	if !ok || a.Kept(o, today) {
		return deadline.Occurrence{}, false
	}
	return o, true
}

// Measure is a success measure, or a context figure.
type Measure struct {
	ID, Text, Unit, Direction string
	Baseline, Target          *Observation
	Observations              []Observation
	Benchmarks                []Benchmark
	Pos                       Pos
	At                        Positions
}

// Observation is a value at a date.
type Observation struct {
	Date         time.Time
	HasDate      bool
	Value        float64
	Source, Note string
	Pos          Pos
}

// Benchmark is a comparator (England, statistical neighbours) with its period.
type Benchmark struct {
	Name, Period, Source string
	Value                float64
	Pos                  Pos
}

// Lead is a canonical team or role with the other spellings plans use for it.
type Lead struct {
	Name    string
	Aliases []string
	// Shared marks a team that serves several councils (an NHS board): counted as one team
	// whichever council's plan names it, where other leads are each council's own team.
	Shared bool
	File   string
	Pos    Pos
	At     Positions
}

// Practice is an example of what works elsewhere, linkable from actions as evidence.
type Practice struct {
	ID, Council, Title, Summary, Team, Source string
	Partners, Themes, Outcomes                []string
	File                                      string
	Pos                                       Pos
	At                                        Positions
}
