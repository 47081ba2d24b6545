// Package cli is the command layer: it binds flags to options, calls the domain packages and
// maps errors to exit codes. Commands are built in functions, never in package variables, so that
// every test gets a fresh tree.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// Env is everything a command may touch outside its arguments: streams, environment and clock.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// IsTerminal reports whether a stream is a terminal, for colour and table widths.
	IsTerminal func(w io.Writer) bool
	Getwd      func() (string, error)

	pager *pager // the pager standard output goes through, once started
}

// Main runs cpp with args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, Now: time.Now,
		IsTerminal: isTerminal, Getwd: os.Getwd}
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
		env.pager.wait()
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
questions about them: what is due, what is overdue, who leads what, and whether the files are right.`,
		SilenceErrors:              true,
		SilenceUsage:               true,
		SuggestionsMinimumDistance: 2,
		// cpp --version answers as cpp version does.
		Version: currentVersion(),
	}
	root.SetVersionTemplate("cpp {{.Version}}\n")
	root.InitDefaultVersionFlag() // now, not at Execute: completion and the README test see it
	root.Flags().Lookup("version").Usage = "print cpp's version, as cpp version does"
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetIn(env.Stdin)
	root.SetFlagErrorFunc(flagError)
	// The global flags check themselves as they are parsed, for every command, whether or not it
	// uses them.
	g := &globalOptions{}
	addGlobalFlags(root, g)
	// A long answer on a terminal goes through the pager.
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		startPager(env, c, g.NoPager)
		return nil
	}
	root.AddCommand(commands(env, g)...)
	// Unknown commands and bad arguments are usage errors.
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return unknownCommand(c, args[0])
		}
		return nil
	}
	root.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	root.SetHelpCommand(newHelpCmd(env, root))
	root.InitDefaultHelpCmd()
	root.Long += "\n\nThe manual's topics (cpp help TOPIC; the same pages are in docs/):\n" + topicList()
	registerCompletions(root, env)
	quoteBashCompletion(root)
	return root
}

// flagError is a flag's error as bad usage: a typed flag's own refusal, with its hint, or
// pflag's, with where to read the usage.
func flagError(c *cobra.Command, err error) error {
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		return ee
	}
	return exitcode.Usagef(fmt.Sprintf("run '%s --help' for usage", c.CommandPath()), "%s", err)
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
			return exitcode.Usagef(fmt.Sprintf("run '%s --help' for usage", cmd.CommandPath()), "%s", err)
		}
		return nil
	}
}
