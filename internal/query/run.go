package query

import (
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// Listing is what a query command asks of the plans: the rows a filter keeps, in an order, and
// what it does with the actions it cannot place in time.
type Listing struct {
	Filter Filter
	Sort   string // a key of SortKeys; a summary ignores it
	// Summary counts the rows (leads, status) rather than listing them: they stay in plan file
	// order, so that plans and sections come out as written, and the actions whose deadline is
	// not understood are always found, to be counted apart.
	Summary bool
	// Carries says the format has a deadline_not_understood column (JSON, CSV, a workbook), so a
	// listing about dates carries the actions it cannot place as its last rows.
	Carries bool
}

// Answer is a listing's answer.
type Answer struct {
	// Filter is the listing's filter with its leads read as the registry's names.
	Filter Filter
	Rows   []Row
	// NotPlaced are the actions the filter would keep but for dates, their deadline not
	// understood (see NotPlaced); when Carried, they are also the last of Rows.
	NotPlaced []Row
	// Plans are the plans the filter looks at, for describing a window.
	Plans            []*plan.Plan
	Summary, Carried bool
}

// Run answers a listing over the plans.
func Run(plans []*plan.Plan, reg *plan.Registry, l Listing) (Answer, error) {
	a := Answer{Filter: l.Filter, Summary: l.Summary}
	a.Filter.Leads = LeadValues(a.Filter.Leads, plans, reg)
	a.Rows = Select(plans, reg, a.Filter)
	if l.Summary || a.Filter.Dated() {
		a.NotPlaced = NotPlaced(plans, reg, a.Filter)
	}
	if !l.Summary {
		if err := Sort(a.Rows, l.Sort); err != nil {
			return a, err
		}
	}
	if a.Carried = l.Carries && !l.Summary && a.Filter.Dated(); a.Carried {
		// JSON, CSV and a workbook are read by a script or opened by someone who never sees
		// stderr: the actions come last, flagged by their deadline_not_understood column.
		a.Rows = append(a.Rows, a.NotPlaced...)
	}
	for _, p := range plans {
		if len(a.Filter.Plans) == 0 || words.ContainsFold(a.Filter.Plans, p.ID) {
			a.Plans = append(a.Plans, p)
		}
	}
	return a, nil
}

// Apart are the actions the answer names apart from its rows: those a listing about dates could
// not place in time, when its format does not carry them as rows.
func (a Answer) Apart() []Row {
	if a.Carried || a.Summary {
		return nil
	}
	return a.NotPlaced
}
