package safewrite

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestWindowsInUse(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"sharing violation on open", &fs.PathError{Op: "open", Path: "due.csv", Err: errSharingViolation}, true},
		{"lock violation", &fs.PathError{Op: "write", Path: "due.csv", Err: errLockViolation}, true},
		{"access denied on the rename", &os.LinkError{Op: "rename", Old: ".due.csv.tmp", New: "due.csv", Err: errAccessDenied}, true},
		{"wrapped, as Write's Error wraps it", &Error{Op: "write", Path: "due.csv", Kind: Failed,
			Err: fmt.Errorf("replace: %w", &os.LinkError{Op: "rename", Old: "a", New: "b", Err: errSharingViolation})}, true},
		{"access denied making the temporary file", &fs.PathError{Op: "open", Path: ".due.csv.tmp", Err: errAccessDenied}, false},
		{"no such folder", &fs.PathError{Op: "open", Path: "x/due.csv", Err: syscall.Errno(3)}, false},
		{"not a system error", fs.ErrNotExist, false},
		{"nil", nil, false},
	} {
		if got := windowsInUse(tc.err); got != tc.want {
			t.Errorf("%s: windowsInUse = %v, want %v", tc.name, got, tc.want)
		}
	}
}
