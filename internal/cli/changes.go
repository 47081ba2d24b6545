package cli

import (
	"errors"
	"path/filepath"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/report"
)

// changesSince compares the report's plans with the same plans at a git revision. Git's failures
// exit 3 with one line.
func changesSince(env *Env, opts *reportOptions, plans []*plan.Plan) (*report.Changes, error) {
	paths, err := planPaths(env, opts.Paths)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(paths[0])
	if err != nil {
		return nil, gitFailure(err)
	}
	repo, err := gitrev.Open(dirOf(dir))
	if err != nil {
		return nil, gitFailure(err)
	}
	commit, err := repo.Resolve(opts.Since)
	if err != nil {
		return nil, gitFailure(err)
	}
	under, err := filepath.Rel(repo.Top, dir)
	if err != nil {
		return nil, gitFailure(err)
	}
	files, err := repo.Files(commit, filepath.ToSlash(under))
	if err != nil {
		return nil, gitFailure(err)
	}
	blobs, err := repo.Read(commit, files)
	if err != nil {
		return nil, gitFailure(err)
	}
	want := map[string]bool{}
	for _, p := range plans {
		want[p.ID] = true
	}
	var old []*plan.Plan
	for _, f := range files {
		pf := planfile.Parse(f, blobs[f], planfile.Options{})
		if pf.Plan != nil && want[pf.Plan.ID] {
			old = append(old, pf.Plan)
		}
	}
	return report.Compare(opts.Since, old, plans), nil
}

// dirOf is the folder a path names, or the folder holding a file.
func dirOf(path string) string {
	if planfile.IsPlanFile(path) {
		return filepath.Dir(path)
	}
	return path
}

func gitFailure(err error) error {
	var ge *gitrev.Error
	if errors.As(err, &ge) {
		return &exitError{code: ExitFailure, msg: ge.Msg, hint: ge.Hint}
	}
	return &exitError{code: ExitFailure, msg: err.Error()}
}
