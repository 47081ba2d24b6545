package cli

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// notPlacedShown is how many actions whose deadline is not understood a note names before it
// counts the rest.
const notPlacedShown = 20

// noteNotPlaced says on stderr how many actions a query could not place in time, because their
// deadline is not understood, and which: a listing about dates cannot say whether they belong
// in it, and a summary counts them apart, so they are never silently absent.
func noteNotPlaced(env *Env, rows []query.Row, summary, carried bool) {
	if len(rows) == 0 {
		return
	}
	it := words.Pick(len(rows), "it", "they")
	what := fmt.Sprintf("not listed, as cpp cannot say whether %s belong%s here", it, words.Pick(len(rows), "s", ""))
	switch {
	case summary:
		what = "counted as neither due nor overdue"
	case carried:
		what = fmt.Sprintf("listed last, with deadline_not_understood true, as cpp cannot say whether %s belong%s here", it, words.Pick(len(rows), "s", ""))
	}
	noteNotPlacedAs(env, rows, what)
}

// noteNotPlacedAs is noteNotPlaced saying what became of the actions in its own words.
func noteNotPlacedAs(env *Env, rows []query.Row, what string) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(env.Stderr, "cpp: %s a deadline cpp does not understand, %s:\n", words.Count(len(rows), "action has", "actions have"), what)
	for i, r := range rows {
		if i == notPlacedShown {
			fmt.Fprintf(env.Stderr, "  … and %d more (cpp validate lists every one)\n", len(rows)-i)
			break
		}
		pos, ok := r.Action.At.Of("deadline")
		if !ok {
			pos = r.Action.Pos
		}
		fmt.Fprintf(env.Stderr, "  %s:%d:%d: %s: deadline %q\n", r.Plan.File, pos.Line, pos.Col, r.Action.ID, r.Action.Deadline.Text)
	}
	fmt.Fprintln(env.Stderr, "  hint: write each deadline as one cpp reads (Q3 2025, September 2025, 2025-09-30); cpp validate says why each is not understood")
}
