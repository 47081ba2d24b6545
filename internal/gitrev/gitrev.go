// Package gitrev reads plan files as they were at a git revision, by running the git binary:
// the file list with ls-tree, the contents through one `git cat-file --batch` process however many
// files there are. Git's failures become one-line errors.
package gitrev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/planfile"
)

// Error is a failure of git or of the repository, in one line with a hint.
type Error struct {
	Msg, Hint string
}

func (e *Error) Error() string { return e.Msg }

// Repo is a git work tree.
type Repo struct {
	Top string // the work tree's top folder
}

// Open finds the repository that holds dir. When git is missing, or refuses the repository
// (one owned by another user is "dubious ownership" until marked safe), the error is git's own
// first line with the fix git suggests, not "not a git repository".
func Open(dir string) (*Repo, error) {
	out, err := run(context.Background(), dir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		var re *runError
		switch {
		case errors.Is(err, exec.ErrNotFound):
			return nil, &Error{Msg: "git is not installed (or not on PATH)", Hint: "install git (https://git-scm.com/downloads); cpp reads plan history through it"}
		case errors.As(err, &re) && re.stderr != "" && !strings.Contains(re.stderr, "not a git repository"):
			return nil, refusal(re.stderr)
		}
		return nil, &Error{Msg: "not a git repository: " + dir, Hint: "run cpp inside the plan repository's git work tree"}
	}
	return &Repo{Top: strings.TrimSpace(string(out))}, nil
}

// refusal turns git's message for a repository it will not read into one line and a hint: the
// command git suggests when it suggests one ("git config --global --add safe.directory DIR").
func refusal(stderr string) *Error {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	e := &Error{Msg: "git: " + strings.TrimPrefix(strings.TrimSpace(lines[0]), "fatal: ")}
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "git ") {
			e.Hint = "if you trust the repository, as git says: " + l
		}
	}
	if e.Hint == "" && len(lines) > 1 {
		e.Hint = strings.TrimSpace(strings.Join(lines[1:], " "))
	}
	return e
}

// Resolve turns a revision (tag, branch, commit, HEAD~2) into a commit id.
func (r *Repo) Resolve(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", &Error{Msg: fmt.Sprintf("unknown revision %q", rev), Hint: "give a tag, branch or commit"}
	}
	out, err := run(context.Background(), r.Top, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		hint := "check the name with 'git log --oneline' or 'git tag'"
		if shallow, _ := run(context.Background(), r.Top, nil, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(shallow)) == "true" {
			hint = "this is a shallow clone: fetch more history (git fetch --unshallow) or fetch that revision"
		} else if any, _ := run(context.Background(), r.Top, nil, "rev-list", "-n", "1", "--all"); len(bytes.TrimSpace(any)) == 0 {
			hint = "the repository has no commits yet: commit the plans first"
		}
		return "", &Error{Msg: fmt.Sprintf("unknown revision %q", rev), Hint: hint}
	}
	return strings.TrimSpace(string(out)), nil
}

// File is a plan file at a commit: its path from the top and its blob id.
type File struct {
	Path, ID string
}

// Files lists the .yaml and .yml files under a folder (relative to the top) at a commit.
func (r *Repo) Files(commit, under string) ([]File, error) {
	out, err := run(context.Background(), r.Top, nil, "ls-tree", "-r", "-z", commit, "--", under)
	if err != nil {
		return nil, &Error{Msg: "git ls-tree failed: " + firstLine(err.Error())}
	}
	var files []File
	for _, entry := range strings.Split(string(out), "\x00") {
		meta, path, ok := strings.Cut(entry, "\t")
		f := strings.Fields(meta)
		if ok && len(f) == 3 && f[1] == "blob" && planfile.IsPlanName(path) {
			files = append(files, File{Path: path, ID: f[2]})
		}
	}
	return files, nil
}

// Cat returns the contents of objects (blob ids, or commit:path) through one
// `git cat-file --batch` process, however many there are. Missing objects are left out.
func (r *Repo) Cat(names []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(names))
	if len(names) == 0 {
		return out, nil
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = r.Top
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, &Error{Msg: "cannot run git: " + err.Error()}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, &Error{Msg: "cannot run git: " + err.Error()}
	}
	if err := cmd.Start(); err != nil {
		return nil, &Error{Msg: "cannot run git: " + err.Error(), Hint: "install git"}
	}
	// Write the names while reading the answers, so neither side's pipe buffer fills up.
	go func() {
		w := bufio.NewWriter(stdin)
		for _, n := range names {
			w.WriteString(n)
			w.WriteByte('\n')
		}
		w.Flush()
		stdin.Close()
	}()
	br := bufio.NewReaderSize(stdout, 1<<16)
	fail := func(msg string) (map[string][]byte, error) {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, &Error{Msg: msg}
	}
	for _, n := range names {
		header, err := br.ReadString('\n')
		if err != nil {
			return fail("git cat-file ended early: " + firstLine(stderr.String()))
		}
		fields := strings.Fields(header)
		if len(fields) == 2 && fields[1] == "missing" {
			continue
		}
		if len(fields) != 3 {
			return fail("unexpected git cat-file output: " + strings.TrimSpace(header))
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return fail("unexpected git cat-file output: " + strings.TrimSpace(header))
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(br, data); err != nil {
			return fail("git cat-file ended early: " + err.Error())
		}
		br.ReadByte() // the newline after each object
		out[n] = data
	}
	if err := cmd.Wait(); err != nil {
		return nil, &Error{Msg: "git cat-file failed: " + firstLine(stderr.String())}
	}
	return out, nil
}

// runError is a git command that failed, with what it said on stderr.
type runError struct {
	err    error
	stderr string
}

func (e *runError) Error() string { return fmt.Sprintf("%v: %s", e.err, e.stderr) }
func (e *runError) Unwrap() error { return e.err }

func run(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &runError{err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return out, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// ObjectIDs resolves object names (commit:path, commit^2:path) to blob ids through one
// `git cat-file --batch-check`, without reading the contents. A name that names nothing (a path
// the commit lacks, the parent of a root commit) is left out.
func (r *Repo) ObjectIDs(names []string) (map[string]string, error) {
	out := make(map[string]string, len(names))
	if len(names) == 0 {
		return out, nil
	}
	var in bytes.Buffer
	for _, n := range names {
		in.WriteString(n)
		in.WriteByte('\n')
	}
	data, err := run(context.Background(), r.Top, &in, "cat-file", "--batch-check")
	if err != nil {
		return nil, &Error{Msg: "git cat-file failed: " + firstLine(err.Error())}
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != len(names) {
		return nil, &Error{Msg: fmt.Sprintf("git cat-file answered %d of %d names", len(lines), len(names))}
	}
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) == 3 && f[1] == "blob" {
			out[names[i]] = f[0]
		}
	}
	return out, nil
}

// ShallowCommits are the commits where a shallow clone's history is cut off: their parents were
// not fetched. It is empty for a repository with its full history.
func (r *Repo) ShallowCommits() (map[string]bool, error) {
	out, err := run(context.Background(), r.Top, nil, "rev-parse", "--git-path", "shallow")
	if err != nil {
		return nil, &Error{Msg: "git rev-parse failed: " + firstLine(err.Error())}
	}
	path := strings.TrimSpace(string(out))
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.Top, path)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, &Error{Msg: "cannot read the shallow clone's boundary: " + err.Error()}
	}
	commits := map[string]bool{}
	for _, line := range strings.Fields(string(data)) {
		commits[line] = true
	}
	return commits, nil
}
