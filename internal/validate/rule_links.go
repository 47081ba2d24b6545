package validate

import (
	"fmt"
	"sort"
	"strconv"

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

// Parents reports a sub-action whose parent is not an action of the same section.
func Parents(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range r.Plans {
		for _, s := range p.Sections {
			inSection := map[string]bool{}
			for _, a := range s.Actions {
				inSection[a.ID] = true
			}
			for _, a := range s.Actions {
				if a.Parent == "" {
					continue
				}
				switch {
				case a.Parent == a.ID:
					ds = append(ds, diagAt(p.File, fieldPos(a.At, "parent", a.Pos), diag.Error, "parent",
						"an action cannot be a sub-action of itself", fmt.Sprintf("action %s names itself as its parent", a.ID)))
				case !inSection[a.Parent]:
					ds = append(ds, diagAt(p.File, fieldPos(a.At, "parent", a.Pos), diag.Error, "parent",
						"`parent` must be the id of another action in the same section",
						fmt.Sprintf("parent %q of action %s is not an action of section %s", a.Parent, a.ID, s.ID)))
				}
			}
		}
	}
	return ds
}
