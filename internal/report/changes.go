package report

import (
	"sort"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
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

// Compare finds the changes from the old plans to the new, matching actions by id.
func Compare(since string, old, new []*plan.Plan) *Changes {
	c := &Changes{Since: since}
	before := index(old)
	after := index(new)
	for _, id := range sortedKeys(after) {
		a := after[id]
		b, existed := before[id]
		item := Item{Plan: a.Section.Plan.ID, ID: id, Text: a.Label()}
		if !existed {
			c.Added = append(c.Added, item)
			continue
		}
		if a.Status == plan.Complete && b.Status != plan.Complete {
			c.Completed = append(c.Completed, item)
		}
		if a.Status == plan.Dropped && b.Status != plan.Dropped {
			c.Dropped = append(c.Dropped, item)
		}
		if a.Deadline.Text != b.Deadline.Text {
			m := Move{Item: item, From: b.Deadline.Text, To: a.Deadline.Text}
			m.FromDue, _ = b.Due()
			m.ToDue, _ = a.Due()
			if !m.FromDue.IsZero() && !m.ToDue.IsZero() {
				m.Days = int(m.ToDue.Sub(m.FromDue).Hours() / 24)
			}
			c.Moved = append(c.Moved, m)
		}
	}
	for _, id := range sortedKeys(before) {
		if _, still := after[id]; !still {
			b := before[id]
			c.Dropped = append(c.Dropped, Item{Plan: b.Section.Plan.ID, ID: id, Text: b.Label()})
		}
	}
	return c
}

func index(plans []*plan.Plan) map[string]*plan.Action {
	out := map[string]*plan.Action{}
	for _, p := range plans {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				out[a.ID] = a
			}
		}
	}
	return out
}

func sortedKeys(m map[string]*plan.Action) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
