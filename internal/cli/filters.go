package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/view"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// filterOptions are the flags list, due and overdue share.
type filterOptions struct {
	Plans, Sections, Leads, Statuses, RAGs, Tags []string
	Text                                         string
	DueBefore, DueAfter                          dateFlag
	Overdue                                      bool
	BOM                                          bool
	TBC                                          bool
	Sort                                         string
	Format                                       string
	Output                                       string
	format, sort                                 *enumFlag
	// formatGiven says --format was given; otherwise -o FILE's extension may choose it.
	formatGiven bool
	// bomGiven says --bom was given, true or false; otherwise a CSV file written with -o gets
	// a byte-order mark and standard output does not.
	bomGiven bool
	// summary marks leads and status, whose --sort orders their summary, not the rows they count.
	summary bool
}

// listOptions are the flags of list and overdue.
type listOptions struct {
	filterOptions
	Slipped bool
	Paths   []string
}

func addFilterFlags(c *cobra.Command, f *filterOptions, defaultSort string, formats []string) {
	fl := c.Flags()
	fl.StringSliceVar(&f.Plans, "plan", nil, "only these plans (ids; repeat or separate with commas)")
	fl.StringSliceVar(&f.Sections, "section", nil, "only these sections (ids)")
	// Not a StringSlice: a role such as "Team Manager: CLA, CSST, Family Safeguarding" has commas
	// of its own, so the values are split only once the registry says what is a whole name.
	fl.StringArrayVar(&f.Leads, "lead", nil, "only actions led by these teams (any spelling the registry knows; case-insensitive; repeat or separate with commas)")
	status := sliceOf(&f.Statuses, statusFlag(nil, "unknown status %q"))
	fl.Var(status, "status", status.help("only these statuses"))
	rag := sliceOf(&f.RAGs, ragFlag(nil, "unknown RAG rating %q"))
	fl.Var(rag, "rag", rag.help("only these RAG ratings"))
	fl.StringSliceVar(&f.Tags, "tag", nil, "only actions with any of these tags")
	fl.StringVar(&f.Text, "text", "", "only actions whose text, outcomes or id contain this (case-insensitive)")
	f.DueBefore.name, f.DueAfter.name = "due-before", "due-after"
	fl.Var(&f.DueBefore, "due-before", "only actions due on or before this date (YYYY-MM-DD)")
	fl.Var(&f.DueAfter, "due-after", "only actions due on or after this date (YYYY-MM-DD)")
	fl.BoolVar(&f.Overdue, "overdue", false, "only overdue actions")
	fl.BoolVar(&f.BOM, "bom", false, "with --format csv, start with a UTF-8 byte-order mark, so that Excel on Windows reads the text as UTF-8 (default: on for a file written with -o, off for standard output)")
	fl.BoolVar(&f.TBC, "tbc", false, "only actions whose deadline is to be confirmed (TBC, TBA, N/A)")
	f.sort = sortFlag(&f.Sort, defaultSort, query.SortKeys)
	fl.Var(f.sort, "sort", f.sort.help("order"))
	f.format = formatFlag(&f.Format, textFormat, formats...)
	fl.VarP(f.format, "format", "f", f.format.help("output format"))
	fl.StringVarP(&f.Output, "output", "o", "", "write to this file (atomically; never a plan file it reads) instead of standard output; without --format, a FILE ending .xlsx, .csv, .json, .md or .ics chooses it")
	c.PreRunE = func(c *cobra.Command, _ []string) error {
		f.formatGiven = c.Flags().Changed("format")
		f.bomGiven = c.Flags().Changed("bom")
		return nil
	}
}

// build turns the flag values, checked by their flags, into a query filter.
func (f *filterOptions) build(today time.Time) query.Filter {
	q := query.Filter{Plans: f.Plans, Sections: f.Sections, Leads: f.Leads, Tags: f.Tags, Text: f.Text,
		Overdue: f.Overdue, ToBeConfirmed: f.TBC, Today: today}
	for _, s := range f.Statuses {
		q.Statuses = append(q.Statuses, plan.Status(s))
	}
	for _, r := range f.RAGs {
		q.RAGs = append(q.RAGs, plan.RAG(r))
	}
	q.DueBefore, q.DueAfter = f.DueBefore.value, f.DueAfter.value
	return q
}

// queryRun is what every query command starts from: the answer, the output style, the loaded
// plans, and the window its window flags ask for (or this quarter).
type queryRun struct {
	query.Answer
	Style  render.Style
	Loaded *workspace.Loaded
	Window query.Window
	out    *listingOut
}

// carriesNotPlaced are the formats whose listings carry the actions a listing about dates cannot
// place, last, with deadline_not_understood true: those with that column.
var carriesNotPlaced = map[string]bool{"json": true, "csv": true, "xlsx": true}

// print prints the listing, writes it to the file -o names, if any, and says what became of the
// actions the answer could not place in time and whether plans were left out.
func (q *queryRun) print(env *Env, format string, l render.Listing) error {
	if err := printListing(env, format, q.Style, &l); err != nil {
		return err
	}
	if err := q.out.close(env, q.Loaded.Files); err != nil {
		return err
	}
	noteNotPlacedAs(env, q.NotPlaced, view.NotPlacedFate(q.Answer))
	return q.Loaded.Finish()
}

// startQuery resolves the shared flags and the window flags w (nil when the command has none),
// loads the plans and answers the query. A listing keeps what falls due in the window; a summary
// counts it.
func startQuery(env *Env, g *globalOptions, f *filterOptions, paths []string, w *windowOptions) (*queryRun, error) {
	q := &queryRun{}
	today, err := g.today(env)
	if err != nil {
		return nil, err
	}
	if w != nil {
		if q.Window, err = w.window(today); err != nil {
			return nil, err
		}
	}
	if q.out, err = f.open(env); err != nil {
		return nil, err
	}
	l := query.Listing{Filter: f.build(today), Sort: f.Sort, Summary: f.summary, Carries: carriesNotPlaced[f.Format]}
	if w != nil && !f.summary {
		l.Filter.Window = &q.Window
	}
	if q.Style, err = g.style(env); err != nil {
		return nil, err
	}
	if q.Loaded, err = loadPlans(env, paths); err != nil {
		return nil, err
	}
	if q.Answer, err = query.Run(q.Loaded.Plans, q.Loaded.Registry, l); err != nil {
		return nil, exitcode.Usagef("", "%s", err)
	}
	// A name that matches nothing is noted even when the rest of a list matched: it is
	// probably misspelt, and the answer would quietly leave its team out.
	workspaceOf(env).ExplainUnmatched(q.Loaded, q.Filter)
	return q, nil
}
