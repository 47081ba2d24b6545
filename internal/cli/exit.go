package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// printError prints a command's error on stderr: the message, and the hint when it has one.
func printError(w io.Writer, err error) {
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		fmt.Fprintf(w, "cpp: %s\n", ee.Msg)
		if ee.Hint != "" {
			fmt.Fprintf(w, "  hint: %s\n", ee.Hint)
		}
		return
	}
	fmt.Fprintf(w, "cpp: %s\n", err)
}
