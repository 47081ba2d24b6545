package view

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// planBlocks groups a listing's rows into one table per plan, in the order the rows come.
func planBlocks(rows []query.Row, cols render.ActionColumnsFor) []render.Block {
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

// notPlacedBlock is the block after a listing's tables that names the actions it could not place
// in time, their deadline being not understood, with the deadline as written: the Markdown pasted
// into an email and the table on a screen have no column to flag them, and stderr is not sent on.
// ok is false when there are none.
func notPlacedBlock(rows []query.Row) (b render.Block, ok bool) {
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

// notCounted ends a summary for people (leads, status) with a note of the actions it counted as
// neither due nor overdue, their deadline not understood: its tables have no column for them
// (JSON and CSV count them in not_understood), and stderr is not sent on with the table.
func notCounted(d render.Doc, rows []query.Row) render.Doc {
	if len(rows) == 0 || len(d.Blocks) == 0 {
		return d
	}
	ids := make([]string, 0, min(len(rows), notPlacedShown))
	for _, r := range rows[:min(len(rows), notPlacedShown)] {
		ids = append(ids, r.Action.ID)
	}
	more := ""
	if len(rows) > notPlacedShown {
		more = fmt.Sprintf(" and %d more", len(rows)-notPlacedShown)
	}
	last := &d.Blocks[len(d.Blocks)-1]
	last.Notes = append(last.Notes, fmt.Sprintf("%s a deadline cpp does not understand, counted as neither due nor overdue: %s%s. cpp validate says why.",
		words.Count(len(rows), "action has", "actions have"), strings.Join(ids, ", "), more))
	return d
}

// notPlacedShown is how many actions whose deadline is not understood a note names before it
// counts the rest.
const notPlacedShown = 20

// NotPlacedFate says what became of the actions an answer could not place in time, in stderr's
// note of them: a summary counts them apart, JSON, CSV and a workbook carry them last, and a
// listing for people names them after its tables.
func NotPlacedFate(a query.Answer) string {
	n := len(a.NotPlaced)
	belong := words.Pick(n, "it belongs", "they belong")
	switch {
	case a.Summary:
		return "counted as neither due nor overdue"
	case a.Carried:
		return "listed last, with deadline_not_understood true, as cpp cannot say whether " + belong + " here"
	}
	return "not listed, as cpp cannot say whether " + belong + " here"
}

// NotPlacedNote is stderr's note of the actions a query could not place in time, their
// deadline being not understood, and what became of them (fate): where each deadline is, and
// how to fix it, so that they are never silently absent. "" when there are none.
func NotPlacedNote(rows []query.Row, fate string) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cpp: %s a deadline cpp does not understand, %s:\n", words.Count(len(rows), "action has", "actions have"), fate)
	for i, r := range rows {
		if i == notPlacedShown {
			fmt.Fprintf(&b, "  … and %d more (cpp validate lists every one)\n", len(rows)-i)
			break
		}
		pos, ok := r.Action.At.Of("deadline")
		if !ok {
			pos = r.Action.Pos
		}
		fmt.Fprintf(&b, "  %s:%d:%d: %s: deadline %q\n", r.Plan.File, pos.Line, pos.Col, r.Action.ID, r.Action.Deadline.Text)
	}
	b.WriteString("  hint: write each deadline as one cpp reads (Q3 2025, September 2025, 2025-09-30); cpp validate says why each is not understood\n")
	return b.String()
}
