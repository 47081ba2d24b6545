package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The quoted source line and every field of a diagnostic reach the terminal with their control
// characters as escapes, and the caret stays under the column the diagnostic names.
func TestWriteTextShowsControlsAsEscapes(t *testing.T) {
	src := Sources{
		"plans/a.yaml":        []byte("id: x\ntitle: \x1b[2Knul \x00 here\n"),
		"plans/\x1b[2Kb.yaml": []byte("text: \"bell \a\" # \u202eevil\n"),
	}
	ds := []Diagnostic{
		{File: "plans/a.yaml", Line: 2, Col: 16, Rule: "encoding", Message: "file contains a NUL byte", Hint: "fix\x07 it"},
		{File: "plans/a.yaml", Line: 2, Col: 8, Span: 5, Rule: "x", Message: "spans the escape"},
		{File: "plans/\x1b[2Kb.yaml", Line: 1, Col: 18, Severity: Warning, Rule: "x", Message: "message \u202eholds\r one"},
	}
	var out bytes.Buffer
	if err := WriteText(&out, ds, src); err != nil {
		t.Fatal(err)
	}
	want := `plans/a.yaml:2:16: error: file contains a NUL byte [encoding]
  title: \x1b[2Knul \x00 here
                    ^
  hint: fix\a it
plans/a.yaml:2:8: error: spans the escape [x]
  title: \x1b[2Knul \x00 here
         ^~~~~~~~
plans/\x1b[2Kb.yaml:1:18: warning: message \u202eholds\r one [x]
  text: "bell \a" # \u202eevil
                    ^
`
	if got := out.String(); got != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteGitHubShowsControlsAsEscapes(t *testing.T) {
	var out bytes.Buffer
	ds := []Diagnostic{{File: "plans/a.yaml", Line: 2, Col: 3, Rule: "x", Message: "holds \x1b[2K", Hint: "\u202eevil"}}
	if err := WriteGitHub(&out, ds); err != nil {
		t.Fatal(err)
	}
	want := "::error file=plans/a.yaml,line=2,col=3,title=cpp x::holds \\x1b[2K%0Ahint: \\u202eevil\n"
	if got := out.String(); got != want {
		t.Errorf("WriteGitHub = %q, want %q", got, want)
	}
	if strings.ContainsAny(out.String(), "\x1b\u202e") {
		t.Error("raw control characters in annotations")
	}
}

// WriteJSONWith is WriteJSON's document with one more key last, laid out as WriteJSON lays out
// its own, with or without diagnostics.
func TestWriteJSONWith(t *testing.T) {
	sum := Summary{Files: 1, Plans: 1}
	for _, ds := range [][]Diagnostic{nil, {{File: "a.yaml", Line: 2, Col: 3, Rule: "r", Message: "m"}}} {
		var plain, with bytes.Buffer
		if err := WriteJSON(&plain, ds, sum); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSONWith(&with, ds, sum, "reading_ages", map[string][]int{"p": {9, 12}}); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(plain.String(), "\n}\n") + ",\n  \"reading_ages\": {\n    \"p\": [\n      9,\n      12\n    ]\n  }\n}\n"
		if with.String() != want {
			t.Errorf("got\n%s\nwant\n%s", with.String(), want)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(with.Bytes(), &doc); err != nil || len(doc) != 3 {
			t.Errorf("not a document of three keys: %v %v", err, doc)
		}
	}
}
