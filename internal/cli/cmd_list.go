package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/view"
)

func newListCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &listOptions{}
	c := &cobra.Command{
		Use:   "list [PATH...]",
		Short: "List actions, with filters that combine",
		Example: `  cpp list --lead "Virtual School"
  cpp list --plan camden-cp --status not-started --due-before 2026-01-01
  cpp list --text mentoring --format csv > mentoring.csv
  cpp list --slipped --plan camden-cp`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runList(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "plan", actionFormats)
	c.Flags().BoolVar(&opts.Slipped, "slipped", false, "only actions whose deadline has moved in git history, with how often and the first deadline")
	return c
}

func runList(env *Env, g *globalOptions, opts *listOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	if !opts.Slipped {
		return q.print(env, opts.Format, view.List(q.Answer))
	}
	h, err := slipHistory(env, opts.Paths, q.Loaded.Registry)
	if err != nil {
		return err
	}
	slips := h.Slippage()
	q.Answer = view.Slipping(q.Answer, slips)
	return q.print(env, opts.Format, view.Slipped(q.Answer, slips, len(h.Commits)))
}

// slipHistory is the plans' history through git, for --slipped: refused when a shallow clone
// cuts it short, as a short list would read as "these moved, the rest did not".
func slipHistory(env *Env, paths []string, reg *plan.Registry) (*history.History, error) {
	repo, err := openPlanRepo(env, paths)
	if err != nil {
		return nil, err
	}
	h, err := history.At(repo, "HEAD", reg)
	if err != nil {
		return nil, err
	}
	if at, cut := h.Truncated(); cut {
		return nil, &exitcode.Error{Code: exitcode.Failure, Hint: gitrev.ShallowHint,
			Msg: fmt.Sprintf("cannot tell which deadlines have moved: this is a shallow clone, and history before %s is not fetched", at.Short())}
	}
	return h, nil
}
