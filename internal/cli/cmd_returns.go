package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/returns"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func newReturnsCmd(env *Env, g *globalOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "returns",
		Short: "The quarterly return: a workbook (or CSV) for each lead to fill in, and the list of who to chase",
		Long: `The quarterly return with lead officers. 'returns export' makes the workbook each lead fills
in: one sheet per lead team listing its open actions, and a sheet for the measures that expect a
figure. 'returns missing' lists what has not come back for the quarter: open actions with no
update dated in it, and measures with no figure for it, by lead.`,
		SuggestionsMinimumDistance: 2,
		// A parent command: cobra leaves an unknown subcommand to RunE here, not to Args.
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(c, args[0])
			}
			return c.Help()
		},
	}
	c.AddCommand(newReturnsExportCmd(env, g), newReturnsMissingCmd(env, g))
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
	return c
}

// returnsOptions are the flags export and missing share.
type returnsOptions struct {
	Leads   []string
	Plans   []string
	Quarter string
	Format  string
	Paths   []string
}

func addReturnsFlags(c *cobra.Command, o *returnsOptions) {
	fl := c.Flags()
	// Not a StringSlice: a role such as "Team Manager: CLA, CSST, Family Safeguarding" has commas
	// of its own (see query.LeadValues).
	fl.StringArrayVar(&o.Leads, "lead", nil, "only these lead teams (any spelling the registry knows; repeat or separate with commas)")
	fl.StringSliceVar(&o.Plans, "plan", nil, "only these plans (ids)")
	fl.StringVarP(&o.Quarter, "quarter", "q", "", "the quarter of the return: Q3-2025 (each plan's convention) or Q3-2025/26 (financial); default this quarter")
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
	if o.Quarter != "" {
		if quarter, err = query.ParseQuarter(o.Quarter); err != nil {
			return nil, usageErrorf("", "invalid --quarter %s", strings.TrimPrefix(err.Error(), "invalid quarter "))
		}
	}
	l, err := loadPlans(env, o.Paths)
	if err != nil {
		return nil, err
	}
	plans := l.Plans
	if len(o.Plans) > 0 {
		plans = nil
		var ids []string
		for _, p := range l.Plans {
			if query.ContainsFold(o.Plans, p.ID) {
				plans = append(plans, p)
				ids = append(ids, p.ID)
			}
		}
		var unknown []string
		for _, id := range o.Plans {
			if !query.ContainsFold(ids, id) {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			explainEmpty(env, l, query.Filter{Plans: unknown})
			return nil, problemf("run 'cpp list' to see the plans", "no plan matches --plan %s", strings.Join(unknown, ","))
		}
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
  cpp returns export --format csv -o returns-q3.csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runReturnsExport(env, g, opts)
		},
	}
	addReturnsFlags(c, &opts.returnsOptions)
	fl := c.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically; never a plan file it reads); - for standard output, which must not be a terminal for xlsx")
	fl.StringVarP(&opts.Format, "format", "f", "", "xlsx or csv (default: csv for a FILE ending .csv, else xlsx)")
	fl.BoolVar(&opts.Measures, "measures", false, "with --format csv, write the measures that expect a figure instead of the actions")
	return c
}

func runReturnsExport(env *Env, g *globalOptions, opts *returnsExportOptions) error {
	formats := []string{"xlsx", "csv"}
	format := opts.Format
	if format == "" {
		format = "xlsx"
		if strings.EqualFold(filepath.Ext(opts.Output), ".csv") {
			format = "csv"
		}
	}
	if !slices.Contains(formats, format) {
		return badFormat(format, formats)
	}
	if opts.Measures && format != "csv" {
		return usageErrorf("the workbook has a Measures sheet of its own; --measures is for --format csv", "--measures goes with --format csv")
	}
	switch {
	case opts.Output == "" && format == "xlsx":
		return usageErrorf("name the workbook to write, as in -o returns.xlsx", "returns export writes a workbook: give -o FILE.xlsx")
	case opts.Output == "" || opts.Output == "-":
		if format == "xlsx" && env.IsTerminal(env.Stdout) {
			return usageErrorf("write it to a file with -o returns.xlsx, or send standard output to a file", "will not write a workbook to a terminal")
		}
	}
	run, err := startReturns(env, g, &opts.returnsOptions)
	if err != nil {
		return err
	}
	ret := run.ret
	if (opts.Measures && len(ret.Measures) == 0) || (!opts.Measures && ret.Empty()) {
		what := "no open actions or measures that expect a figure"
		if opts.Measures {
			what = "no measures that expect a figure"
		}
		return problemf("run 'cpp leads' to see the teams, and 'cpp list' the actions", "%s for this return; nothing written", what)
	}
	var buf bytes.Buffer
	switch {
	case format == "xlsx":
		err = returns.WriteXLSX(&buf, ret)
	case opts.Measures:
		err = returns.WriteMeasuresCSV(&buf, ret)
	default:
		err = returns.WriteCSV(&buf, ret)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
		return run.loaded.finish()
	}
	// Never written over a plan it was made from, however the path is spelt.
	if err := safewrite.Write(opts.Output, buf.Bytes(), safewrite.Options{Policy: safewrite.MayReplace, Inputs: run.loaded.Files}); err != nil {
		return writeFailed(err)
	}
	summary := plural(len(ret.Leads), "lead", "leads") + ", " + plural(ret.ActionCount(), "action row", "action rows") + ", " + plural(len(ret.Measures), "measure", "measures")
	if opts.Measures {
		summary = plural(len(ret.Measures), "measure", "measures")
	} else if format == "csv" {
		summary = plural(len(ret.Leads), "lead", "leads") + ", " + plural(ret.ActionCount(), "action row", "action rows")
	}
	fmt.Fprintf(env.Stderr, "cpp: wrote %s: the return for %s (%s)\n", opts.Output, ret.Quarter.Describe(ret.Plans), summary)
	return run.loaded.finish()
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
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.Formats, ", "))
	return c
}

func runReturnsMissing(env *Env, g *globalOptions, opts *returnsOptions) error {
	if !slices.Contains(render.Formats, opts.Format) {
		return badFormat(opts.Format, render.Formats)
	}
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
	switch opts.Format {
	case "json":
		err = render.WriteJSON(env.Stdout, returns.MissingJSON(ret, chase))
	case "csv":
		err = render.WriteCSV(env.Stdout, returns.MissingColumns, returns.MissingRows(chase))
	default:
		err = printer(opts.Format, st).Print(env.Stdout, returns.MissingDoc(ret, chase))
	}
	if err != nil {
		return err
	}
	return run.loaded.finish()
}
