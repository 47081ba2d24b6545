package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// Leads warns about a lead that no registry names, so that counts by lead would split it.
func Leads(r *Repo) []diag.Diagnostic {
	spellings := r.Registry.Spellings()
	var ds []diag.Diagnostic
	check := func(file, key string, leads []string, at plan.Positions, whole plan.Pos) {
		for i, l := range leads {
			if _, ok := r.Registry.Canonical(l); ok {
				continue
			}
			hint := fmt.Sprintf("add %q to a `leads:` registry (as a name, or as an alias of the team it is)", l)
			if near := suggest.Closest(l, spellings, 1); len(near) > 0 {
				canon, _ := r.Registry.Canonical(near[0])
				hint = fmt.Sprintf("did you mean %q? if %q is another spelling of %q, add it to that lead's aliases", near[0], l, canon)
			}
			ds = append(ds, diagAt(file, fieldPos(at, key+"."+strconv.Itoa(i), whole), diag.Warning, "unknown-lead", hint,
				fmt.Sprintf("lead %q is not in the lead registry", l)))
		}
	}
	for _, p := range r.Plans {
		for _, s := range p.Sections {
			check(p.File, "delivered_by", s.DeliveredBy, s.At, s.Pos)
			for _, a := range s.Actions {
				check(p.File, "leads", a.Leads, a.At, a.Pos)
			}
		}
	}
	return ds
}

// AliasConflicts reports a spelling that two different leads claim: counts would depend on which
// file was read first.
func AliasConflicts(r *Repo) []diag.Diagnostic {
	type claim struct {
		name string
		file string
		pos  plan.Pos
	}
	claims := map[string]claim{}
	var ds []diag.Diagnostic
	for _, l := range r.Leads {
		spell := append([]string{l.Name}, l.Aliases...)
		for i, s := range spell {
			k := plan.Fold(s)
			p := fieldPos(l.At, "name", l.Pos)
			if i > 0 {
				p = fieldPos(l.At, "aliases."+strconv.Itoa(i-1), l.Pos)
			}
			if c, ok := claims[k]; ok && c.name != l.Name {
				ds = append(ds, diagAt(l.File, p, diag.Error, "alias-conflict",
					fmt.Sprintf("a spelling can belong to one lead only: remove it from %q or from %q", c.name, l.Name),
					fmt.Sprintf("%q is claimed by lead %q here and by lead %q at %s:%d", strings.TrimSpace(s), l.Name, c.name, c.file, c.pos.Line)))
				continue
			}
			if _, ok := claims[k]; !ok {
				claims[k] = claim{l.Name, l.File, p}
			}
		}
	}
	return ds
}
