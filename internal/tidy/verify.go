package tidy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/diag"
)

// RuleUnsafe names the diagnostic for a file that Fix would change in meaning, or whose meaning
// cannot be checked.
const RuleUnsafe = "fmt-unsafe"

var reYAMLLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Verify checks that fixed, the output of Fix, means the same YAML as data: the same documents,
// keys, values, tags and anchors, whatever happened to comments and layout. Layout is not always
// only layout: inside a | or > block, blanks at the ends of lines, the final newline and the blank
// lines that |+ keeps are part of the text. It returns a diagnostic when the meaning would change,
// or when data is not YAML that can be compared.
func Verify(file string, data, fixed []byte) (diag.Diagnostic, bool) {
	before, err := documents(data)
	if err != nil {
		// Without a meaning to compare with, any change might be one.
		why := strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: "), "\n", " ")
		line := 0
		if m := reYAMLLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			why = m[2]
		}
		return diag.Diagnostic{File: file, Line: line, Severity: diag.Error, Rule: RuleUnsafe,
			Message: "cpp fmt leaves the file as it is: it is not valid YAML (" + why + ")",
			Hint:    fmt.Sprintf("fix the YAML first ('cpp validate %s' shows where), then run 'cpp fmt %s'", file, file)}, true
	}
	unsafe := func(line, col int) (diag.Diagnostic, bool) {
		return diag.Diagnostic{File: file, Line: line, Col: col, Severity: diag.Error, Rule: RuleUnsafe,
			Message: "cpp fmt leaves the file as it is: tidying it would change this value",
			Hint: "inside a | or > block, spaces at the ends of lines, the final newline and the blank lines " +
				"|+ keeps are part of the text; change them by hand if the text should change"}, true
	}
	after, err := documents(fixed)
	if err != nil || len(after) != len(before) {
		return unsafe(1, 1)
	}
	for i := range before {
		if n := firstDifference(before[i], after[i]); n != nil {
			return unsafe(n.Line, n.Column)
		}
	}
	return diag.Diagnostic{}, false
}

// documents parses every YAML document in data.
func documents(data []byte) (docs []*yaml.Node, err error) {
	defer func() {
		// The YAML library is not ours; a panic inside it means the file cannot be compared.
		if r := recover(); r != nil {
			docs, err = nil, fmt.Errorf("the YAML parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return nil, err
		}
		docs = append(docs, &n)
	}
}

// firstDifference returns the first node of a, in document order, whose meaning differs from
// its counterpart in b; nil when there is none. Positions, styles and comments are layout.
func firstDifference(a, b *yaml.Node) *yaml.Node {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		len(a.Content) != len(b.Content) {
		return a
	}
	for i := range a.Content {
		if n := firstDifference(a.Content[i], b.Content[i]); n != nil {
			return n
		}
	}
	return nil
}
