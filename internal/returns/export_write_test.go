package returns

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/render"
)

// CheckExport picks the document from the format (csv for a file ending .csv), settles the
// byte-order mark (on for a CSV file, off for standard output) and refuses, as bad usage, the
// flags that do not go together, in the words the command prints.
func TestCheckExport(t *testing.T) {
	for _, tt := range []struct {
		name    string
		o       ExportOptions
		want    Export
		bom     bool
		refusal string
	}{
		{"a workbook file", ExportOptions{Output: "r.xlsx"}, Workbook, false, ""},
		{"a CSV file by its name", ExportOptions{Output: "r.CSV"}, ActionsCSV, true, ""},
		{"CSV to standard output", ExportOptions{Output: "-", Format: "csv"}, ActionsCSV, false, ""},
		{"CSV to a terminal", ExportOptions{Format: "csv", Terminal: true}, ActionsCSV, false, ""},
		{"a workbook into a pipe", ExportOptions{Output: "-"}, Workbook, false, ""},
		{"the measures", ExportOptions{Output: "m.csv", Measures: true}, MeasuresCSV, true, ""},
		{"no mark asked for", ExportOptions{Output: "r.csv", BOMGiven: true}, ActionsCSV, false, ""},
		{"a mark to standard output", ExportOptions{Format: "csv", BOM: true, BOMGiven: true}, ActionsCSV, true, ""},
		{"per lead", ExportOptions{Output: "out/", PerLead: true}, Workbook, false, ""},
		{"per lead as CSV", ExportOptions{Output: "out/", Format: "csv", PerLead: true}, ActionsCSV, true, ""},
		{"no file", ExportOptions{}, 0, false, "returns export writes a workbook: give -o FILE.xlsx"},
		{"a workbook to a terminal", ExportOptions{Output: "-", Terminal: true}, 0, false, "will not write a workbook to a terminal"},
		{"measures in a workbook", ExportOptions{Output: "r.xlsx", Measures: true}, 0, false, "--measures goes with --format csv"},
		{"a mark in a workbook", ExportOptions{Output: "r.xlsx", BOM: true, BOMGiven: true}, 0, false, "--bom is for CSV: a byte-order mark would corrupt xlsx output"},
		{"per lead without a folder", ExportOptions{Output: "-", PerLead: true}, 0, false, "--per-lead writes one file per lead: give -o DIR"},
		{"per lead with measures", ExportOptions{Output: "out", Format: "csv", Measures: true, PerLead: true}, 0, false, "--per-lead and --measures do not go together"},
	} {
		x, err := CheckExport(tt.o)
		if tt.refusal != "" {
			var ee *exitcode.Error
			if !errors.As(err, &ee) || ee.Code != exitcode.Usage || ee.Msg != tt.refusal || ee.Hint == "" {
				t.Errorf("%s: %#v, want the usage error %q with a hint", tt.name, err, tt.refusal)
			}
			continue
		}
		if err != nil || x.Export != tt.want || x.opts.BOM != tt.bom {
			t.Errorf("%s: %+v, %v; want export %d, bom %v", tt.name, x, err, tt.want, tt.bom)
		}
	}
}

// saved is what Write gave Save.
type saved struct {
	path, about string
	data        []byte
}

func saver(into *[]saved) Save {
	return func(path string, data []byte, about string) error {
		*into = append(*into, saved{path, about, data})
		return nil
	}
}

// Write saves the one document the export asks for (a CSV to a terminal shown safely, a file's
// CSV after a byte-order mark), and says what it holds; a return with nothing to ask for is a
// problem and nothing is saved.
func TestExportWrite(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	for _, tt := range []struct {
		o    ExportOptions
		want func() []byte
	}{
		{ExportOptions{Output: "r.xlsx"}, func() []byte { b, _ := r.Bytes(Workbook, render.CSVOptions{}); return b }},
		{ExportOptions{Output: "r.csv"}, func() []byte {
			b, _ := r.Bytes(ActionsCSV, render.CSVOptions{})
			return append([]byte("\ufeff"), b...)
		}},
		{ExportOptions{Format: "csv", Measures: true, Terminal: true}, func() []byte {
			b, _ := r.Bytes(MeasuresCSV, render.CSVOptions{Terminal: true})
			return b
		}},
	} {
		x, err := CheckExport(tt.o)
		if err != nil {
			t.Fatal(err)
		}
		var got []saved
		var log bytes.Buffer
		if err := x.Write(r, saver(&got), &log); err != nil || len(got) != 1 || log.Len() != 0 {
			t.Fatalf("%+v: %v, saved %d, log %q", tt.o, err, len(got), log.String())
		}
		want := ": the return for " + r.Quarter.Describe(r.Plans) + " (" + r.Holds(x.Export) + ")"
		if got[0].path != tt.o.Output || got[0].about != want || !bytes.Equal(got[0].data, tt.want()) {
			t.Errorf("%+v: saved %q%q, %d bytes; want %q, %d bytes", tt.o, got[0].path, got[0].about, len(got[0].data), want, len(tt.want()))
		}
	}

	empty := build(t, "Q3-2025", []string{"No Such Team"}, north)
	x, _ := CheckExport(ExportOptions{Output: "r.xlsx"})
	var got []saved
	err := x.Write(empty, saver(&got), &bytes.Buffer{})
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Problem || len(got) != 0 ||
		ee.Msg != "no open actions or measures that expect a figure for this return; nothing written" {
		t.Errorf("empty return: %v, saved %d", err, len(got))
	}
}

// With PerLead, each lead's return is saved in the folder (made if missing) under its team's
// file name, said with its counts, and one line at the end counts the files.
func TestExportWritePerLead(t *testing.T) {
	r := build(t, "Q3-2025", nil, north, south)
	dir := filepath.Join(t.TempDir(), "returns", "q3")
	x, err := CheckExport(ExportOptions{Output: dir, Format: "csv", PerLead: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []saved
	var log bytes.Buffer
	if err := x.Write(r, saver(&got), &log); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Errorf("the folder was not made: %v", err)
	}
	parts := r.PerLead()
	if len(got) != len(parts) {
		t.Fatalf("saved %d files, want %d", len(got), len(parts))
	}
	for i, p := range parts {
		if got[i].path != filepath.Join(dir, p.File+".csv") || !strings.HasPrefix(got[i].about, ": "+p.Name+" (") ||
			!strings.HasSuffix(got[i].about, " measures)") && !strings.HasSuffix(got[i].about, " measure)") ||
			!bytes.HasPrefix(got[i].data, []byte("\ufeffID,")) {
			t.Errorf("file %d: %q%q, %.8q", i, got[i].path, got[i].about, got[i].data)
		}
	}
	want := fmt.Sprintf("cpp: wrote %d files into %s: the return for %s, one for each lead\n", len(parts), dir, r.Quarter.Describe(r.Plans))
	if log.String() != want {
		t.Errorf("log %q, want %q", log.String(), want)
	}

	// A folder that cannot be made is refused by name, before anything is saved.
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	x, _ = CheckExport(ExportOptions{Output: filepath.Join(file, "sub"), PerLead: true})
	got = nil
	err = x.Write(r, saver(&got), &log)
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Problem || !strings.HasPrefix(ee.Msg, "cannot make the folder "+filepath.Join(file, "sub")+": ") || len(got) != 0 {
		t.Errorf("a folder under a file: %v, saved %d", err, len(got))
	}

	// A file that cannot be saved stops the export there.
	x, _ = CheckExport(ExportOptions{Output: dir, PerLead: true})
	calls := 0
	stop := errors.New("disk full")
	err = x.Write(r, func(string, []byte, string) error { calls++; return stop }, &log)
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("a failed save: %v after %d calls", err, calls)
	}
}
