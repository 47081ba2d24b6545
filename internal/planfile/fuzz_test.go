package planfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the loader arbitrary bytes. It must never panic (the recover at the YAML
// boundary must not be what saves it), and every diagnostic must be one line at a real position.
func FuzzParse(f *testing.F) {
	f.Add([]byte(small))
	seeds, _ := filepath.Glob("../../testdata/err/*.yaml")
	plans, _ := filepath.Glob("../../plans/*.yaml")
	for _, p := range append(seeds, plans...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := Parse("fuzz.yaml", data, Options{})
		lines := strings.Count(string(data), "\n") + 1
		for _, d := range file.Diags {
			if strings.Contains(d.Message, "the YAML parser failed") {
				t.Fatalf("parser panicked: %s", d.Message)
			}
			if strings.ContainsAny(d.Message, "\n\r") || !utf8.ValidString(d.Message) {
				t.Fatalf("diagnostic is not one line of text: %q", d.Message)
			}
			if d.Line < 0 || d.Line > lines+1 || d.Col < 0 {
				t.Fatalf("diagnostic at %d:%d is outside a file of %d lines", d.Line, d.Col, lines)
			}
		}
	})
}
