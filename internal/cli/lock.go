package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// lockPlans takes the write locks for the plan files and folders in paths (as given to the
// command, or found), before the command reads them: a second cpp waits here, up to
// CPP_LOCK_TIMEOUT (10s), saying after a second what it waits for, so that it reads the plans
// only once the first has written its change. The caller releases the lock after its last write.
func lockPlans(env *Env, paths []string) (*safewrite.Lock, error) {
	wait := safewrite.DefaultWait
	if s := env.Getenv("CPP_LOCK_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return nil, exitcode.Usagef("give a duration such as 30s, or unset it for 10s", "invalid CPP_LOCK_TIMEOUT %q", s)
		}
		wait = d
	}
	dirs := lockDirs(paths)
	// Lock files are found by their real path; messages name them from where the user is.
	rel := func(p string) string {
		if wd, err := env.Getwd(); err == nil {
			if wd, err := filepath.EvalSymlinks(wd); err == nil {
				if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
					return r
				}
			}
		}
		return p
	}
	lk, err := safewrite.LockDirs(dirs, safewrite.LockOptions{Wait: wait,
		Notify: func(lock string, pid int) {
			fmt.Fprintf(env.Stderr, "cpp: waiting for another cpp (%s) to finish writing the plans in %s (up to %s)\n",
				safewrite.Holder(pid), filepath.Dir(rel(lock)), wait)
		}})
	var be *safewrite.BusyError
	if errors.As(err, &be) {
		be.Path = rel(be.Path)
		return nil, &exitcode.Error{Code: exitcode.Busy, Msg: be.Error(), Hint: be.Hint()}
	}
	if err != nil {
		return nil, writeFailed(err)
	}
	return lk, nil
}

// lockDirs are the folders whose locks guard the plan files and folders in paths: a folder, and
// every folder of plans below it, as a file is guarded by its own folder's lock.
func lockDirs(paths []string) []string {
	var dirs []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue // the command names a path that does not exist, as it would without the lock
		}
		if info.IsDir() {
			if d, err := safewrite.LockDir(p, true); err == nil {
				dirs = append(dirs, d)
			}
			files, _ := planfile.Expand([]string{p})
			for _, f := range files {
				if d, err := safewrite.LockDir(f, false); err == nil {
					dirs = append(dirs, d)
				}
			}
			continue
		}
		if d, err := safewrite.LockDir(p, false); err == nil {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// notLocked refuses to write a file the command's lock does not guard: a plan that moved to
// another folder between finding the plans and reading them.
func notLocked(path string) error {
	return exitcode.Problemf("the plans changed while cpp read them; run the command again",
		"cannot write %s: it is not in a folder cpp locked for this command; nothing written", path)
}
