package cli

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/render"
)

// planRepo is the git repository that holds the plans folder.
type planRepo struct {
	git   *gitrev.Repo
	dir   string // the plans folder, absolute
	under string // the plans folder relative to the repository's top, with slashes
}

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
		return nil, problemf("check the path; with no path, cpp reads the plans/ folder of the repository", "%s: no such file or directory", paths[0])
	}
	dir = dirOf(filepath.Clean(dir))
	repo, err := gitrev.Open(dir)
	if err != nil {
		return nil, gitFailure(err)
	}
	// git reports the top with symlinks resolved; the folder must be compared the same way.
	real := dir
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		real = r
	}
	under, err := filepath.Rel(repo.Top, real)
	if err != nil || under == ".." || strings.HasPrefix(under, ".."+string(filepath.Separator)) {
		return nil, gitFailure(fmt.Errorf("%s is outside the git repository at %s", dir, repo.Top))
	}
	return &planRepo{git: repo, dir: dir, under: filepath.ToSlash(under)}, nil
}

// planSet is the plans as they are at one revision, or in the working tree.
type planSet struct {
	side   render.Side
	plans  []*plan.Plan
	leads  *plan.Registry
	broken map[string]string // path relative to the top → its first error, as "LINE:COL (SIDE): MESSAGE"
}

// atRevision reads the plans at a commit.
func (r *planRepo) atRevision(side render.Side) (*planSet, error) {
	sets, err := r.atRevisions(side)
	if err != nil {
		return nil, err
	}
	return sets[0], nil
}

// atRevisions reads the plans at one or more commits together: one ls-tree each, then one
// cat-file for every blob of them all, parsed in parallel. A file that is the same at two
// commits (the same path and blob) is read and parsed once, so a diff of a change that touched
// one file of many costs little more than loading one revision.
func (r *planRepo) atRevisions(sides ...render.Side) ([]*planSet, error) {
	type key struct{ path, blob string }
	lists := make([][]gitrev.File, len(sides))
	var keys []key
	var blobIDs []string
	seen := map[key]bool{}
	for i, s := range sides {
		files, err := r.git.Files(s.Commit, r.under)
		if err != nil {
			return nil, gitFailure(err)
		}
		lists[i] = files
		for _, f := range files {
			if k := (key{f.Path, f.ID}); !seen[k] {
				seen[k] = true
				keys = append(keys, k)
				blobIDs = append(blobIDs, f.ID)
			}
		}
	}
	blobs, err := r.git.Cat(blobIDs)
	if err != nil {
		return nil, gitFailure(err)
	}
	names := make([]string, len(keys))
	data := make(map[string][]byte, len(keys))
	for i, k := range keys {
		names[i] = k.path + "\x00" + k.blob // unique even when two commits hold different versions
		data[names[i]] = blobs[k.blob]
	}
	parsed := map[key]*planfile.File{}
	for i, f := range planfile.ParseAll(names, data, planfile.Options{}) {
		f.Path = keys[i].path
		parsed[keys[i]] = f
	}
	same := func(p string) string { return p }
	sets := make([]*planSet, len(sides))
	for i, s := range sides {
		files := make([]*planfile.File, len(lists[i]))
		for j, f := range lists[i] {
			files[j] = parsed[key{f.Path, f.ID}]
		}
		sets[i] = newVersion(s, files, same)
	}
	return sets, nil
}

// workingTree reads the plans as they are on disk, committed or not.
func (r *planRepo) workingTree() (*planSet, error) {
	paths, ds := planfile.Expand([]string{r.dir})
	if len(ds) > 0 {
		return nil, problemf(ds[0].Hint, "%s", ds[0].OneLine())
	}
	inRepo := func(p string) string {
		rel, err := filepath.Rel(r.dir, p)
		if err != nil {
			return p
		}
		return path.Join(r.under, filepath.ToSlash(rel))
	}
	return newVersion(render.Side{Rev: "working tree"}, planfile.LoadAll(paths, planfile.Options{}), inRepo), nil
}

// newVersion keeps the plans that parsed, and names the files that did not, by their path in the
// repository (name) so both sides of a diff name a file the same way.
func newVersion(side render.Side, files []*planfile.File, name func(string) string) *planSet {
	v := &planSet{side: side, broken: map[string]string{}}
	var leads []*plan.Lead
	for _, f := range files {
		// A file with errors is still compared while its plan can be read (an unknown field, a
		// bad deadline); only one that cannot be read at all is left out, as history does.
		if f.Plan == nil && f.HasErrors() {
			d, _ := f.FirstError()
			where := ""
			if d.Line > 0 {
				where = fmt.Sprintf(":%d:%d", d.Line, d.Col)
			}
			v.broken[name(f.Path)] = fmt.Sprintf("%s (%s): %s", where, side, d.Message)
			continue
		}
		if f.Plan != nil {
			f.Plan.File = name(f.Path)
			v.plans = append(v.plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	v.leads = plan.NewRegistry(leads)
	return v
}

// resolve turns a revision into a side, or fails with exit 3.
func (r *planRepo) resolve(rev string) (render.Side, error) {
	commit, err := r.git.Resolve(rev)
	if err != nil {
		return render.Side{}, gitFailure(err)
	}
	return render.Side{Rev: rev, Commit: commit}, nil
}

// shallowHint says how to fetch the history a shallow clone lacks.
const shallowHint = "fetch the full history: git fetch --unshallow (on GitHub Actions, actions/checkout with fetch-depth: 0)"

// warnShallow says on stderr that an action's deadline history is cut off by a shallow clone.
func warnShallow(env *Env, s *history.Slip) {
	fmt.Fprintf(env.Stderr, "cpp: warning: this is a shallow clone: history before %s is not fetched, so the deadline's earlier moves are unknown\n  hint: %s\n",
		s.Added.Short(), shallowHint)
}

func gitFailure(err error) error {
	var ge *gitrev.Error
	if errors.As(err, &ge) {
		return &exitError{code: ExitFailure, msg: ge.Msg, hint: ge.Hint}
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee
	}
	return &exitError{code: ExitFailure, msg: err.Error()}
}

// history is the plans' history through git, up to a revision.
func (r *planRepo) history(rev string, reg *plan.Registry) (*history.History, error) {
	side, err := r.resolve(rev)
	if err != nil {
		return nil, err
	}
	h, err := history.Load(r.git, side.Commit, r.under, reg)
	if err != nil {
		return nil, gitFailure(err)
	}
	return h, nil
}
