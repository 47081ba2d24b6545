package cli

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/render"
)

// A listing's workbook is binary: to a file, or to standard output only when that is not a
// terminal. The refusal comes before any plan is read.
func TestListingWorkbookNotToATerminal(t *testing.T) {
	for _, args := range [][]string{
		{"due", "--format", "xlsx"}, {"list", "--format", "xlsx", "-o", "-"}, {"leads", "-f", "xlsx"}, {"status", "--format", "xlsx"},
		{"overdue", "--format", "xlsx", "--plan", "no-such-plan"},
	} {
		out, errs, code := runTerminal(t, append(args, "../../plans")...)
		if code != exitcode.Usage || out != "" || errs != "cpp: will not write a workbook to a terminal\n  hint: write it to a file with -o FILE.xlsx, or send standard output to a file\n" {
			t.Errorf("%s on a terminal: exit %d, %d bytes out, stderr %q", strings.Join(args, " "), code, len(out), errs)
		}
		out, _, code = run(t, append(args, "../../plans")...)
		if code != exitcode.OK || !strings.HasPrefix(out, "PK\x03\x04") {
			t.Errorf("%s into a pipe: exit %d, %.8q", strings.Join(args, " "), code, out)
		}
	}
	// Text may go to a terminal.
	out, _, code := runTerminal(t, "due", "--format", "csv", "../../plans")
	if code != exitcode.OK || !strings.HasPrefix(out, "plan,section,id,") {
		t.Errorf("CSV on a terminal: exit %d, %.40q", code, out)
	}
}

// Each command's workbook, read back with excelize, has the CSV's header and rows: every value
// as the CSV writes it, in a cell of its column's type (text as strings, never formulas; counts
// as numbers; dates as numbers shown in ISO form; true and false as booleans).
func TestListingWorkbooksAreTheCSV(t *testing.T) {
	for _, args := range [][]string{
		{"list"}, {"due", "--quarter", "Q3-2025"}, {"overdue", "--today", "2026-06-30"},
		{"leads"}, {"status", "--quarter", "Q3-2025"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			csvOut, _, code := run(t, append(args, "--format", "csv", "../../plans")...)
			if code != exitcode.OK {
				t.Fatalf("csv: exit %d", code)
			}
			want, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			xlsxOut, _, code := run(t, append(args, "--format", "xlsx", "../../plans")...)
			if code != exitcode.OK {
				t.Fatalf("xlsx: exit %d", code)
			}
			f, err := excelize.OpenReader(strings.NewReader(xlsxOut))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet := f.GetSheetName(0)
			got, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || len(want) < 2 {
				t.Fatalf("%d rows in the workbook, %d in the CSV", len(got), len(want))
			}
			// The header says the CSV's column names in words ("days_late" is "Days late").
			words := make([]string, len(want[0]))
			for i, name := range want[0] {
				words[i] = render.HeaderWords(name)
			}
			if strings.Join(got[0], ",") != strings.Join(words, ",") {
				t.Fatalf("header %q, want %q", got[0], words)
			}
			for r := 1; r < len(want); r++ {
				for c, csvValue := range want[r] {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					shown := ""
					if c < len(got[r]) {
						shown = got[r][c]
					}
					typ, err := f.GetCellType(sheet, cell)
					if err != nil {
						t.Fatal(err)
					}
					if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
						t.Errorf("%s is a formula %q", cell, formula)
					}
					if !sameValue(want[0][c], csvValue, shown, typ) {
						t.Errorf("%s (%s): workbook %q (type %v), CSV %q", cell, want[0][c], shown, typ, csvValue)
					}
				}
			}
		})
	}
}

// textColumns and the like say, apart from the code that writes them, what each CSV column is.
var (
	textColumns = []string{"plan", "section", "id", "text", "deadline", "leads", "status", "rag", "tags", "file", "lead", "council", "title"}
	dateColumns = []string{"start", "due"}
)

// sameValue says whether a workbook cell holds the CSV value in the type its column should have.
func sameValue(column, csvValue, shown string, typ excelize.CellType) bool {
	switch {
	case csvValue == "":
		return shown == "" && typ == excelize.CellTypeUnset
	case slices.Contains(textColumns, column):
		return typ == excelize.CellTypeSharedString && render.SafeCell(shown) == csvValue
	case column == "recurring" || column == "deadline_not_understood":
		return typ == excelize.CellTypeBool && strings.EqualFold(shown, csvValue)
	case typ != excelize.CellTypeUnset: // numbers and dates are numbers underneath
		return false
	case slices.Contains(dateColumns, column):
		return shown == csvValue
	}
	a, errA := strconv.ParseFloat(csvValue, 64)
	b, errB := strconv.ParseFloat(shown, 64)
	return errA == nil && errB == nil && a == b
}

// The same plans on the same day give the same workbook, whatever the clock says; another day
// gives another (the workbook is dated with it).
func TestListingWorkbookSameBytes(t *testing.T) {
	at := func(today string, clock time.Time) []byte {
		var out bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard,
			Getenv:     func(string) string { return "" },
			Now:        func() time.Time { return clock },
			IsTerminal: func(io.Writer) bool { return false },
			Getwd:      func() (string, error) { return "../..", nil }}
		if code := Run(env, []string{"status", "--format", "xlsx", "--today", today, "../../plans"}); code != exitcode.OK {
			t.Fatalf("exit %d", code)
		}
		return out.Bytes()
	}
	a := at("2025-10-01", time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC))
	b := at("2025-10-01", time.Date(2027, 3, 4, 17, 5, 6, 0, time.UTC))
	if !bytes.Equal(a, b) {
		t.Error("the same day gave different workbooks at another time")
	}
	if bytes.Equal(a, at("2025-10-02", time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC))) {
		t.Error("another day gave the same workbook")
	}
}

// A text longer than a cell holds is cut in the workbook where it says so, and the command says
// which cell on stderr, with the formats that keep it whole; the workbook is still written.
func TestListingWorkbookLongText(t *testing.T) {
	dir := t.TempDir()
	plan := "id: long\ntitle: Long\ncouncil: Test Council\nperiod: {start: 2025-01-01, end: 2028-12-31}\n" +
		"sections:\n  - id: long.p1\n    kind: priority\n    title: P1\n    actions:\n" +
		"      - {id: long.1, text: \"" + strings.Repeat("word ", 7000) + "END\", deadline: Q3 2025}\n"
	path := filepath.Join(dir, "long.yaml")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "list", "--format", "xlsx", path)
	if code != exitcode.OK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "cpp: warning: sheet \"Actions\" cell D2 (text) is cut to the 32,767 characters a cell holds\n" +
		"  hint: --format csv or json keeps the whole text\n"
	if errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue("Actions", "D2"); !strings.HasSuffix(got, render.CutMark) {
		t.Errorf("D2 ends %q", got[len(got)-40:])
	}
}
