package cli

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/ical"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/view"
)

// The printers of the command layer: each kind of answer has one switch that picks its printer
// by the format the command's --format flag checked.

// printListing writes a listing in a format: the one switch that picks a listing's printer.
func printListing(env *Env, format string, st render.Style, l *render.Listing) error {
	switch format {
	case "json":
		return render.WriteJSON(env.Stdout, l.Records())
	case "csv":
		return render.WriteCSV(env.Stdout, l.Columns, l.Cells(), render.CSVOptions{Terminal: env.IsTerminal(env.Stdout)})
	case "xlsx":
		// A text too long for a cell is cut there, and said so on stderr.
		warn := func(msg string) {
			fmt.Fprintf(env.Stderr, "cpp: warning: %s\n  hint: --format csv or json keeps the whole text\n", msg)
		}
		book := l.Workbook()
		return render.WriteXLSX(env.Stdout, render.Workbook{Title: book.Title, Day: book.AsOf, Warn: warn,
			Sheets: []render.Sheet{{Name: book.Sheet, Header: l.Columns, Kinds: l.Kinds, Rows: l.Cells()}}})
	case "ics":
		undated, err := ical.WriteListing(env.Stdout, l.Doc.Subject, l.Doc.AsOf, l.Events, l.NotPlaced)
		if err == nil && len(undated) > 0 {
			fmt.Fprintln(env.Stderr, "cpp: "+ical.UndatedNote(undated))
		}
		return err
	case "markdown":
		return render.MarkdownPrinter{}.Print(env.Stdout, l.Doc)
	}
	return render.TablePrinter{Style: st}.Print(env.Stdout, l.Doc)
}

// noteNotPlacedAs says on stderr which actions an answer could not place in time, their
// deadline being not understood, and what became of them (see view.NotPlacedNote).
func noteNotPlacedAs(env *Env, rows []query.Row, what string) {
	fmt.Fprint(env.Stderr, view.NotPlacedNote(rows, what))
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
