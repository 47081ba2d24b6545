package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/tidy"
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
	paths, err := planPaths(env, opts.Paths)
	if err != nil {
		return err
	}
	files, missing := planfile.Expand(paths)
	if len(missing) > 0 {
		return exitcode.Problemf(missing[0].Hint, "%s", missing[0].OneLine())
	}
	if len(files) == 0 {
		return exitcode.Problemf("put plan files (.yaml) in the folder, or pass the files to check", "no plan files found in %s", joinPaths(paths))
	}
	if !opts.Check {
		lk, err := lockPlans(env, files)
		if err != nil {
			return err
		}
		defer lk.Release()
	}
	var ds []diag.Diagnostic
	src := diag.Sources{}
	for _, f := range files {
		fds, err := fmtFile(env, f, opts.Check, src)
		if err != nil {
			return err
		}
		ds = append(ds, fds...)
	}
	diag.Sort(ds)
	if err := printDiags(env, opts.Format, ds, diag.Summary{Files: len(files), Errors: len(ds)}, src); err != nil {
		return err
	}
	if len(ds) > 0 {
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	return nil
}

// fmtFile checks the layout of one file, and fixes it unless check, keeping the text it read (or
// wrote) in src for the diagnostics.
func fmtFile(env *Env, f string, check bool, src diag.Sources) ([]diag.Diagnostic, error) {
	// What was read is stamped, so that the write is abandoned if an editor saves the file
	// meanwhile, rather than losing the editor's work.
	data, stamp, err := safewrite.Read(f, planfile.MaxSize)
	if err != nil {
		d := planfile.ReadError(f, err)
		return nil, exitcode.Problemf(d.Hint, "%s", d.OneLine())
	}
	src[f] = data
	fixed := tidy.Fix(data)
	if !bytes.Equal(fixed, data) {
		// A fix that would change a value (spaces inside a | block are text) is not made,
		// and --check says so rather than telling the user to run cpp fmt.
		if d, unsafe := tidy.Verify(f, data, fixed); unsafe {
			return []diag.Diagnostic{d}, nil
		}
	}
	if check {
		return tidy.Check(f, data), nil
	}
	if !bytes.Equal(fixed, data) {
		if err := safewrite.Write(f, fixed, safewrite.Options{Policy: safewrite.MustExist, Expect: &stamp}); err != nil {
			return nil, writeFailed(err)
		}
		fmt.Fprintf(env.Stderr, "cpp: formatted %s\n", f)
		src[f] = fixed
	}
	return tidy.Check(f, fixed), nil // what Fix leaves: tabs in indentation
}
