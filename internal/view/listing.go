package view

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// PlanBlocks groups a listing's rows into one table per plan, in the order the rows come.
func PlanBlocks(rows []query.Row, cols render.ActionColumnsFor) []render.Block {
	var blocks []render.Block
	idx := map[string]int{}
	var groups [][]query.Row
	for _, r := range rows {
		i, ok := idx[r.Plan.ID]
		if !ok {
			i = len(groups)
			idx[r.Plan.ID] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	for _, g := range groups {
		p := g[0].Plan
		heading := fmt.Sprintf("%s: %s, %s (%d)", p.ID, p.Title, p.Council, len(g))
		blocks = append(blocks, render.ActionBlock(heading, g, cols))
	}
	if len(blocks) == 0 {
		blocks = append(blocks, render.Block{Empty: "No actions match."})
	}
	return blocks
}

// NotPlacedBlock is the block after a listing's tables that names the actions it could not place
// in time, their deadline being not understood, with the deadline as written: the Markdown pasted
// into an email and the table on a screen have no column to flag them, and stderr is not sent on.
// ok is false when there are none.
func NotPlacedBlock(rows []query.Row) (b render.Block, ok bool) {
	if len(rows) == 0 {
		return b, false
	}
	b = render.Block{Heading: fmt.Sprintf("Could not place in time: %s (deadline not understood)", words.Count(len(rows), "action", "actions")),
		Header: []string{"ID", "Action", "Deadline as written"}, Wide: []int{1, 2}, RAGColumn: -1}
	for _, r := range rows {
		b.Rows = append(b.Rows, []string{r.Action.ID, r.Action.Label(), r.Action.Deadline.Text})
	}
	b.Notes = []string{"cpp does not understand " + words.Pick(len(rows), "this deadline", "these deadlines") +
		", so cannot say whether " + words.Pick(len(rows), "it belongs", "they belong") + " in this list; cpp validate says why."}
	return b, true
}
