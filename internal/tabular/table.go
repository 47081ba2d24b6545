// Package tabular reads the action tables councils publish (CSV, TSV, Excel workbooks and Word
// documents) into one shape, so that `cpp import` maps columns to a plan the same way whatever the
// file was. It knows nothing of plans: it keeps what the file shows (text, merged cells, fill
// colours) and where each cell was, for messages.
package tabular

import (
	"fmt"
	"strings"
)

// Table is one table of a file: a CSV or TSV file, a workbook sheet, or a table of a Word document.
type Table struct {
	// Name says which table of the file this is, as a reader would name it: "" for CSV and
	// TSV, the sheet's name for a workbook, "table 2" for a document.
	Name string
	// Rows are the table's rows from the top, empty rows included so that Line stays true.
	// Every row has the same number of cells: the table's width.
	Rows []Row
	// Merges are the table's merged ranges. The merged range's text is in its top-left cell;
	// the other cells of the range are empty.
	Merges []Merge
}

// Row is a row of a table.
type Row struct {
	// Line is where the row is in the file, as its reader's tool numbers it: the row a
	// spreadsheet shows a CSV file's line as (a quoted cell holding line breaks is one row, and
	// a blank line is a row), the row of a sheet, the row of a document's table (1 for the first).
	Line  int
	Cells []Cell
}

// Cell is what a cell shows.
type Cell struct {
	// Text is the cell's text as a reader sees it: a workbook's formatted value (a date cell as
	// "30 September 2025", one whose format shows only the month and year as "March 2026"), a
	// document cell's paragraphs joined by newlines. Leading and trailing space is trimmed. A
	// cell with a hyperlink shows the link's address too: "Annual report (https://…)", or the
	// address alone when it is the text.
	Text string
	// Fill is a workbook cell's solid fill colour as six upper-case hex digits ("FFC000"), or ""
	// when the cell has no fill (and always "" for CSV and TSV). A document cell's shading is
	// read the same way.
	Fill string
	// Kind is what a workbook cell holds when it is not text; Value is that, as stored rather
	// than as shown.
	Kind  Kind
	Value string
	// Unreadable says why a cell that has something in it has no text that can be trusted, as
	// a message with its fix ("a formula with no value; type the text or paste as values"); its
	// Text is then "". A reader of the table names the cell and refuses what depends on it.
	Unreadable string
}

// Kind is what a workbook cell holds, and so what its Value is.
type Kind uint8

const (
	KindText   Kind = iota // text, as typed: Value is ""
	KindNumber             // a number: Value is it as stored ("0.583" for a cell showing 58%)
	KindDay                // a date shown as a day: Value is YYYY-MM-DD
	KindMonth              // a date whose format shows only the month and year ("Mar-26"): YYYY-MM
	KindYear               // a date whose format shows only the year: YYYY
	KindTime               // a time of day, or a span of hours: Value is as shown
	KindBool               // TRUE or FALSE, as shown
)

// String is the table as text, for tests and for looking at what a reader saw: each row as
// "line: a | b | c" (a fill as "text {FFC000}", a cell that cannot be read as "!(why)", a
// line break as \n), then each merged range as
// "merge rROW cCOL HEIGHTxWIDTH".
func (t Table) String() string {
	var b strings.Builder
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "%d:", r.Line)
		for i, c := range r.Cells {
			if i > 0 {
				b.WriteString(" |")
			}
			if c.Text != "" {
				b.WriteString(" " + strings.ReplaceAll(c.Text, "\n", `\n`))
			}
			if c.Unreadable != "" {
				b.WriteString(" !(" + c.Unreadable + ")")
			}
			if c.Fill != "" {
				b.WriteString(" {" + c.Fill + "}")
			}
		}
		b.WriteString("\n")
	}
	for _, m := range t.Merges {
		fmt.Fprintf(&b, "merge r%d c%d %dx%d\n", m.Row, m.Col, m.Height, m.Width)
	}
	return b.String()
}

// Place is where a row is, as messages name it: the file, the sheet or table (none for CSV) and
// the row's Line, "plan.xlsx: Actions, row 7", "plan.csv: row 7". Row 0 is the file, or the sheet,
// as a whole. Import and the quarterly returns name rows the same way.
type Place struct {
	File  string
	Sheet string
	Row   int
}

func (p Place) String() string {
	switch {
	case p.Row == 0 && p.Sheet == "":
		return p.File
	case p.Row == 0:
		return p.File + ": " + p.Sheet
	case p.Sheet == "":
		return fmt.Sprintf("%s: row %d", p.File, p.Row)
	}
	return fmt.Sprintf("%s: %s, row %d", p.File, p.Sheet, p.Row)
}

// Merge is a rectangle of cells shown as one: from row Row, column Col (indices into Rows and
// Cells, from 0), Height rows down and Width columns across.
type Merge struct {
	Row, Col, Height, Width int
}
