package view

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
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
