package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plandiff"
)

type diffOptions struct {
	Revs   []string
	Format string
	FailOn []string
	// FailOnGiven is set when --fail-on was given, even as nothing: an empty gate is a mistake.
	FailOnGiven bool
	Plans       string
}

func newDiffCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &diffOptions{}
	c := &cobra.Command{
		Use:   "diff [REV [REV] | REV..REV | REV...REV]",
		Short: "Show what a change does to the plans: deadlines moved, actions added, dropped or renamed, statuses changed",
		Long: `Compares the plans at two git revisions in plan terms, not as YAML lines.

  cpp diff                  the working tree against HEAD
  cpp diff REV              the working tree against REV
  cpp diff A B, cpp diff A..B
                            revision A against revision B
  cpp diff main...HEAD      what HEAD changed since it left main (from their merge base),
                            as a pull request shows it

Actions, measures, sections and plans are matched by id; an id that changes while the text stays
the same is a rename. With --fail-on, cpp exits 1 when the change does any of the kinds listed
(` + strings.Join(plandiff.FailKinds, ", ") + `) and names what triggered it on stderr.`,
		Example: `  cpp diff HEAD~1 HEAD
  cpp diff origin/main...HEAD --format markdown
  cpp diff main...HEAD --fail-on slip,removed,dropped`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Revs = args
			opts.FailOnGiven = c.Flags().Changed("fail-on")
			return runDiff(env, g, opts)
		},
	}
	format := formatFlag(&opts.Format, textFormat, changeFormats...)
	c.Flags().VarP(format, "format", "f", format.help("output format"))
	c.Flags().StringSliceVar(&opts.FailOn, "fail-on", nil, "exit 1 when the change does any of these (comma-separated): "+strings.Join(plandiff.FailKinds, ", "))
	c.Flags().StringVar(&opts.Plans, "plans", "", "the plans folder (default: the plans/ folder of the repository)")
	return c
}

func runDiff(env *Env, g *globalOptions, opts *diffOptions) error {
	kinds, err := plandiff.ParseFailKinds(opts.FailOn, opts.FailOnGiven)
	if err != nil {
		return err
	}
	st, err := g.style(env)
	if err != nil {
		return err
	}
	repo, err := openPlansFlag(env, opts.Plans)
	if err != nil {
		return err
	}
	c, err := history.Between(repo, opts.Revs, kinds)
	if err != nil {
		return err
	}
	fmt.Fprint(env.Stderr, c.LeftOutNotes())
	if err := printChanges(env, opts.Format, st, c.Diff, c.From, c.To, c.Triggered); err != nil {
		return err
	}
	fmt.Fprint(env.Stderr, c.TriggerNotes())
	return c.Exit()
}
