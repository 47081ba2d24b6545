// Package cli is the command layer: it binds flags to options, calls the domain packages and
// maps errors to exit codes. Commands are built in functions, never in package variables, so that
// every test gets a fresh tree.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/docs"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/iostreams"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// Main runs cpp with args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, Now: time.Now,
		IsTerminal: iostreams.IsTerminal, Getwd: os.Getwd}
	return Run(env, args)
}

// Run executes a command line in env; tests call it with buffers.
func Run(env *Env, args []string) (code int) {
	// stderr carries only messages, and they quote file names and plan text: nothing in them may
	// act on the terminal.
	stderr := termsafe.NewWriter(env.Stderr)
	defer stderr.Flush()
	e := *env
	e.Stderr = stderr
	env = &e
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "cpp: internal error: %v\n  hint: this is a bug in cpp; please report it with the command you ran\n", r)
			code = exitcode.Failure
		}
	}()
	root := NewRoot(env)
	root.SetArgs(args)
	err := root.Execute()
	if env.pager != nil {
		env.pager.Wait()
	}
	if err == nil {
		return exitcode.OK
	}
	var se *exitcode.Silent
	if !errors.As(err, &se) {
		printError(env.Stderr, err)
	}
	return exitcode.Of(err)
}

// NewRoot builds the command tree.
func NewRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "cpp",
		Short: "Corporate parenting plans as data: validate, query and report",
		Long: `cpp keeps UK councils' corporate parenting plans as YAML files in git and answers
questions about them: what is due, what is overdue, who leads what, and whether the files are right.

The manual's topics (cpp help TOPIC; the same pages are in docs/):
` + docs.TopicList(),
		SilenceErrors:              true,
		SilenceUsage:               true,
		SuggestionsMinimumDistance: 2,
		Args:                       unknownArgs,
		RunE:                       func(c *cobra.Command, args []string) error { return c.Help() },
	}
	addVersionFlag(root)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetIn(env.Stdin)
	root.SetFlagErrorFunc(flagError)
	// The global flags check themselves as they are parsed, for every command, whether or not it
	// uses them. A long answer on a terminal goes through the pager.
	g := addGlobalFlags(root)
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		startPager(env, c, g.NoPager)
		return nil
	}
	root.AddCommand(commands(env, g)...)
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	root.SetHelpCommand(newHelpCmd(env, root))
	root.InitDefaultHelpCmd()
	registerCompletions(root, env)
	return root
}

// commands are cpp's commands, in the order help lists them.
func commands(env *Env, g *globalOptions) []*cobra.Command {
	return []*cobra.Command{
		newValidateCmd(env),
		newListCmd(env, g),
		newDueCmd(env, g),
		newOverdueCmd(env, g),
		newShowCmd(env, g),
		newLeadsCmd(env, g),
		newStatusCmd(env, g),
		newReportCmd(env, g),
		newDiffCmd(env, g),
		newLogCmd(env, g),
		newFmtCmd(env),
		newUpdateCmd(env, g),
		newReturnsCmd(env, g),
		newInitCmd(env, g),
		newImportCmd(env, g),
		newSchemaCmd(env),
		newVersionCmd(env),
	}
}
