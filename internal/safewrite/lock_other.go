//go:build !unix

package safewrite

import "os"

// takeOver: without flock, the lock is the file created with O_EXCL (see takeOverByPID).
func takeOver(f *os.File, path string, created bool) (bool, error) {
	return takeOverByPID(f, path, created), nil
}

// alive: on Windows, finding a process opens it, which fails when it has ended. Where the system
// cannot tell, a process is taken to run, so a stale lock is reported rather than broken.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
