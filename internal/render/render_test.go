package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

func TestMarkdownCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a | pipe", `a \| pipe`},
		{"two\nlines", "two<br>lines"},
		{"line\u2028and paragraph\u2029separators\r\nand CRLF", "line<br>and paragraph<br>separators<br>and CRLF"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"*bold* and _em_ and `code`", "\\*bold\\* and \\_em\\_ and \\`code\\`"},
		{"[link](http://x)", `\[link\](http://x)`},
		{"R&D", "R&amp;D"},
	}
	for _, tt := range tests {
		if got := MarkdownCell(tt.in); got != tt.want {
			t.Errorf("MarkdownCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every row of a Markdown table has as many cells as its header, whatever the text holds.
func TestMarkdownTableShape(t *testing.T) {
	table := MarkdownTable([]string{"A", "B"}, [][]string{{"x | y", "z\nw"}, {"only one"}})
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
		if cells != 2 {
			t.Errorf("%q has %d cells", line, cells)
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+44": "'+44", "-x": "'-x", "@SUM": "'@SUM",
		"\tx": "'\tx", "2025-2028": "2025-2028", "": "", "Q3 2025": "Q3 2025"} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTableColourOnlyWhenAsked(t *testing.T) {
	d := Doc{Title: "t", Blocks: []Block{{Header: []string{"ID", "RAG"}, Rows: [][]string{{"a", "Red"}}, RAGColumn: 1}}}
	var plain, colour bytes.Buffer
	TablePrinter{Style: Style{Color: false}}.Print(&plain, d)
	TablePrinter{Style: Style{Color: true}}.Print(&colour, d)
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("escape codes without colour")
	}
	if !strings.Contains(colour.String(), "\x1b[") || !strings.Contains(colour.String(), "Red") {
		t.Errorf("colour output lacks colour or the word:\n%s", colour.String())
	}
}

// GitHub links @name, @org/team, #123, owner/repo#123 and GH-123 in comments; Unlinked breaks each
// with a word joiner (written here as ~) and leaves what GitHub does not link as written.
func TestUnlinked(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@alice", "@~alice"},
		{"ask @alice.", "ask @~alice."},
		{"(@org/team)", "(@~org/team)"},
		{"é@bob", "é@~bob"},
		{"#123", "#~123"},
		{"see owner/repo#9", "see owner/repo#~9"},
		{"GH-45 and gh-7", "GH-~45 and gh-~7"},
		{"alice@example.org", "alice@example.org"},
		{"a_@bob", "a_@bob"},
		{"@ alone, @-dash, #tag, # 1, UGH-5, GH-x", "@ alone, @-dash, #tag, # 1, UGH-5, GH-x"},
		{"", ""},
		{"@", "@"},
	}
	for _, tt := range tests {
		want := strings.ReplaceAll(tt.want, "~", "\u2060")
		if got := Unlinked(tt.in); got != want {
			t.Errorf("Unlinked(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

// CSV for a terminal shows what a terminal would act on as escapes; CSV for a file or a pipe is
// the data exactly. Either way a formula is defused and the CSV reads back as its cells.
func TestWriteCSVTerminal(t *testing.T) {
	header := []string{"lead", "text"}
	rows := [][]string{{"Team\x1b]0;pwned\a", "=1+1 \u202eevil\u009b2J\r\nnext\u2028line"}}
	var file, term bytes.Buffer
	if err := WriteCSV(&file, header, rows, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&term, header, rows, CSVOptions{Terminal: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(file.String(), "Team\x1b]0;pwned\a,") || !strings.Contains(file.String(), "'=1+1 \u202eevil\u009b2J\r\nnext\u2028line") {
		t.Errorf("CSV for a file changed the data:\n%q", file.String())
	}
	if found := termsafe.Found(strings.ReplaceAll(term.String(), "\r\n", "\n")); found != nil {
		t.Errorf("CSV for a terminal holds %v raw:\n%q", found, term.String())
	}
	want := "lead,text\r\n" + `Team\x1b]0;pwned\a,"'=1+1 \u202eevil\u009b2J` + "\r\nnext\r\nline\"\r\n"
	if term.String() != want {
		t.Errorf("CSV for a terminal:\n%q\nwant\n%q", term.String(), want)
	}
}

// --bom: a CSV file gets the mark unless told otherwise, standard output does not, and the mark
// asked for with another format is bad usage (exit 2).
func TestWantBOM(t *testing.T) {
	for _, tc := range []struct {
		bom, given, toFile bool
		format             string
		want               bool
		refused            string
	}{
		{false, false, true, "csv", true, ""},
		{false, false, false, "csv", false, ""},
		{false, false, true, "json", false, ""},
		{false, true, true, "csv", false, ""},
		{true, true, false, "csv", true, ""},
		{true, true, true, "xlsx", false, "--bom is for CSV: a byte-order mark would corrupt xlsx output"},
	} {
		got, err := WantBOM(tc.bom, tc.given, tc.toFile, tc.format)
		var ee *exitcode.Error
		refused := ""
		if errors.As(err, &ee) && ee.Code == exitcode.Usage && ee.Hint == "give --format csv with --bom" {
			refused = ee.Msg
		} else if err != nil {
			refused = "not a usage error: " + err.Error()
		}
		if got != tc.want || refused != tc.refused {
			t.Errorf("%+v: %v, %q", tc, got, refused)
		}
	}
}

func TestWorkbookToTerminal(t *testing.T) {
	err := WorkbookToTerminal("returns.xlsx")
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Usage || ee.Msg != "will not write a workbook to a terminal" ||
		ee.Hint != "write it to a file with -o returns.xlsx, or send standard output to a file" {
		t.Errorf("got %#v", err)
	}
}
