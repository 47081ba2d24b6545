package report

import (
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
)

// Changes are what changed in the plans since a git revision.
type Changes struct {
	Since     string
	Added     []Item
	Dropped   []Item // removed from the plan, or given status dropped
	Completed []Item
	Moved     []Move
}

// Item names an action.
type Item struct {
	Plan, ID, Text string
}

// Move is a deadline that changed.
type Move struct {
	Item
	From, To       string
	FromDue, ToDue time.Time // zero when not dated
	Days           int       // positive: later
}

// Compare finds the changes from the old plans to the new, in plan terms (plandiff): an action
// whose id changed while its text did not is the same action, not one dropped and one added.
func Compare(since string, old, new []*plan.Plan) *Changes {
	c := &Changes{Since: since}
	d := plandiff.Compare(old, new, plandiff.Options{})
	for i := range d.Actions {
		ch := &d.Actions[i]
		item := Item{Plan: ch.Plan, ID: ch.ID, Text: ch.Text}
		switch ch.Kind {
		case plandiff.Added:
			c.Added = append(c.Added, item)
			continue
		case plandiff.Removed:
			c.Dropped = append(c.Dropped, item)
			continue
		}
		for _, f := range ch.Fields {
			if f.Name == "status" && f.To == string(plan.Complete) {
				c.Completed = append(c.Completed, item)
			}
			if f.Name == "status" && f.To == string(plan.Dropped) {
				c.Dropped = append(c.Dropped, item)
			}
		}
		if dc := ch.Deadline; dc != nil {
			c.Moved = append(c.Moved, Move{Item: item, From: dc.From, To: dc.To, FromDue: dc.FromDue, ToDue: dc.ToDue, Days: dc.Days})
		}
	}
	return c
}
