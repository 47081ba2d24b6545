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
//	date D3 2026-03-01 mmm-yy  ... shown through that number format
//	number C3 0.583 0%       the cell holds the number, shown through the format (workbooks only)
//	formula C3 A1*2          the cell holds the formula with no value worked out, as programs
//	                         that write formulas leave it (workbooks only)
//	formula C3 A1*2 -> 84    ... with the value Excel worked out and kept: a number, text, or an
//	                         error such as #REF!
//	error C3 #N/A            the cell holds an error value, pasted without its formula
//	link E3 https://x.org    the cell links to the address (a hyperlink; in a document, a link
//	                         around the cell's text)
//	Ref | Action | Deadline  a row: cells separated by |, trimmed; \n in a cell is a line break
//	                         (a new paragraph in a document); an empty line is an empty row
//
// A spec with no sheet line has one sheet, "Sheet1", or one table. The first directive that
// names a cell applies to the sheet being written, wherever the line is.
package tabtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/lazyre"
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
	// Formats are the number formats of date and number cells, by cell ("" is dd/mm/yyyy).
	Formats map[Cell]string
	Numbers map[Cell]float64
	// Formulas are formula and error cells; Links the cells' hyperlinks.
	Formulas map[Cell]Formula
	Links    map[Cell]string
}

// Formula is a cell's formula (none for an error value pasted alone) and the value kept with it,
// if any.
type Formula struct {
	Text   string
	Cached string
	Kept   bool
}

// Cell is a cell's place, from 0.
type Cell struct{ Row, Col int }

// Range is a rectangle of cells, from 0, both corners included.
type Range struct{ From, To Cell }

// The spec's lines. Compiled on first use: the end-to-end tests run their test binary, which
// links this package, as cpp hundreds of times, and none of those runs reads a spec.
var (
	mergeLine   = lazyre.New(`^merge ([A-Z]+[0-9]+):([A-Z]+[0-9]+)$`)
	fillLine    = lazyre.New(`^fill ([A-Z]+[0-9]+) ([0-9A-Fa-f]{6})$`)
	dateLine    = lazyre.New(`^date ([A-Z]+[0-9]+) ([0-9]{4}-[0-9]{2}-[0-9]{2})(?: (.+))?$`)
	numberLine  = lazyre.New(`^number ([A-Z]+[0-9]+) (-?[0-9.]+(?:[eE][-+]?[0-9]+)?)(?: (.+))?$`)
	formulaLine = lazyre.New(`^formula ([A-Z]+[0-9]+) (.+?)(?: ->(?: (.*))?)?$`)
	errorLine   = lazyre.New(`^error ([A-Z]+[0-9]+) (#.+)$`)
	linkLine    = lazyre.New(`^link ([A-Z]+[0-9]+) (\S+)$`)
	sheetLine   = lazyre.New(`^sheet (.+)$`)
	paraLine    = lazyre.New(`^para (.*)$`)
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
			if m[3] != "" {
				cur().Formats[c] = m[3]
			}
		case numberLine.MatchString(line):
			m := numberLine.FindStringSubmatch(line)
			c, err := cell(m[1])
			if err != nil {
				return fail(err)
			}
			v, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				return fail(err)
			}
			cur().Numbers[c] = v
			if m[3] != "" {
				cur().Formats[c] = m[3]
			}
		case formulaLine.MatchString(line), errorLine.MatchString(line):
			var f Formula
			m := errorLine.FindStringSubmatch(line)
			if m != nil {
				f = Formula{Cached: m[2], Kept: true}
			} else {
				m = formulaLine.FindStringSubmatch(line)
				f = Formula{Text: m[2], Cached: m[3], Kept: strings.HasSuffix(line, " ->") || strings.Contains(line, " -> ")}
			}
			c, err := cell(m[1])
			if err != nil {
				return fail(err)
			}
			cur().Formulas[c] = f
		case linkLine.MatchString(line):
			m := linkLine.FindStringSubmatch(line)
			c, err := cell(m[1])
			if err != nil {
				return fail(err)
			}
			cur().Links[c] = m[2]
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
	return Sheet{Name: name, Fills: map[Cell]string{}, Dates: map[Cell]time.Time{}, Formats: map[Cell]string{},
		Numbers: map[Cell]float64{}, Formulas: map[Cell]Formula{}, Links: map[Cell]string{}}
}

// cells are the cells the directives name.
func (sh *Sheet) cells() []Cell {
	var cs []Cell
	for _, m := range sh.Merges {
		cs = append(cs, m.To)
	}
	for _, set := range []map[Cell]string{sh.Fills, sh.Formats, sh.Links} {
		for c := range set {
			cs = append(cs, c)
		}
	}
	for c := range sh.Dates {
		cs = append(cs, c)
	}
	for c := range sh.Numbers {
		cs = append(cs, c)
	}
	for c := range sh.Formulas {
		cs = append(cs, c)
	}
	return cs
}

// width is the sheet's columns: its widest row, or further if a directive reaches.
func (sh *Sheet) width() int {
	w := 0
	for _, r := range sh.Rows {
		w = max(w, len(r))
	}
	for _, c := range sh.cells() {
		w = max(w, c.Col+1)
	}
	return w
}

func (sh *Sheet) height() int {
	h := len(sh.Rows)
	for _, c := range sh.cells() {
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

// XLSX is the spec as a workbook. Cells are text, as typed into Excel; date cells are dates,
// number cells numbers, formula cells formulas.
func XLSX(s *Spec) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	type look struct {
		fill, format string
		date         bool
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
		switch {
		case l.format != "":
			st.CustomNumFmt = &l.format
		case l.date:
			st.NumFmt = 14
		}
		id, err := f.NewStyle(st)
		styles[l] = id
		return id, err
	}
	kept := map[string]map[string]Formula{} // by sheet, by cell name: the values to keep
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
			cells[c] = look{date: true, format: sh.Formats[c]}
		}
		for c, v := range sh.Numbers {
			name, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err := f.SetCellFloat(sh.Name, name, v, -1, 64); err != nil {
				return nil, err
			}
			if sh.Formats[c] != "" {
				cells[c] = look{format: sh.Formats[c]}
			}
		}
		for c, fm := range sh.Formulas {
			name, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err := f.SetCellValue(sh.Name, name, nil); err != nil {
				return nil, err
			}
			var err error
			if fm.Text != "" {
				err = f.SetCellFormula(sh.Name, name, fm.Text)
			} else {
				err = f.SetCellStr(sh.Name, name, fm.Cached) // for Keep to find; typed there
			}
			if err != nil {
				return nil, err
			}
			if fm.Kept {
				if kept[sh.Name] == nil {
					kept[sh.Name] = map[string]Formula{}
				}
				kept[sh.Name][name] = fm
			}
		}
		for c, url := range sh.Links {
			name, _ := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err := f.SetCellHyperLink(sh.Name, name, url, "External"); err != nil {
				return nil, err
			}
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
	for sheet, cells := range kept {
		data, err := Keep(buf.Bytes(), sheet, cells)
		if err != nil {
			return nil, err
		}
		buf.Reset()
		buf.Write(data)
	}
	return buf.Bytes(), nil
}

// Keep writes into a workbook the values Excel would keep with formulas, as excelize cannot: for
// each cell named ("C3") of the sheet, its formula (if any) and the value, typed as Excel types
// it: an error (#REF!), a number, or text.
func Keep(workbook []byte, sheet string, cells map[string]Formula) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return nil, err
	}
	part, err := sheetPart(zr, sheet)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if zf.Name == part {
			for name, fm := range cells {
				if data, err = keepCell(data, name, fm); err != nil {
					return nil, err
				}
			}
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetPart is the part of the workbook that holds the sheet, by the workbook's relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	read := func(name string) []byte {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, err := zf.Open()
				if err != nil {
					return nil
				}
				defer rc.Close()
				data, _ := io.ReadAll(rc)
				return data
			}
		}
		return nil
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &book); err != nil {
		return "", err
	}
	if err := xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		return "", err
	}
	for _, s := range book.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return r.Target[1:], nil
				}
				return "xl/" + r.Target, nil
			}
		}
	}
	return "", fmt.Errorf("no sheet %q", sheet)
}

// keepCell rewrites the cell's element with its formula and kept value.
func keepCell(data []byte, name string, fm Formula) ([]byte, error) {
	re := regexp.MustCompile(`<c r="` + name + `"((?:\s+[a-z]+="[^"]*")*?)\s*(?:/>|>(.*?)</c>)`)
	m := re.FindSubmatchIndex(data)
	if m == nil {
		return nil, fmt.Errorf("no cell %s", name)
	}
	attrs := regexp.MustCompile(`\s+t="[^"]*"`).ReplaceAllString(string(data[m[2]:m[3]]), "")
	typ := ` t="str"`
	if strings.HasPrefix(fm.Cached, "#") {
		typ = ` t="e"`
	} else if _, err := strconv.ParseFloat(fm.Cached, 64); err == nil {
		typ = ""
	}
	var c strings.Builder
	c.WriteString(`<c r="` + name + `"` + attrs + typ + ">")
	if fm.Text != "" {
		c.WriteString("<f>" + html.EscapeString(fm.Text) + "</f>")
	}
	c.WriteString("<v>" + html.EscapeString(fm.Cached) + "</v></c>")
	return append(append(append([]byte{}, data[:m[0]]...), c.String()...), data[m[1]:]...), nil
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
