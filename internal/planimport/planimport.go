// Package planimport makes a new plan file in a plan repository from a council's action table:
// it reads the table (tabular), maps it to a plan (importer), checks the plan as cpp validate
// would among the plans it joins (validate), says what it made, and writes it, never over a file.
package planimport

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/config"
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
	"github.com/cpp-plans/cpp/internal/workspace"
)

// Request says which table to import, as what, and where to.
type Request struct {
	File                      string
	ID, Title, Council        string
	Quarters, Period, MapFile string // Quarters: calendar or financial, as --quarters gives it
	Sheet                     string
	// Output is the plan file to write: "" for plans/ID.yaml in the repository, "-" to print it.
	Output string
	DryRun bool
	// QuartersGiven says Quarters was given; otherwise Config's quarters are used.
	QuartersGiven bool
	// Config is the repository's cpp.yaml: it gives what the request leaves out.
	Config *config.Config
	Today  time.Time
	// Getwd is where the repository's plans/ folder is looked for.
	Getwd func() (string, error)
	// Lock takes the write lock of the folder the plan goes in.
	Lock func(dirs []string) (*safewrite.Lock, error)
	// Messages is told what was made of the table, the errors that stop it, and what was written.
	Messages io.Writer
}

// Imported is the plan made; Printed says it was not written, for a dry run or -o -, and is the
// command's to print.
type Imported struct {
	Data    []byte
	Printed bool
}

// Run imports the table. Its errors carry their exit codes.
func Run(r Request) (*Imported, error) {
	o, err := r.options()
	if err != nil {
		return nil, err
	}
	// -o - prints the plan, as a dry run does, after the same checks.
	if r.Output == "-" {
		r.DryRun, r.Output = true, ""
	}
	target, err := r.target()
	if err != nil {
		return nil, err
	}
	// The folder the plan goes in is locked before the plans beside it are read: two imports of
	// one id, or an update meanwhile, wait for each other.
	if target != "" && !r.DryRun {
		lk, err := r.Lock([]string{filepath.Dir(target)})
		if err != nil {
			return nil, err
		}
		defer lk.Release()
	}
	joins := joining(target)
	o.Registry = joins.registry()
	res, err := importTable(r.File, o)
	if err != nil {
		return nil, err
	}
	if err := r.check(target, res, joins); err != nil {
		return nil, err
	}
	if r.DryRun {
		return &Imported{Data: res.Data, Printed: true}, nil
	}
	if err := r.write(target, res, joins); err != nil {
		return nil, err
	}
	return &Imported{Data: res.Data}, nil
}

// options fills in from cpp.yaml what the request leaves out, and turns it into the importer's
// options (importer.Given checks them).
func (r *Request) options() (importer.Options, error) {
	if cfg := r.Config; cfg != nil {
		if !r.QuartersGiven && cfg.QuartersSet {
			r.Quarters = cfg.Quarters.String()
		}
		if strings.TrimSpace(r.Council) == "" && cfg.Council != "" {
			r.Council = cfg.Council
		}
		if r.MapFile == "" {
			r.MapFile = cfg.Import.Map
		}
	}
	conv, _ := deadline.ParseConvention(r.Quarters)
	o, err := importer.Given{File: r.File, ID: r.ID, Title: r.Title, Council: r.Council, Quarters: conv,
		Period: r.Period, MapFile: r.MapFile, Sheet: r.Sheet}.Options(r.Today)
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

// target is the file to write: Output, else plans/ID.yaml in the repository. A dry run needs
// none.
func (r *Request) target() (string, error) {
	if r.Output != "" {
		return r.Output, nil
	}
	wd, err := r.Getwd()
	if err != nil {
		return "", exitcode.Failuref("cannot find the working directory: %s", err)
	}
	dir, ok := planfile.FindPlansDir(wd)
	if !ok {
		if r.DryRun {
			return "", nil
		}
		return "", exitcode.Usagef("give the file to write with -o, or run cpp init first to make a plan repository",
			"no plans/ folder here or in any parent folder")
	}
	if rel, err := filepath.Rel(wd, dir); err == nil {
		dir = rel
	}
	return filepath.Join(dir, r.ID+".yaml"), nil
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

// check validates the plan among the repository's files, writes the summary to Messages, and
// refuses a plan with errors, naming them.
func (r *Request) check(target string, res *importer.Result, joins repoJoined) error {
	name := target
	if name == "" {
		name = "plans/" + r.ID + ".yaml"
	}
	files := append(planfile.ParseAll([]string{name}, map[string][]byte{name: res.Data}, planfile.Options{}), joins.files...)
	ds := validate.Only(validate.Run(validate.NewRepo(files)), []string{name})
	res.WriteSummary(r.Messages, r.File, r.MapFile, ds)
	errs, _ := diag.Count(ds)
	if errs == 0 {
		return nil
	}
	src := diag.Sources{name: res.Data}
	for _, d := range ds {
		if d.Severity == diag.Error {
			diag.WriteText(r.Messages, []diag.Diagnostic{d}, src)
		}
	}
	return exitcode.Problemf("the table itself is fine to read: change --id, or the file the error names, and import again",
		"the plan would not validate (%s); nothing written", words.Count(errs, "error", "errors"))
}

// write writes the new plan, never over a file, nor over any file it was made from.
func (r *Request) write(target string, res *importer.Result, joins repoJoined) error {
	inputs := append([]string{r.File}, joins.paths...)
	if r.MapFile != "" {
		inputs = append(inputs, r.MapFile)
	}
	err := safewrite.Write(target, res.Data, safewrite.Options{Policy: safewrite.MustNotExist, Inputs: inputs, Limit: planfile.MaxSize})
	var se *safewrite.Error
	if errors.As(err, &se) && se.Kind == safewrite.Exists {
		return exitcode.Problemf("cpp import never overwrites a file: give another -o, or move "+target+" away first",
			"cannot write %s: it already exists; nothing written", target)
	}
	if err != nil {
		return workspace.WriteFailed(err)
	}
	fmt.Fprintf(r.Messages, "cpp: wrote %s; next: cpp validate\n", target)
	return nil
}
