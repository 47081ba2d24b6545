package gitrev

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// Side names one side of a diff: the revision as the user wrote it and the commit it resolved to.
// The working tree has no commit.
type Side struct {
	Rev    string `json:"rev"`
	Commit string `json:"commit"`
}

func (s Side) String() string {
	if s.Commit == "" {
		return termsafe.Line(s.Rev)
	}
	short := Commit{Hash: s.Commit}.Short()
	if s.Rev == s.Commit || strings.HasPrefix(s.Commit, s.Rev) {
		return short
	}
	return termsafe.Line(s.Rev) + " (" + short + ")"
}

// PlanRepo is the git repository that holds a plans folder.
type PlanRepo struct {
	Git   *Repo
	Dir   string // the plans folder, absolute
	Under string // the plans folder relative to the repository's top, with slashes
}

// OpenPlans finds the git repository around the plans folder dir (absolute and clean).
func OpenPlans(dir string) (*PlanRepo, error) {
	repo, err := Open(dir)
	if err != nil {
		return nil, err
	}
	// git reports the top with symlinks resolved; the folder must be compared the same way.
	real := dir
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		real = r
	}
	under, err := filepath.Rel(repo.Top, real)
	if err != nil || under == ".." || strings.HasPrefix(under, ".."+string(filepath.Separator)) {
		return nil, &Error{Msg: fmt.Sprintf("%s is outside the git repository at %s", dir, repo.Top)}
	}
	return &PlanRepo{Git: repo, Dir: dir, Under: filepath.ToSlash(under)}, nil
}

// Side resolves a revision.
func (r *PlanRepo) Side(rev string) (Side, error) {
	commit, err := r.Git.Resolve(rev)
	if err != nil {
		return Side{}, err
	}
	return Side{Rev: rev, Commit: commit}, nil
}

// Set is the plans as they are at one revision, or in the working tree.
type Set struct {
	Side   Side
	Plans  []*plan.Plan
	Leads  *plan.Registry
	Broken map[string]string // path relative to the top → its first error, as "LINE:COL (SIDE): MESSAGE"
}

// At reads the plans at one or more commits together: one ls-tree each, then one cat-file for
// every blob of them all, parsed in parallel. A file that is the same at two commits (the same
// path and blob) is read and parsed once, so a diff of a change that touched one file of many
// costs little more than loading one revision.
func (r *PlanRepo) At(sides ...Side) ([]*Set, error) {
	type key struct{ path, blob string }
	lists := make([][]File, len(sides))
	var keys []key
	var blobIDs []string
	seen := map[key]bool{}
	for i, s := range sides {
		files, err := r.Git.Files(s.Commit, r.Under)
		if err != nil {
			return nil, err
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
	blobs, err := r.Git.Cat(blobIDs)
	if err != nil {
		return nil, err
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
	sets := make([]*Set, len(sides))
	for i, s := range sides {
		files := make([]*planfile.File, len(lists[i]))
		for j, f := range lists[i] {
			files[j] = parsed[key{f.Path, f.ID}]
		}
		sets[i] = newSet(s, files, same)
	}
	return sets, nil
}

// WorkingTree reads the plan files at paths (in the plans folder) as they are on disk, committed
// or not.
func (r *PlanRepo) WorkingTree(paths []string) *Set {
	inRepo := func(p string) string {
		rel, err := filepath.Rel(r.Dir, p)
		if err != nil {
			return p
		}
		return path.Join(r.Under, filepath.ToSlash(rel))
	}
	return newSet(Side{Rev: "working tree"}, planfile.LoadAll(paths, planfile.Options{}), inRepo)
}

// newSet keeps the plans that parsed, and names the files that did not, by their path in the
// repository (name) so both sides of a diff name a file the same way.
func newSet(side Side, files []*planfile.File, name func(string) string) *Set {
	v := &Set{Side: side, Broken: map[string]string{}}
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
			v.Broken[name(f.Path)] = fmt.Sprintf("%s (%s): %s", where, side, d.Message)
			continue
		}
		if f.Plan != nil {
			f.Plan.File = name(f.Path)
			v.Plans = append(v.Plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	v.Leads = plan.NewRegistry(leads)
	return v
}

// LeaveOutBroken drops a file that does not parse on either side from every side, and returns
// the files left out, sorted, each with why: comparing a broken file would report all its
// actions as removed, or added.
func LeaveOutBroken(sets ...*Set) (paths []string, why map[string]string) {
	why = map[string]string{}
	for _, s := range sets {
		for path, w := range s.Broken {
			why[path] = w
		}
	}
	for _, s := range sets {
		s.Plans = slices.DeleteFunc(s.Plans, func(p *plan.Plan) bool { _, bad := why[p.File]; return bad })
	}
	for p := range why {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths, why
}
