package ical

import (
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// Actions makes one all-day event of each row's action that has a date: on the day it falls due
// (its deadline's last day), or for a recurring deadline the run of days its occurrences fall
// due, the whole run whichever occurrence the row is about, so that an event is the same
// whichever query wrote it. Rows with no date (no deadline, ongoing, to be confirmed, unreadable)
// are returned as undated, in order.
func Actions(rows []query.Row) (events []Event, undated []query.Row) {
	for _, r := range rows {
		a := r.Action
		e := Event{
			UID:         UID(r.Plan, a),
			Summary:     a.ID + ": " + a.Label(),
			Description: description(r),
			Cancelled:   a.Status == plan.Dropped,
		}
		if s, ok := a.Schedule(); ok {
			if first, rec, ok := Repeat(s); ok {
				e.Day, e.Repeat = first, rec
				events = append(events, e)
				continue
			}
		}
		if !r.HasDue() {
			undated = append(undated, r)
			continue
		}
		e.Day = r.Due
		events = append(events, e)
	}
	return events, undated
}

// UID is an action's event identity: stable while the council, plan and action keep their ids,
// and unique across councils (a plan's id is unique only in its own repository), as
// "camden-cp/camden-cp.p1.2@london-borough-of-camden".
func UID(p *plan.Plan, a *plan.Action) string {
	return p.ID + "/" + a.ID + "@" + slug(p.Council)
}

// slug is s in lower-case letters and digits (of any script: "Cyngor Gwynedd", "Bwrdeistref
// Sirol Conwy" and a council written in another alphabet must not all be "cpp"), other runs of
// characters made one hyphen; "cpp" when nothing is left.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "cpp"
	}
	return b.String()
}

// description is what a calendar shows under the event: who leads it, where it stands, the
// deadline as the plan writes it and the plan it is from.
func description(r query.Row) string {
	a := r.Action
	lines := []string{"Leads: " + strings.Join(r.Leads, "; ")}
	if len(r.Leads) == 0 {
		lines[0] = "Leads: none named"
	}
	status := "Status: " + a.Status.Word()
	if a.RAG != "" {
		status += " (RAG " + a.RAG.Word() + ")"
	}
	lines = append(lines, status, "Deadline: "+a.Deadline.Text)
	p := r.Plan.ID
	if r.Plan.Title != "" {
		p = r.Plan.Title + " (" + r.Plan.ID + ")"
	}
	if r.Plan.Council != "" {
		p += ", " + r.Plan.Council
	}
	return strings.Join(append(lines, "Plan: "+p), "\n")
}
