package planedit

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// change is one edit of one action or measure, in terms of its keys.
type change struct {
	what  string   // "action" or "measure"
	order []string // the keys in the order plan files write them, to place a key that is absent
	set   []field  // values replaced, or added when their key is absent
	list  string   // the list a new item goes at the end of: "updates", "observations"
	item  []field  // the new item; nil for none
}

// splice replaces data[start:end] with text.
type splice struct {
	start, end int
	text       string
}

func applySplices(data []byte, sps []splice) ([]byte, error) {
	sort.SliceStable(sps, func(i, j int) bool { return sps[i].start < sps[j].start })
	size := len(data)
	for i, sp := range sps {
		if sp.start > sp.end || sp.end > len(data) || (i > 0 && sp.start < sps[i-1].end) {
			return nil, errLayout("two changes overlap")
		}
		size += len(sp.text) - (sp.end - sp.start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, sp := range sps {
		out = append(out, data[at:sp.start]...)
		out = append(out, sp.text...)
		at = sp.end
	}
	return append(out, data[at:]...), nil
}

// target is the mapping of the action or measure being edited, and the list holding it.
type target struct {
	node   *yaml.Node
	seq    *yaml.Node
	seqKey *yaml.Node
}

// locate finds the mapping of the action or measure with the id. The plan file has already
// been read without errors, so the id is there once.
func locate(root *yaml.Node, what, id string) (target, bool) {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return target{}, false
	}
	list := what + "s"
	var found target
	var search func(m *yaml.Node, depth int) bool
	search = func(m *yaml.Node, depth int) bool {
		if m.Kind != yaml.MappingNode {
			return false
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if v.Kind != yaml.SequenceNode {
				continue
			}
			switch {
			case k.Value == list:
				for _, item := range v.Content {
					if idOf(item) == id {
						found = target{node: item, seq: v, seqKey: k}
						return true
					}
				}
			case k.Value == "sections" && depth == 0:
				for _, s := range v.Content {
					if search(s, 1) {
						return true
					}
				}
			}
		}
		return false
	}
	return found, search(root.Content[0], 0)
}

func idOf(m *yaml.Node) string {
	if m.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "id" && m.Content[i+1].Kind == yaml.ScalarNode {
			return strings.TrimSpace(m.Content[i+1].Value)
		}
	}
	return ""
}

// splices edits the file's text: it finds the action or measure and, written as a flow mapping
// ({id: …, text: …}), first rewrites it one key a line, then changes its keys and list. body is
// the file's text without a byte-order mark.
func splices(body []byte, root *yaml.Node, id string, ch change) ([]byte, error) {
	out, err := spliceAll(body, root, []job{{id: id, ch: ch}})
	if be, ok := err.(BatchError); ok {
		return nil, be[0].Err
	}
	return out, err
}

// job is one change of a batch, to the action or measure with the id.
type job struct {
	id string
	ch change
}

// spliceAll makes each job's change, each to a different action or measure, in one pass over the
// file's text: items written as flow mappings are first all rewritten one key a line (and the
// text parsed again), then every change is worked out against the same nodes and spliced in at
// once. Each item's splices lie within its own lines, so they never meet. An item that cannot be
// changed line by line is named in a BatchError, by its index in jobs.
func spliceAll(body []byte, root *yaml.Node, jobs []job) ([]byte, error) {
	src := newSource(body)
	var sps []splice
	var bad BatchError
	for i, j := range jobs {
		t, err := editTarget(root, j.ch.what, j.id)
		if err == nil && t.node.Style&yaml.FlowStyle != 0 {
			var fs []splice
			fs, err = flowToBlock(src, t.node, j.ch.what, j.id)
			sps = append(sps, fs...)
		}
		if err != nil {
			bad = append(bad, EditError{Index: i, Err: err})
		}
	}
	if bad != nil {
		return nil, bad
	}
	if len(sps) > 0 {
		var err error
		if body, err = applySplices(body, sps); err != nil {
			return nil, err
		}
		if root, err = parseNode(body); err != nil {
			return nil, err
		}
		src = newSource(body)
	}
	sps = sps[:0]
	for _, j := range jobs {
		t, ok := locate(root, j.ch.what, j.id)
		if !ok || t.node.Style&yaml.FlowStyle != 0 {
			return nil, errLayout(fmt.Sprintf("%s %s could not be rewritten one key a line", j.ch.what, j.id))
		}
		bs, err := blockEdit(src, root, t, j.ch)
		if err != nil {
			return nil, err
		}
		sps = append(sps, bs...)
	}
	// Where an item's new lines go in at the point another item's change starts, the insertion
	// comes first.
	sort.SliceStable(sps, func(i, j int) bool {
		if sps[i].start != sps[j].start {
			return sps[i].start < sps[j].start
		}
		return sps[i].end < sps[j].end
	})
	return applySplices(body, sps)
}

// editTarget finds the action or measure to edit, refusing one inside a flow list.
func editTarget(root *yaml.Node, what, id string) (target, error) {
	t, ok := locate(root, what, id)
	if !ok {
		return t, errLayout(fmt.Sprintf("%s %s is not where the plan reader found it", what, id))
	}
	if t.seq.Style&yaml.FlowStyle != 0 {
		return t, &FileError{Line: t.node.Line, Col: t.node.Column,
			Message: fmt.Sprintf("%s %s is written inside a flow list ([…]), which cannot be changed line by line", what, id),
			Hint:    fmt.Sprintf("write `%s:` as a block list, one `- ` item a line, then run the command again", t.seqKey.Value)}
	}
	return t, nil
}

func parseNode(body []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errLayout(fmt.Sprintf("the YAML parser failed: %v", r))
		}
	}()
	var n yaml.Node
	if err := yaml.Unmarshal(body, &n); err != nil {
		return nil, errLayout(err.Error())
	}
	return &n, nil
}

// entry is one key of the mapping being edited, with where its value lies.
type entry struct {
	k, v *yaml.Node
	sp   span
	last int // the line its value ends on
}

func spaces(n int) string { return strings.Repeat(" ", max(0, n)) }

// blockEdit works out the splices for a mapping written one key a line.
func blockEdit(src *source, root *yaml.Node, t target, ch change) ([]splice, error) {
	m := t.node
	ents := make([]entry, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		sp, err := src.span(v, k.Column-1)
		if err != nil {
			return nil, errLayout(err.Error())
		}
		ents = append(ents, entry{k: k, v: v, sp: sp, last: src.lastLine(sp)})
	}
	if len(ents) == 0 {
		return nil, errLayout("empty mapping")
	}
	find := func(key string) *entry {
		for i := range ents {
			if ents[i].k.Value == key {
				return &ents[i]
			}
		}
		return nil
	}
	// A new key goes after the last-written key that comes before it in the usual order:
	// status after deadline and leads, updates after outcomes and tags.
	after := func(key string) *entry {
		rank := slices.Index(ch.order, key)
		var best *entry
		for i := range ents {
			r := slices.Index(ch.order, ents[i].k.Value)
			if r >= 0 && r < rank && (best == nil || ents[i].sp.start > best.sp.start) {
				best = &ents[i]
			}
		}
		if best == nil {
			best = &ents[len(ents)-1]
		}
		return best
	}
	insertAfter := func(e *entry, lines ...string) splice {
		eol := src.breakOf(e.last)
		at := src.lines[e.last].end
		return splice{at, at, eol + strings.Join(lines, eol)}
	}
	indent := m.Column - 1
	var sps []splice
	for _, f := range ch.set {
		e := find(f.key)
		if e == nil {
			sps = append(sps, insertAfter(after(f.key), spaces(indent)+f.key+": "+f.val.render(false)))
			continue
		}
		if e.v.Kind != yaml.ScalarNode {
			return nil, errLayout(fmt.Sprintf("`%s` is not a single value", f.key))
		}
		v := f.val
		v.style = e.v.Style
		text := v.render(false)
		if e.sp.start == e.sp.end {
			text = " " + text // `status:` with no value
		}
		sps = append(sps, splice{e.sp.start, e.sp.end, text})
	}
	if ch.item == nil {
		return sps, nil
	}
	e := find(ch.list)
	switch {
	case e == nil:
		st := fileStyle(root, ch.list, t)
		dash := indent + st.dash
		at := after(ch.list)
		sps = append(sps, insertAfter(at, spaces(indent)+ch.list+":",
			renderItem(ch.item, st.flow, dash, dash+st.key, src.breakOf(at.last))))
	case e.v.Kind == yaml.SequenceNode && e.v.Style&yaml.FlowStyle == 0:
		last := e.v.Content[len(e.v.Content)-1]
		dash, err := dashBefore(src, last)
		if err != nil {
			return nil, err
		}
		flow := last.Kind != yaml.MappingNode || last.Style&yaml.FlowStyle != 0
		key := dash + 2
		if !flow {
			key = last.Column - 1
		}
		sps = append(sps, insertAfter(e, renderItem(ch.item, flow, dash, key, src.breakOf(e.last))))
	case e.v.Tag == "!!null" || (e.v.Kind == yaml.SequenceNode && e.v.Style&yaml.FlowStyle != 0):
		// `updates: []`, `updates: [{…}]` or `updates:` with nothing: rewritten as a block list,
		// the items kept as written, a comment after the brackets left on the key's line.
		if e.sp.comment {
			return nil, &FileError{Line: e.v.Line, Col: e.v.Column,
				Message: fmt.Sprintf("`%s` of %s %s has comments inside its brackets, which rewriting it would lose", ch.list, ch.what, idOf(m)),
				Hint:    fmt.Sprintf("move the comments above `%s:`, then run the command again", ch.list)}
		}
		colon, err := colonAfter(src, e.k, indent)
		if err != nil {
			return nil, err
		}
		st := fileStyle(root, ch.list, t)
		flow := st.flow
		var lines []string
		dash := indent + st.dash
		for _, item := range e.v.Content {
			text, err := nodeText(src, item)
			if err != nil {
				return nil, err
			}
			lines = append(lines, spaces(dash)+"- "+text)
			flow = true
		}
		lines = append(lines, renderItem(ch.item, flow, dash, dash+st.key, src.breakOf(e.last)))
		sps = append(sps, splice{colon, e.sp.end, ""}, insertAfter(e, lines...))
	default:
		return nil, &FileError{Line: e.v.Line, Col: e.v.Column,
			Message: fmt.Sprintf("`%s` of %s %s is not a list", ch.list, ch.what, idOf(m)),
			Hint:    fmt.Sprintf("write `%s:` followed by items starting with `- `", ch.list)}
	}
	return sps, nil
}

func renderItem(fs []field, flow bool, dash, key int, eol string) string {
	if flow {
		return spaces(dash) + "- " + flowItem(fs)
	}
	return blockItem(fs, dash, key, eol)
}

// dashBefore finds the indentation of the `- ` that starts a list item.
func dashBefore(src *source, item *yaml.Node) (int, error) {
	off, err := src.offset(item)
	if err != nil {
		return 0, errLayout(err.Error())
	}
	for i := off - 1; i >= 0; i-- {
		switch src.data[i] {
		case '-':
			return i - src.lines[src.lineOf(i)].start, nil
		case ' ', '\n', '\r':
		default:
			return 0, errLayout("no `- ` before a list item")
		}
	}
	return 0, errLayout("no `- ` before a list item")
}

// colonAfter is the offset just past the `:` that follows a key.
func colonAfter(src *source, k *yaml.Node, indent int) (int, error) {
	sp, err := src.span(k, indent)
	if err != nil {
		return 0, errLayout(err.Error())
	}
	for i := sp.end; i < len(src.data); i++ {
		switch src.data[i] {
		case ':':
			return i + 1, nil
		case ' ':
		default:
			return 0, errLayout(fmt.Sprintf("no `:` after the key `%s`", k.Value))
		}
	}
	return 0, errLayout(fmt.Sprintf("no `:` after the key `%s`", k.Value))
}

// style is how a file writes a list of updates or observations: as {…} items or key by key,
// how far the dash is indented from the list's key, and the item's keys from the dash.
type style struct {
	flow      bool
	dash, key int
}

// fileStyle is how the file already writes the list, so that a new list looks like its
// neighbours: flow items when most existing items are flow, indented as the first one found.
// With no such list, the file's indentation of the list holding the target is used.
func fileStyle(root *yaml.Node, list string, t target) style {
	st := style{dash: 2, key: 2}
	if t.seqKey != nil && t.seq.Column >= t.seqKey.Column {
		st.dash = t.seq.Column - t.seqKey.Column
	}
	flowN, blockN, found := 0, 0, false
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value != list || v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
					continue
				}
				if !found && v.Column >= k.Column {
					found = true
					st.dash = v.Column - k.Column
					if first := v.Content[0]; first.Kind == yaml.MappingNode && first.Style&yaml.FlowStyle == 0 && first.Line == v.Line {
						st.key = first.Column - v.Column
					}
				}
				for _, item := range v.Content {
					if item.Style&yaml.FlowStyle != 0 {
						flowN++
					} else {
						blockN++
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	st.flow = flowN > blockN
	return st
}

// flowToBlock rewrites a {…} mapping one key a line, keeping each value as written: the first
// key stays where the brace was, and a comment after the closing brace stays on that line.
func flowToBlock(src *source, m *yaml.Node, what, id string) ([]splice, error) {
	sp, err := src.span(m, 0)
	if err != nil {
		return nil, errLayout(err.Error())
	}
	if sp.comment {
		return nil, &FileError{Line: m.Line, Col: m.Column,
			Message: fmt.Sprintf("%s %s has comments inside its braces ({…}), which rewriting it one key a line would lose", what, id),
			Hint:    "move the comments above the `- {` line, then run the command again"}
	}
	ls := src.lines[src.lineOf(sp.start)]
	col := utf8.RuneCount(src.data[ls.start:sp.start])
	var lines []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		kt, err := nodeText(src, k)
		if err != nil {
			return nil, err
		}
		vsp, err := src.span(v, 0)
		if err != nil {
			return nil, errLayout(err.Error())
		}
		if v.Tag == "!!null" && vsp.start == vsp.end {
			lines = append(lines, kt+":")
			continue
		}
		vt, err := nodeText(src, v)
		if err != nil {
			return nil, err
		}
		lines = append(lines, kt+": "+vt)
	}
	if len(lines) == 0 {
		return nil, errLayout("an empty mapping")
	}
	last := src.lastLine(sp)
	eol := src.breakOf(last)
	sps := []splice{{sp.start, sp.end, lines[0]}}
	if len(lines) > 1 {
		at := src.lines[last].end
		sps = append(sps, splice{at, at, eol + spaces(col) + strings.Join(lines[1:], eol+spaces(col))})
	}
	return sps, nil
}

// nodeText is a value inside a flow collection as written, when it is on one line; one spread
// over lines is written out again on one line (text double-quoted) so that moving it cannot
// break its indentation.
func nodeText(src *source, n *yaml.Node) (string, error) {
	sp, err := src.span(n, 0)
	if err != nil {
		return "", errLayout(err.Error())
	}
	if src.lineOf(sp.start) == src.lastLine(sp) {
		return string(src.data[sp.start:sp.end]), nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return quote(n.Value), nil
	case yaml.MappingNode, yaml.SequenceNode:
		var parts []string
		step := 1
		if n.Kind == yaml.MappingNode {
			step = 2
		}
		for i := 0; i+step-1 < len(n.Content); i += step {
			t, err := nodeText(src, n.Content[i])
			if err != nil {
				return "", err
			}
			if step == 2 {
				v, err := nodeText(src, n.Content[i+1])
				if err != nil {
					return "", err
				}
				t += ": " + v
			}
			parts = append(parts, t)
		}
		if n.Kind == yaml.MappingNode {
			return "{" + strings.Join(parts, ", ") + "}", nil
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", errLayout(fmt.Sprintf("line %d: a value that cannot be moved", n.Line))
}

var bom = []byte("\xef\xbb\xbf")

// splitBOM separates a byte-order mark, which the parser's positions do not count.
func splitBOM(data []byte) ([]byte, []byte) {
	if bytes.HasPrefix(data, bom) {
		return bom, data[len(bom):]
	}
	return nil, data
}
