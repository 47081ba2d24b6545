package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

type listOptions struct {
	filterOptions
	Slipped bool
	Paths   []string
}

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
	addFilterFlags(c, &opts.filterOptions, "plan")
	takesCalendar(c)
	c.Flags().BoolVar(&opts.Slipped, "slipped", false, "only actions whose deadline has moved in git history, with how often and the first deadline")
	return c
}

func runList(env *Env, g *globalOptions, opts *listOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	rows, today, f, st := q.Rows, q.Today, q.Filter, q.Style
	if opts.Slipped {
		return listSlipped(env, opts, q)
	}
	doc := render.Doc{Title: fmt.Sprintf("%s (as of %s)", words.Count(len(rows), "action", "actions"), render.Date(today)), Sheet: "Actions", AsOf: today,
		Subject: "Actions (as of " + render.Date(today) + ")"}
	doc.Blocks = planBlocks(rows, render.ActionColumnsFor{Late: f.Overdue})
	if err := writeActions(env, opts.Format, st, doc, rows, today); err != nil {
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
	head, err := repo.resolve("HEAD")
	if err != nil {
		return err
	}
	h, err := history.Load(repo.git, head.Commit, repo.under, q.Loaded.Registry)
	if err != nil {
		return gitFailure(err)
	}
	if at, cut := h.Truncated(); cut {
		// A short list from a shallow clone would read as "these moved, the rest did not".
		return &exitError{code: ExitFailure, hint: shallowHint,
			msg: fmt.Sprintf("cannot tell which deadlines have moved: this is a shallow clone, and history before %s is not fetched", at.Short())}
	}
	slips := h.Slippage()
	var rows []query.Row
	for _, r := range q.Rows {
		if s := slips[r.Action.ID]; s != nil && s.Moves > 0 {
			rows = append(rows, r)
		}
	}
	cols := render.ActionColumnsFor{Late: q.Filter.Overdue, Slips: slips}
	switch opts.Format {
	case "ics":
		err = writeCalendar(env, fmt.Sprintf("Actions whose deadline has moved (as of %s)", render.Date(q.Today)), q.Today, rows)
	case "json":
		err = render.WriteJSON(env.Stdout, render.SlipRecords(rows, slips))
	case "csv", "xlsx":
		recs := render.SlipRecords(rows, slips)
		cells := make([][]string, len(recs))
		for i, r := range recs {
			cells[i] = r.CSVRow()
		}
		if opts.Format == "xlsx" {
			doc := render.Doc{Title: fmt.Sprintf("Actions whose deadline has moved (as of %s)", render.Date(q.Today)), Sheet: "Slipped", AsOf: q.Today}
			err = writeWorkbook(env, doc, render.SlipColumns, render.SlipKinds, cells)
		} else {
			err = render.WriteCSV(env.Stdout, render.SlipColumns, cells)
		}
	default:
		doc := render.Doc{Title: fmt.Sprintf("%s whose deadline has moved (as of %s; %s of history)",
			words.Count(len(rows), "action", "actions"), render.Date(q.Today), words.Count(len(h.Commits), "commit", "commits"))}
		doc.Blocks = planBlocks(rows, cols)
		err = printer(opts.Format, q.Style).Print(env.Stdout, doc)
	}
	if err != nil {
		return err
	}
	return q.finish(env)
}

// planBlocks groups rows into one table per plan, in the order the rows come.
func planBlocks(rows []query.Row, cols render.ActionColumnsFor) []render.Block {
	var blocks []render.Block
	idx := map[string]int{}
	var groups [][]query.Row
	for _, r := range rows {
		i, ok := idx[r.Plan.ID]
		if !ok {
			i = len(groups)
			idx[r.Plan.ID] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	for _, g := range groups {
		p := g[0].Plan
		heading := fmt.Sprintf("%s: %s, %s (%d)", p.ID, p.Title, p.Council, len(g))
		blocks = append(blocks, render.ActionBlock(heading, g, cols))
	}
	if len(blocks) == 0 {
		blocks = append(blocks, render.Block{Empty: "No actions match."})
	}
	return blocks
}

// writeActions prints rows: records for machines, the doc for people, a calendar (stamped today)
// for their diaries.
func writeActions(env *Env, format string, st render.Style, doc render.Doc, rows []query.Row, today time.Time) error {
	switch format {
	case "ics":
		return writeCalendar(env, doc.Subject, today, rows)
	case "json":
		return render.WriteJSON(env.Stdout, render.ActionRecords(rows))
	case "csv", "xlsx":
		recs := render.ActionRecords(rows)
		cells := make([][]string, len(recs))
		for i, r := range recs {
			cells[i] = r.CSVRow()
		}
		if format == "xlsx" {
			return writeWorkbook(env, doc, render.ActionColumns, render.ActionKinds, cells)
		}
		return render.WriteCSV(env.Stdout, render.ActionColumns, cells)
	}
	return printer(format, st).Print(env.Stdout, doc)
}

// writeWorkbook writes a listing as a workbook of one sheet: the CSV's columns and cells, each
// column typed by its kind. A text too long for a cell is cut there, and said so on stderr.
func writeWorkbook(env *Env, doc render.Doc, header []string, kinds []render.CellKind, cells [][]string) error {
	warn := func(msg string) {
		fmt.Fprintf(env.Stderr, "cpp: warning: %s\n  hint: --format csv or json keeps the whole text\n", msg)
	}
	return render.WriteXLSX(env.Stdout, render.Workbook{Title: doc.Title, Day: doc.AsOf, Warn: warn,
		Sheets: []render.Sheet{{Name: doc.Sheet, Header: header, Kinds: kinds, Rows: cells}}})
}
