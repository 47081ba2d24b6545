package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
)

// idArgs are the commands whose first argument is an id: which ids each completes.
var idArgs = map[string]struct{ actions, measures bool }{
	"show":   {actions: true},
	"log":    {actions: true},
	"update": {actions: true, measures: true},
}

// registerCompletions gives the commands' id arguments and their flags' values to the shell's
// completion. Ids, plans, leads and sections are read from the plans the command would read.
// A shell asks on every tab, so completion never speaks: a problem means no candidates.
func registerCompletions(root *cobra.Command, env *Env) {
	enums(root)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if want, ok := idArgs[c.Name()]; ok && c.Parent() == root {
			c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					// Only show takes more arguments, and they are files and folders.
					return nil, cobra.ShellCompDirectiveDefault
				}
				return idCompletions(completionPlans(env, c, args), toComplete, want.actions, want.measures), cobra.ShellCompDirectiveNoFileComp
			}
		}
		enums(c)
		fixed(c, "fail-on", plandiff.FailKinds...)
		dynamic(c, "plan", env, true, planCompletions)
		dynamic(c, "section", env, true, sectionCompletions)
		dynamic(c, "lead", env, false, leadCompletions)
		quarterFlags(c, env)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	for _, c := range root.Commands() {
		walk(c)
	}
}

// enums completes each typed flag of the command with the values it declares.
func enums(c *cobra.Command) {
	flags := c.LocalNonPersistentFlags()
	if c.Parent() == nil {
		flags = c.PersistentFlags()
	}
	flags.VisitAll(func(f *pflag.Flag) {
		switch e := f.Value.(type) {
		case *enumFlag:
			fixed(c, f.Name, e.values...)
		case *enumSliceFlag:
			fixed(c, f.Name, e.values...)
		}
	})
}

// fixed completes a flag, when the command has it, from a list; a list flag (--status
// not-started,in-progress) completes its last element.
func fixed(c *cobra.Command, name string, values ...string) {
	f := c.LocalNonPersistentFlags().Lookup(name)
	if c.Parent() == nil {
		f = c.PersistentFlags().Lookup(name)
	}
	if f == nil {
		return
	}
	list := strings.HasSuffix(f.Value.Type(), "Slice")
	_ = c.RegisterFlagCompletionFunc(name, func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		done, last := "", toComplete
		if list {
			if i := strings.LastIndex(toComplete, ","); i >= 0 {
				done, last = toComplete[:i+1], toComplete[i+1:]
			}
		}
		var out []cobra.Completion
		for _, v := range values {
			if hasPrefixFold(v, last) {
				out = append(out, done+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// candidate is a value a flag can take, with what the shell may show beside it.
type candidate struct{ value, desc string }

// dynamic completes a flag from the plans, as fixed does from a list. split says whether a value
// is a list separated by commas: a lead's name may hold commas of its own.
func dynamic(c *cobra.Command, name string, env *Env, split bool, from func(c *cobra.Command, plans []*plan.Plan, reg *plan.Registry) []candidate) {
	if c.LocalNonPersistentFlags().Lookup(name) == nil {
		return
	}
	_ = c.RegisterFlagCompletionFunc(name, func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		l := completionPlans(env, c, args)
		if l == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		done, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); split && i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []cobra.Completion
		for _, v := range from(c, l.Plans, l.Registry) {
			if hasPrefixFold(v.value, last) {
				out = append(out, withDesc(done+v.value, v.desc))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// completionPlans loads the plans the command would read: its --plans folder, or the files and
// folders among its arguments, or the repository's plans/. Broken files are left out quietly;
// nil when there is nothing to read.
func completionPlans(env *Env, c *cobra.Command, args []string) *loaded {
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
	files, ds := planfile.Expand(paths)
	if len(ds) > 0 || len(files) == 0 {
		return nil
	}
	l := &loaded{}
	for _, f := range planfile.LoadAll(files, planfile.Options{}) {
		if f.HasErrors() {
			continue
		}
		if f.Plan != nil {
			l.Plans = append(l.Plans, f.Plan)
		}
		l.Leads = append(l.Leads, f.Leads...)
	}
	l.Registry = plan.NewRegistry(l.Leads)
	return l
}

func idCompletions(l *loaded, toComplete string, actions, measures bool) []cobra.Completion {
	if l == nil {
		return nil
	}
	var out []cobra.Completion
	add := func(id, desc string) {
		if hasPrefixFold(id, toComplete) {
			out = append(out, withDesc(id, desc))
		}
	}
	for _, p := range l.Plans {
		if measures {
			for _, m := range p.Measures {
				add(m.ID, "measure: "+m.Text)
			}
		}
		for _, s := range p.Sections {
			if actions {
				for _, a := range s.Actions {
					add(a.ID, actionSummary(a))
				}
			}
			if measures {
				for _, m := range s.Measures {
					add(m.ID, "measure: "+m.Text)
				}
			}
		}
	}
	return out
}

// actionSummary is an action's text, or its first outcome for an action given only as outcomes.
func actionSummary(a *plan.Action) string {
	if a.Text == "" && len(a.Outcomes) > 0 {
		return a.Outcomes[0]
	}
	return a.Text
}

// selectedPlans are the plans --plan names, or every plan.
func selectedPlans(c *cobra.Command, plans []*plan.Plan) []*plan.Plan {
	ids, _ := c.Flags().GetStringSlice("plan")
	if len(ids) == 0 {
		return plans
	}
	var out []*plan.Plan
	for _, p := range plans {
		if query.ContainsFold(ids, p.ID) {
			out = append(out, p)
		}
	}
	return out
}

func planCompletions(c *cobra.Command, plans []*plan.Plan, reg *plan.Registry) []candidate {
	out := make([]candidate, len(plans))
	for i, p := range plans {
		out[i] = candidate{p.ID, p.Title}
	}
	return out
}

func sectionCompletions(c *cobra.Command, plans []*plan.Plan, reg *plan.Registry) []candidate {
	var out []candidate
	for _, p := range selectedPlans(c, plans) {
		for _, s := range p.Sections {
			out = append(out, candidate{s.ID, s.Title})
		}
	}
	return out
}

// leadCompletions are the teams the selected plans' actions name, in the registry's spelling,
// and with no --plan every name the registry knows; sorted.
func leadCompletions(c *cobra.Command, plans []*plan.Plan, reg *plan.Registry) []candidate {
	seen := map[string]bool{}
	var names []string
	add := func(name string) {
		if k := plan.Fold(name); name != "" && !seen[k] {
			seen[k] = true
			names = append(names, name)
		}
	}
	sel := selectedPlans(c, plans)
	if len(sel) == len(plans) {
		for _, n := range reg.Names() {
			add(n)
		}
	}
	for _, p := range sel {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				for _, l := range a.EffectiveLeads() {
					name, _ := reg.Canonical(l)
					add(name)
				}
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	out := make([]candidate, len(names))
	for i, n := range names {
		out[i] = candidate{value: n}
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// withDesc adds a description the shell shows beside a candidate, on one line and short, as
// plan text may hold tabs, line breaks and terminal controls.
func withDesc(value, desc string) cobra.Completion {
	desc = strings.Join(strings.FieldsFunc(desc, func(r rune) bool { return r <= ' ' || (r >= 0x7f && r <= 0x9f) }), " ")
	if desc == "" {
		return value
	}
	if r := []rune(desc); len(r) > 60 {
		desc = strings.TrimSpace(string(r[:59])) + "…"
	}
	return cobra.CompletionWithDesc(value, desc)
}
