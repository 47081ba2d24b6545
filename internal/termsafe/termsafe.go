// Package termsafe owns how text from plan files and from git (commit subjects, author names,
// file names) reaches a terminal: every character a terminal would act on instead of showing is
// shown as an escape, as Go writes it, so that data cannot move the cursor, erase lines, retitle
// the window or reorder what is shown.
//
// The characters are the C0 controls (U+0000–U+001F) but tab and newline, DEL (U+007F), the C1
// controls (U+0080–U+009F), the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) and bytes that are not UTF-8 (a lone 0x9b is a C1 CSI to some terminals). ESC
// reads `\x1b`, a carriage return `\r`, a right-to-left override `\u202e`, a stray byte `\x9b`.
//
// It owns line breaks too (LineBreak): in text of many lines each is a newline, and in a field
// that must stay on one line each is an escape, so that every output breaks the same lines.
package termsafe

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether a terminal would act on r rather than show it. Tab and newline are
// layout, not commands; whether a newline may stay is the caller's choice (Text or Line).
func Unsafe(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	return Bidi(r)
}

// Bidi reports whether r is a bidirectional control: it reorders the text around it, so that
// what is shown is not what is written.
func Bidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// LineBreak reports whether a reader may take r as the end of a line: a newline or carriage
// return, and next line (U+0085), line separator (U+2028) and paragraph separator (U+2029), which
// YAML 1.1 readers (yaml.v3 among them) and many editors break lines at. A one-line field (a
// comment written into a plan, a message) shows them all as escapes.
func LineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// Text is s with every unsafe character made visible, for text of many lines (a table cell, a
// Markdown cell, a note, a workbook cell): tabs stay, and every line break (LineBreak) is a
// newline, so that every output breaks a line where the plan does: "\r\n", next line (U+0085),
// line separator (U+2028) and paragraph separator (U+2029) read as "\n". A carriage return alone
// moves the cursor back over the line, so it shows as `\r`.
func Text(s string) string { return visible(s, true) }

// Line is s as one line: as Text, but every line break (LineBreak) shows as an escape, for fields
// that must stay on their line (a title, a heading, a commit subject, a diagnostic, a comment in a
// plan file).
func Line(s string) string { return visible(s, false) }

// Escape is how one unsafe character is shown: `\x1b`, `\r`, `\u202e`.
func Escape(r rune) string {
	q := strconv.QuoteRune(r)
	return q[1 : len(q)-1]
}

// Found lists the escapes of the unsafe characters in s, each once, in the order they first
// appear; nil when there are none.
func Found(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var e string
		switch {
		case r == utf8.RuneError && size <= 1:
			e = byteEscape(s[i])
		case Unsafe(r):
			e = Escape(r)
		}
		if e != "" && !slices.Contains(out, e) {
			out = append(out, e)
		}
		i += size
	}
	return out
}

func visible(s string, keepNewlines bool) string {
	// Most text is clean: find the first byte that needs a look, and return s itself when none does.
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == 0x7f || (c < 0x20 && c != '\t' && (c != '\n' || !keepNewlines)) {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(byteEscape(s[i]))
		case keepNewlines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// "\r\n" is one line break: the newline that follows is written next.
		case keepNewlines && LineBreak(r) && r != '\r':
			b.WriteByte('\n')
		case Unsafe(r) || (!keepNewlines && LineBreak(r)):
			b.WriteString(Escape(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func byteEscape(c byte) string {
	const hex = "0123456789abcdef"
	return `\x` + string([]byte{hex[c>>4], hex[c&0xf]})
}

// Writer passes text on with every unsafe character made visible, newlines and tabs kept: for a
// stream that carries only messages, such as stderr, where a file name or a plan's text can turn
// up in any line.
type Writer struct {
	w       io.Writer
	pending []byte // the start of a character cut off at the end of the last write
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (t *Writer) Write(p []byte) (int, error) {
	data := append(t.pending, p...)
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i > len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if cut > 0 && data[cut-1] == '\r' {
		cut-- // "\r\n" may be split between two writes: it is one line break
	}
	t.pending = append([]byte(nil), data[cut:]...)
	if _, err := io.WriteString(t.w, Text(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is left of a character cut off at the end, as the bytes it is.
func (t *Writer) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, Text(string(t.pending)))
	t.pending = nil
	return err
}
