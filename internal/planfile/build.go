package planfile

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// IDPattern is what an id may look like.
var IDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)

type builder struct {
	file *File
	conv deadline.Convention
	// deadlines caches what each deadline text means in this file: a plan writes the same few
	// deadlines ("Q3 2025", "Ongoing") over and over.
	deadlines map[string]parsedDeadline
}

type parsedDeadline struct {
	d   deadline.Deadline
	err error
}

// deadline reads a deadline in the plan's convention, once per distinct text.
func (b *builder) deadline(text string) (deadline.Deadline, error) {
	if p, ok := b.deadlines[text]; ok {
		return p.d, p.err
	}
	d, err := deadline.Parse(text, b.conv)
	if b.deadlines == nil {
		b.deadlines = map[string]parsedDeadline{}
	}
	b.deadlines[text] = parsedDeadline{d, err}
	return d, err
}

func pos(n *yaml.Node) plan.Pos { return plan.Pos{Line: n.Line, Col: n.Column} }

func (b *builder) report(n *yaml.Node, sev diag.Severity, rule, hint, format string, args ...any) {
	d := diag.Diagnostic{File: b.file.Path, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		d.Line, d.Col = n.Line, n.Column
		if n.Kind == yaml.ScalarNode && n.Style == 0 && !strings.Contains(n.Value, "\n") {
			d.Span = len([]rune(n.Value))
		}
	}
	b.file.Diags = append(b.file.Diags, d)
}

func (b *builder) errorf(n *yaml.Node, rule, hint, format string, args ...any) {
	b.report(n, diag.Error, rule, hint, format, args...)
}

// entry is one key of a mapping with its value.
type entry struct {
	key   string
	k, v  *yaml.Node
	index int
	field *Field
}

// mapping checks that n is a mapping of known, unrepeated keys and returns its entries. what
// names the thing for messages ("action camden-cp.p1.1").
func (b *builder) mapping(n *yaml.Node, what string, kind *Kind) ([]entry, bool) {
	allowed := kind.Keys()
	if !b.notAlias(n) {
		return nil, false
	}
	if n.Kind != yaml.MappingNode {
		b.errorf(n, "type", fmt.Sprintf("write %s as `key: value` lines, one per field", what), "%s must be a mapping of keys, not %s", what, describe(n))
		return nil, false
	}
	entries := make([]entry, 0, len(n.Content)/2)
	keys := suggest.NewKeys(what, allowed, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			b.errorf(k, "type", "keys are plain words such as `id` or `text`", "a key in %s must be a word, not %s", what, describe(k))
			continue
		}
		b.noAnchor(k)
		if k.Tag == "!!merge" {
			// Without this, `<<` reads as a misspelt key and is offered the nearest one.
			b.errorf(k, "alias", "write the values out in full in each place that needs them",
				"YAML merge keys (<<) are not supported in plan files")
			continue
		}
		key := k.Value
		if p := keys.Check(key); p != nil {
			b.errorf(k, p.Rule, p.Hint, "%s", p.Message)
			continue
		}
		if !b.notAlias(v) {
			continue
		}
		b.noAnchor(v)
		entries = append(entries, entry{key: key, k: k, v: v, index: i / 2, field: kind.Field(key)})
	}
	return entries, true
}

// notAlias rejects YAML aliases: they would let a small file expand without limit, and they hide
// from an officer where a value was really written.
func (b *builder) notAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		b.errorf(n, "alias", "write the value out in full", "YAML aliases (*%s) are not supported in plan files", n.Value)
		return false
	}
	return true
}

// noAnchor rejects YAML anchors, which exist only to be aliased or merged. Each node is checked
// once, where its parent reads it; the value it anchors is still read.
func (b *builder) noAnchor(n *yaml.Node) {
	if n.Anchor == "" {
		return
	}
	b.file.Diags = append(b.file.Diags, diag.Diagnostic{File: b.file.Path, Line: n.Line, Col: n.Column,
		Span: len([]rune(n.Anchor)) + 1, Severity: diag.Error, Rule: "alias",
		Message: fmt.Sprintf("YAML anchors (&%s) are not supported in plan files", n.Anchor),
		Hint:    fmt.Sprintf("delete `&%s`: plan files write each value out in full where it is needed", n.Anchor)})
}

// hasMerge reports whether a mapping has a merge key: the fields it would have brought are
// not reported missing as well.
func hasMerge(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag == "!!merge" {
			return true
		}
	}
	return false
}

// require reports each key the kind requires (its table's Required fields, as the schema says)
// that is missing or empty.
func (b *builder) require(n *yaml.Node, what string, entries []entry, k *Kind) {
	if hasMerge(n) {
		return
	}
	for _, key := range k.Required() {
		i := slices.IndexFunc(entries, func(e entry) bool { return e.key == key })
		switch {
		case i < 0:
			b.errorf(n, "required", fmt.Sprintf("add `%s:` to %s", key, what), "%s is missing `%s`", what, key)
		case isNull(entries[i].v) || blank(entries[i].v):
			// `title:`, `title: ''` and `title: "  "` are the same mistake, said the same way.
			e, is := entries[i], "empty"
			at := e.k
			if !isNull(e.v) {
				at = e.v
				if e.v.Value != "" {
					is = fmt.Sprintf("%q, only white space", e.v.Value)
				}
			}
			b.errorf(at, "required", fmt.Sprintf("give `%s` a value: %s needs one", key, what), "`%s` in %s is %s", key, what, is)
		}
	}
}

// blank reports whether n is quoted text with nothing but white space in it ("", "   "): a key that
// must be given is as empty as one with nothing written after it.
func blank(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) == ""
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
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
	if isNull(n) {
		return "empty"
	}
	return fmt.Sprintf("the value %q", n.Value)
}

// text reads a scalar as text. Numbers and dates are fine ("2025" as a deadline); lists and
// mappings are not.
func (b *builder) text(e entry, what string) (string, bool) {
	if e.v.Kind != yaml.ScalarNode {
		b.errorf(e.v, "type", fmt.Sprintf("write `%s: some text` on one line", e.key), "`%s` in %s must be text, not %s", e.key, what, describe(e.v))
		return "", false
	}
	if isNull(e.v) {
		b.empty(e, what)
		return "", false
	}
	if e.v.Tag == "!!bool" {
		b.notText(e.v, e.key, what, fmt.Sprintf("`%s` in %s", e.key, what))
		return "", false
	}
	return strings.TrimSpace(e.v.Value), true
}

// notText refuses true or false where text belongs (`tags: true`): YAML reads it as a yes or no,
// not as the word, and an editor's schema refuses it too. Quoted, it is the word.
func (b *builder) notText(v *yaml.Node, key, what, where string) {
	b.errorf(v, "type", fmt.Sprintf("write text; if you mean the word, quote it: `%s: \"%s\"`", key, v.Value),
		"%s must be text, not %s", where, v.Value)
}

// empty warns of a key written with no value (`rag:`), read as if it were not written. A key
// that must have a value is reported missing instead (require).
func (b *builder) empty(e entry, what string) {
	if e.field == nil || !e.field.MayBeEmpty() {
		return
	}
	b.report(e.k, diag.Warning, "empty-value", fmt.Sprintf("delete the line, or give `%s` a value", e.key),
		"`%s` in %s is empty; it is read as if it were not written", e.key, what)
}

// flag reads true or false.
func (b *builder) flag(e entry, what string) bool {
	if e.v.Kind == yaml.ScalarNode && e.v.Tag == "!!bool" {
		return strings.EqualFold(e.v.Value, "true")
	}
	b.errorf(e.v, "type", fmt.Sprintf("write `%s: true` or `%s: false`", e.key, e.key), "`%s` in %s must be true or false, not %s", e.key, what, describe(e.v))
	return false
}

// list reads a list of text; a single value is taken as a one-item list, as officers write it.
func (b *builder) list(e entry, what string, at *plan.Positions) []string {
	if isNull(e.v) {
		b.empty(e, what)
		return nil
	}
	if e.v.Kind == yaml.ScalarNode && e.v.Tag == "!!bool" {
		b.notText(e.v, e.key, what, fmt.Sprintf("`%s` in %s", e.key, what))
		return nil
	}
	if e.v.Kind == yaml.ScalarNode {
		*at = append(*at, plan.Field{Key: e.key + ".0", Pos: pos(e.v)})
		return []string{strings.TrimSpace(e.v.Value)}
	}
	if e.v.Kind != yaml.SequenceNode {
		b.errorf(e.v, "type", fmt.Sprintf("write `%s:` followed by lines starting with `- `", e.key), "`%s` in %s must be a list, not %s", e.key, what, describe(e.v))
		return nil
	}
	out := make([]string, 0, len(e.v.Content))
	for i, item := range e.v.Content {
		if !b.notAlias(item) {
			continue
		}
		b.noAnchor(item)
		if item.Kind != yaml.ScalarNode || isNull(item) {
			b.errorf(item, "type", "each item is one line of text after `- `", "item %d of `%s` in %s must be text, not %s", i+1, e.key, what, describe(item))
			continue
		}
		if item.Tag == "!!bool" {
			b.notText(item, e.key, what, fmt.Sprintf("item %d of `%s` in %s", i+1, e.key, what))
			continue
		}
		*at = append(*at, plan.Field{Key: e.key + "." + strconv.Itoa(len(out)), Pos: pos(item)})
		out = append(out, strings.TrimSpace(item.Value))
	}
	return out
}

func (b *builder) items(e entry, what string) []*yaml.Node {
	if isNull(e.v) {
		b.empty(e, what)
		return nil
	}
	if e.v.Kind != yaml.SequenceNode {
		b.errorf(e.v, "type", fmt.Sprintf("write `%s:` followed by items starting with `- `", e.key), "`%s` in %s must be a list, not %s", e.key, what, describe(e.v))
		return nil
	}
	for _, item := range e.v.Content {
		b.noAnchor(item)
	}
	return e.v.Content
}

var reDateLike = regexp.MustCompile(`^(\d+)-\d{1,2}-\d{1,2}$`)

func (b *builder) date(n *yaml.Node, key, what string) (time.Time, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		b.errorf(n, "type", "write dates as YYYY-MM-DD", "`%s` in %s must be a date, not %s", key, what, describe(n))
		return time.Time{}, false
	}
	s := strings.TrimSpace(n.Value)
	if m := reDateLike.FindStringSubmatch(s); m != nil {
		// A year out of range is a slip of the keyboard (0025, 20250), whether or not Go can read it.
		if y, _ := strconv.Atoi(m[1]); deadline.CheckYear(y) != nil || len(m[1]) != 4 {
			b.errorf(n, "date", deadline.YearHint, "`%s` in %s is %q: the year %s is out of range", key, what, s, m[1])
			return time.Time{}, false
		}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		if day, ok := deadline.Timestamp(s); ok {
			b.errorf(n, "date", "write the date only, as YYYY-MM-DD: "+day, "`%s` in %s is a timestamp, not a date: %q", key, what, n.Value)
			return time.Time{}, false
		}
		hint := "write dates as YYYY-MM-DD, as in 2025-09-30"
		if d, derr := deadline.Parse(n.Value, deadline.Calendar); derr == nil && d.Kind == deadline.Dated && d.Unit == deadline.Day {
			hint = fmt.Sprintf("write it as %s", d.Start.Format("2006-01-02"))
		} else if _, derr := time.Parse("2006-1-2", s); derr != nil && strings.Count(n.Value, "-") == 2 {
			hint = "that date does not exist; write dates as YYYY-MM-DD"
		}
		b.errorf(n, "date", hint, "`%s` in %s is not a date: %q", key, what, n.Value)
		return time.Time{}, false
	}
	return t, true
}

// number reads a figure as YAML 1.2 reads numbers, as an editor's schema does: 72.5, -3, 1e3, and
// 0x1A or 0o17 (with a warning to write them as decimals); 1_000, which only YAML 1.1 read as a
// number, is text to the editor and refused here too.
func (b *builder) number(n *yaml.Node, key, what string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") && !strings.Contains(n.Value, "_") {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v, true
		}
		if v, ok := prefixedInt(n.Value); ok {
			d := strconv.FormatInt(v, 10)
			b.report(n, diag.Warning, "number", fmt.Sprintf("write `%s: %s`", key, d),
				"`%s` in %s is %s: cpp reads it as %s", key, what, n.Value, d)
			return float64(v), true
		}
	}
	hint := "write a number such as 72.5, and put the unit in `unit:`"
	if d := strings.ReplaceAll(n.Value, "_", ""); n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		if _, err := strconv.ParseFloat(d, 64); err == nil && d != n.Value {
			hint = fmt.Sprintf("write %s, without the underscores", d)
		}
	}
	if n.Kind == yaml.ScalarNode {
		trimmed := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.Value), "%"))
		if _, err := strconv.ParseFloat(trimmed, 64); err == nil && trimmed != n.Value {
			hint = fmt.Sprintf("write %s and set `unit: \"%%\"` on the measure", trimmed)
		}
	}
	b.errorf(n, "type", hint, "`%s` in %s must be a number, not %s", key, what, describe(n))
	return 0, false
}

// prefixedInt reads an integer written in hexadecimal (0x1A) or octal (0o17), as YAML 1.2 does.
func prefixedInt(s string) (int64, bool) {
	sign, digits := "", s
	if digits != "" && (digits[0] == '-' || digits[0] == '+') {
		sign, digits = digits[:1], digits[1:]
	}
	if len(digits) < 3 || digits[0] != '0' || (digits[1] != 'x' && digits[1] != 'o') {
		return 0, false
	}
	v, err := strconv.ParseInt(sign+digits, 0, 64)
	return v, err == nil
}

func (b *builder) id(e entry, what string) string {
	if e.v.Kind == yaml.ScalarNode && e.v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && (e.v.Tag == "!!int" || e.v.Tag == "!!float") {
		// YAML reads it as a number, and so does an editor's schema, which wants an id's text.
		b.errorf(e.v, "id", fmt.Sprintf("quote it: `id: \"%s\"`", e.v.Value), "id %s in %s is a number to YAML, not an id", e.v.Value, what)
		return ""
	}
	s, ok := b.text(e, what)
	if !ok || s == "" { // empty: require says so
		return ""
	}
	if !IDPattern.MatchString(s) {
		b.errorf(e.v, "id", fmt.Sprintf("ids use lower-case letters, digits, '-' and '.', as in %q", slug(s)), "id %q in %s is not a valid id", s, what)
	}
	return s
}

var reNonID = regexp.MustCompile(`[^a-z0-9.]+`)

func slug(s string) string {
	s = strings.Trim(reNonID.ReplaceAllString(strings.ToLower(s), "-"), "-.")
	if s == "" {
		return "my-plan"
	}
	return s
}

// enum reads one of a field's fixed words in any spelling the readers of forms and returns
// accept (plan.ParseStatus, plan.ParseRAG, plan.Spelling): "In progress", "on track", "Amber",
// "A", "Financial". A spelling other than the file's own word is read, with a warning naming
// that word, so that an editor (whose schema accepts the same spellings) and cpp validate agree.
func (b *builder) enum(e entry, what string) (string, bool) {
	s, ok := b.text(e, what)
	if !ok || (s == "" && e.field.Required) { // a required key left empty: require says so
		return "", false
	}
	valid := e.field.Words
	var word string
	switch e.key {
	case "status":
		st, _ := plan.ParseStatus(s)
		word = string(st)
	case "rag":
		r, _ := plan.ParseRAG(s)
		word = string(r)
	default:
		if k := plan.Spelling(s); slices.Contains(valid, k) {
			word = k
		}
	}
	if word == "" {
		norm := plan.Spelling(s)
		hint := "use one of: " + strings.Join(valid, ", ")
		if near := suggest.Closest(norm, valid, 1); len(near) > 0 {
			hint = fmt.Sprintf("did you mean `%s`? (one of: %s)", near[0], strings.Join(valid, ", "))
		}
		b.errorf(e.v, e.key, hint, "`%s` in %s is %q, which is not a %s", e.key, what, e.v.Value, enumNouns[e.key])
		return "", false
	}
	// What was written, spaces and tabs and all, is what the messages quote and compare.
	if e.v.Value != word {
		b.report(e.v, diag.Warning, e.key, fmt.Sprintf("write `%s: %s`", e.key, word),
			"`%s` in %s is %q: cpp reads it as `%s`, the plan file's word for it", e.key, what, e.v.Value, word)
	}
	return word, true
}

// enumNouns names what each enumerated key holds, for messages.
var enumNouns = map[string]string{"quarters": "quarter convention", "kind": "section kind", "status": "status",
	"rag": "RAG rating", "direction": "direction", "share": "way of sharing an update"}

func (b *builder) document(root *yaml.Node) {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		b.errorf(nil, "empty", "a plan file needs at least id, title, council, period and sections", "file has only comments, no content")
		return
	}
	top := root.Content[0]
	b.noAnchor(top)
	if isNull(top) {
		b.errorf(top, "empty", "a plan file needs at least id, title, council, period and sections", "file has no content, only comments")
		return
	}
	entries, ok := b.mapping(top, "the file", kind("plan"))
	if !ok {
		return
	}
	isPlan := false
	for _, e := range entries {
		if e.key != "leads" && e.key != "practice" {
			isPlan = true
		}
		if e.key == "quarters" {
			if s, ok := b.enum(e, "the plan"); ok {
				b.conv, _ = deadline.ParseConvention(s)
			}
		}
	}
	if isPlan {
		b.file.Plan = b.plan(top, entries)
	}
	for _, e := range entries {
		switch e.key {
		case "leads":
			for _, n := range b.items(e, "the file") {
				if l := b.lead(n); l != nil {
					b.file.Leads = append(b.file.Leads, l)
				}
			}
		case "practice":
			for _, n := range b.items(e, "the file") {
				if p := b.practice(n); p != nil {
					b.file.Practice = append(b.file.Practice, p)
				}
			}
		}
	}
	if len(top.Content) == 0 {
		b.errorf(top, "empty", "a plan file needs at least id, title, council, period and sections", "file has no fields")
	}
}

func (b *builder) plan(n *yaml.Node, entries []entry) *plan.Plan {
	p := &plan.Plan{File: b.file.Path, Pos: pos(n), Quarters: b.conv}
	b.require(n, "the plan", entries, kind("plan"))
	for _, e := range entries {
		p.At = append(p.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "id":
			p.ID = b.id(e, "the plan")
		case "title":
			p.Title, _ = b.text(e, "the plan")
		case "council":
			p.Council, _ = b.text(e, "the plan")
		case "owner":
			p.Owner, _ = b.text(e, "the plan")
		case "source":
			p.Source, _ = b.text(e, "the plan")
		case "links":
			p.Links = b.list(e, "the plan", &p.At)
		case "period":
			p.Period = b.period(e)
		}
	}
	what := "plan " + p.ID
	for _, e := range entries {
		switch e.key {
		case "measures":
			for _, m := range b.items(e, what) {
				if ms := b.measure(m, what); ms != nil {
					p.Measures = append(p.Measures, ms)
				}
			}
		case "sections":
			for _, s := range b.items(e, what) {
				if sec := b.section(s, p); sec != nil {
					p.Sections = append(p.Sections, sec)
				}
			}
		}
	}
	return p
}

func (b *builder) period(e entry) plan.Period {
	var per plan.Period
	entries, ok := b.mapping(e.v, "`period`", kind("period"))
	if !ok {
		return per
	}
	b.require(e.v, "`period`", entries, kind("period"))
	for _, pe := range entries {
		t, ok := b.date(pe.v, pe.key, "`period`")
		if !ok {
			continue
		}
		if pe.key == "start" {
			per.Start = t
		} else {
			per.End = t
		}
	}
	if !per.Start.IsZero() && !per.End.IsZero() && per.End.Before(per.Start) {
		b.errorf(e.v, "period", "check the two dates: the end comes before the start", "the plan's period ends (%s) before it starts (%s)",
			per.End.Format("2006-01-02"), per.Start.Format("2006-01-02"))
	}
	return per
}

func (b *builder) section(n *yaml.Node, p *plan.Plan) *plan.Section {
	s := &plan.Section{Plan: p, Pos: pos(n)}
	entries, ok := b.mapping(n, "a section", kind("section"))
	if !ok {
		return nil
	}
	for _, e := range entries {
		if e.key == "id" {
			s.ID = b.id(e, "a section")
		}
	}
	what := "the section"
	if s.ID != "" {
		what = "section " + s.ID
	}
	b.require(n, what, entries, kind("section"))
	for _, e := range entries {
		s.At = append(s.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "kind":
			s.Kind, _ = b.enum(e, what)
		case "title":
			s.Title, _ = b.text(e, what)
		case "promise":
			s.Promise, _ = b.text(e, what)
		case "plain":
			s.Plain, _ = b.text(e, what)
		case "you_said":
			s.YouSaid = b.list(e, what, &s.At)
		case "delivered_by":
			s.DeliveredBy = b.list(e, what, &s.At)
		case "measures":
			for _, m := range b.items(e, what) {
				if ms := b.measure(m, what); ms != nil {
					s.Measures = append(s.Measures, ms)
				}
			}
		case "actions":
			for _, a := range b.items(e, what) {
				if act := b.action(a, s); act != nil {
					s.Actions = append(s.Actions, act)
				}
			}
		}
	}
	return s
}

func (b *builder) action(n *yaml.Node, s *plan.Section) *plan.Action {
	a := &plan.Action{Section: s, Pos: pos(n), Status: plan.NotStarted}
	entries, ok := b.mapping(n, "an action", kind("action"))
	if !ok {
		return nil
	}
	for _, e := range entries {
		if e.key == "id" {
			a.ID = b.id(e, "an action")
		}
	}
	what := "the action"
	if a.ID != "" {
		what = "action " + a.ID
	}
	b.require(n, what, entries, kind("action"))
	hasText := false
	a.At = make(plan.Positions, 0, len(entries)+2)
	for _, e := range entries {
		a.At = append(a.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "text":
			a.Text, hasText = b.text(e, what)
			hasText = hasText && a.Text != ""
		case "plain":
			a.Plain, _ = b.text(e, what)
		case "deadline":
			text, ok := b.text(e, what)
			if !ok {
				continue
			}
			a.HasDeadline = true
			a.Deadline, a.DeadlineErr = b.deadline(text)
			a.Deadline.Text = text
			if de, isDE := a.DeadlineErr.(*deadline.Error); isDE && de.NotUnderstood {
				// Words cpp does not place in time are kept as written, not refused: every
				// answer that depends on the deadline lists the action as not understood.
				b.report(e.v, diag.Warning, "deadline", de.Hint, "deadline %q is not understood: %s; cpp cannot place the action in time", text, de.Problem)
			} else if isDE {
				b.errorf(e.v, "deadline", de.Hint, "%s", de.Error())
			}
		case "from":
			a.From, _ = b.date(e.v, "from", what)
		case "leads":
			a.Leads = b.list(e, what, &a.At)
		case "status":
			if st, ok := b.enum(e, what); ok {
				a.Status = plan.Status(st)
			}
		case "rag":
			if r, ok := b.enum(e, what); ok {
				a.RAG = plan.RAG(r)
			}
		case "outcomes":
			if !blank(e.v) { // `outcomes: ''` is no outcomes, as `text: ''` is no text
				a.Outcomes = b.list(e, what, &a.At)
			}
		case "links":
			a.Links = b.list(e, what, &a.At)
		case "tags":
			a.Tags = b.list(e, what, &a.At)
		case "parent":
			a.Parent, _ = b.text(e, what)
		case "updates":
			for _, u := range b.items(e, what) {
				if up, ok := b.update(u, what); ok {
					a.Updates = append(a.Updates, up)
				}
			}
		}
	}
	if !hasText && len(a.Outcomes) == 0 && !hasMerge(n) {
		b.errorf(n, "required", "add `text:` (what will be done) or `outcomes:` (what it will achieve)", "%s has neither `text` nor `outcomes`", what)
	}
	return a
}

func (b *builder) update(n *yaml.Node, what string) (plan.Update, bool) {
	u := plan.Update{Pos: pos(n)}
	what = "an update of " + what
	entries, ok := b.mapping(n, what, kind("update"))
	if !ok {
		return u, false
	}
	b.require(n, what, entries, kind("update"))
	for _, e := range entries {
		u.At = append(u.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "date":
			u.Date, _ = b.date(e.v, "date", what)
		case "status":
			if st, ok := b.enum(e, what); ok {
				u.Status = plan.Status(st)
			}
		case "rag":
			if r, ok := b.enum(e, what); ok {
				u.RAG = plan.RAG(r)
			}
		case "note":
			u.Note, _ = b.text(e, what)
		case "evidence":
			u.Evidence, _ = b.text(e, what)
		case "share":
			u.Share, _ = b.enum(e, what)
		case "for_young_people":
			u.ForYoungPeople, _ = b.text(e, what)
		}
	}
	return u, !u.Date.IsZero()
}

func (b *builder) measure(n *yaml.Node, owner string) *plan.Measure {
	m := &plan.Measure{Pos: pos(n)}
	entries, ok := b.mapping(n, "a measure of "+owner, kind("measure"))
	if !ok {
		return nil
	}
	for _, e := range entries {
		if e.key == "id" {
			m.ID = b.id(e, "a measure")
		}
	}
	what := "the measure"
	if m.ID != "" {
		what = "measure " + m.ID
	}
	b.require(n, what, entries, kind("measure"))
	for _, e := range entries {
		m.At = append(m.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "text":
			m.Text, _ = b.text(e, what)
		case "unit":
			m.Unit, _ = b.text(e, what)
		case "direction":
			m.Direction, _ = b.enum(e, what)
		case "baseline", "target":
			o, ok := b.observation(e.v, "the "+e.key+" of "+what, false)
			if ok && e.key == "baseline" {
				m.Baseline = &o
			} else if ok {
				m.Target = &o
			}
		case "observations":
			for _, on := range b.items(e, what) {
				if o, ok := b.observation(on, "an observation of "+what, true); ok {
					m.Observations = append(m.Observations, o)
				}
			}
		case "benchmarks":
			for _, bn := range b.items(e, what) {
				if bm, ok := b.benchmark(bn, what); ok {
					m.Benchmarks = append(m.Benchmarks, bm)
				}
			}
		}
	}
	return m
}

func (b *builder) observation(n *yaml.Node, what string, needDate bool) (plan.Observation, bool) {
	o := plan.Observation{Pos: pos(n)}
	k := kind("observation")
	if !needDate {
		k = kind("figure") // a baseline or target: the same keys, its date not required
	}
	entries, ok := b.mapping(n, what, k)
	if !ok {
		return o, false
	}
	b.require(n, what, entries, k)
	hasValue := false
	for _, e := range entries {
		switch e.key {
		case "date":
			o.Date, o.HasDate = b.date(e.v, "date", what)
		case "value":
			o.Value, hasValue = b.number(e.v, "value", what)
		case "source":
			o.Source, _ = b.text(e, what)
		case "note":
			o.Note, _ = b.text(e, what)
		}
	}
	return o, hasValue && (o.HasDate || !needDate)
}

func (b *builder) benchmark(n *yaml.Node, owner string) (plan.Benchmark, bool) {
	bm := plan.Benchmark{Pos: pos(n)}
	what := "a benchmark of " + owner
	entries, ok := b.mapping(n, what, kind("benchmark"))
	if !ok {
		return bm, false
	}
	b.require(n, what, entries, kind("benchmark"))
	hasValue := false
	for _, e := range entries {
		switch e.key {
		case "name":
			bm.Name, _ = b.text(e, what)
		case "value":
			bm.Value, hasValue = b.number(e.v, "value", what)
		case "period":
			bm.Period, _ = b.text(e, what)
		case "source":
			bm.Source, _ = b.text(e, what)
		}
	}
	return bm, hasValue && bm.Name != ""
}

func (b *builder) lead(n *yaml.Node) *plan.Lead {
	l := &plan.Lead{File: b.file.Path, Pos: pos(n)}
	entries, ok := b.mapping(n, "a lead", kind("lead"))
	if !ok {
		return nil
	}
	b.require(n, "a lead", entries, kind("lead"))
	for _, e := range entries {
		l.At = append(l.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "name":
			l.Name, _ = b.text(e, "a lead")
		case "aliases":
			l.Aliases = b.list(e, "lead "+l.Name, &l.At)
		case "shared":
			l.Shared = b.flag(e, "lead "+l.Name)
		}
	}
	if l.Name == "" {
		return nil
	}
	return l
}

func (b *builder) practice(n *yaml.Node) *plan.Practice {
	p := &plan.Practice{File: b.file.Path, Pos: pos(n)}
	entries, ok := b.mapping(n, "a practice example", kind("practice"))
	if !ok {
		return nil
	}
	for _, e := range entries {
		if e.key == "id" {
			p.ID = b.id(e, "a practice example")
		}
	}
	what := "practice example " + p.ID
	b.require(n, what, entries, kind("practice"))
	for _, e := range entries {
		p.At = append(p.At, plan.Field{Key: e.key, Pos: pos(e.v)})
		switch e.key {
		case "council":
			p.Council, _ = b.text(e, what)
		case "title":
			p.Title, _ = b.text(e, what)
		case "summary":
			p.Summary, _ = b.text(e, what)
		case "team":
			p.Team, _ = b.text(e, what)
		case "source":
			p.Source, _ = b.text(e, what)
		case "partners":
			p.Partners = b.list(e, what, &p.At)
		case "themes":
			p.Themes = b.list(e, what, &p.At)
		case "outcomes":
			p.Outcomes = b.list(e, what, &p.At)
		}
	}
	return p
}
