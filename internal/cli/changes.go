package cli

import (
	"path/filepath"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/report"
)

// changesSince compares the report's plans with the same plans at a git revision. Git's failures
// exit 3 with one line.
func changesSince(env *Env, opts *reportOptions, plans []*plan.Plan) (*report.Changes, error) {
	repo, err := openPlanRepo(env, opts.Paths)
	if err != nil {
		return nil, err
	}
	side, err := repo.resolve(opts.Since)
	if err != nil {
		return nil, err
	}
	then, err := repo.atRevision(side)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, p := range plans {
		want[p.ID] = true
	}
	var old []*plan.Plan
	for _, p := range then.plans {
		if want[p.ID] {
			old = append(old, p)
		}
	}
	// The heading names the revision as people know it (a tag, or a date and subject): "HEAD~2"
	// means another commit tomorrow.
	since := opts.Since
	if name, err := repo.git.Describe(opts.Since, side.Commit); err == nil {
		since = name
	}
	return report.Compare(since, old, plans), nil
}

// dirOf is the folder a path names, or the folder holding a file.
func dirOf(path string) string {
	if planfile.IsPlanFile(path) {
		return filepath.Dir(path)
	}
	return path
}
