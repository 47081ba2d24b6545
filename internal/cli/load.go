package cli

import (
	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// The plan repository a command works on is internal/workspace's: these adapters hand it the
// command's environment, for the many commands that call them.

// workspaceOf is what the workspace takes from the command's environment.
func workspaceOf(env *Env) workspace.Env {
	return workspace.Env{Getwd: env.Getwd, Getenv: env.Getenv, Notices: env.Stderr}
}

func planPaths(env *Env, args []string) ([]string, error) { return workspaceOf(env).PlanPaths(args) }

func repoConfig(env *Env) (*config.Config, error) { return workspaceOf(env).Config() }

func loadPlans(env *Env, paths []string) (*workspace.Loaded, error) {
	return workspaceOf(env).Load(paths, planfile.Options{})
}

func plansNamed(env *Env, l *workspace.Loaded, names []string) ([]*plan.Plan, error) {
	return workspaceOf(env).PlansNamed(l, names)
}

func lockPlans(env *Env, paths []string) (*safewrite.Lock, error) {
	return workspaceOf(env).Lock(paths)
}
