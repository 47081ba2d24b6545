package planedit

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is a file's text with the lines the YAML parser counts, so that a node's line and
// column (counted in characters) can be turned into byte offsets, and the end of a node's text
// found: yaml.v3 nodes carry where they start, never where they end.
type source struct {
	data  []byte
	lines []line
	// eol is the line break for new lines where the line being extended has none of its own
	// (the last line of a file): CRLF when the file uses it anywhere.
	eol string
}

// line is one line: text from start to end, its line break from end to next.
type line struct{ start, end, next int }

func newSource(data []byte) *source {
	s := &source{data: data, eol: "\n"}
	if bytes.Contains(data, []byte("\r\n")) {
		s.eol = "\r\n"
	}
	start := 0
	for i := 0; i < len(data); {
		// The parser breaks lines at CR, LF, CRLF, NEL, LS and PS; counting only LF would put
		// every node after a stray CR or U+2028 on the wrong line.
		n := breakLen(data, i)
		if n == 0 {
			i++
			continue
		}
		s.lines = append(s.lines, line{start, i, i + n})
		i += n
		start = i
	}
	s.lines = append(s.lines, line{start, len(data), len(data)})
	return s
}

// breakLen is the length of the line break at data[i:], or 0.
func breakLen(data []byte, i int) int {
	switch c := data[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2 && i+1 < len(data) && data[i+1] == 0x85:
		return 2
	case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
		return 3
	}
	return 0
}

// lineOf is the index of the line holding byte offset off.
func (s *source) lineOf(off int) int {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i].next > off })
	if i == len(s.lines) {
		return len(s.lines) - 1
	}
	return i
}

// breakOf is line i's own line break (CR for a file written with CRs alone), or the file's usual
// one when it has none or ends it with a Unicode line separator.
func (s *source) breakOf(i int) string {
	l := s.lines[i]
	if b := string(s.data[l.end:l.next]); b == "\n" || b == "\r\n" || b == "\r" {
		return b
	}
	return s.eol
}

// indentOf counts the spaces that start line i.
func (s *source) indentOf(i int) int {
	l := s.lines[i]
	n := 0
	for l.start+n < l.end && s.data[l.start+n] == ' ' {
		n++
	}
	return n
}

// blank reports whether line i holds only spaces (or nothing).
func (s *source) blank(i int) bool {
	l := s.lines[i]
	return s.indentOf(i) == l.end-l.start
}

// offset turns a node's line and column (1-based, the column in characters) into a byte offset.
func (s *source) offset(n *yaml.Node) (int, error) {
	if n.Line < 1 || n.Line > len(s.lines) || n.Column < 1 {
		return 0, fmt.Errorf("line %d, column %d is outside the file", n.Line, n.Column)
	}
	l := s.lines[n.Line-1]
	off := l.start
	for c := 1; c < n.Column; c++ {
		if off >= l.end {
			return 0, fmt.Errorf("line %d has no column %d", n.Line, n.Column)
		}
		_, size := utf8.DecodeRune(s.data[off:l.end])
		off += size
	}
	return off, nil
}

// span is where a node's text lies: data[start:end]. comment is set when a comment sits inside
// a flow collection, which rewriting the collection would lose.
type span struct {
	start, end int
	comment    bool
	// line is 1 + the index of the line the text ends on, when end alone cannot say: a kept
	// block scalar ends with empty lines.
	line int
}

// lastLine is the index of the line where the span's text ends.
func (s *source) lastLine(sp span) int {
	if sp.line > 0 {
		return sp.line - 1
	}
	return s.lineOf(max(sp.start, sp.end-1))
}

// span finds a node's text. indent is the indentation of the block collection holding the
// node, which ends a block scalar.
func (s *source) span(n *yaml.Node, indent int) (span, error) {
	start, err := s.offset(n)
	if err != nil {
		return span{}, err
	}
	start = s.skipProperties(n, start)
	switch {
	case n.Kind == yaml.AliasNode:
		return span{}, fmt.Errorf("line %d: aliases are not supported", n.Line)
	case n.Kind == yaml.ScalarNode:
		return s.scalar(n, start, indent)
	case n.Style&yaml.FlowStyle != 0:
		return s.flow(n, start)
	case n.Kind == yaml.MappingNode:
		if len(n.Content) == 0 {
			return span{}, fmt.Errorf("line %d: an empty block mapping", n.Line)
		}
		k := n.Content[len(n.Content)-2]
		v := n.Content[len(n.Content)-1]
		last, err := s.span(v, k.Column-1)
		if err != nil {
			return span{}, err
		}
		return span{start: start, end: max(last.end, start), line: last.line}, nil
	case n.Kind == yaml.SequenceNode:
		if len(n.Content) == 0 {
			return span{}, fmt.Errorf("line %d: an empty block list", n.Line)
		}
		last, err := s.span(n.Content[len(n.Content)-1], n.Column-1)
		if err != nil {
			return span{}, err
		}
		return span{start: start, end: max(last.end, start), line: last.line}, nil
	}
	return span{}, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}

// skipProperties steps over an anchor (&a) and a tag (!!str) written before a value: the node's
// position is where they begin.
func (s *source) skipProperties(n *yaml.Node, off int) int {
	if n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 {
		return off
	}
	for off < len(s.data) && (s.data[off] == '&' || s.data[off] == '!') {
		for off < len(s.data) && !isSpace(s.data[off]) {
			off++
		}
		for off < len(s.data) && isSpace(s.data[off]) {
			off++
		}
	}
	return off
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *source) scalar(n *yaml.Node, start, indent int) (span, error) {
	d := s.data
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if start >= len(d) || d[start] != '"' {
			return span{}, fmt.Errorf("line %d: expected a double-quoted value", n.Line)
		}
		for i := start + 1; i < len(d); i++ {
			switch d[i] {
			case '\\':
				i++
			case '"':
				return span{start: start, end: i + 1}, nil
			}
		}
		return span{}, fmt.Errorf("line %d: unclosed double quote", n.Line)
	case n.Style&yaml.SingleQuotedStyle != 0:
		if start >= len(d) || d[start] != '\'' {
			return span{}, fmt.Errorf("line %d: expected a single-quoted value", n.Line)
		}
		for i := start + 1; i < len(d); i++ {
			if d[i] == '\'' {
				if i+1 < len(d) && d[i+1] == '\'' {
					i++
					continue
				}
				return span{start: start, end: i + 1}, nil
			}
		}
		return span{}, fmt.Errorf("line %d: unclosed single quote", n.Line)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return s.blockScalar(n, start, indent)
	}
	// A plain value is its text with the spaces and line breaks between words folded: match its
	// characters other than spaces, in order, to find where it ends.
	i := start
	for _, r := range n.Value {
		if r == ' ' || r == '\t' || r == '\n' {
			continue
		}
		for i < len(d) && (isSpace(d[i]) || breakLen(d, i) > 0) {
			i += max(1, breakLen(d, i))
		}
		if i >= len(d) {
			return span{}, fmt.Errorf("line %d: the value %q is cut short", n.Line, n.Value)
		}
		got, size := utf8.DecodeRune(d[i:])
		if got != r {
			return span{}, fmt.Errorf("line %d: the value %q is not written where the parser says", n.Line, n.Value)
		}
		i += size
	}
	return span{start: start, end: i}, nil
}

// blockScalar finds the end of a `|` or `>` value: its last line indented at least as far as
// its content, before the first line indented less.
func (s *source) blockScalar(n *yaml.Node, start, indent int) (span, error) {
	d := s.data
	hdr := s.lineOf(start)
	end := start + 1
	keep, explicit := false, 0
	for end < len(d) && end < s.lines[hdr].end {
		c := d[end]
		switch {
		case c == '+':
			keep = true
		case c == '-':
		case c >= '1' && c <= '9':
			explicit = int(c - '0')
		default:
			goto header
		}
		end++
	}
header:
	content := 0
	if explicit > 0 {
		content = indent + explicit
	} else {
		for i := hdr + 1; i < len(s.lines); i++ {
			if !s.blank(i) {
				content = s.indentOf(i)
				break
			}
		}
	}
	last := -1
	i := hdr + 1
	for ; i < len(s.lines); i++ {
		if s.blank(i) {
			continue
		}
		if content <= indent || s.indentOf(i) < content {
			break
		}
		last = i
	}
	if last < 0 {
		return span{start: start, end: end}, nil
	}
	if keep {
		// Trailing empty lines belong to a kept value: new lines go after them.
		for j := last + 1; j < i && j < len(s.lines); j++ {
			if s.lines[j].next == s.lines[j].end {
				break // the file's last line, with no break of its own
			}
			last = j
		}
	}
	return span{start: start, end: s.lines[last].end, line: last + 1}, nil
}

// flow finds the bracket that closes a {…} or […] collection, and notes any comment inside it.
func (s *source) flow(n *yaml.Node, start int) (span, error) {
	d := s.data
	open, want := byte('{'), byte('}')
	if n.Kind == yaml.SequenceNode {
		open, want = '[', ']'
	}
	if start >= len(d) || d[start] != open {
		return span{}, fmt.Errorf("line %d: expected %q", n.Line, open)
	}
	sp := span{start: start}
	at := start + 1
	for _, c := range n.Content {
		cs, err := s.span(c, 0)
		if err != nil {
			return span{}, err
		}
		if cs.start < at {
			// An empty value ({a: }) starts where its key's colon ends, inside the gap.
			cs.start, cs.end = at, max(at, cs.end)
		}
		if s.gap(at, cs.start) {
			sp.comment = true
		}
		sp.comment = sp.comment || cs.comment
		at = cs.end
	}
	for i := at; i < len(d); i++ {
		switch {
		case d[i] == want:
			sp.end = i + 1
			if s.gap(at, i) {
				sp.comment = true
			}
			return sp, nil
		case d[i] == '#' && (i == 0 || isSpace(d[i-1])):
			sp.comment = true
			for i < len(d) && breakLen(d, i) == 0 {
				i++
			}
		}
	}
	return span{}, fmt.Errorf("line %d: unclosed %q", n.Line, open)
}

// gap reports whether a comment lies between two parts of a flow collection.
func (s *source) gap(from, to int) bool {
	for i := from; i < to && i < len(s.data); i++ {
		if s.data[i] == '#' && (i == 0 || isSpace(s.data[i-1])) {
			return true
		}
	}
	return false
}
