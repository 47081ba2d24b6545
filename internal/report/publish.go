package report

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"

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
	shown := shownText(doc, po.Format)
	var found []PersonalText
	for _, pt := range personalTexts(plans) {
		if bytes.Contains(shown, []byte(pt.Text)) {
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

// shownText is the document's text as a reader sees it: tags and entities gone from HTML,
// Markdown's backslash escapes gone.
func shownText(doc []byte, format string) []byte {
	if format == "html" {
		return []byte(html.UnescapeString(string(reTags.ReplaceAll(doc, []byte(" ")))))
	}
	return reEscape.ReplaceAll(doc, []byte("$1"))
}

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
