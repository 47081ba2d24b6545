package cli

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// loaded is what a query runs over.
type loaded struct {
	Plans    []*plan.Plan
	Leads    []*plan.Lead
	Registry *plan.Registry
	Broken   []*planfile.File
	Files    []string // every file read, broken or not: what a command must never write over
	// Parsed are the files that loaded, by path, when loaded for editing: their text and YAML
	// nodes, so that an edit need not parse a file again.
	Parsed map[string]*planfile.File
}

// loadPlans loads the plan files for a query. Files with errors are left out and named on stderr
// with their first error, so that one team's typo does not block everyone else's answer.
func loadPlans(env *Env, paths []string) (*loaded, error) {
	return loadPlansWith(env, paths, planfile.Options{})
}

// loadPlansWith is loadPlans with planfile's options; with KeepNodes, the files are kept for
// editing (loaded.Parsed).
func loadPlansWith(env *Env, paths []string, opts planfile.Options) (*loaded, error) {
	paths, err := planPaths(env, paths)
	if err != nil {
		return nil, err
	}
	files, ds := planfile.Expand(paths)
	if len(ds) > 0 {
		return nil, exitcode.Problemf(ds[0].Hint, "%s", ds[0].OneLine())
	}
	if len(files) == 0 {
		return nil, exitcode.Problemf("put plan files (.yaml) in the folder, or pass the files to read", "no plan files found in %s", joinPaths(paths))
	}
	l := &loaded{Files: files}
	if opts.KeepNodes {
		l.Parsed = map[string]*planfile.File{}
	}
	for _, f := range planfile.LoadAll(files, opts) {
		if f.HasErrors() {
			l.Broken = append(l.Broken, f)
			continue
		}
		if l.Parsed != nil {
			l.Parsed[f.Path] = f
		}
		if f.Plan != nil {
			l.Plans = append(l.Plans, f.Plan)
		}
		l.Leads = append(l.Leads, f.Leads...)
	}
	l.Registry = plan.NewRegistry(l.Leads)
	for _, f := range l.Broken {
		d, _ := f.FirstError()
		fmt.Fprintf(env.Stderr, "cpp: skipped %s: %s\n", f.Path, d.OneLine())
	}
	if len(l.Broken) > 0 {
		fmt.Fprintf(env.Stderr, "cpp: the answer leaves out %s with errors; run 'cpp validate' for details\n",
			words.Count(len(l.Broken), "file", "files"))
	}
	return l, nil
}

// Finish returns the exit code a query ends with: partial when files were left out.
func (l *loaded) Finish() error {
	if len(l.Broken) > 0 {
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}

// plansNamed is the plans --plan names, or every plan when it names none. Every name must match a
// plan: a misspelt name among good ones would otherwise drop a plan from a report or a return
// unseen.
func plansNamed(env *Env, l *loaded, names []string) ([]*plan.Plan, error) {
	if len(names) == 0 {
		return l.Plans, nil
	}
	plans, unknown := query.PlansNamed(l.Plans, names)
	if len(unknown) > 0 {
		explainEmpty(env, l, query.Filter{Plans: unknown})
		return nil, exitcode.Problemf("run 'cpp list' to see the plans", "no plan matches --plan %s", strings.Join(unknown, ","))
	}
	return plans, nil
}
