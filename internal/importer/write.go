package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
	"github.com/cpp-plans/cpp/internal/yaml11"
)

// str is a text value. yaml.v3 quotes what YAML 1.2 would read as other than text; what only a
// YAML 1.1 reader would (1:30, 0777, on) is quoted here, so that PyYAML reads it back the same.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11.NotText(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// plain is a scalar the plan file reads as it is (a date, an id), written without quotes.
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func mapping(flow bool, kv ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func list(flow bool, items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

// comment makes YAML comment lines of text: each line of it one "# " line, with control
// characters and line breaks written as escapes (termsafe.Line) so that a comment cannot end
// early or act on a terminal.
func comment(texts ...string) string {
	var lines []string
	for _, t := range texts {
		for _, l := range strings.Split(t, "\n") {
			l = strings.TrimRightFunc(termsafe.Line(l), unicode.IsSpace)
			lines = append(lines, strings.TrimRight("# "+l, " "))
		}
	}
	return strings.Join(lines, "\n")
}

// write is the plan file: the keys in the order the README documents them, every action with
// its source row beside its id, and the kept cells as comments before its text.
func (b *builder) write() []byte {
	o, res := b.o, b.res
	source := filepath.Base(o.File)
	if res.Table != "" {
		source += ", " + res.Table
	}
	root := mapping(false,
		str("id"), plain(o.ID),
		str("title"), str(o.Title),
		str("council"), str(o.Council),
	)
	periodKey := str("period")
	if res.PeriodFrom != "--period" {
		periodKey.HeadComment = comment("The period is " + res.PeriodFrom + ": check it against the plan.")
	}
	root.Content = append(root.Content,
		periodKey, mapping(true, str("start"), plain(res.Period.Start.Format("2006-01-02")), str("end"), plain(res.Period.End.Format("2006-01-02"))),
		str("quarters"), str(o.Quarters.String()),
		str("source"), str(source),
	)
	secs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range b.sections {
		sid := fmt.Sprintf("%s.p%d", o.ID, s.num)
		idv := plain(sid)
		idv.LineComment = fmt.Sprintf("# row %d", s.line)
		sn := mapping(false, str("id"), idv, str("kind"), str(s.kind), str("title"), str(s.title))
		if len(s.measures) > 0 {
			ms := &yaml.Node{Kind: yaml.SequenceNode}
			for i, m := range s.measures {
				ms.Content = append(ms.Content, mapping(false, str("id"), plain(fmt.Sprintf("%s.m%d", sid, i+1)), str("text"), str(m)))
			}
			sn.Content = append(sn.Content, str("measures"), ms)
		}
		acts := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range s.actions {
			acts.Content = append(acts.Content, b.actionNode(a, "", s, sid))
			for _, sub := range a.subs {
				acts.Content = append(acts.Content, b.actionNode(sub, a.id, s, sid))
			}
		}
		if len(acts.Content) > 0 {
			sn.Content = append(sn.Content, str("actions"), acts)
		}
		secs.Content = append(secs.Content, sn)
	}
	root.Content = append(root.Content, str("sections"), secs)

	from := source
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root},
		HeadComment: comment("Imported by cpp import from "+from+".",
			"Cells the plan format cannot hold are kept as comments beside their action; \"row N\" is the",
			"action's row in the table.")}
	var buf bytes.Buffer
	e := yaml.NewEncoder(&buf)
	e.SetIndent(2)
	if err := e.Encode(doc); err != nil {
		// Nodes built here are always encodable; a failure is a bug that validation reports.
		return []byte(err.Error())
	}
	e.Close()
	return buf.Bytes()
}

func (b *builder) actionNode(a *action, parent string, s *section, sid string) *yaml.Node {
	idv := plain(a.id)
	idv.LineComment = fmt.Sprintf("# row %d", a.line)
	n := mapping(false, str("id"), idv)
	var first *yaml.Node
	add := func(k string, v *yaml.Node) {
		kn := str(k)
		if first == nil {
			first = kn
		}
		n.Content = append(n.Content, kn, v)
	}
	if parent != "" {
		add("parent", plain(parent))
	}
	if a.text != "" {
		add("text", str(a.text))
	}
	if a.deadline != "" {
		add("deadline", str(a.deadline))
	}
	if len(a.leads) > 0 {
		add("leads", list(true, a.leads))
	}
	if a.status != "" {
		add("status", str(string(a.status)))
	}
	if a.rag != "" {
		add("rag", str(string(a.rag)))
	}
	if len(a.outcomes) > 0 {
		add("outcomes", list(false, a.outcomes))
	}
	if len(a.measures) > 0 {
		var links []string
		for _, m := range a.measures {
			for i, t := range s.measures {
				if t == m {
					links = append(links, fmt.Sprintf("%s.m%d", sid, i+1))
				}
			}
		}
		add("links", list(true, links))
	}
	if len(a.updates) > 0 {
		us := &yaml.Node{Kind: yaml.SequenceNode}
		for _, u := range a.updates {
			us.Content = append(us.Content, mapping(false, str("date"), plain(u.date.Format("2006-01-02")), str("note"), str(u.note)))
		}
		add("updates", us)
	}
	if len(a.comments) > 0 {
		if first == nil {
			first = n.Content[0] // never so: an action has its text or its outcomes
		}
		first.HeadComment = comment(a.comments...)
	}
	return n
}

// Scalar is s written as a YAML value on one line, quoted where YAML needs it, for the registry
// entries the summary proposes.
func Scalar(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: words.OneLine(s), Style: 0})
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
