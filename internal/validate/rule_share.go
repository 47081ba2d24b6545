package validate

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/personal"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/readability"
)

// maxYoungPeopleWords is how long a `plain:` or `for_young_people:` text may be: a sentence or
// two, as easy-read guidance writes.
const maxYoungPeopleWords = 40

// SharedText checks what a plan marks for young people: an update shared with them must have
// something to share; `plain:` and `for_young_people:` texts are short; and shared text must not
// look like personal data, which would be published to the young people the plan is about (an
// error, where the same text in an officer's note is a warning).
func SharedText(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	short := func(p *plan.Plan, at plan.Positions, whole plan.Pos, key, text, what string) {
		if n := len(readability.Words(text)); n > maxYoungPeopleWords {
			ds = append(ds, diagAt(p.File, fieldPos(at, key, whole), diag.Warning, "young-people",
				"keep it to a sentence or two a young person can read; the officers' text stays in `text:` or `note:`",
				fmt.Sprintf("`%s` of %s has %d words; keep it to %d or fewer", key, what, n, maxYoungPeopleWords)))
		}
	}
	shared := func(p *plan.Plan, at plan.Positions, whole plan.Pos, key, text, what string) {
		for _, m := range personal.Find(text) {
			ds = append(ds, diagAt(p.File, fieldPos(at, key, whole), diag.Error, "young-people",
				m.Hint(), fmt.Sprintf("`%s` of %s is shared with young people, and holds what looks like %s: %q", key, what, m.Kind, m.Text)))
		}
	}
	for _, p := range r.Plans {
		for _, s := range p.Sections {
			what := "section " + s.ID
			short(p, s.At, s.Pos, "plain", s.Plain, what)
			shared(p, s.At, s.Pos, "plain", s.Plain, what)
			for _, a := range s.Actions {
				what := "action " + a.ID
				short(p, a.At, a.Pos, "plain", a.Plain, what)
				shared(p, a.At, a.Pos, "plain", a.Plain, what)
				for _, u := range a.Updates {
					uwhat := fmt.Sprintf("the update of %s dated %s", a.ID, u.Date.Format("2006-01-02"))
					switch {
					case u.ForYoungPeople != "":
						short(p, u.At, u.Pos, "for_young_people", u.ForYoungPeople, uwhat)
						shared(p, u.At, u.Pos, "for_young_people", u.ForYoungPeople, uwhat)
					case u.Share == plan.ShareYoungPeople && u.Note == "":
						ds = append(ds, diagAt(p.File, fieldPos(u.At, "share", u.Pos), diag.Warning, "young-people",
							"add a `note:` or a `for_young_people:` text, or take `share:` out",
							fmt.Sprintf("%s is shared with young people but has nothing to share", uwhat)))
					case u.Share == plan.ShareYoungPeople:
						shared(p, u.At, u.Pos, "note", u.Note, uwhat)
					}
				}
			}
		}
	}
	return ds
}
