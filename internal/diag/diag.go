// Package diag owns diagnostics: a problem at a position in a plan file, with the rule that found
// it and a hint where a fix is known, and the formats they are printed in (text, JSON, GitHub
// workflow commands).
package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// Severity says whether a diagnostic fails validation.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes severities read as words in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem. Line and Col are 1-based; 0 means unknown.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
	// Span is how many columns the offending text covers, for the ~~~ marker; 0 or 1 is a caret alone.
	Span int `json:"-"`
}

// MarshalJSON gives every key, as all cpp's JSON does: a diagnostic with no hint has "hint": null.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	type plain Diagnostic // without this method
	var hint *string
	if d.Hint != "" {
		hint = &d.Hint
	}
	// The outer hint hides plain's, and comes last, where plain's was.
	return json.Marshal(struct {
		plain
		Hint *string `json:"hint"`
	}{plain(d), hint})
}

// Sort orders diagnostics by file, line, column, then rule and message, so output is stable.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Count returns the number of errors and warnings.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Location is "file:line:col", shortened where line or column is unknown.
func (d Diagnostic) Location() string {
	switch {
	case d.Line == 0:
		return d.File
	case d.Col == 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
}

// OneLine is the diagnostic as a single line for a terminal: "file:line:col: severity: message
// [rule]". A file name or message that holds control characters shows them as escapes.
func (d Diagnostic) OneLine() string {
	return termsafe.Line(fmt.Sprintf("%s: %s: %s [%s]", d.Location(), d.Severity, d.Message, d.Rule))
}

// Sources gives the text of a file by path, for quoting the offending line.
type Sources map[string][]byte

// WriteText prints each diagnostic as "file:line:col: severity: message [rule]", then the source
// line with a caret under the column, then "hint: ..." where there is one. The source line is
// quoted with its control characters shown as escapes (a raw ESC or NUL would act on the terminal),
// and the caret moves right by what the escapes add.
func WriteText(w io.Writer, ds []Diagnostic, src Sources) error {
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString(d.OneLine())
		b.WriteByte('\n')
		if line, ok := sourceLine(src[d.File], d.Line); ok && d.Col > 0 {
			line = strings.ReplaceAll(line, "\t", " ")
			fmt.Fprintf(&b, "  %s\n", termsafe.Line(line))
			before := prefixRunes(line, d.Col-1)
			pad := utf8.RuneCountInString(termsafe.Line(before))
			marker := "^"
			if d.Span > 1 {
				covered := prefixRunes(line[len(before):], d.Span)
				marker += strings.Repeat("~", max(utf8.RuneCountInString(termsafe.Line(covered)), 1)-1)
			}
			fmt.Fprintf(&b, "  %s%s\n", strings.Repeat(" ", pad), marker)
		}
		if d.Hint != "" {
			fmt.Fprintf(&b, "  hint: %s\n", termsafe.Line(d.Hint))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// prefixRunes returns the first n runes of s (the text before a column).
func prefixRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// sourceLine returns line n (1-based) of data without its line ending; lines too long to be
// useful are cut.
func sourceLine(data []byte, n int) (string, bool) {
	if n < 1 || data == nil {
		return "", false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return "", false
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	data = bytes.TrimSuffix(data, []byte("\r"))
	if !utf8.Valid(data) || len(data) > 400 {
		return "", false
	}
	return string(data), true
}

// Summary counts what a validation run looked at.
type Summary struct {
	Files    int `json:"files"`
	Plans    int `json:"plans"`
	Sections int `json:"sections"`
	Actions  int `json:"actions"`
	Measures int `json:"measures"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

func (s Summary) String() string {
	return fmt.Sprintf("%s, %s, %s, %s, %s: %s, %s", words.Count(s.Files, "file", "files"), words.Count(s.Plans, "plan", "plans"),
		words.Count(s.Sections, "section", "sections"), words.Count(s.Actions, "action", "actions"), words.Count(s.Measures, "measure", "measures"),
		words.Count(s.Errors, "error", "errors"), words.Count(s.Warnings, "warning", "warnings"))
}

// WriteJSON prints {"summary": ..., "diagnostics": [...]}; the field names are stable.
func WriteJSON(w io.Writer, ds []Diagnostic, sum Summary) error {
	if ds == nil {
		ds = []Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Summary     Summary      `json:"summary"`
		Diagnostics []Diagnostic `json:"diagnostics"`
	}{sum, ds})
}

// WriteJSONWith is WriteJSON with one more top-level key after "diagnostics", for what a check
// measures as well as finds (validate --plain-english adds "reading_ages").
func WriteJSONWith(w io.Writer, ds []Diagnostic, sum Summary, key string, extra any) error {
	var doc bytes.Buffer
	if err := WriteJSON(&doc, ds, sum); err != nil {
		return err
	}
	k, _ := json.Marshal(key)
	v, err := json.MarshalIndent(extra, "  ", "  ")
	if err != nil {
		return err
	}
	// The key goes in before WriteJSON's closing brace, laid out as WriteJSON lays out its own.
	_, err = fmt.Fprintf(w, "%s,\n  %s: %s\n}\n", bytes.TrimSuffix(doc.Bytes(), []byte("\n}\n")), k, v)
	return err
}

// WriteGitHub prints GitHub Actions workflow commands (::error file=...,line=...,col=...::msg) so
// that problems show as annotations on the pull request.
func WriteGitHub(w io.Writer, ds []Diagnostic) error {
	var b bytes.Buffer
	for _, d := range ds {
		props := []string{"file=" + escapeProperty(termsafe.Line(d.File))}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
		}
		if d.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Col))
		}
		props = append(props, "title="+escapeProperty("cpp "+d.Rule))
		// The Actions log is a terminal too: control characters show as escapes.
		msg := termsafe.Line(d.Message)
		if d.Hint != "" {
			msg += "\nhint: " + termsafe.Line(d.Hint)
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(msg))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// escapeData and escapeProperty follow the escaping rules of GitHub's @actions/core toolkit.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
