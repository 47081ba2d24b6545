package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cpp-plans/cpp/internal/bashcompletion"
	"github.com/cpp-plans/cpp/internal/complete"
	"github.com/cpp-plans/cpp/internal/plandiff"
)

// idArgs are the commands whose first argument is an id: which ids each completes.
var idArgs = map[string]struct{ actions, measures bool }{
	"show":   {actions: true},
	"log":    {actions: true},
	"update": {actions: true, measures: true},
}

// offers are the candidates for a completion; nil when there are none to give.
type offers func(c *cobra.Command, args []string) []complete.Candidate

const noFiles = cobra.ShellCompDirectiveNoFileComp

// registerCompletions gives the commands' id arguments and their flags' values to the shell's
// completion, as internal/complete answers; ids, plans, leads and sections come from the plans
// the command would read. A shell asks on every Tab, so completion never speaks: a problem means
// no candidates. Then it mends the bash script cobra's completion command writes.
func registerCompletions(root *cobra.Command, env *Env) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if want, ok := idArgs[c.Name()]; ok && c.Parent() == root {
			// Only show takes more arguments, and they are files and folders.
			ids := fromPlans(env, func(s *complete.Source) []complete.Candidate { return s.IDs(want.actions, want.measures) })
			c.ValidArgsFunction = firstArg(ids, cobra.ShellCompDirectiveDefault)
		}
		completeFlags(c, env)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	bashcompletion.Install(root)
}

// completeFlags completes the command's own flags: each typed flag with the values it declares,
// and the flags that name plans, sections, leads and quarters.
func completeFlags(c *cobra.Command, env *Env) {
	flags := c.LocalNonPersistentFlags()
	if c.Parent() == nil {
		flags = c.PersistentFlags()
	}
	flags.VisitAll(func(f *pflag.Flag) {
		if e, ok := f.Value.(interface{ Choices() []string }); ok {
			offer(c, f, fixed(e.Choices()...), noFiles)
		}
	})
	offer(c, flags.Lookup("fail-on"), fixed(plandiff.FailKinds...), noFiles)
	offer(c, flags.Lookup("plan"), fromPlans(env, (*complete.Source).PlanIDs), noFiles)
	offer(c, flags.Lookup("section"), fromPlans(env, (*complete.Source).Sections), noFiles)
	offer(c, flags.Lookup("lead"), fromPlans(env, (*complete.Source).Leads), noFiles)
	quarters := func(*cobra.Command, []string) []complete.Candidate {
		return complete.Quarters(complete.Today(env.Getenv("CPP_TODAY"), env.Now()))
	}
	offer(c, flags.Lookup("quarter"), quarters, noFiles|cobra.ShellCompDirectiveKeepOrder)
	if c.CommandPath() == "cpp report" {
		offer(c, flags.Lookup("period"), quarters, noFiles|cobra.ShellCompDirectiveKeepOrder) // a quarter too
	}
}

func fixed(values ...string) offers {
	return func(*cobra.Command, []string) []complete.Candidate { return complete.Values(values) }
}

// fromPlans offers from the plans the command would read: its --plans folder, or the files and
// folders among its arguments, or the repository's plans/; sections and leads from the plans its
// --plan names.
func fromPlans(env *Env, from func(*complete.Source) []complete.Candidate) offers {
	return func(c *cobra.Command, args []string) []complete.Candidate {
		var paths []string
		if f := c.Flags().Lookup("plans"); f != nil && f.Value.String() != "" {
			paths = []string{f.Value.String()}
		} else if _, ok := idArgs[c.Name()]; ok && len(args) > 1 {
			paths = args[1:]
		} else if !ok && c.Name() != "diff" {
			paths = args
		}
		paths, err := planPaths(env, paths)
		if err != nil {
			return nil
		}
		s := complete.Load(paths)
		if s == nil {
			return nil
		}
		s.Selected, _ = c.Flags().GetStringSlice("plan")
		return from(s)
	}
}

// offer completes the flag f, when the command has it, with the candidates that start with what
// was typed; a list flag (--status not-started,in-progress) completes its last element.
func offer(c *cobra.Command, f *pflag.Flag, from offers, dir cobra.ShellCompDirective) {
	if f == nil {
		return
	}
	list := strings.HasSuffix(f.Value.Type(), "Slice")
	_ = c.RegisterFlagCompletionFunc(f.Name, func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return completions(complete.Match(from(c, args), toComplete, list)), dir
	})
}

// firstArg completes a command's first argument; after it, the shell does as dir says.
func firstArg(from offers, dir cobra.ShellCompDirective) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, dir
		}
		return completions(complete.Match(from(c, args), toComplete, false)), noFiles
	}
}

func completions(cs []complete.Candidate) []cobra.Completion {
	var out []cobra.Completion
	for _, c := range cs {
		if c.Desc == "" {
			out = append(out, c.Value)
		} else {
			out = append(out, cobra.CompletionWithDesc(c.Value, c.Desc))
		}
	}
	return out
}
