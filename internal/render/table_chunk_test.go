package render

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A large table is drawn in parts on the machine's cores; put together they must be the table
// drawn whole, byte for byte, fitted or not, coloured or not.
func TestChunkedTableIsTheWholeTable(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: tables are never drawn in parts")
	}
	rows := make([][]string, 0, 257)
	for i := range cap(rows) {
		text := strings.Repeat(fmt.Sprintf("word%d ", i), i%13) + "end"
		if i%7 == 0 {
			text += "\nsecond line of the cell"
		}
		rows = append(rows, []string{fmt.Sprintf("p.%d", i), text, []string{"Red", "Amber", "Green", ""}[i%4], "2025-09-30"})
	}
	doc := Doc{Title: "A long listing", Blocks: []Block{{Heading: "Plan", Header: []string{"ID", "Action", "RAG", "Due"},
		Rows: rows, Wide: []int{1}, Drop: []int{3}, MaxLines: 3, RAGColumn: 2}}}
	for _, st := range []Style{{}, {Width: 60}, {Width: 120, Color: true}} {
		t.Run(fmt.Sprintf("width %d colour %v", st.Width, st.Color), func(t *testing.T) {
			whole := draw(t, doc, st)
			defer func(n int) { chunkRows = n }(chunkRows)
			for _, n := range []int{10, 64, 128} {
				chunkRows = n
				if got := draw(t, doc, st); got != whole {
					t.Errorf("drawn in parts of %d rows, the table differs from the whole:\n%s\nwant:\n%s", n, got, whole)
				}
			}
		})
	}
}

func draw(t *testing.T, doc Doc, st Style) string {
	t.Helper()
	var b strings.Builder
	if err := (TablePrinter{Style: st}).Print(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestChunks(t *testing.T) {
	defer func(n int) { chunkRows = n }(chunkRows)
	chunkRows = 10
	procs := runtime.GOMAXPROCS(0)
	for _, rows := range []int{0, 5, 19, 20, 21, 1000} {
		parts := chunks(rows)
		if want := max(1, min(procs, rows/10)); len(parts) != want {
			t.Errorf("%d rows: %d parts, want %d", rows, len(parts), want)
		}
		next := 0
		for _, p := range parts {
			if p[0] != next || p[1] < p[0] {
				t.Errorf("%d rows: parts %v do not follow on", rows, parts)
			}
			next = p[1]
		}
		if next != rows {
			t.Errorf("%d rows: parts %v end at %d", rows, parts, next)
		}
	}
}
