package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/docs"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// newHelpCmd is cobra's help command with the manual's topics: `cpp help TOPIC` prints the page
// of docs/ by that name, `cpp help COMMAND` the command's help, and `cpp help` lists both.
func newHelpCmd(env *Env, root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND | TOPIC]",
		Short: "Help about a command, or a topic of the manual (cpp help file-format)",
		Long:  "Help about any command, or a page of the manual:\n\n" + topicList(),
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, t := range docs.Topics() {
				if hasPrefixFold(t.Name, toComplete) {
					out = append(out, withDesc(t.Name, t.Title))
				}
			}
			for _, sub := range root.Commands() {
				if sub.IsAvailableCommand() && hasPrefixFold(sub.Name(), toComplete) {
					out = append(out, withDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				if text, ok := docs.Page(args[0]); ok {
					// A topic named as a command (import, init, returns) is its page of the
					// manual; the command's own help is a flag away.
					if cmd, _, err := root.Find(args); err == nil && cmd != root {
						text += fmt.Sprintf("\nThe command's flags and examples: cpp %s --help\n", args[0])
					}
					_, err := io.WriteString(env.Stdout, text)
					return err
				}
			}
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 || (cmd == root && len(args) > 0) {
				return unknownTopic(root, strings.Join(args, " "))
			}
			cmd.SetOut(env.Stdout)
			return cmd.Help()
		},
	}
}

// topicList is the manual's topics, one a line, for help texts.
func topicList() string {
	var b strings.Builder
	for _, t := range docs.Topics() {
		fmt.Fprintf(&b, "  %-20s %s\n", t.Name, t.Title)
	}
	return b.String()
}

func unknownTopic(root *cobra.Command, name string) error {
	var names []string
	for _, t := range docs.Topics() {
		names = append(names, t.Name)
	}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	hint := "run 'cpp help' for the commands and the topics of the manual"
	if near := suggest.Closest(name, names, 1); len(near) > 0 {
		hint = fmt.Sprintf("did you mean 'cpp help %s'?", near[0])
	}
	return exitcode.Usagef(hint, "no command or help topic %q", name)
}
