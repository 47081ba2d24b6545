package cli

import (
	"errors"
	"fmt"

	"github.com/cpp-plans/cpp/internal/safewrite"
)

// writeFailed turns a safewrite error into the command's error: a refusal (a file cpp will not
// write: not regular, an input, read-only, changed meanwhile) is a problem the user can fix, exit
// 1; the system failing (no such folder, disk full) is exit 3. The message names the file the user
// gave, never the temporary file.
func writeFailed(err error) error {
	var se *safewrite.Error
	if !errors.As(err, &se) {
		return &exitError{code: ExitFailure, msg: err.Error()}
	}
	if safewrite.InUse(se.Err) {
		return inUseError(se)
	}
	code := ExitFailure
	if se.Refused() {
		code = ExitProblem
	}
	return &exitError{code: code, msg: se.Error(), hint: se.Hint()}
}

// inUseError says that another program (on Windows, nearly always Excel) holds the file open, and
// what to do: exit 1, a problem the user can fix.
func inUseError(se *safewrite.Error) error {
	return &exitError{code: ExitProblem, msg: fmt.Sprintf("cannot %s %s: another program has it open", se.Op, se.Path),
		hint: "close it in Excel (or the program that has it open) and run again"}
}

// readReason is why a file could not be read, for a problem that names the file itself.
func readReason(err error) string {
	return "cannot read it: " + safewrite.Reason(err)
}
