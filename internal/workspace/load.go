package workspace

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// Loaded is the plans a command works over.
type Loaded struct {
	Plans    []*plan.Plan
	Leads    []*plan.Lead
	Registry *plan.Registry
	Broken   []*planfile.File
	Files    []string // every file read, broken or not: what a command must never write over
	// Parsed are the files that loaded, by path, when loaded for editing: their text and YAML
	// nodes, so that an edit need not parse a file again.
	Parsed map[string]*planfile.File
}

// Load loads the plan files in paths (as given to the command, or the repository's plans/).
// Files with errors are left out and named on Notices with their first error, so that one team's
// typo does not block everyone else's answer. With opts.KeepNodes, the files are kept for editing
// (Loaded.Parsed).
func (e Env) Load(paths []string, opts planfile.Options) (*Loaded, error) {
	files, err := e.planFiles(paths, "read")
	if err != nil {
		return nil, err
	}
	l := &Loaded{Files: files}
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
	e.leftOut(l.Broken)
	return l, nil
}

// leftOut names on Notices the files left out, each with its first error.
func (e Env) leftOut(broken []*planfile.File) {
	for _, f := range broken {
		d, _ := f.FirstError()
		fmt.Fprintf(e.Notices, "cpp: skipped %s: %s\n", f.Path, d.OneLine())
	}
	if len(broken) > 0 {
		fmt.Fprintf(e.Notices, "cpp: the answer leaves out %s with errors; run 'cpp validate' for details\n",
			words.Count(len(broken), "file", "files"))
	}
}

// Finish is the error a command over the plans ends with: exit 4 (partial), having said all it
// has to, when files were left out.
func (l *Loaded) Finish() error {
	if len(l.Broken) > 0 {
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}

// PlansNamed is the plans names names, or every plan when it names none. Every name must match
// a plan: a misspelt name among good ones would otherwise drop a plan from a report or a return
// unseen. The names matching nothing are named on Notices, with the nearest.
func (e Env) PlansNamed(l *Loaded, names []string) ([]*plan.Plan, error) {
	if len(names) == 0 {
		return l.Plans, nil
	}
	plans, unknown := query.PlansNamed(l.Plans, names)
	if len(unknown) > 0 {
		e.ExplainUnmatched(l, query.Filter{Plans: unknown})
		return nil, exitcode.Problemf("run 'cpp list' to see the plans", "no plan matches --plan %s", strings.Join(unknown, ","))
	}
	return plans, nil
}

// ExplainUnmatched says on the notices writer which lead or plan given to a filter matches
// nothing, naming the nearest names, so that a misspelt team is not mistaken for a team with no
// work.
func (e Env) ExplainUnmatched(l *Loaded, f query.Filter) {
	for _, msg := range query.Unmatched(l.Plans, l.Registry, f) {
		fmt.Fprintln(e.Notices, "cpp: "+msg)
	}
}
