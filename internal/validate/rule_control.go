package validate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// ControlCharacters warns about plan text that holds a control character (ESC, BEL, a carriage
// return, a C1 control) or a bidi control, at the value that holds it. YAML writes them as escapes
// in a double-quoted string ("\e[2K", "\u202E"), so the file looks harmless, but printed raw
// they erase or rewrite what a terminal shows, or reverse the text around them. cpp shows them
// as escapes; other tools reading the plan will not.
func ControlCharacters(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range r.Files {
		root := f.Root
		if root == nil {
			if !mayHoldControls(f.Data) {
				continue
			}
			root = reparse(f.Data)
		}
		if root == nil {
			continue
		}
		eachValue(root, "", func(key string, n *yaml.Node) {
			if found := termsafe.Found(n.Value); found != nil {
				ds = append(ds, controlDiag(f.Path, key, n, found))
			}
		})
	}
	return ds
}

// mayHoldControls is a quick look at a file's bytes: a value can only hold such a character if
// the file has a backslash (a YAML escape) or holds one raw (YAML allows C1 and bidi controls
// unescaped). Only such files are parsed again, which keeps validate's memory what it was.
func mayHoldControls(data []byte) bool {
	if bytes.IndexByte(data, '\\') >= 0 {
		return true
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r != '\r' && r >= 0x80 && termsafe.Unsafe(r) {
			return true
		}
		i += size
	}
	return false
}

// reparse decodes a file the loader has already read; nil when it is not YAML. The loader has
// reported every problem with it, so this reports none.
func reparse(data []byte) (root *yaml.Node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	var n yaml.Node
	if yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &n) != nil {
		return nil
	}
	return &n
}

// eachValue calls fn for every scalar value under n, with the key it is written under (a list's
// items are under the list's key). Keys are not values: an unknown key is an error already.
func eachValue(n *yaml.Node, key string, fn func(key string, n *yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			eachValue(c, key, fn)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			eachValue(n.Content[i+1], n.Content[i].Value, fn)
		}
	case yaml.ScalarNode:
		fn(key, n)
	}
}

func controlDiag(file, key string, n *yaml.Node, found []string) diag.Diagnostic {
	controls, bidi := 0, 0
	for _, e := range found {
		if r, _, _, err := strconv.UnquoteChar(e, '"'); err == nil && termsafe.Bidi(r) {
			bidi++
		} else {
			controls++
		}
	}
	var what string
	switch {
	case bidi == 0:
		what = words.Pick(controls, "a control character", "control characters") + " a terminal would act on"
	case controls == 0:
		what = words.Pick(bidi, "a bidi control, which reorders the text around it", "bidi controls, which reorder the text around them")
	default:
		what = "control characters a terminal would act on, and bidi controls"
	}
	field := "a value"
	if key != "" {
		field = "`" + termsafe.Line(key) + "`"
	}
	return diag.Diagnostic{File: file, Line: n.Line, Col: n.Column, Severity: diag.Warning, Rule: "control-character",
		Message: fmt.Sprintf("%s holds %s: %s", field, what, strings.Join(found, ", ")),
		Hint:    "delete it: cpp shows it as an escape, but other tools print it raw, and then a terminal erases or moves lines, or reverses the text"}
}
