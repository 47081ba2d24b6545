package validate

import (
	"fmt"

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
	add := func(id, kind, file string, at plan.Positions, whole plan.Pos) {
		if id == "" {
			return
		}
		d := defined{kind, file, fieldPos(at, "id", whole)}
		if _, seen := all[id]; !seen {
			order = append(order, id)
			index[id] = d
		}
		all[id] = append(all[id], d)
	}
	for _, p := range r.Plans {
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
	for _, pr := range r.Practice {
		add(pr.ID, "practice example", pr.File, pr.At, pr.Pos)
	}
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
