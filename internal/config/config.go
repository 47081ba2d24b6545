// Package config owns a plan repository's optional settings file, cpp.yaml at its root (beside
// plans/): the council, the quarter convention, and the defaults of report and import, with a
// glossary and the plain-English switch that validate's plain-English check reads. Every value
// keeps its position, so that validate points at a wrong key as it does in a plan file. Flags
// always win over the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// FileName is the config's name at the root of a plan repository.
const FileName = "cpp.yaml"

// maxSize bounds what is read: a settings file is a few hundred bytes.
const maxSize = 1 << 20

// Config is cpp.yaml. A zero value is a repository without one: every default is cpp's own.
type Config struct {
	Path string // as found, relative to the working folder when it can be; "" when there is none
	Data []byte // the file's text, for quoting a line in a diagnostic

	Council string
	// Quarters is the repository's quarter convention; QuartersSet says cpp.yaml gave it.
	Quarters    deadline.Convention
	QuartersSet bool

	Report Report
	Import Import

	// PlainEnglish turns on validate's plain-English check of the text people read (issue 20);
	// Glossary spells out the acronyms that check allows. Both are read here and used there.
	PlainEnglish bool
	Glossary     []Term
}

// Report holds the board report's defaults; zero values are cpp's own defaults.
type Report struct {
	Title     string
	StaleDays int      // 0: not set
	Tolerance *float64 // nil: not set (0 is a tolerance)
}

// Import holds import's defaults.
type Import struct {
	// Map is the column map file, relative to the working folder (cpp.yaml writes it relative
	// to the repository's root).
	Map string
}

// Term is a glossary entry: an acronym or term and what it stands for, where it was written.
type Term struct {
	Term, Meaning string
	Line, Col     int
}

// Keys are the keys each mapping of cpp.yaml allows, in the order the docs list them; cpp schema
// --config describes the same keys, and a test compares the two.
var Keys = map[string][]string{
	"config":   {"council", "quarters", "report", "import", "plain_english", "glossary"},
	"report":   {"title", "stale_days", "tolerance"},
	"import":   {"map"},
	"glossary": {"term", "meaning"},
}

// MaxStaleDays is a century, as the report's --stale-days allows.
const MaxStaleDays = 36500

// Find is the cpp.yaml of the repository wd is in: beside the plans/ folder found from wd, or in
// wd itself when no plans/ folder is found. ok is false when there is none.
func Find(wd string) (path string, ok bool) {
	root := wd
	for dir := wd; ; dir = filepath.Dir(dir) {
		if info, err := os.Stat(filepath.Join(dir, "plans")); err == nil && info.IsDir() {
			root = dir
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	p := filepath.Join(root, FileName)
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
		if rel, err := filepath.Rel(wd, p); err == nil {
			p = rel
		}
		return p, true
	}
	return "", false
}

// Load finds and reads the repository's cpp.yaml. With none, it returns a zero Config. A file
// that cannot be read is one diagnostic at line 0.
func Load(wd string) (*Config, []diag.Diagnostic) {
	path, ok := Find(wd)
	if !ok {
		return &Config{}, nil
	}
	c, ds := read(filepath.Join(wd, path), path)
	// A relative map file is written relative to the repository's root, where cpp.yaml is.
	if c.Import.Map != "" && !filepath.IsAbs(c.Import.Map) {
		c.Import.Map = filepath.Join(filepath.Dir(path), filepath.FromSlash(c.Import.Map))
	}
	return c, ds
}

// Read reads the settings file at path (one named on the command line, or the one cpp init
// keeps). A file that cannot be read is one diagnostic at line 0.
func Read(path string) (*Config, []diag.Diagnostic) { return read(path, path) }

// read reads the file at path through safewrite, as every user's file is read (regular files
// only, within the size limit), and names it as name.
func read(path, name string) (*Config, []diag.Diagnostic) {
	data, err := safewrite.ReadFile(path, maxSize)
	if err != nil {
		d := diag.Diagnostic{File: name, Severity: diag.Error, Rule: "config",
			Message: "cannot read the settings: " + safewrite.Reason(err), Hint: "check the path and its permissions"}
		var se *safewrite.Error
		if errors.As(err, &se) {
			d.Hint = se.Hint()
		}
		return &Config{Path: name}, []diag.Diagnostic{d}
	}
	return Parse(name, data)
}

// Parse reads cpp.yaml's bytes. Every problem is a diagnostic at its position; what could be read
// is returned whatever else is wrong.
func Parse(path string, data []byte) (*Config, []diag.Diagnostic) {
	p := &parser{path: path, c: &Config{Path: path, Data: data}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := err.Error()
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			// "yaml: line 3: mapping values are not allowed in this context"
			if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
				if n, tail, ok := strings.Cut(rest, ": "); ok {
					line, _ = strconv.Atoi(n)
					msg = tail
				}
			}
		}
		p.ds = append(p.ds, diag.Diagnostic{File: path, Line: line, Col: 1, Severity: diag.Error, Rule: "yaml",
			Message: strings.TrimPrefix(msg, "yaml: "), Hint: "fix the YAML syntax"})
		return p.c, p.ds
	}
	if len(doc.Content) == 0 {
		return p.c, nil // an empty file: every default
	}
	p.top(doc.Content[0])
	return p.c, p.ds
}

type parser struct {
	path string
	c    *Config
	ds   []diag.Diagnostic
}

func (p *parser) errorf(n *yaml.Node, rule, hint, format string, args ...any) {
	d := diag.Diagnostic{File: p.path, Line: n.Line, Col: n.Column, Severity: diag.Error,
		Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint}
	if n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		d.Span = utf8.RuneCountInString(n.Value)
	}
	p.ds = append(p.ds, d)
}

// mapping calls f with each key and value of n, refusing keys not in allowed.
func (p *parser) mapping(n *yaml.Node, what string, allowed []string, f func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "type", "write it as `key: value` lines", "%s must be a mapping, not %s", what, describe(n))
		return
	}
	keys := suggest.NewKeys(what, allowed, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "type", "keys are plain words such as `council`", "a key in %s must be a word, not %s", what, describe(k))
			continue
		}
		if prob := keys.Check(key); prob != nil {
			p.errorf(k, prob.Rule, prob.Hint, "%s", prob.Message)
			continue
		}
		f(key, v)
	}
}

func (p *parser) top(n *yaml.Node) {
	p.mapping(n, FileName, Keys["config"], func(key string, v *yaml.Node) {
		switch key {
		case "council":
			p.c.Council, _ = p.text(v, "council")
		case "quarters":
			s, ok := p.text(v, "quarters")
			if !ok {
				return
			}
			conv, ok := deadline.ParseConvention(s)
			if !ok {
				hint := "use calendar (January to March is Q1) or financial (April to June is Q1)"
				if near := suggest.Closest(s, []string{"calendar", "financial"}, 1); len(near) > 0 {
					hint = fmt.Sprintf("did you mean `%s`?", near[0])
				}
				p.errorf(v, "value", hint, "invalid quarters %q", s)
				return
			}
			p.c.Quarters, p.c.QuartersSet = conv, true
		case "report":
			p.report(v)
		case "import":
			p.mapping(v, "import", Keys["import"], func(key string, v *yaml.Node) {
				p.c.Import.Map, _ = p.text(v, "import.map")
			})
		case "plain_english":
			if v.Kind != yaml.ScalarNode || (v.Tag != "!!bool") {
				p.errorf(v, "type", "write true or false", "plain_english must be true or false, not %s", describe(v))
				return
			}
			p.c.PlainEnglish = v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
		case "glossary":
			p.glossary(v)
		}
	})
}

func (p *parser) report(n *yaml.Node) {
	p.mapping(n, "report", Keys["report"], func(key string, v *yaml.Node) {
		switch key {
		case "title":
			p.c.Report.Title, _ = p.text(v, "report.title")
		case "stale_days":
			d, ok := number(v)
			if !ok || d != math.Trunc(d) || d < 1 || d > MaxStaleDays {
				p.errorf(v, "value", "write a number of days such as 90",
					"invalid report.stale_days %s: it is a whole number of days from 1 to %d", describe(v), MaxStaleDays)
				return
			}
			p.c.Report.StaleDays = int(d)
		case "tolerance":
			t, ok := number(v)
			if !ok || !(t >= 0 && t < 1) {
				p.errorf(v, "value", "write a fraction such as 0.1 (within 10% of target is green)",
					"invalid report.tolerance %s: it is a fraction of the target, at least 0 and less than 1", describe(v))
				return
			}
			p.c.Report.Tolerance = &t
		}
	})
}

func (p *parser) glossary(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "type", "write a list of `- {term: ICB, meaning: Integrated Care Board}`", "glossary must be a list, not %s", describe(n))
		return
	}
	for _, item := range n.Content {
		var t Term
		t.Line, t.Col = item.Line, item.Column
		p.mapping(item, "a glossary entry", Keys["glossary"], func(key string, v *yaml.Node) {
			s, _ := p.text(v, "glossary "+key)
			if key == "term" {
				t.Term = s
			} else {
				t.Meaning = s
			}
		})
		if item.Kind == yaml.MappingNode {
			if t.Term == "" || t.Meaning == "" {
				p.errorf(item, "required", "give both, as in {term: ICB, meaning: Integrated Care Board}", "a glossary entry needs a term and its meaning")
				continue
			}
			p.c.Glossary = append(p.c.Glossary, t)
		}
	}
}

// number reads a figure as YAML 1.2 reads one, as an editor checking the schema does: 90, 0.1,
// 9e1, 90.0. Quoted ("90") it is text, and 1_000 is a number only to YAML 1.1.
func number(v *yaml.Node) (float64, bool) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") || strings.Contains(v.Value, "_") {
		return 0, false
	}
	var f float64
	return f, v.Decode(&f) == nil
}

// text is a scalar value as text: one line, not empty. A number is text (`council: 2025`), as
// in a plan file; true or false is not.
func (p *parser) text(v *yaml.Node, what string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Tag == "!!bool" || strings.TrimSpace(v.Value) == "" {
		p.errorf(v, "type", "write it as text on the same line", "%s must be text, not %s", what, describe(v))
		return "", false
	}
	if strings.ContainsFunc(v.Value, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		p.errorf(v, "value", "write it on one line, without control characters", "%s must be one line of text", what)
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return strconv.Quote(n.Value)
}
