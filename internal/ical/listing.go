package ical

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteListing writes a listing's actions as a calendar named after the listing, stamped with
// its day so that it reproduces, and returns the rows it leaves out for want of a date.
// notPlaced are the actions a listing about dates could not place in time (their deadline not
// understood), which are not among rows: the calendar's description counts them with the rows
// whose deadline is not understood, as it cannot hold them.
func WriteListing(w io.Writer, name string, stamp time.Time, rows, notPlaced []query.Row) (undated []query.Row, err error) {
	events, undated := Actions(rows)
	cal := Calendar{Name: name, Stamp: stamp, Events: events, Description: leavesOut(undated, notPlaced)}
	return undated, Write(w, cal)
}

// UndatedNote is what stderr says of the actions a calendar leaves out for want of a date.
func UndatedNote(undated []query.Row) string {
	return fmt.Sprintf("the calendar leaves out %s with no date (no deadline, ongoing, to be confirmed or unreadable): %s",
		words.Count(len(undated), "action", "actions"), someIDs(undated))
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

// leavesOut is a calendar's description of what it leaves out: first the actions whose deadline
// cpp does not understand, then those with no date to show; "" when it leaves out nothing.
func leavesOut(undated, notPlaced []query.Row) string {
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
