package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/view"
)

func newStatusCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &windowedOptions{}
	c := &cobra.Command{
		Use:   "status [PATH...]",
		Short: "Where each plan and section stands: counts by status and RAG, complete, overdue, due this quarter (or in a window); and by lead",
		Long: `Where each plan and section stands, and each lead: counts by status and RAG, percent complete,
overdue (as of today) and due this quarter. A window (--quarter, --month, --from/--to, --within,
as due takes them) counts what falls due in it instead: the actions 'cpp due' lists for that
window. Every action matching the filters is still counted; due_this_quarter in CSV and JSON
keeps meaning this quarter, and due_in_window is the window's count.`,
		Example: `  cpp status
  cpp status --plan camden-cp --format markdown
  cpp status --quarter Q3-2025 --format csv
  cpp status -o status.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runStatus(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "plan", listingFormats)
	addWindowFlags(c, &opts.windowOptions)
	opts.summary = true
	// The board reads a plan's sections in the plan's own order; another order was once accepted
	// and ignored, which looked like an answer.
	opts.sort.Values, opts.sort.Refusal = []string{"plan"}, "unknown sort key %q for status"
	opts.sort.Hint = "status lists plans and sections in plan file order, and its leads busiest first: use --sort plan, or leads --sort for other orders of teams"
	c.Flags().Lookup("sort").Usage = "plan: plans and sections in plan file order, the only order status gives (leads --sort orders teams)"
	return c
}

func runStatus(env *Env, g *globalOptions, opts *windowedOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, &opts.windowOptions)
	if err != nil {
		return err
	}
	return q.print(env, opts.Format, view.Status(q.Answer, view.Window{Window: q.Window, Given: opts.given()}))
}
