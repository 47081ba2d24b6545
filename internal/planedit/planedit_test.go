package planedit

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/planfile"
)

const head = `id: t
title: Test plan
council: Test Council
period: {start: 2025-01-01, end: 2028-12-31}
sections:
  - id: t.p1
    kind: priority
    title: Priority 1
    actions:
`

var oct1 = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)

func TestEditAction(t *testing.T) {
	tests := []struct {
		name     string
		in, want string // after head
		id       string
		edit     ActionEdit
	}{
		{
			name: "block action: values replaced, update after the last block update",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q3 2025
        status: not-started
        rag: green
        updates:
          - date: 2025-07-01
            note: Advert out.

      # The next action is the council's own.
      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress", RAG: "amber", Note: "Two mentors recruited."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q3 2025
        status: in-progress
        rag: amber
        updates:
          - date: 2025-07-01
            note: Advert out.
          - date: 2025-10-01
            status: in-progress
            rag: amber
            note: Two mentors recruited.

      # The next action is the council's own.
      - id: t.p1.2
        text: Another.
`,
		},
		{
			name: "a comment after a value stays; a value already so is left alone",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q3 2025   # agreed at the May board
        status: in-progress # since June
        rag: "green"  # quoted
        updates: # newest last
          - {date: 2025-07-01, note: Advert out.}  # first
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress", RAG: "red", Deadline: "Q1 2026", Note: "Slipped: no venue."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q1 2026   # agreed at the May board
        status: in-progress # since June
        rag: "red"  # quoted
        updates: # newest last
          - {date: 2025-07-01, note: Advert out.}  # first
          - {date: 2025-10-01, status: in-progress, rag: red, note: "Slipped: no venue."}
`,
		},
		{
			name: "status and rag absent: after deadline and leads, before updates",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q3 2025
        leads:
          - Virtual School
        outcomes: [More mentors]
        updates:
          - date: 2025-07-01
            note: Advert out.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "complete", RAG: "green"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: Q3 2025
        leads:
          - Virtual School
        status: complete
        rag: green
        outcomes: [More mentors]
        updates:
          - date: 2025-07-01
            note: Advert out.
          - date: 2025-10-01
            status: complete
            rag: green
`,
		},
		{
			name: "rag added after a status that is there",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        status: in-progress
        tags: [mentoring]
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, RAG: "amber"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        status: in-progress
        rag: amber
        tags: [mentoring]
        updates:
          - date: 2025-10-01
            rag: amber
`,
		},
		{
			name: "updates: [] becomes a block list",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates: []  # none yet
      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Started."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:  # none yet
          - date: 2025-10-01
            note: Started.
      - id: t.p1.2
        text: Another.
`,
		},
		{
			name: "updates in brackets: items kept as written, the new one in their style",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates: [{date: 2025-07-01, note: 'Advert out.'}]
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Started."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
          - {date: 2025-07-01, note: 'Advert out.'}
          - {date: 2025-10-01, note: Started.}
`,
		},
		{
			name: "updates: with no value",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
        status:
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
          - date: 2025-10-01
            status: in-progress
        status: in-progress
`,
		},
		{
			name: "updates absent: added at the end, in the style of the file's other updates",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
        - {date: 2025-07-01, note: Advert out.}
      - id: t.p1.2
        parent: t.p1.1
        text: Train them.
      # Comment lines before the next action belong to it.

      - id: t.p1.3
        text: Another.
`,
			id:   "t.p1.2",
			edit: ActionEdit{Date: oct1, Note: "Trainer booked."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
        - {date: 2025-07-01, note: Advert out.}
      - id: t.p1.2
        parent: t.p1.1
        text: Train them.
        updates:
        - {date: 2025-10-01, note: Trainer booked.}
      # Comment lines before the next action belong to it.

      - id: t.p1.3
        text: Another.
`,
		},
		{
			name: "flow action on one line: rewritten a key a line, values kept as written",
			in: `      - {id: t.p1.1, text: 'Recruit mentors, two', deadline: Q3 2025, leads: [Virtual School, "ICB"]}  # from the plan
      - {id: t.p1.2, text: Another.}
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress", Note: "Started."},
			want: `      - id: t.p1.1  # from the plan
        text: 'Recruit mentors, two'
        deadline: Q3 2025
        leads: [Virtual School, "ICB"]
        status: in-progress
        updates:
          - date: 2025-10-01
            status: in-progress
            note: Started.
      - {id: t.p1.2, text: Another.}
`,
		},
		{
			name: "flow action over several lines, with updates in brackets",
			in: `      - {id: t.p1.1, text: "Recruit mentors
          in every school", deadline: Q3 2025,
         updates: [{date: 2025-07-01, note: Advert out.}]}
      - {id: t.p1.2, text: Another.}
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, RAG: "green"},
			want: `      - id: t.p1.1
        text: "Recruit mentors in every school"
        deadline: Q3 2025
        rag: green
        updates:
          - {date: 2025-07-01, note: Advert out.}
          - {date: 2025-10-01, rag: green}
      - {id: t.p1.2, text: Another.}
`,
		},
		{
			name: "the last action of the last section, no line break at the end of the file",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
          - date: 2025-07-01
            note: |
              Advert out;
              # not a comment: part of the note`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "complete"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        status: complete
        updates:
          - date: 2025-07-01
            note: |
              Advert out;
              # not a comment: part of the note
          - date: 2025-10-01
            status: complete`,
		},
		{
			name: "a block scalar that keeps its trailing blank line",
			in: `      - id: t.p1.1
        text: |+
          Recruit mentors.

      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress"},
			want: `      - id: t.p1.1
        text: |+
          Recruit mentors.

        status: in-progress
        updates:
          - date: 2025-10-01
            status: in-progress
      - id: t.p1.2
        text: Another.
`,
		},
		{
			name: "a new deadline, quoted as the old one was; a new deadline where there was none",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: "Q3 2025"
      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Deadline: "2026-03-31"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: "2026-03-31"
      - id: t.p1.2
        text: Another.
`,
		},
		{
			name: "a deadline added after the text, quoted: a YAML 1.1 reader would read 2026 as a number",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        leads: [Virtual School]
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Deadline: "2026"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        deadline: "2026"
        leads: [Virtual School]
`,
		},
		{
			name: "evidence goes in the update",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
          - {date: 2025-07-01, note: Advert out.}
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Launched", Evidence: "https://example.org/board/minutes?id=4#item-2"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
          - {date: 2025-07-01, note: Advert out.}
          - {date: 2025-10-01, note: Launched, evidence: "https://example.org/board/minutes?id=4#item-2"}
`,
		},
		{
			name: "a list indented with no offset and a key further from its dash",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
        -   date: 2025-07-01
            note: Advert out.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Started."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        updates:
        -   date: 2025-07-01
            note: Advert out.
        -   date: 2025-10-01
            note: Started.
`,
		},
		{
			name: "a dash on a line of its own, a tagged status, a deadline over two lines",
			in: `      -
        id: t.p1.1
        text: Recruit mentors.
        deadline: Q3
          2025
        status: !!str not-started
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress", Deadline: "Q4 2025"},
			want: `      -
        id: t.p1.1
        text: Recruit mentors.
        deadline: Q4 2025
        status: !!str in-progress
        updates:
          - date: 2025-10-01
            status: in-progress
`,
		},
		{
			name: "a flow action on a line of its own after its dash, a plain value over two lines",
			in: `      -
        {id: t.p1.1, text: Recruit
          mentors., tags: [a,
          b]}
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Started."},
			want: `      -
        id: t.p1.1
        text: "Recruit mentors."
        tags: [a, b]
        updates:
          - date: 2025-10-01
            note: Started.
`,
		},
		{
			name: "updates go at the end of the action, after parent",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        parent: t.p1.2
      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "complete"},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        status: complete
        parent: t.p1.2
        updates:
          - date: 2025-10-01
            status: complete
      - id: t.p1.2
        text: Another.
`,
		},
		{
			name: "a list not indented from its key: new lists follow suit",
			in: `      - id: t.p1.1
        text: Recruit mentors.
        leads:
        - Virtual School
      - id: t.p1.2
        text: Another.
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Note: "Started."},
			want: `      - id: t.p1.1
        text: Recruit mentors.
        leads:
        - Virtual School
        updates:
          - date: 2025-10-01
            note: Started.
      - id: t.p1.2
        text: Another.
`,
		},
		{
			// The order is planfile's table's, where `from` comes after `deadline`.
			name: "from is placed by the order: a status goes after it, not between deadline and it",
			in: `      - id: t.p1.1
        text: Meet quarterly.
        deadline: quarterly
        from: 2025-04-01
`,
			id:   "t.p1.1",
			edit: ActionEdit{Date: oct1, Status: "in-progress"},
			want: `      - id: t.p1.1
        text: Meet quarterly.
        deadline: quarterly
        from: 2025-04-01
        status: in-progress
        updates:
          - date: 2025-10-01
            status: in-progress
`,
		},
		{
			name: "a line separator in a quoted text does not throw the line count",
			in:   "      # a comment\n      - id: t.p1.1\n        text: \"Recruit\u2028mentors.\"\n        rag: green\n      - id: t.p1.2\n        text: Another.\n",
			id:   "t.p1.2",
			edit: ActionEdit{Date: oct1, RAG: "red"},
			want: "      # a comment\n      - id: t.p1.1\n        text: \"Recruit\u2028mentors.\"\n        rag: green\n      - id: t.p1.2\n        text: Another.\n        rag: red\n        updates:\n          - date: 2025-10-01\n            rag: red\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(head + tt.in)
			got, err := editAction(in, tt.id, tt.edit)
			if err != nil {
				t.Fatalf("EditAction: %v", err)
			}
			if string(got) != head+tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, head+tt.want)
			}
			if string(in) != head+tt.in {
				t.Errorf("the input was changed")
			}
			// Done twice, the second time changes nothing.
			again, err := editAction(got, tt.id, tt.edit)
			if err != nil || string(again) != string(got) {
				t.Errorf("a second, identical edit changed the file (err %v):\n%s", err, again)
			}
		})
	}
}

// Line endings and a byte-order mark are the file's, wherever the edit falls.
func TestEditActionKeepsLineEndingsAndBOM(t *testing.T) {
	in := `      - id: t.p1.1
        text: Recruit mentors.
        status: not-started
      - {id: t.p1.2, text: Another.}
`
	want := `      - id: t.p1.1
        text: Recruit mentors.
        status: in-progress
        updates:
          - date: 2025-10-01
            status: in-progress
            note: "Line one\nline two"
      - {id: t.p1.2, text: Another.}
`
	want2 := `      - id: t.p1.2
        text: Another.
        updates:
          - date: 2025-10-01
            note: Started.
`
	for _, tc := range []struct{ name, bom, eol string }{
		{"LF", "", "\n"}, {"CRLF", "", "\r\n"}, {"BOM and CRLF", "\xef\xbb\xbf", "\r\n"}, {"BOM", "\xef\xbb\xbf", "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conv := func(s string) []byte { return []byte(tc.bom + strings.ReplaceAll(head+s, "\n", tc.eol)) }
			got, err := editAction(conv(in), "t.p1.1", ActionEdit{Date: oct1, Status: "in-progress", Note: "Line one\nline two"})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(conv(want)) {
				t.Errorf("got %q\nwant %q", got, conv(want))
			}
			got, err = editAction(got, "t.p1.2", ActionEdit{Date: oct1, Note: "Started."})
			if err != nil {
				t.Fatal(err)
			}
			if w := conv(strings.Replace(want, "      - {id: t.p1.2, text: Another.}\n", want2, 1)); string(got) != string(w) {
				t.Errorf("got %q\nwant %q", got, w)
			}
		})
	}
}

// Text that YAML would read as something else, or that breaks a line, is quoted so that it reads
// back exactly, in a block update and in a {…} one.
func TestEditActionQuotesText(t *testing.T) {
	notes := []string{
		"Done: on time", "Budget #2 agreed", "a #tag", "- a dash first", "* starred", "&anchor", "!tag", "'quoted'",
		`"double"`, "yes", "No", "null", "~", "true", "2025", "1.5", "0x1F", "2025-10-01", "Line one\nline two",
		"Café, crèche and 日本語 ✓", "tab\there", "bell\a and nul\x00 and del\x7f", "line\u2028separator", "nel\u0085", "bom\ufeff",
		"ends with colon:", "[brackets]", "{braces}", "a, b", "a: b, {c}", "back\\slash", "@at", "`tick`", "%percent", "| pipe", "> fold",
		"? question", "--- doc", "...", "key: value # comment", "trailing space kept trimmed   ", "emoji 🎉 \U0001F600",
		// Inside {…} go-yaml refuses a plain value holding "?" anywhere: a URL with a query string.
		"Why?", "https://example.org/minutes?item=4#p2", "2025- ?",
	}
	for _, flow := range []bool{false, true} {
		updates := "          - date: 2025-07-01\n            note: Advert out.\n"
		if flow {
			updates = "          - {date: 2025-07-01, note: Advert out.}\n"
		}
		in := []byte(head + "      - id: t.p1.1\n        text: Recruit mentors.\n        updates:\n" + updates)
		for _, note := range notes {
			got, err := editAction(in, "t.p1.1", ActionEdit{Date: oct1, Note: note, Evidence: note})
			if err != nil {
				t.Errorf("flow %v, note %q: %v", flow, note, err)
				continue
			}
			f := planfile.Parse("t.yaml", got, planfile.Options{})
			u := f.Plan.Sections[0].Actions[0].Updates
			if want := strings.TrimSpace(note); len(u) != 2 || u[1].Note != want || u[1].Evidence != want {
				t.Errorf("flow %v: note %q reads back as %+v", flow, note, u)
			}
			if added := strings.Count(string(got), "\n") - strings.Count(string(in), "\n"); added != map[bool]int{false: 3, true: 1}[flow] {
				t.Errorf("flow %v: note %q is not written on one line:\n%s", flow, note, got[len(in)-20:])
			}
		}
	}
}

func TestEditMeasure(t *testing.T) {
	const sec = `    measures:
      - id: t.p1.m1
        text: Care leavers in EET
        unit: "%"
        observations:
          - {date: 2025-03-31, value: 55, source: SSDA903}
      - id: t.p1.m2
        text: Mentors
        target: {value: 20}
        benchmarks:
          - {name: England, value: 12}
      - {id: t.p1.m3, text: Mentors trained, unit: count}
    actions:
      - {id: t.p1.1, text: Recruit mentors.}
`
	base := strings.TrimSuffix(head, "    actions:\n") + sec
	tests := []struct {
		id   string
		edit MeasureEdit
		old  string
		new  string
	}{
		{"t.p1.m1", MeasureEdit{Date: oct1, Value: "61.5", Source: "SSDA903, Q2"},
			"          - {date: 2025-03-31, value: 55, source: SSDA903}\n",
			"          - {date: 2025-03-31, value: 55, source: SSDA903}\n          - {date: 2025-10-01, value: 61.5, source: \"SSDA903, Q2\"}\n"},
		{"t.p1.m2", MeasureEdit{Date: oct1, Value: "14", Note: "First count"},
			"        target: {value: 20}\n",
			"        target: {value: 20}\n        observations:\n          - {date: 2025-10-01, value: 14, note: First count}\n"},
		{"t.p1.m3", MeasureEdit{Date: oct1, Value: " 3 "},
			"      - {id: t.p1.m3, text: Mentors trained, unit: count}\n",
			"      - id: t.p1.m3\n        text: Mentors trained\n        unit: count\n        observations:\n          - {date: 2025-10-01, value: 3}\n"},
	}
	for _, tt := range tests {
		got, err := editMeasure([]byte(base), tt.id, tt.edit)
		if err != nil {
			t.Fatalf("%s: %v", tt.id, err)
		}
		if want := strings.Replace(base, tt.old, tt.new, 1); string(got) != want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.id, got, want)
		}
		if again, err := editMeasure(got, tt.id, tt.edit); err != nil || string(again) != string(got) {
			t.Errorf("%s: a second, identical figure changed the file (%v)", tt.id, err)
		}
	}
}

func TestEditErrors(t *testing.T) {
	const acts = `      - id: t.p1.1
        text: Recruit mentors.
      - id: t.p1.2
        text: Another.
    measures:
      - {id: t.p1.m1, text: Mentors}
`
	good := head + acts
	tests := []struct {
		name string
		file string
		id   string
		edit any
		want string // error text
		as   any
	}{
		{"unknown id", good, "t.p1.3", ActionEdit{Date: oct1, Note: "x"}, "no action t.p1.3 in this file", new(*NotFoundError)},
		{"a measure given as an action", good, "t.p1.m1", ActionEdit{Date: oct1, Note: "x"}, "t.p1.m1 is a measure, not an action", new(*NotFoundError)},
		{"an action given as a measure", good, "t.p1.1", MeasureEdit{Date: oct1, Value: "1"}, "t.p1.1 is an action, not a measure", new(*NotFoundError)},
		{"bad status", good, "t.p1.1", ActionEdit{Date: oct1, Status: "done"}, `"done" is not a status`, new(*InputError)},
		{"bad usage is named before an unknown id", good, "nosuch", ActionEdit{Date: oct1, Status: "done"}, `"done" is not a status`, new(*InputError)},
		{"bad usage is named before a broken file", "id: [", "t.p1.m1", MeasureEdit{Date: oct1, Value: "many"}, `"many" is not a number`, new(*InputError)},
		{"bad rag", good, "t.p1.1", ActionEdit{Date: oct1, RAG: "blue"}, `"blue" is not a RAG rating`, new(*InputError)},
		{"no date", good, "t.p1.1", ActionEdit{Note: "x"}, "the update needs a date", new(*InputError)},
		{"nothing to record", good, "t.p1.1", ActionEdit{Date: oct1, Note: "  "}, "nothing to record", new(*InputError)},
		{"bad deadline", good, "t.p1.1", ActionEdit{Date: oct1, Deadline: "Q5 2025"}, "Q5 2025", new(*InputError)},
		{"not UTF-8", good, "t.p1.1", ActionEdit{Date: oct1, Note: "caf\xe9"}, "not valid UTF-8", new(*InputError)},
		{"a percentage", good, "t.p1.m1", MeasureEdit{Date: oct1, Value: "61.5%"}, `the value "61.5%" is not a number`, new(*InputError)},
		{"not a number", good, "t.p1.m1", MeasureEdit{Date: oct1, Value: "NaN"}, `is not a number`, new(*InputError)},
		{"a figure with no date", good, "t.p1.m1", MeasureEdit{Value: "3"}, `needs a date`, new(*InputError)},
		{"the file has errors", head + acts + "      - id: t.p1.9\n", "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "the file has errors", new(*FileError)},
		{"an id written twice", head + "      - {id: t.p1.1, text: Again.}\n" + acts, "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "written twice", new(*FileError)},
		{"actions in a flow list", head[:len(head)-1] + " [{id: t.p1.1, text: Recruit mentors.}]\n", "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "inside a flow list", new(*FileError)},
		{"a comment inside braces", head + "      - {id: t.p1.1,  # first\n         text: Recruit mentors.}\n", "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "comments inside its braces", new(*FileError)},
		{"a list with a comment inside brackets", head + "      - id: t.p1.1\n        text: Recruit.\n        updates: [  # none\n        ]\n", "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "comments inside its brackets", new(*FileError)},
		{"a registry, not a plan", "leads:\n  - name: Virtual School\n", "t.p1.1", ActionEdit{Date: oct1, Note: "x"}, "holds no plan", new(*FileError)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []byte
			var err error
			switch e := tt.edit.(type) {
			case ActionEdit:
				got, err = editAction([]byte(tt.file), tt.id, e)
			case MeasureEdit:
				got, err = editMeasure([]byte(tt.file), tt.id, e)
			}
			if err == nil {
				t.Fatalf("no error; got\n%s", got)
			}
			if got != nil {
				t.Errorf("bytes returned with an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if !errors.As(err, tt.as) {
				t.Errorf("error %T is not a %T", err, tt.as)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestNotFoundNamesNearest(t *testing.T) {
	_, err := editAction([]byte(head+"      - id: t.p1.1\n        text: A.\n      - id: t.p1.12\n        text: B.\n"), "t.p1.2", ActionEdit{Date: oct1, Note: "x"})
	var nf *NotFoundError
	if !errors.As(err, &nf) || strings.Join(nf.Nearest, " ") != "t.p1.1 t.p1.12" || nf.Hint != "did you mean t.p1.1, t.p1.12?" {
		t.Fatalf("err = %#v", err)
	}
}

// An update shared with young people, a text for them, and an action's plain: sentence.
func TestEditActionSharesWithYoungPeople(t *testing.T) {
	in := head + `      - id: t.p1.1
        text: Recruit mentors.
        status: in-progress
`
	got, err := editAction([]byte(in), "t.p1.1", ActionEdit{Date: oct1, Note: "Two mentors recruited", Share: true, Plain: "Find you a mentor."})
	if err != nil {
		t.Fatal(err)
	}
	want := head + `      - id: t.p1.1
        text: Recruit mentors.
        plain: Find you a mentor.
        status: in-progress
        updates:
          - date: 2025-10-01
            note: Two mentors recruited
            share: young-people
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got, err = editAction([]byte(in), "t.p1.1", ActionEdit{Date: oct1, Note: "J's carer agreed", ForYoungPeople: "A mentor is ready for you."})
	if err != nil {
		t.Fatal(err)
	}
	f := planfile.Parse("t.yaml", got, planfile.Options{})
	u := f.Plan.Sections[0].Actions[0].Updates[0]
	if u.ForYoungPeopleText() != "A mentor is ready for you." || u.Note != "J's carer agreed" || u.Share != "" {
		t.Errorf("update read back as %+v", u)
	}
	if _, err := editAction([]byte(in), "t.p1.1", ActionEdit{Date: oct1, Status: "complete", Share: true}); err == nil {
		t.Error("sharing an update with no note was accepted")
	}
}
