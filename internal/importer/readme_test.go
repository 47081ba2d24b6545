package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestREADMEExample keeps the README's import example what import_csv.txtar runs: the table, the
// summary on stderr and the plan's lines it quotes.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("../../testdata/script/import_csv.txtar")
	if err != nil {
		t.Fatal(err)
	}
	section, _, _ := strings.Cut(string(readme)[strings.Index(string(readme), "# Importing a plan"):], "How the table is read")
	for _, f := range ar.Files {
		want := string(f.Data)
		switch f.Name {
		case "want.yaml":
			// The README quotes the lines around the sub-actions.
			i := strings.Index(want, "      - id: riverside-ap.p1.2 # row 5")
			want = want[i : i+400]
			want = want[:strings.LastIndex(want, "\n")]
		case "plan.csv", "summary.txt":
		default:
			continue
		}
		if !strings.Contains(section, want) {
			t.Errorf("the README's import example does not show %s as import_csv.txtar has it:\n%s", f.Name, want)
		}
	}
	if !strings.Contains(section, "$ cpp import plan.csv --id riverside-ap --title 'Corporate Parenting Action Plan 2025-2027' --council 'Riverside Council'\n") {
		t.Error("the README's import command is not the script's")
	}
}
