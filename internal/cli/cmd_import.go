package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/importer"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/validate"
	"github.com/cpp-plans/cpp/internal/words"
)

type importOptions struct {
	File                      string
	ID, Title, Council        string
	Quarters, Period, MapFile string
	Sheet, Output             string
	DryRun                    bool
	// quartersGiven says --quarters was given; otherwise the repository's cpp.yaml may set it.
	quartersGiven bool
}

func newImportCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &importOptions{}
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
			opts.quartersGiven = c.Flags().Changed("quarters")
			return runImport(env, g, opts)
		},
	}
	addImportFlags(c, opts)
	return c
}

func addImportFlags(c *cobra.Command, opts *importOptions) {
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

func runImport(env *Env, g *globalOptions, opts *importOptions) error {
	o, err := importFlags(env, g, opts)
	if err != nil {
		return err
	}
	// -o - prints the plan, as --dry-run does, after the same checks.
	if opts.Output == "-" {
		opts.DryRun, opts.Output = true, ""
	}
	target, err := importTarget(env, opts)
	if err != nil {
		return err
	}
	// The folder the plan goes in is locked before the plans beside it are read: two imports of
	// one id, or an update meanwhile, wait for each other.
	if target != "" && !opts.DryRun {
		lk, err := lockPlans(env, []string{filepath.Dir(target)})
		if err != nil {
			return err
		}
		defer lk.Release()
	}
	joins := joining(target)
	o.Registry = joins.registry()
	res, err := importTable(opts.File, o)
	if err != nil {
		return err
	}
	if err := checkImported(env, opts, target, res, joins); err != nil {
		return err
	}
	if opts.DryRun {
		_, err := env.Stdout.Write(res.Data)
		return err
	}
	return writeImported(env, opts, target, res, joins)
}

// repoJoined is the repository a new plan joins: its plan files, which the plan is validated
// among so that an id another plan has is caught now, and whose registry decides which leads
// are new.
type repoJoined struct {
	paths []string
	files []*planfile.File
}

func joining(target string) repoJoined {
	var r repoJoined
	if target != "" {
		r.paths = planfile.Context([]string{target})
	}
	r.files = planfile.LoadAll(r.paths, planfile.Options{})
	return r
}

func (r repoJoined) registry() *plan.Registry {
	var leads []*plan.Lead
	for _, f := range r.files {
		if !f.HasErrors() {
			leads = append(leads, f.Leads...)
		}
	}
	return plan.NewRegistry(leads)
}

// importTable reads the table and makes the plan, refusing a table with no actions.
func importTable(file string, o importer.Options) (*importer.Result, error) {
	tables, err := tabular.Read(file, tabular.Options{Sheet: o.Sheet})
	if err != nil {
		return nil, tableReadFailed(file, err)
	}
	res, err := importer.Import(tables, o)
	var na *importer.NoActionsError
	var ue *importer.UnreadableError
	switch {
	case errors.As(err, &na):
		return nil, exitcode.Problemf(na.Hint(), "%s", na.Error())
	case errors.As(err, &ue):
		return nil, exitcode.Problemf(ue.Hint(), "%s", ue.Error())
	case err != nil:
		return nil, err
	case res.Actions == 0:
		return nil, exitcode.Problemf("check that the file is the action table, or choose another with --sheet",
			"%s has no actions below its header row (row %d); nothing written", importer.Place(file, res.Table, 0), res.HeaderLine)
	}
	return res, nil
}

// checkImported validates the plan among the repository's files, writes the summary on stderr,
// and refuses a plan with errors, naming them.
func checkImported(env *Env, opts *importOptions, target string, res *importer.Result, joins repoJoined) error {
	name := target
	if name == "" {
		name = "plans/" + opts.ID + ".yaml"
	}
	files := append(planfile.ParseAll([]string{name}, map[string][]byte{name: res.Data}, planfile.Options{}), joins.files...)
	ds := validate.Only(validate.Run(validate.NewRepo(files)), []string{name})
	res.WriteSummary(env.Stderr, opts.File, opts.MapFile, ds)
	errs, _ := diag.Count(ds)
	if errs == 0 {
		return nil
	}
	src := diag.Sources{name: res.Data}
	for _, d := range ds {
		if d.Severity == diag.Error {
			diag.WriteText(env.Stderr, []diag.Diagnostic{d}, src)
		}
	}
	return exitcode.Problemf("the table itself is fine to read: change --id, or the file the error names, and import again",
		"the plan would not validate (%s); nothing written", words.Count(errs, "error", "errors"))
}

// writeImported writes the new plan, never over a file, nor over any file it was made from.
func writeImported(env *Env, opts *importOptions, target string, res *importer.Result, joins repoJoined) error {
	inputs := append([]string{opts.File}, joins.paths...)
	if opts.MapFile != "" {
		inputs = append(inputs, opts.MapFile)
	}
	if err := safewrite.Write(target, res.Data, safewrite.Options{Policy: safewrite.MustNotExist, Inputs: inputs, Limit: planfile.MaxSize}); err != nil {
		var se *safewrite.Error
		if errors.As(err, &se) && se.Kind == safewrite.Exists {
			return exitcode.Problemf("cpp import never overwrites a file: give another -o, or move "+target+" away first",
				"cannot write %s: it already exists; nothing written", target)
		}
		return writeFailed(err)
	}
	fmt.Fprintf(env.Stderr, "cpp: wrote %s; next: cpp validate\n", target)
	return nil
}

// importFlags turns the flags into the importer's options (importer.Given checks them).
func importFlags(env *Env, g *globalOptions, opts *importOptions) (importer.Options, error) {
	// The repository's cpp.yaml fills in what the flags leave out.
	cfg, err := repoConfig(env)
	if err != nil {
		return importer.Options{}, err
	}
	if !opts.quartersGiven && cfg.QuartersSet {
		opts.Quarters = cfg.Quarters.String()
	}
	if strings.TrimSpace(opts.Council) == "" && cfg.Council != "" {
		opts.Council = cfg.Council
	}
	if opts.MapFile == "" {
		opts.MapFile = cfg.Import.Map
	}
	today, err := g.today(env)
	if err != nil {
		return importer.Options{}, err
	}
	conv, _ := deadline.ParseConvention(opts.Quarters) // checked by its flag
	o, err := importer.Given{File: opts.File, ID: opts.ID, Title: opts.Title, Council: opts.Council, Quarters: conv,
		Period: opts.Period, MapFile: opts.MapFile, Sheet: opts.Sheet}.Options(today)
	var ue *importer.UsageError
	var me *importer.MapError
	switch {
	case errors.As(err, &ue):
		return o, exitcode.Usagef(ue.Hint, "%s", ue.Message)
	case errors.As(err, &me):
		return o, exitcode.Usagef(me.Hint, "%s", me.Error())
	}
	return o, err
}

// importTarget is the file to write: -o, else plans/ID.yaml in the repository. A dry run needs
// none.
func importTarget(env *Env, opts *importOptions) (string, error) {
	if opts.Output != "" {
		return opts.Output, nil
	}
	wd, err := env.Getwd()
	if err != nil {
		return "", &exitcode.Error{Code: exitcode.Failure, Msg: "cannot find the working directory: " + err.Error()}
	}
	dir, ok := planfile.FindPlansDir(wd)
	if !ok {
		if opts.DryRun {
			return "", nil
		}
		return "", exitcode.Usagef("give the file to write with -o, or run cpp init first to make a plan repository",
			"no plans/ folder here or in any parent folder")
	}
	if rel, err := filepath.Rel(wd, dir); err == nil {
		dir = rel
	}
	return filepath.Join(dir, opts.ID+".yaml"), nil
}

// tableReadFailed says why the table could not be read: exit 1, with the reader's hint.
func tableReadFailed(file string, err error) error {
	var te *tabular.Error
	if errors.As(err, &te) {
		return exitcode.Problemf(te.Hint, "%s", te.Error())
	}
	var se *safewrite.Error
	if errors.As(err, &se) {
		if errors.Is(se.Err, os.ErrNotExist) {
			return exitcode.Problemf("check the file's name and folder", "cannot read %s: no such file", file)
		}
		return exitcode.Problemf(se.Hint(), "cannot read %s: %s", file, se.Reason())
	}
	return exitcode.Problemf("", "cannot read %s: %v", file, err)
}
