package cli

import (
	"errors"
	"fmt"
)

// Exit codes, as documented in docs/exit-codes.md.
const (
	ExitOK      = 0 // success
	ExitProblem = 1 // problems found: validation errors, an unknown id, a --fail-on condition
	ExitUsage   = 2 // bad usage: unknown command or flag, bad flag value
	ExitFailure = 3 // cpp itself could not work: unreadable repository, git failed
	ExitPartial = 4 // an answer from the files that loaded, leaving out broken ones
)

// exitError carries an exit code and a one-line message (and an optional hint) up to Main.
type exitError struct {
	code int
	msg  string
	hint string
}

func (e *exitError) Error() string { return e.msg }

func usageErrorf(hint, format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...), hint: hint}
}

func problemf(hint, format string, args ...any) error {
	return &exitError{code: ExitProblem, msg: fmt.Sprintf(format, args...), hint: hint}
}

// silentExit ends a command with a code after it has printed everything it has to say.
type silentExit struct{ code int }

func (e *silentExit) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var se *silentExit
	if errors.As(err, &se) {
		return se.code
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return ExitFailure
}
