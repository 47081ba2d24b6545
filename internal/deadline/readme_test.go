package deadline

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The manual's tables of deadline forms (docs/deadlines.md) are the user's promise: every form in the first table
// is read, every form in the table of cells not understood is not understood, and every form in
// the table of errors is refused as an error.
func TestREADMEForms(t *testing.T) {
	b, err := os.ReadFile("../../docs/deadlines.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "# Deadlines")
	end := strings.Index(doc, "## Recurring deadlines")
	if start < 0 || end < start {
		t.Fatal("docs/deadlines.md has no Deadlines section")
	}
	code := regexp.MustCompile("`([^`]+)`")
	table := 0
	checked := map[int]int{}
	for _, line := range strings.Split(doc[start:end], "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(line, "|")
		if strings.TrimSpace(cells[1]) == "written" {
			table++
			continue
		}
		for _, m := range code.FindAllStringSubmatch(cells[1], -1) {
			_, err := Parse(m[1], Calendar)
			if table == 1 && err != nil {
				t.Errorf("README reads %q, but Parse: %v", m[1], err)
			}
			if table == 2 && !NotUnderstood(err) {
				t.Errorf("README does not understand %q, but Parse: %v", m[1], err)
			}
			if table == 3 && (err == nil || NotUnderstood(err)) {
				t.Errorf("README refuses %q as an error, but Parse: %v", m[1], err)
			}
			checked[table]++
		}
	}
	if checked[1] < 60 || checked[2] < 20 || checked[3] < 5 {
		t.Errorf("checked %d read, %d not understood and %d refused forms: the README tables were not found whole", checked[1], checked[2], checked[3])
	}
}
