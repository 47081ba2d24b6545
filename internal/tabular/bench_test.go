package tabular

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// planWorkbook is a council's action table of rows rows: ten columns, a heading row merged across
// every 50 rows, an action merged down over its milestones, a RAG fill on every fifth row, and a
// date column.
func planWorkbook(b testing.TB, rows int) []byte {
	return workbook(b, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		must(b, err)
		date := numFmtStyle(b, f, 14, "")
		amber := fillStyle(b, f, "FFC000")
		header := []any{"Ref", "Action", "Milestone", "Lead", "Partners", "Deadline", "Status", "RAG", "Outcome", "Notes"}
		must(b, sw.SetRow("A1", header))
		for r := 2; r <= rows; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if r%50 == 2 {
				must(b, sw.SetRow(cell, []any{fmt.Sprintf("Priority %d: keeping children safe and well", r/50+1)}))
				must(b, sw.MergeCell(cell, fmt.Sprintf("J%d", r)))
				continue
			}
			rag := excelize.Cell{}
			if r%5 == 0 {
				rag = excelize.Cell{StyleID: amber}
			}
			must(b, sw.SetRow(cell, []any{
				fmt.Sprintf("%d.%d", r/50+1, r%50), fmt.Sprintf("Action %d: improve the health assessments of children in care", r),
				"Milestone " + fmt.Sprint(r), "Virtual School", "ICB; Health", excelize.Cell{StyleID: date, Value: 45930 + r},
				"In progress", rag, "More children have their health assessment on time", "",
			}))
			if r%50 == 3 {
				must(b, sw.MergeCell(fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r+3)))
			}
		}
		must(b, sw.Flush())
	})
}

// BenchmarkReadXLSX1000 reads a 1,000-row action table: `cpp import` must take under 2 s for one,
// and reading is a small part of that.
func BenchmarkReadXLSX1000(b *testing.B) {
	data := planWorkbook(b, 1000)
	benchRead(b, "plan.xlsx", data, 1000, 40)
}

func benchRead(b *testing.B, name string, data []byte, rows, merges int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		tables, err := ReadBytes(name, data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(tables[0].Rows) != rows || len(tables[0].Merges) != merges {
			b.Fatalf("%d rows, %d merges; want %d, %d", len(tables[0].Rows), len(tables[0].Merges), rows, merges)
		}
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkReadDOCX1000 reads a document whose table has 1,000 rows of ten columns, a heading row
// spanning the table every 50 rows and an action merged down over three milestones.
func BenchmarkReadDOCX1000(b *testing.B) {
	var rows []string
	for r := 1; r <= 1000; r++ {
		switch {
		case r%50 == 1:
			rows = append(rows, tr(tc(`<w:gridSpan w:val="10"/><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>`, run(fmt.Sprintf("Priority %d: keeping children safe and well", r/50+1)))))
			continue
		}
		merge := ""
		switch r % 50 {
		case 2:
			merge = `<w:vMerge w:val="restart"/>`
		case 3, 4:
			merge = `<w:vMerge/>`
		}
		cells := []string{tc("", run(fmt.Sprintf("%d.%d", r/50+1, r%50))),
			tc(merge, run(fmt.Sprintf("Action %d: improve the health assessments", r)), run("of children in care"))}
		for _, text := range []string{"Milestone", "Virtual School", "ICB; Health", "30 September 2025", "In progress", "", "More children have their health assessment on time", "Notes"} {
			cells = append(cells, tc("", run(text)))
		}
		rows = append(rows, tr(cells...))
	}
	benchRead(b, "plan.docx", docxOf(b, tbl(10, rows...)), 1000, 40)
}
