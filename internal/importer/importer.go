// Package importer turns an action table (a CSV or TSV file, a workbook sheet, a table of a Word
// document, all read by internal/tabular into one shape) into a plan file: it finds the header
// row and what each column holds, groups rows into sections (heading rows, a theme column) and
// actions (a merged action cell, or rows with no action below one, give lettered sub-actions),
// reads ratings, statuses, deadlines, leads and progress notes as the plan format keeps them, and
// keeps every cell the format cannot hold as a comment beside its action. It never invents a
// lead, a deadline or a status: what it cannot read faithfully it keeps as written, in a comment,
// and says so. The mapping is one function for every kind of file.
package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/words"
)

// Options say what plan to make and from what.
type Options struct {
	// File is the table's file as the user named it, for messages and the plan's source.
	File               string
	ID, Title, Council string
	Quarters           deadline.Convention
	// Period is the plan's period; zero means the years the table's deadlines fall in.
	Period plan.Period
	Map    *Map
	// Sheet is the table the user chose (--sheet); "" lets import choose.
	Sheet string
	// Today dates progress notes whose column names no month.
	Today time.Time
	// Registry is the repository's lead registry: a lead it knows is never taken for a
	// person's name, and is not proposed again.
	Registry *plan.Registry
}

// Note is something the summary tells the user about a row of the table.
type Note struct {
	Line    int // the row's line in the file (see tabular.Row); 0 for the table as a whole
	Message string
	Hint    string
}

// Result is the plan made from a table, and what the summary says about it.
type Result struct {
	Data []byte // the plan file
	// Table is the table read; Tables how many the file had; Chosen says why this one when
	// there were several and no --sheet.
	Table  string
	Tables int
	Chosen string
	// Others are the other tables with actions, which were not imported (none when --sheet
	// chose the table).
	Others []string
	// HeaderLine is the header row's line.
	HeaderLine int
	Columns    []Column
	// UnusedMap are the --map headers no column has.
	UnusedMap []MapColumn

	Sections, Actions, SubActions, Measures, Updates int
	// SectionTitles are the sections' titles, with the row each starts at.
	SectionTitles []Note
	Period        plan.Period
	// PeriodFrom says where the period came from.
	PeriodFrom string
	// IDsFrom says how the ids were made: from the Ref column, or from positions (and why).
	IDsFrom string
	// Progress says what day each progress column's notes are dated, and why.
	Progress []string
	// Kept are the cells kept as comments; Warnings are everything else the user should check.
	Kept, Warnings []Note
	// Leads are the leads written, as first written, in order of first appearance; NewLeads
	// those the registry does not know. Initials are the new leads that are officers' initials
	// (AB, CD): people, for the registry as roles to be named, not as teams.
	Leads, NewLeads, Initials []string
	// InProgress counts the actions given status in-progress because their progress column has
	// text and the table gives no status.
	InProgress int
}

// Place names a row as messages do: "plan.xlsx: Actions, row 7", "plan.csv: row 7".
func Place(file, table string, line int) string {
	return tabular.Place{File: file, Sheet: table, Row: line}.String()
}

// NoActionsError says no table has a column of actions: the headers found, for a --map.
type NoActionsError struct {
	File   string
	Tables []TableHeaders
}

// TableHeaders are a table's name and its first row's non-empty cells.
type TableHeaders struct {
	Name    string
	Headers []string
}

func (e *NoActionsError) Error() string {
	var parts []string
	for _, t := range e.Tables {
		hs := make([]string, len(t.Headers))
		for i, h := range t.Headers {
			hs[i] = fmt.Sprintf("%q", words.OneLine(h))
		}
		what := "no headers"
		if len(hs) > 0 {
			what = "headers " + strings.Join(hs, ", ")
		}
		if t.Name != "" {
			what = t.Name + ": " + what
		}
		parts = append(parts, what)
	}
	if len(parts) == 0 {
		return e.File + " has no table"
	}
	return fmt.Sprintf("no column of actions in %s (%s)", e.File, strings.Join(parts, "; "))
}

// Hint says how to name the action column.
func (e *NoActionsError) Hint() string {
	return `name the columns in a map file and give it with --map, as in columns: {"What we will do": action, "By when?": deadline}`
}

// Import makes a plan from the tables of a file: the table --sheet named (the caller's reader
// has already picked it), else the first with a column of actions.
func Import(tables []tabular.Table, o Options) (*Result, error) {
	var first *Result // the first table with a column of actions, though it has none below it
	for i, t := range tables {
		hr, cols, ok := findHeader(t, o.Map)
		if !ok {
			continue
		}
		res := &Result{Table: t.Name, Tables: len(tables)}
		if len(tables) > 1 && o.Sheet == "" {
			res.Chosen = "the first with a column of actions"
			if i > 0 {
				res.Chosen = fmt.Sprintf("the first with a column of actions; %s before it has none", words.Count(i, "table", "tables"))
			}
		}
		if err := unreadable(o.File, t, hr, cols); err != nil {
			return nil, err
		}
		b := newBuilder(t, hr, cols, o, res)
		b.walk()
		if err := b.finish(); err != nil {
			return nil, err
		}
		if res.Actions == 0 && o.Sheet == "" {
			// A contents table that lists "Action plan" is not the plan: try the next table.
			if first == nil {
				first = res
			}
			continue
		}
		if o.Sheet == "" {
			for _, other := range tables[i+1:] {
				if hasActions(other, o.Map) {
					res.Others = append(res.Others, other.Name)
				}
			}
		}
		return res, nil
	}
	if first != nil {
		return first, nil
	}
	e := &NoActionsError{File: o.File}
	for _, t := range tables {
		th := TableHeaders{Name: t.Name}
		for _, r := range t.Rows {
			if rowEmpty(r) {
				continue
			}
			for _, c := range r.Cells {
				if c.Text != "" {
					th.Headers = append(th.Headers, c.Text)
				}
			}
			break
		}
		e.Tables = append(e.Tables, th)
	}
	return nil, e
}

// UnreadableError is a table with cells that cannot be read (a formula with no value, an error
// such as #REF!): what they show is not what the file means, so nothing is imported. The first is
// named; Count says how many there are.
type UnreadableError struct {
	At     string // "plan.xlsx: Actions, row 7, Progress"
	Reason string // tabular.Cell.Unreadable
	Count  int
}

func (e *UnreadableError) Error() string {
	msg := e.At + ": " + e.Reason
	if e.Count > 1 {
		msg += fmt.Sprintf(" (and %s like it)", words.Count(e.Count-1, "other cell", "other cells"))
	}
	return msg
}

// Hint says how to give cpp the values.
func (e *UnreadableError) Hint() string {
	return "nothing written; in Excel, copy the table and paste it as values (Paste Special > Values), save, and import again"
}

// unreadable is the table's first cell, from the header row down, that cannot be read, and how
// many there are; nil when every cell can be read.
func unreadable(file string, t tabular.Table, hr int, cols []Column) *UnreadableError {
	var e *UnreadableError
	for _, r := range t.Rows[hr:] {
		for c, cell := range r.Cells {
			if cell.Unreadable == "" {
				continue
			}
			if e == nil {
				col := Column{Index: c}
				if c < len(cols) {
					col = cols[c]
				}
				e = &UnreadableError{At: Place(file, t.Name, r.Line) + ", " + col.Label(), Reason: cell.Unreadable}
			}
			e.Count++
		}
	}
	return e
}

// hasActions reports whether a table has a column of actions with text below its header.
func hasActions(t tabular.Table, m *Map) bool {
	hr, cols, ok := findHeader(t, m)
	if !ok {
		return false
	}
	for _, c := range cols {
		if c.Field != FieldAction && c.Field != FieldOutcome {
			continue
		}
		for _, row := range t.Rows[hr+1:] {
			if c.Index < len(row.Cells) && row.Cells[c.Index].Text != "" {
				return true
			}
		}
	}
	return false
}

func rowEmpty(r tabular.Row) bool {
	for _, c := range r.Cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}
