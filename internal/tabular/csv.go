package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// readDelimited reads a CSV or TSV file as one table named "". A CSV file's separator is the one
// its first line names ("sep=;", as Excel reads it), else the one of , ; and tab that splits its
// first rows most alike: Excel in much of Europe saves "CSV" with semicolons.
func readDelimited(name string, data []byte, comma rune, opts Options) ([]Table, error) {
	if opts.Sheet != "" {
		return nil, errorf(name, "leave out the sheet: it chooses a sheet of a workbook or a table of a document",
			"a %s file has one table, not sheets", kindWord(comma))
	}
	text, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, errorf(name, "export the action table again, with its header row", "the file is empty")
	}
	if comma == ',' {
		text, comma = separator(text)
	}
	// Every cell costs at least one separator or line break; counting them first keeps a file of
	// commas from being split into millions of cells before the size is known.
	if strings.Count(text, string(comma))+strings.Count(text, "\n") > maxCells {
		return nil, tooLarge(name, "")
	}
	t := Table{}
	rows, err := parseDelimited(name, text, comma, false)
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		// A quote inside a cell that is not quoted (`5" screen`) is how people type by hand, and
		// means just what it shows. A quoted cell that ends badly is not retried: read lazily, it
		// would run on to the end of the file and swallow the rows after it.
		rows, err = parseDelimited(name, text, comma, true)
	}
	if err != nil {
		return nil, parseError(name, err, comma)
	}
	t.Rows = rows
	if err := finish(name, &t, 0); err != nil {
		return nil, err
	}
	return []Table{t}, nil
}

// sniffRows is how many rows the separator is chosen on, and sniffBytes how much text at most.
const sniffRows, sniffBytes = 20, 64 << 10

// separator is a CSV file's separator, and its text without a "sep=" line (left empty, so that
// lines keep their numbers).
func separator(text string) (string, rune) {
	first, rest, _ := strings.Cut(text, "\n")
	if line := strings.TrimSpace(first); len(line) == 5 && strings.EqualFold(line[:4], "sep=") && strings.ContainsRune(",;\t|", rune(line[4])) {
		return "\n" + rest, rune(line[4])
	}
	sample := text[:min(len(text), sniffBytes)]
	best, bestMode, bestFreq := ',', 0, 0
	for _, comma := range []rune{',', ';', '\t'} {
		mode, freq := fieldCounts(sample, comma)
		if mode < 2 {
			continue
		}
		if freq > bestFreq || freq == bestFreq && mode > bestMode {
			best, bestMode, bestFreq = comma, mode, freq
		}
	}
	return text, best
}

// fieldCounts splits the first rows of a sample at comma: the most common number of cells in a
// row (the larger, when two are as common), and how many rows have it.
func fieldCounts(sample string, comma rune) (mode, freq int) {
	cr := csv.NewReader(strings.NewReader(sample))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = comma, -1, true
	counts := map[int]int{}
	for range sniffRows {
		rec, err := cr.Read()
		if err != nil {
			break // the end of the sample, or a row it cuts: the rows before are enough
		}
		counts[len(rec)]++
	}
	for n, f := range counts {
		if f > freq || f == freq && n > mode {
			mode, freq = n, f
		}
	}
	return mode, freq
}

func parseDelimited(name, text string, comma rune, lazy bool) ([]Row, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = lazy
	var rows []Row
	inCells := 0 // line breaks inside the cells of the rows so far
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		cells := make([]Cell, len(rec))
		for i, s := range rec {
			cells[i].Text = cleanText(s)
		}
		// A spreadsheet shows a cell holding line breaks as one row, so "row 7" in a message
		// is row 7 in Excel. The breaks are counted as the file has them, not as the cell's
		// text keeps them: a break at a cell's end is trimmed from its text but was a line.
		rows = append(rows, Row{Line: line - inCells, Cells: cells})
		for _, s := range rec {
			inCells += strings.Count(s, "\n")
		}
	}
}

func parseError(name string, err error, comma rune) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return errorf(name, "", "cannot read the %s: %v", kindWord(comma), err)
	}
	e := &Error{File: name, Line: pe.Line, Col: pe.Column, Message: "cannot read the " + kindWord(comma) + ": " + pe.Err.Error()}
	if errors.Is(pe.Err, csv.ErrQuote) {
		e.Hint = `a cell that starts with " must end with " before the next separator, and a " inside it is written twice (""); saving the file again from Excel writes it so`
		if pe.StartLine != pe.Line {
			// The end of the file is no help in finding a quote that was never closed.
			e.Line, e.Col = pe.StartLine, 0
			e.Message = fmt.Sprintf("cannot read the %s: a quoted cell on this line runs on to line %d (%v)", kindWord(comma), pe.Line, pe.Err)
		}
	}
	return e
}

func kindWord(comma rune) string {
	switch comma {
	case '\t':
		return "TSV"
	case ';':
		return "CSV (separated by ;)"
	}
	return "CSV"
}

// decodeText is a CSV or TSV file's text as UTF-8. Excel writes three kinds: "CSV UTF-8" (a byte
// order mark first), "Unicode Text" (UTF-16, with its mark) and plain "CSV" in the Windows code
// page, which in the UK is Windows-1252: "Children’s" arrives with its apostrophe as byte 0x92.
// Text that is not valid UTF-8 is read as Windows-1252, which gives every byte a meaning.
func decodeText(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeUTF16(data[2:], false), nil
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(data[2:], true), nil
	case isODS(data):
		return "", odsError(name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", errorf(name, "if it is a workbook, name it .xlsx; if a document, .docx", "the file is a zip archive (a workbook or document?), not text")
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return "", errorf(name, "open it in Excel and save it as CSV UTF-8 (or as an Excel Workbook, .xlsx)", "the file is an Office 97-2003 file (or a password-protected one), not text")
	}
	if le, be := utf16Guess(data); le || be {
		return decodeUTF16(data, be), nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errorf(name, "open it in Excel and save it as CSV UTF-8 (Comma delimited), then import that",
			"the file has NUL bytes, so it is not plain text: it may be UTF-16 (Unicode) text that lost its byte order mark, or not a CSV at all")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default: // Windows-1252 is Latin-1 from 0xA0 up
			b.WriteRune(rune(c))
		}
	}
	return b.String(), nil
}

// cp1252 is Windows-1252 from 0x80 to 0x9F, where it differs from Latin-1. The five bytes it
// leaves undefined read as U+FFFD.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

// utf16Guess reports whether text without a byte order mark is UTF-16, little- or big-endian: a
// table's text is mostly ASCII, so in UTF-16 every other byte is zero.
func utf16Guess(data []byte) (le, be bool) {
	n := min(len(data), 1024) &^ 1
	if n < 4 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	// Zeros in one place only, in most pairs: text of which most is ASCII.
	return odd*10 >= pairs*7 && even*20 <= pairs, even*10 >= pairs*7 && odd*20 <= pairs
}

func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(units))
}
