package cli

import (
	"github.com/cpp-plans/cpp/internal/plan"
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
	then, err := repo.atRevisions(side)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, p := range plans {
		want[p.ID] = true
	}
	var old []*plan.Plan
	for _, p := range then[0].Plans {
		if want[p.ID] {
			old = append(old, p)
		}
	}
	// The heading names the revision as people know it (a tag, or a date and subject): "HEAD~2"
	// means another commit tomorrow.
	since := opts.Since
	if name, err := repo.Git.Describe(opts.Since, side.Commit); err == nil {
		since = name
	}
	return report.Compare(since, old, plans), nil
}
