package deadline

import (
	"fmt"
	"strings"
	"time"
)

// This file is the one place that decides "the quarter containing a date" and "the quarter after
// it" in each convention. Calendar and financial quarters cover the same blocks of three months;
// only their names differ (1 Jan – 31 Mar 2026 is calendar Q1 2026 and financial Q4 2025/26), so
// every command that has a default period asks here and names the period in the plan's own
// convention.

// QuarterContaining is the quarter that holds day, named in conv: "Q1 2026" (calendar) or
// "Q4 2025/26" (financial).
func QuarterContaining(day time.Time, conv Convention) Deadline {
	start := date(day.Year(), time.Month((int(day.Month())-1)/3*3+1), 1)
	d := dated(start, start.AddDate(0, 3, -1), Quarter, conv)
	d.Text = QuarterName(d)
	return d
}

// NextQuarter is the quarter after the period d (for a month or a range: the quarter after its
// end), named in conv.
func NextQuarter(d Deadline, conv Convention) Deadline {
	return QuarterContaining(d.End.AddDate(0, 0, 1), conv)
}

// QuarterName names the quarter a period starts in, in the period's own convention: calendar
// quarters by the year ("Q3 2025"), financial quarters by the financial year ("Q3 2025/26").
func QuarterName(d Deadline) string {
	m, y := int(d.Start.Month()), d.Start.Year()
	if d.Convention != Financial {
		return fmt.Sprintf("Q%d %d", (m-1)/3+1, y)
	}
	fy := y
	if m < int(time.April) {
		fy--
	}
	return fmt.Sprintf("Q%d %d/%02d", (m-4+12)%12/3+1, fy, (fy+1)%100)
}

// AddMonths moves day by n calendar months, keeping to the last day of a shorter month: a month
// from 31 January is 28 (or 29) February, not 3 March as time.AddDate would have it.
func AddMonths(day time.Time, n int) time.Time {
	first := date(day.Year(), day.Month(), 1).AddDate(0, n, 0)
	last := daysIn(first.Year(), first.Month())
	return date(first.Year(), first.Month(), min(day.Day(), last))
}

// LastFullQuarter is the last quarter that has ended on or before day, named in conv: on the last
// day of a quarter that quarter, otherwise the one before the quarter holding day. A board
// meeting in October reads about July to September.
func LastFullQuarter(day time.Time, conv Convention) Deadline {
	this := QuarterContaining(day, conv)
	if sameDay(day, this.End) {
		return this
	}
	return QuarterContaining(this.Start.AddDate(0, 0, -1), conv)
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// QuarterWords names a quarter as a board paper does: "Quarter 2 2025/26: July to September 2025"
// (financial) or "Quarter 3 2025: July to September 2025" (calendar).
func QuarterWords(d Deadline) string {
	name := QuarterName(d)
	return "Quarter " + strings.TrimPrefix(name, "Q") + ": " + MonthsWords(d)
}

// MonthsWords names the months a period covers: "July to September 2025", "November 2025 to
// January 2026", "March 2026".
func MonthsWords(d Deadline) string {
	s, e := d.Start, d.End
	switch {
	case s.Year() == e.Year() && s.Month() == e.Month():
		return s.Format("January 2006")
	case s.Year() == e.Year():
		return s.Format("January") + " to " + e.Format("January 2006")
	}
	return s.Format("January 2006") + " to " + e.Format("January 2006")
}
