package validate

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Request says what cpp validate checks.
type Request struct {
	// Paths are the plan files and folders named, a cpp.yaml among them (checked as settings),
	// or "-" alone: one plan read from Stdin. With none, Repo and the repository's cpp.yaml are
	// checked.
	Paths []string
	Repo  []string
	Stdin io.Reader
	// Getwd is where the repository's cpp.yaml and plans are found.
	Getwd func() (string, error)
	// Check is what the flags turn on; cpp.yaml turns on more.
	Check Options
	// PlainGiven says --plain-english was given; otherwise cpp.yaml's plain_english decides.
	PlainGiven bool
}

// Report is what a check found: the diagnostics, their summary, the text they quote, and each
// section's reading age when the plain-English checks ran.
type Report struct {
	Diags   []diag.Diagnostic
	Summary diag.Summary
	Sources diag.Sources
	Ages    []SectionReading
	// PlainEnglish says the plain-English checks ran, as the flags or cpp.yaml asked.
	PlainEnglish bool
}

// Fails says whether the report ends cpp validate with exit 1: errors, or with strict, warnings.
func (r *Report) Fails(strict bool) bool {
	return r.Summary.Errors > 0 || (strict && r.Summary.Warnings > 0)
}

// StdinName names the plan read from standard input in diagnostics.
const StdinName = "<stdin>"

// Check checks the plan files and settings the request names.
func Check(req Request) (*Report, error) {
	if slices.Contains(req.Paths, "-") {
		return checkStdin(req)
	}
	cfg, cfgDs, err := req.settings()
	if err != nil {
		return nil, err
	}
	req.fromConfig(cfg)
	paths := slices.DeleteFunc(slices.Clone(req.Paths), func(p string) bool { return filepath.Base(p) == config.FileName })
	if len(req.Paths) == 0 {
		paths = req.Repo
	}
	var files []string
	var ds []diag.Diagnostic
	if len(paths) > 0 {
		files, ds = planfile.Expand(paths)
	}
	// Files named one by one (as pre-commit passes them) are checked against the rest of their
	// repository, so that links and ids in other plan files count; only their own problems are shown.
	loaded := planfile.LoadAll(append(files, planfile.Context(files)...), planfile.Options{})
	ds = append(ds, Only(RunWith(NewRepo(loaded), req.Check), files)...)
	ds = append(ds, cfgDs...)
	if len(files) == 0 && len(ds) == 0 && cfg.Path == "" {
		return nil, exitcode.Problemf("put plan files (.yaml) in the folder, or pass the files to check", "no plan files found in %s", strings.Join(paths, ", "))
	}
	rep := req.report(loaded[:len(files)], ds)
	for _, f := range loaded {
		rep.Sources[f.Path] = f.Data
	}
	if cfg.Path != "" {
		rep.Summary.Files++
		rep.Sources[cfg.Path] = cfg.Data
	}
	return rep, nil
}

// report sums up the diagnostics of the files checked, and gives their sections' reading ages
// when the plain-English checks ran.
func (req *Request) report(checked []*planfile.File, ds []diag.Diagnostic) *Report {
	diag.Sort(ds)
	rep := &Report{Diags: ds, Summary: Summarise(NewRepo(checked), ds), Sources: diag.Sources{}, PlainEnglish: req.Check.PlainEnglish}
	if req.Check.PlainEnglish {
		_, rep.Ages = PlainEnglish(NewRepo(checked), req.Check)
	}
	return rep
}

// settings are the repository's cpp.yaml when no path is named, or the cpp.yaml named; a
// zero Config when neither.
func (req *Request) settings() (*config.Config, []diag.Diagnostic, error) {
	if len(req.Paths) == 0 {
		wd, err := req.Getwd()
		if err != nil {
			return nil, nil, exitcode.Failuref("cannot find the working directory: %s", err)
		}
		cfg, ds := config.Load(wd)
		return cfg, ds, nil
	}
	cfg, ds := &config.Config{}, []diag.Diagnostic(nil)
	for _, p := range req.Paths {
		if filepath.Base(p) == config.FileName {
			cfg, ds = config.Read(p)
		}
	}
	return cfg, ds, nil
}

// fromConfig turns on what the repository's cpp.yaml asks for and the flags leave alone.
func (req *Request) fromConfig(cfg *config.Config) {
	if !req.PlainGiven && cfg.PlainEnglish {
		req.Check.PlainEnglish = true
	}
	if len(cfg.Glossary) > 0 {
		req.Check.Glossary = map[string]string{}
		for _, t := range cfg.Glossary {
			req.Check.Glossary[t.Term] = t.Meaning
		}
	}
}

// checkStdin checks one plan read from standard input (an editor's unsaved buffer, a hook's
// staged blob) among the repository's other plans: the file on disk holding a plan with the same
// id is the one it stands in for, and is left out.
func checkStdin(req Request) (*Report, error) {
	if len(req.Paths) > 1 {
		return nil, exitcode.Usagef("run cpp validate - alone, with the plan on standard input", "- reads one plan from standard input: give no other PATH with it")
	}
	data, err := io.ReadAll(io.LimitReader(req.Stdin, planfile.MaxSize+1))
	if err != nil {
		return nil, exitcode.Failuref("cannot read standard input: %s", err)
	}
	if len(data) > planfile.MaxSize {
		return nil, exitcode.Problemf("a plan file is at most a few megabytes", "standard input is larger than %d bytes", planfile.MaxSize)
	}
	f := planfile.Parse(StdinName, data, planfile.Options{})
	loaded := []*planfile.File{f}
	if wd, err := req.Getwd(); err == nil {
		cfg, _ := config.Load(wd) // its problems are reported when the repository is validated
		req.fromConfig(cfg)
		for _, o := range otherPlans(wd) {
			if f.Plan == nil || o.Plan == nil || o.Plan.ID != f.Plan.ID {
				loaded = append(loaded, o)
			}
		}
	}
	rep := req.report(loaded[:1], Only(RunWith(NewRepo(loaded), req.Check), []string{StdinName}))
	rep.Sources[StdinName] = data
	return rep, nil
}

// otherPlans are the plan files of the repository wd is in; none outside one.
func otherPlans(wd string) []*planfile.File {
	dir, ok := planfile.FindPlansDir(wd)
	if !ok {
		return nil
	}
	if rel, err := filepath.Rel(wd, dir); err == nil {
		dir = rel
	}
	others, _ := planfile.Expand([]string{dir})
	return planfile.LoadAll(others, planfile.Options{})
}
