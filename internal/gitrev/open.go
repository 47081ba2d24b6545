package gitrev

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Failure is git's failure as a command's: exit 3, in one line with git's hint. An error that
// carries its own exit code keeps it; nil stays nil.
func Failure(err error) error {
	if err == nil {
		return nil
	}
	var ge *Error
	if errors.As(err, &ge) {
		return &exitcode.Error{Code: exitcode.Failure, Msg: ge.Msg, Hint: ge.Hint}
	}
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		return ee
	}
	return &exitcode.Error{Code: exitcode.Failure, Msg: err.Error()}
}

// OpenPlansPath opens the git repository around a plans folder, or around the folder of a plan
// file, as the user gave it (path, read from the working folder getwd gives when relative).
// Its errors carry their exit codes.
func OpenPlansPath(path string, getwd func() (string, error)) (*PlanRepo, error) {
	dir := path
	if !filepath.IsAbs(dir) {
		wd, err := getwd()
		if err != nil {
			return nil, Failure(err)
		}
		dir = filepath.Join(wd, dir)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, exitcode.Problemf("check the path; with no path, cpp reads the plans/ folder of the repository", "%s: no such file or directory", path)
	}
	if dir = filepath.Clean(dir); planfile.IsPlanFile(dir) {
		dir = filepath.Dir(dir)
	}
	repo, err := OpenPlans(dir)
	return repo, Failure(err)
}

// Current is the plans as they are on disk, committed or not. Its errors carry their exit codes.
func (r *PlanRepo) Current() (*Set, error) {
	paths, ds := planfile.Expand([]string{r.Dir})
	if len(ds) > 0 {
		return nil, exitcode.Problemf(ds[0].Hint, "%s", ds[0].OneLine())
	}
	return r.WorkingTree(paths), nil
}

// Sides reads the two versions diff's revision arguments name (see ParseRange): two revisions,
// or a revision and the working tree. Its errors carry their exit codes.
func (r *PlanRepo) Sides(revs []string) (old, new *Set, err error) {
	rg, err := ParseRange(revs)
	if err != nil {
		return nil, nil, exitcode.Usagef("give two revisions (cpp diff A B) or one range (cpp diff A..B)", "%s", err)
	}
	sides, err := r.rangeSides(rg)
	if err != nil {
		return nil, nil, Failure(err)
	}
	sets, err := r.At(sides...)
	if err != nil {
		return nil, nil, Failure(err)
	}
	if rg.To == "" {
		tree, err := r.Current()
		return sets[0], tree, err
	}
	return sets[0], sets[1], nil
}

// rangeSides resolves a range's revisions: From (or the merge base of From and To), and To
// unless it is the working tree.
func (r *PlanRepo) rangeSides(rg Range) ([]Side, error) {
	from, err := r.Side(rg.From)
	if err != nil || rg.To == "" {
		return []Side{from}, err
	}
	to, err := r.Side(rg.To)
	if err != nil {
		return nil, err
	}
	if rg.MergeBase {
		base, err := r.Git.MergeBase(from.Commit, to.Commit)
		if err != nil {
			return nil, err
		}
		from = Side{Rev: "merge base of " + rg.From + " and " + rg.To, Commit: base}
	}
	return []Side{from, to}, nil
}
