package tabular

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/words"
)

// MaxSize is the largest file Read reads. A council's plan of a thousand actions is a few hundred
// kilobytes as a workbook or a document.
const MaxSize = 20 << 20

// maxUnzipped bounds what a workbook or a document may unpack into, so that a small file cannot
// unpack into gigabytes. Sizes are the ones the zip declares; archive/zip refuses to read past
// them.
const maxUnzipped = 200 << 20

// maxCells bounds a table's rows times its width. An action table is a few thousand cells; the
// bound keeps a file of a million empty rows, or a row of a million commas, from becoming a grid
// of gigabytes once padded.
const maxCells = 1 << 18

// maxWidth is a workbook's last column (XFD), the widest any table is read.
const maxWidth = 16384

// Options says what to read of a file.
type Options struct {
	// Sheet reads only the workbook sheet, or the document table ("table 2"), of this name
	// (case-insensitive). Empty reads every visible sheet, or every table, that has text.
	Sheet string
	// Hidden reads a workbook's hidden sheets too, when Sheet is empty: a program's own record
	// kept in a hidden sheet (the quarterly returns keep one).
	Hidden bool
}

// Error is a file that cannot be read as a table, with where in it when known.
type Error struct {
	File      string
	Line, Col int // 0 when the problem is the file as a whole
	Message   string
	Hint      string
	// TooMany is the limit of cells a table was refused for exceeding (0 for other problems),
	// so that a reader of something other than action tables (a return) can say so in its own
	// words.
	TooMany int
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

func errorf(file, hint, format string, args ...any) *Error {
	return &Error{File: file, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Read reads the tables of a file, chosen by its extension (in any case): .csv, .tsv, .xlsx
// (and .xlsm) or .docx. A file that cannot be opened is a *safewrite.Error (not a regular file,
// too large, missing); a file that is not what its name says, or holds no table, is an *Error.
func Read(path string, opts Options) ([]Table, error) {
	if _, err := kindOf(path); err != nil {
		return nil, err
	}
	data, err := safewrite.ReadFile(path, MaxSize)
	if err != nil {
		return nil, err
	}
	return ReadBytes(path, data, opts)
}

// ReadBytes is Read of a file's contents; name gives its kind (by extension) and names it in
// errors.
func ReadBytes(name string, data []byte, opts Options) ([]Table, error) {
	kind, err := kindOf(name)
	if err != nil {
		return nil, err
	}
	var tables []Table
	switch kind {
	case ".csv":
		tables, err = readDelimited(name, data, ',', opts)
	case ".tsv":
		tables, err = readDelimited(name, data, '\t', opts)
	case ".xlsx":
		tables, err = readXLSX(name, data, opts)
	case ".docx":
		tables, err = readDOCX(name, data, opts)
	}
	if err != nil {
		return nil, err
	}
	return tables, nil
}

// kindOf is the reader for a file's name, or an error saying what to save the file as.
func kindOf(name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".csv", ".tsv", ".docx":
		return ext, nil
	case ".xlsx", ".xlsm":
		return ".xlsx", nil
	}
	const can = "cpp reads .csv, .tsv, .xlsx and .docx files"
	switch ext {
	case ".xls":
		return "", errorf(name, "open it in Excel and save it as an Excel Workbook (.xlsx), then import that",
			"cpp cannot read Excel 97-2003 workbooks (.xls)")
	case ".ods", ".fods":
		return "", odsError(name)
	case ".numbers":
		return "", errorf(name, "in Numbers, choose File > Export To > Excel, and import the .xlsx file",
			"cpp cannot read Apple Numbers spreadsheets (.numbers)")
	case ".doc", ".odt", ".rtf":
		return "", errorf(name, "open it in Word and save it as a Word Document (.docx), then import that",
			"cpp cannot read %s documents", ext)
	case ".pdf":
		return "", errorf(name, "open the PDF in Word and save it as a Word Document (.docx), or copy the action table into Excel and save it as .xlsx; check the table afterwards, as conversion can split cells",
			"cpp cannot read tables from a PDF")
	case ".txt":
		return "", errorf(name, "if it is tab-separated (Excel's \"Text (Tab delimited)\"), rename it to .tsv; "+can,
			"cpp cannot tell what kind of table a .txt file holds")
	case "":
		return "", errorf(name, "name the file for what it is: .csv, .tsv, .xlsx or .docx", "the file has no extension to say what it is")
	}
	return "", errorf(name, can, "cpp cannot read %s files", ext)
}

// odsError is the message for a LibreOffice or OpenOffice spreadsheet. No Go reader of them is
// maintained, and one that is not would be trusted with councils' files; Calc saves .xlsx as
// well as Excel does.
func odsError(name string) *Error {
	return errorf(name, "in LibreOffice Calc, choose File > Save As, and save it as Excel 2007-365 (.xlsx); then use that file",
		"cpp cannot read OpenDocument spreadsheets (.ods, as LibreOffice Calc saves them)")
}

// isODS reports whether data is an OpenDocument spreadsheet, whatever its name: a zip whose first
// part, stored as is, names its type.
func isODS(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) && len(data) > 30 &&
		bytes.HasPrefix(data[30:], []byte("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"))
}

// finish makes a table whole: every row as wide as the widest, merges kept within the rows and
// columns read and not overlapping, and the text of each merged range in its top-left cell only.
// width is at least the widest row; it may be more (a document's grid).
func finish(name string, t *Table, width int) error {
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	if len(t.Rows)*width > maxCells {
		return tooLarge(name, t.Name)
	}
	for i := range t.Rows {
		if n := len(t.Rows[i].Cells); n < width {
			t.Rows[i].Cells = append(t.Rows[i].Cells, make([]Cell, width-n)...)
		}
	}
	var taken [][]bool // allocated only for a table with merges
	kept := t.Merges[:0]
	for _, m := range t.Merges {
		if m.Row < 0 || m.Col < 0 || m.Row >= len(t.Rows) || m.Col >= width {
			continue
		}
		m.Height = min(m.Height, len(t.Rows)-m.Row)
		m.Width = min(m.Width, width-m.Col)
		if m.Height < 1 || m.Width < 1 || m.Height == 1 && m.Width == 1 {
			continue
		}
		if taken == nil {
			taken = make([][]bool, len(t.Rows))
		}
		if overlaps(taken, m, width) {
			// Excel will not open a workbook whose merges overlap; one that has them was not
			// made by hand, and the first merge is as good a reading as any.
			continue
		}
		for r := m.Row; r < m.Row+m.Height; r++ {
			for c := m.Col; c < m.Col+m.Width; c++ {
				taken[r][c] = true
				if r != m.Row || c != m.Col {
					t.Rows[r].Cells[c].Text = ""
				}
			}
		}
		kept = append(kept, m)
	}
	t.Merges = kept
	return nil
}

func overlaps(taken [][]bool, m Merge, width int) bool {
	for r := m.Row; r < m.Row+m.Height; r++ {
		if taken[r] == nil {
			taken[r] = make([]bool, width)
			continue
		}
		for c := m.Col; c < m.Col+m.Width; c++ {
			if taken[r][c] {
				return true
			}
		}
	}
	return false
}

func tooLarge(name, table string) *Error {
	what := "the table"
	if table != "" {
		what = table
	}
	e := errorf(name, "an action table is a few thousand cells; import the sheet or table that holds the actions, or copy it into a file of its own",
		"%s has more than %d cells, too many for an action table", what, maxCells)
	e.TooMany = maxCells
	return e
}

// cleanText is a cell's text as the Cell type promises it: one kind of line break, no leading or
// trailing space.
func cleanText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// hasText reports whether any cell of the table has text.
func hasText(t *Table) bool {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Text != "" {
				return true
			}
		}
	}
	return false
}

// pick applies Options.Sheet to a file's tables; names lists every table there is, for the
// message when none matches.
func pick(name string, tables []Table, names []string, opts Options, what string) ([]Table, error) {
	if opts.Sheet == "" {
		return tables, nil
	}
	for _, t := range tables {
		if strings.EqualFold(t.Name, opts.Sheet) {
			return []Table{t}, nil
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, opts.Sheet) {
			return nil, errorf(name, fmt.Sprintf("choose a %s with text in it: %s", what, words.Quoted(nonEmpty(tables))),
				"%s %q has no text", what, n)
		}
	}
	return nil, errorf(name, fmt.Sprintf("the %ss are: %s", what, words.Quoted(names)), "there is no %s %q", what, opts.Sheet)
}

func nonEmpty(tables []Table) []string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Name
	}
	return names
}
