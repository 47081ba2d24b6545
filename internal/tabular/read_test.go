package tabular

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/safewrite"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "PLAN.CSV")
	must(t, os.WriteFile(path, []byte("ID,Action\n1,Do it\n"), 0o644))
	tables, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := grid(tables[0]); got != "1: ID | Action\n2: 1 | Do it\n" {
		t.Errorf("got\n%s", got)
	}
}

// TestReadRefuses: a named pipe would block a reader for ever, and a huge file would fill memory;
// both are refused before a byte is read, as plan files are.
func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.xlsx")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(fifo, Options{}); done <- err }()
	select {
	case err := <-done:
		var se *safewrite.Error
		if !errors.As(err, &se) || se.Kind != safewrite.NotRegular {
			t.Errorf("FIFO: error %v, want a safewrite NotRegular error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read blocked on a named pipe")
	}
	big := filepath.Join(dir, "big.csv")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Truncate(MaxSize+1))
	must(t, f.Close())
	_, err = Read(big, Options{})
	var se *safewrite.Error
	if !errors.As(err, &se) || se.Kind != safewrite.TooLarge {
		t.Errorf("big file: error %v, want a safewrite TooLarge error", err)
	}
	_, err = Read(dir, Options{})
	checkErr(t, err, "the file has no extension", 0, 0, ".csv")
}

func TestKinds(t *testing.T) {
	tests := []struct{ name, err, hint string }{
		{"plan.xls", "cpp cannot read Excel 97-2003 workbooks (.xls)", "save it as an Excel Workbook (.xlsx)"},
		{"plan.doc", "cpp cannot read .doc documents", "Word Document (.docx)"},
		{"plan.ods", "cpp cannot read OpenDocument spreadsheets (.ods, as LibreOffice Calc saves them)", "Excel 2007-365 (.xlsx)"},
		{"plan.numbers", "cpp cannot read Apple Numbers spreadsheets (.numbers)", "Export To > Excel"},
		{"plan.odt", "cpp cannot read .odt documents", ".docx"},
		{"plan.pdf", "cpp cannot read tables from a PDF", "save it as a Word Document (.docx)"},
		{"plan.txt", "cpp cannot tell what kind of table a .txt file holds", "rename it to .tsv"},
		{"plan.json", "cpp cannot read .json files", "cpp reads .csv, .tsv, .xlsx and .docx files"},
		{"plan", "the file has no extension", ".csv"},
	}
	for _, tt := range tests {
		// Read names the problem before it opens the file: there is none here.
		_, err := Read(filepath.Join(t.TempDir(), tt.name), Options{})
		checkErr(t, err, tt.name+": "+tt.err, 0, 0, tt.hint)
	}
	for _, name := range []string{"a.CSV", "a.Tsv", "a.XLSX", "a.xlsm", "a.DOCX"} {
		if _, err := kindOf(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzRead: whatever the bytes, a reader returns tables that keep the Table type's promises, or
// an error; it never panics.
func FuzzRead(f *testing.F) {
	f.Add("a.csv", []byte("ID,Action\n1,\"x\ny\"\n"))
	f.Add("a.tsv", []byte("a\tb\n\"c\td\n"))
	f.Add("a.docx", docxOf(f, tbl(2, tr(tc(`<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>`, run("a"))), tr(tc(`<w:vMerge/>`), tc("", run("b"))))))
	f.Add("a.xlsx", workbook(f, func(x *excelize.File) { must(f, x.MergeCell("Sheet1", "A1", "B2")); set(f, x, "Sheet1", "A1", "x") }))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".csv" && ext != ".tsv" && ext != ".docx" && ext != ".xlsx" {
			return
		}
		tables, err := ReadBytes(name, data, Options{})
		if err != nil {
			var te *Error
			if !errors.As(err, &te) || te.Hint == "" {
				t.Fatalf("error %T %v without a hint", err, err)
			}
			return
		}
		for _, tb := range tables {
			width := -1
			for _, r := range tb.Rows {
				if width >= 0 && len(r.Cells) != width {
					t.Fatalf("%s: ragged rows", tb.Name)
				}
				width = len(r.Cells)
			}
			for _, m := range tb.Merges {
				if m.Row < 0 || m.Col < 0 || m.Height < 1 || m.Width < 1 || m.Row+m.Height > len(tb.Rows) || m.Col+m.Width > width {
					t.Fatalf("%s: merge %+v outside %dx%d", tb.Name, m, len(tb.Rows), width)
				}
				for r := m.Row; r < m.Row+m.Height; r++ {
					for c := m.Col; c < m.Col+m.Width; c++ {
						if (r != m.Row || c != m.Col) && tb.Rows[r].Cells[c].Text != "" {
							t.Fatalf("%s: merge %+v has text outside its first cell", tb.Name, m)
						}
					}
				}
			}
		}
	})
}
