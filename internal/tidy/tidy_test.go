package tidy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/diag"
)

// oneLines renders diagnostics as "file:line:col: severity: message [rule]", one per line.
func oneLines(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.OneLine())
		b.WriteByte('\n')
	}
	return b.String()
}

var cases = []struct {
	name string
	in   string
	want string // Fix(in)
	diag string // Check("p.yaml", in), one per line
}{
	{name: "tidy", in: "id: x\ntitle: y\n", want: "id: x\ntitle: y\n"},
	{name: "empty", in: "", want: ""},
	{
		name: "crlf",
		in:   "id: x\r\ntitle: y\r\n",
		want: "id: x\ntitle: y\n",
		diag: "p.yaml:1:6: error: line ends with CRLF, not LF (and 1 more line) [fmt-line-ending]\n",
	},
	{
		name: "one crlf among lf",
		in:   "id: x\ntitle: y\r\n",
		want: "id: x\ntitle: y\n",
		diag: "p.yaml:2:9: error: line ends with CRLF, not LF [fmt-line-ending]\n",
	},
	{
		name: "lone cr inside a line is content",
		in:   "id: x\rtitle: y\n",
		want: "id: x\rtitle: y\n",
	},
	{
		name: "trailing spaces and tabs",
		in:   "id: x  \ntitle: y\t \n",
		want: "id: x\ntitle: y\n",
		diag: "p.yaml:1:6: error: trailing whitespace [fmt-trailing-space]\n" +
			"p.yaml:2:9: error: trailing whitespace [fmt-trailing-space]\n",
	},
	{
		name: "trailing space before crlf",
		in:   "id: x \r\n",
		want: "id: x\n",
		diag: "p.yaml:1:6: error: trailing whitespace [fmt-trailing-space]\n" +
			"p.yaml:1:7: error: line ends with CRLF, not LF [fmt-line-ending]\n",
	},
	{
		name: "column counts characters, not bytes",
		in:   "title: café \n",
		want: "title: café\n",
		diag: "p.yaml:1:12: error: trailing whitespace [fmt-trailing-space]\n",
	},
	{
		name: "blank line of spaces",
		in:   "id: x\n   \ntitle: y\n",
		want: "id: x\n\ntitle: y\n",
		diag: "p.yaml:2:1: error: trailing whitespace [fmt-trailing-space]\n",
	},
	{
		name: "no final newline",
		in:   "id: x\ntitle: y",
		want: "id: x\ntitle: y\n",
		diag: "p.yaml:2:9: error: no newline at the end of the file [fmt-final-newline]\n",
	},
	{
		name: "blank lines at the end",
		in:   "id: x\n\n\n",
		want: "id: x\n",
		diag: "p.yaml:2:1: error: 2 blank lines at the end of the file [fmt-final-newline]\n",
	},
	{
		name: "blanks after the final newline",
		in:   "id: x\n  ",
		want: "id: x\n",
		diag: "p.yaml:2:1: error: 1 blank line at the end of the file [fmt-final-newline]\n" +
			"p.yaml:2:1: error: trailing whitespace [fmt-trailing-space]\n",
	},
	{
		name: "only blank lines",
		in:   "\n\n",
		want: "",
		diag: "p.yaml:1:1: error: file has only blank lines [fmt-final-newline]\n",
	},
	{
		name: "bom",
		in:   "\xef\xbb\xbfid: x \n",
		want: "id: x\n",
		diag: "p.yaml:1:1: error: file starts with a UTF-8 byte order mark [fmt-bom]\n" +
			"p.yaml:1:6: error: trailing whitespace [fmt-trailing-space]\n",
	},
	{
		name: "two boms",
		in:   "\xef\xbb\xbf\xef\xbb\xbfid: x\n",
		want: "id: x\n",
		diag: "p.yaml:1:1: error: file starts with a UTF-8 byte order mark [fmt-bom]\n",
	},
	{
		name: "tab indentation is reported, not fixed",
		in:   "id: x\nleads:\n\t- name: y\n  \t- name: z\n",
		want: "id: x\nleads:\n\t- name: y\n  \t- name: z\n",
		diag: "p.yaml:3:1: error: tab in indentation [fmt-tab-indent]\n" +
			"p.yaml:4:3: error: tab in indentation [fmt-tab-indent]\n",
	},
	{
		name: "tab after the indentation is content",
		in:   "text: \"a\tb\"\n",
		want: "text: \"a\tb\"\n",
	},
	{
		name: "everything at once",
		in:   "# plan\r\nid: x \r\n\tbad: y\r\ntitle: z",
		want: "# plan\nid: x\n\tbad: y\ntitle: z\n",
		diag: "p.yaml:1:7: error: line ends with CRLF, not LF (and 2 more lines) [fmt-line-ending]\n" +
			"p.yaml:2:6: error: trailing whitespace [fmt-trailing-space]\n" +
			"p.yaml:3:1: error: tab in indentation [fmt-tab-indent]\n" +
			"p.yaml:4:9: error: no newline at the end of the file [fmt-final-newline]\n",
	},
}

func TestCheck(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := oneLines(Check("p.yaml", []byte(c.in)))
			if got != c.diag {
				t.Errorf("Check(%q):\n%s\nwant:\n%s", c.in, got, c.diag)
			}
		})
	}
}

func TestFix(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Fix([]byte(c.in))
			if string(got) != c.want {
				t.Errorf("Fix(%q) = %q, want %q", c.in, got, c.want)
			}
			checkFixed(t, []byte(c.in))
		})
	}
}

// checkFixed holds the promises between Check and Fix for any input: Fix is idempotent, leaves
// alone what Check finds nothing wrong with, and leaves nothing for Check but tabs in indentation.
func checkFixed(t *testing.T, in []byte) {
	t.Helper()
	fixed := Fix(in)
	if again := Fix(fixed); !bytes.Equal(again, fixed) {
		t.Fatalf("Fix is not idempotent on %q: %q, then %q", in, fixed, again)
	}
	for _, d := range Check("p.yaml", fixed) {
		if d.Rule != RuleTabIndent {
			t.Fatalf("Fix(%q) = %q still has %s", in, fixed, d.OneLine())
		}
	}
	fixable := 0
	for _, d := range Check("p.yaml", in) {
		if d.Rule != RuleTabIndent {
			fixable++
		}
	}
	if changed := !bytes.Equal(fixed, in); changed != (fixable > 0) {
		t.Fatalf("Fix changed %q: %v, but Check found %d fixable problems", in, changed, fixable)
	}
}

// A file with comments, odd key order, block scalars and flow collections keeps every byte but
// the ones the rules fix.
func TestFixKeepsContent(t *testing.T) {
	tidy := `# Camden's plan, kept by hand.
title: Corporate parenting   # the title first, on purpose
id: camden-cp
sections:
  # priorities come before commitments
  - {id: camden-cp.p1, kind: priority, title: "Be ambitious:  two spaces kept"}
  - id: camden-cp.p2
    summary: |
      A literal block.
        Indented more.

      After a blank line.
    note: >-
      Folded
      text.
leads: [ Virtual School ,  "Leaving Care" ]
`
	// Blanks at the ends of lines inside the | and > blocks are text, so only the other lines get them.
	var messy strings.Builder
	messy.WriteString("\xef\xbb\xbf")
	inBlock := false
	for _, line := range strings.SplitAfter(strings.TrimSuffix(tidy, "\n"), "\n") {
		line = strings.TrimSuffix(line, "\n")
		if line != "" && !strings.HasPrefix(line, "      ") {
			inBlock = false // the blocks' text is indented six spaces
		}
		if !inBlock && line != "" {
			line += " \t"
		}
		messy.WriteString(line + "\r\n")
		inBlock = inBlock || strings.HasSuffix(line, "|"+" \t") || strings.HasSuffix(line, ">-"+" \t")
	}
	messy.WriteString("\n\n")
	if n := strings.Count(messy.String(), " \t\r\n"); n != 10 {
		t.Fatalf("the messy copy has %d lines with trailing blanks, want 10", n)
	}
	got := Fix([]byte(messy.String()))
	if string(got) != tidy {
		t.Fatalf("Fix changed more than the layout:\n%s", got)
	}
	if d, unsafe := Verify("p.yaml", []byte(messy.String()), got); unsafe {
		t.Fatalf("Verify: %s", d.OneLine())
	}
}

func TestVerify(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     string // the diagnostic, or "" when the fix is safe
	}{
		{name: "layout only", in: "a: b  \r\nc: |\r\n  d\r\n\n"},
		{name: "two documents", in: "a: b \n---\nc: d\n"},
		{name: "empty", in: ""},
		{name: "comments only", in: "# nothing yet  "},
		{name: "spaces inside a literal block",
			in:   "a: x\nb: |\n  one  \n  two\n",
			want: "p.yaml:2:4: error: cpp fmt leaves the file as it is: tidying it would change this value [fmt-unsafe]"},
		{name: "no final newline after a literal block",
			in:   "a: |\n  one",
			want: "p.yaml:1:4: error: cpp fmt leaves the file as it is: tidying it would change this value [fmt-unsafe]"},
		{name: "blank lines kept by |+",
			in:   "a: |+\n  one\n\n",
			want: "p.yaml:1:4: error: cpp fmt leaves the file as it is: tidying it would change this value [fmt-unsafe]"},
		{name: "escaped space at the end of a line",
			in:   "a: \"one\\ \n  two\"\n",
			want: "p.yaml:1:4: error: cpp fmt leaves the file as it is: tidying it would change this value [fmt-unsafe]"},
		{name: "not YAML",
			in:   "a: b\n\t- c \n",
			want: "p.yaml:2: error: cpp fmt leaves the file as it is: it is not valid YAML (found a tab character that violates indentation) [fmt-unsafe]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := []byte(c.in)
			d, unsafe := Verify("p.yaml", in, Fix(in))
			got := ""
			if unsafe {
				got = d.OneLine()
			}
			if got != c.want {
				t.Errorf("Verify(%q):\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

// The bundled plans are tidy.
func TestBundledPlansAreTidy(t *testing.T) {
	files, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled plans: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if ds := Check(f, data); len(ds) > 0 {
			t.Errorf("%s", oneLines(ds))
		}
	}
}

// FuzzFix holds Check and Fix to their promises on any bytes, and Verify to never panic.
func FuzzFix(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c.in))
	}
	f.Add([]byte("a: b\r \r\n"))
	f.Add([]byte("a:\r\n  - b\t\r"))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkFixed(t, in)
		lines := bytes.Count(in, []byte("\n")) + 1
		for _, d := range Check("p.yaml", in) {
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("%s is outside a file of %d lines", d.OneLine(), lines)
			}
		}
		if d, unsafe := Verify("p.yaml", in, Fix(in)); unsafe {
			if strings.ContainsAny(d.Message, "\n\r") || !utf8.ValidString(d.Message) {
				t.Fatalf("diagnostic is not one line of text: %q", d.Message)
			}
			if strings.Contains(d.Message, "the YAML parser failed") {
				t.Fatalf("parser panicked: %s", d.Message)
			}
		}
	})
}
