package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// hostile is what an attacker would put in every text field: an ESC sequence that erases the line
// above, a carriage return, a C1 CSI, a bell and a right-to-left override.
const hostile = `\e[2K\e[1A\r\u009B2K\a\u202E`

const hostileBefore = `id: evil
title: "Plan` + hostile + `"
council: Council
period: {start: 2025-01-01, end: 2026-12-31}
leads:
  - name: "Team` + hostile + `"
  - name: Other team
sections:
  - id: evil.p1
    kind: priority
    title: "Homes` + hostile + `"
    measures:
      - id: evil.p1.m1
        text: "Moves` + hostile + `"
        unit: "%` + hostile + `"
        target: {value: 10}
    actions:
      - id: evil.p1.1
        text: "Create` + hostile + ` a programme."
        deadline: Q3 2025
        leads: ["Team` + hostile + `"]
      - id: evil.p1.2
        text: "Gone` + hostile + `"
        deadline: Q3 2025
      - id: evil.p1.3
        text: "Renamed` + hostile + `"
        deadline: Q3 2025
  - id: evil.p2
    kind: priority
    title: "Old` + hostile + `"
`

const hostileAfter = `id: evil
title: "Plan` + hostile + ` retitled` + hostile + `"
council: Council
period: {start: 2025-01-01, end: 2026-12-31}
leads:
  - name: "Team` + hostile + `"
  - name: Other team
sections:
  - id: evil.p1
    kind: priority
    title: "Homes` + hostile + ` now` + hostile + `"
    measures:
      - id: evil.p1.m1
        text: "Moves now` + hostile + `"
        unit: "%` + hostile + `"
        target: {value: 8}
        observations:
          - {date: 2025-06-30, value: 9, source: "Survey` + hostile + `"}
    actions:
      - id: evil.p1.1
        text: "Create` + hostile + ` a new programme` + hostile + `."
        deadline: "Q1 2026"
        leads: [Other team]
        status: in-progress
        rag: red
        updates:
          - {date: 2025-07-01, note: "Delayed` + hostile + `"}
      - id: evil.p1.renamed
        text: "Renamed` + hostile + `"
        deadline: Q3 2025
      - id: evil.p1.4
        text: "New` + hostile + `"
        deadline: Q3 2025
        leads: ["Team` + hostile + `"]
  - id: evil.p3
    kind: priority
    title: "New section` + hostile + `"
`

// sgr is the colour and bold sequences cpp writes itself; anything else is the data's.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func hostileDiff(t *testing.T) (*plandiff.Diff, *plan.Plan) {
	t.Helper()
	load := func(name, src string) (*plan.Plan, *plan.Registry) {
		f := planfile.Parse(name, []byte(src), planfile.Options{})
		if f.HasErrors() {
			d, _ := f.FirstError()
			t.Fatalf("%s: %s", name, d.OneLine())
		}
		return f.Plan, plan.NewRegistry(f.Leads)
	}
	a, ra := load("before.yaml", hostileBefore)
	b, rb := load("after.yaml", hostileAfter)
	return plandiff.Compare([]*plan.Plan{a}, []*plan.Plan{b}, plandiff.Options{OldLeads: ra, NewLeads: rb}), b
}

// Every terminal printer shows the data's control characters as escapes, colour on or off: only
// cpp's own colour sequences reach the terminal.
func TestPrintersShowControlsAsEscapes(t *testing.T) {
	d, p := hostileDiff(t)
	if len(d.Actions) < 4 || len(d.Sections) < 2 || len(d.Measures) == 0 || len(d.Plans) == 0 {
		t.Fatalf("the hostile plans should change every kind of item: %+v", d)
	}
	commit := gitrev.Commit{Hash: "0123456789abcdef", Author: "Eve" + "\x1b[2K\x1b[1A\r\u202e", Subject: "Subject\x1b]0;title\a\u009b2K",
		Date: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	var events []history.Event
	for _, c := range d.Actions {
		events = append(events, history.Event{Commit: commit, Change: c})
	}
	log := ActionLog{ID: "evil.p1.1\x1b[2K", Text: p.Sections[0].Actions[0].Text, Events: events}
	from, to := Side{Rev: "main\u202e", Commit: "0123456789"}, Side{Rev: "HEAD\x1b[2K"}
	doc := Doc{Title: "Title\x1b[2K\n", Blocks: []Block{
		{Heading: "Heading\x1b[2K", Header: []string{"ID\x1b[2K", "Text", "RAG"}, Wide: []int{1}, RAGColumn: 2,
			Rows: [][]string{{"a\x1b[2K", strings.Repeat("word\x1b[2K\u202e ", 40) + "\r\n", "Red"}}, Notes: []string{"note\x1b[2K"}},
		{Heading: "Empty", Header: []string{"A"}, Empty: "none\x1b[2K"},
	}}
	for _, colour := range []bool{false, true} {
		st := Style{Color: colour, Width: 80}
		outputs := map[string]*bytes.Buffer{}
		print := func(name string, f func(w *bytes.Buffer) error) {
			var b bytes.Buffer
			if err := f(&b); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			outputs[name] = &b
		}
		print("table", func(w *bytes.Buffer) error { return TablePrinter{Style: st}.Print(w, doc) })
		print("diff text", func(w *bytes.Buffer) error { return DiffText(w, d, from, to, st) })
		print("log text", func(w *bytes.Buffer) error { return LogText(w, log, st) })
		if !colour {
			print("markdown", func(w *bytes.Buffer) error { return MarkdownPrinter{}.Print(w, doc) })
			print("diff markdown", func(w *bytes.Buffer) error { return DiffMarkdown(w, d, from, to) })
			print("log markdown", func(w *bytes.Buffer) error { return LogMarkdown(w, log) })
		}
		for name, out := range outputs {
			text := sgr.ReplaceAllString(out.String(), "")
			if found := termsafe.Found(text); found != nil {
				t.Errorf("%s (colour %v) prints %v raw:\n%s", name, colour, found, text)
			}
			if !strings.Contains(text, `\x1b[2K`) && !strings.Contains(text, `\\x1b\[2K`) {
				t.Errorf("%s (colour %v) does not show the escape:\n%s", name, colour, text)
			}
		}
	}
}

// JSON printed to a terminal acts on nothing in the data: a character a terminal would act on
// (a bidi override, a C1 control such as CSI, DEL) is written as a JSON escape, which reads back
// as the same text. Go's encoder escapes C0 controls itself, but not these.
func TestWriteJSONEscapesWhatATerminalActsOn(t *testing.T) {
	in := map[string]string{"text": "a\u202eb\u009b2Jc\u0085d\x7fe\u2066f\x1b[2Kg\u2028h é 東京 👍"}
	var b bytes.Buffer
	if err := WriteJSON(&b, in); err != nil {
		t.Fatal(err)
	}
	if found := termsafe.Found(b.String()); found != nil {
		t.Errorf("WriteJSON prints %v raw:\n%s", found, b.String())
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if back["text"] != in["text"] {
		t.Errorf("read back %q, want %q", back["text"], in["text"])
	}
	if !strings.Contains(b.String(), "é 東京 👍") {
		t.Errorf("printable text is escaped too:\n%s", b.String())
	}
}
