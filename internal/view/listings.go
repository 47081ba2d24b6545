package view

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// The listings of list, due, overdue, leads and status: one function for each, from the
// query's answer to what every format prints.

// List is cpp list's listing: the actions the answer keeps, a table for each plan.
func List(a query.Answer) render.Listing {
	today := render.Date(a.Filter.Today)
	doc := render.Doc{Title: fmt.Sprintf("%s (as of %s)", words.Count(len(a.Rows), "action", "actions"), today),
		Sheet: "Actions", AsOf: a.Filter.Today, Subject: "Actions (as of " + today + ")"}
	doc.Blocks = planBlocks(a.Rows, render.ActionColumnsFor{Late: a.Filter.Overdue})
	return actions(doc, a)
}

// Due is cpp due's listing: the actions falling due in the answer's window, a table for each
// plan, with whom to chase last.
func Due(a query.Answer) render.Listing {
	w := a.Filter.Window
	subject := "Due in " + w.Describe(a.Plans)
	doc := render.Doc{Title: fmt.Sprintf("%s: %s", subject, words.Count(len(a.Rows), "action", "actions")),
		Sheet: "Due " + w.Name(a.Plans), AsOf: a.Filter.Today, Subject: subject}
	doc.Blocks = planBlocks(a.Rows, render.ActionColumnsFor{Late: a.Filter.Overdue, Chase: true})
	return actions(doc, a)
}

// Overdue is cpp overdue's listing: one table of the overdue actions, with days late.
func Overdue(a query.Answer) render.Listing {
	subject := "Overdue as of " + render.Date(a.Filter.Today)
	doc := render.Doc{Title: fmt.Sprintf("%s: %s", subject, words.Count(len(a.Rows), "action", "actions")),
		Sheet: "Overdue " + render.Date(a.Filter.Today), AsOf: a.Filter.Today, Subject: subject}
	doc.Blocks = []render.Block{render.ActionBlock("", a.Rows, render.ActionColumnsFor{Late: true, Chase: true})}
	doc.Blocks[0].Empty = "Nothing is overdue."
	return actions(doc, a)
}

// actions is a listing of the answer's actions: the doc for people, naming after its tables the
// actions it could not place in time, and the rows for the rest.
func actions(doc render.Doc, a query.Answer) render.Listing {
	rows, apart := a.Rows, a.Apart()
	if b, ok := notPlacedBlock(apart); ok {
		doc.Blocks = append(doc.Blocks, b)
	}
	return render.Listing{Doc: doc, Events: rows, NotPlaced: apart, Columns: render.ActionColumns, Kinds: render.ActionKinds,
		Records: func() any { return render.ActionRecords(rows) },
		Cells:   func() [][]string { return cellsOf(render.ActionRecords(rows)) }}
}

// Slipped is cpp list --slipped's listing: the answer's actions whose deadline has moved in the
// history of commits, with how often and what it was first. Those among them it could not place
// in time are named after its tables, as List names them.
func Slipped(a query.Answer, slips map[string]*history.Slip, commits int) render.Listing {
	a = Slipping(a, slips)
	rows, apart := a.Rows, a.Apart()
	today := a.Filter.Today
	subject := fmt.Sprintf("Actions whose deadline has moved (as of %s)", render.Date(today))
	doc := render.Doc{Title: fmt.Sprintf("%s whose deadline has moved (as of %s; %s of history)",
		words.Count(len(rows), "action", "actions"), render.Date(today), words.Count(commits, "commit", "commits")),
		Subject: subject, AsOf: today}
	doc.Blocks = planBlocks(rows, render.ActionColumnsFor{Late: a.Filter.Overdue, Slips: slips})
	if b, ok := notPlacedBlock(apart); ok {
		doc.Blocks = append(doc.Blocks, b)
	}
	return render.Listing{Doc: doc, Book: render.Doc{Title: subject, Sheet: "Slipped", AsOf: today}, Events: rows, NotPlaced: apart,
		Columns: render.SlipColumns, Kinds: render.SlipKinds,
		Records: func() any { return render.SlipRecords(rows, slips) },
		Cells:   func() [][]string { return cellsOf(render.SlipRecords(rows, slips)) }}
}

// Slipping is the answer narrowed to the actions whose deadline has moved: its rows, and the
// actions it could not place in time, so that stderr's note of those names only the ones the
// slipped listing is about.
func Slipping(a query.Answer, slips map[string]*history.Slip) query.Answer {
	moved := func(rows []query.Row) []query.Row {
		var out []query.Row
		for _, r := range rows {
			if s := slips[r.Action.ID]; s != nil && s.Moves > 0 {
				out = append(out, r)
			}
		}
		return out
	}
	a.Rows, a.NotPlaced = moved(a.Rows), moved(a.NotPlaced)
	return a
}

// Leads is cpp leads' listing: each lead team with what it has, overdue and due in the window
// (w: its Window and Given), in the order sort names (a key of query.LeadSortKeys).
func Leads(a query.Answer, w Window, sort string) (render.Listing, error) {
	w.Plans, w.Today = a.Plans, a.Filter.Today
	sums := query.ByLeadIn(a.Rows, w.Today, w.Window)
	if err := query.SortLeads(sums, sort); err != nil {
		return render.Listing{}, err
	}
	recs := LeadRecords(sums)
	return render.Listing{Doc: notCounted(LeadsDoc(recs, query.Councils(sums), w), a.NotPlaced),
		Book:    render.Doc{Title: "Leads as of " + render.Date(w.Today), Sheet: "Leads", AsOf: w.Today},
		Columns: LeadColumns, Kinds: LeadKinds,
		Records: func() any { return recs }, Cells: func() [][]string { return cellsOf(recs) }}, nil
}

// Status is cpp status's listing: where each plan and section stands, and each lead, with what
// falls due in the window (w: its Window and Given).
func Status(a query.Answer, w Window) render.Listing {
	w.Plans, w.Today = a.Plans, a.Filter.Today
	recs := StatusRecords(query.ByPlanIn(a.Rows, w.Today, w.Window))
	return render.Listing{Doc: notCounted(StatusDoc(recs, query.ByLeadIn(a.Rows, w.Today, w.Window), w), a.NotPlaced),
		Book:    render.Doc{Title: "Status as of " + render.Date(w.Today), Sheet: "Status", AsOf: w.Today},
		Columns: StatusColumns, Kinds: StatusKinds,
		Records: func() any { return recs }, Cells: func() [][]string { return cellsOf(recs) }}
}

// csvRecord is a record that has a row of cells for CSV and a workbook.
type csvRecord interface{ CSVRow() []string }

// cellsOf are the records' rows of cells.
func cellsOf[R csvRecord](recs []R) [][]string {
	cells := make([][]string, len(recs))
	for i, r := range recs {
		cells[i] = r.CSVRow()
	}
	return cells
}
