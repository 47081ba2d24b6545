package validate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/golden"
)

// TestBadPlans pins the diagnostics for each bad plan in testdata/err: X.yaml ↔ X.out.
func TestBadPlans(t *testing.T) {
	inputs, err := filepath.Glob("../../testdata/err/*.yaml")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no bad plans found: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			label := "testdata/err/" + name + ".yaml"
			f := planfile.Parse(label, data, planfile.Options{})
			repo := NewRepo([]*planfile.File{f})
			ds := Run(repo)
			var out bytes.Buffer
			if err := diag.WriteText(&out, ds, diag.Sources{label: data}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(in, ".yaml")+".out", out.Bytes())
		})
	}
}

// TestPlainEnglish pins what the plain-English check finds in each plan in testdata/plain, with
// the reading age of each section, when it is turned on.
func TestPlainEnglish(t *testing.T) {
	inputs, err := filepath.Glob("../../testdata/plain/*.yaml")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no plans found: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			label := "testdata/plain/" + name + ".yaml"
			repo := NewRepo([]*planfile.File{planfile.Parse(label, data, planfile.Options{})})
			if off := Run(repo); len(off) != 0 {
				t.Fatalf("the plan has problems without the check: %v", off)
			}
			ds := RunWith(repo, Options{PlainEnglish: true})
			var out bytes.Buffer
			if err := diag.WriteText(&out, ds, diag.Sources{label: data}); err != nil {
				t.Fatal(err)
			}
			_, ages := PlainEnglish(repo, Options{PlainEnglish: true})
			for _, a := range ages {
				fmt.Fprintf(&out, "%s:%d:%d: section %s: reading age %d (grade %.1f; %d words, %d sentences, %d syllables)\n",
					a.File, a.Line, a.Col, a.Section, a.ReadingAge, a.Grade, a.Words, a.Sentences, a.Syllables)
			}
			golden.Check(t, strings.TrimSuffix(in, ".yaml")+".out", out.Bytes())
		})
	}
}
