package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
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

// outputFormats are the formats -o FILE's extension chooses when --format is not given.
var outputFormats = map[string]string{".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".md": "markdown", ".ics": "ics"}

// toFile says whether the output goes to a file; "-" is standard output.
func (f *filterOptions) toFile() bool { return f.Output != "" && f.Output != "-" }

// checkOutput settles the format -o implies, and refuses a workbook to a terminal, where its
// bytes would be noise and could act on the terminal.
func (f *filterOptions) checkOutput(env *Env) error {
	if f.toFile() && !f.formatGiven {
		if format, ok := outputFormats[strings.ToLower(filepath.Ext(f.Output))]; ok {
			if err := f.format.Set(format); err != nil {
				return err
			}
		}
	}
	if f.Format == "xlsx" && !f.toFile() && env.IsTerminal(env.Stdout) {
		return exitcode.Usagef("write it to a file with -o FILE.xlsx, or send standard output to a file", "will not write a workbook to a terminal")
	}
	return nil
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

// explainEmpty tells the user on stderr which lead or plan given to a filter matches nothing,
// naming the nearest names, so that a misspelt team is not mistaken for a team with no work.
func explainEmpty(env *Env, l *loaded, f query.Filter) {
	for _, msg := range query.Unmatched(l.Plans, l.Registry, f) {
		fmt.Fprintln(env.Stderr, "cpp: "+msg)
	}
}

// queryRun is what every query command starts from: the day, the filter, the output style, the
// loaded plans and the rows that pass the filter, sorted.
type queryRun struct {
	Today  time.Time
	Filter query.Filter
	Style  render.Style
	Loaded *loaded
	Rows   []query.Row
	// NotPlaced are the actions the filter would keep but for dates, whose deadline is not
	// understood: named on stderr, and carried in JSON, CSV and workbook listings (see
	// noteNotPlaced).
	NotPlaced        []query.Row
	summary, carried bool
	// output is the file -o names, and out what is written to it, once the answer is whole.
	output string
	out    bytes.Buffer
}

// plans are the plans the filter looks at, for describing a window.
func (q *queryRun) plans() []*plan.Plan {
	var out []*plan.Plan
	for _, p := range q.Loaded.Plans {
		if len(q.Filter.Plans) == 0 || query.ContainsFold(q.Filter.Plans, p.ID) {
			out = append(out, p)
		}
	}
	return out
}

// apart are the actions the answer names apart from its rows: those a listing about dates could
// not place in time, when its format does not carry them as rows (see carriesNotPlaced).
func (q *queryRun) apart() []query.Row {
	if q.carried || q.summary {
		return nil
	}
	return q.NotPlaced
}

// carriesNotPlaced are the formats whose listings carry the actions a listing about dates cannot
// place, last, with deadline_not_understood true: those with that column.
var carriesNotPlaced = map[string]bool{"json": true, "csv": true, "xlsx": true}

// finish writes the answer to the file -o names, if any, and says whether plans were left out.
// The file is written whole or not at all, and never over a file the command read.
func (q *queryRun) finish(env *Env) error {
	if q.output != "" {
		if err := writeOutput(env, q.output, q.out.Bytes(), q.Loaded.Files, ""); err != nil {
			return err
		}
	}
	noteNotPlaced(env, q.NotPlaced, q.summary, q.carried)
	return q.Loaded.Finish()
}

// setOutput checks -o, --format and --bom, and sends standard output where they say: to the
// file -o names once the answer is whole, and through a byte-order mark with --bom.
func (q *queryRun) setOutput(env *Env, f *filterOptions) error {
	if err := f.checkOutput(env); err != nil {
		return err
	}
	if f.toFile() {
		q.output = f.Output
		env.Stdout = &q.out
	}
	if !f.bomGiven {
		// Excel on Windows, where a CSV file is opened, reads it as UTF-8 only after a
		// byte-order mark; a pipe's reader (another program) does not want one.
		f.BOM = f.toFile() && f.Format == "csv"
	}
	if f.BOM {
		if f.Format != "csv" {
			return exitcode.Usagef("give --format csv with --bom", "--bom is for CSV: a byte-order mark would corrupt %s output", f.Format)
		}
		env.Stdout = render.NewBOMWriter(env.Stdout)
	}
	return nil
}

// startQuery resolves the shared flags, loads the plans and selects the rows. window, when not
// nil, narrows the filter to the window the command computed from today.
func startQuery(env *Env, g *globalOptions, f *filterOptions, paths []string, window func(time.Time) (*query.Window, error)) (*queryRun, error) {
	q := &queryRun{}
	var err error
	if q.Today, err = g.today(env); err != nil {
		return nil, err
	}
	if err := q.setOutput(env, f); err != nil {
		return nil, err
	}
	q.Filter = f.build(q.Today)
	if window != nil {
		if q.Filter.Window, err = window(q.Today); err != nil {
			return nil, err
		}
	}
	if q.Style, err = g.style(env); err != nil {
		return nil, err
	}
	if q.Loaded, err = loadPlans(env, paths); err != nil {
		return nil, err
	}
	if err := q.selectRows(f); err != nil {
		return nil, err
	}
	// A name that matches nothing is noted even when the rest of a list matched: it is
	// probably misspelt, and the answer would quietly leave its team out.
	explainEmpty(env, q.Loaded, q.Filter)
	return q, nil
}

// selectRows selects and sorts the rows the filter keeps, and those it cannot place in time.
func (q *queryRun) selectRows(f *filterOptions) error {
	q.Filter.Leads = query.LeadValues(q.Filter.Leads, q.Loaded.Plans, q.Loaded.Registry)
	q.Rows = query.Select(q.Loaded.Plans, q.Loaded.Registry, q.Filter)
	if q.summary = f.summary; f.summary || q.Filter.Dated() {
		q.NotPlaced = query.NotPlaced(q.Loaded.Plans, q.Loaded.Registry, q.Filter)
	}
	// A summary counts rows in plan file order, so that its plans and sections come out as written.
	if !f.summary {
		if err := query.Sort(q.Rows, f.Sort); err != nil {
			return exitcode.Usagef("", "%s", err)
		}
	}
	if q.carried = carriesNotPlaced[f.Format] && !f.summary && q.Filter.Dated(); q.carried {
		// JSON, CSV and a workbook are read by a script or opened by someone who never sees
		// stderr: the actions come last, flagged by their deadline_not_understood column.
		q.Rows = append(q.Rows, q.NotPlaced...)
	}
	return nil
}
