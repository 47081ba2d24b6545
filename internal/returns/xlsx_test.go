package returns

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/render"

	"github.com/cpp-plans/cpp/internal/termsafe"
)

func workbook(t testing.TB, r *Return) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// trim drops the empty cells at the end of a row, as excelize's GetRows does.
func trim(row []string) []string {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}

// The workbook read back with excelize has what `returns import` will rely on: the sheets in
// order, the header words, every row's current values as strings (plan text never a formula),
// the drop-down lists, the locked and open columns, the frozen header, the protection and the
// hidden record of what it was made from.
func TestWorkbookRoundTrip(t *testing.T) {
	r := build(t, "Q3-2025", nil, north, south)
	data := workbook(t, r)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	want := []string{SheetInstructions}
	for _, l := range r.Leads {
		want = append(want, l.Sheet)
	}
	want = append(want, SheetMeasures, SheetMeta)
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets:\n got %q\nwant %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("the workbook opens on sheet %d, not the instructions", f.GetActiveSheetIndex())
	}
	if v, _ := f.GetSheetVisible(SheetMeta); v {
		t.Errorf("the %s sheet is visible", SheetMeta)
	}

	check := func(sheet string, header []string, fillFrom int, rows [][]string, lists map[string]string) {
		t.Helper()
		got, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(rows)+1 {
			t.Fatalf("%s: %d rows, want a header and %d", sheet, len(got), len(rows))
		}
		// Readers that stream a sheet (openpyxl's read-only mode) read only the range it declares.
		if dim, _ := f.GetSheetDimension(sheet); dim != "A1:"+cell(len(header), len(rows)+1) {
			t.Errorf("%s: dimension %q, want A1:%s", sheet, dim, cell(len(header), len(rows)+1))
		}
		if strings.Join(got[0], "|") != strings.Join(header, "|") {
			t.Errorf("%s header: %q", sheet, got[0])
		}
		for i, row := range rows {
			for c := range row {
				row[c] = termsafe.Text(row[c])
			}
			if g, w := trim(got[i+1]), trim(row); strings.Join(g, "|") != strings.Join(w, "|") {
				t.Errorf("%s row %d:\n got %q\nwant %q", sheet, i+2, g, w)
			}
			for c, v := range row {
				name := cell(c+1, i+2)
				if formula, _ := f.GetCellFormula(sheet, name); formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, name, formula)
				}
				if typ, _ := f.GetCellType(sheet, name); v != "" && typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s (%q) is of type %v, not a string", sheet, name, v, typ)
				}
				id, _ := f.GetCellStyle(sheet, name)
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				locked := st.Protection == nil || st.Protection.Locked
				if locked != (c < fillFrom) {
					t.Errorf("%s!%s (%s): locked %v", sheet, name, header[c], locked)
				}
			}
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "B2" {
			t.Errorf("%s panes: %+v, %v", sheet, panes, err)
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]string{}
		for _, dv := range dvs {
			if dv.Type == "list" {
				found[dv.Sqref] = dv.Formula1
			}
		}
		for sqref, formula := range lists {
			if found[sqref] != formula {
				t.Errorf("%s: drop-down on %s is %q, want %q (all: %v)", sheet, sqref, found[sqref], formula, found)
			}
		}
		if len(found) != len(lists) {
			t.Errorf("%s: drop-downs %v, want %v", sheet, found, lists)
		}
	}
	for _, l := range r.Leads {
		var rows [][]string
		for _, a := range l.Rows {
			rows = append(rows, a.Cells())
		}
		last := len(rows) + 1
		check(l.Sheet, ActionHeader, ActionFillFrom, rows, map[string]string{
			fmt.Sprintf("L2:L%d", last): `"Not started,In progress,Complete,Dropped"`,
			fmt.Sprintf("M2:M%d", last): `"Green,Amber,Red"`,
			fmt.Sprintf("Q2:Q%d", last): `"Yes,No"`,
		})
	}
	var rows [][]string
	for _, m := range r.Measures {
		rows = append(rows, m.Cells())
	}
	check(SheetMeasures, MeasureHeader, MeasureFillFrom, rows, map[string]string{})

	// Plan text that looks like a formula is a string in the cell.
	vs := leadOf(r, "Virtual School (North Council)").Sheet
	if v, _ := f.GetCellValue(vs, "C2"); v != `=HYPERLINK("http://evil.example","click")` {
		t.Errorf("section title read back as %q", v)
	}
	meta, err := f.GetRows(SheetMeta)
	if err != nil {
		t.Fatal(err)
	}
	var recs []string
	for _, row := range meta {
		recs = append(recs, strings.Join(row, "|"))
	}
	for _, w := range []string{"format|" + FormatVersion, "exported|2025-10-01", "quarter|Q3 2025",
		"plan|north|a.yaml|calendar|Q3 2025|2025-07-01|2025-09-30",
		"plan|south|b.yaml|financial|Q3 2025/26|2025-10-01|2025-12-31",
		"sheet|" + vs + "|actions|Virtual School|North Council",
		"sheet|Integrated Care Board|actions|Integrated Care Board",
		"sheet|Measures|measures"} {
		if !strings.Contains("\n"+strings.Join(recs, "\n")+"\n", "\n"+w+"\n") {
			t.Errorf("the %s sheet has no record %q:\n%s", SheetMeta, w, strings.Join(recs, "\n"))
		}
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2025-10-01T00:00:00Z" || props.Modified != "2025-10-01T00:00:00Z" {
		t.Errorf("document dated %+v, %v", props, err)
	}

	// Every data sheet is protected, with no password: the locks guard against slips.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	protected := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte(`<sheetProtection`)) {
			protected++
			if bytes.Contains(b, []byte(`password`)) || bytes.Contains(b, []byte(`hashValue`)) {
				t.Errorf("%s has a password", zf.Name)
			}
		}
	}
	if protected != len(r.Leads)+1 {
		t.Errorf("%d protected sheets, want %d", protected, len(r.Leads)+1)
	}
}

// The same plans and day give the same bytes, built a second apart; another day gives other bytes.
func TestWorkbookDeterministic(t *testing.T) {
	// It sleeps past a second's edge (a clock-stamped workbook would change): alongside the
	// package's other tests, not after them.
	t.Parallel()
	a := workbook(t, build(t, "Q3-2025", nil, north, south))
	time.Sleep(1100 * time.Millisecond)
	b := workbook(t, build(t, "Q3-2025", nil, north, south))
	if !bytes.Equal(a, b) {
		t.Fatalf("two builds differ (%d and %d bytes)", len(a), len(b))
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s is stamped %v", zf.Name, zf.Modified)
		}
	}
	r := build(t, "Q3-2025", nil, north, south)
	r.Today = day("2025-10-02")
	if bytes.Equal(a, workbook(t, r)) {
		t.Errorf("a return made on another day has the same bytes")
	}
}

// csvRows are the return's actions as WriteCSV writes them, read back as CSV.
func csvRows(t *testing.T, r *Return) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r, render.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The CSV return has the columns of a lead's sheet, a row per action and lead, and plan text that
// a spreadsheet would run is defused.
func TestCSV(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	rows := csvRows(t, r)
	if strings.Join(rows[0], "|") != strings.Join(ActionHeader, "|") {
		t.Errorf("header %q", rows[0])
	}
	if len(rows)-1 != r.ActionCount() {
		t.Errorf("%d rows for %d", len(rows)-1, r.ActionCount())
	}
	var p11 [][]string
	for _, row := range rows[1:] {
		if row[0] == "north.p1.1" {
			p11 = append(p11, row)
		}
	}
	if len(p11) != 2 || p11[0][4] == p11[1][4] {
		t.Fatalf("north.p1.1 has two leads, and a row for each: %q", p11)
	}
	if p11[0][2] != `'=HYPERLINK("http://evil.example","click")` || p11[0][3] != "'+SUM(A1:A9) open, in progress" || p11[0][9] != "'@cmd delayed" {
		t.Errorf("formula-like text not defused: %q", p11[0])
	}
	var buf bytes.Buffer
	if err := WriteMeasuresCSV(&buf, r, render.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(&buf).ReadAll(); len(rows) != 3 || strings.Join(rows[0], "|") != strings.Join(MeasureHeader, "|") {
		t.Errorf("measures CSV: %q", rows)
	}
}

// An action's text longer than the 32,767 characters an Excel cell holds is cut with the mark
// the listings use, never silently by the library: the officer sees the text was cut (and the
// return is matched back by its ID, which is whole).
func TestWorkbookLongText(t *testing.T) {
	long := strings.Repeat("Word ", 8000) // 40,000 characters
	plan := strings.Replace(north, `text: "+SUM(A1:A9) open, in progress"`, `text: "`+long+`"`, 1)
	r := build(t, "Q3-2025", nil, plan)
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, r)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, l := range r.Leads {
		rows, err := f.GetRows(l.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				if strings.HasPrefix(c, "Word Word") {
					if !strings.HasSuffix(c, render.CutMark) || len(c) > render.MaxCellText*3 {
						t.Fatalf("a %d-character text is in the cell as %d characters ending %q", len(long), len(c), c[max(0, len(c)-40):])
					}
					return
				}
			}
		}
	}
	t.Fatal("the long action text is in no lead's sheet")
}
