package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/scaffold"
)

type initOptions struct {
	Dir      string
	Council  string
	Quarters string
	NoGit    bool
	// quartersGiven says --quarters was given; otherwise a cpp.yaml already in DIR may set it.
	quartersGiven bool
	// devBuild says this cpp is no release, so what init writes pins none.
	devBuild bool
}

// initCommitMessage is fixed, so that every new plan repository starts the same way.
const initCommitMessage = "Start the plan repository with cpp init"

func newInitCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &initOptions{}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make a new plan repository: a starter plan, lead registry, CI workflow, pre-commit and editor schema",
		Long: `Makes a plan repository in DIR (default: the current folder): plans/ with a starter plan that
validates and shows the format in its comments (the council, a priority with its promise, a
measure and an action, dated from today) and a lead registry; the JSON Schema of plan files in
.cpp/plan.schema.json, named by each plan and by .vscode/settings.json so that editors complete
and check keys; the GitHub Actions workflow .github/workflows/plans.yml; .pre-commit-config.yaml;
.gitattributes; and a README of the quarterly cycle. Then git init and a first commit, unless
--no-git.

It never overwrites: when any file it would write exists, it names them all, writes nothing and
exits 1. Committing needs git and an identity for git (user.name and user.email); without them it
writes nothing and exits 3.

Exit status: 0 when the repository is made; 1 when a file it would write exists; 2 for bad usage;
3 when git is missing or fails.`,
		Example: `  cpp init riverside-plans --council "Riverside Council" --quarters financial
  cpp init --council "London Borough of Camden" --no-git`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.quartersGiven = c.Flags().Changed("quarters")
			return runInit(env, g, opts)
		},
	}
	c.Flags().StringVar(&opts.Council, "council", "", "the council's name, as its plans write it (required, unless a cpp.yaml in DIR gives it)")
	c.Flags().Var(quartersFlag(&opts.Quarters), "quarters", "how the plans read \"Q3 2025\": calendar (January to March is Q1) or financial (April to June)")
	c.Flags().BoolVar(&opts.NoGit, "no-git", false, "write the files only: no git init, no commit")
	return c
}

var reRelease = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

func runInit(env *Env, g *globalOptions, opts *initOptions) error {
	// A cpp.yaml already in DIR (a council's own settings) is kept, and gives the council and
	// quarters the flags leave out.
	cfgPath := filepath.Join(opts.Dir, scaffold.ConfigPath)
	keepConfig := false
	if data, err := os.ReadFile(cfgPath); err == nil {
		cfg, ds := config.Parse(cfgPath, data)
		if errs, _ := diag.Count(ds); errs > 0 {
			return exitcode.Problemf(ds[0].Hint, "%s; nothing was written", ds[0].OneLine())
		}
		keepConfig = true
		if strings.TrimSpace(opts.Council) == "" {
			opts.Council = cfg.Council
		}
		if !opts.quartersGiven && cfg.QuartersSet {
			opts.Quarters = cfg.Quarters.String()
		}
	}
	council := strings.TrimSpace(opts.Council)
	if council == "" {
		return exitcode.Usagef(`name the council, as in --council "Riverside Council"`, "cpp init needs --council")
	}
	if strings.IndexFunc(council, unicode.IsControl) >= 0 {
		return exitcode.Usagef("write the council's name on one line, without control characters", "invalid --council %q", opts.Council)
	}
	conv, _ := deadline.ParseConvention(opts.Quarters) // checked by its flag
	today, err := g.today(env)
	if err != nil {
		return err
	}
	// The workflow and pre-commit run the release of cpp that made them. A development build is
	// no release: it pins nothing, and says so.
	rev := currentVersion()
	opts.devBuild = !reRelease.MatchString(rev)
	if opts.devBuild {
		rev = ""
	}
	files := scaffold.Repo(scaffold.Options{Council: council, Quarters: conv, Today: today, Rev: rev})
	if keepConfig {
		files = slices.DeleteFunc(files, func(f scaffold.File) bool { return f.Path == scaffold.ConfigPath })
	}
	if err := writeRepo(env, opts, files); err != nil {
		return err
	}
	_, err = env.Stdout.Write(initSummary(opts, council, conv, files))
	return err
}

// writeRepo writes the files, and commits them unless --no-git. Every target is looked at, and
// git asked whether it can commit, before anything is written, so that a refusal leaves the
// folder exactly as it was.
func writeRepo(env *Env, opts *initOptions, files []scaffold.File) error {
	if err := inTheWay(opts.Dir, files); err != nil {
		return err
	}
	if !opts.NoGit {
		if err := gitrev.CanCommit(existingParent(opts.Dir)); err != nil {
			return gitFailure(err)
		}
	}

	// The plans folder is locked while the plans are written, as every writer of plans does.
	plansDir := filepath.Join(opts.Dir, "plans")
	if err := os.MkdirAll(plansDir, 0o755); err != nil {
		return initWriteFailed(err, plansDir, nil)
	}
	lk, err := lockPlans(env, []string{plansDir})
	if err != nil {
		return err
	}
	defer lk.Release()
	if opts.devBuild {
		fmt.Fprintf(env.Stderr, "cpp: warning: this cpp (%s) is not a release, so the workflow installs the latest release and pre-commit runs the cpp on the PATH\n"+
			"  hint: pin a release in .github/workflows/plans.yml (CPP_VERSION) and .pre-commit-config.yaml, or run cpp init from a release\n", currentVersion())
	}
	var written, paths []string
	for _, f := range files {
		target := filepath.Join(opts.Dir, filepath.FromSlash(f.Path))
		err := os.MkdirAll(filepath.Dir(target), 0o755)
		if err == nil {
			err = safewrite.Write(target, f.Data, safewrite.Options{Policy: safewrite.MustNotExist})
		}
		if err != nil {
			return initWriteFailed(err, target, written)
		}
		written, paths = append(written, target), append(paths, f.Path)
	}
	lk.Release()
	if opts.NoGit {
		return nil
	}
	return gitFailure(gitrev.InitCommit(opts.Dir, initCommitMessage, paths))
}

// inTheWay refuses, naming them all, the files init would write that exist already.
func inTheWay(dir string, files []scaffold.File) error {
	var exist []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(target); err == nil || !errors.Is(err, fs.ErrNotExist) {
			exist = append(exist, target)
		}
	}
	if len(exist) > 0 {
		noun := "a file cpp init would write exists"
		if len(exist) > 1 {
			noun = fmt.Sprintf("%d files cpp init would write exist", len(exist))
		}
		return exitcode.Problemf("cpp init never overwrites: choose a new folder, or move these files away first",
			"%s, so nothing was written: %s", noun, strings.Join(exist, ", "))
	}
	return nil
}

// initSummary is what init made, file by file, and what to do next.
func initSummary(opts *initOptions, council string, conv deadline.Convention, files []scaffold.File) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "Made a plan repository for %s in %s (%s quarters):\n", council, opts.Dir, conv)
	width := 0
	for _, f := range files {
		width = max(width, len(f.Path))
	}
	for _, f := range files {
		fmt.Fprintf(&out, "  %-*s  %s\n", width, f.Path, f.About)
	}
	if !opts.NoGit {
		fmt.Fprintf(&out, "Committed: %s\n", initCommitMessage)
	}
	next := "cpp validate"
	if opts.Dir != "." {
		next = "cd " + opts.Dir + " && " + next
	}
	fmt.Fprintf(&out, "\nNext: %s, then put your plan's own words in %s\n", next, files[0].Path)
	return out.Bytes()
}

// initWriteFailed says which files were written before a write failed: the check above found
// none of them, so only another program creating a file meanwhile, or the system, stops one.
func initWriteFailed(err error, target string, written []string) error {
	var se *safewrite.Error
	if !errors.As(err, &se) { // making a folder failed
		err = &safewrite.Error{Op: "write", Path: target, Kind: safewrite.Failed, Err: err}
	}
	e := writeFailed(err)
	var ee *exitcode.Error
	if errors.As(e, &ee) && len(written) > 0 {
		ee.Msg += "; written before it: " + strings.Join(written, ", ")
	}
	return e
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
