package planedit

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/yaml11"
)

// kind says how a new value may be written.
type kind int

const (
	word   kind = iota // a status or RAG word: always plain
	date               // YYYY-MM-DD: plain
	number             // a number as the user gave it, already checked: plain
	text               // free text: plain when that reads back as the same text, else double-quoted
)

type value struct {
	kind kind
	s    string
	// style is the quoting of the value being replaced, kept where it can hold the new text.
	style yaml.Style
}

// field is one key and the value to write for it.
type field struct {
	key string
	val value
}

// render writes a value for a block mapping, or for a flow mapping ({…}), where commas and
// brackets end a plain value.
func (v value) render(flow bool) string {
	switch {
	case v.style&yaml.DoubleQuotedStyle != 0:
		return quote(v.s)
	case v.style&yaml.SingleQuotedStyle != 0 && singleQuotable(v.s):
		return "'" + strings.ReplaceAll(v.s, "'", "''") + "'"
	case v.kind != text:
		return v.s
	case plain(v.s, flow):
		return v.s
	}
	return quote(v.s)
}

// yaml11Words are read as true, false or null by YAML 1.1 readers (and spreadsheet tools built
// on them) even where yaml.v3 reads text: a note "No" must stay the word. yaml11.NotText has the
// exact forms; these are their other spellings (YES, nULL), which no reader takes as text
// without doubt.
var yaml11Words = regexp.MustCompile(`^(?i:y|n|yes|no|true|false|on|off|null|~)$`)

// plain reports whether s can be written unquoted and read back as exactly s, by cpp (YAML 1.2)
// and by YAML 1.1 readers (PyYAML, many editors' plugins): "1:30", "0777", "yes", "2026" and
// "2026-03-31" are quoted, since a 1.1 reader takes them for a number, a bool or a date.
func plain(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || yaml11Words.MatchString(s) || yaml11.NotText(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`.") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}:") {
		return false
	}
	for _, r := range s {
		if !printable(r) || r == '\t' {
			return false
		}
	}
	// Numbers, dates and the like are read as text by plan files, but a reader that resolves
	// types would see a number: quote them.
	var n yaml.Node
	if yaml.Unmarshal([]byte(s), &n) != nil || len(n.Content) != 1 {
		return false
	}
	c := n.Content[0]
	if c.Kind != yaml.ScalarNode || c.Style != 0 || c.Value != s {
		return false
	}
	if c.Tag != "!!str" {
		return false
	}
	// Inside {…} the parser has rules of its own (go-yaml refuses a '?' anywhere in a plain
	// value there: "b?" and a URL's query string): read it back in that context too.
	return !flow || plainInFlow(s)
}

// plainInFlow reports whether s, unquoted as a value in a flow mapping, reads back as s.
func plainInFlow(s string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte("{k: "+s+"}"), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.Style == 0 && v.Value == s
}

// printable is YAML's printable set, less the characters a reader may take as a line break or a
// byte-order mark.
func printable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return false
	case r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
		return false
	case r >= 0xd800 && r <= 0xdfff:
		return false
	}
	return true
}

func singleQuotable(s string) bool {
	for _, r := range s {
		if !printable(r) {
			return false
		}
	}
	return s == strings.TrimSpace(s)
}

// quote writes s double-quoted, escaping what is not printable, so that any text (line breaks,
// control characters, a leading dash) reads back exactly.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		default:
			switch {
			case printable(r):
				b.WriteRune(r)
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// flowItem writes a list item's fields as a flow mapping: {date: 2025-10-01, note: Done.}
func flowItem(fs []field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.key + ": " + f.val.render(true)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// blockItem writes a list item's fields as a block mapping, one key a line, the first after the
// dash: the dash indented by dash spaces and the keys by key.
func blockItem(fs []field, dash, key int, eol string) string {
	var b strings.Builder
	for i, f := range fs {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", max(1, key-dash-1)))
		} else {
			b.WriteString(eol + strings.Repeat(" ", key))
		}
		b.WriteString(f.key + ": " + f.val.render(false))
	}
	return b.String()
}
