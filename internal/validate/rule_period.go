package validate

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// OutsidePeriod warns about a dated deadline that falls due outside the plan's period.
func OutsidePeriod(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	eachAction(r, func(p *plan.Plan, s *plan.Section, a *plan.Action) {
		if p.Period.Start.IsZero() || p.Period.End.IsZero() || a.DeadlineErr != nil || a.Deadline.Kind != deadline.Dated || !a.HasDeadline {
			return
		}
		due := a.Deadline.End
		if p.Period.Contains(due) {
			return
		}
		ds = append(ds, diagAt(p.File, fieldPos(a.At, "deadline", a.Pos), diag.Warning, "outside-period",
			"check the deadline, or the plan's `period`",
			fmt.Sprintf("deadline %q of action %s falls due on %s, outside the plan's period %s to %s", a.Deadline.Text, a.ID,
				words.Day(due), words.Day(p.Period.Start), words.Day(p.Period.End))))
	})
	return ds
}
