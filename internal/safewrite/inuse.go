package safewrite

import (
	"errors"
	"os"
	"syscall"
)

// InUse reports whether err, from Read or Write, says that another program holds the file open
// so that it cannot be replaced: on Windows, Excel keeps every workbook and CSV file it has open
// locked, and writing a return or a listing over it fails. Elsewhere a file open in another
// program can be replaced, and InUse is always false.
func InUse(err error) bool { return inUse(err) }

// Windows error numbers (winerror.h): the syscall package names only some of them.
const (
	errAccessDenied     syscall.Errno = 5
	errSharingViolation syscall.Errno = 32
	errLockViolation    syscall.Errno = 33
)

// windowsInUse maps Windows' errors: a sharing or lock violation is a file another program holds
// open. Replacing a file that is open without delete sharing (as Excel opens it) fails in the
// rename with access denied instead; Write has already refused a read-only target and made its
// temporary file in the same folder, so access denied on the rename means the file is held open.
func windowsInUse(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case errSharingViolation, errLockViolation:
		return true
	case errAccessDenied:
		var le *os.LinkError
		return errors.As(err, &le) && le.Op == "rename"
	}
	return false
}
