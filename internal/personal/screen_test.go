package personal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// lines is every line of the files the globs name, and every line joined to the next as
// validate joins a wrapped note.
func lines(t testing.TB, globs ...string) []string {
	var texts []string
	for _, glob := range globs {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if fi, err := os.Stat(f); err != nil || fi.IsDir() {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ls := strings.Split(string(data), "\n")
			for i, line := range ls {
				texts = append(texts, line)
				if i+1 < len(ls) {
					texts = append(texts, line+" "+strings.TrimLeft(ls[i+1], " \t"))
				}
			}
		}
	}
	if len(texts) < 1000 {
		t.Fatalf("%v have %d lines; the globs have lost their files", globs, len(texts))
	}
	return texts
}

// Each pattern's could test must pass wherever its pattern matches, or Find would miss text
// that running every pattern finds.
func TestScreenLosesNothing(t *testing.T) {
	// The bundled plans and this package's tests, whose tables hold each kind of personal text;
	// and, but for -short, the test data and the docs.
	globs := []string{"../../plans/*.yaml", "*_test.go"}
	if !testing.Short() {
		globs = append(globs, "../../testdata/[^r]*/*", "../../*.md", "../../docs/*.md")
	}
	found := map[*pattern]int{}
	bare := 0
	for _, s := range lines(t, globs...) {
		for i := range patterns {
			p := &patterns[i]
			if p.re.MatchString(s) {
				found[p]++
				if !p.could(s) {
					t.Errorf("%s: %q matches, but could says it cannot", p.kind, s)
				}
			}
		}
		if reBareAge.MatchString(s) {
			bare++
			if !bracketedNumber(s) {
				t.Errorf("bare age: %q matches, but has no bracket and digit", s)
			}
		}
	}
	for i := range patterns {
		if found[&patterns[i]] == 0 {
			t.Errorf("nothing in the corpus is %s (pattern %d): the test shows nothing for it", patterns[i].kind, i)
		}
	}
	if bare == 0 {
		t.Error("nothing in the corpus is a bare initial and age")
	}
}

// reBirth ignores case, as Go's regexp does: a letter matches every rune in its simple case
// folding orbit (the Kelvin sign is a "k"). Its could test lowers the text instead, which is the
// same only if every rune in the orbit of a letter it looks for lowers to that letter.
func TestCouldSeesEveryCase(t *testing.T) {
	for _, c := range "bornatefidh" {
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if strings.ToLower(string(r)) != string(c) {
				t.Errorf("%q folds to %q but lowers to %q", r, c, strings.ToLower(string(r)))
			}
		}
	}
}

// BenchmarkFindLines is validate's work over the bundled plans: every line, and every line
// joined to the next.
func BenchmarkFindLines(b *testing.B) {
	texts := lines(b, "../../plans/*.yaml")
	for b.Loop() {
		for _, s := range texts {
			Find(s)
		}
	}
}
