package scaffold_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/scaffold"
	"github.com/cpp-plans/cpp/internal/testutil/exittest"
	"github.com/cpp-plans/cpp/internal/testutil/gittest"
	"github.com/cpp-plans/cpp/internal/testutil/tree"
)

func lock(dirs []string) (*safewrite.Lock, error) {
	var locks []string
	for _, d := range dirs {
		l, err := safewrite.LockDir(d, true)
		if err != nil {
			return nil, err
		}
		locks = append(locks, l)
	}
	return safewrite.LockDirs(locks, safewrite.LockOptions{})
}

func today() (time.Time, error) { return time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), nil }

func TestMake(t *testing.T) {
	gittest.Env(t)
	tests := []struct {
		name    string
		req     scaffold.Request
		before  map[string]string // files in Dir before
		code    int               // the exit code of the error; 0 for none
		msg     string            // in the error's message
		summary []string          // in the summary
		warn    string            // on Warn
		commit  bool              // a repository with one commit
		config  string            // in cpp.yaml after
	}{
		{name: "a release, committed", req: scaffold.Request{Council: "Riverside Council", Quarters: "financial", Version: "v1.2.3"},
			summary: []string{"Made a plan repository for Riverside Council in ", "(financial quarters):", "plans/riverside-cp.yaml", "Committed: " + scaffold.CommitMessage,
				"Next: cd ", "then put your plan's own words in plans/riverside-cp.yaml"},
			commit: true, config: "council: Riverside Council"},
		{name: "a development build warns", req: scaffold.Request{Council: "Riverside Council", Version: "dev", NoGit: true},
			summary: []string{"(calendar quarters):"}, warn: "cpp: warning: this cpp (dev) is not a release"},
		{name: "cpp.yaml kept, and gives the council and quarters", req: scaffold.Request{Version: "v1.0.0", NoGit: true},
			before:  map[string]string{"cpp.yaml": "council: Camden Council\nquarters: financial\n"},
			summary: []string{"for Camden Council", "(financial quarters)", "plans/camden-cp.yaml"}, config: "council: Camden Council\nquarters: financial\n"},
		{name: "--quarters wins over cpp.yaml", req: scaffold.Request{Quarters: "calendar", QuartersGiven: true, Version: "v1.0.0", NoGit: true},
			before:  map[string]string{"cpp.yaml": "council: Camden Council\nquarters: financial\n"},
			summary: []string{"(calendar quarters)"}},
		{name: "a broken cpp.yaml", req: scaffold.Request{Council: "Riverside Council", NoGit: true},
			before: map[string]string{"cpp.yaml": "quarters: sideways\n"}, code: exitcode.Problem, msg: "nothing was written"},
		{name: "no council", req: scaffold.Request{Council: "  ", NoGit: true}, code: exitcode.Usage, msg: "cpp init needs --council"},
		{name: "a control character", req: scaffold.Request{Council: "River\x1bside", NoGit: true}, code: exitcode.Usage, msg: `invalid --council "River\x1bside"`},
		{name: "files in the way", req: scaffold.Request{Council: "Riverside Council", NoGit: true},
			before: map[string]string{"README.md": "mine\n", "plans/leads.yaml": "leads: []\n"}, code: exitcode.Problem,
			msg: "2 files cpp init would write exist, so nothing was written: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "plans-repo")
			tree.Write(t, dir, tt.before)
			var warn bytes.Buffer
			req := tt.req
			req.Dir, req.Today, req.Lock, req.Warn = dir, today, lock, &warn
			made, err := scaffold.Make(req)
			if tt.code != 0 {
				exittest.Check(t, err, tt.code, tt.msg)
				if got := countFiles(t, dir); got != len(tt.before) {
					t.Errorf("%d files after a refusal, want the %d before", got, len(tt.before))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			summary := string(made.Summary())
			for _, want := range tt.summary {
				if !strings.Contains(summary, want) {
					t.Errorf("summary lacks %q:\n%s", want, summary)
				}
			}
			if !strings.Contains(warn.String(), tt.warn) || (tt.warn == "") != (warn.Len() == 0) {
				t.Errorf("warned %q, want %q", warn.String(), tt.warn)
			}
			if got := countFiles(t, dir); got != len(made.Files)+len(tt.before) {
				t.Errorf("%d files written, want %d", got, len(made.Files))
			}
			if _, err := os.Stat(filepath.Join(dir, ".git")); (err == nil) != tt.commit {
				t.Errorf("a repository: %v, want %v", err == nil, tt.commit)
			}
			if tt.commit {
				out, err := exec.Command("git", "-C", dir, "log", "--format=%s").Output()
				if err != nil || strings.TrimSpace(string(out)) != scaffold.CommitMessage {
					t.Errorf("git log: %q, %v", out, err)
				}
			}
			if data, _ := os.ReadFile(filepath.Join(dir, "cpp.yaml")); !strings.Contains(string(data), tt.config) {
				t.Errorf("cpp.yaml:\n%s\nwant %q in it", data, tt.config)
			}
		})
	}
}

// TestMakeFails: the clock's and the lock's errors pass through untouched; git missing, and a
// write that fails part way (naming what it wrote), end with exit 3.
func TestMakeFails(t *testing.T) {
	gittest.Env(t)
	errLock := errors.New("busy")
	errClock := errors.New("no clock")
	// The plans are written; .cpp/ cannot be made, for a link to nowhere is in its place.
	noCpp := t.TempDir()
	if err := os.Symlink(filepath.Join(noCpp, "nowhere"), filepath.Join(noCpp, ".cpp")); err != nil {
		t.Skip("no symlinks:", err)
	}
	tests := []struct {
		name   string
		req    scaffold.Request
		noPath bool // git is not on the PATH
		is     func(error) bool
	}{
		{"the clock", scaffold.Request{NoGit: true, Today: func() (time.Time, error) { return time.Time{}, errClock }}, false,
			func(err error) bool { return errors.Is(err, errClock) }},
		{"the lock", scaffold.Request{NoGit: true, Lock: func([]string) (*safewrite.Lock, error) { return nil, errLock }}, false,
			func(err error) bool { return errors.Is(err, errLock) }},
		{"no git", scaffold.Request{}, true,
			func(err error) bool {
				return exitcode.Of(err) == exitcode.Failure && err.Error() == "git is not installed; nothing was written"
			}},
		{"a folder that cannot be made", scaffold.Request{NoGit: true, Dir: noCpp}, false,
			func(err error) bool {
				return exitcode.Of(err) == exitcode.Failure && strings.HasPrefix(err.Error(), "cannot write "+filepath.Join(noCpp, ".cpp", "plan.schema.json")+": ") &&
					strings.HasSuffix(err.Error(), "; written before it: "+filepath.Join(noCpp, "plans/riverside-cp.yaml")+", "+
						filepath.Join(noCpp, "plans/leads.yaml")+", "+filepath.Join(noCpp, "plans/.gitignore"))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.Council, req.Warn = "Riverside Council", &bytes.Buffer{}
			if tt.noPath {
				t.Setenv("PATH", t.TempDir())
			}
			if req.Dir == "" {
				req.Dir = t.TempDir()
			}
			if req.Today == nil {
				req.Today = today
			}
			if req.Lock == nil {
				req.Lock = lock
			}
			if _, err := scaffold.Make(req); !tt.is(err) {
				t.Errorf("got %#v", err)
			}
		})
	}
}

// countFiles counts the regular files under dir, leaving out git's and cpp's lock.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && d.Name() != ".cpp.lock" {
			n++
		}
		return nil
	})
	return n
}
