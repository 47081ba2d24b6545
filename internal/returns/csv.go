package returns

import (
	"io"

	"github.com/cpp-plans/cpp/internal/render"
)

// WriteCSV writes the actions of the return as CSV, with the columns of a lead's sheet; an action
// with two leads has a row for each, told apart by the Lead column. A cell that a spreadsheet
// would run as a formula is prefixed with ' (render.WriteCSV), and o says whether the CSV is
// shown on a terminal.
func WriteCSV(w io.Writer, r *Return, o render.CSVOptions) error {
	var rows [][]string
	for _, l := range r.Leads {
		for _, a := range l.Rows {
			rows = append(rows, a.Cells())
		}
	}
	return render.WriteCSV(w, ActionHeader, rows, o)
}

// WriteMeasuresCSV writes the measures that expect a figure, with the columns of the Measures
// sheet.
func WriteMeasuresCSV(w io.Writer, r *Return, o render.CSVOptions) error {
	rows := make([][]string, len(r.Measures))
	for i, m := range r.Measures {
		rows[i] = m.Cells()
	}
	return render.WriteCSV(w, MeasureHeader, rows, o)
}
