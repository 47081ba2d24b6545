package validate

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
)

// defined is where an id was defined.
type defined struct {
	kind string
	file string
	pos  plan.Pos
}

// ids indexes every id in the repo, first definition first, and reports each id defined more than
// once at every place it is defined, so that whichever file is checked shows the problem.
func ids(r *Repo) (map[string]defined, []diag.Diagnostic) {
	index := map[string]defined{}
	all := map[string][]defined{}
	var order []string
	eachID(r.Plans, r.Practice, func(id string, d defined) {
		if _, seen := all[id]; !seen {
			order = append(order, id)
			index[id] = d
		}
		all[id] = append(all[id], d)
	})
	var ds []diag.Diagnostic
	for _, id := range order {
		defs := all[id]
		if len(defs) < 2 {
			continue
		}
		for i, d := range defs {
			other := defs[0]
			if i == 0 {
				other = defs[1]
			}
			ds = append(ds, diagAt(d.file, d.pos, diag.Error, "duplicate-id",
				"ids must be unique across the repository: rename one of them",
				fmt.Sprintf("duplicate id %q: the %s at %s:%d uses it too", id, other.kind, other.file, other.pos.Line)))
		}
	}
	return index, ds
}

// DuplicateIDs reports an id used twice anywhere in the repository.
func DuplicateIDs(r *Repo) []diag.Diagnostic {
	_, ds := ids(r)
	return ds
}

// eachID calls fn for every id the plans and practice examples define, in file order.
func eachID(plans []*plan.Plan, practice []*plan.Practice, fn func(id string, d defined)) {
	add := func(id, kind, file string, at plan.Positions, whole plan.Pos) {
		if id != "" {
			fn(id, defined{kind, file, fieldPos(at, "id", whole)})
		}
	}
	for _, p := range plans {
		add(p.ID, "plan", p.File, p.At, p.Pos)
		for _, m := range p.Measures {
			add(m.ID, "measure", p.File, m.At, m.Pos)
		}
		for _, s := range p.Sections {
			add(s.ID, "section", p.File, s.At, s.Pos)
			for _, m := range s.Measures {
				add(m.ID, "measure", p.File, m.At, m.Pos)
			}
			for _, a := range s.Actions {
				add(a.ID, "action", p.File, a.At, a.Pos)
			}
		}
	}
	for _, pr := range practice {
		add(pr.ID, "practice example", pr.File, pr.At, pr.Pos)
	}
}

// Ambiguous says where an id is defined when it is defined more than once (the duplicate-id
// error): "the action at plans/a.yaml:12, the measure at plans/b.yaml:40". A writer must not
// edit such an id, since which definition it means cannot be told; "" when the id is defined
// once, or not at all.
func Ambiguous(plans []*plan.Plan, id string) string {
	var places []string
	eachID(plans, nil, func(x string, d defined) {
		if x == id {
			places = append(places, fmt.Sprintf("the %s at %s:%d", d.kind, d.file, d.pos.Line))
		}
	})
	if len(places) < 2 {
		return ""
	}
	return strings.Join(places, ", ")
}
