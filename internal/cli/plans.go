package cli

import (
	"os"
	"path/filepath"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// planPaths resolves the paths a command was given, or the repository's plans/ folder.
func planPaths(env *Env, args []string) ([]string, error) {
	if len(args) > 0 {
		return args, nil
	}
	wd, err := env.Getwd()
	if err != nil {
		return nil, &exitcode.Error{Code: exitcode.Failure, Msg: "cannot find the working directory: " + err.Error()}
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
