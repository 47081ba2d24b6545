package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// Where an answer goes: -o FILE, written whole, or standard output; and the -o handling of the
// listings (list, due, overdue, leads, status).

// outputFormats are the formats -o FILE's extension chooses when --format is not given.
var outputFormats = map[string]string{".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".md": "markdown", ".ics": "ics"}

// toFile says whether the output goes to a file; "-" is standard output.
func (f *filterOptions) toFile() bool { return f.Output != "" && f.Output != "-" }

// checkOutput settles the format -o implies, and refuses a workbook to a terminal, where its
// bytes would be noise and could act on the terminal.
func (f *filterOptions) checkOutput(env *Env) error {
	if f.toFile() && !f.formatGiven {
		if format, ok := outputFormats[strings.ToLower(filepath.Ext(f.Output))]; ok {
			if err := f.format.Set(format); err != nil {
				return err
			}
		}
	}
	if f.Format == "xlsx" && !f.toFile() && env.IsTerminal(env.Stdout) {
		return render.WorkbookToTerminal("FILE.xlsx")
	}
	return nil
}

// listingOut is a listing's -o: the file it names, and what is written to it once the answer is
// whole. Without -o, the listing goes to standard output as it is printed.
type listingOut struct {
	path string
	buf  bytes.Buffer
}

// open checks -o, --format and --bom, and sends standard output where they say: to the file -o
// names once the answer is whole, and through a byte-order mark with --bom.
func (f *filterOptions) open(env *Env) (*listingOut, error) {
	if err := f.checkOutput(env); err != nil {
		return nil, err
	}
	out := &listingOut{}
	if f.toFile() {
		out.path = f.Output
		env.Stdout = &out.buf
	}
	var err error
	if f.BOM, err = render.WantBOM(f.BOM, f.bomGiven, f.toFile(), f.Format); err != nil {
		return nil, err
	}
	if f.BOM {
		env.Stdout = render.NewBOMWriter(env.Stdout)
	}
	return out, nil
}

// close writes the listing to the file -o names, if any: whole or not at all, and never over a
// file the command read (inputs).
func (o *listingOut) close(env *Env, inputs []string) error {
	if o.path == "" {
		return nil
	}
	return writeOutput(env, o.path, o.buf.Bytes(), inputs, "")
}

// writeOutput writes a command's document to the file -o names, or to standard output when it
// names none ("" or "-"). The file is written whole or not at all, and never over a file the
// command read (inputs), however its path is spelt; about follows its name in the line on stderr
// that says it was written.
func writeOutput(env *Env, path string, data []byte, inputs []string, about string) error {
	if path == "" || path == "-" {
		_, err := env.Stdout.Write(data)
		return err
	}
	if err := safewrite.Write(path, data, safewrite.Options{Policy: safewrite.MayReplace, Inputs: inputs}); err != nil {
		return workspace.WriteFailed(err)
	}
	fmt.Fprintf(env.Stderr, "cpp: wrote %s%s\n", path, about)
	return nil
}
