package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/returns"
	"github.com/cpp-plans/cpp/internal/words"
)

func newReturnsCmd(env *Env, g *globalOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "returns",
		Short: "The quarterly return: a workbook (or CSV) for each lead to fill in, and the list of who to chase",
		Long: `The quarterly return with lead officers. 'returns export' makes the workbook each lead fills
in: one sheet per lead team listing its open actions, and a sheet for the measures that expect a
figure. 'returns import' records what the filled returns say in the plans. 'returns missing'
lists what has not come back for the quarter: open actions with no update dated in it, and
measures with no figure for it, by lead.`,
		SuggestionsMinimumDistance: 2,
		// A parent command: cobra leaves an unknown subcommand to RunE here, not to Args.
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(c, args[0])
			}
			return c.Help()
		},
	}
	c.AddCommand(newReturnsExportCmd(env, g), newReturnsImportCmd(env, g), newReturnsMissingCmd(env, g))
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
	return c
}

// returnsOptions are the flags export and missing share.
type returnsOptions struct {
	Leads   []string
	Plans   []string
	Quarter quarterFlag
	Format  string
	Paths   []string
}

func addReturnsFlags(c *cobra.Command, o *returnsOptions) {
	fl := c.Flags()
	// Not a StringSlice: a role such as "Team Manager: CLA, CSST, Family Safeguarding" has commas
	// of its own (see query.LeadValues).
	fl.StringArrayVar(&o.Leads, "lead", nil, "only these lead teams (any spelling the registry knows; repeat or separate with commas)")
	fl.StringSliceVar(&o.Plans, "plan", nil, "only these plans (ids)")
	o.Quarter.name = "quarter"
	fl.VarP(&o.Quarter, "quarter", "q", "the quarter of the return: Q3-2025 (in cpp.yaml's quarters, else each plan's convention) or Q3-2025/26 (financial); default this quarter")
}

// returnsRun is what export and missing start from.
type returnsRun struct {
	loaded *loaded
	ret    *returns.Return
}

// startReturns resolves the day and the quarter, loads the plans, keeps those --plan names and
// builds the return. A --plan that matches no plan stops the command, as it does the report: a
// return that silently leaves out a plan would never be chased.
func startReturns(env *Env, g *globalOptions, o *returnsOptions) (*returnsRun, error) {
	today, err := g.today(env)
	if err != nil {
		return nil, err
	}
	quarter := query.ThisQuarter(today)
	if o.Quarter.given != "" {
		quarter = o.Quarter.window
		// A bare quarter is read in the repository's convention when cpp.yaml gives one.
		cfg, err := repoConfig(env)
		if err != nil {
			return nil, err
		}
		if cfg.QuartersSet {
			if quarter, err = query.ParseQuarterIn(o.Quarter.given, cfg.Quarters); err != nil {
				return nil, exitcode.Usagef("", "invalid --quarter %s", strings.TrimPrefix(err.Error(), "invalid quarter "))
			}
		}
	}
	l, err := loadPlans(env, o.Paths)
	if err != nil {
		return nil, err
	}
	plans, err := plansNamed(env, l, o.Plans)
	if err != nil {
		return nil, err
	}
	// Practice examples and registries are files without a plan; a return is for plans only.
	plans = slices.DeleteFunc(slices.Clone(plans), func(p *plan.Plan) bool { return len(p.Sections) == 0 })
	leads := query.LeadValues(o.Leads, l.Plans, l.Registry)
	explainEmpty(env, l, query.Filter{Leads: leads})
	ret := returns.Build(plans, l.Registry, returns.Options{Today: today, Quarter: quarter, Leads: leads})
	return &returnsRun{loaded: l, ret: ret}, nil
}

type returnsExportOptions struct {
	returnsOptions
	Output   string
	Measures bool
	BOM      bool
	bomGiven bool
	PerLead  bool
}

func newReturnsExportCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &returnsExportOptions{}
	c := &cobra.Command{
		Use:   "export -o FILE.xlsx [PATH...]",
		Short: "Write the quarterly return: a workbook with a sheet of open actions for each lead, and the measures that expect a figure",
		Long: `Write the quarterly return for lead officers to fill in: an xlsx workbook with an
Instructions sheet, one sheet per lead team listing its open actions (not complete or dropped,
sub-actions included) and a Measures sheet for the measures that expect a figure. The ID and the
current values are locked; New status and New RAG have drop-down lists. The same plans and day
give the same bytes. --format csv writes the same columns as CSV (--measures: the measures).`,
		Example: `  cpp returns export -o returns-q3.xlsx
  cpp returns export --lead "Virtual School" --quarter Q3-2025 -o virtual-school.xlsx
  cpp returns export --format csv -o returns-q3.csv
  cpp returns export --per-lead -o returns-q3/`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			opts.bomGiven = c.Flags().Changed("bom")
			return runReturnsExport(env, g, opts)
		},
	}
	addReturnsFlags(c, &opts.returnsOptions)
	fl := c.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically; never a plan file it reads); - for standard output, which must not be a terminal for xlsx")
	format := formatFlag(&opts.Format, "", "xlsx", "csv")
	fl.VarP(format, "format", "f", format.help("the return's format")+" (default: csv for a FILE ending .csv, else xlsx)")
	fl.BoolVar(&opts.Measures, "measures", false, "with --format csv, write the measures that expect a figure instead of the actions")
	fl.BoolVar(&opts.BOM, "bom", false, "with --format csv, start with a UTF-8 byte-order mark, so that Excel on Windows reads the text as UTF-8 (default: on for a file written with -o, off for standard output)")
	fl.BoolVar(&opts.PerLead, "per-lead", false, "write one workbook per lead team into the folder -o names (made if missing), each named for its team")
	return c
}

func runReturnsExport(env *Env, g *globalOptions, opts *returnsExportOptions) error {
	export, err := opts.check(env)
	if err != nil {
		return err
	}
	run, err := startReturns(env, g, &opts.returnsOptions)
	if err != nil {
		return err
	}
	ret := run.ret
	if what := ret.Nothing(export); what != "" {
		return exitcode.Problemf("run 'cpp leads' to see the teams, and 'cpp list' the actions", "%s for this return; nothing written", what)
	}
	if opts.PerLead {
		return writePerLead(env, run, opts.Output, export, opts.BOM)
	}
	toTerminal := (opts.Output == "" || opts.Output == "-") && env.IsTerminal(env.Stdout)
	data, err := exportBytes(ret, export, opts.BOM, render.CSVOptions{Terminal: toTerminal})
	if err != nil {
		return err
	}
	// Never written over a plan it was made from, however the path is spelt.
	about := fmt.Sprintf(": the return for %s (%s)", ret.Quarter.Describe(ret.Plans), ret.Holds(export))
	if err := writeOutput(env, opts.Output, data, run.loaded.Files, about); err != nil {
		return err
	}
	return run.loaded.Finish()
}

// check settles the format (csv for -o FILE.csv, else xlsx) and refuses flags that do not go
// together; the export is the document to write.
func (opts *returnsExportOptions) check(env *Env) (returns.Export, error) {
	format := opts.Format
	if format == "" {
		format = "xlsx"
		if strings.EqualFold(filepath.Ext(opts.Output), ".csv") {
			format = "csv"
		}
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	if opts.Measures && format != "csv" {
		return 0, exitcode.Usagef("the workbook has a Measures sheet of its own; --measures is for --format csv", "--measures goes with --format csv")
	}
	if !opts.bomGiven {
		opts.BOM = !toStdout && format == "csv"
	}
	if opts.BOM && format != "csv" {
		return 0, exitcode.Usagef("give --format csv with --bom", "--bom is for CSV: a byte-order mark would corrupt %s output", format)
	}
	switch {
	case opts.PerLead && toStdout:
		return 0, exitcode.Usagef("name the folder to write the workbooks into, as in --per-lead -o returns-q3/", "--per-lead writes one file per lead: give -o DIR")
	case opts.PerLead && opts.Measures:
		return 0, exitcode.Usagef("leave out --measures: each lead's file has its own measures", "--per-lead and --measures do not go together")
	case opts.Output == "" && format == "xlsx":
		return 0, exitcode.Usagef("name the workbook to write, as in -o returns.xlsx", "returns export writes a workbook: give -o FILE.xlsx")
	case toStdout && format == "xlsx" && env.IsTerminal(env.Stdout):
		return 0, exitcode.Usagef("write it to a file with -o returns.xlsx, or send standard output to a file", "will not write a workbook to a terminal")
	case format == "xlsx":
		return returns.Workbook, nil
	case opts.Measures:
		return returns.MeasuresCSV, nil
	}
	return returns.ActionsCSV, nil
}

// exportBytes is the return as the document, after a byte-order mark with --bom, for Excel.
func exportBytes(ret *returns.Return, export returns.Export, bom bool, o render.CSVOptions) ([]byte, error) {
	data, err := ret.Bytes(export, o)
	if bom {
		data = append([]byte("\ufeff"), data...)
	}
	return data, err
}

// writePerLead writes each lead's own return into dir, as xlsx or csv, named for the lead.
func writePerLead(env *Env, run *returnsRun, dir string, export returns.Export, bom bool) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return exitcode.Problemf("name a folder cpp may write in", "cannot make the folder %s: %v", dir, err)
	}
	ext := ".csv"
	if export == returns.Workbook {
		ext = ".xlsx"
	}
	parts := run.ret.PerLead()
	for _, part := range parts {
		data, err := exportBytes(part.Return, export, bom, render.CSVOptions{})
		if err != nil {
			return err
		}
		file := filepath.Join(dir, part.File+ext)
		about := fmt.Sprintf(": %s (%s, %s)", part.Name,
			words.Count(part.Return.ActionCount(), "action row", "action rows"), words.Count(len(part.Return.Measures), "measure", "measures"))
		if err := writeOutput(env, file, data, run.loaded.Files, about); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "cpp: wrote %s into %s: the return for %s, one for each lead\n",
		words.Count(len(parts), "file", "files"), dir, run.ret.Quarter.Describe(run.ret.Plans))
	return run.loaded.Finish()
}

func newReturnsMissingCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &returnsOptions{}
	c := &cobra.Command{
		Use:   "missing [PATH...]",
		Short: "The chasing list: open actions with no update in the quarter, and measures with no figure for it, by lead",
		Long: `List what has not come back for a quarter, by lead team: open actions (not complete or
dropped) with no update dated in the quarter, and measures that expect a figure with none dated in
it. The quarter is read in each plan's own convention. --format markdown is fit to paste into an
email.`,
		Example: `  cpp returns missing --quarter Q3-2025
  cpp returns missing --lead "Virtual School" --format markdown`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runReturnsMissing(env, g, opts)
		},
	}
	addReturnsFlags(c, opts)
	format := formatFlag(&opts.Format, textFormat, missingFormats...)
	c.Flags().VarP(format, "format", "f", format.help("output format"))
	return c
}

// missingFormats are the formats of the chasing list: the listings' text formats.
var missingFormats = []string{textFormat, "markdown", "csv", "json"}

func runReturnsMissing(env *Env, g *globalOptions, opts *returnsOptions) error {
	st, err := g.style(env)
	if err != nil {
		return err
	}
	run, err := startReturns(env, g, opts)
	if err != nil {
		return err
	}
	ret := run.ret
	chase := ret.Missing()
	out := &output{Doc: returns.MissingDoc(ret, chase), Columns: returns.MissingColumns,
		Records: func() any { return returns.MissingJSON(ret, chase) }, Cells: func() [][]string { return returns.MissingRows(chase) }}
	if err := out.print(env, opts.Format, st); err != nil {
		return err
	}
	return run.loaded.Finish()
}

type returnsImportOptions struct {
	Files         []string
	Date          dateFlag
	Format, Plans string
	DryRun        bool
}

func newReturnsImportCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &returnsImportOptions{}
	c := &cobra.Command{
		Use:   "import FILE...",
		Short: "Record the filled returns (workbooks or CSV) in the plans, all or nothing",
		Long: `Read filled returns (the workbooks 'returns export' writes, or CSVs of the same columns) and
record every filled row in the plans, as 'cpp update' would: an update with the new status, RAG,
progress note and evidence, a revised deadline, a measure's new figure. Rows left blank are
skipped. Columns are found by their header words, in any case; status and RAG may be written as
the drop-down lists write them (In progress, Amber) or as letters (G, A, R).

All or nothing: every row of every return is checked first, and any problem (an unknown id, a
word that is not a status, a revised deadline that cannot be read, two rows for one action that
disagree) is named as FILE: sheet, row N, and nothing is written. Updates are dated with --date,
or else the day the return was made, kept within the quarter it asks about; a CSV does not say
when it was made, so needs --date. Importing the same return again changes nothing. The change
is printed as cpp diff prints it; --dry-run prints it and writes nothing.`,
		Example: `  cpp returns import returns/*.xlsx
  cpp returns import virtual-school.xlsx --dry-run
  cpp returns import returns-q3.csv --date 2025-09-30`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			return runReturnsImport(env, g, opts)
		},
	}
	fl := c.Flags()
	opts.Date.name = "date"
	fl.Var(&opts.Date, "date", "the day of the updates, YYYY-MM-DD (default: the day each return was made, within its quarter)")
	format := formatFlag(&opts.Format, textFormat, changeFormats...)
	fl.VarP(format, "format", "f", format.help("how to print the change"))
	fl.StringVar(&opts.Plans, "plans", "", "the plans folder (default: the repository's plans/)")
	fl.BoolVarP(&opts.DryRun, "dry-run", "n", false, "print the change and write nothing")
	return c
}

func runReturnsImport(env *Env, g *globalOptions, opts *returnsImportOptions) error {
	run, err := startChange(env, g, opts.Date, opts.Plans, false, !opts.DryRun)
	if err != nil {
		return err
	}
	defer run.Lock.Release()
	l := run.Loaded
	filled, probs := returns.ReadFiles(opts.Files)
	if name := returns.Undated(filled); name != "" && run.Day.IsZero() {
		return exitcode.Usagef("give the day the updates are for, as in --date 2025-09-30", "%s does not say which day the return was made (a CSV has no record of it): give --date", name)
	}
	im := returns.Prepare(l.Plans, filled, returns.UpdateOptions{Date: run.Day})
	if probs = append(probs, im.Problems...); len(probs) > 0 {
		return returnsRefused(env, l, probs, filled)
	}
	if len(im.Change.Files) == 0 {
		fmt.Fprintf(env.Stderr, "cpp: nothing to change: %s, all already recorded\n", words.Count(im.Answered(), "answered row", "answered rows"))
		return l.Finish()
	}
	d := changeDiff(l.Registry, im.Change.Before, im.Change.After)
	if err := printChanges(env, opts.Format, run.Style, d, render.Side{Rev: "the plans"}, opts.side(), nil); err != nil {
		return err
	}
	if opts.DryRun {
		return l.Finish()
	}
	var writes []planWrite
	for _, f := range im.Change.Files {
		writes = append(writes, planWrite{Path: f.Path, Data: f.Data, Stamp: f.Stamp})
	}
	if err := writePlans(env, run.Lock, writes); err != nil {
		return err
	}
	return l.Finish()
}

// side names the returns as the new side of the change.
func (opts *returnsImportOptions) side() render.Side {
	to := render.Side{Rev: opts.Files[0]}
	if len(opts.Files) > 1 {
		to.Rev = words.Count(len(opts.Files), "return", "returns")
	}
	if opts.DryRun {
		to.Rev += " (dry run: nothing written)"
	}
	return to
}

// returnsRefused lists the problems of the returns on stderr: nothing is written.
func returnsRefused(env *Env, l *loaded, probs []returns.Problem, filled []*returns.Filled) error {
	n, err := returns.WriteProblems(env.Stderr, probs, filled)
	if err != nil {
		return err
	}
	hint := "correct the rows named (or ask their leads to) and import again"
	if len(l.Broken) > 0 {
		hint += "; plan files with errors were not read (see above)"
	}
	return exitcode.Problemf(hint, "returns import: %s; nothing written", words.Count(n, "problem", "problems"))
}
