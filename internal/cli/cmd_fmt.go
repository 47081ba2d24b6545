package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
)

type fmtOptions struct {
	Paths  []string
	Check  bool
	Format string
}

func newFmtCmd(env *Env) *cobra.Command {
	opts := &fmtOptions{}
	c := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Check or fix the layout of plan files: line endings, trailing spaces, final newline, BOM",
		Long: `Checks the layout of plan files, which makes diffs noisy when it varies: CRLF line endings,
spaces or tabs at the ends of lines, a missing or doubled final newline, a byte order mark, and tabs
in indentation. Without --check it fixes them in place, atomically, leaving every value, comment
and key in the order written; a read-only file is left alone, and a file that changes while cpp
fmt works on it (an editor saving it) is not written. Tabs in indentation are reported, never fixed: the number of spaces
a tab stands for decides the YAML structure. A file whose text would change (spaces inside a | or
> block are part of the text) is left as it is, and said so.

Exit status: 0 when every file is tidy (or was tidied); 1 when a file needs formatting (--check)
or has layout cpp fmt cannot fix; 2 for bad usage.`,
		Example: `  cpp fmt --check
  cpp fmt plans/camden-corporate-parenting.yaml`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runFmt(env, opts)
		},
	}
	c.Flags().BoolVar(&opts.Check, "check", false, "change nothing; report what needs formatting and exit 1 if anything does")
	format := formatFlag(&opts.Format, textFormat, diagFormats...)
	c.Flags().Var(format, "format", format.help("output format"))
	return c
}

func runFmt(env *Env, opts *fmtOptions) error {
	t, err := workspaceOf(env).Tidy(opts.Paths, opts.Check)
	if err != nil {
		return err
	}
	if err := printDiags(env, opts.Format, t.Diags, diag.Summary{Files: t.Files, Errors: len(t.Diags)}, t.Sources); err != nil {
		return err
	}
	if len(t.Diags) > 0 {
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	return nil
}
