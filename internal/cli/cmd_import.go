package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/planimport"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func newImportCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &planimport.Request{}
	c := &cobra.Command{
		Use:   "import FILE --id ID --title TEXT --council NAME",
		Short: "Make a plan file from an action table: CSV, TSV, an Excel workbook or a Word document",
		Long: `Read an action table (.csv, .tsv, .xlsx or .docx) and write a new plan file that passes
cpp validate, to plans/ID.yaml (or -o). Columns are found by their headers (Action, Deadline,
Timescale, By when, Lead, Lead officer(s), RAG, Status, Progress, Measure, Outcome, Ref, Theme,
...); a --map file names the columns of any other layout. Rows that span the table start
sections; an action cell merged over several rows, or rows with no action below an action, give
lettered sub-actions. Deadlines are kept as written; a cell the plan format cannot hold (a
deadline cpp cannot read, a person's name as a lead, a column it does not know) is kept as a
comment beside its action and listed in the summary on stderr, with the leads to add to the
lead registry.

It never overwrites a file; the plan is checked as cpp validate checks it before it is written,
and not written if it has errors. --dry-run prints the plan and writes nothing.

Exit status: 0 when the plan is written (or printed); 1 when the table has no column of actions,
the file cannot be read, the output exists or the plan would not validate; 2 for bad usage.`,
		Example: `  cpp import action-plan.xlsx --id riverside-ap --title "Corporate Parenting Action Plan 2025-2028" --council "Riverside Council"
  cpp import plan.docx --id riverside-ap --title "Action Plan" --council "Riverside Council" --sheet "table 2" --dry-run
  cpp import plan.csv --id riverside-ap --title "Action Plan" --council "Riverside Council" --map columns.yaml -o plans/ap.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			opts.QuartersGiven = c.Flags().Changed("quarters")
			return runImport(env, g, opts)
		},
	}
	addImportFlags(c, opts)
	return c
}

func addImportFlags(c *cobra.Command, opts *planimport.Request) {
	fl := c.Flags()
	fl.StringVar(&opts.ID, "id", "", "the plan's id: lower-case letters, digits, '-' and '.' (required)")
	fl.StringVar(&opts.Title, "title", "", "the plan's title, as the document gives it (required)")
	fl.StringVar(&opts.Council, "council", "", "the council's name (required, unless cpp.yaml gives it)")
	fl.Var(quartersFlag(&opts.Quarters), "quarters", "how the plan reads \"Q3 2025\": calendar or financial (default: cpp.yaml's quarters, else calendar)")
	fl.StringVar(&opts.Period, "period", "", "the plan's period as a deadline is written: 2025-2028, 2025/26 (default: the years its deadlines fall in)")
	fl.StringVar(&opts.MapFile, "map", "", "a YAML file naming the field of each column header (default: cpp.yaml's import.map)")
	fl.StringVar(&opts.Sheet, "sheet", "", "the workbook sheet, or the document's table (\"table 2\"), to read (default: the first with a column of actions)")
	fl.StringVarP(&opts.Output, "output", "o", "", "the plan file to write, which must not exist (default: plans/ID.yaml in the repository); - prints it")
	fl.BoolVarP(&opts.DryRun, "dry-run", "n", false, "print the plan and write nothing")
}

func runImport(env *Env, g *globalOptions, opts *planimport.Request) error {
	opts.Getwd, opts.Messages = env.Getwd, env.Stderr
	opts.Lock = func(dirs []string) (*safewrite.Lock, error) { return lockPlans(env, dirs) }
	var err error
	// The repository's cpp.yaml fills in what the flags leave out.
	if opts.Config, err = repoConfig(env); err != nil {
		return err
	}
	if opts.Today, err = g.today(env); err != nil {
		return err
	}
	imp, err := planimport.Run(*opts)
	if err != nil || !imp.Printed {
		return err
	}
	_, err = env.Stdout.Write(imp.Data)
	return err
}
