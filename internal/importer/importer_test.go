package importer

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/tabular"
)

// An action cell merged over its milestone rows is a parent with a sub-action per row; a lead
// merged over the same rows is the parent's, and each row keeps its own deadline.
func TestMergedActionCell(t *testing.T) {
	tb := table("Actions",
		"Action | Milestone | Timescale | Lead",
		"Co-design the local offer | Consult carers | Q3 2025 | Virtual School",
		" | Publish the offer | Q1 2026 | ",
		" | Review it | annually | ",
		"Recruit mentors | | Q4 2025 | Fostering",
	)
	tb.Merges = []tabular.Merge{{Row: 1, Col: 0, Height: 3, Width: 1}, {Row: 1, Col: 3, Height: 3, Width: 1}}
	res, p := load(t, opts(), tb)
	as := actions(p)
	parent := as["test-ap.p1.1"]
	if parent == nil || parent.Text != "Co-design the local offer" || !slices.Equal(parent.Leads, []string{"Virtual School"}) || parent.HasDeadline {
		t.Fatalf("parent %+v\n%s", parent, res.Data)
	}
	for id, want := range map[string]string{"test-ap.p1.1a": "Q3 2025", "test-ap.p1.1b": "Q1 2026", "test-ap.p1.1c": "annually"} {
		a := as[id]
		if a == nil || a.Parent != "test-ap.p1.1" || a.Deadline.Text != want || len(a.Leads) != 0 {
			t.Errorf("%s = %+v, want deadline %s under test-ap.p1.1", id, a, want)
		}
	}
	if a := as["test-ap.p1.2"]; a == nil || a.Text != "Recruit mentors" {
		t.Errorf("the next action is %+v", a)
	}
	if res.Actions != 2 || res.SubActions != 3 {
		t.Errorf("%d actions, %d sub-actions", res.Actions, res.SubActions)
	}
}

// Heading rows (only the first cell, or one cell merged across) and a theme column start
// sections; a repeated header row is skipped.
func TestSections(t *testing.T) {
	tb := table("",
		"Action | Deadline | Lead",
		"Pledge 1: a home | | ",
		"Find homes | Q3 2025 | Virtual School",
		"Pledge 2: health | | ",
		"Action | Deadline | Lead",
		"Check teeth | Q4 2025 | ICB",
	)
	tb.Merges = []tabular.Merge{{Row: 3, Col: 0, Height: 1, Width: 3}}
	_, p := load(t, opts(), tb)
	if len(p.Sections) != 2 || p.Sections[0].Title != "Pledge 1: a home" || p.Sections[0].Kind != "pledge" ||
		p.Sections[1].ID != "test-ap.p2" || len(p.Sections[1].Actions) != 1 {
		t.Fatalf("sections %+v", p.Sections)
	}

	_, p = load(t, opts(), table("",
		"Theme | Action | Deadline",
		"Homes | Find homes | Q3 2025",
		" | Keep homes | Q4 2025",
		"Health | Check teeth | Q4 2025",
	))
	if len(p.Sections) != 2 || p.Sections[0].Title != "Homes" || len(p.Sections[0].Actions) != 2 || p.Sections[1].Title != "Health" {
		t.Fatalf("theme sections %+v", p.Sections)
	}
	// A row with an action of its own is an action, though its theme cell is empty.
	if p.Sections[0].Actions[1].Parent != "" {
		t.Errorf("Keep homes: %+v", p.Sections[0].Actions[1])
	}

	// Actions before any heading are in a section named by the text above the header, else
	// after the table, else the plan.
	_, p = load(t, opts(), table("Sheet1", "Action", "Find homes"))
	if p.Sections[0].Title != "Sheet1" {
		t.Errorf("section %q", p.Sections[0].Title)
	}
	_, p = load(t, opts(), table("Sheet1", "Priority 1: Health | ", "Action | Deadline", "Find homes | Q3 2025"))
	if p.Sections[0].Title != "Priority 1: Health" {
		t.Errorf("section %q", p.Sections[0].Title)
	}
}

// Deadlines are kept as written; an empty one is absent; one cpp does not understand (words, a
// two-digit year) is kept whole as the deadline, not understood, so that no answer takes the
// action for undated; a status is a status.
func TestDeadlines(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Deadline",
		"A one | Sept. 2025",
		"A two. | ",
		"A three | TBC",
		"A four | 30/09/25",
		"A five | Statutory: within 20 working days",
		"A six | Completed",
		"A seven | Ongoing",
	))
	if len(p.Sections) != 1 {
		t.Fatalf("%d sections:\n%s", len(p.Sections), res.Data)
	}
	as := actions(p)
	for id, want := range map[string]string{"test-ap.p1.1": "Sept. 2025", "test-ap.p1.3": "TBC", "test-ap.p1.7": "Ongoing",
		"test-ap.p1.4": "30/09/25", "test-ap.p1.5": "Statutory: within 20 working days"} {
		if as[id].Deadline.Text != want {
			t.Errorf("%s deadline %q, want %q", id, as[id].Deadline.Text, want)
		}
	}
	for _, id := range []string{"test-ap.p1.4", "test-ap.p1.5"} {
		if !as[id].DeadlineNotUnderstood() {
			t.Errorf("%s: deadline %q should be not understood", id, as[id].Deadline.Text)
		}
	}
	for _, id := range []string{"test-ap.p1.2", "test-ap.p1.6"} {
		if as[id].HasDeadline {
			t.Errorf("%s has deadline %q", id, as[id].Deadline.Text)
		}
	}
	if as["test-ap.p1.6"].Status != plan.Complete {
		t.Errorf("status %q", as["test-ap.p1.6"].Status)
	}
	if len(res.Kept) != 1 {
		t.Errorf("kept %+v", res.Kept)
	}
	var warned []int
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "not understood") {
			warned = append(warned, w.Line)
		}
	}
	if !slices.Equal(warned, []int{5, 6}) {
		t.Errorf("not-understood warnings at rows %v, want 5, 6: %+v", warned, res.Warnings)
	}
}

// Status and RAG come from words and letters, and RAG from an empty cell's fill; a word wins over
// a fill, Blue is complete, and a word cpp does not know is a comment.
func TestStatusAndRAG(t *testing.T) {
	tb := table("",
		"Action | Status | RAG",
		"A | On track | A",
		"B | Not started | ",
		"C | Completed | Blue",
		"D | Delayed | Purple",
		"E | | Green",
	)
	tb.Rows[2].Cells[2].Fill = "FF0000"
	tb.Rows[5].Cells[2].Fill = "FF0000"
	res, p := load(t, opts(), tb)
	as := actions(p)
	for id, want := range map[string][2]string{
		"test-ap.p1.1": {"in-progress", "amber"}, "test-ap.p1.2": {"not-started", "red"},
		"test-ap.p1.3": {"complete", ""}, "test-ap.p1.4": {"not-started", ""}, "test-ap.p1.5": {"not-started", "green"},
	} {
		if a := as[id]; string(a.Status) != want[0] || string(a.RAG) != want[1] {
			t.Errorf("%s: %s %s, want %s %s", id, a.Status, a.RAG, want[0], want[1])
		}
	}
	if !bytes.Contains(res.Data, []byte("# Status: Delayed (not a status cpp reads)")) || !bytes.Contains(res.Data, []byte("# RAG: Purple")) {
		t.Errorf("kept:\n%s", res.Data)
	}
}

// Progress columns are updates, dated by their heading, or the import's day.
func TestProgress(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Progress update March 2025 | Progress Q2 2025 | Comments",
		"A | Started | Going well | Board asked for more",
	))
	a := actions(p)["test-ap.p1.1"]
	var got []string
	for _, u := range a.Updates {
		got = append(got, u.Date.Format("2006-01-02")+" "+u.Note)
	}
	want := []string{"2025-03-31 Started", "2025-06-30 Going well", "2025-10-01 Board asked for more"}
	if !slices.Equal(got, want) {
		t.Errorf("updates %q, want %q", got, want)
	}
	if len(res.Progress) != 3 || !strings.Contains(res.Progress[2], "the day of the import") {
		t.Errorf("progress %q", res.Progress)
	}
}

// A person's name is never written as a lead; leads are split and proposed for the registry.
func TestLeads(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Lead officer(s)",
		"A | Jane Smith / Virtual School",
		"B | Health; Housing",
		"C | Dr A. Patel",
	))
	as := actions(p)
	if !slices.Equal(as["test-ap.p1.1"].Leads, []string{"Virtual School"}) || as["test-ap.p1.3"].Leads != nil ||
		!slices.Equal(as["test-ap.p1.2"].Leads, []string{"Health", "Housing"}) {
		t.Errorf("leads %q %q %q", as["test-ap.p1.1"].Leads, as["test-ap.p1.2"].Leads, as["test-ap.p1.3"].Leads)
	}
	if bytes.Contains(res.Data, []byte("leads: [Jane")) || !bytes.Contains(res.Data, []byte("# Lead officer(s): Jane Smith (a person's name")) {
		t.Errorf("plan:\n%s", res.Data)
	}
	if len(res.Warnings) != 2 || !slices.Equal(res.NewLeads, []string{"Health", "Housing"}) {
		t.Errorf("warnings %+v, new leads %q", res.Warnings, res.NewLeads)
	}
}

// Ids follow the Ref column when it numbers every action; otherwise the order, with each ref
// kept as a comment. The same table gives the same bytes.
func TestIDs(t *testing.T) {
	tb := table("",
		"Ref | Action",
		"Priority 1 | ",
		"1.3 | A",
		"1.5 | B",
		"Priority 2 | ",
		"2.1 | C",
	)
	res, p := load(t, opts(), tb)
	if _, ok := actions(p)["test-ap.p1.5"]; !ok || res.IDsFrom != "the Ref column" {
		t.Errorf("ids from %s:\n%s", res.IDsFrom, res.Data)
	}
	again, _ := Import([]tabular.Table{tb}, opts())
	if !bytes.Equal(res.Data, again.Data) {
		t.Error("the same table gave different plans")
	}
	res, p = load(t, opts(), table("",
		"Ref | Action",
		"CP-01 | A",
		"CP-02 | B",
	))
	if _, ok := actions(p)["test-ap.p1.2"]; !ok || !strings.Contains(res.IDsFrom, `"CP-01"`) || !bytes.Contains(res.Data, []byte("# Ref: CP-02")) {
		t.Errorf("ids from %s:\n%s", res.IDsFrom, res.Data)
	}
}

// A table of outcomes only (the 10-pledge plan's form) gives actions written as their outcome;
// measures are the section's, linked from their actions.
func TestOutcomesAndMeasures(t *testing.T) {
	_, p := load(t, opts(), table("",
		"Pledge | Expected outcome | Success measure | Responsible officer | Timeline",
		"Pledge 1 | Children feel at home | Stability rate | Virtual School | Reviewed annually",
		" | Children see family | Stability rate | Virtual School | September 2025",
	))
	s := p.Sections[0]
	if len(s.Measures) != 1 || s.Measures[0].ID != "test-ap.p1.m1" || s.Kind != "pledge" {
		t.Fatalf("section %+v", s)
	}
	a := s.Actions[0]
	if a.Text != "" || !slices.Equal(a.Outcomes, []string{"Children feel at home"}) || !slices.Equal(a.Links, []string{"test-ap.p1.m1"}) {
		t.Errorf("action %+v", a)
	}
}

// Several tables: the first with a column of actions; none: the headers found.
func TestTables(t *testing.T) {
	res, _ := load(t, opts(), table("Contents", "Page | Title", "1 | Intro"), table("Actions", "Action", "Find homes"))
	if res.Table != "Actions" || !strings.Contains(res.Chosen, "1 table before it has none") {
		t.Errorf("table %q, chosen %q", res.Table, res.Chosen)
	}
	_, err := Import([]tabular.Table{table("Contents", " | ", "Page | Title")}, opts())
	var na *NoActionsError
	if !errors.As(err, &na) || err.Error() != `no column of actions in plan.csv (Contents: headers "Page", "Title")` {
		t.Errorf("error %v", err)
	}
}

// Text that would act on a terminal stays escaped in comments, and a comment cannot end early.
func TestCommentsAreInert(t *testing.T) {
	res, _ := load(t, opts(), table("", "Action | Notes", "A | line one\\nline two \x1b[2K\u202e"))
	if !bytes.Contains(res.Data, []byte("# Notes: line one\n        # line two \\x1b[2K\\u202e")) {
		t.Errorf("comment:\n%s", res.Data)
	}
	// termsafe's one list: an Arabic letter mark reorders text as the other bidi controls do, and
	// a line separator ends a comment for a YAML 1.1 reader.
	res, _ = load(t, opts(), table("", "Action | Notes", "A | mark \u061c sep \u2028 end"))
	if !bytes.Contains(res.Data, []byte(`# Notes: mark \u061c sep \u2028 end`)) {
		t.Errorf("comment:\n%s", res.Data)
	}
}

// The period: --period's, else the years the deadlines fall in, in the plan's convention.
func TestPeriod(t *testing.T) {
	o := opts()
	o.Quarters = deadline.Financial
	res, _ := load(t, o, table("", "Action | Deadline", "A | Q1 2025", "B | March 2027"))
	if got := res.Period.Start.Format("2006-01-02") + " " + res.Period.End.Format("2006-01-02"); got != "2025-04-01 2027-03-31" {
		t.Errorf("period %s", got)
	}
	o.Period = plan.Period{Start: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2028, 3, 31, 0, 0, 0, 0, time.UTC)}
	res, _ = load(t, o, table("", "Action | Deadline", "A | Q1 2025"))
	if res.PeriodFrom != "--period" || bytes.Contains(res.Data, []byte("check it against")) {
		t.Errorf("period from %s", res.PeriodFrom)
	}
}

// Odd shapes are read without a panic: a merge running past the last row or over spacer rows,
// a heading with punctuation before its date, a table of one column or of the header alone.
func TestOddShapes(t *testing.T) {
	tb := table("", "Action | Progress-update: 31/03/2025", "A | done", " | ", " | later")
	tb.Merges = []tabular.Merge{{Row: 1, Col: 0, Height: 9, Width: 1}}
	res, p := load(t, opts(), tb)
	if len(p.Sections[0].Actions) != 3 {
		t.Errorf("want a parent and 2 sub-actions:\n%s", res.Data)
	}
	a := actions(p)["test-ap.p1.1a"]
	if a == nil || len(a.Updates) != 1 || a.Updates[0].Date.Format("2006-01-02") != "2025-03-31" {
		t.Errorf("action %+v\n%s", a, res.Data)
	}
	load(t, opts(), table("", "Action", "Find homes", "Keep homes"))
	if _, err := Import([]tabular.Table{table("", "Action | Deadline")}, opts()); err != nil {
		t.Errorf("header only: %v", err)
	}
}

// A row with only its ref (an action numbered but never written) is no heading and no milestone
// of the action above: it is left out, and the summary names its row.
func TestRefOnlyRow(t *testing.T) {
	for _, tb := range []tabular.Table{
		table("", "Ref | Action | Deadline", "1.1 | A | Q3 2025", "1.2 | | ", "1.3 | C | Q4 2025"),
		table("", "Action | Ref | Deadline", "A | 1.1 | Q3 2025", " | 1.2 | ", "C | 1.3 | Q4 2025"),
	} {
		res, p := load(t, opts(), tb)
		as := actions(p)
		if len(p.Sections) != 1 || len(as) != 2 || as["test-ap.p1.1"] == nil || as["test-ap.p1.3"] == nil {
			t.Errorf("want actions 1.1 and 1.3 in one section:\n%s", res.Data)
		}
		if !slices.ContainsFunc(res.Warnings, func(n Note) bool { return n.Line == 3 && strings.Contains(n.Message, `"1.2"`) }) {
			t.Errorf("no warning for row 3: %+v", res.Warnings)
		}
	}
}

// A note under the last action (one cell across the table, or the first cell alone) is no
// section: it is left out, and the summary names its row.
func TestNoteAfterLastAction(t *testing.T) {
	tb := table("", "Action | Deadline", "Priority 1 | ", "A | Q3 2025", "Note: deadlines are reviewed each quarter. | ", "Key: R = red | ")
	tb.Merges = []tabular.Merge{{Row: 3, Col: 0, Height: 1, Width: 2}}
	res, p := load(t, opts(), tb)
	if len(p.Sections) != 1 || res.Sections != 1 || len(res.SectionTitles) != 1 {
		t.Errorf("want one section:\n%s", res.Data)
	}
	for _, line := range []int{4, 5} {
		if !slices.ContainsFunc(res.Warnings, func(n Note) bool { return n.Line == line && strings.Contains(n.Message, "after the last action") }) {
			t.Errorf("no warning for row %d: %+v", line, res.Warnings)
		}
	}
}

// A deadline cell with words after its date and an empty lead cell is how a PDF's text gives a
// deadline and its lead run together ("Q3 2025 Commissioning, health partners"): the deadline is
// kept as written, and the summary asks whether the words are the lead. A row with a lead of its
// own is not asked about.
func TestDeadlineRunIntoLead(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Deadline | Team/Service lead(s)",
		"A | Q3 2025 Commissioning, health partners | ",
		"B | March 2026 (subject to funding) | Virtual School",
		"C | Q3 2025 | ",
	))
	if a := actions(p)["test-ap.p1.1"]; a.Deadline.Text != "Q3 2025 Commissioning, health partners" || len(a.Leads) != 0 {
		t.Errorf("action %+v", a)
	}
	// Both cells mix a date with words: both are kept whole and not understood; only the row
	// with no lead is asked whether the words are its lead.
	if len(res.Warnings) != 2 || res.Warnings[0].Line != 2 || !strings.Contains(res.Warnings[0].Message, `is "Commissioning, health partners" the lead?`) ||
		strings.Contains(res.Warnings[1].Message, "the lead?") || !strings.Contains(res.Warnings[1].Message, "not understood") {
		t.Errorf("warnings %+v", res.Warnings)
	}
	if a := actions(p)["test-ap.p1.2"]; !a.DeadlineNotUnderstood() || a.Deadline.Text != "March 2026 (subject to funding)" {
		t.Errorf("action B %+v", a)
	}
}

// A table that writes a date month first (09/30/2025, as Excel does in a US locale) may write
// every date so: a date that reads either way (03/04/2026) is not taken day first. It is kept
// whole as the deadline, marked not understood, so that every answer about dates names the
// action, with a warning that says why; a date that reads one way only (04/04/2026) is kept as
// written. A date that reads only month first is that day, not a comment that would leave the
// action undated. A date that is no day either way (02/30/2026) is a known form written wrongly,
// kept whole and not understood too.
func TestMonthFirstDates(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Deadline",
		"A | 09/30/2025",
		"B | 03/04/2026",
		"C | 04/04/2026",
		"D | by 05/06/2026",
		"E | by 11/30/2025",
		"F | 02/30/2026",
	))
	as := actions(p)
	for id, want := range map[string]string{"test-ap.p1.2": "not understood: 03/04/2026", "test-ap.p1.4": "not understood: by 05/06/2026",
		"test-ap.p1.6": "not understood: 02/30/2026"} {
		if a := as[id]; !a.DeadlineNotUnderstood() || a.Deadline.Text != want {
			t.Errorf("%s: deadline %q (%v), want %q not understood", id, a.Deadline.Text, a.DeadlineErr, want)
		}
	}
	for id, want := range map[string]string{"test-ap.p1.1": "2025-09-30", "test-ap.p1.3": "04/04/2026", "test-ap.p1.5": "by 2025-11-30"} {
		if d := as[id].Deadline; d.Text != want || as[id].DeadlineErr != nil {
			t.Errorf("%s: deadline %q (%v), want %q", id, d.Text, as[id].DeadlineErr, want)
		}
	}
	if want := "# Deadline: 09/30/2025 (read month first, as it can only be read: 30 September 2025, written 2025-09-30)"; !bytes.Contains(res.Data, []byte(want)) {
		t.Errorf("no %q in\n%s", want, res.Data)
	}
	if bytes.Contains(res.Data, []byte("# Deadline: 03/04/2026")) {
		t.Errorf("03/04/2026 kept as a comment:\n%s", res.Data)
	}
	var found bool
	for _, w := range res.Warnings {
		if w.Line == 3 {
			found = true
			if want := `deadline "03/04/2026" is not understood (the table writes dates month first (09/30/2025 at row 2), so it may be 4 March 2026 or 3 April 2026)`; !strings.Contains(w.Message, want) || w.Hint != "write it as 2026-03-04 or 2026-04-03, in the table or the plan" {
				t.Errorf("row 3 warning %+v", w)
			}
		}
	}
	if !found {
		t.Errorf("no warning for row 3: %+v", res.Warnings)
	}
	// Day-first dates alone are read day first, as the README says.
	_, p = load(t, opts(), table("", "Action | Deadline", "A | 30/09/2025", "B | 03/04/2026"))
	if d := actions(p)["test-ap.p1.2"].Deadline; d.Text != "03/04/2026" {
		t.Errorf("B: %+v", d)
	}
}

// A known form written wrongly (31/02/2026, Q5 2025) would be an error in the plan: it is kept
// whole as the deadline, marked not understood, with the reason and its hint in the warning;
// never a comment that leaves the action undated. A status in the deadline column is still read
// as the status.
func TestDeadlineWrittenWrongly(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action | Deadline",
		"A | 31/02/2026",
		"B | Q5 2025",
		"C | Complete",
	))
	as := actions(p)
	for id, want := range map[string]string{"test-ap.p1.1": "not understood: 31/02/2026", "test-ap.p1.2": "not understood: Q5 2025"} {
		if a := as[id]; !a.DeadlineNotUnderstood() || a.Deadline.Text != want {
			t.Errorf("%s: deadline %q (%v), want %q not understood", id, a.Deadline.Text, a.DeadlineErr, want)
		}
	}
	if a := as["test-ap.p1.3"]; a.HasDeadline || a.Status != "complete" {
		t.Errorf("C: %+v", a)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0].Message, `deadline "31/02/2026" is not understood (February 2026 has no day 31): kept whole as the deadline, written "not understood: 31/02/2026"`) ||
		res.Warnings[0].Hint != "the last day of February 2026 is 28" || !strings.Contains(res.Warnings[1].Message, "(there is no quarter Q5)") {
		t.Errorf("warnings %+v", res.Warnings)
	}
}

// A totals row at the foot of a tracker is no action: it is left out, and the summary names it.
func TestTotalsRow(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Ref | Action | Deadline | RAG",
		"1 | A | Q3 2025 | Green",
		"2 | B | Q4 2025 | Red",
		"Total | 2 actions | | 1 red",
	))
	if as := actions(p); len(as) != 2 {
		t.Errorf("want 2 actions:\n%s", res.Data)
	}
	if !slices.ContainsFunc(res.Warnings, func(n Note) bool { return n.Line == 4 && strings.Contains(n.Message, "totals row") }) {
		t.Errorf("no warning for row 4: %+v", res.Warnings)
	}
}

// A file with more than one table of actions imports the first, and says which others were not
// imported, so that a plan split over two tables is never silently half imported.
func TestOtherActionTables(t *testing.T) {
	res, _ := load(t, opts(), table("table 1", "Page | Title", "1 | Intro"),
		table("table 2", "Action | Deadline", "Find homes | Q3 2025"),
		table("table 3", "Notes", "none"),
		table("table 4", "Action | Deadline", "Check teeth | Q4 2025"))
	if res.Table != "table 2" || !slices.Equal(res.Others, []string{"table 4"}) {
		t.Errorf("table %q, others %q", res.Table, res.Others)
	}
	o := opts()
	o.Sheet = "table 2"
	res, _ = load(t, o, table("table 2", "Action | Deadline", "Find homes | Q3 2025"))
	if len(res.Others) != 0 {
		t.Errorf("others %q", res.Others)
	}
}

// A title row whose words start with "Action" ("Action Plan 2025-2028") is not the header row:
// the row below it that names more columns is.
func TestTitleRowNamedAction(t *testing.T) {
	res, p := load(t, opts(), table("",
		"Action Plan 2025-2028 | | ",
		"Action | Deadline | Lead",
		"Find homes | Q3 2025 | Virtual School",
	))
	as := actions(p)
	if res.HeaderLine != 2 || len(as) != 1 || as["test-ap.p1.1"].Deadline.Text != "Q3 2025" {
		t.Errorf("header row %d:\n%s", res.HeaderLine, res.Data)
	}
}

// A column with no header but text below it is kept as comments, never dropped.
func TestHeaderlessColumnKept(t *testing.T) {
	res, _ := load(t, opts(), table("", "Action | Deadline | ", "Find homes | Q3 2025 | Funding agreed"))
	if !bytes.Contains(res.Data, []byte("# column C: Funding agreed")) || len(res.Kept) != 1 {
		t.Errorf("kept %+v:\n%s", res.Kept, res.Data)
	}
}

// Without --sheet, a table with a header that names actions but no actions below it (a contents
// table listing "Action plan") is passed over for the next table that has actions.
func TestTableWithNoActionsPassedOver(t *testing.T) {
	res, _ := load(t, opts(), table("table 1", "Section | Page", "Action plan | 3"),
		table("table 2", "Action | Deadline", "Find homes | Q3 2025"))
	if res.Table != "table 2" || res.Actions != 1 {
		t.Errorf("table %q, %d actions", res.Table, res.Actions)
	}
}

// A milestone row's own ref ("1.4.2") is kept as a comment beside its sub-action, not dropped.
func TestSubActionRefKept(t *testing.T) {
	res, _ := load(t, opts(), table("",
		"Ref | Action | Milestone | Deadline",
		"1.4 | Kinship offer | Draft | Q3 2025",
		"1.4.2 | | Consult | Q4 2025",
	))
	if !bytes.Contains(res.Data, []byte("- id: test-ap.p1.4b # row 3\n        # Ref: 1.4.2\n")) {
		t.Errorf("no ref 1.4.2 beside test-ap.p1.4b:\n%s", res.Data)
	}
}

// A row whose ref is the action above's ref and a letter ("1a" under "1", "2.3b" under "2.3",
// as Camden's kinship strategy numbers its actions) is a lettered sub-action of that action,
// with its own text, deadline and lead. Refs of other shapes, and a letter that does not follow
// the action above, keep the rows as actions of their own; the second with a warning.
func TestLetteredRefs(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		// want is each action's id and its parent ("" for none).
		want     map[string]string
		wantWarn string // in a warning; "" for no warning about refs
	}{
		{"kinship", []string{"Ref | Action | Timescale | Lead",
			"1 | Co-design a Kinship Local Offer: | | ",
			"1a | Consult kinship carers | Q3 2025 | Virtual School",
			"1b | Publish the offer | Q1 2026 | Fostering",
			"2 | Run monthly peer groups | monthly | Fostering"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.1a": "test-ap.p1.1", "test-ap.p1.1b": "test-ap.p1.1", "test-ap.p1.2": ""}, ""},
		{"section and action", []string{"Ref | Action", "2.3 | Parent", "2.3a | First", "2.3b | Second", "2.4 | Next"},
			map[string]string{"test-ap.p2.3": "", "test-ap.p2.3a": "test-ap.p2.3", "test-ap.p2.3b": "test-ap.p2.3", "test-ap.p2.4": ""}, ""},
		{"written forms", []string{"Ref | Action", "1. | Parent", "1(a) | A", "1 (b) | B", "1.c | C", "1 d | D", "1E | E"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.1a": "test-ap.p1.1", "test-ap.p1.1b": "test-ap.p1.1",
				"test-ap.p1.1c": "test-ap.p1.1", "test-ap.p1.1d": "test-ap.p1.1", "test-ap.p1.1e": "test-ap.p1.1"}, ""},
		{"base not the action above", []string{"Ref | Action", "1 | A", "2 | B", "1a | C"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.2": "", "test-ap.p1.3": ""}, `ref "1a"`},
		{"letter out of turn", []string{"Ref | Action", "1 | A", "1b | B"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.2": ""}, `ref "1b"`},
		{"first action lettered", []string{"Ref | Action", "1a | A", "2 | B"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.2": ""}, `ref "1a"`},
		{"not a number", []string{"Ref | Action", "P1-3 | A", "P1-3a | B"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.2": ""}, ""},
		{"milestone number", []string{"Ref | Action", "1.1 | A", "1.1.2 | B"},
			map[string]string{"test-ap.p1.1": "", "test-ap.p1.2": ""}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := table("", tc.rows...)
			res, p := load(t, opts(), tb)
			got := map[string]string{}
			for id, a := range actions(p) {
				got[id] = a.Parent
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("actions %v, want %v:\n%s", got, tc.want, res.Data)
			}
			var warned []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "ref ") {
					warned = append(warned, w.Message)
				}
			}
			if tc.wantWarn == "" && len(warned) > 0 || tc.wantWarn != "" && !slices.ContainsFunc(warned, func(m string) bool { return strings.Contains(m, tc.wantWarn) }) {
				t.Errorf("warnings %q, want one with %q", warned, tc.wantWarn)
			}
			again, _ := Import([]tabular.Table{tb}, opts())
			if !bytes.Equal(res.Data, again.Data) {
				t.Error("the same table gave different plans")
			}
		})
	}
	// Each sub-action has its own row's cells.
	_, p := load(t, opts(), table("", "Ref | Action | Timescale | Lead",
		"1 | Co-design the offer: | | ", "1a | Consult carers | Q3 2025 | Virtual School"))
	a := actions(p)["test-ap.p1.1a"]
	if a == nil || a.Text != "Consult carers" || a.Deadline.Text != "Q3 2025" || !slices.Equal(a.Leads, []string{"Virtual School"}) {
		t.Errorf("sub-action %+v", a)
	}
	if parent := actions(p)["test-ap.p1.1"]; parent == nil || parent.HasDeadline || len(parent.Leads) > 0 {
		t.Errorf("parent %+v", parent)
	}
}

// Rows are actions unless they are clearly headings; where the table leaves it open, the summary
// says which reading was chosen.
func TestHeadingOrAction(t *testing.T) {
	tests := []struct {
		name     string
		rows     []string
		fill     bool // the candidate row's first cell is filled
		sections []string
		actions  int
		warned   bool
	}{
		{"undated row among dated actions", []string{"Action | Deadline | Lead", "A | Q3 2025 | VS", "Review the strategy | | ", "C | Q4 2025 | VS"},
			false, []string{"Action Plan"}, 3, true},
		{"undated last row", []string{"Action | Deadline | Lead", "A | Q3 2025 | VS", "Publish a report | | "},
			false, []string{"Action Plan"}, 2, true},
		{"a note after the last action is left out, named", []string{"Action | Deadline | Lead", "A | Q3 2025 | VS", "Note: reviewed quarterly | | "},
			false, []string{"Action Plan"}, 1, true},
		{"a kind of section", []string{"Action | Deadline | Lead", "A | Q3 2025 | VS", "Priority 2: Health | | ", "C | Q4 2025 | VS"},
			false, []string{"Action Plan", "Priority 2: Health"}, 2, false},
		{"a filled cell", []string{"Action | Deadline | Lead", "A | Q3 2025 | VS", "Health | | ", "C | Q4 2025 | VS"},
			true, []string{"Action Plan", "Health"}, 2, false},
		{"above every action", []string{"Action | Deadline | Lead", "Health | | ", "C | Q4 2025 | VS"},
			false, []string{"Health"}, 1, false},
		{"actions in another column", []string{"Ref | Action | Deadline", "Health | | ", "1 | C | Q4 2025"},
			false, []string{"Health"}, 1, false},
		{"a numbering level above", []string{"Ref | Action | Deadline | Lead", "1.1 | A | Q3 2025 | VS", "2 | Health | | ", "2.1 | C | Q4 2025 | VS"},
			false, []string{"Action Plan", "2 Health"}, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := table("", tt.rows...)
			if tt.fill {
				tb.Rows[2].Cells[0].Fill = "D9E1F2"
			}
			res, p := load(t, opts(), tb)
			var titles []string
			n := 0
			for _, s := range p.Sections {
				titles = append(titles, s.Title)
				n += len(s.Actions)
			}
			if !slices.Equal(titles, tt.sections) || n != tt.actions {
				t.Errorf("sections %q with %d actions, want %q with %d\n%s", titles, n, tt.sections, tt.actions, res.Data)
			}
			if (len(res.Warnings) > 0) != tt.warned {
				t.Errorf("warnings %+v, want warned %v", res.Warnings, tt.warned)
			}
		})
	}
}

// A lead cell of codes or initials is several leads, initials are people for the registry as
// roles; a team whose name has a comma stays one; a mix is warned about.
func TestLeadCodes(t *testing.T) {
	tests := []struct {
		cell     string
		leads    []string
		initials []string
		warned   bool
	}{
		{"AB, CD, EFG", []string{"AB", "CD", "EFG"}, []string{"AB", "CD", "EFG"}, false},
		{"ICB, CAMHS", []string{"ICB", "CAMHS"}, nil, false},
		{"A.B., C.D.", []string{"A.B.", "C.D"}, []string{"A.B.", "C.D"}, false}, // a last full stop is trimmed, as from every lead
		{"Head of Service, Children in Care", []string{"Head of Service, Children in Care"}, nil, false},
		{"Team Manager: CLA, CSST, Family Safeguarding", []string{"Team Manager: CLA, CSST, Family Safeguarding"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			res, p := load(t, opts(), table("", "Action | Lead", "A | "+tt.cell))
			if got := actions(p)["test-ap.p1.1"].Leads; !slices.Equal(got, tt.leads) {
				t.Errorf("leads %q, want %q", got, tt.leads)
			}
			if !slices.Equal(res.Initials, tt.initials) {
				t.Errorf("initials %q, want %q", res.Initials, tt.initials)
			}
			if (len(res.Warnings) > 0) != tt.warned {
				t.Errorf("warnings %+v", res.Warnings)
			}
		})
	}
}

// Progress columns headed by a period are dated updates on the period's last day; an action with
// a progress note and no status is in progress, unless the table says otherwise.
func TestProgressHeadingsAndStatus(t *testing.T) {
	o := opts()
	o.Today = time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)
	res, p := load(t, o, table("",
		"Action | Status | June 2026 update | Update Dec 2025 | Q2 progress | Progress at March 2026 | Pillar",
		"A | | Going well | | | | Homes",
		"B | Complete | Done | | | | Homes",
		"C | | | | Not started | | Health",
		"D | | | | | | Health",
	))
	a := actions(p)
	for id, want := range map[string]plan.Status{"test-ap.p1.1": plan.InProgress, "test-ap.p1.2": plan.Complete,
		"test-ap.p2.1": plan.NotStarted, "test-ap.p2.2": ""} {
		if a[id].Status != want && !(want == "" && a[id].Status == plan.NotStarted) {
			t.Errorf("%s status %q, want %q", id, a[id].Status, want)
		}
	}
	if got := a["test-ap.p1.1"].Updates[0].Date.Format("2006-01-02"); got != "2026-06-30" {
		t.Errorf("June 2026 update dated %s", got)
	}
	if got := a["test-ap.p2.1"].Updates[0].Date.Format("2006-01-02"); got != "2026-06-30" {
		t.Errorf("Q2 progress dated %s", got)
	}
	if res.InProgress != 1 || len(res.Progress) != 4 || len(p.Sections) != 2 || p.Sections[1].Title != "Health" {
		t.Errorf("in progress %d, progress %q, sections %d", res.InProgress, res.Progress, len(p.Sections))
	}
	for _, want := range []string{`"Update Dec 2025": dated 2025-12-31`, `"Progress at March 2026": dated 2026-03-31`} {
		if !strings.Contains(strings.Join(res.Progress, "\n"), want) {
			t.Errorf("progress %q, want %q", res.Progress, want)
		}
	}
}

// CSV rows are numbered as a spreadsheet shows them: a cell holding a line break is one row,
// even when the break ends the cell (and is trimmed from its text). The reader numbers them so.
func TestSpreadsheetRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.csv")
	if err := os.WriteFile(path, []byte("Action,Deadline\n\"A\nmore\n\",Q3 2025\nB,soon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tables, err := tabular.Read(path, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := opts()
	o.File = path
	res, _ := load(t, o, tables...)
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 3 {
		t.Errorf("warnings %+v, want one at row 3", res.Warnings)
	}
}

// A progress heading's quarter is read in the plan's convention: in a financial plan, Q2 is July
// to September, so "Progress Q2 2025" ends 30 September 2025, and a "Q2 progress" with no year
// the last such quarter to end by the day of the import (TestProgressHeadingsAndStatus reads
// both in a calendar plan).
func TestProgressQuarterFinancial(t *testing.T) {
	o := opts()
	o.Quarters = deadline.Financial
	o.Today = time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)
	res, p := load(t, o, table("",
		"Action | Progress Q2 2025 | Q2 progress",
		"A | Going well | Still going",
	))
	var got []string
	for _, u := range actions(p)["test-ap.p1.1"].Updates {
		got = append(got, u.Date.Format("2006-01-02")+" "+u.Note)
	}
	if want := []string{"2025-09-30 Going well", "2025-09-30 Still going"}; !slices.Equal(got, want) {
		t.Errorf("updates %q, want %q", got, want)
	}
	if len(res.Progress) != 2 || !strings.Contains(res.Progress[1], "the last day of Q2 2025/26 (financial)") {
		t.Errorf("progress %q", res.Progress)
	}
}

// A status written in the RAG column, when the status column gives another, is kept as a
// comment, whichever column comes first: the table said it, and it is not lost without a word.
func TestStatusInRAGColumnNotLost(t *testing.T) {
	for _, tb := range []tabular.Table{
		table("", "Action | Status | RAG", "A | Complete | In progress"),
		table("", "Action | RAG | Status", "A | In progress | Complete"),
	} {
		res, p := load(t, opts(), tb)
		if a := actions(p)["test-ap.p1.1"]; a.Status != plan.Complete {
			t.Errorf("status %q, want complete: the status column wins\n%s", a.Status, res.Data)
		}
		if !bytes.Contains(res.Data, []byte("# RAG: In progress (a status, not a RAG rating; the Status column says complete)")) {
			t.Errorf("the RAG column's status is lost:\n%s", res.Data)
		}
	}
	// Blue, which some councils rate complete with, is kept the same way when the status
	// column says otherwise.
	res, p := load(t, opts(), table("", "Action | Status | RAG", "A | In progress | Blue"))
	if a := actions(p)["test-ap.p1.1"]; a.Status != plan.InProgress || a.RAG != "" ||
		!bytes.Contains(res.Data, []byte("# RAG: Blue (a status, not a RAG rating; the Status column says in-progress)")) {
		t.Errorf("status %q, rag %q:\n%s", a.Status, a.RAG, res.Data)
	}
}
