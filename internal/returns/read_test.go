package returns

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/testutil/tabtest"
)

// fill sets cells of the row with the id, by header word, as a lead filling in the workbook would:
// a string is typed as text, a number as a number, a time as a date.
func fill(t testing.TB, f *excelize.File, sheet, id string, cells map[string]any) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
	if row < 0 {
		t.Fatalf("%s: no row %s", sheet, id)
	}
	for col, v := range cells {
		c := slices.IndexFunc(rows[0], func(h string) bool { return strings.EqualFold(h, col) })
		if c < 0 {
			t.Fatalf("%s: no column %s", sheet, col)
		}
		name, _ := excelize.CoordinatesToCellName(c+1, row+1)
		if err := f.SetCellValue(sheet, name, v); err != nil {
			t.Fatal(err)
		}
	}
}

// filled exports the return of the plans for Q3 2025 on 1 Oct 2025, lets do fill it in, and reads
// it back.
func filled(t testing.TB, do func(f *excelize.File), texts ...string) (*Filled, []Problem) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, build(t, "Q3-2025", nil, texts...))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	do(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return Read("q3.xlsx", buf.Bytes())
}

// cellName is the cell of the row with the id, in the column with the header word.
func cellName(t testing.TB, f *excelize.File, sheet, id, col string) string {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
	c := slices.IndexFunc(rows[0], func(h string) bool { return strings.EqualFold(h, col) })
	if row < 0 || c < 0 {
		t.Fatalf("%s: no row %s or column %s", sheet, id, col)
	}
	name, _ := excelize.CoordinatesToCellName(c+1, row+1)
	return name
}

// A cell a lead fills is read as a spreadsheet shows it, or its row is refused by name: a formula
// is its kept value only when one is kept and is not an error; an error is never a note; a
// hyperlink keeps its address; a date is never its serial number, and a date shown as a month
// ("Mar-26") is that month.
func TestReadCells(t *testing.T) {
	kept := map[string]map[string]tabtest.Formula{}
	keep := func(sheet, cell string, fm tabtest.Formula) {
		if kept[sheet] == nil {
			kept[sheet] = map[string]tabtest.Formula{}
		}
		kept[sheet][cell] = fm
	}
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, build(t, "Q3-2025", nil, north))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const vs = "Virtual School"
	// Kept values: a formula's text, and an error.
	fill(t, f, vs, "north.p1.1", map[string]any{ColProgressNote: "x", ColNewStatus: "In progress"})
	keep(vs, cellName(t, f, vs, "north.p1.1", ColProgressNote), tabtest.Formula{Text: `"Mentors "&"recruited"`, Cached: "Mentors recruited", Kept: true})
	fill(t, f, vs, "north.p1.1a", map[string]any{ColProgressNote: "x"})
	keep(vs, cellName(t, f, vs, "north.p1.1a", ColProgressNote), tabtest.Formula{Text: "VLOOKUP(A3,Z:Z,2,FALSE)", Cached: "#REF!", Kept: true})
	// A formula with no value kept.
	must(t, f.SetCellFormula(vs, cellName(t, f, vs, "north.p1.1a", ColEvidence), `A3&" report"`))
	// A hyperlink.
	ev := cellName(t, f, "Integrated Care Board", "north.p1.7", ColEvidence)
	fill(t, f, "Integrated Care Board", "north.p1.7", map[string]any{ColEvidence: "Annual report", ColNewRAG: "Green"})
	must(t, f.SetCellHyperLink("Integrated Care Board", ev, "https://north.example/report.pdf", "External"))
	// Dates: a month shown as Mar-26 in Revised deadline; a date typed as the figure.
	fill(t, f, "Integrated Care Board", "north.p1.7", map[string]any{ColRevised: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	style(t, f, "Integrated Care Board", "north.p1.7", ColRevised, 17) // mmm-yy
	fill(t, f, SheetMeasures, "north.p1.m1", map[string]any{ColNewValue: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)})
	style(t, f, SheetMeasures, "north.p1.m1", ColNewValue, 14)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for sheet, cells := range kept {
		data, err = tabtest.Keep(data, sheet, cells)
		must(t, err)
	}
	got, probs := Read("q3.xlsx", data)
	var ps []string
	for _, p := range probs {
		ps = append(ps, p.String())
	}
	wantP := []string{
		"q3.xlsx: Virtual School, row 3: Progress note: the error #REF! (from a formula); correct it, or type the text or paste as values",
		"q3.xlsx: Virtual School, row 3: Evidence: a formula with no value; type the text or paste as values",
		`q3.xlsx: Measures, row 2: New value "30 September 2025" is a date, not a figure; write the figure as a number`,
	}
	if strings.Join(ps, "\n") != strings.Join(wantP, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(ps, "\n"), strings.Join(wantP, "\n"))
	}
	var acts []string
	for _, a := range got.Actions {
		acts = append(acts, fmt.Sprintf("%s: %s|%s|%s|%q|%q", a.At, a.ID, a.Status, a.Deadline, a.Note, a.Evidence))
	}
	slices.Sort(acts)
	want := []string{
		`q3.xlsx: Integrated Care Board, row 2: north.p1.7||March 2026|""|"Annual report (https://north.example/report.pdf)"`,
		`q3.xlsx: Virtual School, row 2: north.p1.1|in-progress||"Mentors recruited"|""`,
	}
	if strings.Join(acts, "\n") != strings.Join(want, "\n") {
		t.Errorf("actions:\n%s\nwant\n%s", strings.Join(acts, "\n"), strings.Join(want, "\n"))
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func style(t testing.TB, f *excelize.File, sheet, id, col string, numFmt int) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
	c := slices.Index(rows[0], col)
	s, err := f.NewStyle(&excelize.Style{NumFmt: numFmt})
	if err != nil {
		t.Fatal(err)
	}
	name, _ := excelize.CoordinatesToCellName(c+1, row+1)
	if err := f.SetCellStyle(sheet, name, name, s); err != nil {
		t.Fatal(err)
	}
}

// A workbook filled in as a spreadsheet leaves it reads back as the lead meant it: the drop-down's
// words and letters, a date typed into Revised deadline, figures as stored rather than as shown,
// a percentage typed as 58%, a header retyped in capitals; blank rows are skipped.
func TestReadWorkbook(t *testing.T) {
	got, probs := filled(t, func(f *excelize.File) {
		fill(t, f, "Virtual School", "north.p1.1", map[string]any{ColNewStatus: "in progress", ColNewRAG: "G",
			ColProgressNote: "Mentors recruited.\nTraining next.", ColRevised: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)})
		fill(t, f, "Virtual School", "north.p1.1a", map[string]any{ColEvidence: "https://example.org/report", ColRevised: "Q1 2026"})
		if err := f.SetCellStr("Virtual School", "L1", "NEW  STATUS"); err != nil {
			t.Fatal(err)
		}
		fill(t, f, "Integrated Care Board", "north.p1.7", map[string]any{ColNewStatus: "Complete", ColNewRAG: "Green"})
		fill(t, f, SheetMeasures, "north.p1.m1", map[string]any{ColNewValue: 66.25, ColValueDate: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), ColSource: "SSDA903"})
		style(t, f, SheetMeasures, "north.p1.m1", ColNewValue, 1) // "0": shows 66
		fill(t, f, SheetMeasures, "north.p1.m2", map[string]any{ColNewValue: 0.583})
		style(t, f, SheetMeasures, "north.p1.m2", ColNewValue, 9) // "0%": shows 58%
	}, north)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if !got.Exported.Equal(day("2025-10-01")) || got.Periods["north"] != (Span{day("2025-07-01"), day("2025-09-30")}) {
		t.Errorf("exported %v, periods %v", got.Exported, got.Periods)
	}
	var acts []string
	for _, a := range got.Actions {
		acts = append(acts, fmt.Sprintf("%s: %s|%s|%s|%s|%q|%q|%q", a.At, a.ID, a.Status, a.RAG, a.Deadline, a.Note, a.Evidence, ""))
	}
	want := []string{
		`q3.xlsx: Integrated Care Board, row 2: north.p1.7|complete|green||""|""|""`,
		`q3.xlsx: Virtual School, row 2: north.p1.1|in-progress|green|2026-03-31|"Mentors recruited.\nTraining next."|""|""`,
		`q3.xlsx: Virtual School, row 3: north.p1.1a|||Q1 2026|""|"https://example.org/report"|""`,
	}
	slices.Sort(acts)
	if strings.Join(acts, "\n") != strings.Join(want, "\n") {
		t.Errorf("actions:\n%s\nwant\n%s", strings.Join(acts, "\n"), strings.Join(want, "\n"))
	}
	var ms []string
	for _, m := range got.Measures {
		ms = append(ms, fmt.Sprintf("%s: %s=%s on %s from %q", m.At, m.ID, m.Value, m.Date.Format(isoDate), m.Source))
	}
	wantM := []string{`q3.xlsx: Measures, row 2: north.p1.m1=66.25 on 2025-09-30 from "SSDA903"`, `q3.xlsx: Measures, row 3: north.p1.m2=58.3 on 0001-01-01 from ""`}
	if strings.Join(ms, "\n") != strings.Join(wantM, "\n") {
		t.Errorf("measures:\n%s\nwant\n%s", strings.Join(ms, "\n"), strings.Join(wantM, "\n"))
	}
	if got.Blank == 0 {
		t.Errorf("no blank rows counted")
	}
}

// Every problem in a return is named at its sheet and row, in one pass.
func TestReadProblems(t *testing.T) {
	_, probs := filled(t, func(f *excelize.File) {
		fill(t, f, "Virtual School", "north.p1.1", map[string]any{ColNewStatus: "Finished", ColNewRAG: "Blue"})
		fill(t, f, "Virtual School", "north.p1.1a", map[string]any{ColID: "", ColProgressNote: "Whose row is this?"})
		fill(t, f, SheetMeasures, "north.p1.m1", map[string]any{ColValueDate: "30/09/2025", ColNewValue: "61"})
		fill(t, f, SheetMeasures, "north.p1.m2", map[string]any{ColSource: "SSDA903"})
	}, north)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		`q3.xlsx: Virtual School, row 2: New status "Finished" is not a status; choose one of Not started, In progress, Complete, Dropped`,
		`q3.xlsx: Virtual School, row 2: New RAG "Blue" is not a RAG rating; choose one of Green, Amber, Red (or G, A, R)`,
		`q3.xlsx: Virtual School, row 3: the row is filled in but has no ID; each row is read by its ID, as exported`,
		`q3.xlsx: Measures, row 2: Value date "30/09/2025" is not a date; write it as YYYY-MM-DD, as in 2025-09-30`,
		`q3.xlsx: Measures, row 3: New value is blank; a figure needs its value (the Value date, Source and Note go with it)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// What is not a return, or a return of another layout, is named as such.
func TestReadNotAReturn(t *testing.T) {
	blank := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := blank.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	var other bytes.Buffer
	if err := blank.SetCellStr("Sheet1", "A1", "Budget"); err != nil {
		t.Fatal(err)
	}
	if _, err := blank.WriteTo(&other); err != nil {
		t.Fatal(err)
	}
	_, newer := filled(t, func(f *excelize.File) {
		if err := f.SetCellStr(SheetMeta, "B1", "cpp-returns 2"); err != nil {
			t.Fatal(err)
		}
	}, north)
	tests := []struct {
		name, file string
		data       []byte
		probs      []Problem
	}{
		{"an empty workbook", "x.xlsx", buf.Bytes(), nil},
		{"a workbook of something else", "x.xlsx", other.Bytes(), nil},
		{"an old .xls", "x.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), nil},
		{"an old .xls named .xlsx", "x.xlsx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), nil},
		{"a CSV of something else", "x.csv", []byte("name,age\nAda,36\n"), nil},
		{"a broken zip", "x.xlsx", []byte("PK\x03\x04broken"), nil},
		{"a LibreOffice spreadsheet", "x.ods", []byte("PK\x03\x04"), nil},
		{"notes", "x.txt", []byte("Some notes"), nil},
		{"a newer layout", "", nil, newer},
	}
	want := []string{
		"x.xlsx: no visible sheet of the workbook has any text; check that this is the workbook that holds the action table",
		"x.xlsx: no sheet has a return's header row (ID, New status, …); is this a return made by cpp returns export?",
		"x.xls: cpp cannot read Excel 97-2003 workbooks (.xls); open it in Excel and save it as an Excel Workbook (.xlsx), then import that",
		"x.xlsx: the file is a password-protected workbook or an Excel 97-2003 (.xls) workbook, which cpp cannot read; if it has a password, open it in Excel, remove the password (File > Info > Protect Workbook) and save it; if it is an .xls file, save it as an Excel Workbook (.xlsx)",
		"x.csv: row 1: the header row has neither New status nor New value; is this a return made by cpp returns export?",
		"x.xlsx: cannot read the workbook: zip: not a valid zip file; open it in Excel and save it again as an Excel Workbook (.xlsx)",
		"x.ods: cpp cannot read OpenDocument spreadsheets (.ods, as LibreOffice Calc saves them); in LibreOffice Calc, choose File > Save As, and save it as Excel 2007-365 (.xlsx); then use that file",
		`x.txt: cpp cannot tell what kind of table a .txt file holds; if it is tab-separated (Excel's "Text (Tab delimited)"), rename it to .tsv; cpp reads .csv, .tsv, .xlsx and .docx files`,
		`q3.xlsx: the return is in the layout "cpp-returns 2", not "cpp-returns 1", which this cpp reads; export the return again with this cpp`,
	}
	for i, tt := range tests {
		probs := tt.probs
		if tt.data != nil {
			_, probs = Read(tt.file, tt.data)
		}
		if len(probs) != 1 || probs[0].String() != want[i] {
			t.Errorf("%s: %v\nwant %s", tt.name, probs, want[i])
		}
	}
}

// A CSV return reads as the workbook does: headers in any case, a byte-order mark, and the ' that
// defused a formula taken off again (and only that one).
func TestReadCSV(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	rows := csvRows(t, r)
	for i, h := range rows[0] {
		rows[0][i] = strings.ToUpper(h)
	}
	col := func(name string) int { return slices.Index(rows[0], strings.ToUpper(name)) }
	for _, row := range rows[1:] {
		switch row[0] {
		case "north.p1.7":
			row[col(ColNewRAG)], row[col(ColProgressNote)] = "R", "'=Budget cut; '+ and ' stay"
		case "north.p2.1":
			row[col(ColNewStatus)], row[col(ColProgressNote)] = "Dropped", "'Not ours"
		}
	}
	var out bytes.Buffer
	out.WriteString("\ufeff")
	w := csv.NewWriter(&out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	got, probs := Read("q3.csv", out.Bytes())
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	var acts []string
	for _, a := range got.Actions {
		acts = append(acts, fmt.Sprintf("%s: %s %s %s %q", a.At, a.ID, a.Status, a.RAG, a.Note))
	}
	want := `q3.csv: row 9: north.p1.7  red "=Budget cut; '+ and ' stay"` + "\n" + `q3.csv: row 15: north.p2.1 dropped  "'Not ours"`
	if strings.Join(acts, "\n") != want || !got.Exported.IsZero() {
		t.Errorf("got\n%s\nwant\n%s (exported %v)", strings.Join(acts, "\n"), want, got.Exported)
	}

	var buf bytes.Buffer
	if err := WriteMeasuresCSV(&buf, r, render.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(buf.String(), "Care leavers in touch,Virtual School,,,88,2025-03-31,,,,",
		"Care leavers in touch,Virtual School,,,88,2025-03-31,91,2025-09-30,'-survey-,", 1)
	got, probs = Read("m.csv", []byte(text))
	if len(probs) > 0 || len(got.Measures) != 1 {
		t.Fatalf("measures CSV: %v, %+v", probs, got.Measures)
	}
	if m := got.Measures[0]; m.ID != "north.p1.m2" || m.Value != "91" || !m.Date.Equal(day("2025-09-30")) || m.Source != "-survey-" {
		t.Errorf("measure: %+v", m)
	}
}

// Two rows for one id (an action on two leads' sheets) that say the same are one update; that
// say otherwise, a problem. An id no plan has is named with the nearest; an action's id on the
// Measures sheet, and a measure's on a lead's, are named too. Updates are dated with the day of
// the return, kept within its quarter, unless a date is given.
func TestUpdates(t *testing.T) {
	plans, _ := loadText(t, north)
	at := func(sheet string, row int) Place { return Place{File: "q3.xlsx", Sheet: sheet, Row: row} }
	f := &Filled{File: "q3.xlsx", Exported: day("2025-10-01"), Periods: map[string]Span{"north": {day("2025-07-01"), day("2025-09-30")}},
		Actions: []ActionAnswer{
			{At: at("Virtual School", 2), ID: "north.p1.1", Status: plan.InProgress, Note: "Going well."},
			{At: at("Team Manager", 2), ID: "NORTH.P1.1", Status: plan.InProgress, Note: "Going well."},
			{At: at("Virtual School", 3), ID: "north.p1.1a", Note: "Started."},
			{At: at("Team Manager", 3), ID: "north.p1.1a", Note: "Not started.", RAG: plan.Red},
			{At: at("Virtual School", 4), ID: "north.p1.9", Note: "?"},
			{At: at("Virtual School", 5), ID: "north.p1.m1", Note: "?"},
		},
		Measures: []MeasureAnswer{
			{At: at(SheetMeasures, 2), ID: "north.p1.m1", Value: "66"},
			{At: at(SheetMeasures, 3), ID: "north.p1.m2", Value: "90", Date: day("2025-08-31")},
			{At: at(SheetMeasures, 4), ID: "north.p1.7", Value: "1"},
		}}
	ups, probs := Updates(plans, []*Filled{f}, UpdateOptions{})
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"q3.xlsx: Team Manager, row 3: north.p1.1a is answered differently on Virtual School, row 3 (New RAG, Progress note differ); give one answer",
		`q3.xlsx: Virtual School, row 4: no action or measure has id "north.p1.9"; did you mean north.p1.1, north.p1.2, north.p1.3?`,
		"q3.xlsx: Virtual School, row 5: north.p1.m1 is a measure: its figure goes on the Measures sheet, as New value",
		"q3.xlsx: Measures, row 4: north.p1.7 is an action: its progress goes on its lead's sheet, not with the measures",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var us []string
	for _, u := range ups {
		if e := u.Edit.Action; e != nil {
			us = append(us, fmt.Sprintf("%s %s %s %d rows", u.Edit.ID, e.Date.Format(isoDate), e.Status, len(u.At)))
		} else {
			us = append(us, fmt.Sprintf("%s %s %s", u.Edit.ID, u.Edit.Measure.Date.Format(isoDate), u.Edit.Measure.Value))
		}
	}
	wantU := "north.p1.1 2025-09-30 in-progress 2 rows|north.p1.1a 2025-09-30  1 rows|north.p1.m1 2025-09-30 66|north.p1.m2 2025-08-31 90"
	if strings.Join(us, "|") != wantU {
		t.Errorf("updates:\n%s\nwant\n%s", strings.Join(us, "|"), wantU)
	}

	ups, _ = Updates(plans, []*Filled{f}, UpdateOptions{Date: day("2025-10-15")})
	if d := ups[0].Edit.Action.Date; !d.Equal(day("2025-10-15")) {
		t.Errorf("with a date given, dated %v", d)
	}
	for _, tt := range []struct{ exported, want string }{{"2025-08-15", "2025-08-15"}, {"2025-06-01", "2025-07-01"}, {"2026-01-05", "2025-09-30"}} {
		f := &Filled{Exported: day(tt.exported), Periods: f.Periods}
		if got := f.Date(plans[0]); !got.Equal(day(tt.want)) {
			t.Errorf("made on %s: dated %v, want %s", tt.exported, got, tt.want)
		}
	}
	csvReturn := &Filled{File: "q3.csv", Actions: []ActionAnswer{{At: Place{File: "q3.csv", Row: 2}, ID: "north.p1.1", Note: "x"}, {At: Place{File: "q3.csv", Row: 3}, ID: "north.p1.7", Note: "y"}}}
	_, probs = Updates(plans, []*Filled{csvReturn}, UpdateOptions{})
	if len(probs) != 1 || !strings.Contains(probs[0].String(), "q3.csv: the return does not say which day it was made") {
		t.Errorf("a CSV with no date: %v", probs)
	}
}

// Problems are listed as a reader goes through the returns: the files in the order given, each
// workbook's sheets in their order, rows down the sheet; problems in plan files last.
func TestSortProblems(t *testing.T) {
	filled := []*Filled{{File: "b.xlsx", Sheets: []string{"Virtual School", "Housing"}}, {File: "a.csv"}}
	probs := []Problem{
		{At: Place{File: "plans/p.yaml:3:5"}, Message: "plan"},
		{At: Place{File: "a.csv", Row: 2}, Message: "csv"},
		{At: Place{File: "b.xlsx", Sheet: "Housing", Row: 2}, Message: "housing 2"},
		{At: Place{File: "b.xlsx", Sheet: "Virtual School", Row: 9}, Message: "vs 9"},
		{At: Place{File: "b.xlsx", Sheet: "Virtual School", Row: 3}, Message: "vs 3"},
	}
	SortProblems(probs, filled)
	var got []string
	for _, p := range probs {
		got = append(got, p.Message)
	}
	if want := "vs 3|vs 9|housing 2|csv|plan"; strings.Join(got, "|") != want {
		t.Errorf("order %q, want %q", strings.Join(got, "|"), want)
	}
}

// A CSV return reads whatever Excel saved it as: "CSV" in the Windows code page, CSV separated by
// semicolons (Excel in much of Europe), and "Unicode Text" (UTF-16, separated by tabs).
func TestReadCSVEncodings(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, build(t, "Q3-2025", nil, north), render.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	for _, row := range rows[1:] {
		if row[0] == "north.p1.7" {
			row[col(ColNewRAG)], row[col(ColProgressNote)] = "Amber", "Children’s panel delayed; café closed"
		}
	}
	write := func(comma rune) string {
		var out strings.Builder
		w := csv.NewWriter(&out)
		w.Comma, w.UseCRLF = comma, true
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	windows := func(s string) []byte {
		var b []byte
		for _, r := range s {
			switch r {
			case '’':
				b = append(b, 0x92)
			case 'é':
				b = append(b, 0xe9)
			default:
				if r >= 0x80 {
					t.Fatalf("%q is not in the test's Windows-1252", r)
				}
				b = append(b, byte(r))
			}
		}
		return b
	}
	utf16 := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"Windows-1252", windows(write(','))},
		{"semicolons", []byte(write(';'))},
		{"semicolons in Windows-1252", windows(write(';'))},
		{"UTF-16 separated by tabs", utf16(write('\t'))},
	} {
		got, probs := Read("q3.csv", tt.data)
		if len(probs) > 0 {
			t.Errorf("%s: problems %v", tt.name, probs)
			continue
		}
		if len(got.Actions) != 1 || got.Actions[0].Note != "Children’s panel delayed; café closed" || got.Actions[0].RAG != plan.Amber {
			t.Errorf("%s: actions %+v", tt.name, got.Actions)
		}
	}
}

// Problems past MaxListed on a sheet are counted, not kept, and WriteProblems lists the first
// MaxListed of all and counts the rest.
func TestWriteProblemsBounded(t *testing.T) {
	c := newCollector()
	for r := 2; r < 2+MaxListed+30; r++ {
		c.add(Problem{At: Place{File: "a.xlsx", Sheet: "B", Row: r}, Message: "bad"})
	}
	c.add(Problem{At: Place{File: "a.xlsx", Sheet: "A", Row: 9}, Message: "first"})
	probs := c.problems()
	if len(probs) != MaxListed+2 {
		t.Fatalf("kept %d problems, want %d and one count", len(probs), MaxListed+1)
	}
	var out strings.Builder
	n, err := WriteProblems(&out, probs, []*Filled{{File: "a.xlsx", Sheets: []string{"A", "B"}}})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if err != nil || n != MaxListed+31 || len(lines) != MaxListed+1 {
		t.Fatalf("%d problems, %d lines, %v:\n%s", n, len(lines), err, out.String())
	}
	if lines[0] != "a.xlsx: A, row 9: first" || lines[MaxListed] != "… and 31 more problems, not listed: correct those above and import again to see them" {
		t.Errorf("first %q, last %q", lines[0], lines[MaxListed])
	}
}

// The "Share with young people" column: blank is not shared; Yes shares the note; a word that
// is not yes or no, or Yes with no note, is a problem.
func TestReadShareColumn(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	rows := csvRows(t, r)
	col := func(name string) int { return slices.Index(rows[0], name) }
	if col(ColShare) < 0 {
		t.Fatalf("the return has no %q column: %q", ColShare, rows[0])
	}
	for _, row := range rows[1:] {
		if row[col(ColShare)] != "" {
			t.Fatalf("the return shares %s by default", row[0])
		}
		switch row[0] {
		case "north.p1.7":
			row[col(ColProgressNote)], row[col(ColShare)] = "Mentors recruited", "Yes"
		case "north.p2.1":
			row[col(ColProgressNote)] = "Not for young people"
		}
	}
	write := func(rows [][]string) []byte {
		var out bytes.Buffer
		w := csv.NewWriter(&out)
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	got, probs := Read("q3.csv", write(rows))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	shared := map[string]bool{}
	for _, a := range got.Actions {
		shared[a.ID] = a.Share
	}
	if !shared["north.p1.7"] || shared["north.p2.1"] || len(shared) != 2 {
		t.Errorf("shared: %v", shared)
	}
	ups, _ := Updates(r.Plans, []*Filled{got}, UpdateOptions{Date: day("2025-10-01")})
	for _, u := range ups {
		if e := u.Edit.Action; e != nil && e.Share != (u.Edit.ID == "north.p1.7") {
			t.Errorf("%s: edit shares %v", u.Edit.ID, e.Share)
		}
	}
	for _, row := range rows[1:] {
		switch row[0] {
		case "north.p1.7":
			row[col(ColShare)] = "Maybe"
		case "north.p2.1":
			row[col(ColProgressNote)], row[col(ColShare)], row[col(ColNewStatus)] = "", "Yes", "Complete"
		}
	}
	_, probs = Read("q3.csv", write(rows))
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	want := `q3.csv: row 9: Share with young people "Maybe" is not Yes or No` + "\n" +
		`q3.csv: row 15: Share with young people is Yes, but there is no Progress note to share`
	if strings.Join(msgs, "\n") != want {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(msgs, "\n"), want)
	}
}

// unsafeCell takes off exactly the ' that render.SafeCell puts on, and nothing else. ("'=x" is
// read as "=x": a ' before a formula's sign is how a spreadsheet is told the cell is text.)
func TestUnsafeCellUndoesSafeCell(t *testing.T) {
	for _, s := range []string{"=SUM(A1)", "+44 20", "-3", "@cmd", "\tx", "\rx", "'", "''", "plain", "", "'plain"} {
		if got := unsafeCell(render.SafeCell(s)); got != s {
			t.Errorf("unsafeCell(SafeCell(%q)) = %q", s, got)
		}
	}
	for _, s := range []string{"'plain", "'", "'' x"} {
		if got := unsafeCell(s); got != s {
			t.Errorf("unsafeCell(%q) = %q: a ' a lead typed stays", s, got)
		}
	}
}

// A header with both a lead's columns and the Measures sheet's is refused at its header row: read
// as either, the other's answers would be lost without a word.
func TestReadMixedHeader(t *testing.T) {
	_, probs := Read("mixed.csv", []byte("ID,New status,Progress note,New value,Value date\nnorth.p1.1,Complete,Done,5,2025-09-30\n"))
	want := "mixed.csv: row 1: the header has both a lead's columns (New status, …) and the Measures sheet's (New value, …); a sheet is one or the other: keep its columns as exported"
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("problems %v, want %q", probs, want)
	}
}
