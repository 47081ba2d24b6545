package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/view"
)

func newLeadsCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &windowedOptions{}
	c := &cobra.Command{
		Use:   "leads [PATH...]",
		Short: "Each lead team with its actions, overdue, due this quarter (or in a window) and complete (aliases folded)",
		Long: `Each lead team with its actions, overdue (as of today), due this quarter and complete. A window
(--quarter, --month, --from/--to, --within, as due takes them) counts what falls due in it
instead of this quarter: the actions 'cpp due' lists for that window. Every action matching the
filters is still counted; due_this_quarter in CSV and JSON keeps meaning this quarter, and
due_in_window is the window's count.`,
		Example: `  cpp leads
  cpp leads --plan camden-cp --format csv
  cpp leads --quarter Q3-2025 --sort due
  cpp leads -o leads.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runLeads(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, query.LeadSortKeys[0], listingFormats)
	addWindowFlags(c, &opts.windowOptions)
	opts.summary = true
	opts.sort.Values, opts.sort.Refusal = query.LeadSortKeys, "unknown sort key %q for leads"
	c.Flags().Lookup("sort").Usage = "order of teams: actions (the busiest first), lead (by name), overdue or due (the most first)"
	return c
}

func runLeads(env *Env, g *globalOptions, opts *windowedOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, &opts.windowOptions)
	if err != nil {
		return err
	}
	l, err := view.Leads(q.Answer, view.Window{Window: q.Window, Given: opts.given()}, opts.Sort)
	if err != nil {
		return exitcode.Usagef("", "%s", err)
	}
	return q.print(env, opts.Format, l)
}
