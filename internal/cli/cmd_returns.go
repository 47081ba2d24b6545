package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/returns"
	"github.com/cpp-plans/cpp/internal/workspace"
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

// startReturns resolves the day and the quarter (read in cpp.yaml's convention), loads the plans,
// keeps those --plan names and builds the return. A --plan that matches no plan stops the
// command, as it does the report: a return that silently leaves out a plan would never be chased.
func startReturns(env *Env, g *globalOptions, o *returnsOptions) (*workspace.Loaded, *returns.Return, error) {
	today, err := g.today(env)
	if err != nil {
		return nil, nil, err
	}
	quarter, err := returnsQuarter(env, today, o.Quarter.given)
	if err != nil {
		return nil, nil, err
	}
	l, err := loadPlans(env, o.Paths)
	if err != nil {
		return nil, nil, err
	}
	plans, err := plansNamed(env, l, o.Plans)
	if err != nil {
		return nil, nil, err
	}
	leads := query.LeadValues(o.Leads, l.Plans, l.Registry)
	workspaceOf(env).ExplainUnmatched(l, query.Filter{Leads: leads})
	return l, returns.Build(plans, l.Registry, returns.Options{Today: today, Quarter: quarter, Leads: leads}), nil
}

// returnsQuarter is the quarter asked for; cpp.yaml is read only when one is given.
func returnsQuarter(env *Env, today time.Time, given string) (query.Window, error) {
	var conv *deadline.Convention
	if given != "" {
		cfg, err := repoConfig(env)
		if err != nil {
			return query.Window{}, err
		}
		if cfg.QuartersSet {
			conv = &cfg.Quarters
		}
	}
	return returns.QuarterAsked(today, given, conv)
}

type returnsExportOptions struct {
	returnsOptions
	returns.ExportOptions // BOMGiven and Terminal are set when it runs
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
			opts.BOMGiven = c.Flags().Changed("bom")
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
	opts.Terminal = env.IsTerminal(env.Stdout)
	export, err := returns.CheckExport(opts.ExportOptions)
	if err != nil {
		return err
	}
	l, ret, err := startReturns(env, g, &opts.returnsOptions)
	if err != nil {
		return err
	}
	// Never written over a plan it was made from, however the path is spelt.
	save := func(path string, data []byte, about string) error {
		return writeOutput(env, path, data, l.Files, about)
	}
	if err := export.Write(ret, save, env.Stderr); err != nil {
		return err
	}
	return l.Finish()
}

type returnsMissingOptions struct {
	returnsOptions
	Format string
}

func newReturnsMissingCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &returnsMissingOptions{}
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
	addReturnsFlags(c, &opts.returnsOptions)
	format := formatFlag(&opts.Format, textFormat, missingFormats...)
	c.Flags().VarP(format, "format", "f", format.help("output format"))
	return c
}

// missingFormats are the formats of the chasing list: the listings' text formats.
var missingFormats = []string{textFormat, "markdown", "csv", "json"}

func runReturnsMissing(env *Env, g *globalOptions, opts *returnsMissingOptions) error {
	st, err := g.style(env)
	if err != nil {
		return err
	}
	l, ret, err := startReturns(env, g, &opts.returnsOptions)
	if err != nil {
		return err
	}
	chase := ret.Missing()
	out := &render.Listing{Doc: returns.MissingDoc(ret, chase), Columns: returns.MissingColumns,
		Records: func() any { return returns.MissingJSON(ret, chase) }, Cells: func() [][]string { return returns.MissingRows(chase) }}
	if err := printListing(env, opts.Format, st, out); err != nil {
		return err
	}
	return l.Finish()
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
	im, err := returns.ImportFiles(opts.Files, l.Plans, returns.ImportOptions{Date: run.Day, Broken: len(l.Broken) > 0, Problems: env.Stderr})
	if err != nil {
		return err
	}
	if note := im.Unchanged(); note != "" {
		fmt.Fprintln(env.Stderr, "cpp: "+note)
		return l.Finish()
	}
	d := workspace.ChangeDiff(l.Registry, im.Change.Before, im.Change.After)
	to := returns.ImportSide(opts.Files, opts.DryRun)
	if err := printChanges(env, opts.Format, run.Style, d, render.Side{Rev: "the plans"}, to, nil); err != nil {
		return err
	}
	if opts.DryRun {
		return l.Finish()
	}
	var writes []workspace.PlanWrite
	for _, f := range im.Change.Files {
		writes = append(writes, workspace.PlanWrite(f))
	}
	if err := writePlans(env, run.Lock, writes); err != nil {
		return err
	}
	return l.Finish()
}
