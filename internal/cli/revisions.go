package cli

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/history"
)

// openPlansFlag opens the repository around --plans DIR, or around the plans/ folder found
// from the working directory when the flag is not given.
func openPlansFlag(env *Env, dir string) (*gitrev.PlanRepo, error) {
	if dir == "" {
		return openPlanRepo(env, nil)
	}
	return openPlanRepo(env, []string{dir})
}

// openPlanRepo finds the plans folder (or the folder given) and the git repository around it.
func openPlanRepo(env *Env, paths []string) (*gitrev.PlanRepo, error) {
	paths, err := planPaths(env, paths)
	if err != nil {
		return nil, err
	}
	return gitrev.OpenPlansPath(paths[0], env.Getwd)
}

// warnShallow says on stderr that an action's deadline history is cut off by a shallow clone.
func warnShallow(env *Env, s *history.Slip) { fmt.Fprint(env.Stderr, history.ShallowNote(s)) }
