package cli

import (
	"errors"
	"fmt"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// writeFailed turns a safewrite error into the command's error: a refusal (a file cpp will not
// write: not regular, an input, read-only, changed meanwhile) is a problem the user can fix, exit
// 1; the system failing (no such folder, disk full) is exit 3. The message names the file the user
// gave, never the temporary file.
func writeFailed(err error) error {
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

// writeOutput writes a command's document to the file -o names, or to standard output when it
// names none ("" or "-"). The file is written whole or not at all, and never over a file the
// command read (inputs), however its path is spelt; about follows its name in the line on stderr
// that says it was written.
func writeOutput(env *Env, path string, data []byte, inputs []string, about string) error {
	if path == "" || path == "-" {
		_, err := env.Stdout.Write(data)
		return err
	}
	if err := safewrite.Write(path, data, safewrite.Options{Policy: safewrite.MayReplace, Inputs: inputs}); err != nil {
		return writeFailed(err)
	}
	fmt.Fprintf(env.Stderr, "cpp: wrote %s%s\n", path, about)
	return nil
}

// inUseError says that another program (on Windows, nearly always Excel) holds the file open, and
// what to do: exit 1, a problem the user can fix.
func inUseError(se *safewrite.Error) error {
	return &exitcode.Error{Code: exitcode.Problem, Msg: fmt.Sprintf("cannot %s %s: another program has it open", se.Op, se.Path),
		Hint: "close it in Excel (or the program that has it open) and run again"}
}
