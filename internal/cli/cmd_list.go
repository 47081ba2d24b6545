package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/view"
	"github.com/cpp-plans/cpp/internal/words"
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
	if opts.Slipped {
		return listSlipped(env, opts, q)
	}
	rows, today := q.Rows, q.Today
	doc := render.Doc{Title: fmt.Sprintf("%s (as of %s)", words.Count(len(rows), "action", "actions"), render.Date(today)), Sheet: "Actions", AsOf: today,
		Subject: "Actions (as of " + render.Date(today) + ")"}
	doc.Blocks = view.PlanBlocks(rows, render.ActionColumnsFor{Late: q.Filter.Overdue})
	if err := actionsOutput(doc, rows, q.apart()).print(env, opts.Format, q.Style); err != nil {
		return err
	}
	return q.finish(env)
}

// listSlipped keeps the actions whose deadline has moved in git history, and shows how often
// and what it was first.
func listSlipped(env *Env, opts *listOptions, q *queryRun) error {
	repo, err := openPlanRepo(env, opts.Paths)
	if err != nil {
		return err
	}
	h, err := history.At(repo, "HEAD", q.Loaded.Registry)
	if err != nil {
		return err
	}
	if at, cut := h.Truncated(); cut {
		// A short list from a shallow clone would read as "these moved, the rest did not".
		return &exitcode.Error{Code: exitcode.Failure, Hint: history.ShallowHint,
			Msg: fmt.Sprintf("cannot tell which deadlines have moved: this is a shallow clone, and history before %s is not fetched", at.Short())}
	}
	slips := h.Slippage()
	var rows []query.Row
	for _, r := range q.Rows {
		if s := slips[r.Action.ID]; s != nil && s.Moves > 0 {
			rows = append(rows, r)
		}
	}
	subject := fmt.Sprintf("Actions whose deadline has moved (as of %s)", render.Date(q.Today))
	doc := render.Doc{Title: fmt.Sprintf("%s whose deadline has moved (as of %s; %s of history)",
		words.Count(len(rows), "action", "actions"), render.Date(q.Today), words.Count(len(h.Commits), "commit", "commits")),
		Subject: subject, AsOf: q.Today}
	doc.Blocks = view.PlanBlocks(rows, render.ActionColumnsFor{Late: q.Filter.Overdue, Slips: slips})
	out := &output{Doc: doc, Book: render.Doc{Title: subject, Sheet: "Slipped", AsOf: q.Today}, Events: rows,
		Columns: render.SlipColumns, Kinds: render.SlipKinds,
		Records: func() any { return render.SlipRecords(rows, slips) },
		Cells:   func() [][]string { return cellsOf(render.SlipRecords(rows, slips)) }}
	if err := out.print(env, opts.Format, q.Style); err != nil {
		return err
	}
	return q.finish(env)
}
