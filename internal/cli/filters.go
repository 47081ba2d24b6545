package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// filterOptions are the flags list, due and overdue share.
type filterOptions struct {
	Plans, Sections, Leads, Statuses, RAGs, Tags []string
	Text                                         string
	DueBefore, DueAfter                          string
	Overdue                                      bool
	BOM                                          bool
	TBC                                          bool
	Sort                                         string
	Format                                       string
	Output                                       string
	format                                       *enumFlag
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
	fl.StringSliceVar(&f.Statuses, "status", nil, "only these statuses: not-started, in-progress, complete, dropped")
	fl.StringSliceVar(&f.RAGs, "rag", nil, "only these RAG ratings: green, amber, red")
	fl.StringSliceVar(&f.Tags, "tag", nil, "only actions with any of these tags")
	fl.StringVar(&f.Text, "text", "", "only actions whose text, outcomes or id contain this (case-insensitive)")
	fl.StringVar(&f.DueBefore, "due-before", "", "only actions due on or before this date (YYYY-MM-DD)")
	fl.StringVar(&f.DueAfter, "due-after", "", "only actions due on or after this date (YYYY-MM-DD)")
	fl.BoolVar(&f.Overdue, "overdue", false, "only overdue actions")
	fl.BoolVar(&f.BOM, "bom", false, "with --format csv, start with a UTF-8 byte-order mark, so that Excel on Windows reads the text as UTF-8 (default: on for a file written with -o, off for standard output)")
	fl.BoolVar(&f.TBC, "tbc", false, "only actions whose deadline is to be confirmed (TBC, TBA, N/A)")
	fl.StringVar(&f.Sort, "sort", defaultSort, "order: "+strings.Join(query.SortKeys, ", "))
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
		return usageErrorf("write it to a file with -o FILE.xlsx, or send standard output to a file", "will not write a workbook to a terminal")
	}
	return nil
}

// build checks the flag values and turns them into a query filter.
func (f *filterOptions) build(today time.Time) (query.Filter, error) {
	q := query.Filter{Plans: f.Plans, Sections: f.Sections, Leads: f.Leads, Tags: f.Tags, Text: f.Text,
		Overdue: f.Overdue, ToBeConfirmed: f.TBC, Today: today}
	if !f.summary && !slices.Contains(query.SortKeys, f.Sort) {
		return q, usageErrorf("use one of: "+strings.Join(query.SortKeys, ", "), "unknown sort key %q", f.Sort)
	}
	for _, s := range f.Statuses {
		st, ok := plan.ParseStatus(s)
		if !ok {
			return q, usageErrorf("use one of: "+plan.StatusWords, "unknown status %q", s)
		}
		q.Statuses = append(q.Statuses, st)
	}
	for _, s := range f.RAGs {
		r, ok := plan.ParseRAG(s)
		if !ok {
			return q, usageErrorf("use one of: "+plan.RAGWords, "unknown RAG rating %q", s)
		}
		q.RAGs = append(q.RAGs, r)
	}
	var err error
	if q.DueBefore, err = flagDate("--due-before", f.DueBefore); err != nil {
		return q, err
	}
	if q.DueAfter, err = flagDate("--due-after", f.DueAfter); err != nil {
		return q, err
	}
	return q, nil
}

// flagDate reads an optional date flag; empty is the zero time.
func flagDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseFlagDate(name, s)
}

// parseFlagDate reads a date given to a flag or CPP_TODAY: YYYY-MM-DD, in the years cpp accepts.
func parseFlagDate(name, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, usageErrorf("write dates as YYYY-MM-DD, as in 2025-09-30", "invalid %s %q", name, s)
	}
	if err := deadline.CheckYear(t.Year()); err != nil {
		return t, usageErrorf(deadline.YearHint, "invalid %s %q: %s", name, s, err)
	}
	return t, nil
}

// explainEmpty tells the user on stderr which lead or plan given to a filter matches nothing,
// naming the nearest names, so that a misspelt team is not mistaken for a team with no work.
func explainEmpty(env *Env, l *loaded, f query.Filter) {
	for _, lead := range query.UnknownLeads(l.Plans, l.Registry, f.Leads) {
		msg := fmt.Sprintf("cpp: no lead matches %q", lead)
		if near := suggest.Closest(lead, l.Registry.Spellings(), 3); len(near) > 0 {
			msg += "; nearest: " + quoteAll(near)
		}
		fmt.Fprintln(env.Stderr, msg+" (see 'cpp leads')")
	}
	var ids []string
	for _, p := range l.Plans {
		ids = append(ids, p.ID)
	}
	for _, id := range f.Plans {
		if query.ContainsFold(ids, id) {
			continue
		}
		msg := fmt.Sprintf("cpp: no plan has id %q", id)
		if near := suggest.Closest(id, ids, 3); len(near) > 0 {
			msg += "; nearest: " + quoteAll(near)
		} else {
			msg += "; plans: " + quoteAll(ids)
		}
		fmt.Fprintln(env.Stderr, msg)
	}
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
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
		if err := safewrite.Write(q.output, q.out.Bytes(), safewrite.Options{Policy: safewrite.MayReplace, Inputs: q.Loaded.Files}); err != nil {
			return writeFailed(err)
		}
		fmt.Fprintf(env.Stderr, "cpp: wrote %s\n", q.output)
	}
	noteNotPlaced(env, q.NotPlaced, q.summary, q.carried)
	return q.Loaded.finish()
}

// startQuery resolves the shared flags, loads the plans and selects the rows. window, when not
// nil, narrows the filter to the window the command computed from today.
func startQuery(env *Env, g *globalOptions, f *filterOptions, paths []string, window func(time.Time) (*query.Window, error)) (*queryRun, error) {
	q := &queryRun{}
	var err error
	if q.Today, err = g.today(env); err != nil {
		return nil, err
	}
	if err := f.checkOutput(env); err != nil {
		return nil, err
	}
	if q.Filter, err = f.build(q.Today); err != nil {
		return nil, err
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
			return nil, usageErrorf("give --format csv with --bom", "--bom is for CSV: a byte-order mark would corrupt %s output", f.Format)
		}
		env.Stdout = render.NewBOMWriter(env.Stdout)
	}
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
	q.Filter.Leads = query.LeadValues(q.Filter.Leads, q.Loaded.Plans, q.Loaded.Registry)
	q.Rows = query.Select(q.Loaded.Plans, q.Loaded.Registry, q.Filter)
	if q.summary = f.summary; f.summary || q.Filter.Dated() {
		q.NotPlaced = query.NotPlaced(q.Loaded.Plans, q.Loaded.Registry, q.Filter)
	}
	// A summary counts rows in plan file order, so that its plans and sections come out as written.
	if !f.summary {
		if err := query.Sort(q.Rows, f.Sort); err != nil {
			return nil, usageErrorf("", "%s", err)
		}
	}
	if q.carried = carriesNotPlaced[f.Format] && !f.summary && q.Filter.Dated(); q.carried {
		// JSON, CSV and a workbook are read by a script or opened by someone who never sees
		// stderr: the actions come last, flagged by their deadline_not_understood column.
		q.Rows = append(q.Rows, q.NotPlaced...)
	}
	// A name that matches nothing is noted even when the rest of a list matched: it is
	// probably misspelt, and the answer would quietly leave its team out.
	explainEmpty(env, q.Loaded, q.Filter)
	return q, nil
}
