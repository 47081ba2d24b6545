package deadline

import "time"

// This file is the one place that lays a recurring deadline out in time. A recurring commitment
// ("monthly", "Reviewed annually") is a run of occurrences: back-to-back periods counted from an
// anchor (the plan's start, or an action's `from:` date), each falling due at its end, so that a
// missed one can be told from a kept one. A plan starting on 1 April therefore reviews
// "annually" by financial year, and one starting on 1 January by calendar year.

// Occurrence is one period of a recurring deadline, both ends inclusive; it falls due at End.
type Occurrence struct {
	Start, End time.Time
}

// step is how far apart a cadence's periods start. Month steps go through AddMonths from the
// anchor each time (never from the previous period), so that periods from 31 January start on
// 28 February, 31 March, 30 April, and do not drift to the 28th.
type step struct{ months, days int }

// steps holds every cadence of the recurring table but "termly", which follows the school terms.
var steps = map[string]step{
	"weekly":           {days: 7},
	"fortnightly":      {days: 14},
	"monthly":          {months: 1},
	"every two months": {months: 2},
	"quarterly":        {months: 3},
	"every six months": {months: 6},
	"annually":         {months: 12},
}

// Termly is the cadence that follows the school terms rather than a fixed step.
const Termly = "termly"

// Schedule is a recurring deadline laid out from an anchor: the first period starts on From and
// each of the others starts the day after the one before ends; none runs past Until (zero: no
// end), and the last is cut short there.
//
// "termly" is the exception: its periods are the school terms as Parse reads them (Spring 1 Jan –
// 31 Mar, Summer 1 Apr – 31 Jul, Autumn 1 Sep – 31 Dec), the first being the term holding From
// (from From on) or, in August, the Autumn term after it. August belongs to no term.
type Schedule struct {
	Every       string
	From, Until time.Time
	step        step
	term0       int // for termly: the index of the first term (see term)
}

// NewSchedule lays out a recurring deadline from from, with no period past until (zero: no
// end). ok is false when the deadline does not recur, when from is zero, or when until comes
// before from (there is no occurrence at all).
func NewSchedule(d Deadline, from, until time.Time) (Schedule, bool) {
	if d.Kind != Recurring || from.IsZero() || (!until.IsZero() && until.Before(from)) {
		return Schedule{}, false
	}
	s := Schedule{Every: d.Every, From: from, Until: until}
	if d.Every == Termly {
		s.term0 = termIndex(from)
		if _, end := term(s.term0); end.Before(from) {
			s.term0++
		}
		if start, _ := term(s.term0); !until.IsZero() && start.After(until) {
			return Schedule{}, false
		}
		return s, true
	}
	st, ok := steps[d.Every]
	if !ok {
		return Schedule{}, false
	}
	s.step = st
	return s, true
}

// start is the first day of period i, before any cut at Until.
func (s Schedule) start(i int) time.Time {
	switch {
	case s.Every == Termly:
		start, _ := term(s.term0 + i)
		if start.Before(s.From) {
			return s.From
		}
		return start
	case s.step.months > 0:
		return AddMonths(s.From, i*s.step.months)
	}
	return s.From.AddDate(0, 0, i*s.step.days)
}

// At is occurrence i (from 0); ok is false when there is none (i < 0, or it would start after Until).
func (s Schedule) At(i int) (Occurrence, bool) {
	if i < 0 || s.From.IsZero() {
		return Occurrence{}, false
	}
	o := Occurrence{Start: s.start(i)}
	if s.Every == Termly {
		_, o.End = term(s.term0 + i)
	} else {
		o.End = s.start(i+1).AddDate(0, 0, -1)
	}
	if !s.Until.IsZero() {
		if o.Start.After(s.Until) {
			return Occurrence{}, false
		}
		if o.End.After(s.Until) {
			o.End = s.Until
		}
	}
	return o, true
}

// startedBy is the index of the last period that starts on or before day, or -1.
func (s Schedule) startedBy(day time.Time) int {
	if !s.Until.IsZero() && day.After(s.Until) {
		day = s.Until
	}
	var i int
	switch {
	case s.Every == Termly:
		i = termIndex(day) - s.term0
	case s.step.months > 0:
		months := (day.Year()-s.From.Year())*12 + int(day.Month()) - int(s.From.Month())
		i = months / s.step.months
	default:
		i = int(day.Sub(s.From).Hours()/24) / s.step.days
	}
	// The estimate can be one too many where a period starts later in its month than day, and
	// is -1 or less before the first period.
	for i >= 0 && s.start(i).After(day) {
		i--
	}
	return max(i, -1)
}

// LastDueBefore is the last occurrence that falls due before day.
func (s Schedule) LastDueBefore(day time.Time) (Occurrence, bool) {
	i := s.startedBy(day)
	o, ok := s.At(i)
	if ok && !o.End.Before(day) {
		o, ok = s.At(i - 1)
	}
	return o, ok
}

// NextDueFrom is the first occurrence that falls due on or after day: the one running on day,
// or the one after a gap (August, for termly), or the first of all.
func (s Schedule) NextDueFrom(day time.Time) (Occurrence, bool) {
	i := max(s.startedBy(day), 0)
	o, ok := s.At(i)
	if ok && o.End.Before(day) {
		o, ok = s.At(i + 1)
	}
	return o, ok
}

// FirstDueIn is the first occurrence that falls due between start and end, both included.
func (s Schedule) FirstDueIn(start, end time.Time) (Occurrence, bool) {
	o, ok := s.NextDueFrom(start)
	if !ok || o.End.After(end) {
		return Occurrence{}, false
	}
	return o, true
}

// termIndex numbers the school terms three to a year (Spring 0, Summer 1, Autumn 2): the term
// holding day, or in August the Summer term just ended.
func termIndex(day time.Time) int {
	t := 0
	switch m := day.Month(); {
	case m >= time.September:
		t = 2
	case m >= time.April:
		t = 1
	}
	return day.Year()*3 + t
}

// term is the first and last day of term k, as Parse reads "Spring 2026", "Summer 2026" and
// "Autumn 2026".
func term(k int) (start, end time.Time) {
	y := k / 3
	switch k % 3 {
	case 0:
		return date(y, 1, 1), date(y, 3, 31)
	case 1:
		return date(y, 4, 1), date(y, 7, 31)
	}
	return date(y, 9, 1), date(y, 12, 31)
}
