package view

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/testutil/golden"
)

// answer is the query's answer over the repository's plans, as the commands ask it.
func answer(t *testing.T, l query.Listing) query.Answer {
	t.Helper()
	plans, reg := load(t)
	l.Filter.Today = today
	a, err := query.Run(plans, reg, l)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// notPlaced is the answer with an action whose deadline cpp does not understand named apart.
func notPlaced(a query.Answer) query.Answer {
	r := a.Rows[0]
	act := *r.Action
	act.ID, act.Deadline.Text, act.DeadlineErr = act.ID+"x", "when funding allows", errors.New("not understood")
	r.Action = &act
	a.NotPlaced = []query.Row{r}
	return a
}

// checkListing keeps in a golden file what a listing shows people (as Markdown), and what names
// and fills its workbook, calendar and CSV.
func checkListing(t *testing.T, name string, l render.Listing) {
	t.Helper()
	var b bytes.Buffer
	book := l.Workbook()
	fmt.Fprintf(&b, "subject: %s\nas of: %s\nworkbook: %s; sheet %s\ncolumns: %s\nevents: %d; not placed: %d; records: %d\n\n",
		l.Doc.Subject, render.Date(l.Doc.AsOf), book.Title, book.Sheet, strings.Join(l.Columns, ","), len(l.Events), len(l.NotPlaced), len(l.Cells()))
	if err := (render.MarkdownPrinter{}).Print(&b, l.Doc); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "listing-"+name+".md"), b.Bytes())
}

func TestListings(t *testing.T) {
	cp := []string{"camden-cp", "cambs-cp"}
	q4, err := query.ParseQuarter("Q4-2025")
	if err != nil {
		t.Fatal(err)
	}
	due := answer(t, query.Listing{Filter: query.Filter{Plans: cp, Window: &q4}, Sort: "due"})
	overdue := answer(t, query.Listing{Filter: query.Filter{Plans: cp, Overdue: true}, Sort: "late"})
	slips := map[string]*history.Slip{overdue.Rows[0].Action.ID: {Original: "Q1 2025", Moves: 2, Later: 2}}
	summary := answer(t, query.Listing{Filter: query.Filter{Plans: cp}, Summary: true})
	leads, err := Leads(summary, Window{Window: q4, Given: true}, "overdue")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		l    render.Listing
	}{
		{"list", List(answer(t, query.Listing{Filter: query.Filter{Plans: []string{"camden-kinship"}}, Sort: "plan"}))},
		{"list-none", List(answer(t, query.Listing{Filter: query.Filter{Text: "no action says this"}, Sort: "plan"}))},
		{"due-not-placed", Due(notPlaced(due))},
		{"overdue", Overdue(overdue)},
		{"overdue-none", Overdue(answer(t, query.Listing{Filter: query.Filter{Plans: cp, Overdue: true, Text: "no action says this"}, Sort: "late"}))},
		{"slipped", Slipped(overdue, slips, 12)},
		{"leads", leads},
		{"status", Status(summary, Window{Window: query.ThisQuarter(today)})},
	} {
		t.Run(tt.name, func(t *testing.T) { checkListing(t, tt.name, tt.l) })
	}
	if _, err := Leads(summary, Window{}, "colour"); err == nil {
		t.Error("an unknown sort key of leads accepted")
	}
}

// What stderr says of the actions an answer could not place in time.
func TestNotPlacedNote(t *testing.T) {
	rows := make([]query.Row, 22)
	for i := range rows {
		a := &plan.Action{ID: fmt.Sprintf("p.%d", i+1)}
		a.Deadline.Text = "soon"
		a.At = plan.Positions{{Key: "deadline", Pos: plan.Pos{Line: i + 3, Col: 15}}}
		rows[i] = query.Row{Plan: &plan.Plan{File: "plans/p.yaml"}, Action: a}
	}
	rows[1].Action.At = nil
	rows[1].Action.Pos = plan.Pos{Line: 4, Col: 5}
	for _, tt := range []struct {
		name string
		a    query.Answer
		fate string
	}{
		{"one, named apart", query.Answer{NotPlaced: rows[:1]}, "not listed, as cpp cannot say whether it belongs here"},
		{"two, carried", query.Answer{NotPlaced: rows[:2], Carried: true}, "listed last, with deadline_not_understood true, as cpp cannot say whether they belong here"},
		{"counted apart", query.Answer{NotPlaced: rows, Summary: true}, "counted as neither due nor overdue"},
	} {
		if got := NotPlacedFate(tt.a); got != tt.fate {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.fate)
		}
	}
	if got := NotPlacedNote(nil, "whatever"); got != "" {
		t.Errorf("none: %q", got)
	}
	golden.Check(t, filepath.Join("testdata", "not-placed-note.txt"), []byte(NotPlacedNote(rows[:2], "not listed")+NotPlacedNote(rows, "counted apart")))
}

// A slipped listing about dates names after its tables the actions it could not place in time
// whose deadline has moved, as List does, and only those: one that never moved is not what the
// listing is about, in its document, its calendar or stderr's note (Slipping).
func TestSlippedNamesWhatItCouldNotPlace(t *testing.T) {
	overdue := answer(t, query.Listing{Filter: query.Filter{Plans: []string{"camden-cp"}, Overdue: true}, Sort: "late"})
	a := notPlaced(overdue)
	still := a.NotPlaced[0]
	stillAct := *still.Action
	stillAct.ID += "y"
	still.Action = &stillAct
	a.NotPlaced = append(a.NotPlaced, still)
	moved := a.NotPlaced[0].Action.ID
	slips := map[string]*history.Slip{overdue.Rows[0].Action.ID: {Original: "Q1 2025", Moves: 1, Later: 1}, moved: {Original: "Q1 2025", Moves: 1, Later: 1}}
	l := Slipped(a, slips, 3)
	if len(l.NotPlaced) != 1 || l.NotPlaced[0].Action.ID != moved {
		t.Fatalf("not placed: %v, want only %s", l.NotPlaced, moved)
	}
	var md bytes.Buffer
	if err := (render.MarkdownPrinter{}).Print(&md, l.Doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Could not place in time: 1 action") || !strings.Contains(md.String(), "| "+moved+" |") ||
		strings.Contains(md.String(), stillAct.ID) {
		t.Errorf("the slipped listing does not name %s alone apart:\n%s", moved, md.String())
	}
	if n := Slipping(a, slips).NotPlaced; len(n) != 1 || n[0].Action.ID != moved {
		t.Errorf("Slipping keeps %v as not placed, want only %s", n, moved)
	}
}

// The summaries for people (leads, status) say which actions they counted as neither due nor
// overdue, their deadline not understood: their tables have no column for them, and stderr is
// not sent on with a pasted table.
func TestSummariesNameWhatTheyDidNotPlace(t *testing.T) {
	summary := answer(t, query.Listing{Filter: query.Filter{Plans: []string{"camden-cp"}}, Summary: true})
	if len(summary.NotPlaced) != 0 {
		t.Fatalf("the bundled plan has deadlines not understood: %v", summary.NotPlaced)
	}
	a := notPlaced(summary)
	id := a.NotPlaced[0].Action.ID
	want := "1 action has a deadline cpp does not understand, counted as neither due nor overdue: " + id + ". cpp validate says why."
	leads, err := Leads(a, Window{Window: query.ThisQuarter(today)}, "overdue")
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string]render.Listing{"leads": leads, "status": Status(a, Window{Window: query.ThisQuarter(today)})} {
		var md bytes.Buffer
		if err := (render.MarkdownPrinter{}).Print(&md, l.Doc); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(md.String(), render.InlineMarkdown(want)) {
			t.Errorf("%s does not say %q:\n%s", name, want, md.String())
		}
	}
	leads, _ = Leads(summary, Window{Window: query.ThisQuarter(today)}, "overdue")
	if strings.Contains(fmt.Sprint(leads.Doc.Blocks), "does not understand") {
		t.Error("a summary with every deadline understood names some as not")
	}
}
