package tabular

import (
	"errors"
	"strings"
	"testing"
)

// grid is a table as tests compare it.
func grid(t Table) string { return t.String() }

func TestReadDelimited(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             string // grid of the one table
		err              string // or the error's text
		line, col        int    // and where
		hint             string // and a word of its hint
	}{
		{name: "plain", file: "a.csv", data: "ID,Action,Deadline\n1,Do it,Q3 2025\n",
			want: "1: ID | Action | Deadline\n2: 1 | Do it | Q3 2025\n"},
		{name: "CRLF and a BOM", file: "a.csv", data: "\xef\xbb\xbfID,Action\r\n1,Do it\r\n",
			want: "1: ID | Action\n2: 1 | Do it\n"},
		{name: "a quoted cell over lines is one row, as a spreadsheet shows it", file: "a.csv",
			data: "ID,Action\r\n1,\"First line\r\nsecond line\"\r\n2,Next\r\n",
			want: "1: ID | Action\n2: 1 | First line\\nsecond line\n3: 2 | Next\n"},
		{name: "a line break at a cell's end is trimmed, and the row after is still the next", file: "a.csv",
			data: "ID,Action,Note\n1,\"Do it\n\n\",\"a\nb\"\n\n2,Next,\"\nc\"\n3,Last,\n",
			want: "1: ID | Action | Note\n2: 1 | Do it | a\\nb\n4: 2 | Next | c\n5: 3 | Last |\n"},
		{name: "ragged rows are padded to the widest", file: "a.csv", data: "Priority 1\nID,Action,Lead,RAG\n1,Do it\n",
			want: "1: Priority 1 | | |\n2: ID | Action | Lead | RAG\n3: 1 | Do it | |\n"},
		{name: "blank lines are skipped and lines stay true", file: "a.csv", data: "A,B\n\n\n1,2\n,\n",
			want: "1: A | B\n4: 1 | 2\n5: |\n"},
		{name: "space around cells is trimmed", file: "a.csv", data: "  A , B\t\n",
			want: "1: A | B\n"},
		{name: "Windows-1252", file: "a.csv", data: "Pledge,Text\n1,Children\x92s \x93voice\x94 \x96 \x80 caf\xe9\n",
			want: "1: Pledge | Text\n2: 1 | Children’s “voice” – € café\n"},
		{name: "UTF-8 is not taken for Windows-1252", file: "a.csv", data: "Text\nChildren’s café\n",
			want: "1: Text\n2: Children’s café\n"},
		{name: "UTF-16 (Excel's Unicode Text)", file: "a.tsv", data: "\xff\xfeI\x00D\x00\t\x00\x19\x20\n\x00",
			want: "1: ID | ’\n"},
		{name: "TSV", file: "a.TSV", data: "ID\tAction, with a comma\n1\tDo it\n",
			want: "1: ID | Action, with a comma\n2: 1 | Do it\n"},
		{name: "a bare quote is read as typed", file: "a.csv", data: "ID,Action\n1,Buy 5\" screens\n",
			want: "1: ID | Action\n2: 1 | Buy 5\" screens\n"},
		{name: "an unterminated quoted cell is an error, not the rest of the file", file: "a.csv",
			data: "ID,Action\n1,\"Do it\n2,Next\n3,Last\n",
			err:  `a.csv:2: cannot read the CSV: a quoted cell on this line runs on to line 4 (extraneous or missing " in quoted-field)`, line: 2, hint: "twice"},
		{name: "a quote after a quoted cell", file: "a.csv", data: "ID,Action\n1,\"Do\" it\n",
			err: "a.csv:2:6: cannot read the CSV", line: 2, col: 6},
		{name: "empty", file: "a.csv", data: "", err: "a.csv: the file is empty"},
		{name: "only blank lines", file: "a.csv", data: "\r\n\r\n  \n", err: "a.csv: the file is empty"},
		{name: "only a BOM", file: "a.csv", data: "\xef\xbb\xbf", err: "a.csv: the file is empty"},
		{name: "a workbook named .csv", file: "a.csv", data: "PK\x03\x04rest", err: "zip archive", hint: ".xlsx"},
		{name: "an old Excel file named .csv", file: "a.csv", data: "\xd0\xcf\x11\xe0rest", err: "Office 97-2003", hint: "CSV UTF-8"},
		{name: "semicolons, as Excel in much of Europe saves CSV", file: "a.csv",
			data: "ID;Action;Value\r\n1;Recruit carers, mentors, and panel members;66,5\r\n2;Do it;3\r\n",
			want: "1: ID | Action | Value\n2: 1 | Recruit carers, mentors, and panel members | 66,5\n3: 2 | Do it | 3\n"},
		{name: "commas, with semicolons in the text", file: "a.csv",
			data: "ID,Action\n1,Agree it; then do it\n2,\"Plan; review; report\"\n",
			want: "1: ID | Action\n2: 1 | Agree it; then do it\n3: 2 | Plan; review; report\n"},
		{name: "a title row, then semicolons", file: "a.csv",
			data: "Corporate parenting plan, 2025\nID;Action;Lead\n1;Do it;VS\n2;Next;VS\n",
			want: "1: Corporate parenting plan, 2025 | |\n2: ID | Action | Lead\n3: 1 | Do it | VS\n4: 2 | Next | VS\n"},
		{name: "tabs in a file named .csv", file: "a.csv", data: "ID\tAction, with a comma\n1\tDo it\n",
			want: "1: ID | Action, with a comma\n2: 1 | Do it\n"},
		{name: "a sep= line names the separator, and lines stay true", file: "a.csv", data: "sep=;\r\nID;Action\r\n1;Do it, now\r\n",
			want: "2: ID | Action\n3: 1 | Do it, now\n"},
		{name: "UTF-16 with its mark, tab-separated, in a file named .csv", file: "a.csv",
			data: "\xff\xfe" + "\x49\x00\x44\x00\x09\x00\x41\x00\x63\x00\x74\x00\x69\x00\x6f\x00\x6e\x00\x0d\x00\x0a\x00\x31\x00\x09\x00\x44\x00\x6f\x00\x20\x00\x69\x00\x74\x00\x0d\x00\x0a\x00",
			want: "1: ID | Action\n2: 1 | Do it\n"},
		{name: "UTF-16 that lost its mark", file: "a.csv",
			data: "\x49\x00\x44\x00\x2c\x00\x41\x00\x63\x00\x74\x00\x69\x00\x6f\x00\x6e\x00\x0d\x00\x0a\x00\x31\x00\x2c\x00\x44\x00\x6f\x00\x20\x00\x69\x00\x74\x00\x0d\x00\x0a\x00",
			want: "1: ID | Action\n2: 1 | Do it\n"},
		{name: "big-endian UTF-16 that lost its mark", file: "a.csv",
			data: "\x00I\x00D\x00;\x00A\x00\n\x001\x00;\x00x\x00\n",
			want: "1: ID | A\n2: 1 | x\n"},
		{name: "NUL bytes that are not UTF-16", file: "a.csv", data: "ID,Action\n1,\x00\x00\x00\x00\x00\x00\x00\x00\n",
			err: "the file has NUL bytes, so it is not plain text: it may be UTF-16", hint: "CSV UTF-8"},
		{name: "a LibreOffice spreadsheet named .csv", file: "a.csv",
			data: "PK\x03\x04" + strings.Repeat("\x00", 26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
			err:  "cpp cannot read OpenDocument spreadsheets", hint: "Excel 2007-365 (.xlsx)"},
		{name: "a semicolon CSV's errors name it", file: "a.csv", data: "ID;Action\n1;\"Do\" it\n",
			err: "a.csv:2:6: cannot read the CSV (separated by ;)", line: 2, col: 6},
		{name: "a row of commas", file: "a.csv", data: strings.Repeat(",", maxCells+1), err: "too many for an action table"},
		{name: "many short lines", file: "a.csv", data: strings.Repeat("x\n", maxCells/2) + strings.Repeat(",", maxCells/2+2) + "\n",
			err: "too many for an action table"},
		{name: "ragged rows past the cell limit once padded", file: "a.csv",
			data: strings.Repeat(",", 2000) + "\n" + strings.Repeat("x\n", maxCells/2000+1), err: "too many for an action table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, err := ReadBytes(tt.file, []byte(tt.data), Options{})
			if tt.err != "" {
				checkErr(t, err, tt.err, tt.line, tt.col, tt.hint)
				// A refusal for size says so by value, for readers that word it their own way.
				var e *Error
				if errors.As(err, &e) && (e.TooMany == maxCells) != strings.Contains(tt.err, "too many") {
					t.Errorf("TooMany = %d for %q", e.TooMany, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(tables) != 1 || tables[0].Name != "" {
				t.Fatalf("got %d tables, want one named \"\"", len(tables))
			}
			if got := grid(tables[0]); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestReadHugeCell(t *testing.T) {
	big := strings.Repeat("word ", 1<<20)
	tables, err := ReadBytes("a.csv", []byte("ID,Action\n1,\""+big+"\"\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := tables[0].Rows[1].Cells[1].Text; got != strings.TrimSpace(big) {
		t.Errorf("huge cell: got %d bytes, want %d", len(got), len(big)-1)
	}
}

func TestDelimitedSheet(t *testing.T) {
	_, err := ReadBytes("a.csv", []byte("A\n"), Options{Sheet: "Actions"})
	checkErr(t, err, "a.csv: a CSV file has one table, not sheets", 0, 0, "leave out")
}

func checkErr(t *testing.T, err error, want string, line, col int, hint string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to contain %q", err, want)
	}
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("error %T, want *tabular.Error", err)
	}
	if te.Line != line || te.Col != col {
		t.Errorf("error at %d:%d, want %d:%d", te.Line, te.Col, line, col)
	}
	if !strings.Contains(te.Hint, hint) {
		t.Errorf("hint %q, want it to contain %q", te.Hint, hint)
	}
	if te.Hint == "" {
		t.Errorf("error %q has no hint", err)
	}
}
