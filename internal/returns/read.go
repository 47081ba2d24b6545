package returns

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/words"
)

// MaxSize is the largest return `returns import` reads. A return of a thousand actions is a few
// hundred kilobytes; the unpacked workbook is held to a limit of its own (maxUnzipped), so that a
// small file cannot unpack into gigabytes.
const MaxSize = 20 << 20

const maxUnzipped = 200 << 20

// Place is where an answer is in a return: the file, the sheet (none for CSV) and the row as a
// spreadsheet numbers it, the header being row 1. Row 0 is the file as a whole. It names places
// as every table cpp reads does (tabular.Place).
type Place = tabular.Place

// Problem is what is wrong with a row of a return, or with the return.
type Problem struct {
	At      Place
	Message string
}

func (p Problem) String() string { return p.At.String() + ": " + p.Message }

// Filled is a return as it came back: what its rows say, and what its hidden sheet records of
// how it was made.
type Filled struct {
	File string
	// Exported is the day the return was made, from its hidden sheet; zero for a CSV return,
	// or a workbook that lost the sheet.
	Exported time.Time
	// Periods are the dates of the return's quarter for each plan, by plan id, from the hidden
	// sheet.
	Periods map[string]Span
	Actions []ActionAnswer
	// Measures are the rows of the Measures sheet (or a measures CSV) with a figure.
	Measures []MeasureAnswer
	// Blank counts the rows with an ID and nothing filled in.
	Blank int
	// Sheets are the workbook's sheets in order, to report problems in the order a reader
	// meets them.
	Sheets []string
}

// Span is a quarter's first and last day.
type Span struct{ Start, End time.Time }

// ActionAnswer is one filled row of a lead's sheet: an empty field is a column left blank.
type ActionAnswer struct {
	At                       Place
	ID                       string
	Status                   plan.Status
	RAG                      plan.RAG
	Note, Deadline, Evidence string
}

// MeasureAnswer is one filled row of the Measures sheet.
type MeasureAnswer struct {
	At    Place
	ID    string
	Value string
	// Date is the Value date; zero when left blank.
	Date         time.Time
	Source, Note string
}

// Read reads a filled return: a workbook as `returns export` writes it, or a CSV of a lead's
// sheet or of the Measures sheet. Sheets and columns are found by their header words, in any
// case and order; a sheet without them (the instructions, a sheet of the lead's own) is passed
// over. A row whose columns to fill are all blank is skipped. Every problem found is returned,
// each at its row.
func Read(name string, data []byte) (*Filled, []Problem) {
	f := &Filled{File: name, Periods: map[string]Span{}}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return f, readWorkbook(f, data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return f, []Problem{{Place{File: name}, "this is an Excel 97-2003 workbook (.xls), which cpp cannot read; save it as an Excel Workbook (.xlsx) or as CSV UTF-8 and import that"}}
	}
	return f, readCSV(f, data)
}

func readWorkbook(f *Filled, data []byte) []Problem {
	at := Place{File: f.File}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return []Problem{{at, "cannot read the workbook: " + words.OneLine(err.Error())}}
	}
	defer wb.Close()
	var probs []Problem
	sheets := wb.GetSheetList()
	f.Sheets = sheets
	if slices.Contains(sheets, SheetMeta) {
		probs = append(probs, readMeta(f, wb)...)
	}
	found := false
	for _, sh := range sheets {
		if sh == SheetMeta || sh == SheetInstructions {
			continue
		}
		formatted, err := wb.GetRows(sh)
		if err == nil && len(formatted) == 0 {
			continue
		}
		var raw [][]string
		if err == nil {
			raw, err = wb.GetRows(sh, excelize.Options{RawCellValue: true})
		}
		if err != nil {
			probs = append(probs, Problem{Place{File: f.File, Sheet: sh}, "cannot read the sheet: " + words.OneLine(err.Error())})
			continue
		}
		t := &table{file: f.File, sheet: sh, rows: formatted, raw: raw}
		ok, ps := t.read(f)
		probs = append(probs, ps...)
		found = found || ok
	}
	if !found && len(probs) == 0 {
		probs = append(probs, Problem{at, fmt.Sprintf("no sheet has a return's header row (%s, %s, …); is this a return made by cpp returns export?", ColID, ColNewStatus)})
	}
	return probs
}

// readMeta reads the hidden sheet's record of how the return was made.
func readMeta(f *Filled, wb *excelize.File) []Problem {
	at := Place{File: f.File, Sheet: SheetMeta}
	rows, err := wb.GetRows(SheetMeta)
	if err != nil {
		return []Problem{{at, "cannot read the sheet: " + words.OneLine(err.Error())}}
	}
	var probs []Problem
	date := func(i int, s string) time.Time {
		d, err := time.Parse(isoDate, s)
		if err != nil {
			probs = append(probs, Problem{Place{File: f.File, Sheet: SheetMeta, Row: i + 1}, fmt.Sprintf("%q is not a date; the sheet cpp keeps was changed: export the return again", s)})
		}
		return d
	}
	for i, r := range rows {
		r = append(r, make([]string, 7)...)
		switch r[0] {
		case "format":
			if r[1] != FormatVersion {
				return []Problem{{Place{File: f.File}, fmt.Sprintf("the return is in the layout %q, not %q, which this cpp reads; export the return again with this cpp", r[1], FormatVersion)}}
			}
		case "exported":
			f.Exported = date(i, r[1])
		case "plan":
			f.Periods[r[1]] = Span{date(i, r[5]), date(i, r[6])}
		}
	}
	return probs
}

func readCSV(f *Filled, data []byte) []Problem {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Excel's "CSV UTF-8" starts with one
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
				err = pe.Err
			}
			return []Problem{{Place{File: f.File}, fmt.Sprintf("line %d: cannot read the CSV: %v", line, err)}}
		}
		for i, c := range rec {
			rec[i] = unsafeCell(c)
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return []Problem{{Place{File: f.File}, "the file is empty"}}
	}
	t := &table{file: f.File, rows: rows, raw: rows}
	ok, probs := t.read(f)
	if !ok && len(probs) == 0 {
		probs = append(probs, Problem{Place{File: f.File, Row: 1}, fmt.Sprintf("the header row has neither %s nor %s; is this a return made by cpp returns export?", ColNewStatus, ColNewValue)})
	}
	return probs
}

// unsafeCell undoes render.SafeCell: a cell that a spreadsheet would run as a formula was written
// with a leading ', and only such a cell loses it.
func unsafeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// table is one sheet (or CSV): its rows as shown, and as stored (a number or a date serial,
// before its format is applied).
type table struct {
	file, sheet string
	rows, raw   [][]string
}

func (t *table) at(row int) Place { return Place{File: t.file, Sheet: t.sheet, Row: row} }

// read reads the table's filled rows into f. ok is false for a table without a return's
// header, which is passed over.
func (t *table) read(f *Filled) (ok bool, probs []Problem) {
	cols := map[string]int{}
	for i, h := range t.rows[0] {
		key := strings.ToLower(strings.Join(strings.Fields(h), " "))
		if key == "" {
			continue
		}
		if _, dup := cols[key]; dup {
			return true, []Problem{{t.at(1), fmt.Sprintf("the header has two %q columns; keep one", strings.TrimSpace(h))}}
		}
		cols[key] = i
	}
	has := func(names ...string) bool {
		return slices.ContainsFunc(names, func(n string) bool { _, ok := cols[strings.ToLower(n)]; return ok })
	}
	measures := has(ColNewValue, ColValueDate)
	actions := has(ColNewStatus, ColNewRAG, ColProgressNote, ColRevised, ColEvidence)
	if !measures && !actions {
		return false, nil
	}
	if !has(ColID) {
		return true, []Problem{{t.at(1), fmt.Sprintf("the header has no %s column, which says what each row is for; put it back as exported", ColID)}}
	}
	cell := func(r int, name string) string {
		c, ok := cols[strings.ToLower(name)]
		if !ok || c >= len(t.rows[r]) {
			return ""
		}
		return strings.TrimSpace(t.rows[r][c])
	}
	rawCell := func(r int, name string) string {
		c, ok := cols[strings.ToLower(name)]
		if !ok || r >= len(t.raw) || c >= len(t.raw[r]) {
			return ""
		}
		return strings.TrimSpace(t.raw[r][c])
	}
	fill := ActionHeader[ActionFillFrom:]
	if measures {
		fill = MeasureHeader[MeasureFillFrom:]
	}
	for r := 1; r < len(t.rows); r++ {
		at := t.at(r + 1)
		blank := true
		for _, c := range fill {
			blank = blank && cell(r, c) == ""
		}
		id := cell(r, ColID)
		switch {
		case blank && id != "":
			f.Blank++
			continue
		case blank:
			continue
		case id == "":
			probs = append(probs, Problem{at, fmt.Sprintf("the row is filled in but has no %s; each row is read by its %s, as exported", ColID, ColID)})
			continue
		}
		if measures {
			m, ps := t.measure(at, id, func(c string) (string, string) { return cell(r, c), rawCell(r, c) })
			probs = append(probs, ps...)
			if ps == nil {
				f.Measures = append(f.Measures, m)
			}
			continue
		}
		a := ActionAnswer{At: at, ID: id, Note: cell(r, ColProgressNote), Evidence: cell(r, ColEvidence),
			Deadline: dateCell(cell(r, ColRevised), rawCell(r, ColRevised))}
		good := true
		if w := cell(r, ColNewStatus); w != "" {
			var ok bool
			if a.Status, ok = plan.ParseStatus(w); !ok {
				good = false
				probs = append(probs, Problem{at, fmt.Sprintf("%s %q is not a status; choose one of %s", ColNewStatus, w, strings.Join(StatusWords, ", "))})
			}
		}
		if w := cell(r, ColNewRAG); w != "" {
			var ok bool
			if a.RAG, ok = plan.ParseRAG(w); !ok {
				good = false
				probs = append(probs, Problem{at, fmt.Sprintf("%s %q is not a RAG rating; choose one of %s (or G, A, R)", ColNewRAG, w, strings.Join(RAGWords, ", "))})
			}
		}
		if good {
			f.Actions = append(f.Actions, a)
		}
	}
	return true, probs
}

func (t *table) measure(at Place, id string, cell func(string) (shown, raw string)) (MeasureAnswer, []Problem) {
	m := MeasureAnswer{At: at, ID: id}
	var probs []Problem
	shown, raw := cell(ColNewValue)
	m.Value = numberCell(shown, raw)
	if m.Value == "" {
		probs = append(probs, Problem{at, fmt.Sprintf("%s is blank; a figure needs its value (the %s, %s and %s go with it)", ColNewValue, ColValueDate, ColSource, ColNote)})
	}
	if d := dateCell(cell(ColValueDate)); d != "" {
		day, err := time.Parse(isoDate, d)
		if err == nil {
			err = deadline.CheckYear(day.Year())
		}
		if err != nil {
			probs = append(probs, Problem{at, fmt.Sprintf("%s %q is not a date; write it as YYYY-MM-DD, as in 2025-09-30", ColValueDate, d)})
		}
		m.Date = day
	}
	m.Source, _ = cell(ColSource)
	m.Note, _ = cell(ColNote)
	return m, probs
}

// dateCell is a date column's cell as text. A date typed into a spreadsheet is kept as a number
// shown through a date format: that is read as the day it shows, YYYY-MM-DD, which plans read
// both as a deadline and as a date. Text is taken as written.
func dateCell(shown, raw string) string {
	if shown == raw || raw == "" {
		return shown
	}
	if t, err := time.Parse(time.RFC3339, raw); err == nil { // a cell of date type
		return t.Format(isoDate)
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || serial < 1 || serial > 2958465 { // 31 Dec 9999
		return shown
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return shown
	}
	return t.Format(isoDate)
}

// numberCell is a figure as text. A number is read as stored, not as shown: a format of two
// decimal places must not round 61.25 to 61.3. A percentage typed as 58% is stored as 0.58 and
// shown as 58%: it is read as shown, 58, as measures in per cent write their figures.
func numberCell(shown, raw string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || shown == raw {
		return shown
	}
	if strings.HasSuffix(shown, "%") {
		v *= 100
		// 0.583 * 100 is 58.300000000000004 in binary; the figure had at most 15 digits.
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return shown
	}
	return words.Number(v)
}

// SortProblems orders problems as a reader goes through the returns: by file in the order given,
// then sheet in the workbook's order, then row; problems in plan files come last.
func SortProblems(probs []Problem, filled []*Filled) {
	rank := func(at Place) (int, int) {
		for i, f := range filled {
			if f.File == at.File {
				return i, slices.Index(f.Sheets, at.Sheet)
			}
		}
		return len(filled), 0
	}
	slices.SortStableFunc(probs, func(a, b Problem) int {
		fa, sa := rank(a.At)
		fb, sb := rank(b.At)
		switch {
		case fa != fb:
			return fa - fb
		case a.At.File != b.At.File:
			return strings.Compare(a.At.File, b.At.File)
		case sa != sb:
			return sa - sb
		}
		return a.At.Row - b.At.Row
	})
}
