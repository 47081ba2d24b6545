package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

func writeWorkbook(t *testing.T, b Workbook) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A listing with the text Excel would take for something else: a deadline that looks like a
// date, formulas, a number written as text and a control character.
func hostileListing() Workbook {
	rows := [][]string{
		{"camden-cp", "p1", "camden-cp.p1.1", "=HYPERLINK(\"http://evil\",\"click\")", "September 2025", "2025-09-01", "2025-09-30",
			"false", "Virtual School; ICB", "in-progress", "amber", "12", "", "plans/camden.yaml", "42"},
		{"camden-cp", "p1", "camden-cp.p1.2", "+44 20 7974 4444\x01 and -1" + strings.Repeat(", and more", 5), "2025-2028", "", "",
			"true", "@team", "not-started", "", "0", "care-leavers", "plans/camden.yaml", "7"},
	}
	return Workbook{Title: "Due in Q3 2025", Day: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
		Sheets: []Sheet{{Name: "Due Q3 2025/26", Header: ActionColumns, Kinds: ActionKinds, Rows: rows}}}
}

// The workbook read back with excelize: every cell typed as its column says (dates as dates in
// ISO form, counts as numbers, text as strings and never formulas), empty values as no cell, the
// header styled, frozen and filtered, and the same bytes every time.
func TestWorkbookTypedCells(t *testing.T) {
	b := hostileListing()
	data := writeWorkbook(t, b)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "Due Q3 2025 26"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets %q, want [%q]", got, sheet)
	}
	type want struct {
		cell  string
		typ   excelize.CellType
		shown string
	}
	for _, w := range []want{
		{"A1", excelize.CellTypeSharedString, "Plan"},
		{"D2", excelize.CellTypeSharedString, `=HYPERLINK("http://evil","click")`},
		{"E2", excelize.CellTypeSharedString, "September 2025"},
		{"F2", excelize.CellTypeUnset, "2025-09-01"},
		{"G2", excelize.CellTypeUnset, "2025-09-30"},
		{"H2", excelize.CellTypeBool, "FALSE"},
		{"L2", excelize.CellTypeUnset, "12"},
		{"M2", excelize.CellTypeUnset, ""},
		{"O2", excelize.CellTypeUnset, "42"},
		{"D3", excelize.CellTypeSharedString, `+44 20 7974 4444\x01 and -1` + strings.Repeat(", and more", 5)},
		{"E3", excelize.CellTypeSharedString, "2025-2028"},
		{"F3", excelize.CellTypeUnset, ""},
		{"H3", excelize.CellTypeBool, "TRUE"},
		{"I3", excelize.CellTypeSharedString, "@team"},
	} {
		typ, err := f.GetCellType(sheet, w.cell)
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetCellValue(sheet, w.cell)
		if typ != w.typ || shown != w.shown {
			t.Errorf("%s: type %v, shows %q; want type %v, %q", w.cell, typ, shown, w.typ, w.shown)
		}
		if formula, _ := f.GetCellFormula(sheet, w.cell); formula != "" {
			t.Errorf("%s is a formula: %q", w.cell, formula)
		}
	}
	// Numbers and dates are numbers underneath (excelize leaves their type unset, as Excel does):
	// a date is Excel's day count, shown through the ISO format.
	raw := func(cell string) string {
		v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		return v
	}
	if got := raw("G2"); got != "45930" {
		t.Errorf("G2 (2025-09-30) holds %q, want Excel's day 45930", got)
	}
	if got := raw("L2"); got != "12" {
		t.Errorf("L2 holds %q", got)
	}
	numFmt := func(cell string) (int, string) {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		custom := ""
		if st.CustomNumFmt != nil {
			custom = *st.CustomNumFmt
		}
		return st.NumFmt, custom
	}
	if _, custom := numFmt("G2"); custom != "yyyy-mm-dd" {
		t.Errorf("the due date's format is %q, want yyyy-mm-dd", custom)
	}
	if n, _ := numFmt("E2"); n != 49 {
		t.Errorf("the deadline column's format is %d, want 49 (text)", n)
	}
	hid, _ := f.GetCellStyle(sheet, "A1")
	if st, _ := f.GetStyle(hid); st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
		t.Errorf("the header is not bold and shaded: %+v", st)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the first row frozen", panes)
	}
	filter := ""
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filter = d.RefersTo
		}
	}
	if filter != "'Due Q3 2025 26'!$A$1:$P$3" {
		t.Errorf("autofilter over %q, want the header and both rows", filter)
	}
	// Each column as wide as its widest cell and a character, or its header and the filter's
	// button, up to maxColumnWidth.
	for col, want := range map[string]float64{"A": 10, "C": 15, "D": maxColumnWidth, "G": 11, "H": 12, "L": 12} {
		if w, _ := f.GetColWidth(sheet, col); w != want {
			t.Errorf("column %s is %v wide, want %v", col, w, want)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != b.Title || props.Created != "2025-10-01T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document properties %+v", props)
	}
	if again := writeWorkbook(t, hostileListing()); !bytes.Equal(data, again) {
		t.Error("the same listing gave different bytes")
	}
	other := hostileListing()
	other.Day = other.Day.AddDate(0, 0, 1)
	if bytes.Equal(data, writeWorkbook(t, other)) {
		t.Error("a listing as of another day has the same bytes")
	}
}

// A value that is not what its column says is a bug in the caller, reported, not guessed at.
func TestWorkbookRefusesMistypedValues(t *testing.T) {
	b := hostileListing()
	b.Sheets[0].Rows[0][6] = "September 2025"
	if err := WriteXLSX(&bytes.Buffer{}, b); err == nil || !strings.Contains(err.Error(), "due") {
		t.Errorf("a month in a date column: %v", err)
	}
	b = hostileListing()
	b.Sheets[0].Kinds = b.Sheets[0].Kinds[1:]
	if err := WriteXLSX(&bytes.Buffer{}, b); err == nil {
		t.Error("a sheet with a kind missing was written")
	}
}

// With no rows, the sheet still has its header, filter and frozen row.
func TestWorkbookEmpty(t *testing.T) {
	data := writeWorkbook(t, Workbook{Title: "Leads", Sheets: []Sheet{{Name: "Leads", Header: []string{"lead", "actions"}, Kinds: []CellKind{CellText, CellNumber}}}})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Leads")
	if err != nil || len(rows) != 1 || strings.Join(rows[0], ",") != "Lead,Actions" {
		t.Errorf("rows %q, %v", rows, err)
	}
}

func TestSheetName(t *testing.T) {
	long := strings.Repeat("x", 40)
	for _, tt := range []struct{ in, want string }{
		{"Due Q3 2025", "Due Q3 2025"},
		{"Due Q3 2025/26", "Due Q3 2025 26"},
		{"a[b]c:d*e?f/g\\h", "a b c d e f g h"},
		{"'quoted'", "quoted"},
		{"tab\tand\u202eoverride", "tab and override"},
		{long, long[:31]},
		{strings.Repeat("x", 30) + "😀", strings.Repeat("x", 30)}, // two UTF-16 units: no room
		{strings.Repeat("x", 29) + " 'y", strings.Repeat("x", 29)},
		{"[]", ""},
		// Too long: a council's formal name is shortened, then the name cut at a word.
		{"Youth Justice (London Borough of Camden)", "Youth Justice (Camden)"},
		{"Virtual School (Cambridgeshire County Council)", "Virtual School (Cambridgeshire)"},
		{"Corporate Parenting Service and Participation Team", "Corporate Parenting Service"},
		{"Children in Care Council and the Participation Team", "Children in Care Council"},
		{"Leaving Care (Royal Borough of Kensington and Chelsea)", "Leaving Care (Kensington)"},
		{"Health (Not named in the source document)", "Health (council not named)"},
	} {
		got := SheetName(tt.in, MaxSheetName)
		if got != tt.want {
			t.Errorf("SheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := len(utf16.Encode([]rune(got))); n > MaxSheetName {
			t.Errorf("SheetName(%q) is %d units long", tt.in, n)
		}
	}
}

// BenchmarkWriteXLSX writes a national-sized listing: 10,000 actions.
func BenchmarkWriteXLSX(b *testing.B) {
	row := hostileListing().Sheets[0].Rows[0]
	rows := make([][]string, 10000)
	for i := range rows {
		rows[i] = append([]string{}, row...)
		rows[i][2] = fmt.Sprintf("camden-cp.p1.%d", i)
		rows[i][3] = fmt.Sprintf("Action %d: review the sufficiency of placements for children in care, with the ICB", i)
	}
	wb := Workbook{Title: "bench", Sheets: []Sheet{{Name: "Actions", Header: ActionColumns, Kinds: ActionKinds, Rows: rows}}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := WriteXLSX(io.Discard, wb); err != nil {
			b.Fatal(err)
		}
	}
}

// Each sheet says which cells it uses: readers that stream a sheet (openpyxl's read-only mode,
// and so whoever reads a large workbook with it) take the <dimension> at its word, and one that
// said "A1" showed a listing as a single cell.
func TestWorkbookDimension(t *testing.T) {
	for _, tt := range []struct {
		name string
		b    Workbook
		want string
	}{
		{"rows", hostileListing(), "A1:P3"},
		{"header only", Workbook{Sheets: []Sheet{{Name: "Leads", Header: []string{"lead", "actions"}, Kinds: []CellKind{CellText, CellNumber}}}}, "A1:B1"},
		{"last cell empty", Workbook{Sheets: []Sheet{{Name: "S", Header: []string{"a", "b", "c"}, Kinds: []CellKind{CellText, CellText, CellText},
			Rows: [][]string{{"x", "", ""}, {"y", "z", ""}}}}}, "A1:C3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, tt.b)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := f.GetSheetDimension(f.GetSheetName(0))
			if err != nil || got != tt.want {
				t.Errorf("dimension %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

// Excel holds 32,767 characters (UTF-16 units) in a cell; excelize silently drops the rest. A
// longer text is cut where it says so, within the limit and never inside a character, and the
// writer is told which cell.
func TestWorkbookLongText(t *testing.T) {
	b := hostileListing()
	long := strings.Repeat("x", 32000) + strings.Repeat("😀", 500) + " END"
	b.Sheets[0].Rows[1][3] = long
	b.Sheets[0].Rows[0][8] = strings.Repeat("y", MaxCellText) // exactly the limit: kept whole
	var warned []string
	b.Warn = func(msg string) { warned = append(warned, msg) }
	f, err := excelize.OpenReader(bytes.NewReader(writeWorkbook(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	got, _ := f.GetCellValue(sheet, "D3")
	units := utf16.Encode([]rune(got))
	if len(units) > MaxCellText || !strings.HasSuffix(got, CutMark) || !strings.HasPrefix(long, strings.TrimSuffix(got, CutMark)) {
		t.Errorf("D3 is %d units, ends %q", len(units), got[max(0, len(got)-60):])
	}
	if len(units) < MaxCellText-1 {
		t.Errorf("D3 cut to %d units, more than needed", len(units))
	}
	if kept, _ := f.GetCellValue(sheet, "I2"); kept != b.Sheets[0].Rows[0][8] {
		t.Errorf("a text of exactly %d characters was changed to %d", MaxCellText, len(kept))
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "D3") || !strings.Contains(warned[0], "text") {
		t.Errorf("warnings %q, want one naming D3 and its column", warned)
	}
}
