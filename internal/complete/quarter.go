package complete

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/flagvalue"
)

// Quarters are the quarters a --quarter flag is offered around today: the calendar quarters of
// last year, this year and next, as Q3-2025 (read in each plan's own convention), then the
// financial quarters of the same span, as Q2-2025/26; each with the dates it covers.
func Quarters(today time.Time) []Candidate {
	var out []Candidate
	for _, conv := range []deadline.Convention{deadline.Calendar, deadline.Financial} {
		q := deadline.QuarterContaining(time.Date(today.Year()-1, time.January, 1, 0, 0, 0, 0, time.UTC), conv)
		for range 12 {
			name := fmt.Sprintf("Q%d-%d", int(q.Start.Month()-1)/3+1, q.Start.Year())
			how := "calendar, or each plan's"
			if conv == deadline.Financial {
				name = strings.Replace(deadline.QuarterName(q), " ", "-", 1)
				how = "financial"
			}
			out = append(out, Candidate{name, q.Start.Format("2 Jan 2006") + " – " + q.End.Format("2 Jan 2006") + " (" + how + ")"})
			q = deadline.NextQuarter(q, conv)
		}
	}
	return out
}

// Today is the day quarters are offered around: today as the commands read it (cppToday,
// $CPP_TODAY, else the clock's day; see flagvalue.Today). Completion never fails, so a
// $CPP_TODAY the commands would refuse is passed over for the clock's day.
func Today(cppToday string, now time.Time) time.Time {
	if d, err := flagvalue.Today(cppToday, now); err == nil {
		return d
	}
	d, _ := flagvalue.Today("", now)
	return d
}
