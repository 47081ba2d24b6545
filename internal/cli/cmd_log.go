package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/render"
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

func runLog(env *Env, g *globalOptions, opts *logOptions) error {
	st, err := g.style(env)
	if err != nil {
		return err
	}
	repo, err := openPlansFlag(env, opts.Plans)
	if err != nil {
		return err
	}
	l, err := history.ActionLog(repo, opts.Rev, opts.ID)
	if err != nil {
		return err
	}
	if err := printLog(env, opts.Format, st, render.ActionLog(*l)); err != nil {
		return err
	}
	fmt.Fprint(env.Stderr, l.Note())
	return l.Exit()
}
