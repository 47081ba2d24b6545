package query

import (
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// Found is the action or measure an id names, with the plan (and section) that holds it.
type Found struct {
	Plan    *plan.Plan
	Section *plan.Section // nil for a plan-level measure
	Action  *plan.Action
	Measure *plan.Measure
}

// Find looks an id up among the plans' actions and measures, ignoring case as ids are compared
// everywhere. When nothing has the id, near holds up to three ids spelt like it.
func Find(plans []*plan.Plan, id string) (f Found, ok bool, near []string) {
	var ids []string
	for _, p := range plans {
		for _, m := range p.Measures {
			ids = append(ids, m.ID)
			if strings.EqualFold(m.ID, id) {
				return Found{Plan: p, Measure: m}, true, nil
			}
		}
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				ids = append(ids, a.ID)
				if strings.EqualFold(a.ID, id) {
					return Found{Plan: p, Section: s, Action: a}, true, nil
				}
			}
			for _, m := range s.Measures {
				ids = append(ids, m.ID)
				if strings.EqualFold(m.ID, id) {
					return Found{Plan: p, Section: s, Measure: m}, true, nil
				}
			}
		}
	}
	return Found{}, false, suggest.Closest(id, ids, 3)
}
