package returns

import (
	"bytes"

	"github.com/cpp-plans/cpp/internal/words"
)

// Export is one of the documents a return is written as.
type Export int

const (
	// Workbook is the xlsx workbook: a sheet for each lead, and the Measures sheet.
	Workbook Export = iota
	// ActionsCSV is the actions of every lead as CSV (WriteCSV).
	ActionsCSV
	// MeasuresCSV is the measures that expect a figure as CSV (WriteMeasuresCSV).
	MeasuresCSV
)

// Bytes is the return written as the document.
func (r *Return) Bytes(e Export) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch e {
	case Workbook:
		err = WriteXLSX(&buf, r)
	case MeasuresCSV:
		err = WriteMeasuresCSV(&buf, r)
	default:
		err = WriteCSV(&buf, r)
	}
	return buf.Bytes(), err
}

// Holds says what the document of the return holds, in counts: "3 leads, 12 action rows, 2
// measures".
func (r *Return) Holds(e Export) string {
	leads := words.Count(len(r.Leads), "lead", "leads")
	actions := words.Count(r.ActionCount(), "action row", "action rows")
	measures := words.Count(len(r.Measures), "measure", "measures")
	switch e {
	case MeasuresCSV:
		return measures
	case ActionsCSV:
		return leads + ", " + actions
	}
	return leads + ", " + actions + ", " + measures
}

// Nothing says the document would hold nothing: no open actions or measures that expect a figure
// (the measures for MeasuresCSV). "" when it holds something.
func (r *Return) Nothing(e Export) string {
	switch {
	case e == MeasuresCSV && len(r.Measures) == 0:
		return "no measures that expect a figure"
	case e != MeasuresCSV && r.Empty():
		return "no open actions or measures that expect a figure"
	}
	return ""
}
