// Package workspace is the plan repository a command works on: where its plans are, its
// settings, the plans loaded (naming on stderr the files left out), the lock a writer takes
// before it reads, and the change a writing command makes to the plan files.
package workspace

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Env is what the workspace takes from the command's environment.
type Env struct {
	Getwd   func() (string, error) // the working folder, where the repository is looked for
	Getenv  func(string) string    // for CPP_LOCK_TIMEOUT
	Notices io.Writer              // stderr: the files left out, waits for the lock, files written
}

// PlanPaths resolves the paths a command was given, or the repository's plans/ folder, found
// from the working folder up.
func (e Env) PlanPaths(args []string) ([]string, error) {
	if len(args) > 0 {
		return args, nil
	}
	wd, err := e.wd()
	if err != nil {
		return nil, err
	}
	dir, ok := planfile.FindPlansDir(wd)
	if info, err := os.Stat(filepath.Join(wd, "plans")); err == nil && !info.IsDir() {
		return nil, exitcode.Usagef("plan files go in a plans/ folder: rename or move the file, then make the folder",
			"plans is a file here, not a folder")
	}
	if !ok {
		return nil, exitcode.Usagef("run cpp inside a plan repository (one with a plans/ folder), or pass the plan files or folders to read",
			"no plans/ folder here or in any parent folder")
	}
	if rel, err := filepath.Rel(wd, dir); err == nil {
		dir = rel
	}
	return []string{dir}, nil
}

// Config reads the repository's cpp.yaml, found from the working folder; a repository without
// one gets a zero Config. A config with errors stops the command (exit 1), naming the first; cpp
// validate names them all.
func (e Env) Config() (*config.Config, error) {
	wd, err := e.wd()
	if err != nil {
		return nil, err
	}
	cfg, ds := config.Load(wd)
	if errs, _ := diag.Count(ds); errs > 0 {
		d := ds[0]
		hint := "run 'cpp validate' to see every problem in it"
		if d.Hint != "" {
			hint = d.Hint + "; " + hint
		}
		return nil, exitcode.Problemf(hint, "%s", d.OneLine())
	}
	return cfg, nil
}

func (e Env) wd() (string, error) {
	wd, err := e.Getwd()
	if err != nil {
		return "", exitcode.Failuref("cannot find the working directory: %s", err.Error())
	}
	return wd, nil
}

// planFiles are the plan files in paths (files, and the .yaml files in folders; none given, the
// repository's plans/), refusing a path that does not exist and paths with no plan file in them;
// doing says what the command does with them, in the hint.
func (e Env) planFiles(paths []string, doing string) ([]string, error) {
	paths, err := e.PlanPaths(paths)
	if err != nil {
		return nil, err
	}
	files, ds := planfile.Expand(paths)
	if len(ds) > 0 {
		return nil, exitcode.Problemf(ds[0].Hint, "%s", ds[0].OneLine())
	}
	if len(files) == 0 {
		return nil, exitcode.Problemf("put plan files (.yaml) in the folder, or pass the files to "+doing,
			"no plan files found in %s", strings.Join(paths, ", "))
	}
	return files, nil
}
