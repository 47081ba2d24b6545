package gitrev

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/testutil/gittest"
)

// The helpers of gittest, by the names these tests use.
var (
	gitEnv = gittest.Env
	git    = gittest.Git
	write  = gittest.Write
	commit = gittest.Commit
)

// history is a repository of three commits on main, tagged v1 at the first:
//
//	c1 v1: plans/a.yaml, plans/b.yml, plans/notes.md, plans/._a.yaml, other/c.yaml, top.yaml
//	c2:    plans/a.yaml changed, plans/b.yml moved to plans/sub/b.yaml
//	c3:    README only
type history struct {
	dir        string
	c1, c2, c3 string
}

func newHistory(t *testing.T) history {
	t.Helper()
	gitEnv(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	h := history{dir: dir}
	h.c1 = commit(t, dir, "Add the plans", map[string]string{
		"plans/a.yaml":   "id: a\n",
		"plans/b.yml":    "id: b\n",
		"plans/notes.md": "notes\n",
		"plans/._a.yaml": "\x00\x05\x16\x07", // macOS's resource fork, no plan
		"other/c.yaml":   "id: c\n",
		"top.yaml":       "id: top\n",
	})
	git(t, dir, "tag", "v1")
	h.c2 = commit(t, dir, "Move b; change a", map[string]string{
		"plans/a.yaml":     "id: a\ntitle: A\n",
		"plans/b.yml":      "",
		"plans/sub/b.yaml": "id: b\n",
	})
	h.c3 = commit(t, dir, "Say what this is", map[string]string{"README": "plans\n"})
	return h
}

func open(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOpen(t *testing.T) {
	h := newHistory(t)
	top, err := filepath.EvalSymlinks(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{h.dir, filepath.Join(h.dir, "plans", "sub")} {
		r, err := Open(dir)
		if err != nil {
			t.Fatalf("Open(%s): %v", dir, err)
		}
		if got, _ := filepath.EvalSymlinks(r.Top); got != top {
			t.Errorf("Open(%s).Top = %s, want %s", dir, r.Top, top)
		}
	}

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	_, err = Open(outside)
	var e *Error
	if !errors.As(err, &e) || err.Error() != "not a git repository: "+outside || !strings.Contains(e.Hint, "git work tree") {
		t.Errorf("Open outside a repository: %#v", err)
	}

	t.Setenv("PATH", t.TempDir())
	_, err = Open(h.dir)
	if !errors.As(err, &e) || e.Msg != "git is not installed (or not on PATH)" || !strings.Contains(e.Hint, "install git") {
		t.Errorf("Open without git: %#v", err)
	}
}

// What git says when it refuses a repository becomes one line and the command it suggests.
func TestRefusal(t *testing.T) {
	for _, tc := range []struct {
		stderr, msg, hint string
	}{
		{"fatal: detected dubious ownership in repository at '/srv/plans'\n" +
			"To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/plans",
			"git: detected dubious ownership in repository at '/srv/plans'",
			"if you trust the repository, as git says: git config --global --add safe.directory /srv/plans"},
		{"fatal: unknown repository format version\nupgrade git", "git: unknown repository format version", "upgrade git"},
		{"fatal: cannot read the index", "git: cannot read the index", ""},
	} {
		e := refusal(tc.stderr)
		if e.Msg != tc.msg || e.Hint != tc.hint {
			t.Errorf("refusal(%q) = %q, hint %q; want %q, hint %q", tc.stderr, e.Msg, e.Hint, tc.msg, tc.hint)
		}
	}
}

func TestResolve(t *testing.T) {
	h := newHistory(t)
	git(t, h.dir, "branch", "old", h.c1)
	r := open(t, h.dir)
	for _, tc := range []struct{ rev, want string }{
		{"HEAD", h.c3},
		{"main", h.c3},
		{"HEAD~1", h.c2},
		{"HEAD~2", h.c1},
		{"v1", h.c1}, // a tag names its commit
		{"old", h.c1},
		{h.c2[:10], h.c2},
	} {
		got, err := r.Resolve(tc.rev)
		if err != nil || got != tc.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.rev, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ rev, hint string }{
		{"nosuch", "git log --oneline"},
		{"HEAD~3", "git log --oneline"},
		{"--all", "give a tag, branch or commit"}, // never read as an option
		{"-n1", "give a tag, branch or commit"},
	} {
		_, err := r.Resolve(tc.rev)
		var e *Error
		if !errors.As(err, &e) || e.Msg != `unknown revision "`+tc.rev+`"` || !strings.Contains(e.Hint, tc.hint) {
			t.Errorf("Resolve(%q): %#v, want a hint with %q", tc.rev, err, tc.hint)
		}
	}

	empty := t.TempDir()
	git(t, empty, "init", "-q")
	_, err := open(t, empty).Resolve("HEAD")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Hint, "no commits yet") {
		t.Errorf("Resolve in a repository with no commits: %#v", err)
	}
}

func TestFiles(t *testing.T) {
	h := newHistory(t)
	r := open(t, h.dir)
	blob := func(rev, path string) string { return git(t, h.dir, "rev-parse", rev+":"+path) }
	for _, tc := range []struct {
		commit, under string
		want          []File
	}{
		{h.c1, "plans", []File{{"plans/a.yaml", blob(h.c1, "plans/a.yaml")}, {"plans/b.yml", blob(h.c1, "plans/b.yml")}}},
		{h.c2, "plans", []File{{"plans/a.yaml", blob(h.c2, "plans/a.yaml")}, {"plans/sub/b.yaml", blob(h.c2, "plans/sub/b.yaml")}}},
		{h.c2, "plans/sub", []File{{"plans/sub/b.yaml", blob(h.c2, "plans/sub/b.yaml")}}},
		{h.c1, ".", []File{
			{"other/c.yaml", blob(h.c1, "other/c.yaml")}, {"plans/a.yaml", blob(h.c1, "plans/a.yaml")},
			{"plans/b.yml", blob(h.c1, "plans/b.yml")}, {"top.yaml", blob(h.c1, "top.yaml")},
		}},
		{h.c1, "nowhere", nil},
	} {
		got, err := r.Files(tc.commit, tc.under)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Files(%.7s, %q) = %v, %v; want %v", tc.commit, tc.under, got, err, tc.want)
		}
	}
	if _, err := r.Files("0123456789012345678901234567890123456789", "plans"); err == nil {
		t.Error("Files of a commit the repository lacks")
	}
}

func TestCatAndObjectIDs(t *testing.T) {
	h := newHistory(t)
	r := open(t, h.dir)
	aBlob := git(t, h.dir, "rev-parse", h.c1+":plans/a.yaml")
	names := []string{
		h.c1 + ":plans/a.yaml",
		h.c2 + ":plans/a.yaml",
		h.c2 + ":plans/b.yml", // moved away: missing
		aBlob,
		h.c1 + "^:plans/a.yaml", // the root commit has no parent
		"HEAD:plans",            // a tree, not a plan file
	}
	got, err := r.Cat(names)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{
		names[0]: []byte("id: a\n"),
		names[1]: []byte("id: a\ntitle: A\n"),
		names[3]: []byte("id: a\n"),
	}
	delete(got, names[5]) // cat-file prints a tree in its binary form; only blobs matter here
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Cat = %q, want %q", got, want)
	}
	if got, err := r.Cat(nil); err != nil || len(got) != 0 {
		t.Errorf("Cat(nil) = %v, %v", got, err)
	}

	ids, err := r.ObjectIDs(names)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := map[string]string{
		names[0]: aBlob,
		names[1]: git(t, h.dir, "rev-parse", h.c2+":plans/a.yaml"),
		names[3]: aBlob,
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ObjectIDs = %v, want %v", ids, wantIDs)
	}
	if ids, err := r.ObjectIDs(nil); err != nil || len(ids) != 0 {
		t.Errorf("ObjectIDs(nil) = %v, %v", ids, err)
	}
}

// Many objects at once, more than a pipe holds, go through one process without a deadlock.
func TestCatMany(t *testing.T) {
	h := newHistory(t)
	big := strings.Repeat("text: "+strings.Repeat("x", 1000)+"\n", 200) // 200 KB
	c := commit(t, h.dir, "A big plan", map[string]string{"plans/big.yaml": big})
	var names []string
	for range 50 {
		names = append(names, c+":plans/big.yaml", c+":plans/a.yaml")
	}
	got, err := open(t, h.dir).Cat(names)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got[c+":plans/big.yaml"]) != big || string(got[c+":plans/a.yaml"]) != "id: a\ntitle: A\n" {
		t.Errorf("Cat of 100 names: %d objects", len(got))
	}
}

func TestLog(t *testing.T) {
	h := newHistory(t)
	r := open(t, h.dir)
	blob := func(rev, path string) string { return git(t, h.dir, "rev-parse", rev+":"+path) }
	got, err := r.Log("HEAD", "plans")
	if err != nil {
		t.Fatal(err)
	}
	// The README commit touched no plan; the move is a deletion and an addition; notes.md and
	// ._a.yaml are no plan files.
	want := []Commit{
		{Hash: h.c2, Author: "Ada Analyst", Subject: "Move b; change a", Changes: []Change{
			{"plans/a.yaml", blob(h.c1, "plans/a.yaml"), blob(h.c2, "plans/a.yaml")},
			{"plans/b.yml", blob(h.c1, "plans/b.yml"), ""},
			{"plans/sub/b.yaml", "", blob(h.c2, "plans/sub/b.yaml")},
		}},
		{Hash: h.c1, Author: "Ada Analyst", Subject: "Add the plans", Changes: []Change{
			{"plans/a.yaml", "", blob(h.c1, "plans/a.yaml")},
			{"plans/b.yml", "", blob(h.c1, "plans/b.yml")},
		}},
	}
	for i := range got {
		if got[i].Date.Format("2006-01-02T15:04:05Z07:00") != "2025-10-01T09:00:00Z" {
			t.Errorf("commit %d dated %v", i, got[i].Date)
		}
		got[i].Date = want[0].Date
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Log =\n%+v\nwant\n%+v", got, want)
	}

	// Under the whole tree, a commit that changed no plan file is listed, with no changes.
	all, err := r.Log("HEAD", "")
	if err != nil || len(all) != 3 || all[0].Hash != h.c3 || all[0].Changes != nil || len(all[2].Changes) != 4 {
		t.Errorf("Log of the whole tree: %+v, %v; want three commits, the last adding four plan files", all, err)
	}
	if _, err := r.Log("nosuch", "plans"); err == nil {
		t.Error("Log of an unknown revision")
	}
}

// A merge has its changes against each parent, so that what the merge decided can be told.
func TestLogMerge(t *testing.T) {
	h := newHistory(t)
	onMain := commit(t, h.dir, "Change a", map[string]string{"plans/a.yaml": "id: a\ntitle: Main\n"})
	git(t, h.dir, "checkout", "-q", "-b", "side", h.c2)
	side := commit(t, h.dir, "Add d", map[string]string{"plans/d.yaml": "id: d\n"})
	git(t, h.dir, "checkout", "-q", "main")
	git(t, h.dir, "merge", "-q", "--no-edit", "side")
	merge := git(t, h.dir, "rev-parse", "HEAD")

	commits, err := open(t, h.dir).Log("HEAD", "plans")
	if err != nil {
		t.Fatal(err)
	}
	var hashes []string
	for _, c := range commits {
		hashes = append(hashes, c.Hash)
	}
	// The merge first, each parent after its children; the README commit changed no plan.
	if !slices.Equal(hashes, []string{merge, side, onMain, h.c2, h.c1}) && !slices.Equal(hashes, []string{merge, onMain, side, h.c2, h.c1}) {
		t.Fatalf("Log order %v; want the merge %.7s, %.7s and %.7s, then %.7s and %.7s", hashes, merge, side, onMain, h.c2, h.c1)
	}
	m := commits[0]
	d := git(t, h.dir, "rev-parse", side+":plans/d.yaml")
	a := []string{git(t, h.dir, "rev-parse", h.c2+":plans/a.yaml"), git(t, h.dir, "rev-parse", onMain+":plans/a.yaml")}
	// Against main, the merge brought d.yaml; against side, it brought main's a.yaml.
	if want := []Change{{"plans/d.yaml", "", d}}; !reflect.DeepEqual(m.Changes, want) {
		t.Errorf("merge changes %+v, want %+v", m.Changes, want)
	}
	if want := [][]Change{{{"plans/a.yaml", a[0], a[1]}}}; !reflect.DeepEqual(m.Others, want) {
		t.Errorf("merge's changes against its other parent %+v, want %+v", m.Others, want)
	}
	for _, c := range commits[1:] {
		if c.Others != nil {
			t.Errorf("%.7s is no merge, but has changes against other parents", c.Hash)
		}
	}
}

func TestMergeBase(t *testing.T) {
	h := newHistory(t)
	git(t, h.dir, "checkout", "-q", "-b", "side", h.c1)
	side := commit(t, h.dir, "Side", map[string]string{"plans/d.yaml": "id: d\n"})
	r := open(t, h.dir)
	if got, err := r.MergeBase(h.c3, side); err != nil || got != h.c1 {
		t.Errorf("MergeBase = %q, %v; want %q", got, err, h.c1)
	}

	git(t, h.dir, "checkout", "-q", "--orphan", "unrelated")
	lone := commit(t, h.dir, "Unrelated", nil)
	_, err := r.MergeBase(h.c3, lone)
	var e *Error
	if !errors.As(err, &e) || e.Msg != "no merge base between "+h.c3[:7]+" and "+lone[:7] || e.Hint != "the two revisions share no history" {
		t.Errorf("MergeBase of unrelated histories: %#v", err)
	}
}

// A shallow clone says where its history is cut, and the errors that the cut causes say so.
func TestShallowClone(t *testing.T) {
	h := newHistory(t)
	r := open(t, h.dir)
	if cut, err := r.ShallowCommits(); err != nil || len(cut) != 0 {
		t.Errorf("a full repository's ShallowCommits = %v, %v", cut, err)
	}

	clone := filepath.Join(t.TempDir(), "clone")
	git(t, h.dir, "clone", "-q", "--depth", "1", "file://"+h.dir, clone)
	s := open(t, clone)
	cut, err := s.ShallowCommits()
	if err != nil || !reflect.DeepEqual(cut, map[string]bool{h.c3: true}) {
		t.Errorf("ShallowCommits = %v, %v; want the one commit fetched", cut, err)
	}
	_, err = s.Resolve("HEAD~1")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Hint, "shallow clone") {
		t.Errorf("Resolve past the cut: %#v", err)
	}
	// Within what was fetched, files read as they do in the full repository.
	files, err := s.Files("HEAD", "plans")
	if err != nil || len(files) != 2 {
		t.Errorf("Files in the clone = %v, %v", files, err)
	}

	git(t, h.dir, "checkout", "-q", "-b", "side", h.c1)
	side := commit(t, h.dir, "Side", map[string]string{"plans/d.yaml": "id: d\n"})
	git(t, clone, "fetch", "-q", "--depth", "1", "origin", "side")
	_, err = s.MergeBase("HEAD", side)
	if !errors.As(err, &e) || !strings.Contains(e.Hint, "shallow clone") {
		t.Errorf("MergeBase across the cut: %#v", err)
	}
}

func TestShort(t *testing.T) {
	for _, tc := range []struct{ hash, want string }{
		{"0123456789abcdef0123456789abcdef01234567", "0123456"},
		{"01234567", "0123456"},
		{"0123456", "0123456"},
		{"abc", "abc"},
		{"", ""},
	} {
		if got := (Commit{Hash: tc.hash}).Short(); got != tc.want {
			t.Errorf("Short(%q) = %q, want %q", tc.hash, got, tc.want)
		}
	}
}
