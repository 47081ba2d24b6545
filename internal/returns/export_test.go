package returns

import (
	"bytes"
	"testing"
)

// Each document of a return says what it holds, and is the bytes its writer writes.
func TestExport(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	for _, tt := range []struct {
		e     Export
		write func(*bytes.Buffer) error
	}{
		{Workbook, func(b *bytes.Buffer) error { return WriteXLSX(b, r) }},
		{ActionsCSV, func(b *bytes.Buffer) error { return WriteCSV(b, r) }},
		{MeasuresCSV, func(b *bytes.Buffer) error { return WriteMeasuresCSV(b, r) }},
	} {
		got, err := r.Bytes(tt.e)
		var want bytes.Buffer
		if err != nil || tt.write(&want) != nil || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("export %d: %d bytes, %v; want %d bytes", tt.e, len(got), err, want.Len())
		}
		if r.Nothing(tt.e) != "" {
			t.Errorf("export %d: nothing: %q", tt.e, r.Nothing(tt.e))
		}
	}
	if got := r.Holds(MeasuresCSV); got != "2 measures" {
		t.Errorf("measures: %q", got)
	}
	if got, want := r.Holds(Workbook), r.Holds(ActionsCSV)+", 2 measures"; got != want {
		t.Errorf("workbook: %q, want %q", got, want)
	}
	empty := build(t, "Q3-2025", []string{"No Such Team"}, north)
	if empty.Nothing(ActionsCSV) != "no open actions or measures that expect a figure" || empty.Nothing(MeasuresCSV) != "no measures that expect a figure" {
		t.Errorf("empty: %q, %q", empty.Nothing(ActionsCSV), empty.Nothing(MeasuresCSV))
	}
}
