// Package render prints listings in each output format: a terminal table (a light box fitted
// to the terminal, styled with lipgloss only when colour is on), GitHub-flavoured Markdown, CSV (RFC 4180, safe to open in
// Excel) and JSON. One printer per format; commands build a Doc for people and records for
// machines, and never format output themselves.
package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// Doc is what a listing shows people: blocks of tables, each with an optional heading and notes.
type Doc struct {
	Title  string
	Blocks []Block
	// Sheet names the listing's sheet in a workbook; AsOf is the day the listing is as of, which
	// dates the workbook, so that the same day gives the same bytes.
	Sheet string
	AsOf  time.Time
	// Subject is what the listing is, without its count ("Due in Q3 2025, calendar: …"): the
	// name of a calendar made from it, which holds only the dated actions.
	Subject string
}

// Block is one table.
type Block struct {
	Heading string
	Header  []string
	Rows    [][]string
	// Wide marks columns of long text, which take the spare width and wrap.
	Wide []int
	// Drop lists the columns a table may go without on a narrow terminal, the first left out
	// first; the printer names those it left out. Columns not listed are always shown.
	Drop []int
	// TextMin is what the first Wide column, the block's main text, is given before the columns
	// in Drop are shown; 0 gives it what the other Wide columns get.
	TextMin int
	// DropSame leaves out first, on a narrow terminal, a column that says the same on every row
	// of the listing ("Not rated"), naming it and its value in the note: for listings whose
	// purpose is chasing, where what differs from row to row is what a reader acts on. Any
	// column may go so but the first (the row's id) and the main text (the first Wide column).
	DropSame bool
	// MaxLines cuts a cell after so many lines on a terminal, ending it with "…", for
	// listings (show gives the whole text); 0 never cuts.
	MaxLines int
	// RAGColumn is the column holding RAG words, coloured on a terminal; -1 for none.
	RAGColumn int
	// Empty is shown instead of the table when there are no rows.
	Empty string
	Notes []string
}

// Style is how the terminal printer may decorate: decided once, by the command layer.
type Style struct {
	Color bool
	// Width is the terminal's width in cells, which every line of a table, title and note fits;
	// 0 fits nothing (--wide, or not a terminal): every column, every cell whole.
	Width int
}

// Printer writes a Doc in one format.
type Printer interface {
	Print(w io.Writer, d Doc) error
}

// TablePrinter draws tables for a terminal (or a pager, plain).
type TablePrinter struct{ Style Style }

// MarkdownPrinter writes GitHub-flavoured Markdown.
type MarkdownPrinter struct{}

func (p TablePrinter) Print(w io.Writer, d Doc) error {
	lg := lipgloss.NewRenderer(w)
	if p.Style.Color {
		lg.SetColorProfile(termenv.ANSI256)
	} else {
		lg.SetColorProfile(termenv.Ascii)
	}
	bold := lg.NewStyle().Bold(true)
	width := p.Style.Width
	var rag func(string) string
	if p.Style.Color {
		// Three words, styled once each rather than once a row.
		styled := map[string]string{}
		rag = func(word string) string {
			s, ok := styled[word]
			if !ok {
				s = ragStyle(lg, word).Render(word)
				styled[word] = s
			}
			return s
		}
	}
	var b strings.Builder
	text := func(s string, st *lipgloss.Style) {
		for _, line := range fitText(s, width) {
			if st != nil {
				line = st.Render(line)
			}
			b.WriteString(line + "\n")
		}
	}
	if d.Title != "" {
		text(termsafe.Line(d.Title), &bold)
	}
	// Tables of one kind (a plan's actions, plan after plan) are laid out as one: the same
	// columns left out and the same widths, measured on all their rows.
	visible, fits := fitShapes(d.Blocks, width)
	var left []string
	for i, blk := range d.Blocks {
		if i > 0 || d.Title != "" {
			b.WriteString("\n")
		}
		if blk.Heading != "" {
			text(termsafe.Line(blk.Heading), &bold)
		}
		if len(blk.Rows) == 0 {
			if blk.Empty != "" {
				text(termsafe.Text(blk.Empty), nil)
			}
		} else {
			f := fits[shapeOf(blk)]
			drawTable(&b, visible[i], f.shown, f.widths, width > 0, rag)
			for _, h := range f.left {
				if !slices.Contains(left, h) {
					left = append(left, h)
				}
			}
		}
		for _, n := range blk.Notes {
			text(termsafe.Text(n), nil)
		}
		// A table at a time, so that a national listing is never held whole as text.
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	if len(left) > 0 {
		b.WriteString("\n")
		text(fmt.Sprintf("Left out to fit %d columns: %s (--wide shows every column).",
			width, strings.Join(left, ", ")), nil)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fitText is text as lines of the width, wrapped at spaces and long words broken; with width 0,
// as it is.
func fitText(s string, width int) []string {
	if width <= 0 {
		return strings.Split(s, "\n")
	}
	return strings.Split(wrapCell(s, width), "\n")
}

// ragStyles colour RAG words; the word is always there, so colour is never the only signal.
func ragStyle(lg *lipgloss.Renderer, word string) lipgloss.Style {
	switch strings.ToLower(word) {
	case "red":
		return lg.NewStyle().Foreground(lipgloss.Color("9")).Bold(true)
	case "amber":
		return lg.NewStyle().Foreground(lipgloss.Color("214")).Bold(true)
	case "green":
		return lg.NewStyle().Foreground(lipgloss.Color("10"))
	}
	return lg.NewStyle()
}

// visibleBlock is a copy of blk whose cells hold nothing a terminal would act on, so that widths
// are measured on what will be shown. A newline in a cell is layout; a tab is a space.
func visibleBlock(blk Block) Block {
	cell := func(c string) string { return strings.ReplaceAll(termsafe.Text(c), "\t", " ") }
	out := blk
	out.Header = make([]string, len(blk.Header))
	for i, h := range blk.Header {
		out.Header[i] = cell(h)
	}
	out.Rows = make([][]string, len(blk.Rows))
	for i, row := range blk.Rows {
		r := make([]string, len(row))
		for j, c := range row {
			r[j] = cell(c)
		}
		out.Rows[i] = r
	}
	return out
}

// Print writes the doc as GitHub-flavoured Markdown: a heading per block and a pipe table whose
// cells cannot break the table (pipes escaped, newlines as <br>, HTML and emphasis neutralised).
func (MarkdownPrinter) Print(w io.Writer, d Doc) error {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "## %s\n\n", MarkdownLine(d.Title))
	}
	for _, blk := range d.Blocks {
		if blk.Heading != "" {
			fmt.Fprintf(&b, "### %s\n\n", MarkdownLine(blk.Heading))
		}
		if len(blk.Rows) == 0 {
			if blk.Empty != "" {
				fmt.Fprintf(&b, "%s\n\n", InlineMarkdown(blk.Empty))
			}
		} else {
			b.WriteString(MarkdownTable(blk.Header, blk.Rows))
			b.WriteString("\n")
		}
		for _, n := range blk.Notes {
			fmt.Fprintf(&b, "%s\n\n", InlineMarkdown(n))
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// MarkdownTable is a pipe table with every cell escaped.
func MarkdownTable(header []string, rows [][]string) string {
	return pipeTable(header, rows, MarkdownCell)
}

// MarkdownRawTable is a pipe table of cells that are Markdown already, escaped by the caller
// with MarkdownCell where they hold plan text.
func MarkdownRawTable(header []string, rows [][]string) string {
	return pipeTable(header, rows, func(s string) string { return s })
}

func pipeTable(header []string, rows [][]string, cell func(string) string) string {
	var b strings.Builder
	cells := func(row []string) {
		b.WriteString("|")
		for i := range header {
			c := ""
			if i < len(row) {
				c = cell(row[i])
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	cells(header)
	b.WriteString("|")
	for range header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells(r)
	}
	return b.String()
}

// MarkdownCell escapes text for a table cell: it stays in one cell and shows literally.
func MarkdownCell(s string) string {
	s = InlineMarkdown(s) // line breaks are "\n" (termsafe.Text)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"&", "&amp;", "#", `\#`, "~", `\~`, "!", `\!`,
)

// InlineMarkdown escapes the characters Markdown would act on, so that plan text shows as written.
// Markdown is read raw on a terminal as often as rendered, so control characters show as escapes
// (termsafe), whose backslash is then escaped like any other. GitHub's mentions and issue links
// are broken too (Unlinked), since this Markdown is posted as pull-request comments.
func InlineMarkdown(s string) string {
	return mdEscaper.Replace(Unlinked(termsafe.Text(s)))
}

// MarkdownLine is InlineMarkdown for a heading or a list item, which end at a newline: the text
// on one line, each run of white space (a YAML block scalar's newlines among it) one space, so
// that no line of it is read as Markdown of its own ("---" making a heading, "- x" a list).
func MarkdownLine(s string) string {
	return InlineMarkdown(strings.Join(strings.Fields(s), " "))
}

// wordJoiner is invisible and keeps its neighbours together, so "@\u2060alice" reads and wraps as
// "@alice"; GitHub finds mentions and issue references in the rendered text, where the joiner
// still stands between "@" or "#" and the name or number, so nothing is linked and no one notified.
const wordJoiner = "\u2060"

// Unlinked is s with a word joiner after every "@" GitHub would read as a mention (@name,
// @org/team: an "@" that starts the text or follows anything but a letter, digit or underscore,
// before a letter or digit), every "#" before a digit (#123, owner/repo#123) and every "GH-"
// before a digit. An email address (alice@example.org) is not a mention and is left as written,
// so that it can still be copied.
func Unlinked(s string) string {
	if !strings.ContainsAny(s, "@#-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		b.WriteByte(c)
		if i+1 >= len(s) {
			continue
		}
		next := s[i+1]
		switch {
		case c == '@' && isAlnum(next) && (i == 0 || !isWordByte(s[i-1])):
			b.WriteString(wordJoiner)
		case c == '#' && isDigit(next):
			b.WriteString(wordJoiner)
		case c == '-' && isDigit(next) && i >= 2 && strings.EqualFold(s[i-2:i], "gh") && (i == 2 || !isWordByte(s[i-3])):
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool    { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' }
func isWordByte(c byte) bool { return isAlnum(c) || c == '_' }

// code is s as a Markdown code span, for ids and revisions: shown as written, control characters
// as escapes, and no backtick inside to end the span early.
func code(s string) string {
	return "`" + strings.ReplaceAll(termsafe.Line(s), "`", "'") + "`"
}

// CSVOptions are how a CSV is written, decided once by the command layer.
type CSVOptions struct {
	// Terminal is set when the CSV goes to a terminal, to be read there: every character a
	// terminal would act on (an ESC sequence, a bell, a bidi override, a C1 control) is shown as
	// an escape, as the table printer shows it (termsafe.Text), so that a lead's name cannot
	// retitle the window. To a file or a pipe the CSV is data, and every cell is exactly as the
	// plan has it.
	Terminal bool
}

// WriteCSV writes a header and rows as RFC 4180 CSV. A cell that a spreadsheet would run as a
// formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe.
func WriteCSV(w io.Writer, header []string, rows [][]string, o CSVOptions) error {
	cell := func(s string) string { return s }
	if o.Terminal {
		cell = termsafe.Text
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	head := make([]string, len(header))
	for i, h := range header {
		head[i] = cell(h)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = cell(SafeCell(c))
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell defuses spreadsheet formula injection.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteJSON writes v as indented JSON with a trailing newline; HTML characters are not escaped, so
// text reads as written. A character a terminal would act on (termsafe.Unsafe: a bidi override, a
// C1 control, DEL) is written as a JSON escape, \u202e, which reads back as the same text: JSON
// printed to a terminal acts on nothing. The encoder escapes C0 controls itself.
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := b.Bytes()
	if bytes.IndexFunc(out, termsafe.Unsafe) >= 0 {
		// Outside strings JSON is ASCII, so every such character is inside a string.
		var e bytes.Buffer
		for _, r := range string(out) {
			if termsafe.Unsafe(r) {
				fmt.Fprintf(&e, `\u%04x`, r)
			} else {
				e.WriteRune(r)
			}
		}
		out = e.Bytes()
	}
	_, err := w.Write(out)
	return err
}

// BOMWriter starts what it writes with a UTF-8 byte-order mark. Excel on Windows reads a CSV file
// without one in the machine's code page, so "Children’s" shows as "Childrenâ€™s".
type BOMWriter struct {
	w       io.Writer
	written bool
}

// NewBOMWriter writes the mark before the first bytes written to w.
func NewBOMWriter(w io.Writer) *BOMWriter { return &BOMWriter{w: w} }

// WantBOM settles --bom for a document of the format: unless given, a CSV written to a file
// starts with the mark (Excel opens it there) and one sent to standard output does not (a pipe's
// reader, another program, does not want one). The mark given with another format is bad usage.
func WantBOM(bom, given, toFile bool, format string) (bool, error) {
	if !given {
		bom = toFile && format == "csv"
	}
	if bom && format != "csv" {
		return false, exitcode.Usagef("give --format csv with --bom", "--bom is for CSV: a byte-order mark would corrupt %s output", format)
	}
	return bom, nil
}

// WorkbookToTerminal refuses a workbook sent to a terminal, where its bytes would be noise and
// could act on the terminal; example is the -o a user might give instead.
func WorkbookToTerminal(example string) error {
	return exitcode.Usagef("write it to a file with -o "+example+", or send standard output to a file", "will not write a workbook to a terminal")
}

func (b *BOMWriter) Write(p []byte) (int, error) {
	if !b.written {
		b.written = true
		if _, err := io.WriteString(b.w, "\ufeff"); err != nil {
			return 0, err
		}
	}
	return b.w.Write(p)
}
