package query

import (
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/words"
)

// Found is the plan, section, action or measure an id names, with what holds it.
type Found struct {
	Plan    *plan.Plan
	Section *plan.Section // nil for a plan, or a plan-level measure
	Action  *plan.Action
	Measure *plan.Measure
}

// Kind names what was found: "action", "measure", "section" or "plan".
func (f Found) Kind() string {
	switch {
	case f.Action != nil:
		return "action"
	case f.Measure != nil:
		return "measure"
	case f.Section != nil:
		return "section"
	}
	return "plan"
}

// ID is the id of what was found, as its file writes it.
func (f Found) ID() string {
	switch {
	case f.Action != nil:
		return f.Action.ID
	case f.Measure != nil:
		return f.Measure.ID
	case f.Section != nil:
		return f.Section.ID
	case f.Plan != nil:
		return f.Plan.ID
	}
	return ""
}

// Find looks an id up among the plans' actions and measures (what can be updated), ignoring case
// as ids are compared everywhere. When nothing has the id, near holds up to three ids spelt like it.
func Find(plans []*plan.Plan, id string) (f Found, ok bool, near []string) {
	return find(plans, id, false)
}

// FindAny is Find for any id: a plan's, a section's, an action's or a measure's.
func FindAny(plans []*plan.Plan, id string) (f Found, ok bool, near []string) {
	return find(plans, id, true)
}

func find(plans []*plan.Plan, id string, any bool) (Found, bool, []string) {
	var ids []string
	match := func(x string) bool {
		ids = append(ids, x)
		return strings.EqualFold(x, id)
	}
	for _, p := range plans {
		if any && match(p.ID) {
			return Found{Plan: p}, true, nil
		}
		for _, m := range p.Measures {
			if match(m.ID) {
				return Found{Plan: p, Measure: m}, true, nil
			}
		}
		for _, s := range p.Sections {
			if any && match(s.ID) {
				return Found{Plan: p, Section: s}, true, nil
			}
			for _, a := range s.Actions {
				if match(a.ID) {
					return Found{Plan: p, Section: s, Action: a}, true, nil
				}
			}
			for _, m := range s.Measures {
				if match(m.ID) {
					return Found{Plan: p, Section: s, Measure: m}, true, nil
				}
			}
		}
	}
	return Found{}, false, suggest.Closest(id, ids, 3)
}

// PlansNamed returns the plans whose ids are named (ignoring case), in file order, and the names
// that match no plan: a misspelt name among good ones would otherwise drop a plan unseen.
func PlansNamed(plans []*plan.Plan, names []string) (named []*plan.Plan, unknown []string) {
	var ids []string
	for _, p := range plans {
		if words.ContainsFold(names, p.ID) {
			named = append(named, p)
			ids = append(ids, p.ID)
		}
	}
	for _, n := range names {
		if !words.ContainsFold(ids, n) {
			unknown = append(unknown, n)
		}
	}
	return named, unknown
}
