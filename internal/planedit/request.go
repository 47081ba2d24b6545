package planedit

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
)

// Request is one update as `cpp update` is asked for it, before it is known whether its id names
// an action or a measure: the fields given, each named in errors by its flag. For turns it into
// the edit of the one the id names.
type Request struct {
	Status                   plan.Status
	RAG                      plan.RAG
	Note, Evidence, Deadline string
	Value, Source            string
	Share                    bool
	ForYoungPeople, Plain    string
}

// For is the edit the request makes, dated day, of the action a or the measure m (one of them is
// nil). Fields that are not for what the id names, and a request that records nothing, are
// InputErrors naming the flags.
func (r Request) For(a *plan.Action, m *plan.Measure, day time.Time) (Edit, error) {
	if m != nil {
		for _, f := range []struct{ flag, value string }{{"--status", string(r.Status)}, {"--rag", string(r.RAG)},
			{"--deadline", r.Deadline}, {"--evidence", r.Evidence}, {"--for-young-people", r.ForYoungPeople}, {"--plain", r.Plain}} {
			if f.value != "" {
				return Edit{}, &InputError{Field: strings.TrimPrefix(f.flag, "--"), Hint: "for a measure give --value, with --date, --source and --note",
					Message: fmt.Sprintf("%s is for actions; %s is a measure", f.flag, m.ID)}
			}
		}
		if r.Value == "" {
			return Edit{}, &InputError{Field: "value", Message: "a measure's update needs --value", Hint: "give the figure: --value 58"}
		}
		e := MeasureEdit{Date: day, Value: strings.TrimSpace(r.Value), Source: r.Source, Note: r.Note}
		return Edit{ID: m.ID, Measure: &e}, nil
	}
	if r.Value != "" || r.Source != "" {
		return Edit{}, &InputError{Field: "value", Hint: "for an action give --status, --rag, --note, --deadline or --evidence",
			Message: fmt.Sprintf("--value and --source are for measures; %s is an action", a.ID)}
	}
	e := ActionEdit{Date: day, Status: r.Status, RAG: r.RAG, Note: r.Note, Evidence: r.Evidence,
		Deadline: strings.TrimSpace(r.Deadline), Share: r.Share, ForYoungPeople: r.ForYoungPeople, Plain: r.Plain}
	if e.Status == "" && e.RAG == "" && e.Note == "" && e.Evidence == "" && e.Deadline == "" && e.ForYoungPeople == "" && e.Plain == "" {
		return Edit{}, &InputError{Message: fmt.Sprintf("nothing to record for %s", a.ID),
			Hint: "give --status, --rag, --note, --deadline or --evidence"}
	}
	return Edit{ID: a.ID, Action: &e}, nil
}
