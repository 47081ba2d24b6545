package validate

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// RecurrenceFrom warns about a `from:` date that cannot do what it is for: one beside a deadline
// that does not recur (it changes nothing), and one outside the plan's period, where a recurring
// deadline's occurrences would start before the plan or never start at all.
func RecurrenceFrom(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	eachAction(r, func(p *plan.Plan, s *plan.Section, a *plan.Action) {
		if a.From.IsZero() {
			return
		}
		at := fieldPos(a.At, "from", a.Pos)
		from := words.Day(a.From)
		switch {
		case !a.HasDeadline:
			ds = append(ds, diagAt(p.File, at, diag.Warning, "recurrence-from",
				"give a recurring deadline (monthly, annually, ...), or remove `from:`",
				fmt.Sprintf("`from:` of action %s changes nothing: it has no deadline", a.ID)))
		case a.DeadlineErr != nil:
			// The unreadable deadline is the error to fix first.
		case a.Deadline.Kind != deadline.Recurring:
			ds = append(ds, diagAt(p.File, at, diag.Warning, "recurrence-from",
				"`from:` is where a recurring deadline's periods start; remove it, or give a recurring deadline",
				fmt.Sprintf("`from:` of action %s changes nothing: its deadline %q does not recur", a.ID, a.Deadline.Text)))
		case !p.Period.Start.IsZero() && !p.Period.End.IsZero() && !p.Period.Contains(a.From):
			ds = append(ds, diagAt(p.File, at, diag.Warning, "recurrence-from",
				"check the date, or the plan's `period`",
				fmt.Sprintf("`from:` %s of action %s is outside the plan's period %s to %s", from, a.ID,
					words.Day(p.Period.Start), words.Day(p.Period.End))))
		}
	})
	return ds
}
