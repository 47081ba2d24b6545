package render

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/olekukonko/tablewriter/pkg/twwarp"
	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/cpp-plans/cpp/internal/planfile"
)

// wrapCell lays out text as tablewriter's own wrapping did, so that tables of ordinary plans read
// as they always have: every text of the bundled plans, and random ones, at many widths.
func TestWrapCellAsTablewriter(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: compares every text of the bundled plans and 600 random ones at every width")
	}
	var texts []string
	paths, _ := filepath.Glob("../../plans/*.yaml")
	for _, p := range paths {
		f := planfile.Load(p, planfile.Options{})
		if f.Plan == nil {
			continue
		}
		texts = append(texts, f.Plan.Title)
		for _, s := range f.Plan.Sections {
			texts = append(texts, s.Title, s.Promise)
			for _, a := range s.Actions {
				texts = append(texts, a.Label())
				for _, u := range a.Updates {
					texts = append(texts, u.Note)
				}
			}
		}
	}
	if len(texts) < 200 {
		t.Fatalf("only %d texts from the bundled plans", len(texts))
	}
	r := rand.New(rand.NewSource(1))
	words := []string{"a", "to", "the", "care", "leavers", "children's", "—", "Integrated", "子ども", "  ", "co-production,", "x"}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteString(" ")
		}
		texts = append(texts, b.String(), "  "+b.String())
	}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			// A table's wrapped column is never narrower than its widest word (fitWidths), and
			// differences in trailing spaces do not show; an indent is where wrapCell differs. So
			// does a line that ends in a character of more than one byte: tablewriter cuts it in
			// two and measures the word without its last character.
			line = strings.TrimLeft(line, " ")
			if trimmed := strings.TrimRight(line, " "); trimmed != "" && trimmed[len(trimmed)-1] >= 0x80 {
				continue
			}
			longest := 0
			for _, w := range strings.Fields(line) {
				longest = max(longest, twwidth.Width(w))
			}
			for width := max(longest, 3); width <= 60; width++ {
				old, _ := twwarp.WrapStringWithSpaces(line, width)
				for i := range old {
					old[i] = strings.TrimRight(old[i], " ")
				}
				if got, want := wrapCell(line, width), strings.Join(old, "\n"); got != want {
					t.Fatalf("wrapCell(%q, %d) =\n%s\nwant\n%s", line, width, got, want)
				}
			}
		}
	}
}

func TestWrapCell(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"", 10, ""},
		{"fits", 10, "fits"},
		{"one two three four", 9, "one two\nthree\nfour"},
		{"kept\n\nparagraphs", 20, "kept\n\nparagraphs"},
		{"a word-longer-than-the-column is broken", 10, "a\nword-longe\nr-than-the\n-column is\nbroken"},
		{"last-word-too-long", 5, "last-\nword-\ntoo-l\nong"},
		{"see https://example.org/a/b/c.", 12, "see\nhttps://exam\nple.org/a/b/\nc."},
		{"子ども子ども", 5, "子ど\nも子\nども"},
		{"  indented text wraps under its indent", 16, "  indented text\n  wraps under\n  its indent"},
		{"trailing spaces   ", 20, "trailing spaces"},
		{"      ", 3, ""},
	}
	for _, tt := range tests {
		if got := wrapCell(tt.in, tt.width); got != tt.want {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, line := range strings.Split(wrapCell(tt.in, tt.width), "\n") {
			if w := twwidth.Width(line); w > tt.width {
				t.Errorf("wrapCell(%q, %d) has a line of %d columns: %q", tt.in, tt.width, w, line)
			}
		}
	}
}

// A table with one action of 1 MB of text prints in well under a second (tablewriter's own
// wrapping took half a minute); the bound here leaves room for a slow, shared machine.
func TestTableHugeCell(t *testing.T) {
	if testing.Short() {
		t.Skip("prints 1 MB of text")
	}
	words := strings.Fields("children in care and care leavers will have a say in the services they receive")
	var text strings.Builder
	for i := 0; text.Len() < 1<<20; i++ {
		text.WriteString(words[i%len(words)] + " ")
	}
	d := Doc{Blocks: []Block{{Header: []string{"ID", "Action", "Deadline"}, Wide: []int{1}, RAGColumn: -1,
		Rows: [][]string{{"huge.p1.1", text.String(), "Q3 2025"}}}}}
	start := time.Now()
	var out strings.Builder
	if err := (TablePrinter{Style: Style{Width: 120}}).Print(&out, d); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("printing 1 MB took %v", took)
	}
	if lines := strings.Count(out.String(), "\n"); lines < 1<<20/120 {
		t.Errorf("only %d lines: the text was not wrapped", lines)
	}
}
