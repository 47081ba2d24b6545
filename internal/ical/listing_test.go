package ical

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// A listing's calendar says in its description what it leaves out, and returns the actions with
// no date, so that stderr can name them.
func TestWriteListing(t *testing.T) {
	p := &plan.Plan{ID: "p", Title: "Plan", Council: "C"}
	row := func(id string, due bool, unread bool) query.Row {
		a := &plan.Action{ID: id, Text: "Action " + id, Status: plan.NotStarted}
		if unread {
			a.HasDeadline, a.DeadlineErr = true, errors.New("not a deadline")
		}
		r := query.Row{Plan: p, Action: a}
		if due {
			r.Due = day(2025, 9, 30)
		}
		return r
	}
	tests := []struct {
		name            string
		rows, notPlaced []query.Row
		undated, desc   string
	}{
		{"all dated", []query.Row{row("p.1", true, false)}, nil, "", ""},
		{"no date", []query.Row{row("p.1", true, false), row("p.2", false, false)}, nil,
			"p.2 ", "Leaves out 1 action with no date (no deadline, ongoing or to be confirmed)."},
		{"not understood, in rows and apart", []query.Row{row("p.3", false, true), row("p.2", false, false)}, []query.Row{row("p.4", false, true)},
			"p.3 p.2 ", "Leaves out 2 actions whose deadline cpp does not understand (p.4, p.3), and 1 action with no date (no deadline, ongoing or to be confirmed)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			undated, err := WriteListing(&b, "Due in Q3 2025", day(2025, 10, 1), tt.rows, tt.notPlaced)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, r := range undated {
				got += r.Action.ID + " "
			}
			if got != tt.undated {
				t.Errorf("undated %q, want %q", got, tt.undated)
			}
			if d := leavesOut(undated, tt.notPlaced); d != tt.desc {
				t.Errorf("description %q, want %q", d, tt.desc)
			}
			if !strings.Contains(b.String(), "X-WR-CALNAME:Due in Q3 2025\r\n") || strings.Contains(b.String(), "X-WR-CALDESC") != (tt.desc != "") {
				t.Errorf("calendar:\n%s", b.String())
			}
		})
	}
}

func TestUndatedNote(t *testing.T) {
	var rows []query.Row
	for i := range 7 {
		rows = append(rows, query.Row{Action: &plan.Action{ID: fmt.Sprintf("p.%d", i+1)}})
	}
	want := "the calendar leaves out 7 actions with no date (no deadline, ongoing, to be confirmed or unreadable): p.1, p.2, p.3, p.4, p.5, and 2 more"
	if got := UndatedNote(rows); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := UndatedNote(rows[:1]); got != "the calendar leaves out 1 action with no date (no deadline, ongoing, to be confirmed or unreadable): p.1" {
		t.Errorf("one: %q", got)
	}
}
