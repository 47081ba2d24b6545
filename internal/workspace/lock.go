package workspace

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

// Lock takes the write locks for the plan files and folders in paths (as given to the command,
// or found), before the command reads them: a second cpp waits here, up to CPP_LOCK_TIMEOUT
// (10s), saying after a second what it waits for, so that it reads the plans only once the first
// has written its change. The caller releases the lock after its last write.
func (e Env) Lock(paths []string) (*safewrite.Lock, error) {
	wait, err := e.lockWait()
	if err != nil {
		return nil, err
	}
	lk, err := safewrite.LockDirs(lockDirs(paths), safewrite.LockOptions{Wait: wait,
		Notify: func(lock string, pid int) {
			fmt.Fprintf(e.Notices, "cpp: waiting for another cpp (%s) to finish writing the plans in %s (up to %s)\n",
				safewrite.Holder(pid), filepath.Dir(e.rel(lock)), wait)
		}})
	var be *safewrite.BusyError
	if errors.As(err, &be) {
		be.Path = e.rel(be.Path)
		return nil, &exitcode.Error{Code: exitcode.Busy, Msg: be.Error(), Hint: be.Hint()}
	}
	if err != nil {
		return nil, WriteFailed(err)
	}
	return lk, nil
}

// lockWait is how long to wait for another cpp: CPP_LOCK_TIMEOUT, else safewrite's default.
func (e Env) lockWait() (time.Duration, error) {
	s := e.Getenv("CPP_LOCK_TIMEOUT")
	if s == "" {
		return safewrite.DefaultWait, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, exitcode.Usagef("give a duration such as 30s, or unset it for 10s", "invalid CPP_LOCK_TIMEOUT %q", s)
	}
	return d, nil
}

// rel names a lock file from where the user is: lock files are found by their real path.
func (e Env) rel(p string) string {
	if wd, err := e.Getwd(); err == nil {
		if wd, err := filepath.EvalSymlinks(wd); err == nil {
			if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
				return r
			}
		}
	}
	return p
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

// WriteFailed turns a safewrite error into the command's error: a refusal (a file cpp will not
// write: not regular, an input, read-only, changed meanwhile) is a problem the user can fix, exit
// 1; the system failing (no such folder, disk full) is exit 3. The message names the file the user
// gave, never the temporary file.
func WriteFailed(err error) error {
	var se *safewrite.Error
	if !errors.As(err, &se) {
		return &exitcode.Error{Code: exitcode.Failure, Msg: err.Error()}
	}
	if safewrite.InUse(se.Err) {
		return inUseError(se)
	}
	code := exitcode.Failure
	if se.Refused() {
		code = exitcode.Problem
	}
	return &exitcode.Error{Code: code, Msg: se.Error(), Hint: se.Hint()}
}

// inUseError says that another program (on Windows, nearly always Excel) holds the file open, and
// what to do: exit 1, a problem the user can fix.
func inUseError(se *safewrite.Error) error {
	return &exitcode.Error{Code: exitcode.Problem, Msg: fmt.Sprintf("cannot %s %s: another program has it open", se.Op, se.Path),
		Hint: "close it in Excel (or the program that has it open) and run again"}
}
