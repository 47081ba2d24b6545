package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/validate"
)

type validateOptions struct {
	validate.Request
	Format string
	Strict bool
}

func newValidateCmd(env *Env) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check plan files and report every problem with its file, line and column",
		Long: `Check plan files: YAML syntax, unknown fields, types, required values, deadlines, ids
unique across the repository, links between plans, the lead registry, repeated actions, deadlines
outside a plan's period, personal data, what a plan shares with young people, and control
characters in plan text. With no PATH, reads the repository's plans/ folder and its settings,
cpp.yaml (a PATH named cpp.yaml is checked as settings too). PATH - reads one plan from standard
input, named <stdin> in what is reported, and checks it against the repository's other plans (a
file holding a plan with the same id is the one it stands in for), for editors and hooks.

--plain-english (or plain_english: true in cpp.yaml) also checks the text shown to young people
(promises or plain:, you_said, action text or plain:, shared updates) against plain-English
guidance: sentences over 25 words, passages averaging over 15, jargon, acronyms not spelt out
(cpp.yaml's glossary spells some out); and gives each section's estimated reading age
(Flesch-Kincaid grade + 5), warning above 11.

Exit status: 0 when there are no errors (and, with --strict, no warnings); 1 when there are;
2 for bad usage.`,
		Example: `  cpp validate
  cpp validate plans/camden-corporate-parenting.yaml
  cpp validate --format github --strict
  cpp validate - < plans/camden-kinship.yaml`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			opts.PlainGiven = c.Flags().Changed("plain-english")
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
	opts.Stdin, opts.Getwd = env.Stdin, env.Getwd
	if len(opts.Paths) == 0 {
		var err error
		if opts.Repo, err = planPaths(env, nil); err != nil {
			return err
		}
	}
	rep, err := validate.Check(opts.Request)
	if err != nil {
		return err
	}
	return printValidation(env, opts, rep)
}

// printValidation prints the diagnostics and the reading ages in the chosen format, the summary
// on stderr, and ends with the exit status they call for.
func printValidation(env *Env, opts *validateOptions, rep *validate.Report) error {
	var err error
	if opts.Format == "json" && rep.PlainEnglish {
		err = diag.WriteJSONWith(env.Stdout, rep.Diags, rep.Summary, "reading_ages", rep.Ages)
	} else if err = printDiags(env, opts.Format, rep.Diags, rep.Summary, rep.Sources); err == nil && opts.Format == textFormat {
		err = validate.WriteReadingAges(env.Stdout, rep.Ages)
	}
	if err != nil {
		return err
	}
	if opts.Format != "json" {
		fmt.Fprintf(env.Stderr, "cpp validate: %s\n", rep.Summary)
	}
	if rep.Fails(opts.Strict) {
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	return nil
}
