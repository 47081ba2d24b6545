package cli

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// writeFailed turns a safewrite error into the command's error (see workspace.WriteFailed).
var writeFailed = workspace.WriteFailed

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
