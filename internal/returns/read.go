package returns

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/words"
)

// MaxSize is the largest return `returns import` reads: the limit of every table cpp reads.
const MaxSize = tabular.MaxSize

// Place is where an answer is in a return: the file, the sheet (none for CSV) and the row as a
// spreadsheet numbers it, the header being row 1. Row 0 is the file as a whole. It names places
// as every table cpp reads does (tabular.Place).
type Place = tabular.Place

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
	// Share lets young people read the note (ColShare).
	Share bool
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
// sheet or of the Measures sheet, through the reader `cpp import` uses (tabular), so that every
// table import reads, returns import reads too: CSV with any separator Excel writes, in UTF-8,
// UTF-16 or Windows-1252, and workbooks. Sheets and columns are found by their header words, in
// any case and order; a sheet without them (the instructions, a sheet of the lead's own) is passed
// over. A row whose columns to fill are all blank is skipped. Every problem found is returned,
// each at its row.
func Read(name string, data []byte) (*Filled, []Problem) {
	f := &Filled{File: name, Periods: map[string]Span{}}
	tables, err := tabular.ReadBytes(name, data, tabular.Options{Hidden: true})
	if err != nil {
		return f, []Problem{readProblem(name, err)}
	}
	delimited := len(tables) == 1 && tables[0].Name == ""
	probs := newCollector()
	found := false
	for _, tb := range tables {
		f.Sheets = append(f.Sheets, tb.Name)
		switch tb.Name {
		case SheetMeta:
			ps, other := readMeta(f, tb)
			if other {
				return f, ps // a return of another layout: its sheets are not this one's
			}
			probs.add(ps...)
			continue
		case SheetInstructions:
			continue
		}
		t := newTable(f.File, tb, delimited)
		if t == nil {
			continue
		}
		found = t.read(f, probs) || found
	}
	if !found && probs.empty() {
		if delimited {
			probs.add(Problem{At: Place{File: f.File, Row: firstLine(tables[0])}, Message: fmt.Sprintf("the header row has neither %s nor %s; is this a return made by cpp returns export?", ColNewStatus, ColNewValue)})
		} else {
			probs.add(Problem{At: Place{File: f.File}, Message: fmt.Sprintf("no sheet has a return's header row (%s, %s, …); is this a return made by cpp returns export?", ColID, ColNewStatus)})
		}
	}
	return f, probs.problems()
}

// readProblem is a return that cannot be read as a table, in the words `cpp import` uses.
func readProblem(name string, err error) Problem {
	var te *tabular.Error
	if !errors.As(err, &te) {
		return Problem{At: Place{File: name}, Message: "cannot read it: " + words.OneLine(err.Error())}
	}
	msg := te.Message
	if te.Hint != "" {
		msg += "; " + te.Hint
	}
	if te.TooMany > 0 {
		// The reader's words are about action tables, to import; a return is not one.
		msg = fmt.Sprintf("the return has more than %d cells, far more than a return of every open action for every lead; nothing in it was read; "+
			"check that this is a return made by cpp returns export (a lead's sheet, saved as CSV, or the workbook)", te.TooMany)
	}
	return Problem{At: Place{File: name, Row: te.Line}, Message: msg}
}

// readMeta reads the hidden sheet's record of how the return was made. A return of another
// layout is the one problem returned, with other true.
func readMeta(f *Filled, tb tabular.Table) (probs []Problem, other bool) {
	for _, r := range tb.Rows {
		cells := make([]string, max(len(r.Cells), 7))
		for i, c := range r.Cells {
			cells[i] = c.Text
		}
		date := func(s string) time.Time {
			d, err := time.Parse(isoDate, s)
			if err != nil {
				probs = append(probs, Problem{At: Place{File: f.File, Sheet: SheetMeta, Row: r.Line}, Message: fmt.Sprintf("%q is not a date; the sheet cpp keeps was changed: export the return again", s)})
			}
			return d
		}
		switch cells[0] {
		case "format":
			if cells[1] != FormatVersion {
				return []Problem{{At: Place{File: f.File}, Message: fmt.Sprintf("the return is in the layout %q, not %q, which this cpp reads; export the return again with this cpp", cells[1], FormatVersion)}}, true
			}
		case "exported":
			f.Exported = date(cells[1])
		case "plan":
			f.Periods[cells[1]] = Span{date(cells[5]), date(cells[6])}
		}
	}
	return probs, false
}

func firstLine(tb tabular.Table) int {
	if len(tb.Rows) == 0 {
		return 0
	}
	return tb.Rows[0].Line
}

// unsafeCell undoes render.SafeCell: a cell that a spreadsheet would run as a formula was written
// with a leading ', and only such a cell loses it (SafeCell's own rule decides which, so the two
// cannot drift apart). Only CSV returns have them: a workbook keeps such text as text.
func unsafeCell(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && render.SafeCell(rest) == s {
		return rest
	}
	return s
}

// table is one sheet (or CSV) of a return: its header row and the rows below it.
type table struct {
	file, sheet string
	header      tabular.Row
	rows        []tabular.Row
	delimited   bool
}

// newTable is a sheet's table below its header, the first row with text; nil for a sheet with
// none.
func newTable(file string, tb tabular.Table, delimited bool) *table {
	for i, r := range tb.Rows {
		for _, c := range r.Cells {
			if c.Text != "" {
				return &table{file: file, sheet: tb.Name, header: r, rows: tb.Rows[i+1:], delimited: delimited}
			}
		}
	}
	return nil
}

func (t *table) at(row int) Place { return Place{File: t.file, Sheet: t.sheet, Row: row} }

// read reads the table's filled rows into f, and its problems into probs. ok is false for a
// table without a return's header, which is passed over.
func (t *table) read(f *Filled, probs *collector) (ok bool) {
	cols := map[string]int{}
	for i, h := range t.header.Cells {
		key := strings.ToLower(strings.Join(strings.Fields(h.Text), " "))
		if key == "" {
			continue
		}
		if _, dup := cols[key]; dup {
			probs.add(Problem{At: t.at(t.header.Line), Message: fmt.Sprintf("the header has two %q columns; keep one", strings.TrimSpace(h.Text))})
			return true
		}
		cols[key] = i
	}
	has := func(names ...string) bool {
		return slices.ContainsFunc(names, func(n string) bool { _, ok := cols[strings.ToLower(n)]; return ok })
	}
	measures := has(ColNewValue, ColValueDate)
	actions := has(ColNewStatus, ColNewRAG, ColProgressNote, ColRevised, ColEvidence)
	if !measures && !actions {
		return false
	}
	if measures && actions {
		// Read as either, the other's answers would be passed over without a word.
		probs.add(Problem{At: t.at(t.header.Line), Message: fmt.Sprintf("the header has both a lead's columns (%s, …) and the %s sheet's (%s, …); "+
			"a sheet is one or the other: keep its columns as exported", ColNewStatus, SheetMeasures, ColNewValue)})
		return true
	}
	if !has(ColID) {
		probs.add(Problem{At: t.at(t.header.Line), Message: fmt.Sprintf("the header has no %s column, which says what each row is for; put it back as exported", ColID)})
		return true
	}
	fill := ActionHeader[ActionFillFrom:]
	if measures {
		fill = MeasureHeader[MeasureFillFrom:]
	}
	for _, row := range t.rows {
		at := t.at(row.Line)
		cell := func(name string) tabular.Cell {
			c, ok := cols[strings.ToLower(name)]
			if !ok || c >= len(row.Cells) {
				return tabular.Cell{}
			}
			cell := row.Cells[c]
			if t.delimited {
				cell.Text = unsafeCell(cell.Text)
			}
			return cell
		}
		blank := true
		var bad []Problem // cells that cannot be read: the row is refused by them
		for _, name := range append([]string{ColID}, fill...) {
			c := cell(name)
			if c.Unreadable != "" {
				bad = append(bad, Problem{At: at, Message: name + ": " + c.Unreadable})
			}
			if name != ColID {
				blank = blank && c.Text == "" && c.Unreadable == ""
			}
		}
		id := cell(ColID).Text
		switch {
		case blank && id != "":
			f.Blank++
			continue
		case blank && bad == nil:
			continue
		case bad != nil:
			probs.add(bad...)
			continue
		case id == "":
			probs.add(Problem{At: at, Message: fmt.Sprintf("the row is filled in but has no %s; each row is read by its %s, as exported", ColID, ColID)})
			continue
		}
		if measures {
			m, ps := t.measure(at, id, cell)
			probs.add(ps...)
			if ps == nil {
				f.Measures = append(f.Measures, m)
			}
			continue
		}
		a := ActionAnswer{At: at, ID: id, Note: cell(ColProgressNote).Text, Evidence: cell(ColEvidence).Text,
			Deadline: dateCell(cell(ColRevised))}
		good := true
		if w := cell(ColNewStatus).Text; w != "" {
			var ok bool
			if a.Status, ok = plan.ParseStatus(w); !ok {
				good = false
				probs.add(Problem{At: at, Message: fmt.Sprintf("%s %q is not a status; choose one of %s", ColNewStatus, w, strings.Join(StatusWords, ", "))})
			}
		}
		if w := cell(ColShare).Text; w != "" {
			var ok bool
			if a.Share, ok = ParseShare(w); !ok {
				good = false
				probs.add(Problem{At: at, Message: fmt.Sprintf("%s %q is not Yes or No", ColShare, w)})
			} else if a.Share && a.Note == "" {
				good = false
				probs.add(Problem{At: at, Message: fmt.Sprintf("%s is Yes, but there is no %s to share", ColShare, ColProgressNote)})
			}
		}
		if w := cell(ColNewRAG).Text; w != "" {
			var ok bool
			if a.RAG, ok = plan.ParseRAG(w); !ok {
				good = false
				probs.add(Problem{At: at, Message: fmt.Sprintf("%s %q is not a RAG rating; choose one of %s (or G, A, R)", ColNewRAG, w, strings.Join(RAGWords, ", "))})
			}
		}
		if good {
			f.Actions = append(f.Actions, a)
		}
	}
	return true
}

func (t *table) measure(at Place, id string, cell func(string) tabular.Cell) (MeasureAnswer, []Problem) {
	m := MeasureAnswer{At: at, ID: id}
	var probs []Problem
	v := cell(ColNewValue)
	switch v.Kind {
	case tabular.KindDay, tabular.KindMonth, tabular.KindYear, tabular.KindTime:
		// A date's serial number (45930) is not a figure anyone meant.
		probs = append(probs, Problem{At: at, Message: fmt.Sprintf("%s %q is a date, not a figure; write the figure as a number", ColNewValue, v.Text)})
	default:
		m.Value = numberCell(v)
		if m.Value == "" {
			probs = append(probs, Problem{At: at, Message: fmt.Sprintf("%s is blank; a figure needs its value (the %s, %s and %s go with it)", ColNewValue, ColValueDate, ColSource, ColNote)})
		}
	}
	if d := dateCell(cell(ColValueDate)); d != "" {
		day, err := time.Parse(isoDate, d)
		if err == nil {
			err = deadline.CheckYear(day.Year())
		}
		if err != nil {
			probs = append(probs, Problem{At: at, Message: fmt.Sprintf("%s %q is not a date; write it as YYYY-MM-DD, as in 2025-09-30", ColValueDate, d)})
		}
		m.Date = day
	}
	m.Source = cell(ColSource).Text
	m.Note = cell(ColNote).Text
	return m, probs
}

// dateCell is a date column's cell as text. A date typed into a spreadsheet is read as the day it
// shows, YYYY-MM-DD, which plans read both as a deadline and as a date. A date whose format shows
// only the month and year ("Mar-26") is the month, as shown ("March 2026"): Excel stores the
// first of the month, but the lead wrote a month, and a deadline of a month is its end. Text is
// taken as written.
func dateCell(c tabular.Cell) string {
	if c.Kind == tabular.KindDay {
		return c.Value
	}
	return c.Text
}

// numberCell is a figure as text. A number is read as stored, not as shown: a format of one
// decimal place must not round 61.25 to 61.3. A percentage typed as 58% is stored as 0.58 and
// shown as 58%: it is read as shown, 58, as measures in per cent write their figures.
func numberCell(c tabular.Cell) string {
	if c.Kind != tabular.KindNumber {
		return c.Text
	}
	v, err := strconv.ParseFloat(c.Value, 64)
	if err != nil {
		return c.Text
	}
	if strings.HasSuffix(c.Text, "%") {
		v *= 100
		// 0.583 * 100 is 58.300000000000004 in binary; the figure had at most 15 digits.
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return c.Text
	}
	return words.Number(v)
}
