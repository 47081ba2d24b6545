package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/words"
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
	kinds, err := failKinds(opts.FailOn, opts.FailOnGiven)
	if err != nil {
		return err
	}
	opts.FailOn = kinds
	st, err := g.style(env)
	if err != nil {
		return err
	}
	repo, err := openPlansFlag(env, opts.Plans)
	if err != nil {
		return err
	}
	oldSet, newSet, err := diffSides(repo, opts.Revs)
	if err != nil {
		return err
	}
	partial := leaveOutBroken(env, oldSet, newSet)
	d := plandiff.Compare(oldSet.Plans, newSet.Plans, plandiff.Options{OldLeads: oldSet.Leads, NewLeads: newSet.Leads})
	var triggered []plandiff.Trigger
	if len(opts.FailOn) > 0 {
		triggered = d.Triggers(opts.FailOn)
	}
	if err := printChanges(env, opts.Format, st, d, oldSet.Side, newSet.Side, triggered); err != nil {
		return err
	}
	if len(triggered) > 0 {
		fmt.Fprintf(env.Stderr, "cpp: --fail-on %s: %s:\n", strings.Join(opts.FailOn, ","), words.Count(len(triggered), "change", "changes"))
		for _, t := range triggered {
			fmt.Fprintf(env.Stderr, "  %-9s %s: %s\n", t.Kind, t.ID, t.What)
		}
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	if partial { // the change is shown, but without the files left out
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}

// failKinds reads --fail-on as people type it: "slip, removed" and "SLIP" are slip and removed.
// Empty items between commas are passed over, but a --fail-on with no kind at all (an unset
// variable in CI) is an error, not a gate that never fires.
func failKinds(given []string, set bool) ([]string, error) {
	var kinds []string
	for _, k := range given {
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
			kinds = append(kinds, k)
		}
	}
	if set && len(kinds) == 0 {
		return nil, exitcode.Usagef("use one or more of: "+strings.Join(plandiff.FailKinds, ", "), "--fail-on names no kind of change")
	}
	for _, k := range kinds {
		if !slices.Contains(plandiff.FailKinds, k) {
			hint := "use one or more of: " + strings.Join(plandiff.FailKinds, ", ")
			if near := suggest.Closest(k, plandiff.FailKinds, 1); len(near) > 0 {
				hint = "did you mean " + near[0] + "? " + hint
			}
			return nil, exitcode.Usagef(hint, "unknown --fail-on kind %q", k)
		}
	}
	return kinds, nil
}

// diffSides reads the two versions the revision arguments name.
func diffSides(repo *planRepo, revs []string) (old, new *gitrev.Set, err error) {
	r, err := gitrev.ParseRange(revs)
	if err != nil {
		return nil, nil, exitcode.Usagef("give two revisions (cpp diff A B) or one range (cpp diff A..B)", "%s", err)
	}
	fromSide, err := repo.resolve(r.From)
	if err != nil {
		return nil, nil, err
	}
	sides := []gitrev.Side{fromSide}
	if r.To != "" {
		toSide, err := repo.resolve(r.To)
		if err != nil {
			return nil, nil, err
		}
		if r.MergeBase {
			base, err := repo.Git.MergeBase(fromSide.Commit, toSide.Commit)
			if err != nil {
				return nil, nil, gitFailure(err)
			}
			sides[0] = gitrev.Side{Rev: "merge base of " + r.From + " and " + r.To, Commit: base}
		}
		sides = append(sides, toSide)
	}
	sets, err := repo.atRevisions(sides...)
	if err != nil {
		return nil, nil, err
	}
	if r.To == "" {
		tree, err := repo.workingTree()
		return sets[0], tree, err
	}
	return sets[0], sets[1], nil
}

// leaveOutBroken drops a file that does not parse on either side from both sides, and names it
// on stderr.
func leaveOutBroken(env *Env, sets ...*gitrev.Set) bool {
	paths, why := gitrev.LeaveOutBroken(sets...)
	if len(paths) == 0 {
		return false
	}
	for _, p := range paths {
		fmt.Fprintf(env.Stderr, "cpp: left out %s%s\n", p, why[p])
	}
	fmt.Fprintf(env.Stderr, "cpp: the diff leaves out %s with errors; run 'cpp validate' for details\n", words.Count(len(paths), "file", "files"))
	return true
}
