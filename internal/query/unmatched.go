package query

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/words"
)

// Unmatched says of each lead and each plan id given to a filter that matches nothing that it
// does not, with the nearest names, so that a misspelt team is not mistaken for a team with no
// work: "no lead matches "Virtal School"; nearest: "Virtual School" (see 'cpp leads')".
func Unmatched(plans []*plan.Plan, reg *plan.Registry, f Filter) []string {
	var out []string
	for _, lead := range UnknownLeads(plans, reg, f.Leads) {
		msg := fmt.Sprintf("no lead matches %q", lead)
		if near := suggest.Closest(lead, reg.Spellings(), 3); len(near) > 0 {
			msg += "; nearest: " + words.Quoted(near)
		}
		out = append(out, msg+" (see 'cpp leads')")
	}
	var ids []string
	for _, p := range plans {
		ids = append(ids, p.ID)
	}
	for _, id := range f.Plans {
		if words.ContainsFold(ids, id) {
			continue
		}
		msg := fmt.Sprintf("no plan has id %q", id)
		if near := suggest.Closest(id, ids, 3); len(near) > 0 {
			msg += "; nearest: " + words.Quoted(near)
		} else {
			msg += "; plans: " + words.Quoted(ids)
		}
		out = append(out, msg)
	}
	return out
}
