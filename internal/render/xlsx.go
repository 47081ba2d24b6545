package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/charmbracelet/lipgloss"
	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/termsafe"
)

// CellKind is how a column's cells are typed in a workbook. The cells arrive as their CSV text, so
// that a workbook has exactly the CSV's columns and values; the kind says what Excel is told
// they are, instead of letting it guess.
type CellKind int

const (
	// CellText is always a string: plan text is never read as a number, a date or a formula, so a
	// deadline written "September 2025" stays those words.
	CellText CellKind = iota
	// CellNumber is a count or a percentage, written in CSV as Go formats it.
	CellNumber
	// CellDate is an ISO date (YYYY-MM-DD), shown in the same form: a real date Excel sorts and
	// filters by, with a format that reads alike in every locale.
	CellDate
	// CellBool is "true" or "false".
	CellBool
)

// Sheet is one sheet of a workbook: a header row, and rows of CSV cells typed by column.
type Sheet struct {
	Name   string
	Header []string
	Kinds  []CellKind
	Rows   [][]string
}

// Workbook is a listing as an xlsx file. Day dates the document (a listing's "as of" day), so
// the same plans on the same day give the same bytes.
type Workbook struct {
	Title  string
	Day    time.Time
	Sheets []Sheet
	// Warn, when set, is told of each cell whose text was cut to fit (see CutMark).
	Warn func(msg string)
}

// dateFormat is ISO 8601, as CSV and JSON write dates: Excel's built-in date format follows the
// reader's locale, which makes 09/10/2025 a different day in London and New York.
const dateFormat = "yyyy-mm-dd"

// MaxCellText is the most text an Excel cell holds, in UTF-16 units; a reader drops the rest.
const MaxCellText = 32767

// CutMark ends a text cut to fit a cell, so that no one reads a cut text as whole.
const CutMark = " … [cut: a cell holds 32,767 characters]"

// maxColumnWidth caps a column of long text, in characters: the full text is in the cell.
const maxColumnWidth = 60

// WriteXLSX writes b as a workbook: on each sheet a bold, shaded, frozen header row with an
// autofilter over the table, columns as wide as their content (up to maxColumnWidth), and cells
// typed by their column's CellKind; an empty value is an empty cell. Control characters in text show
// as escapes, as on a terminal: XML cannot carry most of them.
func WriteXLSX(w io.Writer, b Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	for i, t := range b.Sheets {
		if len(t.Kinds) != len(t.Header) {
			return fmt.Errorf("render: sheet %q has %d columns and %d kinds", t.Name, len(t.Header), len(t.Kinds))
		}
		name := SheetName(t.Name, MaxSheetName)
		if name == "" {
			name = fmt.Sprintf("Sheet%d", i+1)
		}
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, st, name, t, b.Warn); err != nil {
			return err
		}
	}
	return WriteWorkbook(w, f, b.Title, b.Day)
}

type sheetStyles struct {
	header int
	kind   map[CellKind]int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	st := sheetStyles{kind: map[CellKind]int{}}
	var err error
	st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border: []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}})
	if err != nil {
		return st, err
	}
	dateFmt := dateFormat
	top := &excelize.Alignment{Vertical: "top"}
	// In a fixed order: a style's number in the file is the order it was made in.
	for _, x := range []struct {
		k CellKind
		s *excelize.Style
	}{
		// Text format ("@"): what someone types over a cell stays as typed, not a date.
		{CellText, &excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{CellNumber, &excelize.Style{Alignment: top}},
		{CellDate, &excelize.Style{CustomNumFmt: &dateFmt, Alignment: top}},
		{CellBool, &excelize.Style{Alignment: top}},
	} {
		if st.kind[x.k], err = f.NewStyle(x.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

func writeSheet(f *excelize.File, st sheetStyles, sheet string, t Sheet, warn func(string)) error {
	widths := make([]int, len(t.Header))
	for c, h := range t.Header {
		h = HeaderWords(termsafe.Text(h))
		if err := f.SetCellStr(sheet, CellName(c+1, 1), h); err != nil {
			return err
		}
		widths[c] = textWidth(h) + 3 // room for the filter's button
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if c >= len(t.Kinds) || v == "" {
				continue
			}
			cell := CellName(c+1, r+2)
			cut, err := setTyped(f, sheet, cell, t.Kinds[c], v)
			if err != nil {
				return fmt.Errorf("render: sheet %q row %d column %s: %w", sheet, r+2, t.Header[c], err)
			}
			if cut && warn != nil {
				warn(fmt.Sprintf("sheet %q cell %s (%s) is cut to the 32,767 characters a cell holds", sheet, cell, t.Header[c]))
			}
			widths[c] = max(widths[c], textWidth(v)+1)
		}
	}
	last := len(t.Rows) + 1
	colWidths := make([]float64, len(widths))
	for c, k := range t.Kinds {
		col := ColumnName(c + 1)
		colWidths[c] = float64(min(widths[c], maxColumnWidth))
		if err := f.SetColWidth(sheet, col, col, colWidths[c]); err != nil {
			return err
		}
		if len(t.Rows) > 0 {
			if err := f.SetCellStyle(sheet, CellName(c+1, 2), CellName(c+1, last), st.kind[k]); err != nil {
				return err
			}
		}
	}
	if len(t.Header) == 0 {
		return nil
	}
	if err := f.SetCellStyle(sheet, "A1", CellName(len(t.Header), 1), st.header); err != nil {
		return err
	}
	if err := SetDimension(f, sheet, len(t.Header), last); err != nil {
		return err
	}
	// Text wraps in its column, and each row is as tall as its tallest cell (spreadsheets keep
	// the heights a file gives), so that a printed listing shows each action whole.
	for r, row := range t.Rows {
		if h := RowHeight(row, colWidths); h > lineHeight {
			if err := f.SetRowHeight(sheet, r+2, h); err != nil {
				return err
			}
		}
	}
	if err := SetPrintLayout(f, sheet, colWidths, true); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+CellName(len(t.Header), last), nil)
}

// setTyped writes a CSV value as its kind, and says whether its text was cut to fit. A value that
// is not what its column says is a bug in the caller, not a reason to write a string Excel might
// guess at.
func setTyped(f *excelize.File, sheet, cell string, k CellKind, v string) (cut bool, err error) {
	switch k {
	case CellNumber:
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return false, err
		}
		return false, f.SetCellFloat(sheet, cell, n, -1, 64)
	case CellDate:
		d, err := time.Parse(isoDate, v)
		if err != nil {
			return false, err
		}
		return false, f.SetCellInt(sheet, cell, excelDay(d))
	case CellBool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return false, err
		}
		return false, f.SetCellBool(sheet, cell, b)
	}
	text, cut := FitCell(termsafe.Text(v))
	return cut, f.SetCellStr(sheet, cell, text)
}

// FitCell is s as a cell holds it: whole when it fits in MaxCellText UTF-16 units, else cut at a
// character boundary and ended with CutMark. (excelize would cut it silently.)
func FitCell(s string) (string, bool) {
	if utf16Len(s) <= MaxCellText {
		return s, false
	}
	room, n := MaxCellText-utf16Len(CutMark), 0
	for i, r := range s {
		n += utf16.RuneLen(r)
		if n > room {
			return s[:i] + CutMark, true
		}
	}
	return s, false
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// excelDay is a date as Excel numbers days: 1 is 1 January 1900, and 60 the 29 February 1900
// that Lotus 1-2-3 believed in, so that from March 1900 the count runs from 30 December 1899.
// (excelize's SetCellValue would also give the cell a date format of its own choosing.)
func excelDay(d time.Time) int64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if d.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		epoch = epoch.AddDate(0, 0, 1)
	}
	return int64(d.Sub(epoch).Hours()) / 24
}

// textWidth is the width of a cell's longest line, in characters.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(termsafe.Text(s), "\n") {
		w = max(w, lipgloss.Width(line))
	}
	return w
}

// CellName is a cell's name as Excel writes it: column 2, row 3 is "B3". Columns and rows count
// from 1; every workbook cpp writes stays far inside Excel's limits.
func CellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// ColumnName is a column's letters: 28 is "AB".
func ColumnName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// WriteWorkbook dates f with day, names cpp as its author and writes it. Every workbook cpp makes
// is written through here so that the same content on the same day gives the same bytes:
// excelize otherwise stamps no clock into a file (its zip entries carry no times, its parts are
// written in a fixed order), and the day is the one the content is as of, not the clock's.
func WriteWorkbook(w io.Writer, f *excelize.File, title string, day time.Time) error {
	stamp := day.Format(isoDate) + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: termsafe.Line(title), Creator: "cpp", LastModifiedBy: "cpp",
		Created: stamp, Modified: stamp, Language: "en-GB",
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "cpp"}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// SetDimension records that a sheet's cells are those from A1 to the given column and row.
// excelize leaves it "A1" whatever the sheet holds, and readers that stream a sheet (openpyxl's
// read-only mode among them) believe it: they read such a sheet as one cell.
func SetDimension(f *excelize.File, sheet string, cols, rows int) error {
	return f.SetSheetDimension(sheet, "A1:"+CellName(cols, rows))
}

// MaxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const MaxSheetName = 31

// SheetName is s as a sheet name Excel accepts, at most max UTF-16 units long: the characters it
// refuses ([]:*?/\) and control and format characters become spaces, runs of space fold, and no
// apostrophe or space is left at either end. It may be empty; whether a name is taken is the
// caller's to check.
func SheetName(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == unicode.ReplacementChar:
			// Control and format characters (bidi overrides among them) would act on whoever
			// reads the tab; a byte that was not UTF-8 arrives as U+FFFD.
			return ' '
		}
		return r
	}, s)
	s = trimSheetEnds(strings.Join(strings.Fields(s), " "))
	if utf16Len(s) <= max {
		return s
	}
	// Too long: a council's name is said as people say it ("Youth Justice (Camden)", not
	// "Youth Justice (London Borough o"), then the name is cut at a word where that keeps most
	// of it, and mid-word only where it does not.
	if open := strings.LastIndexByte(s, '('); open >= 0 {
		in := s[open:]
		for _, long := range councilWords {
			in = strings.ReplaceAll(in, long[0], long[1])
		}
		s = s[:open] + in
	}
	if utf16Len(s) <= max {
		return s
	}
	cut := cutUTF16(s, max)
	if i := strings.LastIndexByte(cut, ' '); i >= max/2 && (len(cut) == len(s) || s[len(cut)] != ' ') {
		cut = cut[:i]
	}
	cut = strings.TrimRight(trimSheetEnds(cut), " (-,;&")
	for trimmed := true; trimmed; {
		trimmed = false
		for _, small := range []string{" and", " of", " the", " for", " in", " &"} {
			if strings.HasSuffix(cut, small) {
				cut, trimmed = strings.TrimSuffix(cut, small), true
			}
		}
	}
	if strings.Count(cut, "(") > strings.Count(cut, ")") && utf16Len(cut) < max {
		cut += ")"
	}
	return trimSheetEnds(cut)
}

// councilWords shorten the formal names of councils in a sheet name's last brackets (where a
// lead's sheet names its council), longest first: the place is what tells two councils' sheets
// apart.
var councilWords = [][2]string{
	{"Not named in the source document", "council not named"},
	{"London Borough of ", ""}, {"Royal Borough of ", ""}, {"Metropolitan Borough of ", ""},
	{"City and County of ", ""}, {"Borough of ", ""}, {"City of ", ""},
	{" Metropolitan Borough Council", ""}, {" County Council", ""}, {" City Council", ""},
	{" Borough Council", ""}, {" District Council", ""}, {" Council", ""},
}

// cutUTF16 is the longest start of s at most max UTF-16 units long.
func cutUTF16(s string, max int) string {
	n := 0
	for i, r := range s {
		if n+utf16.RuneLen(r) > max {
			return s[:i]
		}
		n += utf16.RuneLen(r)
	}
	return s
}

// trimSheetEnds removes what may not start or end a sheet name: an apostrophe, and spaces.
func trimSheetEnds(s string) string {
	return strings.Trim(s, "' ")
}
