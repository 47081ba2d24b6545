package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/view"
)

func newOverdueCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &listOptions{}
	c := &cobra.Command{
		Use:   "overdue [PATH...]",
		Short: "Actions past their deadline and not complete or dropped, the most days late first",
		Example: `  cpp overdue --today 2026-04-01
  cpp overdue --lead "Corporate Parenting" --format csv
  cpp overdue -o overdue.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Overdue = true
			return runOverdue(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "late", actionFormats)
	return c
}

func runOverdue(env *Env, g *globalOptions, opts *listOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	return q.print(env, opts.Format, view.Overdue(q.Answer))
}
