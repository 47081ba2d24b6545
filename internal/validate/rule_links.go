package validate

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// Links reports a link written as an id (lower case, no spaces) that names nothing in the
// repository. Links written as free text (a document's title, a URL) are not checked.
func Links(r *Repo) []diag.Diagnostic {
	index, _ := ids(r)
	known := make([]string, 0, len(index))
	for id := range index {
		known = append(known, id)
	}
	sort.Strings(known)
	var ds []diag.Diagnostic
	check := func(file string, links []string, at plan.Positions, whole plan.Pos) {
		for i, l := range links {
			if !planfile.IDPattern.MatchString(l) {
				continue
			}
			if _, ok := index[l]; ok {
				continue
			}
			hint := "link to the id of a plan, section, action, measure or practice example, or write the document's title as free text"
			if near := suggest.Closest(l, known, 1); len(near) > 0 {
				hint = fmt.Sprintf("did you mean %q?", near[0])
			}
			ds = append(ds, diagAt(file, fieldPos(at, "links."+strconv.Itoa(i), whole), diag.Error, "link", hint,
				fmt.Sprintf("link %q names no plan, section, action, measure or practice example in the repository", l)))
		}
	}
	for _, p := range r.Plans {
		check(p.File, p.Links, p.At, p.Pos)
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				check(p.File, a.Links, a.At, a.Pos)
			}
		}
	}
	return ds
}

// Parents reports a sub-action whose parent is not an action of the same section, and parents
// that go round in a circle, where no action is the top-level one.
func Parents(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range r.Plans {
		for _, s := range p.Sections {
			inSection := map[string]*plan.Action{}
			for _, a := range s.Actions {
				if _, dup := inSection[a.ID]; !dup {
					inSection[a.ID] = a
				}
			}
			for _, a := range s.Actions {
				if a.Parent == "" {
					continue
				}
				switch {
				case a.Parent == a.ID:
					ds = append(ds, diagAt(p.File, fieldPos(a.At, "parent", a.Pos), diag.Error, "parent",
						"an action cannot be a sub-action of itself", fmt.Sprintf("action %s names itself as its parent", a.ID)))
				case inSection[a.Parent] == nil:
					ds = append(ds, diagAt(p.File, fieldPos(a.At, "parent", a.Pos), diag.Error, "parent",
						"`parent` must be the id of another action in the same section",
						fmt.Sprintf("parent %q of action %s is not an action of section %s", a.Parent, a.ID, s.ID)))
				}
			}
			for _, cycle := range parentCycles(s.Actions, inSection) {
				a := cycle[0]
				ids := make([]string, 0, len(cycle)+1)
				for _, c := range cycle {
					ids = append(ids, c.ID)
				}
				ids = append(ids, a.ID)
				ds = append(ds, diagAt(p.File, fieldPos(a.At, "parent", a.Pos), diag.Error, "parent",
					"one action in the circle must be the top-level action: remove its `parent:`",
					fmt.Sprintf("the parents of action %s go round in a circle: %s", a.ID, strings.Join(ids, " → "))))
			}
		}
	}
	return ds
}

// parentCycles returns each circle of two or more actions whose parents lead back to where they
// started, once, beginning with the action written first. A self-parent is reported on its own.
func parentCycles(actions []*plan.Action, byID map[string]*plan.Action) [][]*plan.Action {
	order := make(map[*plan.Action]int, len(actions))
	for i, a := range actions {
		order[a] = i
	}
	parent := func(a *plan.Action) *plan.Action {
		if a.Parent == a.ID {
			return nil
		}
		return byID[a.Parent]
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := make(map[*plan.Action]int, len(actions))
	var cycles [][]*plan.Action
	for _, start := range actions {
		var path []*plan.Action
		x := start
		for x != nil && state[x] == unseen {
			state[x] = onPath
			path = append(path, x)
			x = parent(x)
		}
		if x != nil && state[x] == onPath {
			i := slices.Index(path, x)
			cycle := path[i:]
			first := 0
			for j, c := range cycle {
				if order[c] < order[cycle[first]] {
					first = j
				}
			}
			cycles = append(cycles, append(slices.Clone(cycle[first:]), cycle[:first]...))
		}
		for _, a := range path {
			state[a] = done
		}
	}
	return cycles
}
