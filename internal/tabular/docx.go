package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The namespaces of a Word document's markup: transitional (what Word writes) and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNS     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDOCX reads the tables of a Word document, "table 1" the first in the document. A table
// within a table's cell is read as more lines of that cell's text.
func readDOCX(name string, data []byte, opts Options) ([]Table, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, errorf(name, "if it has a password, open it in Word, remove the password (File > Info > Protect Document) and save it; if it is a .doc file, save it as a Word Document (.docx)",
			"the file is a password-protected document or a Word 97-2003 (.doc) document, which cpp cannot read")
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, errorf(name, "save it from Word as a Word Document (.docx)", "the file is not a Word document (it is not a zip archive)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, badDocument(name, err.Error())
	}
	var unzipped uint64
	for _, f := range zr.File {
		unzipped += f.UncompressedSize64
	}
	if unzipped > maxUnzipped {
		return nil, badDocument(name, fmt.Sprintf("it unpacks to more than %d MB", maxUnzipped>>20))
	}
	part, err := documentPart(zr)
	if err != nil {
		return nil, badDocument(name, err.Error())
	}
	rc, err := part.Open()
	if err != nil {
		return nil, badDocument(name, err.Error())
	}
	defer rc.Close()
	p := &docxParser{file: name, dec: xml.NewDecoder(io.LimitReader(rc, maxUnzipped)), links: hyperlinks(zr, part.Name)}
	if err := p.parse(); err != nil {
		return nil, err
	}
	if len(p.tables) == 0 {
		if p.count == 0 {
			return nil, errorf(name, "cpp imports the actions from a table; if the plan lists them in paragraphs, put them in a table first (Insert > Table > Convert Text to Table)",
				"the document has no tables")
		}
		return nil, errorf(name, "check that this is the document that holds the action table", "the document's tables have no text")
	}
	return pick(name, p.tables, p.names, opts, "table")
}

func badDocument(name, why string) *Error {
	return errorf(name, "open it in Word and save it again as a Word Document (.docx)", "cannot read the document: %s", why)
}

// documentPart finds the document's main part by the package's relationships, as Word does.
func documentPart(zr *zip.Reader) (*zip.File, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	target := "word/document.xml"
	if f := files["_rels/.rels"]; f != nil {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		var root relationships
		err = xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&root)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("its _rels/.rels part is broken: %w", err)
		}
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				target = path.Clean(strings.TrimPrefix(r.Target, "/"))
			}
		}
	}
	if f := files[target]; f != nil {
		return f, nil
	}
	if files["xl/workbook.xml"] != nil {
		return nil, errors.New("it is an Excel workbook; name it .xlsx")
	}
	return nil, errors.New("it is a zip archive but not a Word document")
}

// hyperlinks are the addresses of a part's hyperlinks, by relationship id, from its relationships
// part; none when it has none or they cannot be read.
func hyperlinks(zr *zip.Reader, part string) map[string]string {
	rels := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	for _, f := range zr.File {
		if f.Name != rels {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		var r relationships
		if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&r) != nil {
			return nil
		}
		links := map[string]string{}
		for _, rel := range r.Rels {
			if strings.HasSuffix(rel.Type, "/hyperlink") {
				links[rel.ID] = rel.Target
			}
		}
		return links
	}
	return nil
}

// docxParser reads a document's tables from its XML as a stream.
type docxParser struct {
	file   string
	dec    *xml.Decoder
	tables []Table  // those with text
	names  []string // of every table
	count  int      // tables met at the top level

	depth int // how deep in tables: 1 in a top-level table
	t     *Table
	grid  int // the table's columns, by its grid
	cells int // the table's cells so far, for the limit

	line    int
	row     []Cell
	deleted bool // the row is a tracked deletion
	// open holds, by grid column, the vertical merge a row's cell may continue (an index into
	// t.Merges). A row's merges wait in added and extended until the row ends: a row deleted
	// with changes tracked has none.
	open     map[int]int
	added    []pendingMerge
	extended []int // columns whose open merge the row continues

	inTrPr, inTcPr, inCell bool
	span                   int
	vmerge                 string // "restart", "continue" or ""
	fill                   string
	text                   strings.Builder
	paras                  int
	inRun, inText          int

	placeholder []bool // per w:sdt: showing placeholder text

	links map[string]string // hyperlinks' addresses, by relationship id
	// linkFrom is where in the cell's text the hyperlink being read starts, and linkTo its
	// address ("" outside one).
	linkFrom int
	linkTo   string
}

type pendingMerge struct {
	m       Merge
	restart bool // a vertical merge starts here
}

func isWord(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }

func (p *docxParser) parse() error {
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return badDocument(p.file, "its XML is broken: "+err.Error())
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if err := p.start(el); err != nil {
				return err
			}
		case xml.EndElement:
			if err := p.end(el); err != nil {
				return err
			}
		case xml.CharData:
			if p.inText > 0 && p.inCell {
				p.text.Write(el)
			}
		}
	}
}

func (p *docxParser) skip() error {
	if err := p.dec.Skip(); err != nil {
		return badDocument(p.file, "its XML is broken: "+err.Error())
	}
	return nil
}

func (p *docxParser) start(el xml.StartElement) error {
	if el.Name.Space == compatNS && el.Name.Local == "Fallback" {
		return p.skip() // the same content again, for older readers
	}
	if !isWord(el.Name) {
		return nil
	}
	switch el.Name.Local {
	case "del":
		if p.inTrPr && p.depth == 1 {
			p.deleted = true
		}
		return p.skip() // text deleted with changes tracked
	case "moveFrom", "delText", "instrText", "delInstrText":
		return p.skip() // moved away, deleted, or a field's code rather than its result
	case "sdt":
		p.placeholder = append(p.placeholder, false)
	case "showingPlcHdr":
		if n := len(p.placeholder); n > 0 {
			p.placeholder[n-1] = true
		}
	case "sdtContent":
		if n := len(p.placeholder); n > 0 && p.placeholder[n-1] {
			return p.skip() // "Click or tap here to enter text."
		}
	case "tbl":
		p.depth++
		if p.depth == 1 {
			p.count++
			p.t = &Table{Name: "table " + strconv.Itoa(p.count)}
			p.grid, p.cells, p.line = 0, 0, 0
			p.open = map[int]int{}
		}
	case "gridCol":
		if p.depth == 1 {
			p.grid++
		}
	case "tr":
		if p.depth == 1 {
			p.row, p.deleted = nil, false
			p.added, p.extended = p.added[:0], p.extended[:0]
		}
	case "trPr":
		p.inTrPr = p.depth == 1
	case "gridBefore":
		if p.inTrPr {
			return p.addCells(Cell{}, attrInt(el, "val", 0))
		}
	case "tc":
		if p.depth == 1 {
			p.inCell = true
			p.span, p.vmerge, p.fill, p.paras = 1, "", "", 0
			p.text.Reset()
		}
	case "tcPr":
		p.inTcPr = p.depth == 1
	case "gridSpan":
		if p.inTcPr {
			p.span = min(max(attrInt(el, "val", 1), 1), maxWidth)
		}
	case "vMerge":
		if p.inTcPr {
			p.vmerge = "continue"
			if attr(el, "val") == "restart" {
				p.vmerge = "restart"
			}
		}
	case "shd":
		if p.inTcPr {
			p.fill = shading(el)
		}
	case "p":
		if p.inCell {
			if p.paras > 0 {
				p.text.WriteByte('\n')
			}
			p.paras++
		}
	case "hyperlink":
		if p.inCell {
			p.linkFrom, p.linkTo = p.text.Len(), p.links[attrNS(el, "id")]
		}
	case "r":
		p.inRun++
	case "t":
		p.inText++
	case "tab":
		if p.inRun > 0 && p.inCell { // not a tab stop of a paragraph's properties
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if p.inRun > 0 && p.inCell {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		if p.inRun > 0 && p.inCell {
			p.text.WriteByte('-')
		}
	}
	return nil
}

func (p *docxParser) end(el xml.EndElement) error {
	if !isWord(el.Name) {
		return nil
	}
	switch el.Name.Local {
	case "sdt":
		if n := len(p.placeholder); n > 0 {
			p.placeholder = p.placeholder[:n-1]
		}
	case "hyperlink":
		if p.inCell && p.linkTo != "" && p.linkFrom <= p.text.Len() {
			s := p.text.String()
			p.text.Reset()
			p.text.WriteString(s[:p.linkFrom] + withLink(s[p.linkFrom:], p.linkTo))
		}
		p.linkTo = ""
	case "r":
		p.inRun = max(p.inRun-1, 0)
	case "t":
		p.inText = max(p.inText-1, 0)
	case "trPr":
		p.inTrPr = false
	case "tcPr":
		p.inTcPr = false
	case "tc":
		if p.depth == 1 && p.inCell {
			p.inCell = false
			return p.endCell()
		}
	case "tr":
		if p.depth == 1 {
			if !p.deleted {
				p.endRow()
			}
			p.row = nil
		}
	case "tbl":
		p.depth--
		if p.depth == 0 && p.t != nil {
			return p.endTable()
		}
		p.depth = max(p.depth, 0)
	}
	return nil
}

// endRow keeps a row and its merges. A vertical merge that the row does not continue ends.
func (p *docxParser) endRow() {
	r := len(p.t.Rows)
	p.line++
	p.t.Rows = append(p.t.Rows, Row{Line: p.line, Cells: p.row})
	open := map[int]int{}
	for _, col := range p.extended {
		i := p.open[col]
		p.t.Merges[i].Height++
		open[col] = i
	}
	for _, a := range p.added {
		a.m.Row = r
		p.t.Merges = append(p.t.Merges, a.m)
		if a.restart {
			open[a.m.Col] = len(p.t.Merges) - 1
		}
	}
	p.open = open
}

func (p *docxParser) endCell() error {
	col := len(p.row)
	c := Cell{Text: cleanText(p.text.String()), Fill: p.fill}
	if p.vmerge == "continue" {
		// A continuation with nothing above to continue, or of another width, is a cell of
		// its own.
		if i, ok := p.open[col]; ok && p.t.Merges[i].Width == p.span {
			p.extended = append(p.extended, col)
			c.Text = ""
			if err := p.addCells(c, 1); err != nil {
				return err
			}
			return p.addCells(Cell{Fill: c.Fill}, p.span-1)
		}
	}
	if p.vmerge == "restart" || p.span > 1 {
		p.added = append(p.added, pendingMerge{Merge{Col: col, Height: 1, Width: p.span}, p.vmerge == "restart"})
	}
	if err := p.addCells(c, 1); err != nil {
		return err
	}
	// The other columns a spanning cell covers show as one cell: empty, in the same shade.
	return p.addCells(Cell{Fill: c.Fill}, p.span-1)
}

func (p *docxParser) addCells(c Cell, n int) error {
	if n <= 0 {
		return nil
	}
	p.cells += n
	if p.cells > maxCells || len(p.row)+n > maxWidth {
		return tooLarge(p.file, p.t.Name)
	}
	for range n {
		p.row = append(p.row, c)
	}
	return nil
}

func (p *docxParser) endTable() error {
	t := p.t
	p.t = nil
	p.names = append(p.names, t.Name)
	if err := finish(p.file, t, p.grid); err != nil {
		return err
	}
	if hasText(t) {
		p.tables = append(p.tables, *t)
	}
	return nil
}

// shading is a cell's shading as six upper-case hex digits. A "solid" pattern shows its colour
// (w:color); any other shows the fill behind it (w:fill). "auto" is no colour.
func shading(el xml.StartElement) string {
	colour := attr(el, "fill")
	if attr(el, "val") == "solid" {
		colour = attr(el, "color")
	}
	return hexColour(colour)
}

func attrInt(el xml.StartElement, name string, def int) int {
	n, err := strconv.Atoi(attr(el, name))
	if err != nil {
		return def
	}
	return n
}
