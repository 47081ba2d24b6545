package workspace

import (
	"errors"
	"os"
	"syscall"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// On Windows, a write that fails because Excel holds the file open says so, and what to do.
func TestWriteFailedFileOpenInExcel(t *testing.T) {
	for _, sys := range []error{
		&os.PathError{Op: "open", Path: "due.csv", Err: syscall.Errno(32)},                      // ERROR_SHARING_VIOLATION
		&os.LinkError{Op: "rename", Old: ".due.csv.tmp", New: "due.csv", Err: syscall.Errno(5)}, // ERROR_ACCESS_DENIED
	} {
		err := WriteFailed(&safewrite.Error{Op: "write", Path: "due.csv", Kind: safewrite.Failed, Err: sys})
		var ee *exitcode.Error
		if !errors.As(err, &ee) || ee.Code != exitcode.Problem || ee.Msg != "cannot write due.csv: another program has it open" ||
			ee.Hint != "close it in Excel (or the program that has it open) and run again" {
			t.Errorf("%v: got %v", sys, err)
		}
	}
}
