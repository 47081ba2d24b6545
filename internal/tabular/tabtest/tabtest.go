// Package tabtest builds real workbooks and Word documents from a plain text spec, so that tests
// (and the testscripts through mkxlsx and mkdocx) can import files that look like councils' own
// without keeping binary files in the repository.
//
// A spec is lines; each is a row of cells or a directive.
//
//	# a comment
//	sheet Actions            a new sheet of a workbook, or a new table of a document, named so
//	                         (a document's tables are numbered, so there the name is ignored)
//	hidden                   the current sheet is hidden (workbooks only)
//	para Some text           a paragraph before the next table (documents only)
//	merge A2:A4              the range is one cell: in a document, A2:A4 is a vertical merge
//	                         (vMerge), A1:E1 a spanning cell (gridSpan), a rectangle both
//	fill C3 FFC000           the cell's fill (a workbook) or shading (a document)
//	date D3 2025-09-30       the cell holds that day as a date, shown dd/mm/yyyy (workbooks only)
//	Ref | Action | Deadline  a row: cells separated by |, trimmed; \n in a cell is a line break
//	                         (a new paragraph in a document); an empty line is an empty row
//
// A spec with no sheet line has one sheet, "Sheet1", or one table. The first directive that
// names a cell applies to the sheet being written, wherever the line is.
package tabtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Spec is a parsed spec: its sheets in order.
type Spec struct {
	Sheets []Sheet
}

// Sheet is one sheet or table of a spec.
type Sheet struct {
	Name   string
	Hidden bool
	Before []string // paragraphs before the table (documents)
	Rows   [][]string
	Merges []Range
	Fills  map[Cell]string
	Dates  map[Cell]time.Time
}

// Cell is a cell's place, from 0.
type Cell struct{ Row, Col int }

// Range is a rectangle of cells, from 0, both corners included.
type Range struct{ From, To Cell }

var (
	mergeLine = regexp.MustCompile(`^merge ([A-Z]+[0-9]+):([A-Z]+[0-9]+)$`)
	fillLine  = regexp.MustCompile(`^fill ([A-Z]+[0-9]+) ([0-9A-Fa-f]{6})$`)
	dateLine  = regexp.MustCompile(`^date ([A-Z]+[0-9]+) ([0-9]{4}-[0-9]{2}-[0-9]{2})$`)
	sheetLine = regexp.MustCompile(`^sheet (.+)$`)
	paraLine  = regexp.MustCompile(`^para (.*)$`)
)

// Parse reads a spec.
func Parse(spec string) (*Spec, error) {
	s := &Spec{}
	cur := func() *Sheet {
		if len(s.Sheets) == 0 {
			s.Sheets = append(s.Sheets, newSheet("Sheet1"))
		}
		return &s.Sheets[len(s.Sheets)-1]
	}
	cell := func(name string) (Cell, error) {
		c, r, err := excelize.CellNameToCoordinates(name)
		return Cell{r - 1, c - 1}, err
	}
	var paras []string // for the next table
	for i, line := range strings.Split(strings.ReplaceAll(spec, "\r\n", "\n"), "\n") {
		fail := func(err error) (*Spec, error) { return nil, fmt.Errorf("spec line %d: %w", i+1, err) }
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "#"), line == "" && len(s.Sheets) == 0:
		case line == "hidden":
			cur().Hidden = true
		case sheetLine.MatchString(line):
			s.Sheets = append(s.Sheets, newSheet(sheetLine.FindStringSubmatch(line)[1]))
			cur().Before, paras = paras, nil
		case paraLine.MatchString(line):
			p := paraLine.FindStringSubmatch(line)[1]
			if len(s.Sheets) > 0 && len(cur().Rows) == 0 {
				cur().Before = append(cur().Before, p)
			} else {
				paras = append(paras, p)
			}
		case mergeLine.MatchString(line):
			m := mergeLine.FindStringSubmatch(line)
			from, err1 := cell(m[1])
			to, err2 := cell(m[2])
			if err1 != nil || err2 != nil || to.Row < from.Row || to.Col < from.Col {
				return fail(fmt.Errorf("bad range %s:%s", m[1], m[2]))
			}
			cur().Merges = append(cur().Merges, Range{from, to})
		case fillLine.MatchString(line):
			m := fillLine.FindStringSubmatch(line)
			c, err := cell(m[1])
			if err != nil {
				return fail(err)
			}
			cur().Fills[c] = strings.ToUpper(m[2])
		case dateLine.MatchString(line):
			m := dateLine.FindStringSubmatch(line)
			c, err := cell(m[1])
			if err != nil {
				return fail(err)
			}
			d, err := time.Parse(time.DateOnly, m[2])
			if err != nil {
				return fail(err)
			}
			cur().Dates[c] = d
		default:
			if len(s.Sheets) == 0 {
				cur().Before, paras = paras, nil
			}
			var row []string
			if line != "" {
				for _, c := range strings.Split(line, "|") {
					row = append(row, strings.ReplaceAll(strings.TrimSpace(c), `\n`, "\n"))
				}
			}
			cur().Rows = append(cur().Rows, row)
		}
	}
	if len(paras) > 0 {
		return nil, fmt.Errorf("spec: paragraphs after the last table (%q); a document ends with its last table", paras[0])
	}
	cur()
	for i := range s.Sheets {
		sh := &s.Sheets[i]
		for len(sh.Rows) > 0 && len(sh.Rows[len(sh.Rows)-1]) == 0 {
			sh.Rows = sh.Rows[:len(sh.Rows)-1]
		}
	}
	return s, nil
}

func newSheet(name string) Sheet {
	return Sheet{Name: name, Fills: map[Cell]string{}, Dates: map[Cell]time.Time{}}
}

// width is the sheet's columns: its widest row, or further if a merge, fill or date reaches.
func (sh *Sheet) width() int {
	w := 0
	for _, r := range sh.Rows {
		w = max(w, len(r))
	}
	for _, m := range sh.Merges {
		w = max(w, m.To.Col+1)
	}
	for c := range sh.Fills {
		w = max(w, c.Col+1)
	}
	for c := range sh.Dates {
		w = max(w, c.Col+1)
	}
	return w
}

func (sh *Sheet) height() int {
	h := len(sh.Rows)
	for _, m := range sh.Merges {
		h = max(h, m.To.Row+1)
	}
	for c := range sh.Fills {
		h = max(h, c.Row+1)
	}
	for c := range sh.Dates {
		h = max(h, c.Row+1)
	}
	return h
}

func (sh *Sheet) text(r, c int) string {
	if r < len(sh.Rows) && c < len(sh.Rows[r]) {
		return sh.Rows[r][c]
	}
	return ""
}

// WriteXLSX writes the spec as a workbook at path.
func WriteXLSX(path, spec string) error {
	s, err := Parse(spec)
	if err != nil {
		return err
	}
	data, err := XLSX(s)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// XLSX is the spec as a workbook. Cells are text, as typed into Excel; date cells are dates.
func XLSX(s *Spec) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	type look struct {
		fill string
		date bool
	}
	styles := map[look]int{}
	style := func(l look) (int, error) {
		if id, ok := styles[l]; ok {
			return id, nil
		}
		st := &excelize.Style{}
		if l.fill != "" {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
		}
		if l.date {
			st.NumFmt = 14
		}
		id, err := f.NewStyle(st)
		styles[l] = id
		return id, err
	}
	for i, sh := range s.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		for r, row := range sh.Rows {
			for c, text := range row {
				if text == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(sh.Name, name, text); err != nil {
					return nil, err
				}
			}
		}
		cells := map[Cell]look{}
		for c, d := range sh.Dates {
			name, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err := f.SetCellValue(sh.Name, name, d); err != nil {
				return nil, err
			}
			cells[c] = look{date: true}
		}
		for c, fill := range sh.Fills {
			l := cells[c]
			l.fill = fill
			cells[c] = l
		}
		for c, l := range cells {
			id, err := style(l)
			if err != nil {
				return nil, err
			}
			name, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err := f.SetCellStyle(sh.Name, name, name, id); err != nil {
				return nil, err
			}
		}
		for _, m := range sh.Merges {
			from, _ := excelize.CoordinatesToCellName(m.From.Col+1, m.From.Row+1)
			to, _ := excelize.CoordinatesToCellName(m.To.Col+1, m.To.Row+1)
			if err := f.MergeCell(sh.Name, from, to); err != nil {
				return nil, err
			}
		}
		if sh.Hidden {
			if err := f.SetSheetVisible(sh.Name, false); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteDOCX writes the spec as a Word document at path.
func WriteDOCX(path, spec string) error {
	s, err := Parse(spec)
	if err != nil {
		return err
	}
	data, err := DOCX(s)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	borders = `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>`
)

// DOCX is the spec as a Word document of the three parts Word needs, each sheet a table.
func DOCX(s *Spec) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, sh := range s.Sheets {
		for _, p := range sh.Before {
			paragraph(&b, p)
		}
		if err := table(&b, &sh); err != nil {
			return nil, err
		}
		// Word needs a paragraph after a table, and two tables without one between are one.
		b.WriteString("<w:p/>")
	}
	b.WriteString(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"word/document.xml", b.String()},
	} {
		w, err := zw.Create(part.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(part.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func paragraph(b *strings.Builder, text string) {
	b.WriteString("<w:p>")
	if text != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
}

func table(b *strings.Builder, sh *Sheet) error {
	width, height := sh.width(), sh.height()
	if width == 0 {
		return fmt.Errorf("sheet %s has no cells: a table needs at least one", sh.Name)
	}
	// Each cell's merge, if any, by its place.
	in := map[Cell]Range{}
	for _, m := range sh.Merges {
		for r := m.From.Row; r <= m.To.Row; r++ {
			for c := m.From.Col; c <= m.To.Col; c++ {
				if _, ok := in[Cell{r, c}]; ok {
					return fmt.Errorf("sheet %s: merges overlap at %s", sh.Name, name(Cell{r, c}))
				}
				in[Cell{r, c}] = m
			}
		}
	}
	colWidth := 14000 / width
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>` + borders + `</w:tblPr><w:tblGrid>`)
	for range width {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, colWidth)
	}
	b.WriteString("</w:tblGrid>")
	for r := range height {
		b.WriteString("<w:tr>")
		for c := 0; c < width; {
			m, merged := in[Cell{r, c}]
			span := 1
			if merged {
				span = m.To.Col - m.From.Col + 1
			}
			b.WriteString("<w:tc><w:tcPr>")
			fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, colWidth*span)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if merged && m.To.Row > m.From.Row {
				if r == m.From.Row {
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				} else {
					b.WriteString(`<w:vMerge/>`)
				}
			}
			if fill, ok := sh.Fills[Cell{r, c}]; ok {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, fill)
			}
			b.WriteString("</w:tcPr>")
			text := sh.text(r, c)
			if d, ok := sh.Dates[Cell{r, c}]; ok {
				text = d.Format("2 January 2006")
			}
			if merged && r != m.From.Row {
				text = ""
			}
			for _, p := range strings.Split(text, "\n") {
				paragraph(b, p)
			}
			b.WriteString("</w:tc>")
			c += span
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return nil
}

func name(c Cell) string {
	n, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
	return n
}
