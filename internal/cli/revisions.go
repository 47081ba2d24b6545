package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// planRepo is gitrev's plan repository, with git's failures as the command's (exit 3).
type planRepo struct{ *gitrev.PlanRepo }

// openPlansFlag opens the repository around --plans DIR, or around the plans/ folder found
// from the working directory when the flag is not given.
func openPlansFlag(env *Env, dir string) (*planRepo, error) {
	if dir == "" {
		return openPlanRepo(env, nil)
	}
	return openPlanRepo(env, []string{dir})
}

// openPlanRepo finds the plans folder (or the folder given) and the git repository around it.
func openPlanRepo(env *Env, paths []string) (*planRepo, error) {
	paths, err := planPaths(env, paths)
	if err != nil {
		return nil, err
	}
	dir := paths[0]
	if !filepath.IsAbs(dir) {
		wd, err := env.Getwd()
		if err != nil {
			return nil, gitFailure(err)
		}
		dir = filepath.Join(wd, dir)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, exitcode.Problemf("check the path; with no path, cpp reads the plans/ folder of the repository", "%s: no such file or directory", paths[0])
	}
	if dir = filepath.Clean(dir); planfile.IsPlanFile(dir) {
		dir = filepath.Dir(dir)
	}
	repo, err := gitrev.OpenPlans(dir)
	if err != nil {
		return nil, gitFailure(err)
	}
	return &planRepo{repo}, nil
}

// resolve turns a revision into a side.
func (r *planRepo) resolve(rev string) (gitrev.Side, error) {
	side, err := r.Side(rev)
	return side, gitFailure(err)
}

// atRevisions reads the plans at one or more commits together (see gitrev.PlanRepo.At).
func (r *planRepo) atRevisions(sides ...gitrev.Side) ([]*gitrev.Set, error) {
	sets, err := r.At(sides...)
	return sets, gitFailure(err)
}

// workingTree reads the plans as they are on disk, committed or not.
func (r *planRepo) workingTree() (*gitrev.Set, error) {
	paths, ds := planfile.Expand([]string{r.Dir})
	if len(ds) > 0 {
		return nil, exitcode.Problemf(ds[0].Hint, "%s", ds[0].OneLine())
	}
	return r.WorkingTree(paths), nil
}

// history is the plans' history through git, up to a revision.
func (r *planRepo) history(rev string, reg *plan.Registry) (*history.History, error) {
	side, err := r.resolve(rev)
	if err != nil {
		return nil, err
	}
	h, err := history.Load(r.Git, side.Commit, r.Under, reg)
	return h, gitFailure(err)
}

// shallowHint says how to fetch the history a shallow clone lacks.
const shallowHint = "fetch the full history: git fetch --unshallow (on GitHub Actions, actions/checkout with fetch-depth: 0)"

// warnShallow says on stderr that an action's deadline history is cut off by a shallow clone.
func warnShallow(env *Env, s *history.Slip) {
	fmt.Fprintf(env.Stderr, "cpp: warning: this is a shallow clone: history before %s is not fetched, so the deadline's earlier moves are unknown\n  hint: %s\n",
		s.Added.Short(), shallowHint)
}

// gitFailure is git's failure as the command's: exit 3, in one line with git's hint. Nil stays
// nil.
func gitFailure(err error) error {
	if err == nil {
		return nil
	}
	var ge *gitrev.Error
	if errors.As(err, &ge) {
		return &exitcode.Error{Code: exitcode.Failure, Msg: ge.Msg, Hint: ge.Hint}
	}
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		return ee
	}
	return &exitcode.Error{Code: exitcode.Failure, Msg: err.Error()}
}
