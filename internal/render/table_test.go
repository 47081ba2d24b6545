package render

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// randomDoc is an action listing of random text: ordinary words, long words and URLs, wide
// characters, newlines, and cells left empty.
func randomDoc(r *rand.Rand) Doc {
	words := []string{"a", "to", "the", "care", "leavers", "children's", "—", "Integrated", "子ども", "co-production,",
		"https://example.org/" + strings.Repeat("very-long-path/", 20), strings.Repeat("Supercalifragilistic", 5), "\n"}
	text := func(n int) string {
		var b strings.Builder
		for n = r.Intn(n + 1); n > 0; n-- {
			b.WriteString(words[r.Intn(len(words))] + " ")
		}
		return b.String()
	}
	var d Doc
	for range 1 + r.Intn(3) {
		blk := ActionBlock(text(12), nil, ActionColumnsFor{Late: r.Intn(2) == 0})
		for range 1 + r.Intn(6) {
			row := []string{"plan.p" + strings.Repeat("1", r.Intn(30)), text(80), text(6), "30 Sep 2025", text(8), "not started", "Amber"}
			if len(blk.Header) > len(row) {
				row = append(row, "245")
			}
			blk.Rows = append(blk.Rows, row)
		}
		blk.Notes = []string{text(30)}
		d.Blocks = append(d.Blocks, blk)
	}
	d.Title = text(20)
	return d
}

// No line of a fitted table, title or note is wider than the terminal, whatever the text.
func TestTableFitsWidth(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a property test over 300 random tables")
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		d := randomDoc(r)
		width := 60 + r.Intn(141)
		var out bytes.Buffer
		if err := (TablePrinter{Style: Style{Width: width}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if w := lipgloss.Width(line); w > width {
				t.Fatalf("a line of %d cells at width %d:\n%s\n\nin:\n%s", w, width, line, out.String())
			}
		}
	}
}

// Not fitted (--wide, or not a terminal), every cell's lines are there whole, and nothing is
// left out or cut.
func TestTableWideKeepsCellsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a property test over 100 random tables")
	}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 100; i++ {
		d := randomDoc(r)
		var out bytes.Buffer
		if err := (TablePrinter{Style: Style{Width: 0}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if strings.Contains(got, "…") || strings.Contains(got, "Left out") {
			t.Fatalf("cut or left out when not fitted:\n%s", got)
		}
		for _, blk := range d.Blocks {
			for _, row := range blk.Rows {
				for _, cell := range row {
					for _, line := range strings.Split(cell, "\n") {
						if !strings.Contains(got, "│ "+line) {
							t.Fatalf("cell line %q not whole in:\n%s", line, got)
						}
					}
				}
			}
		}
	}
}

func TestFitCell(t *testing.T) {
	tests := []struct {
		in       string
		width    int
		maxLines int
		want     []string
	}{
		{"one two three four five six", 9, 0, []string{"one two", "three", "four five", "six"}},
		{"one two three four five six", 9, 2, []string{"one two", "three…"}},
		{"one two three four five six", 9, 4, []string{"one two", "three", "four five", "six"}},
		{"abcdefghij klm", 5, 2, []string{"abcde", "fghi…"}},
		{"first\nsecond\nthird", 10, 2, []string{"first", "second…"}},
	}
	for _, tt := range tests {
		got := fitCell(tt.in, tt.width, tt.maxLines)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("fitCell(%q, %d, %d) = %q, want %q", tt.in, tt.width, tt.maxLines, got, tt.want)
		}
	}
}

// Columns are left out in the block's order, only as many as the width needs, the same in every
// table of a listing, and named once at the end.
func TestTableLeavesOutColumnsInOrder(t *testing.T) {
	blk := func(text string) Block {
		b := ActionBlock("", nil, ActionColumnsFor{})
		b.Rows = [][]string{{"camden-cp.p1.1", text, "every two months", "30 Sep 2025", "Corporate Parenting, Virtual School", "not started", "Amber"}}
		return b
	}
	long := strings.Repeat("Recruit more foster carers. ", 10)
	for _, tt := range []struct {
		width int
		left  string
	}{
		{200, ""},
		{120, "Deadline"},
		{90, "Deadline, Leads"},
		{60, "Deadline, Leads, Status"},
	} {
		var out bytes.Buffer
		d := Doc{Blocks: []Block{blk("Short."), blk(long)}}
		if err := (TablePrinter{Style: Style{Width: tt.width}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		note := "Left out to fit"
		if tt.left == "" {
			if strings.Contains(got, note) {
				t.Errorf("width %d left out columns:\n%s", tt.width, got)
			}
			continue
		}
		if !strings.Contains(got, note+" ") || !strings.Contains(strings.ReplaceAll(got, "\n", " "), ": "+tt.left+" (--wide") {
			t.Errorf("width %d: want %s left out, got:\n%s", tt.width, tt.left, got)
		}
		if strings.Count(got, note) != 1 {
			t.Errorf("width %d: the note is not once:\n%s", tt.width, got)
		}
		// Both tables, the short one too, go without the same columns.
		first := strings.SplitN(tt.left, ",", 2)[0]
		if strings.Contains(strings.Split(got, note)[0], "│ "+first) {
			t.Errorf("width %d: a table still shows %s:\n%s", tt.width, first, got)
		}
	}
}

// chaseBlock is a due listing's table of n rows, every one "Not rated" and not started, with a
// different lead on each.
func chaseBlock(heading string, n int, late bool) Block {
	blk := ActionBlock(heading, nil, ActionColumnsFor{Chase: true, Late: late})
	for i := range n {
		row := []string{fmt.Sprintf("plan.p%d", i), strings.Repeat("Improve the offer to care leavers ", 1+i%3),
			fmt.Sprintf("%d September 2025", 20+i), fmt.Sprintf("%d Sep 2025", 20+i), fmt.Sprintf("Team %c", 'A'+i),
			"not started", "Not rated"}
		if late {
			row = append(row, fmt.Sprint(10+i))
		}
		blk.Rows = append(blk.Rows, row)
	}
	return blk
}

// On a narrow terminal a chasing listing first leaves out what says the same on every row, naming
// what it says, and keeps whom to chase to the last.
func TestChaseListingKeepsLeads(t *testing.T) {
	for _, late := range []bool{false, true} {
		var out bytes.Buffer
		d := Doc{Blocks: []Block{chaseBlock("", 4, late)}}
		if err := (TablePrinter{Style: Style{Width: 72}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(out.String(), "\n", " ")
		if !strings.Contains(got, "Team A") {
			t.Errorf("late=%v: the leads were left out before the columns that say the same on every row:\n%s", late, got)
		}
		if !strings.Contains(got, "Status (not started on every row)") || !strings.Contains(got, "RAG (Not rated on every row)") {
			t.Errorf("late=%v: the note does not name what the same-valued columns said:\n%s", late, got)
		}
		// Narrower, the leads go too, but last.
		out.Reset()
		if err := (TablePrinter{Style: Style{Width: 40}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		note := out.String()[strings.Index(out.String(), "Left out"):]
		if !strings.HasSuffix(strings.TrimSpace(strings.ReplaceAll(note, "\n", " ")), "Leads (--wide shows every column).") {
			t.Errorf("late=%v: the leads were not the last to go:\n%s", late, out.String())
		}
	}
}

// A listing's tables of one kind (plan after plan) have the same columns at the same widths, however
// different their rows.
func TestListingTablesShareWidths(t *testing.T) {
	short := chaseBlock("short plan", 1, false)
	short.Rows[0][1] = "Do it."
	short.Rows[0][4] = "A"
	d := Doc{Blocks: []Block{short, chaseBlock("long plan", 5, false)}}
	for _, width := range []int{0, 80, 140} {
		var out bytes.Buffer
		if err := (TablePrinter{Style: Style{Width: width}}).Print(&out, d); err != nil {
			t.Fatal(err)
		}
		var tops []string
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "┌") {
				tops = append(tops, line)
			}
		}
		if len(tops) != 2 || tops[0] != tops[1] {
			t.Errorf("width %d: the tables are drawn at different widths:\n%s", width, out.String())
		}
	}
}

// Any column but the row's id and the main text may go first for saying the same on every row,
// whether or not it is in Drop; the id and the main text never go, however alike.
func TestDropSameAnyColumn(t *testing.T) {
	blk := Block{Header: []string{"ID", "Action", "Due", "Latest note"}, Wide: []int{1}, Drop: []int{2},
		DropSame: true, RAGColumn: -1, Rows: [][]string{
			{"a.1", "Same text", "31 Oct 2025", "none"},
			{"a.1", "Same text", "30 Nov 2025", "none"},
		}}
	order, same := sameFirst(blk)
	if fmt.Sprint(order) != "[3 2]" {
		t.Errorf("drop order %v, want [3 2]: the constant Latest note first, then Drop", order)
	}
	if len(same) != 1 || same[3] != "none" {
		t.Errorf("same = %v, want only column 3 (none)", same)
	}
}
