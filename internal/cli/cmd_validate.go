package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/validate"
)

type validateOptions struct {
	Paths  []string
	Format string
	Strict bool
	// Check is what the repo config and the flags turn on beyond the default checks.
	Check validate.Options
	// plainGiven says --plain-english was given; otherwise cpp.yaml's plain_english decides.
	plainGiven bool
}

// fromConfig turns on what the repository's cpp.yaml asks for and the flags leave alone.
func (opts *validateOptions) fromConfig(cfg *config.Config) {
	if !opts.plainGiven && cfg.PlainEnglish {
		opts.Check.PlainEnglish = true
	}
	if len(cfg.Glossary) > 0 {
		opts.Check.Glossary = map[string]string{}
		for _, t := range cfg.Glossary {
			opts.Check.Glossary[t.Term] = t.Meaning
		}
	}
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
			opts.plainGiven = c.Flags().Changed("plain-english")
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
	if slices.Contains(opts.Paths, "-") {
		return validateStdin(env, opts)
	}
	// The settings are checked with the repository, or when named.
	cfg, cfgDs := &config.Config{}, []diag.Diagnostic(nil)
	args := slices.DeleteFunc(slices.Clone(opts.Paths), func(p string) bool { return filepath.Base(p) == config.FileName })
	if len(args) < len(opts.Paths) {
		for _, p := range opts.Paths {
			if filepath.Base(p) == config.FileName {
				cfg, cfgDs = readConfigFile(p)
			}
		}
	} else if len(opts.Paths) == 0 {
		wd, err := env.Getwd()
		if err != nil {
			return &exitcode.Error{Code: exitcode.Failure, Msg: "cannot find the working directory: " + err.Error()}
		}
		cfg, cfgDs = config.Load(wd)
	}
	opts.fromConfig(cfg)
	var paths, files []string
	var ds []diag.Diagnostic
	if len(args) > 0 || len(opts.Paths) == 0 {
		var err error
		if paths, err = planPaths(env, args); err != nil {
			return err
		}
		files, ds = planfile.Expand(paths)
	}
	// Files named one by one (as pre-commit passes them) are checked against the rest of their
	// repository, so that links and ids in other plan files count; only their own problems are shown.
	context := planfile.Context(files)
	loaded := planfile.LoadAll(append(files, context...), planfile.Options{})
	repo := validate.NewRepo(loaded)
	ds = append(ds, validate.Only(validate.RunWith(repo, opts.Check), files)...)
	ds = append(ds, cfgDs...)
	diag.Sort(ds)
	sum := validate.Summarise(validate.NewRepo(loaded[:len(files)]), ds)
	if cfg.Path != "" {
		sum.Files++
	}
	if len(files) == 0 && len(ds) == 0 && cfg.Path == "" {
		return exitcode.Problemf("put plan files (.yaml) in the folder, or pass the files to check", "no plan files found in %s", joinPaths(paths))
	}

	src := diag.Sources{}
	for _, f := range loaded {
		src[f.Path] = f.Data
	}
	if cfg.Path != "" {
		src[cfg.Path] = cfg.Data
	}
	var ages []validate.SectionReading
	if opts.Check.PlainEnglish {
		_, ages = validate.PlainEnglish(validate.NewRepo(loaded[:len(files)]), opts.Check)
	}
	return printValidation(env, opts, ds, sum, src, ages)
}

// readConfigFile checks a cpp.yaml named on the command line.
func readConfigFile(path string) (*config.Config, []diag.Diagnostic) {
	data, err := safewrite.ReadFile(path, 1<<20)
	if err != nil {
		return &config.Config{Path: path}, []diag.Diagnostic{{File: path, Severity: diag.Error, Rule: "config",
			Message: "cannot read the settings: " + safewrite.Reason(err), Hint: "check the file's name and folder"}}
	}
	return config.Parse(path, data)
}

// stdinName names the plan read from standard input in diagnostics.
const stdinName = "<stdin>"

// validateStdin checks one plan read from standard input (an editor's unsaved buffer, a hook's
// staged blob) among the repository's other plans: the file on disk holding a plan with the same
// id is the one it stands in for, and is left out.
func validateStdin(env *Env, opts *validateOptions) error {
	if len(opts.Paths) > 1 {
		return exitcode.Usagef("run cpp validate - alone, with the plan on standard input", "- reads one plan from standard input: give no other PATH with it")
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, planfile.MaxSize+1))
	if err != nil {
		return &exitcode.Error{Code: exitcode.Failure, Msg: "cannot read standard input: " + err.Error()}
	}
	if len(data) > planfile.MaxSize {
		return exitcode.Problemf("a plan file is at most a few megabytes", "standard input is larger than %d bytes", planfile.MaxSize)
	}
	wd, wdErr := env.Getwd()
	if wdErr == nil {
		cfg, _ := config.Load(wd) // its problems are reported when the repository is validated
		opts.fromConfig(cfg)
	}
	f := planfile.Parse(stdinName, data, planfile.Options{})
	loaded := []*planfile.File{f}
	if wdErr == nil {
		if dir, ok := planfile.FindPlansDir(wd); ok {
			if rel, err := filepath.Rel(wd, dir); err == nil {
				dir = rel
			}
			others, _ := planfile.Expand([]string{dir})
			for _, o := range planfile.LoadAll(others, planfile.Options{}) {
				if f.Plan != nil && o.Plan != nil && o.Plan.ID == f.Plan.ID {
					continue
				}
				loaded = append(loaded, o)
			}
		}
	}
	repo := validate.NewRepo(loaded)
	ds := validate.Only(validate.RunWith(repo, opts.Check), []string{stdinName})
	diag.Sort(ds)
	sum := validate.Summarise(validate.NewRepo(loaded[:1]), ds)
	var ages []validate.SectionReading
	if opts.Check.PlainEnglish {
		_, ages = validate.PlainEnglish(validate.NewRepo(loaded[:1]), opts.Check)
	}
	return printValidation(env, opts, ds, sum, diag.Sources{stdinName: data}, ages)
}

// printValidation prints the diagnostics and the reading ages in the chosen format, the summary
// on stderr, and ends with the exit status they call for.
func printValidation(env *Env, opts *validateOptions, ds []diag.Diagnostic, sum diag.Summary, src diag.Sources, ages []validate.SectionReading) error {
	var err error
	if opts.Format == "json" && opts.Check.PlainEnglish {
		err = diag.WriteJSONWith(env.Stdout, ds, sum, "reading_ages", ages)
	} else if err = printDiags(env, opts.Format, ds, sum, src); err == nil && opts.Format == textFormat {
		err = validate.WriteReadingAges(env.Stdout, ages)
	}
	if err != nil {
		return err
	}
	if opts.Format != "json" {
		fmt.Fprintf(env.Stderr, "cpp validate: %s\n", sum)
	}
	if sum.Errors > 0 || (opts.Strict && sum.Warnings > 0) {
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	return nil
}
