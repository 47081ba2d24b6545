package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/docs"
	"github.com/cpp-plans/cpp/internal/complete"
	"github.com/cpp-plans/cpp/internal/exitcode"
)

// newHelpCmd is cobra's help command with the manual's topics: `cpp help TOPIC` prints the page
// of docs/ by that name, `cpp help COMMAND` the command's help, and `cpp help` lists both.
func newHelpCmd(env *Env, root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND | TOPIC]",
		Short: "Help about a command, or a topic of the manual (cpp help file-format)",
		Long:  "Help about any command, or a page of the manual:\n\n" + docs.TopicList(),
		ValidArgsFunction: firstArg(func(*cobra.Command, []string) []complete.Candidate {
			var cands []complete.Candidate
			for _, t := range docs.Topics() {
				cands = append(cands, complete.Candidate{Value: t.Name, Desc: t.Title})
			}
			for _, sub := range root.Commands() {
				if sub.IsAvailableCommand() {
					cands = append(cands, complete.Candidate{Value: sub.Name(), Desc: sub.Short})
				}
			}
			return cands
		}, noFiles),
		RunE: func(c *cobra.Command, args []string) error { return help(env, root, args) },
	}
}

// help prints the page of the manual args names, else the command's help.
func help(env *Env, root *cobra.Command, args []string) error {
	if len(args) == 1 {
		if text, ok := docs.Page(args[0]); ok {
			// A topic named as a command (import, init, returns) is its page of the manual; the
			// command's own help is a flag away.
			if cmd, _, err := root.Find(args); err == nil && cmd != root {
				text += fmt.Sprintf("\nThe command's flags and examples: cpp %s --help\n", args[0])
			}
			_, err := io.WriteString(env.Stdout, text)
			return err
		}
	}
	cmd, rest, err := root.Find(args)
	if err == nil && len(rest) == 0 && (cmd != root || len(args) == 0) {
		cmd.SetOut(env.Stdout)
		return cmd.Help()
	}
	var commands []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			commands = append(commands, c.Name())
		}
	}
	hint := "run 'cpp help' for the commands and the topics of the manual"
	if near := docs.Nearest(strings.Join(args, " "), commands); near != "" {
		hint = fmt.Sprintf("did you mean 'cpp help %s'?", near)
	}
	return exitcode.Usagef(hint, "no command or help topic %q", strings.Join(args, " "))
}
