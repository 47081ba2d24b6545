package validate

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/personal"
)

// PersonalData warns about text that could identify a child or a member of staff anywhere in a
// plan file, comments included: email addresses, phone numbers, an initial with an age, "Child
// X", dates of birth, NHS numbers, postcodes, a title with a surname (see package personal).
// Plans and board packs are published, and leads are teams or roles, not people.
func PersonalData(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range r.Files {
		if f.Data == nil || !utf8.Valid(f.Data) {
			continue
		}
		lines := bytes.Split(f.Data, []byte("\n"))
		for i, line := range lines {
			for _, m := range personal.Find(string(line)) {
				ds = append(ds, personalDiag(f.Path, i+1, line, m))
			}
			// A name or postcode an editor wrapped onto the next line of a note ("Mrs" at the end
			// of one line, "Patel" at the start of the next) is read as YAML reads a folded
			// line: with one space between.
			if i+1 == len(lines) {
				continue
			}
			text := strings.TrimRight(string(line), " \t\r")
			joined := text + " " + strings.TrimLeft(string(lines[i+1]), " \t")
			for _, m := range personal.Find(joined) {
				if m.Start < len(text) && m.End > len(text)+1 {
					d := personalDiag(f.Path, i+1, line, m)
					d.Span = utf8.RuneCountInString(text[m.Start:])
					ds = append(ds, d)
				}
			}
		}
	}
	return ds
}

func personalDiag(file string, line int, text []byte, m personal.Match) diag.Diagnostic {
	col := utf8.RuneCount(text[:m.Start]) + 1
	if line == 1 {
		col -= bytesBOM(text)
	}
	return diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Warning, Rule: "personal-data",
		Message: fmt.Sprintf("this looks like %s: %q", m.Kind, m.Text), Hint: m.Hint(),
		Span: utf8.RuneCount([]byte(m.Text))}
}

func bytesBOM(line []byte) int {
	if bytes.HasPrefix(line, []byte("\xef\xbb\xbf")) {
		return 1
	}
	return 0
}
