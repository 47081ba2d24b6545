// Package exitcode is the one home of cpp's exit codes and of the error that carries one, with
// a one-line message and a hint, from whichever package found the problem up to the command
// layer, which prints it and exits. The codes are documented in docs/exit-codes.md.
package exitcode

import (
	"errors"
	"fmt"
)

// cpp's exit codes.
const (
	OK      = 0 // success
	Problem = 1 // problems found: validation errors, an unknown id, a --fail-on condition
	Usage   = 2 // bad usage: unknown command or flag, bad flag value
	Failure = 3 // cpp itself could not work: unreadable repository, git failed
	Partial = 4 // an answer from the files that loaded, leaving out broken ones
	Busy    = 5 // another cpp held the plans' lock for longer than cpp waits
)

// Error carries an exit code and a one-line message (and an optional hint) up to the command
// layer.
type Error struct {
	Code int
	Msg  string
	Hint string
}

func (e *Error) Error() string { return e.Msg }

// Usagef is bad usage (exit 2), with a hint.
func Usagef(hint, format string, args ...any) error {
	return &Error{Code: Usage, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Problemf is a problem the user can fix (exit 1), with a hint.
func Problemf(hint, format string, args ...any) error {
	return &Error{Code: Problem, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Failuref is cpp itself unable to work (exit 3).
func Failuref(format string, args ...any) error {
	return &Error{Code: Failure, Msg: fmt.Sprintf(format, args...)}
}

// Silent ends a command with a code after it has printed everything it has to say.
type Silent struct{ Code int }

func (e *Silent) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// Of is the exit code an error ends the command with: its own, else Failure.
func Of(err error) int {
	if err == nil {
		return OK
	}
	var se *Silent
	if errors.As(err, &se) {
		return se.Code
	}
	var ee *Error
	if errors.As(err, &ee) {
		return ee.Code
	}
	return Failure
}
