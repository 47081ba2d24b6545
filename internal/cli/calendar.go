package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/ical"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// writeCalendar writes the rows' actions as an iCalendar file (see internal/ical) named after
// the listing, stamped with today so that it reproduces, and says on stderr which actions it
// leaves out for want of a date. notPlaced are the actions a listing about dates could not place
// in time (their deadline not understood), which are not among rows: the calendar's description
// counts them with the rows whose deadline is not understood, as it cannot hold them.
func writeCalendar(env *Env, name string, today time.Time, rows, notPlaced []query.Row) error {
	events, undated := ical.Actions(rows)
	cal := ical.Calendar{Name: name, Stamp: today, Events: events, Description: calendarLeavesOut(undated, notPlaced)}
	if err := ical.Write(env.Stdout, cal); err != nil {
		return err
	}
	if len(undated) > 0 {
		fmt.Fprintf(env.Stderr, "cpp: the calendar leaves out %s with no date (no deadline, ongoing, to be confirmed or unreadable): %s\n",
			words.Count(len(undated), "action", "actions"), someIDs(undated))
	}
	return nil
}

// someIDs are the first few rows' ids, and how many more.
func someIDs(rows []query.Row) string {
	const shown = 5
	var ids []string
	for _, r := range rows[:min(shown, len(rows))] {
		ids = append(ids, r.Action.ID)
	}
	more := ""
	if len(rows) > shown {
		more = fmt.Sprintf(", and %d more", len(rows)-shown)
	}
	return strings.Join(ids, ", ") + more
}

// calendarLeavesOut is a calendar's description of what it leaves out: first the actions whose deadline cpp
// does not understand, then those with no date to show; "" when it leaves out nothing.
func calendarLeavesOut(undated, notPlaced []query.Row) string {
	unknown := slices.Clone(notPlaced)
	others := 0
	for _, r := range undated {
		if r.Action.DeadlineNotUnderstood() {
			unknown = append(unknown, r)
		} else {
			others++
		}
	}
	var parts []string
	if len(unknown) > 0 {
		parts = append(parts, fmt.Sprintf("%s whose deadline cpp does not understand (%s)",
			words.Count(len(unknown), "action", "actions"), someIDs(unknown)))
	}
	if others > 0 {
		parts = append(parts, fmt.Sprintf("%s with no date (no deadline, ongoing or to be confirmed)", words.Count(others, "action", "actions")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Leaves out " + strings.Join(parts, ", and ") + "."
}
