package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/view"
	"github.com/cpp-plans/cpp/internal/workspace"
)

type showOptions struct {
	ID     string
	Format string
	Paths  []string
}

func newShowCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &showOptions{}
	c := &cobra.Command{
		Use:     "show ID [PATH...]",
		Short:   "Show one action in full: its plan, section, deadline, leads, progress and where it lives",
		Example: `  cpp show camden-cp.p1.2`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID, opts.Paths = args[0], args[1:]
			for _, p := range opts.Paths {
				if looksLikeID(p) {
					return exitcode.Usagef("show one action at a time: run 'cpp show "+p+"' next, or 'cpp list --format markdown' for many",
						"cpp show takes one action id; %q is a second id, not a file or folder", p)
				}
			}
			return runShow(env, g, opts)
		},
	}
	format := formatFlag(&opts.Format, textFormat, textFormat, "markdown", "json")
	c.Flags().VarP(format, "format", "f", format.help("output format"))
	return c
}

func runShow(env *Env, g *globalOptions, opts *showOptions) error {
	today, err := g.today(env)
	if err != nil {
		return err
	}
	st, err := g.style(env)
	if err != nil {
		return err
	}
	l, err := loadPlans(env, opts.Paths)
	if err != nil {
		return err
	}
	f, ok, near := query.FindAny(l.Plans, opts.ID)
	if !ok {
		return exitcode.Problemf(suggest.Hint(near, "run 'cpp list' to see the action ids"), "no plan, section, action or measure has id %q", opts.ID)
	}
	var known *view.History
	if f.Action != nil {
		known = deadlineHistory(env, opts.Paths, f.Action.ID, l)
	}
	doc, rec := view.Show(f, l.Registry, today, known)
	if err := printListing(env, opts.Format, st, &render.Listing{Doc: doc, Records: func() any { return rec }}); err != nil {
		return err
	}
	if known != nil && known.Slip != nil && known.Slip.Truncated {
		warnShallow(env, known.Slip)
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return l.Finish()
}

// deadlineHistory is how the action's deadline has moved through git; nil when the plans are not
// in a git repository (or git is not installed), which show does not treat as an error.
func deadlineHistory(env *Env, paths []string, id string, l *workspace.Loaded) *view.History {
	repo, err := openPlanRepo(env, paths)
	if err != nil {
		return nil
	}
	h, err := history.Load(repo.Git, "HEAD", repo.Under, l.Registry)
	if err != nil {
		return nil
	}
	return &view.History{Slip: history.SlipOf(h.Action(id))}
}

// looksLikeID tells a second action id from a path given after the id: an id has no slash, no
// .yaml ending, and names nothing on disk.
func looksLikeID(arg string) bool {
	if strings.ContainsAny(arg, `/\`) || planfile.IsPlanFile(arg) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}
