package tabular

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/testutil/tabtest"
)

// workbook builds a workbook in memory; build gets a file whose first sheet is "Sheet1".
func workbook(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func set(t testing.TB, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	must(t, f.SetCellValue(sheet, cell, v))
}

func fillStyle(t testing.TB, f *excelize.File, colour string) int {
	t.Helper()
	id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}})
	must(t, err)
	return id
}

func numFmtStyle(t testing.TB, f *excelize.File, id int, custom string) int {
	t.Helper()
	st := &excelize.Style{NumFmt: id}
	if custom != "" {
		st = &excelize.Style{CustomNumFmt: &custom}
	}
	s, err := f.NewStyle(st)
	must(t, err)
	return s
}

func TestReadXLSX(t *testing.T) {
	day := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		build func(t *testing.T, f *excelize.File)
		opts  Options
		want  map[string]string // sheet name → grid
		order []string
	}{
		{name: "a plan with a heading, a merged action and fills",
			build: func(t *testing.T, f *excelize.File) {
				must(t, f.SetSheetName("Sheet1", "Actions"))
				for cell, v := range map[string]any{
					"A1": "Priority 1: Health", "A2": "Action", "B2": "Milestone", "C2": "RAG",
					"A3": "Improve health checks", "B3": "Audit", "B4": "Report", "B5": "Review",
					"C3": "Green",
				} {
					set(t, f, "Actions", cell, v)
				}
				must(t, f.MergeCell("Actions", "A1", "C1"))
				must(t, f.MergeCell("Actions", "A3", "A5"))
				must(t, f.SetCellStyle("Actions", "C4", "C4", fillStyle(t, f, "ffc000")))
				must(t, f.SetCellStyle("Actions", "C5", "C5", fillStyle(t, f, "FF0000")))
			},
			want: map[string]string{"Actions": "1: Priority 1: Health | |\n2: Action | Milestone | RAG\n3: Improve health checks | Audit | Green\n4: | Report | {FFC000}\n5: | Review | {FF0000}\nmerge r0 c0 1x3\nmerge r2 c0 3x1\n"},
		},
		{name: "dates are written out as a day, a month or a year as the format shows",
			build: func(t *testing.T, f *excelize.File) {
				for i, st := range []int{
					numFmtStyle(t, f, 14, ""), numFmtStyle(t, f, 15, ""), numFmtStyle(t, f, 17, ""),
					numFmtStyle(t, f, 0, "dd/mm/yyyy"), numFmtStyle(t, f, 0, `[$-809]d\ mmmm\ yyyy;@`),
					numFmtStyle(t, f, 0, "mmmm yyyy"), numFmtStyle(t, f, 0, "yyyy"),
					numFmtStyle(t, f, 0, `"Due "mm/yy`),
					numFmtStyle(t, f, 20, ""), numFmtStyle(t, f, 0, "[h]:mm"), numFmtStyle(t, f, 0, `0 "days"`),
				} {
					cell, _ := excelize.CoordinatesToCellName(i+1, 1)
					set(t, f, "Sheet1", cell, day)
					must(t, f.SetCellStyle("Sheet1", cell, cell, st))
				}
				// A date format over text, or over a time of day, shows what is there.
				set(t, f, "Sheet1", "A2", "Q3 2025")
				set(t, f, "Sheet1", "B2", 0.5)
				must(t, f.SetCellStyle("Sheet1", "A2", "B2", numFmtStyle(t, f, 14, "")))
			},
			want: map[string]string{"Sheet1": "1: 30 September 2025 | 30 September 2025 | September 2025 | 30 September 2025 | 30 September 2025 | September 2025 | 2025 | September 2025 | 00:00 | 00:00 | 45930 days\n" +
				"2: Q3 2025 | 0.5 | | | | | | | | |\n"},
		},
		{name: "empty rows are kept, and lines are the sheet's rows",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "B2", "ID")
				set(t, f, "Sheet1", "B5", "1")
				set(t, f, "Sheet1", "D5", "   ") // space only is no text
			},
			want: map[string]string{"Sheet1": "1: |\n2: | ID\n3: |\n4: |\n5: | 1\n"},
		},
		{name: "hidden and empty sheets are passed over; the rest in order",
			build: func(t *testing.T, f *excelize.File) {
				for _, s := range []string{"Notes", "Hidden", "Empty", "Actions"} {
					_, err := f.NewSheet(s)
					must(t, err)
					if s != "Empty" {
						set(t, f, s, "A1", s)
					}
				}
				must(t, f.SetSheetVisible("Hidden", false))
			},
			order: []string{"Notes", "Actions"},
		},
		{name: "a hidden sheet is read when named",
			build: func(t *testing.T, f *excelize.File) {
				_, err := f.NewSheet("Data")
				must(t, err)
				set(t, f, "Data", "A1", "x")
				set(t, f, "Sheet1", "A1", "y")
				must(t, f.SetSheetVisible("Data", false))
			},
			opts:  Options{Sheet: "data"},
			order: []string{"Data"},
		},
		{name: "a merged range reaching past the text is cut to it",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "Heading")
				set(t, f, "Sheet1", "B2", "x")
				must(t, f.MergeCell("Sheet1", "A1", "Z1"))
				must(t, f.MergeCell("Sheet1", "A2", "A1000"))
				must(t, f.MergeCell("Sheet1", "D4", "F9")) // wholly outside
			},
			want: map[string]string{"Sheet1": "1: Heading |\n2: | x\nmerge r0 c0 1x2\n"},
		},
		{name: "row and column styles fill the cells the row leaves out",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				set(t, f, "Sheet1", "C3", "c")
				must(t, f.SetColStyle("Sheet1", "B", fillStyle(t, f, "00B050")))
				must(t, f.SetRowStyle("Sheet1", 3, 3, fillStyle(t, f, "FFFF00")))
			},
			want: map[string]string{"Sheet1": "1: a | {00B050} |\n2: | {00B050} |\n3: {FFFF00} | {FFFF00} | c {FFFF00}\n"},
		},
		{name: "1904 dates",
			build: func(t *testing.T, f *excelize.File) {
				must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}))
				set(t, f, "Sheet1", "A1", 44468.0) // 30 September 2025 counted from 1904
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", numFmtStyle(t, f, 0, "d mmmm yyyy")))
			},
			want: map[string]string{"Sheet1": "1: 30 September 2025\n"},
		},
		{name: "text is trimmed and its line breaks made one kind",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "  first\r\nsecond\rthird  ")
			},
			want: map[string]string{"Sheet1": "1: first\\nsecond\\nthird\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := workbook(t, func(f *excelize.File) { tt.build(t, f) })
			tables, err := ReadBytes("plan.xlsx", data, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range tables {
				names = append(names, tb.Name)
				if want, ok := tt.want[tb.Name]; ok {
					if got := grid(tb); got != want {
						t.Errorf("sheet %s: got\n%s\nwant\n%s", tb.Name, got, want)
					}
				}
			}
			if tt.order != nil && strings.Join(names, ",") != strings.Join(tt.order, ",") {
				t.Errorf("sheets %q, want %q", names, tt.order)
			}
			if tt.want != nil && len(tables) != len(tt.want) {
				t.Errorf("got %d sheets %q, want %d", len(tables), names, len(tt.want))
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestReadXLSXErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opts Options
		err  string
		hint string
	}{
		{name: "empty file", data: nil, err: "plan.xlsx: the file is not an Excel workbook (it is not a zip archive)", hint: ".csv"},
		{name: "CSV named .xlsx", data: []byte("ID,Action\n"), err: "not an Excel workbook"},
		{name: "old or protected", data: []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), err: "password-protected", hint: "remove the password"},
		{name: "a zip that is not a workbook", data: zipOf(t, map[string]string{"hello.txt": "hi"}), err: "cannot read the workbook", hint: "save it again"},
		{name: "a truncated workbook", data: workbook(t, func(*excelize.File) {})[:200], err: "cannot read the workbook"},
		{name: "unknown sheet", data: workbook(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") }),
			opts: Options{Sheet: "Actions"}, err: `there is no sheet "Actions"`, hint: `"Sheet1"`},
		{name: "named sheet without text", data: workbook(t, func(f *excelize.File) {}),
			opts: Options{Sheet: "sheet1"}, err: `sheet "Sheet1" has no text`},
		{name: "no text anywhere", data: workbook(t, func(f *excelize.File) {}), err: "no visible sheet of the workbook has any text", hint: "check"},
		{name: "text only on a hidden sheet", data: workbook(t, func(f *excelize.File) {
			_, err := f.NewSheet("Plan")
			must(t, err)
			set(t, f, "Plan", "A1", "x")
			must(t, f.SetSheetVisible("Plan", false))
		}), err: "no visible sheet", hint: `"Plan"`},
		{name: "a cell far away", data: patch(t, workbook(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") }),
			"xl/worksheets/sheet1.xml", func(s string) string {
				return strings.Replace(s, "</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData>`, 1)
			}), err: "too many for an action table"},
		{name: "a million empty styled cells", data: patch(t, workbook(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") }),
			"xl/worksheets/sheet1.xml", func(s string) string {
				return strings.Replace(s, "</sheetData>", `<row r="2">`+strings.Repeat(`<c s="0"/>`, 16000)+`</row><row r="1048576"><c r="B1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData>`, 1)
			}), err: "too many for an action table"},
		{name: "a zip bomb", data: bomb(t), err: "it unpacks to more than 200 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("plan.xlsx", tt.data, tt.opts)
			checkErr(t, err, tt.err, 0, 0, tt.hint)
		})
	}
}

// bomb is a workbook whose sheet says it unpacks to more than maxUnzipped. archive/zip reads no
// more than a part says it holds, so the size it says is the one to check.
func bomb(t *testing.T) []byte {
	good := workbook(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") })
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	must(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		fh := f.FileHeader
		if f.Name == "xl/worksheets/sheet1.xml" {
			fh.UncompressedSize64 = maxUnzipped + 1
		}
		w, err := zw.CreateRaw(&fh)
		must(t, err)
		r, err := f.OpenRaw()
		must(t, err)
		_, err = io.Copy(w, r)
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// patch rewrites one part of a workbook, for what excelize will not write: what other programs do.
func patch(t *testing.T, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		r, err := f.Open()
		must(t, err)
		body, err := io.ReadAll(r)
		must(t, err)
		if f.Name == part {
			edited := edit(string(body))
			if edited == string(body) {
				t.Fatalf("patch of %s changed nothing", part)
			}
			if edited == "" {
				continue // the part is left out
			}
			body = []byte(edited)
		}
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(body)
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

func TestReadXLSXFromOtherPrograms(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, f *excelize.File)
		part  string
		edit  func(string) string
		want  string
	}{
		{name: "a merged range's other cells are empty",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "kept")
				set(t, f, "Sheet1", "B1", "hidden by the merge")
				set(t, f, "Sheet1", "B2", "x")
			},
			part: "xl/worksheets/sheet1.xml",
			edit: func(s string) string {
				return strings.Replace(s, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`, 1)
			},
			want: "1: kept |\n2: | x\nmerge r0 c0 1x2\n",
		},
		{name: "overlapping merges: the first is kept",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				set(t, f, "Sheet1", "C3", "c")
			},
			part: "xl/worksheets/sheet1.xml",
			edit: func(s string) string {
				return strings.Replace(s, "</sheetData>", `</sheetData><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="C1:C2"/></mergeCells>`, 1)
			},
			want: "1: a | |\n2: | |\n3: | | c\nmerge r0 c0 2x2\nmerge r0 c2 2x1\n",
		},
		{name: "a theme colour fill",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", fillStyle(t, f, "FFC000")))
			},
			part: "xl/styles.xml",
			edit: func(s string) string {
				return strings.Replace(s, `<fgColor rgb="FFFFC000"></fgColor>`, `<fgColor theme="5"/>`, 1)
			},
			want: "1: a {ED7D31}\n",
		},
		{name: "a tinted theme colour fill",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", fillStyle(t, f, "FFC000")))
			},
			part: "xl/styles.xml",
			edit: func(s string) string {
				return strings.Replace(s, `<fgColor rgb="FFFFC000"></fgColor>`, `<fgColor theme="4" tint="0.3999755851924192"/>`, 1)
			},
			// Excel shows Accent 1, Lighter 40% (of 5B9BD5) as 9BC2E6; excelize's arithmetic is a shade off.
			want: "1: a {9DC3E6}\n",
		},
		{name: "a workbook without a theme part, as LibreOffice writes",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", fillStyle(t, f, "FFC000")))
			},
			part: "xl/theme/theme1.xml",
			edit: func(string) string { return "" },
			want: "1: a {FFC000}\n",
		},
		{name: "an indexed colour fill",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", fillStyle(t, f, "FFC000")))
			},
			part: "xl/styles.xml",
			edit: func(s string) string {
				return strings.Replace(s, `<fgColor rgb="FFFFC000"></fgColor>`, `<fgColor indexed="10"/>`, 1)
			},
			want: "1: a {FF0000}\n",
		},
		{name: "a pattern that is not solid is no fill",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", fillStyle(t, f, "FFC000")))
			},
			part: "xl/styles.xml",
			edit: func(s string) string { return strings.Replace(s, `patternType="solid"`, `patternType="gray125"`, 1) },
			want: "1: a\n",
		},
		{name: "a date cell of date type",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", 1.0)
				must(t, f.SetCellStyle("Sheet1", "A1", "A1", numFmtStyle(t, f, 14, "")))
			},
			part: "xl/worksheets/sheet1.xml",
			edit: func(s string) string {
				return strings.Replace(s, `<v>1</v>`, `<v>2026-03-31T00:00:00.000</v>`, 1)
			},
			want: "1: 31 March 2026\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := patch(t, workbook(t, func(f *excelize.File) { tt.build(t, f) }), tt.part, tt.edit)
			if tt.name == "a date cell of date type" {
				data = patch(t, data, tt.part, func(s string) string { return strings.Replace(s, `<c r="A1" s="1">`, `<c r="A1" s="1" t="d">`, 1) })
			}
			tables, err := ReadBytes("plan.xlsx", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := grid(tables[0]); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Every cell is read as Excel shows it, or marked as one that cannot be read: a formula is its
// kept value only when Excel kept one that is not an error; an error is never text; a hyperlink's
// address is kept with its text; a date is the day, month or year its format shows, with what
// kind of value it is; a number keeps its value as stored beside how it is shown.
func TestReadXLSXCells(t *testing.T) {
	tests := []struct {
		name, spec string
		want       string // the grid
		kinds      map[string]string
	}{
		{name: "formulas",
			spec: `ID | Note | Sum
1 | x | y
2 | x | y
3 | x | y
4 | x | y
5 | x | y
formula B2 "Mentors " & "recruited" -> Mentors recruited
formula B3 A2&A3
formula B4 1/0 -> #DIV/0!
error B5 #N/A
formula C2 A2+A3 -> 3
formula C3 A2+A3 -> 
formula B6 VLOOKUP(A6,Z:Z,2,FALSE) -> #REF!
formula C6 IF(A6>9,"late","")
`,
			want: "1: ID | Note | Sum\n" +
				"2: 1 | Mentors recruited | 3\n" +
				"3: 2 | !(a formula with no value; type the text or paste as values) |\n" +
				"4: 3 | !(the error #DIV/0! (from a formula); correct it, or type the text or paste as values) | y\n" +
				"5: 4 | !(the error #N/A; correct it, or type the text or paste as values) | y\n" +
				"6: 5 | !(the error #REF! (from a formula); correct it, or type the text or paste as values) | !(a formula with no value; type the text or paste as values)\n"},
		{name: "a formula with no value past the text is not passed over",
			spec: "ID | Note\n1 | x\nformula D4 A1\n",
			want: "1: ID | Note | |\n2: 1 | x | |\n3: | | |\n4: | | | !(a formula with no value; type the text or paste as values)\n"},
		{name: "hyperlinks",
			spec: `Evidence | Other
Annual report | https://x.example/a
 | Mail us
jo@x.example | x
formula B4 HYPERLINK("https://x.example/f", "The form") -> The form
link A2 https://x.example/report.pdf
link B2 https://x.example/a
link A3 https://x.example/empty
link B3 mailto:team@x.example
link A4 mailto:jo@x.example
`,
			want: "1: Evidence | Other\n" +
				"2: Annual report (https://x.example/report.pdf) | https://x.example/a\n" +
				"3: https://x.example/empty | Mail us (mailto:team@x.example)\n" +
				"4: jo@x.example | The form (https://x.example/f)\n"},
		{name: "dates and numbers",
			spec: `Due | Month | Year | Figure | Share | Text
x | x | x | x | x | Mar-26
date A2 2026-03-31
date B2 2026-03-01 mmm-yy
date C2 2026-01-01 yyyy
number D2 61.25 0.0
number E2 0.583 0%
`,
			want:  "1: Due | Month | Year | Figure | Share | Text\n2: 31 March 2026 | March 2026 | 2026 | 61.3 | 58% | Mar-26\n",
			kinds: map[string]string{"A2": "2 2026-03-31", "B2": "3 2026-03", "C2": "4 2026", "D2": "1 61.25", "E2": "1 0.583", "F2": "0 "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, err := tabtest.Parse(tt.spec)
			must(t, err)
			data, err := tabtest.XLSX(spec)
			must(t, err)
			tables, err := ReadBytes("plan.xlsx", data, Options{})
			must(t, err)
			if got := grid(tables[0]); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			for name, want := range tt.kinds {
				c, r, _ := excelize.CellNameToCoordinates(name)
				cell := tables[0].Rows[r-1].Cells[c-1]
				if got := fmt.Sprintf("%d %s", cell.Kind, cell.Value); got != want {
					t.Errorf("%s: kind and value %q, want %q", name, got, want)
				}
			}
		})
	}
}

// A LibreOffice spreadsheet is named for what it is, whatever its file is called.
func TestReadODS(t *testing.T) {
	data := []byte("PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
	for _, name := range []string{"plan.xlsx", "plan.csv"} {
		_, err := ReadBytes(name, data, Options{})
		checkErr(t, err, name+": cpp cannot read OpenDocument spreadsheets (.ods, as LibreOffice Calc saves them)", 0, 0, "Save As")
	}
}

// Marks are counted once each, however the part's reads cut them.
func TestCountMarks(t *testing.T) {
	text := strings.Repeat(`<c r="A1"><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c><v x="1">`, 5000)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	must(t, err)
	_, err = w.Write([]byte(text))
	must(t, err)
	must(t, zw.Close())
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	must(t, err)
	n, err := countMarks(zr.File[0], [][]byte{[]byte("<v>"), []byte("<v "), []byte("<is>")}, 1<<30)
	if err != nil || n != 15000 {
		t.Errorf("counted %d (%v), want 15000", n, err)
	}
}

// A workbook of more values than a table may have is refused before it is unpacked whole: in
// well under a second, where excelize would take seconds and hundreds of megabytes.
func TestReadXLSXTooManyValues(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook of 262,146 values first")
	}
	data := workbook(t, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		must(t, err)
		for r := 1; r <= maxCells/2+1; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			must(t, sw.SetRow(cell, []any{r, "x"}))
		}
		must(t, sw.Flush())
	})
	_, err := ReadBytes("big.xlsx", data, Options{})
	checkErr(t, err, "big.xlsx: the workbook has more than 262144 values in a sheet, or pieces of text, too many for an action table", 0, 0, "workbook of its own")
	if e, ok := err.(*Error); !ok || e.TooMany != maxCells {
		t.Errorf("TooMany not set: %#v", err)
	}
}
