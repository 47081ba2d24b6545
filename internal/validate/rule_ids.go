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

// ids indexes every id in the repo, first definition first.
func ids(r *Repo) (map[string]defined, []diag.Diagnostic) {
	index := map[string]defined{}
	var ds []diag.Diagnostic
	add := func(id, kind, file string, at plan.Positions, whole plan.Pos) {
		if id == "" {
			return
		}
		p := fieldPos(at, "id", whole)
		if first, dup := index[id]; dup {
			ds = append(ds, diagAt(file, p, diag.Error, "duplicate-id",
				"ids must be unique across the repository: rename one of them",
				fmt.Sprintf("duplicate id %q: the %s at %s:%d already uses it", id, first.kind, first.file, first.pos.Line)))
			return
		}
		index[id] = defined{kind, file, p}
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
	return index, ds
}


// DuplicateIDs reports an id used twice anywhere in the repository.
func DuplicateIDs(r *Repo) []diag.Diagnostic {
	_, ds := ids(r)
	return ds
}
