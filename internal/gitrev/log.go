package gitrev

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/planfile"
)

// Commit is one commit that changed plan files, with the files it changed.
type Commit struct {
	Hash    string
	Author  string    // the name: an email address is personal data, and cpp does not read it
	Date    time.Time // the author date
	Subject string
	Changes []Change // against the first parent
	// Others are a merge's changes against each of its other parents; nil for other commits.
	Others [][]Change
}

// Short is the abbreviated commit id people read.
func (c Commit) Short() string {
	if len(c.Hash) > 7 {
		return c.Hash[:7]
	}
	return c.Hash
}

// Change is one file a commit changed: the blob before and after. A file that was added has no
// Old blob; one that was deleted has no New blob. A move is a deletion and an addition.
type Change struct {
	Path     string
	Old, New string // blob ids; empty when the file did not exist
}

// isZero reports whether id is how git writes "no object" in raw diff output.
func isZero(id string) bool { return strings.Trim(id, "0") == "" }

// Log lists the commits reachable from rev that changed anything under a folder, newest first
// (parents after their children), each with its changes to plan files against its parent (none,
// for a commit that changed only other files there); a merge also has its changes against its
// other parents, so that what the merge itself decided (a conflict resolved) can be told from
// what its branches did. One git process, however long the history.
func (r *Repo) Log(rev, under string) ([]Commit, error) {
	if under == "" {
		under = "."
	}
	out, err := run(context.Background(), r.Top, nil, "log", "-z", "--raw", "--no-abbrev", "--no-renames",
		"-m", "--topo-order", "--format=%x1e%H%x1f%an%x1f%aI%x1f%s", rev, "--", under)
	if err != nil {
		return nil, &Error{Msg: "git log failed: " + firstLine(err.Error())}
	}
	return parseLog(out)
}

// parseLog reads `git log -z --raw` output written with the format Log asks for.
func parseLog(out []byte) ([]Commit, error) {
	var commits []Commit
	for _, rec := range bytes.Split(out, []byte{0x1e}) {
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		head, rest, _ := bytes.Cut(rec, []byte{0})
		f := strings.Split(string(head), "\x1f")
		if len(f) != 4 {
			return nil, &Error{Msg: fmt.Sprintf("unexpected git log output: %.60q", head)}
		}
		date, err := time.Parse(time.RFC3339, f[2])
		if err != nil {
			return nil, &Error{Msg: fmt.Sprintf("unexpected git log date %q", f[2])}
		}
		c := Commit{Hash: f[0], Author: f[1], Date: date, Subject: f[3]}
		var changes []Change
		tokens := strings.Split(strings.TrimLeft(string(rest), "\n"), "\x00")
		for i := 0; i+1 < len(tokens); i += 2 {
			meta := strings.Fields(tokens[i])
			if len(meta) != 5 || !strings.HasPrefix(meta[0], ":") {
				break
			}
			path := tokens[i+1]
			if !planfile.IsPlanName(path) {
				continue
			}
			ch := Change{Path: path}
			if !isZero(meta[2]) {
				ch.Old = meta[2]
			}
			if !isZero(meta[3]) {
				ch.New = meta[3]
			}
			changes = append(changes, ch)
		}
		// git log -m shows a merge once for each parent, one after the other.
		if n := len(commits); n > 0 && commits[n-1].Hash == c.Hash {
			commits[n-1].Others = append(commits[n-1].Others, changes)
			continue
		}
		c.Changes = changes
		commits = append(commits, c)
	}
	return commits, nil
}

// ShallowHint says how to fetch the history a shallow clone lacks.
const ShallowHint = "fetch the full history: git fetch --unshallow (on GitHub Actions, actions/checkout with fetch-depth: 0)"

// MergeBase is the best common ancestor of two commits, for `A...B`.
func (r *Repo) MergeBase(a, b string) (string, error) {
	out, err := run(context.Background(), r.Top, nil, "merge-base", a, b)
	if err != nil {
		hint := "the two revisions share no history"
		if shallow, _ := run(context.Background(), r.Top, nil, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(shallow)) == "true" {
			hint = "this is a shallow clone: " + ShallowHint
		}
		return "", &Error{Msg: "no merge base between " + Commit{Hash: a}.Short() + " and " + Commit{Hash: b}.Short(), Hint: hint}
	}
	return strings.TrimSpace(string(out)), nil
}
