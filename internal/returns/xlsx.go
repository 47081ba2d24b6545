package returns

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// FormatVersion names the layout of a return in its hidden sheet, so that an importer can tell a
// return it knows from an older or newer one.
const FormatVersion = "cpp-returns 1"

// The workbook's layout, which `returns import` relies on:
//   - "Instructions" first, then one sheet per lead team (named by sheetNamer), then "Measures",
//     then "cpp", hidden;
//   - on every lead sheet and on "Measures", row 1 is the header (ActionHeader, MeasureHeader)
//     and each row after it is one action or measure, identified by the ID in column A; there
//     are no blank or total rows;
//   - every cell is a string (SetCellStr), so that plan text is never read as a formula or a
//     date; the columns to fill are formatted as text for the same reason, except New value;
//   - control characters in plan text show as escapes (`\x1b`, `\u202e`), as on a terminal:
//     XML cannot carry most of them, and a bidi control would reorder what the lead reads;
//   - the hidden "cpp" sheet holds one record a row, its kind in column A: "format", "exported"
//     (the day of the return), "quarter" (as asked), "lead" (each --lead given), "plan" (id, file,
//     convention, the period's name, start, end) and "sheet" (name, "actions" or "measures",
//     lead, council).
//
// The sheets are protected without a password: it keeps the ID and current values from being
// changed by accident, not by intent.

var actionWidths = []float64{20, 12, 28, 50, 22, 14, 12, 14, 12, 40, 14, 14, 11, 50, 18, 30, 16}
var measureWidths = []float64{20, 12, 28, 50, 22, 10, 10, 12, 14, 12, 14, 30, 40}

type styles struct {
	title, heading, header, locked, fill, number, text int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9DB"}}
	thin := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	list := []struct {
		id *int
		st *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.heading, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: &excelize.Protection{Locked: true}}},
		{&s.locked, &excelize.Style{Fill: grey, Border: thin, Alignment: top, Protection: &excelize.Protection{Locked: true}, NumFmt: 49}},
		// Text format (49, "@"): a date or "March 2026" typed in stays as typed, not an Excel date.
		{&s.fill, &excelize.Style{Fill: yellow, Border: thin, Alignment: top, Protection: &excelize.Protection{Locked: false}, NumFmt: 49}},
		{&s.number, &excelize.Style{Fill: yellow, Border: thin, Alignment: top, Protection: &excelize.Protection{Locked: false}}},
		{&s.text, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
	}
	for _, x := range list {
		id, err := f.NewStyle(x.st)
		if err != nil {
			return s, err
		}
		*x.id = id
	}
	return s, nil
}

// WriteXLSX writes the return as a workbook. The same return gives the same bytes: the document is
// dated with the day of the return, and nothing else in it depends on the clock.
func WriteXLSX(w io.Writer, r *Return) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetInstructions); err != nil {
		return err
	}
	for _, l := range r.Leads {
		cells := make([][]string, len(l.Rows))
		for i, a := range l.Rows {
			cells[i] = a.Cells()
		}
		if err := dataSheet(f, st, l.Sheet, ActionHeader, ActionFillFrom, actionWidths, cells, actionValidations); err != nil {
			return err
		}
	}
	cells := make([][]string, len(r.Measures))
	for i, m := range r.Measures {
		cells[i] = m.Cells()
	}
	if err := dataSheet(f, st, SheetMeasures, MeasureHeader, MeasureFillFrom, measureWidths, cells, measureValidations); err != nil {
		return err
	}
	if err := instructions(f, st, r); err != nil {
		return err
	}
	if err := meta(f, r); err != nil {
		return err
	}
	// An empty Measures sheet is hidden, so that printing the workbook does not print it.
	if len(r.Measures) == 0 {
		if err := f.SetSheetVisible(SheetMeasures, false); err != nil {
			return err
		}
	}
	return render.WriteWorkbook(w, f, "Quarterly return: "+r.Quarter.Name(r.Plans), r.Today)
}

// cell and colName name cells ("B3") and columns ("B") as Excel does.
var cell, colName = render.CellName, render.ColumnName

// dataSheet writes one table: a frozen header, the rows with their current values locked, and the
// columns from fillFrom on open for the lead, with their checks.
func dataSheet(f *excelize.File, st styles, name string, header []string, fillFrom int, widths []float64,
	rows [][]string, validate func(f *excelize.File, sheet string, last int) error) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, h := range header {
		if err := f.SetCellStr(name, cell(i+1, 1), h); err != nil {
			return err
		}
		if err := f.SetColWidth(name, colName(i+1), colName(i+1), widths[i]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, "A1", cell(len(header), 1), st.header); err != nil {
		return err
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			// A cell holds 32,767 characters; a longer text (an action's) is cut with a mark
			// saying so, never silently by the library. The ID column is never that long.
			text, _ := render.FitCell(termsafe.Text(v))
			if err := f.SetCellStr(name, cell(c+1, r+2), text); err != nil {
				return err
			}
		}
	}
	last := len(rows) + 1
	if err := render.SetDimension(f, name, len(header), last); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.SetCellStyle(name, "A2", cell(fillFrom, last), st.locked); err != nil {
			return err
		}
		for c := fillFrom + 1; c <= len(header); c++ {
			fill := st.fill
			if header[c-1] == ColNewValue {
				fill = st.number
			}
			if err := f.SetCellStyle(name, cell(c, 2), cell(c, last), fill); err != nil {
				return err
			}
		}
		if err := validate(f, name, last); err != nil {
			return err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	// Printed, A4 landscape, the header row (and, when the columns run over several pages, the
	// id column) on every page, never below a legible scale.
	if err := render.SetPrintLayout(f, name, widths, true); err != nil {
		return err
	}
	// Spreadsheets keep the row heights a file gives; rows left at the default clip wrapped text.
	if err := f.SetRowHeight(name, 1, render.RowHeight(header, widths)); err != nil {
		return err
	}
	for r, row := range rows {
		if err := f.SetRowHeight(name, r+2, render.RowHeight(row, widths)); err != nil {
			return err
		}
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}

func column(header []string, name string) string {
	for i, h := range header {
		if h == name {
			return colName(i + 1)
		}
	}
	panic("returns: no column " + name)
}

func actionValidations(f *excelize.File, sheet string, last int) error {
	rng := func(col string) string { return fmt.Sprintf("%s2:%s%d", col, col, last) }
	lists := []struct {
		col, title string
		words      []string
	}{
		{ColNewStatus, "Status", StatusWords},
		{ColNewRAG, "RAG", RAGWords},
		{ColShare, "Share with young people", ShareWords},
	}
	for _, l := range lists {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(rng(column(ActionHeader, l.col)))
		if err := dv.SetDropList(l.words); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, l.title, "Choose one of: "+strings.Join(l.words, ", ")+"; or leave it blank to keep the current one.")
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(rng(column(ActionHeader, ColRevised)))
	dv.SetInput("Revised deadline", "Only if the deadline moves, written as the plan writes deadlines: Q1 2026, March 2026, 2026-03-31. Say why in the progress note.")
	return f.AddDataValidation(sheet, dv)
}

func measureValidations(f *excelize.File, sheet string, last int) error {
	rng := func(col string) string { return fmt.Sprintf("%s2:%s%d", col, col, last) }
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(rng(column(MeasureHeader, ColNewValue)))
	if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "New value", "Write the figure as a number, with no unit or % sign.")
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return err
	}
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(rng(column(MeasureHeader, ColValueDate)))
	dv.SetInput("Value date", "The date the figure is for, as YYYY-MM-DD: 2025-09-30.")
	return f.AddDataValidation(sheet, dv)
}

// instructions writes the first sheet: what the return is for, how to fill it in, and its sheets.
func instructions(f *excelize.File, st styles, r *Return) error {
	const sh = SheetInstructions
	widths := []float64{34, 60, 48}
	row := 1
	// put writes a row: one cell is a paragraph across the three columns, more are a table row.
	put := func(style int, cells ...string) error {
		for i, c := range cells {
			if c == "" {
				continue
			}
			if err := f.SetCellStr(sh, cell(i+1, row), termsafe.Text(c)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, cell(i+1, row), cell(i+1, row), style); err != nil {
				return err
			}
		}
		h := render.RowHeight(cells, widths)
		if len(cells) == 1 {
			if err := f.MergeCell(sh, cell(1, row), cell(len(widths), row)); err != nil {
				return err
			}
			h = render.RowHeight(cells, []float64{widths[0] + widths[1] + widths[2]})
		}
		if style == st.title {
			h = max(h, 20)
		}
		if err := f.SetRowHeight(sh, row, h); err != nil {
			return err
		}
		row++
		return nil
	}
	lines := []struct {
		style int
		cells []string
	}{
		{st.title, []string{"Quarterly return: " + r.Quarter.Describe(r.Plans)}},
		{st.text, []string{fmt.Sprintf("Made on %s from the plans below. Please fill it in and send it back.", render.Date(r.Today))}},
		{st.text, nil},
		{st.heading, []string{"How to fill it in"}},
		{st.text, []string{"Each lead has a sheet listing its open actions (not complete or dropped; sub-actions included), one row per action. An action with two leads is on both sheets: either may answer."}},
		{st.text, []string{"Fill in the yellow columns: " + strings.Join(ActionHeader[ActionFillFrom:], ", ") + ". Leave a column blank to keep what the plan says now."}},
		{st.text, []string{"Write a progress note for every action, even when nothing has changed: an action with no note this quarter is chased."}},
		{st.text, []string{"New status: " + strings.Join(StatusWords, ", ") + " (pick from the list)."}},
		{st.text, []string{"New RAG (risk to delivery): Green, no issues or risks; Amber, issues or risks identified; Red, significant issues, the deadline at risk or missed. Give the reason and what is being done in the progress note."}},
		{st.text, []string{"Revised deadline: only when the deadline moves, written as the plan writes deadlines (Q1 2026, March 2026, 2026-03-31); say why in the progress note."}},
		{st.text, []string{"Evidence: the title of a document, or a link."}},
		{st.text, []string{ColShare + ": Yes lets the young people's report show the progress note; leave it blank (or No) to keep the note for officers and the board. Never share a note that names or describes a child."}},
		{st.text, []string{"Measures: for each measure that expects a figure, write the " + ColNewValue + " (a number, no unit or % sign), its " + ColValueDate + " (YYYY-MM-DD), and its " + ColSource + "."}},
		{st.text, []string{"The grey columns are the plan as it stands, and are locked. Do not change the " + ColID + " column, rename or delete sheets, or add rows: the return is read back by " + ColID + "."}},
		{st.text, nil},
		{st.heading, []string{"Sheets"}},
		{st.heading, []string{"Sheet", "For", "Rows"}},
	}
	for _, l := range lines {
		if err := put(l.style, l.cells...); err != nil {
			return err
		}
	}
	for _, l := range r.Leads {
		if err := put(st.text, l.Sheet, l.Name, fmt.Sprint(len(l.Rows))); err != nil {
			return err
		}
	}
	if err := put(st.text, SheetMeasures, "Measures that expect a figure", fmt.Sprint(len(r.Measures))); err != nil {
		return err
	}
	row++
	if err := put(st.heading, "Plans"); err != nil {
		return err
	}
	if err := put(st.heading, "Plan", "Title", "This return's quarter"); err != nil {
		return err
	}
	for _, p := range r.Periods {
		span := fmt.Sprintf("%s, %s: %s – %s", p.Name, p.Convention, render.Date(p.Start), render.Date(p.End))
		if err := put(st.text, p.Plan.ID, p.Plan.Title+", "+p.Plan.Council, span); err != nil {
			return err
		}
	}
	for i, w := range widths {
		if err := f.SetColWidth(sh, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	return render.SetPrintLayout(f, sh, widths, false)
}

// meta writes the hidden sheet that records what the return was made from (see the layout above).
func meta(f *excelize.File, r *Return) error {
	if _, err := f.NewSheet(SheetMeta); err != nil {
		return err
	}
	var recs [][]string
	recs = append(recs, []string{"format", FormatVersion},
		[]string{"exported", r.Today.Format(isoDate)},
		[]string{"quarter", r.Quarter.Name(r.Plans)})
	for _, l := range r.LeadFilter {
		recs = append(recs, []string{"lead", l})
	}
	for _, p := range r.Periods {
		recs = append(recs, []string{"plan", p.Plan.ID, p.Plan.File, p.Convention.String(), p.Name,
			p.Start.Format(isoDate), p.End.Format(isoDate)})
	}
	for _, l := range r.Leads {
		recs = append(recs, []string{"sheet", l.Sheet, "actions", l.Team.Lead, l.Team.Council})
	}
	recs = append(recs, []string{"sheet", SheetMeasures, "measures"})
	for i, rec := range recs {
		for j, v := range rec {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(SheetMeta, cell(j+1, i+1), termsafe.Text(v)); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(SheetMeta, false)
}
