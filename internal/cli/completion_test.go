package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every enumerated flag completes exactly the values its command accepts: the list a command
// refuses a bad value with ("use one of: ...") is the list completion offers, so that neither
// can change without the other.
func TestCompletionOffersWhatCommandsAccept(t *testing.T) {
	useOneOf := regexp.MustCompile(`hint: use (?:one|one or more) of: (.*)\n`)
	root := NewRoot(&Env{})
	var cmds []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && !c.Hidden {
			cmds = append(cmds, c)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	checked := 0
	for _, c := range cmds {
		path := strings.Fields(c.CommandPath())[1:]
		if len(path) == 0 {
			continue
		}
		if _, ok := idArgs[c.Name()]; ok {
			path = append(path, "camden-cp.p1.1")
		}
		for _, flag := range []string{"format", "sort", "status", "rag", "color", "fail-on", "quarters"} {
			if c.Flags().Lookup(flag) == nil && c.InheritedFlags().Lookup(flag) == nil {
				continue
			}
			switch {
			case flag == "color" && c.Name() != "list":
				continue // one flag of the root's, checked once
			case c.Name() == "init":
				continue // it would write a repository; completion.txtar checks --quarters
			case flag == "sort" && c.Name() == "status":
				continue // one order, refused in words of its own; summary_sort.txtar checks it
			}
			t.Run(strings.Join(path, " ")+" --"+flag, func(t *testing.T) {
				out, _, _ := run(t, append(append([]string{"__complete"}, path...), "--"+flag, "")...)
				lines := strings.Split(strings.TrimSpace(out), "\n")
				offered := lines[:len(lines)-1]
				args := append(slices.Clone(path), "--"+flag, "zzz")
				switch c.CommandPath() {
				case "cpp returns export":
					args = append(args, "-o", "-")
				case "cpp returns import":
					args = append(args, "returns.xlsx")
				case "cpp import":
					args = append(args, "plan.csv")
				case "cpp update", "cpp log", "cpp diff":
					args = append(args, "--plans", "../../plans")
				}
				_, stderr, code := run(t, args...)
				m := useOneOf.FindStringSubmatch(stderr)
				if code != ExitUsage || m == nil {
					t.Fatalf("--%s zzz: exit %d, stderr %q; want exit 2 with the valid values", flag, code, stderr)
				}
				// update also reads a return's words ("red (or G, A, R)"); completion offers cpp's own.
				list, _, _ := strings.Cut(m[1], " (or ")
				accepted := strings.Split(list, ", ")
				if !slices.Equal(offered, accepted) {
					t.Errorf("completion offers %q; the command accepts %q", offered, accepted)
				}
			})
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d flags checked", checked)
	}
}
