package returns

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// ExportOptions are what `returns export` is asked to write, as its flags say.
type ExportOptions struct {
	// Output is the file to write (with PerLead, the folder); "" or "-" is standard output.
	Output string
	// Format is "xlsx" or "csv"; "" is csv for an Output ending .csv, else xlsx.
	Format string
	// Measures writes the measures that expect a figure instead of the actions (CSV only).
	Measures bool
	// BOM starts a CSV with a byte-order mark, for Excel on Windows. Unless BOMGiven, it is
	// settled by Check: on for a file, off for standard output.
	BOM, BOMGiven bool
	// PerLead writes one file per lead team into the folder Output names.
	PerLead bool
	// Terminal says standard output is a terminal: no workbook goes there.
	Terminal bool
}

// Exporting is an export that Check accepted: the document to write, and how.
type Exporting struct {
	Export Export
	opts   ExportOptions
}

// Save writes a document to path ("" or "-" is standard output), never over a file the return
// was made from; about follows the path in the line on stderr that says it was written.
type Save func(path string, data []byte, about string) error

// CheckExport settles the format and the byte-order mark, and refuses flags that do not go
// together (bad usage), before any plan is read.
func CheckExport(o ExportOptions) (*Exporting, error) {
	if o.Format == "" {
		o.Format = "xlsx"
		if strings.EqualFold(filepath.Ext(o.Output), ".csv") {
			o.Format = "csv"
		}
	}
	if o.Measures && o.Format != "csv" {
		return nil, exitcode.Usagef("the workbook has a Measures sheet of its own; --measures is for --format csv", "--measures goes with --format csv")
	}
	var err error
	if o.BOM, err = render.WantBOM(o.BOM, o.BOMGiven, !o.toStdout(), o.Format); err != nil {
		return nil, err
	}
	if err := o.refused(); err != nil {
		return nil, err
	}
	x := &Exporting{Export: ActionsCSV, opts: o}
	switch {
	case o.Format == "xlsx":
		x.Export = Workbook
	case o.Measures:
		x.Export = MeasuresCSV
	}
	return x, nil
}

// refused says why the export cannot be written where it is asked to be.
func (o ExportOptions) refused() error {
	switch {
	case o.PerLead && o.toStdout():
		return exitcode.Usagef("name the folder to write the workbooks into, as in --per-lead -o returns-q3/", "--per-lead writes one file per lead: give -o DIR")
	case o.PerLead && o.Measures:
		return exitcode.Usagef("leave out --measures: each lead's file has its own measures", "--per-lead and --measures do not go together")
	case o.Output == "" && o.Format == "xlsx":
		return exitcode.Usagef("name the workbook to write, as in -o returns.xlsx", "returns export writes a workbook: give -o FILE.xlsx")
	case o.toStdout() && o.Format == "xlsx" && o.Terminal:
		return render.WorkbookToTerminal("returns.xlsx")
	}
	return nil
}

func (o ExportOptions) toStdout() bool { return o.Output == "" || o.Output == "-" }

// Write writes the return as the export asks, through save: one document, or with PerLead one
// file for each lead team in the folder (made if missing), named for the team, and then says how
// many in the note, for the command to print ("" for one document). A return with nothing to ask
// for is a problem, and nothing is written.
func (x *Exporting) Write(r *Return, save Save) (note string, err error) {
	if what := r.Nothing(x.Export); what != "" {
		return "", exitcode.Problemf("run 'cpp leads' to see the teams, and 'cpp list' the actions", "%s for this return; nothing written", what)
	}
	if x.opts.PerLead {
		return x.writePerLead(r, save)
	}
	data, err := x.bytes(r, render.CSVOptions{Terminal: x.opts.toStdout() && x.opts.Terminal})
	if err != nil {
		return "", err
	}
	return "", save(x.opts.Output, data, fmt.Sprintf(": the return for %s (%s)", r.Quarter.Describe(r.Plans), r.Holds(x.Export)))
}

// bytes is the return as the document, after a byte-order mark with BOM, for Excel.
func (x *Exporting) bytes(r *Return, o render.CSVOptions) ([]byte, error) {
	data, err := r.Bytes(x.Export, o)
	if x.opts.BOM {
		data = append([]byte("\ufeff"), data...)
	}
	return data, err
}

// writePerLead writes each lead's own return into the folder, as xlsx or csv, named for the lead.
func (x *Exporting) writePerLead(r *Return, save Save) (note string, err error) {
	dir := x.opts.Output
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", exitcode.Problemf("name a folder cpp may write in", "cannot make the folder %s: %v", dir, err)
	}
	ext := ".csv"
	if x.Export == Workbook {
		ext = ".xlsx"
	}
	parts := r.PerLead()
	for _, part := range parts {
		data, err := x.bytes(part.Return, render.CSVOptions{})
		if err != nil {
			return "", err
		}
		about := fmt.Sprintf(": %s (%s, %s)", part.Name,
			words.Count(part.Return.ActionCount(), "action row", "action rows"), words.Count(len(part.Return.Measures), "measure", "measures"))
		if err := save(filepath.Join(dir, part.File+ext), data, about); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("wrote %s into %s: the return for %s, one for each lead",
		words.Count(len(parts), "file", "files"), dir, r.Quarter.Describe(r.Plans)), nil
}
