package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/ical"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// writeCalendar writes the rows' actions as an iCalendar file (see internal/ical) named after
// the listing, stamped with today so that it reproduces, and says on stderr which actions it
// leaves out for want of a date, since a calendar has nowhere to say so.
func writeCalendar(env *Env, name string, today time.Time, rows []query.Row) error {
	events, undated := ical.Actions(rows)
	if err := ical.Write(env.Stdout, ical.Calendar{Name: name, Stamp: today, Events: events}); err != nil {
		return err
	}
	if len(undated) > 0 {
		const shown = 5
		var ids []string
		for _, r := range undated[:min(shown, len(undated))] {
			ids = append(ids, r.Action.ID)
		}
		more := ""
		if len(undated) > shown {
			more = fmt.Sprintf(", and %d more", len(undated)-shown)
		}
		fmt.Fprintf(env.Stderr, "cpp: the calendar leaves out %s with no date (no deadline, ongoing, to be confirmed or unreadable): %s%s\n",
			words.Count(len(undated), "action", "actions"), strings.Join(ids, ", "), more)
	}
	return nil
}
