package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// CommitMessage is fixed, so that every new plan repository starts the same way.
const CommitMessage = "Start the plan repository with cpp init"

// Request says where to make a plan repository, for which council, and how.
type Request struct {
	Dir      string
	Council  string
	Quarters string // calendar or financial, as --quarters gives it
	// QuartersGiven says Quarters was given; otherwise a cpp.yaml already in Dir may set it.
	QuartersGiven bool
	// Today is the date the starter plan is dated from (cpp's clock); it is asked once the
	// council and quarters are known good.
	Today func() (time.Time, error)
	// Version is the running cpp's. A release (v1.2.3) is what the workflow and pre-commit run;
	// anything else is a development build, which pins nothing, and Make says so on Warn.
	Version string
	NoGit   bool
	// Lock takes the write lock of the plans folder, as every writer of plans does.
	Lock func(dirs []string) (*safewrite.Lock, error)
	Warn io.Writer
}

// Made is the plan repository Make made.
type Made struct {
	Dir, Council string
	Quarters     deadline.Convention
	Files        []File
	Committed    bool
}

var reRelease = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// Make writes a new plan repository into r.Dir and commits it, unless r.NoGit. A cpp.yaml
// already there (a council's own settings) is kept, and gives the council and quarters the
// request leaves out. Every target is looked at, and git asked whether it can commit, before
// anything is written, so that a refusal leaves the folder exactly as it was. Its errors carry
// their exit codes.
func Make(r Request) (*Made, error) {
	keepConfig, err := r.readConfig()
	if err != nil {
		return nil, err
	}
	council := strings.TrimSpace(r.Council)
	if council == "" {
		return nil, exitcode.Usagef(`name the council, as in --council "Riverside Council"`, "cpp init needs --council")
	}
	if strings.IndexFunc(council, unicode.IsControl) >= 0 {
		return nil, exitcode.Usagef("write the council's name on one line, without control characters", "invalid --council %q", r.Council)
	}
	conv, _ := deadline.ParseConvention(r.Quarters)
	today, err := r.Today()
	if err != nil {
		return nil, err
	}
	// The workflow and pre-commit run the release of cpp that made them.
	rev := r.Version
	if !reRelease.MatchString(rev) {
		rev = ""
	}
	files := Repo(Options{Council: council, Quarters: conv, Today: today, Rev: rev})
	if keepConfig {
		files = slices.DeleteFunc(files, func(f File) bool { return f.Path == ConfigPath })
	}
	if err := r.write(files, rev == ""); err != nil {
		return nil, err
	}
	return &Made{Dir: r.Dir, Council: council, Quarters: conv, Files: files, Committed: !r.NoGit}, nil
}

// readConfig reads a cpp.yaml already in Dir into what the request leaves out, and says whether
// there is one to keep.
func (r *Request) readConfig() (bool, error) {
	path := filepath.Join(r.Dir, ConfigPath)
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	cfg, ds := config.Read(path)
	if errs, _ := diag.Count(ds); errs > 0 {
		return false, exitcode.Problemf(ds[0].Hint, "%s; nothing was written", ds[0].OneLine())
	}
	if strings.TrimSpace(r.Council) == "" {
		r.Council = cfg.Council
	}
	if !r.QuartersGiven && cfg.QuartersSet {
		r.Quarters = cfg.Quarters.String()
	}
	return true, nil
}

// write writes the files under the plans folder's lock, then commits them unless NoGit.
func (r *Request) write(files []File, devBuild bool) error {
	if err := inTheWay(r.Dir, files); err != nil {
		return err
	}
	if !r.NoGit {
		if err := gitrev.CanCommit(existingParent(r.Dir)); err != nil {
			return gitrev.Failure(err)
		}
	}
	plansDir := filepath.Join(r.Dir, "plans")
	if err := os.MkdirAll(plansDir, 0o755); err != nil {
		return writeFailed(err, plansDir, nil)
	}
	lk, err := r.Lock([]string{plansDir})
	if err != nil {
		return err
	}
	defer lk.Release()
	if devBuild {
		fmt.Fprintf(r.Warn, "cpp: warning: this cpp (%s) is not a release, so the workflow installs the latest release and pre-commit runs the cpp on the PATH\n"+
			"  hint: pin a release in .github/workflows/plans.yml (CPP_VERSION) and .pre-commit-config.yaml, or run cpp init from a release\n", r.Version)
	}
	paths, err := writeFiles(r.Dir, files)
	if err != nil {
		return err
	}
	lk.Release()
	if r.NoGit {
		return nil
	}
	return gitrev.Failure(gitrev.InitCommit(r.Dir, CommitMessage, paths))
}

// writeFiles writes each file new, and returns their paths as given.
func writeFiles(dir string, files []File) ([]string, error) {
	var written, paths []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		err := os.MkdirAll(filepath.Dir(target), 0o755)
		if err == nil {
			err = safewrite.Write(target, f.Data, safewrite.Options{Policy: safewrite.MustNotExist})
		}
		if err != nil {
			return nil, writeFailed(err, target, written)
		}
		written, paths = append(written, target), append(paths, f.Path)
	}
	return paths, nil
}

// writeFailed is a failed write, or a folder that could not be made, with the files written
// before it: the check before writing found none of them, so only another program creating a
// file meanwhile, or the system, stops one.
func writeFailed(err error, target string, written []string) error {
	var se *safewrite.Error
	if !errors.As(err, &se) {
		err = &safewrite.Error{Op: "write", Path: target, Kind: safewrite.Failed, Err: err}
	}
	e := workspace.WriteFailed(err)
	var ee *exitcode.Error
	if errors.As(e, &ee) && len(written) > 0 {
		ee.Msg += "; written before it: " + strings.Join(written, ", ")
	}
	return e
}

// inTheWay refuses, naming them all, the files init would write that exist already.
func inTheWay(dir string, files []File) error {
	var exist []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(target); err == nil || !errors.Is(err, fs.ErrNotExist) {
			exist = append(exist, target)
		}
	}
	if len(exist) == 0 {
		return nil
	}
	noun := "a file cpp init would write exists"
	if len(exist) > 1 {
		noun = fmt.Sprintf("%d files cpp init would write exist", len(exist))
	}
	return exitcode.Problemf("cpp init never overwrites: choose a new folder, or move these files away first",
		"%s, so nothing was written: %s", noun, strings.Join(exist, ", "))
}

// existingParent is dir, or the nearest folder above it that exists: where git can be asked
// about its configuration before dir is made.
func existingParent(dir string) string {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}

// Summary is what Make made, file by file, and what to do next.
func (m *Made) Summary() []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "Made a plan repository for %s in %s (%s quarters):\n", m.Council, m.Dir, m.Quarters)
	width := 0
	for _, f := range m.Files {
		width = max(width, len(f.Path))
	}
	for _, f := range m.Files {
		fmt.Fprintf(&out, "  %-*s  %s\n", width, f.Path, f.About)
	}
	if m.Committed {
		fmt.Fprintf(&out, "Committed: %s\n", CommitMessage)
	}
	next := "cpp validate"
	if m.Dir != "." {
		next = "cd " + m.Dir + " && " + next
	}
	fmt.Fprintf(&out, "\nNext: %s, then put your plan's own words in %s\n", next, m.Files[0].Path)
	return out.Bytes()
}
