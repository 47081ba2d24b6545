package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// The young people's report ("You said, we did") tells the plan back to the children and young
// people it is for: per section, the promise (its `plain:` if the plan gives one), what they
// said, what was done, what happens in the next six months, and a measure in words. It shows no
// ids, RAG ratings or lead teams, and nothing from a progress note unless the update says young
// people may read it (plan.Update.SharedWithYoungPeople). youngpeople_markdown.go and
// youngpeople_html.go decide how it looks; the words cpp adds are in ypWords.

// YoungPeople is the young people's report.
type YoungPeople struct {
	AsOf  time.Time
	Plans []YPPlan
	// Personal is the personal-looking text found in what the report shows (see Publish).
	Personal *PersonalNotice
}

// YPPlan is one plan, told back.
type YPPlan struct {
	Title, Council string
	Parts          []YPPart
}

// YPPart is one section: a promise, pledge or priority.
type YPPart struct {
	Title    string
	Promise  string
	YouSaid  []string
	Did      []YPAction // done, or with news shared
	Next     []YPAction // due in the coming six months
	Stopped  []YPAction // dropped, with a reason shared
	Measures []string
}

// YPAction is an action as a young person reads it.
type YPAction struct {
	Text string
	// Status is a ypWords status: done, started, not started yet, stopped.
	Status string
	// When is a month in words: when it was done, or when it is due ("March 2026"); "" unknown.
	When string
	News []YPNews
}

// YPNews is an update shared with young people.
type YPNews struct {
	When, Text string
}

// ypHorizon is how far ahead "What happens next" looks.
const ypHorizon = 6

// BuildYoungPeople composes the young people's report as of asOf.
func BuildYoungPeople(plans []*plan.Plan, asOf time.Time) *YoungPeople {
	y := &YoungPeople{AsOf: asOf}
	until := asOf.AddDate(0, ypHorizon, 0)
	for _, p := range plans {
		yp := YPPlan{Title: p.Title, Council: p.Council}
		for _, s := range p.Sections {
			yp.Parts = append(yp.Parts, ypPart(s, asOf, until))
		}
		y.Plans = append(y.Plans, yp)
	}
	return y
}

func ypPart(s *plan.Section, asOf, until time.Time) YPPart {
	part := YPPart{Title: s.Title, Promise: words.OneLine(s.PlainPromise())}
	for _, said := range s.YouSaid {
		part.YouSaid = append(part.YouSaid, words.OneLine(said))
	}
	type next struct {
		due time.Time
		a   YPAction
	}
	var nexts []next
	for _, a := range s.Actions {
		news := sharedNews(a, asOf)
		item := YPAction{Text: words.OneLine(a.PlainText()), Status: ypStatus(a.Status), News: news}
		switch a.Status {
		case plan.Dropped:
			// A dropped action is explained only with a reason the plan chose to share.
			if len(news) > 0 {
				part.Stopped = append(part.Stopped, item)
			}
			continue
		case plan.Complete:
			if d, ok := completedOn(a, asOf); ok {
				item.When = monthWords(d)
			}
			part.Did = append(part.Did, item)
			continue
		}
		if len(news) > 0 {
			part.Did = append(part.Did, item)
		}
		if due, ok := nextDue(a, asOf, until); ok {
			n := item
			n.When, n.News = monthWords(due), nil
			nexts = append(nexts, next{due, n})
		}
	}
	sort.SliceStable(nexts, func(i, j int) bool { return nexts[i].due.Before(nexts[j].due) })
	for _, n := range nexts {
		part.Next = append(part.Next, n.a)
	}
	for _, m := range s.Measures {
		if line, ok := measureWords(m, asOf); ok {
			part.Measures = append(part.Measures, line)
		}
	}
	return part
}

// sharedNews is the updates young people may read, up to asOf, oldest first.
func sharedNews(a *plan.Action, asOf time.Time) []YPNews {
	var us []plan.Update
	for _, u := range a.Updates {
		if u.SharedWithYoungPeople() && !u.Date.After(asOf) && strings.TrimSpace(u.ForYoungPeopleText()) != "" {
			us = append(us, u)
		}
	}
	sort.SliceStable(us, func(i, j int) bool { return us[i].Date.Before(us[j].Date) })
	out := make([]YPNews, 0, len(us))
	for _, u := range us {
		out = append(out, YPNews{When: monthWords(u.Date), Text: words.OneLine(u.ForYoungPeopleText())})
	}
	return out
}

// completedOn is the date of the update that marked the action complete, or its latest update.
func completedOn(a *plan.Action, asOf time.Time) (time.Time, bool) {
	var done, latest time.Time
	for _, u := range a.Updates {
		if u.Date.After(asOf) {
			continue
		}
		if u.Status == plan.Complete && (done.IsZero() || u.Date.Before(done)) {
			done = u.Date
		}
		if u.Date.After(latest) {
			latest = u.Date
		}
	}
	if !done.IsZero() {
		return done, true
	}
	return latest, !latest.IsZero()
}

// nextDue is when an open action next falls due within (asOf, until]: its deadline, or the next
// occurrence of a recurring one.
func nextDue(a *plan.Action, asOf, until time.Time) (time.Time, bool) {
	if due, ok := a.Due(); ok {
		return due, due.After(asOf) && !due.After(until)
	}
	if s, ok := a.Schedule(); ok {
		if o, ok := s.FirstDueIn(asOf.AddDate(0, 0, 1), until); ok {
			return o.End, true
		}
	}
	return time.Time{}, false
}

// monthWords is a date as a month in words: "October 2025".
func monthWords(t time.Time) string { return t.Format("January 2006") }

// ypStatus is a status in the words a young person uses.
func ypStatus(s plan.Status) string {
	switch s {
	case plan.Complete:
		return ypWords.Done
	case plan.InProgress:
		return ypWords.Started
	case plan.Dropped:
		return ypWords.Stopped
	}
	return ypWords.NotStarted
}

// smallCount is the size below which a count is not published, as published statistics
// suppress it: a count under 5 could identify a child.
const smallCount = 5

// measureWords says a measure's latest figure in words: a percentage as "58 out of every 100",
// a count under 5 as "fewer than 5", with the month and the target if there is one. ok is false
// when the measure has no figure yet.
func measureWords(m *plan.Measure, asOf time.Time) (string, bool) {
	// The latest figure is the board's (Standing's), whatever the tolerance that rates it.
	latest := m.Standing(asOf, DefaultTolerance).Latest
	if latest == nil {
		return "", false
	}
	s := fmt.Sprintf("%s: %s in %s.", strings.TrimRight(words.OneLine(m.Text), ".:"), figureWords(m, latest.Value), monthWords(latest.Date))
	if m.Target != nil {
		s += " " + fmt.Sprintf(ypWords.Target, figureWords(m, m.Target.Value))
	}
	return s, true
}

// figureWords is one value of a measure in words. A count under 5 is suppressed whatever the
// plan calls what it counts ("children", "students", "placements", "UASC"): anything but a
// percentage, a rate, a score, a length of time or money is taken for a count, and with no unit a
// whole number is.
func figureWords(m *plan.Measure, v float64) string {
	unit := strings.TrimSpace(m.Unit)
	if unit == "%" || strings.EqualFold(unit, "percent") {
		return fmt.Sprintf(ypWords.OutOf100, words.Number(math.Round(v)))
	}
	count := isCount(unit, v)
	switch {
	case count && v < smallCount && v > 0:
		return ypWords.FewerThan5
	case unit == "" || count && unitWords(unit, countsPeople...):
		return words.Number(v)
	}
	return words.Number(v) + " " + unit
}

var (
	// countsPeople are units that name the people the measure's text already names ("Children
	// who...: 12"), so the figure is said without its unit.
	countsPeople = []string{"count", "number", "people", "children", "child", "young", "leavers", "carers", "families", "households"}
	// notCounts are units of something other than how many: a score, a length of time, money,
	// a full-time equivalent.
	notCounts = []string{"score", "point", "day", "week", "month", "year", "hour", "minute", "£", "pound", "cost", "ratio", "average",
		"mean", "median", "fte"}
)

// isCount reports whether a measure's value in unit counts people or things: not a rate
// ("per 10,000 children"), a percentage, a score, a length of time or money. A unit naming
// people ("care leavers aged 19-21 years") is a count; with no unit, a whole number is.
func isCount(unit string, v float64) bool {
	switch {
	case unit == "":
		return v == math.Trunc(v)
	case unitWords(unit, "per ", "per-", "rate", "percent", "%"):
		return false
	case unitWords(unit, countsPeople...):
		return true
	}
	return !unitWords(unit, notCounts...)
}

// unitWords reports whether unit has any of the words in it, whatever their case.
func unitWords(unit string, words ...string) bool {
	u := strings.ToLower(unit)
	for _, w := range words {
		if strings.Contains(u, w) {
			return true
		}
	}
	return false
}

// SharedLine says, for the board, whether a section has anything shared with young people in
// the reporting period: "Shared with young people this quarter: 2 updates.", "Nothing shared
// with young people since June 2025.", or "Nothing shared with young people yet."
func SharedLine(s *plan.Section, period query.Window, asOf time.Time) string {
	start, end, _ := period.Span(s.Plan)
	inPeriod := 0
	var last time.Time
	for _, a := range s.Actions {
		for _, u := range a.Updates {
			if !u.SharedWithYoungPeople() || u.Date.After(asOf) {
				continue
			}
			if !u.Date.Before(start) && !u.Date.After(end) {
				inPeriod++
			}
			if u.Date.After(last) {
				last = u.Date
			}
		}
	}
	switch {
	case inPeriod > 0:
		return fmt.Sprintf("Shared with young people this quarter: %s.", words.Count(inPeriod, "update", "updates"))
	case !last.IsZero():
		return fmt.Sprintf("Nothing shared with young people since %s.", monthWords(last))
	}
	return "Nothing shared with young people yet."
}

// ypWords are the words cpp adds to the young people's report: headings, joining sentences and
// status words. They are written for a reading age of 9 to 11, and a test measures them.
var ypWords = struct {
	Title, Intro, Made, From                              string
	Promise, YouSaid, Did, Next, StoppedHeading, Measures string
	NothingYet, NothingNext                               string
	Done, Started, NotStarted, Stopped                    string
	DoneIn, DueBy, FewerThan5, OutOf100, Target           string
	Found, FoundHow, FoundLabel, Removed                  string
}{
	Title:          "What did we do after you told us?",
	Intro:          "This is for children and young people in care, and for care leavers. It tells you what we said we would do. It tells you what you told us, what we did and what comes next.",
	Made:           "We made this on %s.",
	From:           "From %s.",
	Promise:        "What did we promise?",
	YouSaid:        "What did you tell us?",
	Did:            "What have we done?",
	Next:           "What happens next?",
	StoppedHeading: "What did we stop, and why?",
	Measures:       "How are we doing?",
	NothingYet:     "We have nothing new to tell you about this yet.",
	NothingNext:    "Nothing is due in the next six months.",
	Done:           "Done",
	Started:        "Started",
	NotStarted:     "Not started yet",
	Stopped:        "Stopped",
	DoneIn:         "Done in %s.",
	DueBy:          "We plan to do this by %s.",
	FewerThan5:     "fewer than 5",
	OutOf100:       "%s out of every 100",
	Target:         "We want it to be %s.",
	Found:          "Check this before you share it. Some words below may tell people who someone is.",
	FoundHow:       "Take them out of the plan, or make this again with --redact.",
	FoundLabel:     "Check before you share",
	Removed:        "We took out some words that may tell people who someone is. They show as [removed].",
}
