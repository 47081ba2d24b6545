package ical

import (
	"fmt"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
)

// monthSteps are the cadences that step by whole months from their anchor (see deadline.Schedule).
var monthSteps = map[string]int{
	"monthly":          1,
	"every two months": 2,
	"quarterly":        3,
	"every six months": 6,
	"annually":         12,
}

// Repeat is an event's first day and the recurrence that gives the days every occurrence of s
// falls due on (each period's last day, as cpp counts it), and nothing else. ok is false when s
// has no occurrence, or a cadence this package has no rule for.
//
// A month-stepped schedule falls due the day before its anchor's day in every month it steps to,
// or the day before that month's last day when the month is shorter: from the 1st, the last day
// of the month before (BYMONTHDAY=-1); from the 2nd to the 28th, a fixed day; from the 31st, the
// day before a month's last (BYMONTHDAY=-2); from the 29th or 30th, whichever of the two comes
// first (BYSETPOS=1). Termly falls due on the last days of March, July and December. A last
// period cut short by the plan's end falls due on that end, which the rule cannot give: it is an
// RDATE.
func Repeat(s deadline.Schedule) (first time.Time, r Recurrence, ok bool) {
	o, ok := s.At(0)
	if !ok {
		return time.Time{}, Recurrence{}, false
	}
	uncut := s
	uncut.Until = time.Time{}
	if u, _ := uncut.At(0); !u.End.Equal(o.End) {
		// The plan ends within the first period: one occurrence, which no rule is synchronised with.
		return o.End, Recurrence{}, true
	}
	switch s.Every {
	case deadline.Termly:
		r.Rule = "FREQ=YEARLY;BYMONTH=3,7,12;BYMONTHDAY=-1"
	case "weekly":
		r.Rule = "FREQ=WEEKLY"
	case "fortnightly":
		r.Rule = "FREQ=WEEKLY;INTERVAL=2"
	default:
		n, known := monthSteps[s.Every]
		if !known {
			return time.Time{}, Recurrence{}, false
		}
		day := monthDay(s.From.Day())
		if n == 12 {
			r.Rule = fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;%s", o.End.Month(), day)
		} else {
			r.Rule = "FREQ=MONTHLY;" + interval(n) + day
		}
	}
	if s.Until.IsZero() {
		return o.End, r, true
	}
	r.Until = s.Until
	// The occurrence running when the plan ends, were it not cut short there.
	if last, ok := uncut.NextDueFrom(s.Until); ok && !last.Start.After(s.Until) && last.End.After(s.Until) {
		r.Extra = []time.Time{s.Until}
	}
	return o.End, r, true
}

func interval(n int) string {
	if n == 1 {
		return ""
	}
	return fmt.Sprintf("INTERVAL=%d;", n)
}

// monthDay is the BYMONTHDAY (and BYSETPOS) of a month-stepped schedule anchored on day d.
func monthDay(d int) string {
	switch {
	case d == 1:
		return "BYMONTHDAY=-1"
	case d <= 28:
		return fmt.Sprintf("BYMONTHDAY=%d", d-1)
	case d == 31:
		return "BYMONTHDAY=-2"
	}
	return fmt.Sprintf("BYMONTHDAY=%d,-2;BYSETPOS=1", d-1)
}
