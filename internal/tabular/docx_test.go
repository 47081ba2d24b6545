package tabular

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// docxOf is a Word document whose body is body (w: is the WordprocessingML namespace).
func docxOf(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
			`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	})
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		must(t, err)
		_, err = w.Write([]byte(body))
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// tc is a cell: properties and paragraphs.
func tc(pr string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr>" + pr + "</w:tcPr>")
	for _, p := range paras {
		b.WriteString("<w:p>" + p + "</w:p>")
	}
	if len(paras) == 0 {
		b.WriteString("<w:p/>")
	}
	return b.String() + "</w:tc>"
}

func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }

func tbl(cols int, rows ...string) string {
	return "<w:tbl><w:tblPr/><w:tblGrid>" + strings.Repeat(`<w:gridCol w:w="100"/>`, cols) + "</w:tblGrid>" + strings.Join(rows, "") + "</w:tbl><w:p/>"
}

func TestReadDOCX(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		opts  Options
		want  []string // grids of the tables, in order
		names []string
	}{
		{name: "a heading row spanning the table, an action merged down, shading",
			body: tbl(3,
				tr(tc(`<w:gridSpan w:val="3"/><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>`, run("Priority 1: Health"))),
				tr(tc("", run("Action")), tc("", run("Milestone")), tc("", run("RAG"))),
				tr(tc(`<w:vMerge w:val="restart"/>`, run("Improve ")+run("health checks")), tc("", run("Audit")), tc(`<w:shd w:val="clear" w:color="auto" w:fill="ffc000"/>`)),
				tr(tc(`<w:vMerge/>`, run("hidden text in a continuation")), tc("", run("Report")), tc(`<w:shd w:fill="auto"/>`)),
				tr(tc(`<w:vMerge w:val="continue"/>`), tc("", run("Review")), tc(`<w:shd w:val="solid" w:color="FF0000" w:fill="auto"/>`)),
				tr(tc("", run("Next")), tc(""), tc("")),
			),
			want: []string{"1: Priority 1: Health {D9E2F3} | {D9E2F3} | {D9E2F3}\n2: Action | Milestone | RAG\n3: Improve health checks | Audit | {FFC000}\n4: | Report |\n5: | Review | {FF0000}\n6: Next | |\n" +
				"merge r0 c0 1x3\nmerge r2 c0 3x1\n"},
		},
		{name: "paragraphs, tabs, breaks; tracked deletions and field codes left out",
			body: tbl(1, tr(tc("",
				run("First")+`<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken</w:t></w:r>`,
				`<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`+run("Second")+`<w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t> added</w:t></w:r></w:ins>`,
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+run("3")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
				`<w:r><w:t>Co</w:t><w:noBreakHyphen/><w:t>production</w:t></w:r><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom>`,
			))),
			want: []string{"1: First\ttabbed\\nbroken\\nSecond added\\n3\\nCo-production\n"},
		},
		{name: "a table in a cell is more lines of the cell; the next top-level table is table 2",
			body: tbl(2, tr(tc("", run("Outer"))+
				"<w:tc><w:tcPr/><w:p>"+run("before")+"</w:p>"+tbl(2, tr(tc(`<w:gridSpan w:val="2"/>`, run("inner a")), tc("", run("inner b"))))+"</w:tc>")) +
				tbl(1, tr(tc("", run("Second table")))),
			want:  []string{"1: Outer | before\\ninner a\\ninner b\n", "1: Second table\n"},
			names: []string{"table 1", "table 2"},
		},
		{name: "empty tables are passed over but keep their number",
			body:  tbl(1, tr(tc(""))) + tbl(1, tr(tc("", run("x")))),
			want:  []string{"1: x\n"},
			names: []string{"table 2"},
		},
		{name: "rows are padded to the grid; gridBefore leaves cells empty",
			body: tbl(4,
				tr(tc("", run("a"))),
				`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>`+tc("", run("c"))+`</w:tr>`,
			),
			want: []string{"1: a | | |\n2: | | c |\n"},
		},
		{name: "a row wider than the grid widens the table",
			body: tbl(1, tr(tc("", run("a")), tc("", run("b")))),
			want: []string{"1: a | b\n"},
		},
		{name: "a continuation with nothing to continue is a cell of its own",
			body: tbl(2, tr(tc(`<w:vMerge/>`, run("a")), tc("", run("b")))),
			want: []string{"1: a | b\n"},
		},
		{name: "a vertical merge of spanning cells is one rectangle",
			body: tbl(3,
				tr(tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, run("wide")), tc("", run("x"))),
				tr(tc(`<w:gridSpan w:val="2"/><w:vMerge/>`), tc("", run("y"))),
			),
			want: []string{"1: wide | | x\n2: | | y\nmerge r0 c0 2x2\n"},
		},
		{name: "a row deleted with changes tracked is left out, merges and all",
			body: tbl(2,
				tr(tc(`<w:vMerge w:val="restart"/>`, run("a")), tc("", run("1"))),
				`<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>`+tc(`<w:vMerge/>`)+tc(`<w:gridSpan w:val="1"/>`, run("deleted"))+`</w:tr>`,
				tr(tc(`<w:vMerge/>`), tc("", run("2"))),
			),
			want: []string{"1: a | 1\n2: | 2\nmerge r0 c0 2x1\n"},
		},
		{name: "placeholder text of a content control and the fallback of alternate content are left out",
			body: tbl(1, tr(tc("",
				`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+run("Click or tap here to enter text.")+`</w:sdtContent></w:sdt>`+
					`<w:sdt><w:sdtPr/><w:sdtContent>`+run("Filled in")+`</w:sdtContent></w:sdt>`,
				`<mc:AlternateContent><mc:Choice Requires="wps">`+run("chosen")+`</mc:Choice><mc:Fallback>`+run("fallback")+`</mc:Fallback></mc:AlternateContent>`,
			))),
			want: []string{"1: Filled in\\nchosen\n"},
		},
		{name: "a table of DrawingML is not a Word table",
			body: `<w:p><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>chart</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></w:p>` + tbl(1, tr(tc("", run("real")))),
			want: []string{"1: real\n"},
		},
		{name: "a table chosen by name",
			body:  tbl(1, tr(tc("", run("one")))) + tbl(1, tr(tc("", run("two")))),
			opts:  Options{Sheet: "Table 2"},
			want:  []string{"1: two\n"},
			names: []string{"table 2"},
		},
		{name: "a huge cell",
			body: tbl(1, tr(tc("", run(strings.Repeat("word ", 200000))))),
			want: []string{"1: " + strings.TrimSpace(strings.Repeat("word ", 200000)) + "\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, err := ReadBytes("plan.docx", docxOf(t, tt.body), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(tables) != len(tt.want) {
				t.Fatalf("got %d tables, want %d", len(tables), len(tt.want))
			}
			for i, tb := range tables {
				if got := grid(tb); got != tt.want[i] {
					t.Errorf("table %d: got\n%s\nwant\n%s", i+1, got, tt.want[i])
				}
				want := "table 1"
				if tt.names != nil {
					want = tt.names[i]
				}
				if tb.Name != want {
					t.Errorf("table %d is named %q, want %q", i+1, tb.Name, want)
				}
			}
		})
	}
}

func TestReadDOCXErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opts Options
		err  string
		hint string
	}{
		{name: "empty file", data: nil, err: "plan.docx: the file is not a Word document (it is not a zip archive)", hint: "save it"},
		{name: "old or protected", data: []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), err: "Word 97-2003", hint: "remove the password"},
		{name: "a zip that is not a document", data: zipOf(t, map[string]string{"hello.txt": "hi"}), err: "cannot read the document: it is a zip archive but not a Word document"},
		{name: "a workbook named .docx", data: zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), err: "it is an Excel workbook; name it .xlsx"},
		{name: "a truncated zip", data: docxOf(t, "")[:100], err: "cannot read the document"},
		{name: "broken XML", data: docxOf(t, "<w:tbl><w:tr>"), err: "its XML is broken"},
		{name: "no table", data: docxOf(t, "<w:p>"+run("Only a letter")+"</w:p>"), err: "the document has no tables", hint: "Convert Text to Table"},
		{name: "tables without text", data: docxOf(t, tbl(2, tr(tc(""), tc("")))), err: "the document's tables have no text"},
		{name: "unknown table", data: docxOf(t, tbl(1, tr(tc("", run("x"))))), opts: Options{Sheet: "table 3"}, err: `there is no table "table 3"`, hint: `"table 1"`},
		{name: "a huge span", data: docxOf(t, tbl(1, strings.Repeat(tr(tc(`<w:gridSpan w:val="100000000"/>`, run("x"))), 100))), err: "too many for an action table"},
		{name: "a zip bomb", data: func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, UncompressedSize64: maxUnzipped + 1})
			must(t, err)
			_, err = w.Write([]byte{3, 0}) // an empty deflate stream; the size is what counts
			must(t, err)
			must(t, zw.Close())
			return buf.Bytes()
		}(), err: "it unpacks to more than 200 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("plan.docx", tt.data, tt.opts)
			checkErr(t, err, tt.err, 0, 0, tt.hint)
		})
	}
}

// A hyperlink in a document's cell keeps its address with its text, as in a workbook.
func TestReadDOCXHyperlinks(t *testing.T) {
	body := `<w:tbl><w:tr>` + tc("", `<w:r><w:t>Evidence</w:t></w:r>`) + `</w:tr><w:tr>` +
		tc("", `<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId7"><w:r><w:t>the report</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r>`) +
		`</w:tr></w:tbl>`
	data := zipOf(t, map[string]string{
		"[Content_Types].xml":          `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":                  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.example/report" TargetMode="External"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + `</w:body></w:document>`,
	})
	tables, err := ReadBytes("plan.docx", data, Options{})
	must(t, err)
	if got, want := grid(tables[0]), "1: Evidence\n2: See the report (https://x.example/report).\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
