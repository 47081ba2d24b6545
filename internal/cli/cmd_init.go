package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/scaffold"
)

func newInitCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &scaffold.Request{}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make a new plan repository: a starter plan, lead registry, CI workflow, pre-commit and editor schema",
		Long: `Makes a plan repository in DIR (default: the current folder): plans/ with a starter plan that
validates and shows the format in its comments (the council, a priority with its promise, a
measure and an action, dated from today) and a lead registry; the JSON Schema of plan files in
.cpp/plan.schema.json, named by each plan and by .vscode/settings.json so that editors complete
and check keys; the GitHub Actions workflow .github/workflows/plans.yml; .pre-commit-config.yaml;
.gitattributes; and a README of the quarterly cycle. Then git init and a first commit, unless
--no-git.

It never overwrites: when any file it would write exists, it names them all, writes nothing and
exits 1. Committing needs git and an identity for git (user.name and user.email); without them it
writes nothing and exits 3.

Exit status: 0 when the repository is made; 1 when a file it would write exists; 2 for bad usage;
3 when git is missing or fails.`,
		Example: `  cpp init riverside-plans --council "Riverside Council" --quarters financial
  cpp init --council "London Borough of Camden" --no-git`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.QuartersGiven = c.Flags().Changed("quarters")
			return runInit(env, g, opts)
		},
	}
	c.Flags().StringVar(&opts.Council, "council", "", "the council's name, as its plans write it (required, unless a cpp.yaml in DIR gives it)")
	c.Flags().Var(quartersFlag(&opts.Quarters), "quarters", "how the plans read \"Q3 2025\": calendar (January to March is Q1) or financial (April to June)")
	c.Flags().BoolVar(&opts.NoGit, "no-git", false, "write the files only: no git init, no commit")
	return c
}

func runInit(env *Env, g *globalOptions, opts *scaffold.Request) error {
	opts.Version, opts.Warn = currentVersion(), env.Stderr
	opts.Today = func() (time.Time, error) { return g.today(env) }
	opts.Lock = func(dirs []string) (*safewrite.Lock, error) { return lockPlans(env, dirs) }
	made, err := scaffold.Make(*opts)
	if err != nil {
		return err
	}
	_, err = env.Stdout.Write(made.Summary())
	return err
}
