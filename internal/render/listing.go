package render

import "github.com/cpp-plans/cpp/internal/query"

// Listing is a listing or a view in every format a command prints: a Doc for people, records
// for JSON, the same records as cells for CSV and a workbook, and the actions for a calendar.
// The records and cells are made only for the format that prints them.
type Listing struct {
	Doc Doc
	// Book titles, names and dates the workbook; its Blocks are not used. Zero: the Doc's.
	Book    Doc
	Records func() any
	Columns []string
	Kinds   []CellKind
	Cells   func() [][]string
	// Events are the actions of a calendar, named by Doc.Subject and stamped Doc.AsOf.
	Events []query.Row
	// NotPlaced are the actions a listing about dates could not place in time and does not
	// carry as rows, which a calendar's description counts.
	NotPlaced []query.Row
}

// Workbook is the doc that titles, names and dates the listing's workbook.
func (l *Listing) Workbook() Doc {
	if l.Book.Sheet == "" {
		return l.Doc
	}
	return l.Book
}
