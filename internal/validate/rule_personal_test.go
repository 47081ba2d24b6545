package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/planfile"
)

// A name or postcode that an editor wrapped across two lines of a note is found, at the line
// and column where it starts, once.
func TestPersonalDataAcrossLines(t *testing.T) {
	const head = "id: x\ntitle: T\ncouncil: C\nperiod: {start: 2025-01-01, end: 2026-12-31}\nsections: []\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"on one line", head + "owner: Spoke to Mrs Patel today.\n", []string{`6:17 "Mrs Patel"`}},
		{"folded", head + "owner: >-\n  Spoke to Mrs\n  Patel today.\n", []string{`7:12 "Mrs Patel"`}},
		{"literal, postcode", head + "owner: |\n  Moved near NW1\n  2AB last week.\n", []string{`7:14 "NW1 2AB"`}},
		{"a comment ends the line", head + "owner: Mrs # not a name\nsource: Patel\n", nil},
		{"two lines, each with its own", head + "owner: >-\n  Mrs Patel and\n  Dr Smith\n", []string{`7:3 "Mrs Patel"`, `8:3 "Dr Smith"`}},
	}
	for _, tt := range tests {
		f := planfile.Parse("x.yaml", []byte(tt.src), planfile.Options{})
		var got []string
		for _, d := range PersonalData(NewRepo([]*planfile.File{f})) {
			got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Message[strings.LastIndex(d.Message, ": ")+2:]))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: found %q, want %q", tt.name, got, tt.want)
		}
	}
}
