package importer

import (
	"fmt"
	"testing"

	"github.com/cpp-plans/cpp/internal/tabular"
)

// BenchmarkImport1000 times the mapping and writing of a 1,000-row action table (the readers are
// timed in internal/tabular): ten priorities, each of 100 rows, every fourth an action merged
// over three milestone rows, with leads, RAG words and fills, statuses and progress notes.
func BenchmarkImport1000(b *testing.B) {
	cells := func(s ...string) []tabular.Cell {
		out := make([]tabular.Cell, len(s))
		for i, t := range s {
			out[i].Text = t
		}
		return out
	}
	t := tabular.Table{Name: "Actions"}
	t.Rows = append(t.Rows, tabular.Row{Line: 1, Cells: cells("Ref", "Action", "Milestones", "Timescale", "Lead officer(s)", "RAG", "Status", "Progress update March 2026", "Notes")})
	deadlines := []string{"Q3 2025", "September 2025", "2026-03-31", "Ongoing", "Reviewed annually", "Oct 25", "TBC"}
	rag := []string{"Amber", "G", "", "Red"}
	for p := 1; p <= 10; p++ {
		t.Rows = append(t.Rows, tabular.Row{Line: len(t.Rows) + 1, Cells: cells(fmt.Sprintf("Priority %d: things that matter", p), "", "", "", "", "", "", "", "")})
		for n := 1; len(t.Rows) < p*101; n++ {
			i := len(t.Rows)
			row := tabular.Row{Line: i + 1, Cells: cells(fmt.Sprintf("%d.%d", p, n),
				fmt.Sprintf("Action %d of priority %d: work with partners to improve outcomes for children in care", n, p),
				"", deadlines[i%len(deadlines)], "Virtual School / Corporate Parenting; Health", rag[i%len(rag)], "In progress",
				"Progress was made this quarter and the board was told.", "")}
			if i%4 == 0 {
				row.Cells[2].Text = "First milestone"
				t.Merges = append(t.Merges, tabular.Merge{Row: i, Col: 1, Height: 3, Width: 1})
				t.Rows = append(t.Rows, row)
				for k := 1; k < 3; k++ {
					t.Rows = append(t.Rows, tabular.Row{Line: i + k + 1, Cells: cells("", "", "Next milestone", "Q1 2026", "Jane Smith", "", "Not started", "", "a note")})
				}
				continue
			}
			if rag[i%len(rag)] == "" {
				row.Cells[5].Fill = "FFC000"
			}
			t.Rows = append(t.Rows, row)
		}
	}
	o := opts()
	b.ResetTimer()
	for b.Loop() {
		res, err := Import([]tabular.Table{t}, o)
		if err != nil || res.Actions < 500 {
			b.Fatalf("%v, %+v", err, res)
		}
	}
}
