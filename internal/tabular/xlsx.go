package tabular

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/words"
	"github.com/xuri/excelize/v2"
)

// readXLSX reads a workbook's sheets: the one Options.Sheet names, or every visible sheet that has
// text, in the workbook's order.
//
// The sheet is read twice, both times as a stream: by excelize for each cell's value (shared
// strings, rich text), and here for what excelize's streaming reader does not give (each cell's
// style, so its fill and how its number is shown, and the merged ranges). excelize's other way in,
// loading the whole worksheet, costs a struct per cell, even per empty styled cell: a small file
// of a million of them would take gigabytes.
func readXLSX(name string, data []byte, opts Options) ([]Table, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, errorf(name, "if it has a password, open it in Excel, remove the password (File > Info > Protect Workbook) and save it; if it is an .xls file, save it as an Excel Workbook (.xlsx)",
			"the file is a password-protected workbook or an Excel 97-2003 (.xls) workbook, which cpp cannot read")
	case isODS(data):
		return nil, odsError(name)
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, errorf(name, "save it from Excel as an Excel Workbook (.xlsx); if it is a CSV file, name it .csv",
			"the file is not an Excel workbook (it is not a zip archive)")
	}
	if err := prescan(name, data); err != nil {
		return nil, err
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipped,
		// Every part in memory, within UnzipSizeLimit: no temporary files, and the sheets can
		// be read here from wb.Pkg.
		UnzipXMLSizeLimit: maxUnzipped,
	})
	if err != nil {
		return nil, badWorkbook(name, err)
	}
	defer wb.Close()
	x := &xlsxReader{name: name, wb: wb}
	sheets, styles, err := x.parts()
	if err == nil {
		err = x.readStyles(styles)
	}
	if err != nil {
		return nil, badWorkbook(name, err)
	}
	if props, err := wb.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	if opts.Sheet != "" {
		i := slices.IndexFunc(sheets, func(s sheetPart) bool { return strings.EqualFold(s.name, opts.Sheet) })
		if i < 0 {
			return nil, errorf(name, "the sheets are: "+words.Quoted(sheetNames(sheets)), "there is no sheet %q", opts.Sheet)
		}
		t, err := x.read(sheets[i])
		if err != nil {
			return nil, err
		}
		if !hasText(&t) {
			return nil, errorf(name, "choose the sheet that holds the action table; the sheets are: "+words.Quoted(sheetNames(sheets)),
				"sheet %q has no text", sheets[i].name)
		}
		return []Table{t}, nil
	}
	var tables []Table
	var hidden []string
	for _, sh := range sheets {
		if sh.hidden && !opts.Hidden {
			hidden = append(hidden, sh.name)
			continue
		}
		t, err := x.read(sh)
		if err != nil {
			return nil, err
		}
		if hasText(&t) {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		hint := "check that this is the workbook that holds the action table"
		if len(hidden) > 0 {
			hint = "hidden sheets are not read unless named; the hidden sheets are: " + words.Quoted(hidden)
		}
		return nil, errorf(name, hint, "no visible sheet of the workbook has any text")
	}
	return tables, nil
}

// prescan refuses a workbook with a sheet of more than maxCells values, or more pieces of text
// than that, before excelize opens it: excelize holds every shared string and every sheet in
// memory, so that a sheet of 600,000 rows would take seconds and half a gigabyte before its size
// is known. Values and strings are counted as the parts unpack, in little memory; a table that has
// more values than maxCells has more cells than that too. A zip excelize cannot open is left to it
// to name.
func prescan(name string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	for _, zf := range zr.File {
		var marks [][]byte
		switch {
		case strings.HasPrefix(zf.Name, "xl/worksheets/") && strings.HasSuffix(zf.Name, ".xml"):
			marks = [][]byte{[]byte("<v>"), []byte("<v "), []byte("<is>")}
		case strings.HasSuffix(zf.Name, "sharedStrings.xml"):
			marks = [][]byte{[]byte("<si>"), []byte("<si ")}
		default:
			continue
		}
		if zf.UncompressedSize64 > maxUnzipped {
			return badWorkbook(name, errors.New("unzip size exceeds"))
		}
		n, err := countMarks(zf, marks, maxCells)
		if err != nil {
			return nil // a broken part: excelize names it
		}
		if n > maxCells {
			e := errorf(name, "an action table is a few thousand cells; copy the sheet that holds the actions into a workbook of its own",
				"the workbook has more than %d values in a sheet, or pieces of text, too many for an action table", maxCells)
			e.TooMany = maxCells
			return e
		}
	}
	return nil
}

// countMarks counts the marks in a part as it unpacks, stopping past limit.
func countMarks(zf *zip.File, marks [][]byte, limit int) (int, error) {
	rc, err := zf.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	const keep = 3 // the longest mark but one: a mark cut by a read is found whole next time
	buf := make([]byte, 64<<10)
	n, carry := 0, 0
	for {
		m, err := io.ReadFull(rc, buf[carry:])
		chunk := buf[:carry+m]
		for _, mark := range marks {
			// The carried bytes were counted last time: only marks that end past them are new.
			n += bytes.Count(chunk, mark) - bytes.Count(chunk[:carry], mark)
		}
		if n > limit || err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = nil
			}
			return n, err
		}
		carry = copy(buf, chunk[len(chunk)-min(keep, len(chunk)):])
	}
}

func badWorkbook(name string, err error) *Error {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		msg = "it is a zip archive but not an Excel workbook"
	case strings.Contains(msg, "unzip size exceeds"):
		msg = fmt.Sprintf("it unpacks to more than %d MB", maxUnzipped>>20)
	}
	return errorf(name, "open it in Excel and save it again as an Excel Workbook (.xlsx)", "cannot read the workbook: %s", msg)
}

// sheetPart is a sheet of a workbook and the part of the zip that holds it.
type sheetPart struct {
	name, part string
	hidden     bool
}

func sheetNames(sheets []sheetPart) []string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.name
	}
	return names
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// parts lists the workbook's sheets in order, and names its styles part, following the
// package's relationships from the root to the workbook and from the workbook on, as Excel does.
func (x *xlsxReader) parts() (sheets []sheetPart, styles string, err error) {
	part := x.part
	var root relationships
	if err := xml.Unmarshal(part("_rels/.rels"), &root); err != nil {
		return nil, "", fmt.Errorf("its _rels/.rels part is broken: %w", err)
	}
	book := "xl/workbook.xml"
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
		}
	}
	var wbXML struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(part(book), &wbXML); err != nil {
		return nil, "", fmt.Errorf("its %s part is broken: %w", book, err)
	}
	var rels relationships
	if err := xml.Unmarshal(part(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels")), &rels); err != nil {
		return nil, "", fmt.Errorf("the relationships of its %s part are broken: %w", book, err)
	}
	resolve := func(target string) string {
		if strings.HasPrefix(target, "/") {
			return path.Clean(target[1:])
		}
		return path.Join(path.Dir(book), target)
	}
	styles = path.Join(path.Dir(book), "styles.xml")
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/styles") {
			styles = resolve(r.Target)
		}
	}
	for _, s := range wbXML.Sheets {
		for _, r := range rels.Rels {
			if r.ID != s.RID {
				continue
			}
			target := resolve(r.Target)
			if part(target) == nil {
				break // a chart sheet or a dialog sheet: no cells
			}
			sheets = append(sheets, sheetPart{name: s.Name, part: target, hidden: s.State == "hidden" || s.State == "veryHidden"})
		}
	}
	if len(sheets) == 0 {
		return nil, "", errors.New("it has no worksheets")
	}
	return sheets, styles, nil
}

type xlsxReader struct {
	name     string
	wb       *excelize.File
	date1904 bool
	xfs      []cellStyle // by style id
}

// part is a part of the workbook's package, or nil.
func (x *xlsxReader) part(name string) []byte {
	if b, ok := x.wb.Pkg.Load(name); ok {
		if data, ok := b.([]byte); ok {
			return data
		}
	}
	return nil
}

// cellStyle is what a cell's style means here.
type cellStyle struct {
	fill string
	// date is the layout a date cell is written in ("2 January 2006"), "" for any other cell.
	date   string
	number numberFormat
}

// style is what a cell's style (its index into the workbook's cellXfs) means here.
func (x *xlsxReader) style(id int) cellStyle {
	if id < 0 || id >= len(x.xfs) {
		return cellStyle{number: numberFormat{general: true}}
	}
	return x.xfs[id]
}

type colourXML struct {
	Auto    bool    `xml:"auto,attr"`
	RGB     string  `xml:"rgb,attr"`
	Indexed *int    `xml:"indexed,attr"`
	Theme   *int    `xml:"theme,attr"`
	Tint    float64 `xml:"tint,attr"`
}

type stylesXML struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Fills []struct {
		Pattern *struct {
			Type string     `xml:"patternType,attr"`
			Fg   *colourXML `xml:"fgColor"`
		} `xml:"patternFill"`
	} `xml:"fills>fill"`
	Xfs []struct {
		FillID   int `xml:"fillId,attr"`
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
	Indexed []struct {
		RGB string `xml:"rgb,attr"`
	} `xml:"colors>indexedColors>rgbColor"`
}

// readStyles reads the workbook's cell styles once, each as its fill and its number format.
// excelize's GetStyle is not used: it gives no colour at all for a workbook without a theme part,
// as LibreOffice writes them.
func (x *xlsxReader) readStyles(part string) error {
	var st stylesXML
	if data := x.part(part); data != nil {
		if err := xml.Unmarshal(data, &st); err != nil {
			return fmt.Errorf("its %s part is broken: %w", part, err)
		}
	}
	formats := map[int]string{}
	for _, f := range st.NumFmts {
		formats[f.ID] = f.Code
	}
	fills := make([]string, len(st.Fills))
	for i, f := range st.Fills {
		// Only a solid pattern shows as the cell's colour, and its colour is the foreground's.
		if p := f.Pattern; p != nil && p.Type == "solid" && p.Fg != nil {
			fills[i] = x.colour(*p.Fg, st.Indexed)
		}
	}
	x.xfs = make([]cellStyle, len(st.Xfs))
	for i, xf := range st.Xfs {
		cs := cellStyle{number: numberFormat{general: true}}
		if xf.FillID >= 0 && xf.FillID < len(fills) {
			cs.fill = fills[xf.FillID]
		}
		if code, ok := formats[xf.NumFmtID]; ok {
			cs.date, cs.number = dateLayout(code), parseNumberFormat(code)
		} else {
			cs.date = builtinDates[xf.NumFmtID]
			if code, ok := builtinFormats[xf.NumFmtID]; ok {
				cs.number = parseNumberFormat(code)
			}
		}
		x.xfs[i] = cs
	}
	return nil
}

// colour is a colour of the styles as RGB: given so, or one of the theme's (with its tint), or
// one of the indexed palette (the workbook's own, if it has one).
func (x *xlsxReader) colour(c colourXML, indexed []struct {
	RGB string `xml:"rgb,attr"`
}) string {
	var base string
	switch {
	case c.Auto:
		return ""
	case c.RGB != "":
		base = hexColour(c.RGB)
	case c.Theme != nil:
		if x.wb.Theme == nil {
			return "" // no theme part to say what the theme's colours are
		}
		base = hexColour(x.wb.GetBaseColor("", 0, c.Theme))
	case c.Indexed != nil:
		switch i := *c.Indexed; {
		case i >= 0 && i < len(indexed):
			base = hexColour(indexed[i].RGB)
		case i >= 0 && i < len(excelize.IndexedColorMapping):
			base = excelize.IndexedColorMapping[i]
		}
	}
	if base == "" || c.Tint == 0 {
		return base
	}
	return hexColour(excelize.ThemeColor(base, c.Tint))
}

// hexColour is an RGB or ARGB colour as six upper-case hex digits, or "" for anything else.
func hexColour(s string) string {
	if len(s) == 8 {
		s = s[2:] // ARGB
	}
	if len(s) != 6 {
		return ""
	}
	if _, err := strconv.ParseUint(s, 16, 32); err != nil {
		return ""
	}
	return strings.ToUpper(s)
}

const (
	dayLayout   = "2 January 2006"
	monthLayout = "January 2006"
	yearLayout  = "2006"
	timeLayout  = "15:04"
	secsLayout  = "15:04:05"
)

// builtinDates are the built-in number formats that show a date or a time: 14 (a short date,
// dd/mm/yyyy in the UK), 15 (d-mmm-yy), 16 (d-mmm), 17 (mmm-yy), 22 (a date and a time), and
// times of day (18 to 21, 45 to 47). The East Asian formats (27 to 36, 50 to 58) are not read
// as dates.
var builtinDates = map[int]string{14: dayLayout, 15: dayLayout, 16: dayLayout, 17: monthLayout, 22: dayLayout,
	18: timeLayout, 19: secsLayout, 20: timeLayout, 21: secsLayout, 45: secsLayout, 46: secsLayout, 47: secsLayout}

// dateLayout is how a cell of a custom number format is written when the format shows a date: the
// day when it shows the day, the month when it shows the month and year but no day (a deadline
// of "September 2025" means the whole month), or the year alone. In a format, quoted text,
// escaped characters and [bracketed] colours, locales and elapsed hours are not the format's
// letters; only the first section (for positive numbers) counts. An "m" without a "d" or a "y"
// is minutes, and a format of hours, minutes or seconds alone shows the time of day.
func dateLayout(code string) string {
	var d, m, y, h, s bool
	quoted := false
scan:
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case c == '"':
			quoted = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				break scan
			}
			if el := strings.ToLower(code[i+1 : i+j]); el != "" && strings.Trim(el, "hms") == "" { // [h]: elapsed time
				h = true
			}
			i += j
		case c == ';':
			break scan
		case c == 'h' || c == 'H':
			h = true
		case c == 's' || c == 'S':
			s = true
		case c == 'd' || c == 'D':
			d = true
		case c == 'm' || c == 'M':
			m = true
		case c == 'y' || c == 'Y':
			y = true
		}
	}
	switch {
	case d && (m || y):
		return dayLayout
	case m && y:
		return monthLayout
	case y:
		return yearLayout
	case s:
		return secsLayout
	case h:
		return timeLayout
	}
	return ""
}

// textRow is a row of a sheet that has text, its cells as shown.
type textRow struct {
	row   int // from 1
	cells []string
}

func (x *xlsxReader) read(sh sheetPart) (Table, error) {
	t := Table{Name: sh.name}
	shown, last, width, err := x.shown(sh)
	if err != nil {
		return t, err
	}
	t.Rows = make([]Row, last)
	cells := make([]Cell, last*width)
	for i := range t.Rows {
		t.Rows[i] = Row{Line: i + 1, Cells: cells[i*width : (i+1)*width : (i+1)*width]}
	}
	for _, r := range shown {
		for c, s := range r.cells {
			t.Rows[r.row-1].Cells[c].Text = cleanText(s)
		}
	}
	if err := x.styled(sh, &t, width); err != nil {
		return t, err
	}
	if err := finish(x.name, &t, width); err != nil {
		return t, err
	}
	return t, nil
}

// shown reads each cell's value through excelize's streaming reader, and the extent of the
// values: the last row and the width. A number is as stored; styled writes it as shown.
func (x *xlsxReader) shown(sh sheetPart) (rows []textRow, last, width int, err error) {
	it, err := x.wb.Rows(sh.name)
	if err != nil {
		return nil, 0, 0, x.sheetError(sh, err)
	}
	defer it.Close()
	// Next steps through every row number, those the sheet leaves out included.
	for r := 1; it.Next(); r++ {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, 0, x.sheetError(sh, err)
		}
		n := len(cols)
		for n > 0 && strings.TrimSpace(cols[n-1]) == "" {
			n--
		}
		if n == 0 {
			continue
		}
		last, width = r, max(width, n)
		if last*width > maxCells {
			return nil, 0, 0, tooLarge(x.name, "sheet "+strconv.Quote(sh.name))
		}
		// A copy: Columns pads to the last cell the row has, which may be far to the right.
		rows = append(rows, textRow{row: r, cells: slices.Clone(cols[:n])})
	}
	if err := it.Error(); err != nil {
		return nil, 0, 0, x.sheetError(sh, err)
	}
	return rows, last, width, nil
}

func (x *xlsxReader) sheetError(sh sheetPart, err error) *Error {
	return errorf(x.name, "open it in Excel and save it again as an Excel Workbook (.xlsx)",
		"cannot read sheet %q: %s", sh.name, strings.Join(strings.Fields(err.Error()), " "))
}

// styled reads the sheet's XML for what the values leave out: each cell's fill, its number as its
// format shows it (a date as the day), formulas whose value cannot be trusted, hyperlinks, and
// the merged ranges. Only cells within the values' extent are looked at, and those outside it
// that cannot be read, so that none is passed over.
func (x *xlsxReader) styled(sh sheetPart, t *Table, width int) error {
	b, _ := x.wb.Pkg.Load(sh.part)
	data, _ := b.([]byte)
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		colStyles []int // by column from 0, within width
		row       = 0   // the <row> being read, from 1
		rowStyle  = -1
		seen      = make([]bool, width) // columns of the row with a <c>
		done      = make([]bool, len(t.Rows))
		cell      struct {
			col, style int
			typ        string
			in         bool // within the text's extent
			value      strings.Builder
			inValue    bool
			hasValue   bool // a <v>, even an empty one
			formula    bool
			inFormula  bool
			text       strings.Builder // the formula's, for a HYPERLINK's address
		}
		links []sheetLink
		// outside are the cells past the values' extent that cannot be read.
		outside []unreadable
	)
	// defaults styles the cells a row leaves out, as Excel shows them: by the row's style when it
	// has one, else by the column's.
	defaults := func(r int) {
		if r < 1 || r > len(t.Rows) {
			return
		}
		done[r-1] = true
		for c := range width {
			if seen[c] {
				continue
			}
			st := rowStyle
			if st < 0 && c < len(colStyles) {
				st = colStyles[c]
			}
			if st > 0 {
				t.Rows[r-1].Cells[c].Fill = x.style(st).fill
			}
		}
	}
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break // the end, or XML excelize read past already; what was read stands
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "col":
				lo, _ := strconv.Atoi(attr(el, "min"))
				hi, _ := strconv.Atoi(attr(el, "max"))
				st, _ := strconv.Atoi(attr(el, "style"))
				if colStyles == nil {
					colStyles = make([]int, width)
				}
				for c := max(lo, 1); c <= min(hi, width); c++ {
					colStyles[c-1] = st
				}
			case "row":
				if n, err := strconv.Atoi(attr(el, "r")); err == nil {
					row = n
				} else {
					row++
				}
				rowStyle = -1
				if attr(el, "customFormat") == "1" || attr(el, "customFormat") == "true" {
					rowStyle, _ = strconv.Atoi(attr(el, "s"))
				}
				clear(seen)
			case "c":
				cell.col++
				if ref := attr(el, "r"); ref != "" {
					if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
						cell.col, row = c, r
					}
				}
				cell.style, _ = strconv.Atoi(attr(el, "s"))
				cell.typ = attr(el, "t")
				cell.in = row >= 1 && row <= len(t.Rows) && cell.col >= 1 && cell.col <= width
				cell.value.Reset()
				cell.text.Reset()
				cell.hasValue, cell.formula = false, false
				if cell.in {
					seen[cell.col-1] = true
				}
			case "v":
				cell.inValue, cell.hasValue = true, true
			case "f":
				cell.formula, cell.inFormula = true, true
			case "hyperlink":
				links = append(links, sheetLink{ref: attr(el, "ref"), id: attrNS(el, "id")})
			case "mergeCell":
				if m, ok := mergeOf(attr(el, "ref")); ok {
					t.Merges = append(t.Merges, m)
				}
			}
		case xml.CharData:
			switch {
			case cell.inValue:
				cell.value.Write(el)
			case cell.inFormula && cell.text.Len() < maxFormula:
				cell.text.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				cell.inValue = false
			case "f":
				cell.inFormula = false
			case "c":
				raw := strings.TrimSpace(cell.value.String())
				why := unreadableValue(cell.typ, cell.formula, cell.hasValue, raw)
				if !cell.in {
					if why != "" && len(outside) < maxCells {
						outside = append(outside, unreadable{row, cell.col, why})
					}
					break
				}
				st := x.style(cell.style)
				c := &t.Rows[row-1].Cells[cell.col-1]
				c.Fill = st.fill
				if why != "" {
					c.Text, c.Unreadable = "", why
					break
				}
				x.show(c, st, cell.typ, raw)
				if cell.formula {
					if url := hyperlinkFormula(cell.text.String()); url != "" {
						c.Text = withLink(c.Text, url)
					}
				}
			case "row":
				defaults(row)
				cell.col = 0
			}
		}
	}
	// Rows the sheet leaves out take their columns' styles.
	if colStyles != nil {
		clear(seen)
		rowStyle = -1
		for r := range done {
			if !done[r] {
				defaults(r + 1)
			}
		}
	}
	x.link(sh, t, width, links)
	for _, u := range outside {
		if u.row < 1 || u.col < 1 || u.col > maxWidth {
			continue
		}
		if u.row > len(t.Rows) && u.row*max(width, u.col) > maxCells {
			return tooLarge(x.name, "sheet "+strconv.Quote(sh.name))
		}
		for len(t.Rows) < u.row {
			t.Rows = append(t.Rows, Row{Line: len(t.Rows) + 1})
		}
		r := &t.Rows[u.row-1]
		if n := len(r.Cells); n < u.col {
			r.Cells = append(r.Cells[:n:n], make([]Cell, u.col-n)...)
		}
		r.Cells[u.col-1] = Cell{Unreadable: u.why}
	}
	return nil
}

// maxFormula is as much of a formula as is kept, to find a HYPERLINK's address in it.
const maxFormula = 2048

// unreadable is a cell past the values' extent that cannot be read.
type unreadable struct {
	row, col int
	why      string
}

// The messages for a cell whose value cannot be trusted. Import and the quarterly returns name
// the cell, then say this.
const (
	noValue    = "a formula with no value; type the text or paste as values"
	errorValue = "the error %s%s; correct it, or type the text or paste as values"
)

// unreadableValue says why a cell's stored value is not one to record, or "": a formula with no
// value cached (as a program that writes formulas but does not work them out leaves it), or an
// error (#VALUE!, #REF!, #N/A), from a formula or pasted as a value. A formula with a cached value
// that is not an error is read as that value, as Excel shows it.
func unreadableValue(typ string, formula, hasValue bool, raw string) string {
	switch {
	case typ == "e":
		from := ""
		if formula {
			from = " (from a formula)"
		}
		return fmt.Sprintf(errorValue, cmp.Or(raw, "value"), from)
	case !formula:
		return ""
	case !hasValue, raw == "" && typ != "str" && typ != "inlineStr":
		return noValue
	}
	return ""
}

// hyperlinkFormula is the address a HYPERLINK formula links to when it is written in the formula
// (=HYPERLINK("https://…", "Report")), or "".
func hyperlinkFormula(f string) string {
	f = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f), "="))
	rest, ok := cutPrefixFold(f, "HYPERLINK(")
	if !ok {
		rest, ok = cutPrefixFold(f, "_xlfn.HYPERLINK(")
	}
	rest = strings.TrimSpace(rest)
	if !ok || !strings.HasPrefix(rest, `"`) {
		return ""
	}
	end := strings.IndexByte(rest[1:], '"')
	if end < 0 {
		return ""
	}
	return strings.TrimSpace(rest[1 : 1+end])
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// withLink is a cell's text with its hyperlink's address: the address alone when the text is
// empty or is the address, else the text and the address in brackets.
func withLink(text, url string) string {
	switch url = strings.TrimSpace(url); {
	case url == "" || strings.Contains(text, url):
		return text
	case text == "" || text == strings.TrimPrefix(url, "mailto:"):
		return cmp.Or(text, url)
	}
	return text + " (" + url + ")"
}

// sheetLink is a hyperlink of a sheet: the cells it covers and its relationship, whose target is
// the address. A link to a place in the workbook has no relationship and is not an address.
type sheetLink struct{ ref, id string }

// link adds the addresses of the sheet's hyperlinks to the text of the cells they cover, within
// the values' extent.
func (x *xlsxReader) link(sh sheetPart, t *Table, width int, links []sheetLink) {
	if len(links) == 0 {
		return
	}
	var rels relationships
	if err := xml.Unmarshal(x.part(path.Join(path.Dir(sh.part), "_rels", path.Base(sh.part)+".rels")), &rels); err != nil {
		return
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/hyperlink") {
			targets[r.ID] = r.Target
		}
	}
	for _, l := range links {
		url := targets[l.id]
		if url == "" {
			continue
		}
		m, ok := mergeOf(l.ref)
		if !ok {
			c, r, err := excelize.CellNameToCoordinates(l.ref)
			if err != nil {
				continue
			}
			m = Merge{Row: r - 1, Col: c - 1, Height: 1, Width: 1}
		}
		for r := m.Row; r < min(m.Row+m.Height, len(t.Rows)); r++ {
			for c := m.Col; c < min(m.Col+m.Width, width); c++ {
				if cell := &t.Rows[r].Cells[c]; cell.Unreadable == "" {
					cell.Text = withLink(cell.Text, url)
				}
			}
		}
	}
}

// show writes a cell's stored value as its style shows it, and says what kind of value it is;
// text is already as shown.
func (x *xlsxReader) show(c *Cell, st cellStyle, typ, raw string) {
	if raw == "" {
		return
	}
	switch typ {
	case "", "n":
		if st.date != "" && x.showDate(c, raw, st.date) {
			return
		}
		c.Text = cleanText(st.number.format(raw))
		if v, err := strconv.ParseFloat(raw, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			c.Kind, c.Value = KindNumber, generalNumber(v)
		}
	case "d":
		x.showDate(c, raw, cmp.Or(st.date, dayLayout))
	case "b":
		c.Text = map[bool]string{true: "TRUE", false: "FALSE"}[raw == "1" || raw == "true"]
		c.Kind, c.Value = KindBool, c.Text
	}
}

// showDate writes a date cell as its layout shows it, and its value as its kind says.
func (x *xlsxReader) showDate(c *Cell, raw, layout string) bool {
	d, ok := x.date(raw, layout)
	if !ok {
		return false
	}
	c.Text = d.Format(layout)
	switch layout {
	case dayLayout:
		c.Kind, c.Value = KindDay, d.Format(time.DateOnly)
	case monthLayout:
		c.Kind, c.Value = KindMonth, d.Format("2006-01")
	case yearLayout:
		c.Kind, c.Value = KindYear, d.Format("2006")
	default:
		c.Kind, c.Value = KindTime, c.Text
	}
	return true
}

// attrNS is an attribute in any namespace (r:id), where attr would also match one in none.
func attrNS(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// mergeOf reads a merged range ("A2:A4") as a Merge.
func mergeOf(ref string) (Merge, bool) {
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		return Merge{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		return Merge{}, false
	}
	if c2 < c1 {
		c1, c2 = c2, c1
	}
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	return Merge{Row: r1 - 1, Col: c1 - 1, Height: r2 - r1 + 1, Width: c2 - c1 + 1}, true
}

// date is the day a date cell's stored value (a serial day number, or an ISO date for a cell of
// date type) stands for. It is written out by layout, as a day a deadline can be read from: "30
// September 2025", not the "9/30/25" a short date format shows.
func (x *xlsxReader) date(raw, layout string) (time.Time, bool) {
	raw = strings.TrimSpace(raw)
	if len(raw) >= 10 && raw[4] == '-' {
		if t, err := time.Parse(time.DateOnly, raw[:10]); err == nil {
			return t, true
		}
	}
	serial, err := strconv.ParseFloat(raw, 64)
	// A serial below 1 is a time of day alone, not a date; above 2958465 is past 31 December 9999.
	if err != nil || serial < 0 || serial > 2958465 || serial < 1 && layout != timeLayout && layout != secsLayout {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(serial, x.date1904)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
