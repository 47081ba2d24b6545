package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/view"
	"github.com/cpp-plans/cpp/internal/words"
)

type dueOptions struct {
	filterOptions
	windowOptions
	Paths []string
}

func newDueCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &dueOptions{}
	c := &cobra.Command{
		Use:   "due [PATH...]",
		Short: "Actions whose deadline falls in a quarter, a month or a date range",
		Long: `List the actions whose deadline falls due in a window. A quarter written without a
financial year (Q3-2025) is read in each plan's own convention; Q3-2025/26 is always financial.
A recurring deadline (monthly, Reviewed annually) is listed when one of its occurrences falls due
in the window, with that occurrence's due date. With no window, the current quarter.`,
		Example: `  cpp due --quarter Q3-2025
  cpp due --quarter Q3-2025/26 --lead "Virtual School"
  cpp due --month 2025-09 --format csv
  cpp due --quarter Q3-2025 -o due-q3.xlsx
  cpp due --quarter Q3-2025 --format ics > due-q3.ics
  cpp due --within 30d`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runDue(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "due", actionFormats)
	addWindowFlags(c, &opts.windowOptions)
	return c
}

func runDue(env *Env, g *globalOptions, opts *dueOptions) error {
	var w query.Window
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, func(today time.Time) (*query.Window, error) {
		var err error
		w, err = opts.window(today)
		return &w, err
	})
	if err != nil {
		return err
	}
	rows, f, st := q.Rows, q.Filter, q.Style
	subject := "Due in " + w.Describe(q.plans())
	doc := render.Doc{Title: fmt.Sprintf("%s: %s", subject, words.Count(len(rows), "action", "actions")),
		Sheet: "Due " + w.Name(q.plans()), AsOf: q.Today, Subject: subject}
	doc.Blocks = view.PlanBlocks(rows, render.ActionColumnsFor{Late: f.Overdue, Chase: true})
	if err := actionsOutput(doc, rows, q.apart()).print(env, opts.Format, st); err != nil {
		return err
	}
	return q.finish(env)
}
