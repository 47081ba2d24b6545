//go:build unix

package safewrite

import (
	"errors"
	"os"
	"syscall"
)

// takeOver takes the lock on an open lock file: flock(2) without waiting, then a check that the
// file locked is still the one at path (its holder removes it while holding it, so a waiter
// that opened it before may lock a file no longer there). A file locked by nobody is one whose
// holder died: it is taken over as it is.
func takeOver(f *os.File, path string, created bool) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	switch {
	case errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR):
		return false, nil
	case errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS):
		return takeOverByPID(f, path, created), nil
	case err != nil:
		return false, err
	}
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pi, err := os.Stat(path)
	if err != nil || !os.SameFile(fi, pi) {
		return false, nil // closing f lets the lock go
	}
	return true, nil
}

// alive reports whether a process runs: signal 0 checks without sending anything, and EPERM
// means it runs as another user.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
