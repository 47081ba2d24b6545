package validate

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
)

// RepeatedActions warns about an action whose words (text, or outcomes when it has no text)
// repeat an earlier action's word for word: usually a copy-and-paste slip in the source.
func RepeatedActions(r *Repo) []diag.Diagnostic {
	first := map[string]*plan.Action{}
	var ds []diag.Diagnostic
	eachAction(r, func(p *plan.Plan, s *plan.Section, a *plan.Action) {
		key := strings.ToLower(strings.Join(strings.Fields(a.Label()), " "))
		if key == "" {
			return
		}
		if prev, ok := first[key]; ok {
			where := "text"
			if a.Text == "" {
				where = "outcomes"
			}
			ds = append(ds, diagAt(p.File, fieldPos(a.At, where, a.Pos), diag.Warning, "repeated-action",
				"if the source repeats it, keep it and note that in a comment; otherwise remove the copy or reword it",
				fmt.Sprintf("action %s repeats action %s (%s:%d) word for word", a.ID, prev.ID, prev.Section.Plan.File, prev.Pos.Line)))
			return
		}
		first[key] = a
	})
	return ds
}
