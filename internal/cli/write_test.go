package cli

import (
	"errors"
	"os"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func TestInUseError(t *testing.T) {
	err := inUseError(&safewrite.Error{Op: "write", Path: "returns.xlsx", Kind: safewrite.Failed})
	var ee *exitcode.Error
	if !errors.As(err, &ee) {
		t.Fatalf("%T", err)
	}
	if ee.Code != exitcode.Problem || ee.Msg != "cannot write returns.xlsx: another program has it open" ||
		ee.Hint != "close it in Excel (or the program that has it open) and run again" {
		t.Errorf("got exit %d, %q, hint %q", ee.Code, ee.Msg, ee.Hint)
	}
}

// Outside Windows the same error numbers mean other things: they stay the system's failure.
func TestWriteFailedIsTheSystemsOutsideWindows(t *testing.T) {
	if safewrite.InUse(&os.LinkError{Op: "rename", Err: errors.New("x")}) {
		t.Fatal("InUse without a system error")
	}
	err := writeFailed(&safewrite.Error{Op: "write", Path: "due.csv", Kind: safewrite.Failed, Err: os.ErrPermission})
	if exitcode.Of(err) != exitcode.Failure {
		t.Errorf("exit %d, want %d", exitcode.Of(err), exitcode.Failure)
	}
}
