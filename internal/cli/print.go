package cli

import (
	"fmt"
	"slices"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/view"
)

// The printers of the command layer: each kind of answer has one switch that picks its printer
// by the format the command's --format flag checked.

// output is a listing or a view in every format a command has: a Doc for people, records for
// JSON, the same records as cells for CSV and a workbook, and the actions for a calendar. The
// records and cells are made only for the format that prints them.
type output struct {
	Doc render.Doc
	// Book titles, names and dates the workbook; its Blocks are not used. Zero: the Doc's.
	Book    render.Doc
	Records func() any
	Columns []string
	Kinds   []render.CellKind
	Cells   func() [][]string
	// Events are the actions of a calendar, named by Doc.Subject and stamped Doc.AsOf.
	Events []query.Row
	// NotPlaced are the actions a listing about dates could not place in time and does not carry
	// as rows: a block after the tables for people, counted in a calendar's description.
	NotPlaced []query.Row
}

// print writes the output in a format: the one switch that picks a listing's printer.
func (o *output) print(env *Env, format string, st render.Style) error {
	switch format {
	case "json":
		return render.WriteJSON(env.Stdout, o.Records())
	case "csv":
		return render.WriteCSV(env.Stdout, o.Columns, o.Cells(), render.CSVOptions{Terminal: env.IsTerminal(env.Stdout)})
	case "xlsx":
		book := o.Book
		if book.Sheet == "" {
			book = o.Doc
		}
		return writeWorkbook(env, book, o.Columns, o.Kinds, o.Cells())
	case "ics":
		return writeCalendar(env, o.Doc.Subject, o.Doc.AsOf, o.Events, o.NotPlaced)
	}
	doc := o.Doc
	if b, ok := view.NotPlacedBlock(o.NotPlaced); ok {
		doc.Blocks = append(slices.Clip(doc.Blocks), b)
	}
	if format == "markdown" {
		return render.MarkdownPrinter{}.Print(env.Stdout, doc)
	}
	return render.TablePrinter{Style: st}.Print(env.Stdout, doc)
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

// actionsOutput is a listing of actions: the doc for people, the rows for the rest.
func actionsOutput(doc render.Doc, rows, notPlaced []query.Row) *output {
	return &output{Doc: doc, Events: rows, NotPlaced: notPlaced, Columns: render.ActionColumns, Kinds: render.ActionKinds,
		Records: func() any { return render.ActionRecords(rows) },
		Cells:   func() [][]string { return cellsOf(render.ActionRecords(rows)) }}
}

// writeWorkbook writes a listing as a workbook of one sheet: the CSV's columns and cells, each
// column typed by its kind. A text too long for a cell is cut there, and said so on stderr.
func writeWorkbook(env *Env, doc render.Doc, header []string, kinds []render.CellKind, cells [][]string) error {
	warn := func(msg string) {
		fmt.Fprintf(env.Stderr, "cpp: warning: %s\n  hint: --format csv or json keeps the whole text\n", msg)
	}
	return render.WriteXLSX(env.Stdout, render.Workbook{Title: doc.Title, Day: doc.AsOf, Warn: warn,
		Sheets: []render.Sheet{{Name: doc.Sheet, Header: header, Kinds: kinds, Rows: cells}}})
}

// changeFormats are the formats a change to the plans prints in, as cpp diff prints it.
var changeFormats = []string{textFormat, "markdown", "json"}

// printChanges prints a change to the plans: the one switch of diff, update and returns import.
func printChanges(env *Env, format string, st render.Style, d *plandiff.Diff, from, to render.Side, triggered []plandiff.Trigger) error {
	switch format {
	case "markdown":
		return render.DiffMarkdown(env.Stdout, d, from, to)
	case "json":
		return render.DiffJSON(env.Stdout, d, from, to, triggered)
	}
	return render.DiffText(env.Stdout, d, from, to, st)
}

// diagFormats are the formats of diagnostics.
var diagFormats = []string{textFormat, "json", "github"}

// printDiags prints diagnostics: the one switch of validate and fmt.
func printDiags(env *Env, format string, ds []diag.Diagnostic, sum diag.Summary, src diag.Sources) error {
	switch format {
	case "json":
		return diag.WriteJSON(env.Stdout, ds, sum)
	case "github":
		return diag.WriteGitHub(env.Stdout, ds)
	}
	return diag.WriteText(env.Stdout, ds, src)
}

// printLog prints an action's history: the one switch of log.
func printLog(env *Env, format string, st render.Style, l render.ActionLog) error {
	switch format {
	case "markdown":
		return render.LogMarkdown(env.Stdout, l)
	case "json":
		return render.LogJSON(env.Stdout, l)
	}
	return render.LogText(env.Stdout, l, st)
}
