package tabtest_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/testutil/tabtest"
)

// plan is a council's plan as it might arrive: a heading row, an action merged over its
// milestones, a RAG shown only by colour, a date.
const plan = `
# the plan's action table
sheet Actions
Priority 1: Health
Ref | Action | Milestone | Deadline | RAG
1.1 | Improve health checks | Audit | Q3 2025 | Green
    |                       | Report\nto the board |  |
    |                       | Review | Q1 2026 |
merge A1:E1
merge A3:A5
merge B3:B5
fill E4 FFC000
date D4 2025-09-30
fill E5 ff0000
sheet Notes
hidden
Only notes here
`

func TestXLSXRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	if err := tabtest.WriteXLSX(path, plan); err != nil {
		t.Fatal(err)
	}
	// excelize, a reader other than ours, sees what the spec says.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Actions,Notes" {
		t.Errorf("sheets %q", got)
	}
	if v, _ := f.GetSheetVisible("Notes"); v {
		t.Error("Notes is not hidden")
	}
	merges, err := f.GetMergeCells("Actions")
	if err != nil || len(merges) != 3 {
		t.Fatalf("merges %v, %v", merges, err)
	}
	tables, err := tabular.Read(path, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "1: Priority 1: Health | | | |\n" +
		"2: Ref | Action | Milestone | Deadline | RAG\n" +
		"3: 1.1 | Improve health checks | Audit | Q3 2025 | Green\n" +
		"4: | | Report\\nto the board | 30 September 2025 | {FFC000}\n" +
		"5: | | Review | Q1 2026 | {FF0000}\n" +
		"merge r0 c0 1x5\nmerge r2 c0 3x1\nmerge r2 c1 3x1\n"
	if len(tables) != 1 || tables[0].Name != "Actions" {
		t.Fatalf("tables %v", tables)
	}
	if got := grid(tables[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDOCXRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.docx")
	spec := "para Our plan\n" + strings.Replace(plan, "sheet Notes\nhidden\n", "sheet Notes\npara Notes follow\n", 1)
	spec = strings.Replace(spec, "date D4 2025-09-30", "", 1)
	if err := tabtest.WriteDOCX(path, spec); err != nil {
		t.Fatal(err)
	}
	tables, err := tabular.Read(path, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 2 || tables[0].Name != "table 1" || tables[1].Name != "table 2" {
		t.Fatalf("tables %v", tables)
	}
	want := "1: Priority 1: Health | | | |\n" +
		"2: Ref | Action | Milestone | Deadline | RAG\n" +
		"3: 1.1 | Improve health checks | Audit | Q3 2025 | Green\n" +
		"4: | | Report\\nto the board | | {FFC000}\n" +
		"5: | | Review | Q1 2026 | {FF0000}\n" +
		"merge r0 c0 1x5\nmerge r2 c0 3x1\nmerge r2 c1 3x1\n"
	if got := grid(tables[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := grid(tables[1]); got != "1: Only notes here\n" {
		t.Errorf("table 2: got\n%s", got)
	}
	// LibreOffice opens the document and finds its text. It takes half a minute to start, so
	// it is asked only when CPP_SOFFICE=1 (and needs libreoffice-writer), and never with -short.
	if os.Getenv("CPP_SOFFICE") != "1" || testing.Short() {
		t.Log("set CPP_SOFFICE=1, without -short, to check the document with LibreOffice too")
		return
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("CPP_SOFFICE=1 but soffice is not installed")
	}
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+out+"/profile", "--convert-to", "txt:Text", "--outdir", out, path)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	text, err := os.ReadFile(filepath.Join(out, "plan.txt"))
	if err != nil {
		t.Fatalf("LibreOffice did not convert the document: %v\n%s", err, b)
	}
	for _, w := range []string{"Our plan", "Improve health checks", "Report", "Only notes here"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("LibreOffice's text of the document lacks %q:\n%s", w, text)
		}
	}
}

func TestSpecErrors(t *testing.T) {
	for spec, want := range map[string]string{
		"a | b\nmerge B1:A1":              "spec line 2: bad range B1:A1",
		"a | b\nmerge A1:B1\nmerge B1:B2": "merges overlap at B1",
		"sheet Empty\n":                   "sheet Empty has no cells",
		"a\npara after":                   "paragraphs after the last table",
	} {
		s, err := tabtest.Parse(spec)
		if err == nil {
			_, err = tabtest.DOCX(s)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", spec, err, want)
		}
	}
}

func grid(t tabular.Table) string { return t.String() }
