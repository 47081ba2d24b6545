package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/view"
)

func newDueCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &windowedOptions{}
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

func runDue(env *Env, g *globalOptions, opts *windowedOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, &opts.windowOptions)
	if err != nil {
		return err
	}
	return q.print(env, opts.Format, view.Due(q.Answer))
}
