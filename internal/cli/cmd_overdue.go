package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

func newOverdueCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &listOptions{}
	c := &cobra.Command{
		Use:   "overdue [PATH...]",
		Short: "Actions past their deadline and not complete or dropped, the most days late first",
		Example: `  cpp overdue --today 2026-04-01
  cpp overdue --lead "Corporate Parenting" --format csv
  cpp overdue -o overdue.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Overdue = true
			return runOverdue(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "late", actionFormats)
	return c
}

func runOverdue(env *Env, g *globalOptions, opts *listOptions) error {
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	rows, today, st := q.Rows, q.Today, q.Style
	subject := "Overdue as of " + render.Date(today)
	doc := render.Doc{Title: fmt.Sprintf("%s: %s", subject, words.Count(len(rows), "action", "actions")),
		Sheet: "Overdue " + render.Date(today), AsOf: today, Subject: subject}
	doc.Blocks = []render.Block{render.ActionBlock("", rows, render.ActionColumnsFor{Late: true, Chase: true})}
	doc.Blocks[0].Empty = "Nothing is overdue."
	if err := actionsOutput(doc, rows, q.apart()).print(env, opts.Format, st); err != nil {
		return err
	}
	return q.finish(env)
}
