package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/golden"
	"github.com/cpp-plans/cpp/internal/planfile"
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
