package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/suggest"
)

type logOptions struct {
	ID     string
	Format string
	Plans  string
	Rev    string
}

func newLogCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &logOptions{}
	c := &cobra.Command{
		Use:   "log ID",
		Short: "Show the history of one action through git: each commit that changed it and what changed",
		Long: `Lists the commits that changed an action, newest first, with the date, the author and the fields
that changed: deadline (and how far it moved), status, RAG, leads, wording and progress updates.
It follows the action through id renames and through plan files moved or renamed.`,
		Example: `  cpp log camden-cp.p1.2
  cpp log camden-cp.p1.2 --format markdown`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runLog(env, g, opts)
		},
	}
	format := formatFlag(&opts.Format, textFormat, textFormat, "markdown", "json")
	c.Flags().VarP(format, "format", "f", format.help("output format"))
	c.Flags().StringVar(&opts.Plans, "plans", "", "the plans folder (default: the plans/ folder of the repository)")
	c.Flags().StringVar(&opts.Rev, "rev", "HEAD", "the revision whose history to read")
	return c
}

// noHistory says why no commit holds the action: not committed yet, or no such id.
func noHistory(id string, plans []*plan.Plan, under string) error {
	var ids []string
	for _, p := range plans {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				if a.ID == id {
					return exitcode.Problemf("commit the plan file, then run cpp log again", "no commit holds action %q yet", id)
				}
				ids = append(ids, a.ID)
			}
		}
	}
	hint := suggest.Hint(suggest.Closest(id, ids, 3), "run 'cpp list' to see the ids")
	return exitcode.Problemf(hint, "no commit in the history of %s holds an action with id %q", under, id)
}

func runLog(env *Env, g *globalOptions, opts *logOptions) error {
	st, err := g.style(env)
	if err != nil {
		return err
	}
	repo, err := openPlansFlag(env, opts.Plans)
	if err != nil {
		return err
	}
	side, err := repo.resolve(opts.Rev)
	if err != nil {
		return err
	}
	now, err := repo.workingTree()
	if err != nil {
		return err
	}
	h, err := history.Load(repo.Git, side.Commit, repo.Under, now.Leads)
	if err != nil {
		return gitFailure(err)
	}
	l := render.ActionLog{ID: opts.ID, Events: h.Action(opts.ID)}
	if len(l.Events) == 0 {
		return noHistory(opts.ID, now.Plans, repo.Under)
	}
	l.Slip = history.SlipOf(l.Events)
	l.Text = l.Events[0].Change.Text
	if err := printLog(env, opts.Format, st, l); err != nil {
		return err
	}
	if l.Slip.Truncated {
		// The commits fetched are shown, but not as the whole story.
		warnShallow(env, l.Slip)
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}
