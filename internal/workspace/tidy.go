package workspace

import (
	"bytes"
	"fmt"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/tidy"
)

// Tidied is what cpp fmt found in the plan files: the layout problems left (with check, those to
// fix), sorted, and the text of each file they point into.
type Tidied struct {
	Files   int
	Diags   []diag.Diagnostic
	Sources diag.Sources
}

// Tidy checks the layout of the plan files in paths (as given, or the repository's plans/) and,
// unless check, fixes it in place under the plans' lock, saying on Notices which it formatted.
func (e Env) Tidy(paths []string, check bool) (*Tidied, error) {
	files, err := e.planFiles(paths, "check")
	if err != nil {
		return nil, err
	}
	if !check {
		lk, err := e.Lock(files)
		if err != nil {
			return nil, err
		}
		defer lk.Release()
	}
	t := &Tidied{Files: len(files), Sources: diag.Sources{}}
	for _, f := range files {
		ds, err := e.tidyFile(f, check, t.Sources)
		if err != nil {
			return nil, err
		}
		t.Diags = append(t.Diags, ds...)
	}
	diag.Sort(t.Diags)
	return t, nil
}

// tidyFile checks the layout of one file, and fixes it unless check, keeping the text it read
// (or wrote) in src for the diagnostics.
func (e Env) tidyFile(f string, check bool, src diag.Sources) ([]diag.Diagnostic, error) {
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
			return nil, WriteFailed(err)
		}
		fmt.Fprintf(e.Notices, "cpp: formatted %s\n", f)
		src[f] = fixed
	}
	return tidy.Check(f, fixed), nil // what Fix leaves: tabs in indentation
}
