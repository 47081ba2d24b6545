package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/validate"
)

type validateOptions struct {
	Paths  []string
	Format string
	Strict bool
	// Check is what the repo config and the flags turn on beyond the default checks.
	Check validate.Options
}

func newValidateCmd(env *Env) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check plan files and report every problem with its file, line and column",
		Long: `Check plan files: YAML syntax, unknown fields, types, required values, deadlines, ids
unique across the repository, links between plans, the lead registry, repeated actions, deadlines
outside a plan's period, personal data, what a plan shares with young people, and control
characters in plan text. With no PATH, reads the repository's plans/ folder.

--plain-english also checks the text shown to young people (promises or plain:, you_said,
action text or plain:, shared updates) against plain-English guidance: sentences over 25 words,
passages averaging over 15, jargon, acronyms not spelt out; and gives each section's estimated
reading age (Flesch-Kincaid grade + 5), warning above 11.

Exit status: 0 when there are no errors (and, with --strict, no warnings); 1 when there are;
2 for bad usage.`,
		Example: `  cpp validate
  cpp validate plans/camden-corporate-parenting.yaml
  cpp validate --format github --strict`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runValidate(env, opts)
		},
	}
	format := formatFlag(&opts.Format, textFormat, diagFormats...)
	c.Flags().Var(format, "format", format.help("output format"))
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings as well as errors")
	c.Flags().BoolVar(&opts.Check.PlainEnglish, "plain-english", false, "check the text shown to young people against plain-English guidance, and give each section's reading age")
	return c
}

func runValidate(env *Env, opts *validateOptions) error {
	paths, err := planPaths(env, opts.Paths)
	if err != nil {
		return err
	}
	files, ds := planfile.Expand(paths)
	// Files named one by one (as pre-commit passes them) are checked against the rest of their
	// repository, so that links and ids in other plan files count; only their own problems are shown.
	context := planfile.Context(files)
	loaded := planfile.LoadAll(append(files, context...), planfile.Options{})
	repo := validate.NewRepo(loaded)
	ds = append(ds, validate.Only(validate.RunWith(repo, opts.Check), files)...)
	diag.Sort(ds)
	sum := validate.Summarise(validate.NewRepo(loaded[:len(files)]), ds)
	if len(files) == 0 && len(ds) == 0 {
		return problemf("put plan files (.yaml) in the folder, or pass the files to check", "no plan files found in %s", joinPaths(paths))
	}

	if err := printValidation(env, opts, loaded, len(files), ds, sum); err != nil {
		return err
	}
	if opts.Format != "json" {
		fmt.Fprintf(env.Stderr, "cpp validate: %s\n", sum)
	}
	if sum.Errors > 0 || (opts.Strict && sum.Warnings > 0) {
		return &silentExit{code: ExitProblem}
	}
	return nil
}

// printValidation prints the diagnostics and, with --plain-english, each section's reading age:
// the first n files loaded are those checked, the rest their context.
func printValidation(env *Env, opts *validateOptions, loaded []*planfile.File, n int, ds []diag.Diagnostic, sum diag.Summary) error {
	src := diag.Sources{}
	for _, f := range loaded {
		src[f.Path] = f.Data
	}
	var ages []validate.SectionReading
	if opts.Check.PlainEnglish {
		_, ages = validate.PlainEnglish(validate.NewRepo(loaded[:n]), opts.Check)
	}
	if opts.Format == "json" && opts.Check.PlainEnglish {
		return diag.WriteJSONWith(env.Stdout, ds, sum, "reading_ages", ages)
	}
	err := printDiags(env, opts.Format, ds, sum, src)
	if err == nil && opts.Format == textFormat {
		err = validate.WriteReadingAges(env.Stdout, ages)
	}
	return err
}
