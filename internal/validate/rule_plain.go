package validate

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/readability"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// Options turn on checks that are off by default, so that existing plans do not start failing.
// The repo config (cpp.yaml) and validate's flags set them.
type Options struct {
	// PlainEnglish runs the plain-English checks on the text shown to young people.
	PlainEnglish bool
	// Glossary is the acronyms readers are given, by acronym; the check does not report them.
	Glossary map[string]string
}

// RunWith is Run with the checks opts turn on.
func RunWith(r *Repo, opts Options) []diag.Diagnostic {
	ds := Run(r)
	if opts.PlainEnglish {
		pe, _ := PlainEnglish(r, opts)
		ds = append(ds, pe...)
		diag.Sort(ds)
	}
	return ds
}

// Passage is one piece of text a plan shows to young people, with where it was written.
type Passage struct {
	Text string
	// Key is the field it came from: "promise", "plain", "you_said.0", "text", "for_young_people".
	Key string
	Pos plan.Pos
}

// YoungPeoplesText is what the young people's report can show of a section, field by field:
// its promise (or its `plain:`), what young people said, each action's `plain:` (or its text,
// or its outcomes where it has no text), and the updates shared with young people.
func YoungPeoplesText(s *plan.Section) []Passage {
	var out []Passage
	add := func(text, key string, at plan.Positions, whole plan.Pos) {
		if strings.TrimSpace(text) != "" {
			out = append(out, Passage{Text: text, Key: key, Pos: fieldPos(at, key, whole)})
		}
	}
	if s.Plain != "" {
		add(s.Plain, "plain", s.At, s.Pos)
	} else {
		add(s.Promise, "promise", s.At, s.Pos)
	}
	for i, y := range s.YouSaid {
		add(y, fmt.Sprintf("you_said.%d", i), s.At, s.Pos)
	}
	for _, a := range s.Actions {
		switch {
		case a.Plain != "":
			add(a.Plain, "plain", a.At, a.Pos)
		case a.Text != "":
			add(a.Text, "text", a.At, a.Pos)
		default:
			for i, o := range a.Outcomes {
				add(o, fmt.Sprintf("outcomes.%d", i), a.At, a.Pos)
			}
		}
		for _, u := range a.Updates {
			if u.ForYoungPeople != "" {
				add(u.ForYoungPeople, "for_young_people", u.At, u.Pos)
			} else if u.Share == plan.ShareYoungPeople {
				add(u.Note, "note", u.At, u.Pos)
			}
		}
	}
	return out
}

// SectionReading is a section's estimated reading age, from the text it shows young people.
type SectionReading struct {
	File       string  `json:"file"`
	Line       int     `json:"line"`
	Col        int     `json:"column"`
	Section    string  `json:"section"`
	Title      string  `json:"title"`
	Words      int     `json:"words"`
	Sentences  int     `json:"sentences"`
	Syllables  int     `json:"syllables"`
	Grade      float64 `json:"flesch_kincaid_grade"`
	ReadingAge int     `json:"reading_age"`
}

// PlainEnglish checks the text each section shows young people against plain-English guidance
// (see readability.Check), each finding at its file, line and column, and estimates each
// section's reading age, warning where it is above readability.MaxReadingAge.
func PlainEnglish(r *Repo, opts Options) ([]diag.Diagnostic, []SectionReading) {
	data := map[string][]byte{}
	for _, f := range r.Files {
		data[f.Path] = f.Data
	}
	var ds []diag.Diagnostic
	var ages []SectionReading
	ropts := readability.Options{Glossary: opts.Glossary}
	for _, p := range r.Plans {
		src := newSource(data[p.File])
		for _, s := range p.Sections {
			var st readability.Stats
			for _, pa := range YoungPeoplesText(s) {
				st = st.Add(readability.Measure(pa.Text))
				for _, f := range readability.Check(pa.Text, ropts) {
					at := src.locate(pa.Pos, f.Text)
					ds = append(ds, diag.Diagnostic{File: p.File, Line: at.Line, Col: at.Col, Severity: diag.Warning,
						Rule: readability.RuleLongSentence, Message: f.Message, Hint: f.Hint, Span: utf8.RuneCountInString(f.Text)})
				}
			}
			if st.Words == 0 {
				continue
			}
			sr := SectionReading{File: p.File, Line: s.Pos.Line, Col: s.Pos.Col, Section: s.ID, Title: s.Title,
				Words: st.Words, Sentences: st.Sentences, Syllables: st.Syllables, Grade: round1(st.Grade()), ReadingAge: st.ReadingAge()}
			ages = append(ages, sr)
			if sr.ReadingAge > readability.MaxReadingAge {
				ds = append(ds, diagAt(p.File, s.Pos, diag.Warning, readability.RuleReadingAge,
					"use shorter sentences and everyday words; the young people's text aims at a reading age of 9 to 11",
					fmt.Sprintf("section %s reads at an estimated age of %d (Flesch-Kincaid grade %.1f; %d words in %s)",
						s.ID, sr.ReadingAge, sr.Grade, sr.Words, words.Count(sr.Sentences, "sentence", "sentences"))))
			}
		}
	}
	return ds, ages
}

// WriteReadingAges prints each section's reading age, one line each, for people.
func WriteReadingAges(w io.Writer, ages []SectionReading) error {
	var b strings.Builder
	for _, a := range ages {
		flag := ""
		if a.ReadingAge > readability.MaxReadingAge {
			flag = fmt.Sprintf(" (above %d)", readability.MaxReadingAge)
		}
		fmt.Fprintf(&b, "%s:%d:%d: section %s reads at age %d%s: Flesch-Kincaid grade %.1f, %d words in %s\n",
			a.File, a.Line, a.Col, termsafe.Line(a.Section), a.ReadingAge, flag, a.Grade, a.Words, words.Count(a.Sentences, "sentence", "sentences"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func round1(f float64) float64 { return float64(int(f*10+sign(f)*0.5)) / 10 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// source finds where text a finding quotes was written, from the position of its value: the
// value may be quoted, folded or a block, so the quoted text is searched for from there.
type source struct {
	data  []byte
	lines []int // byte offset of each line's start
}

func newSource(data []byte) source {
	s := source{data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// locate is the position of the first occurrence of text at or after from; from itself when the
// text cannot be found (a folded line break inside it).
func (s source) locate(from plan.Pos, text string) plan.Pos {
	if from.Line < 1 || from.Line > len(s.lines) {
		return from
	}
	lineStart := s.lines[from.Line-1]
	start := lineStart
	// Columns count runes: walk to the column.
	for col := 1; col < from.Col && start < len(s.data) && s.data[start] != '\n'; col++ {
		_, n := utf8.DecodeRune(s.data[start:])
		start += n
	}
	// A value is never far from where it starts; past that, a match would be another value's.
	window := s.data[start:min(len(s.data), start+4000)]
	i := bytes.Index(window, []byte(text))
	if i < 0 {
		// Try the first word alone.
		first := text
		if j := strings.IndexAny(text, " \n"); j > 0 {
			first = text[:j]
		}
		if i = bytes.Index(window, []byte(first)); i < 0 {
			return from
		}
	}
	off := start + i
	line := from.Line
	for line < len(s.lines) && s.lines[line] <= off {
		line++
	}
	return plan.Pos{Line: line, Col: utf8.RuneCount(s.data[s.lines[line-1]:off]) + 1}
}
