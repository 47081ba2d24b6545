package cli

import (
	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
)

// repoConfig reads the repository's cpp.yaml, found from the working folder; a repository
// without one gets a zero Config. A config with errors stops the command (exit 1), naming the
// first; cpp validate names them all.
func repoConfig(env *Env) (*config.Config, error) {
	wd, err := env.Getwd()
	if err != nil {
		return nil, &exitcode.Error{Code: exitcode.Failure, Msg: "cannot find the working directory: " + err.Error()}
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
