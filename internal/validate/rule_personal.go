package validate

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/diag"
)

var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// UK numbers: 07xxx xxxxxx, 020 xxxx xxxx, 01xxx xxxxxx, +44 ..., with spaces, dots or dashes.
	rePhone = regexp.MustCompile(`(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s.-]?){9,10}\b`)
)

// PersonalData warns about email addresses and phone numbers anywhere in a plan file, comments
// included: plans are published, and leads are teams or roles, not people.
func PersonalData(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range r.Files {
		if f.Data == nil || !utf8.Valid(f.Data) {
			continue
		}
		for i, line := range bytes.Split(f.Data, []byte("\n")) {
			for _, m := range reEmail.FindAllIndex(line, -1) {
				ds = append(ds, personal(f.Path, i+1, line, m, "an email address",
					"plans are published: name the team or role instead, and keep contact details out of the plan"))
			}
			for _, m := range rePhone.FindAllIndex(line, -1) {
				for m[1] > m[0] && strings.ContainsRune(" .-", rune(line[m[1]-1])) {
					m[1]--
				}
				ds = append(ds, personal(f.Path, i+1, line, m, "a phone number",
					"plans are published: keep phone numbers out of the plan"))
			}
		}
	}
	return ds
}

func personal(file string, line int, text []byte, m []int, what, hint string) diag.Diagnostic {
	col := utf8.RuneCount(text[:m[0]]) + 1
	if line == 1 {
		col -= bytesBOM(text)
	}
	return diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Warning, Rule: "personal-data",
		Message: fmt.Sprintf("this looks like %s: %q", what, text[m[0]:m[1]]), Hint: hint,
		Span: utf8.RuneCount(text[m[0]:m[1]])}
}

func bytesBOM(line []byte) int {
	if bytes.HasPrefix(line, []byte("\xef\xbb\xbf")) {
		return 1
	}
	return 0
}
