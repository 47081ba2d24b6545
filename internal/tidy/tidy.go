// Package tidy owns the layout rules that `cpp fmt` checks and fixes in plan files: LF line
// endings, no blanks at the ends of lines, no byte order mark, exactly one newline at the end of
// the file, and no tabs in indentation. It works on bytes and changes layout only: never a value,
// a comment or the order of keys. Tabs in indentation are reported but never fixed, because the
// number of spaces a tab stands for decides the YAML structure.
package tidy

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/words"
)

// The rules, as named in diagnostics.
const (
	RuleLineEnding   = "fmt-line-ending"
	RuleTrailing     = "fmt-trailing-space"
	RuleTabIndent    = "fmt-tab-indent"
	RuleFinalNewline = "fmt-final-newline"
	RuleBOM          = "fmt-bom"
)

var bom = []byte("\xef\xbb\xbf")

// blanks are what Fix trims from the end of a line: spaces, tabs, and the CR of a CRLF.
const blanks = " \t\r"

// Check reports every layout problem in a file's contents, at 1-based lines and columns counted
// in characters, as an editor shows them (a byte order mark takes no column).
func Check(file string, data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	fix := fmt.Sprintf("run 'cpp fmt %s' to fix", file)
	add := func(line, col, span int, rule, msg, hint string) {
		ds = append(ds, diag.Diagnostic{File: file, Line: line, Col: col, Span: span, Severity: diag.Error,
			Rule: rule, Message: msg, Hint: hint})
	}

	body := data
	if bytes.HasPrefix(body, bom) {
		add(1, 1, 0, RuleBOM, "file starts with a UTF-8 byte order mark", "save the file as UTF-8 without a BOM, or "+fix)
		for bytes.HasPrefix(body, bom) {
			body = body[len(bom):]
		}
	}

	lines := bytes.Split(body, []byte("\n"))
	// The last element is whatever follows the final "\n": empty when the file ends with one.
	last := len(lines) - 1
	var crlf []int
	for i, text := range lines {
		n := i + 1
		if i < last && bytes.HasSuffix(text, []byte("\r")) {
			crlf = append(crlf, n)
			text = text[:len(text)-1]
		}
		content := bytes.TrimRight(text, blanks)
		if tail := text[len(content):]; bytes.ContainsAny(tail, " \t") {
			add(n, runes(content)+1, runes(tail), RuleTrailing, "trailing whitespace", fix)
		}
		if len(content) == 0 {
			continue // a blank line has no indentation, only trailing blanks
		}
		indent := content[:len(content)-len(bytes.TrimLeft(content, " \t"))]
		if tab := bytes.IndexByte(indent, '\t'); tab >= 0 {
			add(n, tab+1, 0, RuleTabIndent, "tab in indentation",
				"indent with spaces: YAML does not allow tabs there, and cpp fmt leaves them because the number of spaces decides the structure")
		}
	}
	if len(crlf) > 0 {
		msg := "line ends with CRLF, not LF"
		if len(crlf) > 1 {
			msg += " (and " + words.Count(len(crlf)-1, "more line", "more lines") + ")"
		}
		col := runes(bytes.TrimSuffix(lines[crlf[0]-1], []byte("\r"))) + 1
		add(crlf[0], col, 0, RuleLineEnding, msg,
			fix+"; if git converts line endings on checkout, add '*.yaml text eol=lf' to .gitattributes")
	}

	end := lastContent(lines)
	switch {
	case end < 0 && len(body) > 0:
		add(1, 1, 0, RuleFinalNewline, "file has only blank lines", fix)
	case end == last && end >= 0:
		text := bytes.TrimSuffix(lines[end], []byte("\r"))
		add(end+1, runes(text)+1, 0, RuleFinalNewline, "no newline at the end of the file", fix)
	case end >= 0:
		extra := last - end - 1 // blank lines ended by "\n"
		if len(lines[last]) > 0 {
			extra++ // and blanks after the final "\n"
		}
		if extra > 0 {
			add(end+2, 1, 0, RuleFinalNewline, words.Count(extra, "blank line", "blank lines")+" at the end of the file", fix)
		}
	}
	diag.Sort(ds)
	return ds
}

// Fix returns data with its layout fixed by every rule except tabs in indentation. Data that
// needs nothing is returned as it is. Fix(Fix(data)) is Fix(data).
func Fix(data []byte) []byte {
	body := data
	for bytes.HasPrefix(body, bom) {
		body = body[len(bom):]
	}
	lines := bytes.Split(body, []byte("\n"))
	end := lastContent(lines)
	out := make([]byte, 0, len(body)+1)
	for _, text := range lines[:end+1] {
		out = append(out, bytes.TrimRight(text, blanks)...)
		out = append(out, '\n')
	}
	if bytes.Equal(out, data) {
		return data
	}
	return out
}

// lastContent returns the index of the last line with more than blanks on it, or -1.
func lastContent(lines [][]byte) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if len(bytes.TrimRight(lines[i], blanks)) > 0 {
			return i
		}
	}
	return -1
}

// runes counts characters the way columns are counted; a byte that is not UTF-8 counts as one.
func runes(b []byte) int { return utf8.RuneCount(b) }
