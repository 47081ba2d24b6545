package importer

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/suggest"
)

// Map is a --map file: the field each header names, for tables whose headers the synonyms do
// not know. Its form:
//
//	columns:
//	  "What will we do?": action
//	  "Target completion": deadline
//	  Notes: ignore
type Map struct {
	File    string
	Columns []MapColumn
}

// MapColumn is one header of a map, with the line it is on.
type MapColumn struct {
	Header string
	Field  Field
	Line   int
	Used   bool
}

// MapError is a problem in a map file, at a position.
type MapError struct {
	File      string
	Line, Col int
	Message   string
	Hint      string
}

func (e *MapError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Message
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
}

var mapKeys = []string{"columns"}

// ParseMap reads a map file. Every problem is a *MapError naming the line and column.
func ParseMap(file string, data []byte) (*Map, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &MapError{File: file, Message: "cannot read it as YAML: " + strings.TrimPrefix(err.Error(), "yaml: "),
			Hint: `a map is a YAML mapping, as in columns: {"By when?": deadline}`}
	}
	if len(doc.Content) == 0 {
		return nil, &MapError{File: file, Message: "the map is empty", Hint: `give the columns, as in columns: {"By when?": deadline}`}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &MapError{File: file, Line: root.Line, Col: root.Column, Message: "a map is a mapping with the key columns",
			Hint: `as in columns: {"By when?": deadline}`}
	}
	m := &Map{File: file}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "columns" {
			hint := "the only key is columns"
			if c := suggest.Closest(k.Value, mapKeys, 1); len(c) > 0 {
				hint = fmt.Sprintf("did you mean %q?", c[0])
			}
			return nil, &MapError{File: file, Line: k.Line, Col: k.Column, Message: fmt.Sprintf("unknown key %q", k.Value), Hint: hint}
		}
		if v.Kind != yaml.MappingNode {
			return nil, &MapError{File: file, Line: v.Line, Col: v.Column, Message: "columns is a mapping of header to field",
				Hint: `as in columns: {"By when?": deadline}`}
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			hk, fv := v.Content[j], v.Content[j+1]
			if hk.Kind != yaml.ScalarNode || fv.Kind != yaml.ScalarNode {
				return nil, &MapError{File: file, Line: hk.Line, Col: hk.Column, Message: "each column is a header and a field, both text",
					Hint: `as in "By when?": deadline`}
			}
			f := Field(strings.ToLower(strings.TrimSpace(fv.Value)))
			if !slices.Contains(Fields, f) {
				hint := "fields: " + fieldList()
				if c := suggest.Closest(fv.Value, fieldNames(), 1); len(c) > 0 {
					hint = fmt.Sprintf("did you mean %q? (fields: %s)", c[0], fieldList())
				}
				return nil, &MapError{File: file, Line: fv.Line, Col: fv.Column, Message: fmt.Sprintf("unknown field %q for column %q", fv.Value, hk.Value), Hint: hint}
			}
			if slices.ContainsFunc(m.Columns, func(c MapColumn) bool { return headerKey(c.Header) == headerKey(hk.Value) }) {
				return nil, &MapError{File: file, Line: hk.Line, Col: hk.Column, Message: fmt.Sprintf("column %q is mapped twice", hk.Value),
					Hint: "headers are compared without case, spaces or punctuation: keep one"}
			}
			m.Columns = append(m.Columns, MapColumn{Header: hk.Value, Field: f, Line: hk.Line})
		}
	}
	return m, nil
}

func fieldNames() []string {
	out := make([]string, len(Fields))
	for i, f := range Fields {
		out[i] = string(f)
	}
	return out
}

func fieldList() string { return strings.Join(fieldNames(), ", ") }

// field is the field the map gives a header; ok is false when it names none (or there is no map).
func (m *Map) field(header string) (Field, bool) {
	if m == nil || header == "" {
		return "", false
	}
	key := headerKey(header)
	for i := range m.Columns {
		if headerKey(m.Columns[i].Header) == key {
			m.Columns[i].Used = true
			return m.Columns[i].Field, true
		}
	}
	return "", false
}
