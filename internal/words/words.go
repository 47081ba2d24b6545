// Package words owns how cpp writes small things for people, so that every command writes them
// alike: a count with its noun ("1 action", "3 actions"), text folded onto one line, a date
// ("30 Sep 2025") and a span of dates, a figure with its unit ("12.5%", "0%", never "-0%") and a
// list of names quoted; and how a name is found in a list whatever its case. It knows nothing of
// plans.
package words

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Count is n with the noun that fits it: Count(1, "action", "actions") is "1 action",
// Count(0, "action", "actions") is "0 actions".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Pick(n, one, many)
}

// Pick is the word that fits n, without the number: Pick(2, "is", "are") is "are".
func Pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// OneLine is s with every run of white space, line breaks among it, folded to one space, and
// none at either end: a cell's or an action's text inside a sentence or a table row.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// DayLayout is how dates read for people: "30 Sep 2025".
const DayLayout = "2 Jan 2006"

// Day is t as people read a date: "30 Sep 2025".
func Day(t time.Time) string { return t.Format(DayLayout) }

// Span is the days from start to end, both named: "1 Jul 2025 – 30 Sep 2025".
func Span(start, end time.Time) string { return Day(start) + " – " + Day(end) }

// Number writes a figure with every digit the plan gave it, never rounded and never in
// e-notation; zero is "0" whatever its sign, since a plan that writes -0 means nothing by it.
func Number(f float64) string {
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Value is a figure with its unit, as a reader writes it: "12.5%", "40 days", "3".
func Value(f float64, unit string) string {
	switch unit {
	case "":
		return Number(f)
	case "%":
		return Number(f) + "%"
	}
	return Number(f) + " " + unit
}

// Quoted is each name in double quotes, Go-escaped, separated by commas: "a", "b".
func Quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// ContainsFold reports whether list holds s, ignoring case: ids, tags and lead names match that
// way.
func ContainsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Percent is a share of a whole, as a whole number of per cent: "37%". A share strictly between
// none and all never reads as "0%" or "100%", so that "100% complete" always means every one.
func Percent(p float64) string {
	n := math.Round(p)
	switch {
	case p > 0 && n < 1:
		n = 1
	case p < 100 && n > 99:
		n = 99
	}
	return strconv.FormatFloat(n, 'f', 0, 64) + "%"
}
