package termsafe

import (
	"reflect"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ in, text, line string }{
		{"plain text", "plain text", "plain text"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab", `two\nlines` + "\tand a tab"},
		{"slipped\x1b[2K\x1b[1A", `slipped\x1b[2K\x1b[1A`, `slipped\x1b[2K\x1b[1A`},
		{"bell\a nul\x00 cr\r del\x7f", `bell\a nul\x00 cr\r del\x7f`, `bell\a nul\x00 cr\r del\x7f`},
		{"c1 \u009b31m csi", `c1 \u009b31m csi`, `c1 \u009b31m csi`},
		{"abc\u202Efed", `abc\u202efed`, `abc\u202efed`},
		{"\u2066isolate\u2069 \u200e\u200f \u061c", `\u2066isolate\u2069 \u200e\u200f \u061c`, `\u2066isolate\u2069 \u200e\u200f \u061c`},
		{"line\u2028and paragraph\u2029separators, next line\u0085", "line\u2028and paragraph\u2029separators, next line\\u0085", `line\u2028and paragraph\u2029separators, next line\u0085`},
		{"not utf-8 \x9b[2K", `not utf-8 \x9b[2K`, `not utf-8 \x9b[2K`},
		{"Café, 子ども, ✓ and a non-breaking\u00a0space", "Café, 子ども, ✓ and a non-breaking\u00a0space", "Café, 子ども, ✓ and a non-breaking\u00a0space"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.text {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := Line(tt.in); got != tt.line {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
		}
	}
}

// Whatever the input, the output holds nothing a terminal acts on, and clean text is unchanged.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "a\x1b[2Kb", "\u202e", "\xff\xfe", "line\nbreak", "\u009b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Text(s)} {
			if found := Found(out); found != nil {
				t.Fatalf("%q still holds %v", out, found)
			}
		}
		if Found(s) == nil && Text(s) != s {
			t.Fatalf("clean %q changed to %q", s, Text(s))
		}
	})
}

func TestFound(t *testing.T) {
	got := Found("a\x1b[2K\x1b[1A \u202eb\x07")
	want := []string{`\x1b`, `\u202e`, `\a`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Found = %q, want %q", got, want)
	}
	if Found("clean\ttext\n") != nil {
		t.Error("tab and newline reported")
	}
}

// A character split across two writes is passed on whole, not as two stray bytes.
func TestWriter(t *testing.T) {
	var out strings.Builder
	w := NewWriter(&out)
	rlo := "\u202e"
	for _, p := range []string{"cpp: skipped plans/a\x1b[2K", rlo[:1], rlo[1:], "b.yaml: ", "é"[:1], "é"[1:] + "\n", "\xe2\x80"} {
		if n, err := w.Write([]byte(p)); n != len(p) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := `cpp: skipped plans/a\x1b[2K\u202eb.yaml: é` + "\n" + `\xe2\x80`; out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
}
