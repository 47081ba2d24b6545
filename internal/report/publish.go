package report

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/personal"
	"github.com/cpp-plans/cpp/internal/plan"
)

// Audiences are who a report is for: the board (the default), or the children and young people
// the plan is for.
const (
	ForBoard       = "board"
	ForYoungPeople = "young-people"
)

// Audiences lists them, for the flag's help and its check.
var Audiences = []string{ForBoard, ForYoungPeople}

// PublishOptions say which report to make, in which format, and whether to take personal text
// out of it.
type PublishOptions struct {
	For    string // ForBoard or ForYoungPeople
	Format string // "markdown" or "html"
	Redact bool
	// Source, if set, gives a plan file's text, so that personal text is named where it starts
	// (as validate names it) rather than where its field starts.
	Source func(file string) []byte
}

// PersonalText is text a report would publish that looks like personal data (see package
// personal), with where the plan wrote it.
type PersonalText struct {
	File  string
	Pos   plan.Pos
	Field string
	Kind  personal.Kind
	Text  string
}

func (p PersonalText) String() string {
	return fmt.Sprintf("%s:%d:%d: %s looks like %s: %q", p.File, p.Pos.Line, p.Pos.Col, p.Field, p.Kind, p.Text)
}

// PersonalNotice is what a report says at its top about personal-looking text: what it found
// (to be taken out before it is published), or that it took it out.
type PersonalNotice struct {
	Found    []PersonalText
	Redacted bool
}

// Publish makes the report for an audience and checks what it is about to publish for text that
// could identify a child or a member of staff. Found text is named at the top of the document
// and returned for the command to name on stderr; with Redact it is replaced by "[removed]"
// (in a copy: plans are not changed) and the document says so. Only text the document shows is
// named: a note the young people's report does not show is not reported from it.
func Publish(plans []*plan.Plan, reg *plan.Registry, opts Options, po PublishOptions) ([]byte, []PersonalText, error) {
	render := func(ps []*plan.Plan, notice *PersonalNotice) ([]byte, error) {
		var b bytes.Buffer
		var err error
		switch po.For {
		case ForYoungPeople:
			y := BuildYoungPeople(ps, opts.AsOf)
			y.Personal = notice
			if po.Format == "html" {
				err = WriteYoungPeopleHTML(&b, y)
			} else {
				err = WriteYoungPeopleMarkdown(&b, y)
			}
		default:
			o := opts
			o.Personal = notice
			r := Build(ps, reg, o)
			if po.Format == "html" {
				err = WriteHTML(&b, r)
			} else {
				err = WriteMarkdown(&b, r)
			}
		}
		return b.Bytes(), err
	}
	doc, err := render(plans, nil)
	if err != nil {
		return nil, nil, err
	}
	// Reports print text on one line with its spaces collapsed ("Mrs  Patel", or "NW1" and "2AB"
	// on two lines of a note, are printed "Mrs Patel", "NW1 2AB"), so both sides are compared
	// that way.
	shown := oneSpace(string(shownText(doc, po.Format)))
	var found []PersonalText
	for _, pt := range personalTexts(plans) {
		if strings.Contains(shown, oneSpace(pt.Text)) {
			if po.Source != nil {
				pt.Pos = locate(po.Source(pt.File), pt.Pos, pt.Text)
			}
			found = append(found, pt)
		}
	}
	if len(found) == 0 {
		return doc, nil, nil
	}
	if po.Redact {
		clean := clonePlans(plans)
		walkText(clean, func(s *string, _ string, _ plan.Pos, _ string) { *s = personal.Redact(*s) })
		doc, err = render(clean, &PersonalNotice{Found: found, Redacted: true})
	} else {
		doc, err = render(plans, &PersonalNotice{Found: found})
	}
	return doc, found, err
}

var (
	reTags   = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)
	reEscape = regexp.MustCompile(`\\([\\\x60*_{}\[\]()#+\-.!|<>~])`)
)

// shownText is the document's text as a reader sees it: tags and entities gone (Markdown has
// them too: a line break in a table cell is <br>, and "<" in plan text is &lt;), and Markdown's
// backslash escapes gone.
func shownText(doc []byte, format string) []byte {
	if format != "html" {
		doc = reEscape.ReplaceAll(doc, []byte("$1"))
	}
	return []byte(html.UnescapeString(string(reTags.ReplaceAll(doc, []byte(" ")))))
}

// locateLines is how many lines from where a field starts locate looks for its text.
const locateLines = 40

// locate is where text starts in a plan file's data, looking from pos (where its field starts)
// on: on one line, or wrapped onto the next as a folded note wraps it. Text the file writes
// otherwise (with escapes, in a quoted string) is not found, and pos is returned.
func locate(data []byte, pos plan.Pos, text string) plan.Pos {
	if pos.Line < 1 {
		return pos
	}
	lines := strings.Split(string(data), "\n")
	want := oneSpace(text)
	for i := pos.Line - 1; i < len(lines) && i < pos.Line-1+locateLines; i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		from := 0
		if i == pos.Line-1 {
			from = runeOffset(line, pos.Col-1)
		}
		joined := line
		if i+1 < len(lines) {
			joined += " " + strings.TrimSpace(lines[i+1])
		}
		if k := strings.Index(oneSpaceKeep(joined[from:]), want); k >= 0 {
			if at := from + spacedOffset(joined[from:], k); at < len(line) {
				return plan.Pos{Line: i + 1, Col: utf8.RuneCountInString(line[:at]) + 1}
			}
		}
	}
	return pos
}

// runeOffset is the byte offset of the n-th rune of s (len(s) past its end).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// oneSpaceKeep is s with each run of white space one space, keeping leading space, so that
// spacedOffset can map an offset in it back to s.
func oneSpaceKeep(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// spacedOffset maps byte offset k of oneSpaceKeep(s) to the offset in s.
func spacedOffset(s string, k int) int {
	j := 0 // offset in the collapsed text
	space := false
	for i, r := range s {
		isSpace := r == ' ' || r == '\t' || r == '\r'
		if isSpace && space {
			continue // the rest of a run of spaces, which is one space in the collapsed text
		}
		if j >= k {
			return i
		}
		space = isSpace
		j += utf8.RuneLen(r)
	}
	return len(s)
}

// oneSpace is s with each run of white space one space.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// personalTexts lists the personal-looking text in every text field of the plans.
func personalTexts(plans []*plan.Plan) []PersonalText {
	var out []PersonalText
	walkText(plans, func(s *string, file string, pos plan.Pos, field string) {
		for _, m := range personal.Find(*s) {
			out = append(out, PersonalText{File: file, Pos: pos, Field: field, Kind: m.Kind, Text: m.Text})
		}
	})
	return out
}

// walkText calls fn on every text field a report can show, with where it was written.
func walkText(plans []*plan.Plan, fn func(s *string, file string, pos plan.Pos, field string)) {
	at := func(ps plan.Positions, key string, whole plan.Pos) plan.Pos {
		if p, ok := ps.Of(key); ok {
			return p
		}
		return whole
	}
	list := func(xs []string, file string, ps plan.Positions, key string, whole plan.Pos) {
		for i := range xs {
			k := fmt.Sprintf("%s.%d", key, i)
			fn(&xs[i], file, at(ps, k, whole), key)
		}
	}
	measures := func(ms []*plan.Measure, file string) {
		for _, m := range ms {
			fn(&m.Text, file, at(m.At, "text", m.Pos), "text")
			for i := range m.Observations {
				o := &m.Observations[i]
				fn(&o.Note, file, o.Pos, "note")
				fn(&o.Source, file, o.Pos, "source")
			}
		}
	}
	for _, p := range plans {
		f := p.File
		for _, k := range []struct {
			s   *string
			key string
		}{{&p.Title, "title"}, {&p.Council, "council"}, {&p.Owner, "owner"}} {
			fn(k.s, f, at(p.At, k.key, p.Pos), k.key)
		}
		measures(p.Measures, f)
		for _, s := range p.Sections {
			fn(&s.Title, f, at(s.At, "title", s.Pos), "title")
			fn(&s.Promise, f, at(s.At, "promise", s.Pos), "promise")
			fn(&s.Plain, f, at(s.At, "plain", s.Pos), "plain")
			list(s.YouSaid, f, s.At, "you_said", s.Pos)
			list(s.DeliveredBy, f, s.At, "delivered_by", s.Pos)
			measures(s.Measures, f)
			for _, a := range s.Actions {
				fn(&a.Text, f, at(a.At, "text", a.Pos), "text")
				fn(&a.Plain, f, at(a.At, "plain", a.Pos), "plain")
				list(a.Leads, f, a.At, "leads", a.Pos)
				list(a.Outcomes, f, a.At, "outcomes", a.Pos)
				for i := range a.Updates {
					u := &a.Updates[i]
					fn(&u.Note, f, at(u.At, "note", u.Pos), "note")
					fn(&u.Evidence, f, at(u.At, "evidence", u.Pos), "evidence")
					fn(&u.ForYoungPeople, f, at(u.At, "for_young_people", u.Pos), "for_young_people")
				}
			}
		}
	}
}

// clonePlans copies plans deeply enough that walkText can change every text field of the copy
// without touching the originals; the copies point at each other as the originals do.
func clonePlans(plans []*plan.Plan) []*plan.Plan {
	cloneMeasures := func(ms []*plan.Measure) []*plan.Measure {
		out := make([]*plan.Measure, len(ms))
		for i, m := range ms {
			c := *m
			c.Observations = slices.Clone(m.Observations)
			c.Benchmarks = slices.Clone(m.Benchmarks)
			out[i] = &c
		}
		return out
	}
	out := make([]*plan.Plan, len(plans))
	for i, p := range plans {
		cp := *p
		cp.Measures = cloneMeasures(p.Measures)
		cp.Sections = make([]*plan.Section, len(p.Sections))
		for j, s := range p.Sections {
			cs := *s
			cs.Plan = &cp
			cs.YouSaid, cs.DeliveredBy = slices.Clone(s.YouSaid), slices.Clone(s.DeliveredBy)
			cs.Measures = cloneMeasures(s.Measures)
			cs.Actions = make([]*plan.Action, len(s.Actions))
			for k, a := range s.Actions {
				ca := *a
				ca.Section = &cs
				ca.Leads, ca.Outcomes = slices.Clone(a.Leads), slices.Clone(a.Outcomes)
				ca.Updates = slices.Clone(a.Updates)
				cs.Actions[k] = &ca
			}
			cp.Sections[j] = &cs
		}
		out[i] = &cp
	}
	return out
}
