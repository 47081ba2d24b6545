package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

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

// flagError is a flag's error as bad usage: a typed flag's own refusal, with its hint, or
// pflag's, with where to read the usage.
func flagError(c *cobra.Command, err error) error {
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		return ee
	}
	return exitcode.Usagef(usageHint(c), "%s", err)
}

func usageHint(c *cobra.Command) string {
	return fmt.Sprintf("run '%s --help' for usage", c.CommandPath())
}

// unknownArgs refuses arguments to a command that takes only subcommands: the first is an
// unknown command.
func unknownArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unknownCommand(c, args[0])
	}
	return nil
}

func unknownCommand(root *cobra.Command, name string) error {
	hint := fmt.Sprintf("run '%s --help' for the list of commands", root.CommandPath())
	if s := root.SuggestionsFor(name); len(s) > 0 {
		hint = fmt.Sprintf("did you mean '%s'?", strings.Join(s, "' or '"))
	}
	return exitcode.Usagef(hint, "unknown command %q", name)
}

// wrapArgs turns a command's argument-count errors into usage errors.
func wrapArgs(c *cobra.Command) {
	if c.Args == nil {
		return
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return exitcode.Usagef(usageHint(cmd), "%s", err)
		}
		return nil
	}
}
