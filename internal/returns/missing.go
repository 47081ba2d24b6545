package returns

import (
	"sort"

	"github.com/cpp-plans/cpp/internal/plan"
)

// Chase is what one lead team has not returned for the period: its open actions with no update
// dated in the period, and the measures it answers for with no figure dated in it.
type Chase struct {
	Team     plan.Team
	Name     string
	Actions  []*ActionRow
	Measures []*MeasureRow
}

// Missing is the chasing list: every team with something outstanding, in the order of the
// return's sheets (by name, the unled last). A measure with several teams is listed under each;
// one whose section names no team is listed under its council's NoLead, with the unled actions.
func (r *Return) Missing() []*Chase {
	var out []*Chase
	idx := map[plan.Team]*Chase{}
	get := func(t plan.Team) *Chase {
		c := idx[t]
		if c == nil {
			c = &Chase{Team: t, Name: r.teamName(t)}
			idx[t] = c
			out = append(out, c)
		}
		return c
	}
	for _, l := range r.Leads {
		for _, a := range l.Rows {
			if a.Updated == nil {
				c := get(l.Team)
				c.Actions = append(c.Actions, a)
			}
		}
	}
	for _, m := range r.Measures {
		if m.InPeriod != nil {
			continue
		}
		for _, t := range m.answeredBy() {
			c := get(t)
			c.Measures = append(c.Measures, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return leadLess(out[i].Team, out[j].Team) })
	return out
}

// Outstanding counts the actions and measures across a chasing list; an item listed under two
// teams counts once.
func Outstanding(cs []*Chase) (actions, measures int) {
	seenA := map[*plan.Action]bool{}
	seenM := map[*plan.Measure]bool{}
	for _, c := range cs {
		for _, a := range c.Actions {
			seenA[a.Action] = true
		}
		for _, m := range c.Measures {
			seenM[m.Measure] = true
		}
	}
	return len(seenA), len(seenM)
}
