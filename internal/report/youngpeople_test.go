package report

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/personal"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/readability"
	"github.com/cpp-plans/cpp/internal/testutil/golden"
)

const ypFixture = "../../testdata/report/young-people"

func ypPublish(t *testing.T, plans []*plan.Plan, reg *plan.Registry, asOf, format string, redact bool) ([]byte, []PersonalText) {
	t.Helper()
	doc, found, err := Publish(plans, reg, Options{AsOf: date(asOf), Period: query.ThisQuarter(date(asOf)), Tolerance: DefaultTolerance},
		PublishOptions{For: ForYoungPeople, Format: format, Redact: redact})
	if err != nil {
		t.Fatal(err)
	}
	return doc, found
}

// The young people's report of a plan with promises, what young people said, plain: sentences,
// shared and unshared updates, done and coming actions and a measure with a small count.
func TestYoungPeopleGolden(t *testing.T) {
	plans, reg := load(t, ypFixture)
	for _, format := range []string{"markdown", "html"} {
		doc, found := ypPublish(t, plans, reg, "2025-12-31", format, false)
		again, _ := ypPublish(t, plans, reg, "2025-12-31", format, false)
		if !bytes.Equal(doc, again) {
			t.Errorf("%s: the same plan and date gave different output", format)
		}
		if len(found) > 0 {
			t.Errorf("%s: personal text found in what the report shows: %v", format, found)
		}
		ext := map[string]string{"markdown": ".md", "html": ".html"}[format]
		golden.Check(t, "../../testdata/report/young-people"+ext, doc)
	}
}

// What the fixture's report must and must not say.
func TestYoungPeopleShowsOnlyWhatIsShared(t *testing.T) {
	plans, reg := load(t, ypFixture)
	doc, _ := ypPublish(t, plans, reg, "2025-12-31", "markdown", false)
	text := string(doc)
	for _, want := range []string{
		"We will help you live somewhere safe and settled", // the section's plain:, not its promise
		"We don't want to keep moving.",                    // you_said
		"Six new foster carers have joined us.",            // for_young_people
		"The Director came to the council meeting",         // share: young-people
		"Find 15 more foster carers who live in Riverside", // the action's plain:
		"**Done in October 2025.** Launch the Mockingbird family model",
		"**We plan to do this by June 2026.** Review the sufficiency strategy with commissioning. *Not started yet.*",
		"fewer than 5 in September 2025", // a count of 3, suppressed
		"58 out of every 100 in September 2025. We want it to be 75 out of every 100.",
		"So we stopped this, and we ask you at your meetings instead.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	for _, not := range []string{
		"facilitate placement sufficiency",   // the formal promise, replaced by plain:
		"Campaign relaunched",                // a note with a for_young_people text instead
		"Director attended",                  // not shared
		"Budget withdrawn",                   // a dropped action with no reason shared
		"Publish a quarterly newsletter",     // ... is not shown at all
		"Recruit 15 more in-house",           // the action's text, replaced by plain:
		"Fostering Service", "Participation", // leads
		" 3 in September", // the small count
	} {
		if strings.Contains(text, not) {
			t.Errorf("the report says %q", not)
		}
	}
}

var ragWord = regexp.MustCompile(`\b(Red|Amber|Green|RAG|red|amber|green)\b`)

// For every bundled and fixture plan, the young people's report shows no note that is not
// shared, no id, no RAG word and nothing that looks like personal data.
func TestYoungPeopleLeaksNothing(t *testing.T) {
	for _, dir := range []string{"../../plans", "../../testdata/report/fixture", "../../testdata/report/print-stress", ypFixture} {
		plans, reg := load(t, dir)
		for _, format := range []string{"markdown", "html"} {
			t.Run(strings.TrimPrefix(dir, "../../")+"/"+format, func(t *testing.T) {
				doc, found := ypPublish(t, plans, reg, "2025-12-31", format, false)
				shown := string(shownText(doc, format))
				if len(found) > 0 {
					t.Errorf("personal text in what the report shows: %v", found)
				}
				if ms := personal.Find(shown); len(ms) > 0 {
					t.Errorf("the report shows what looks like personal data: %+v", ms)
				}
				if m := ragWord.FindString(shown); m != "" {
					t.Errorf("the report shows the RAG word %q", m)
				}
				for _, p := range plans {
					ids := []string{p.ID + "."}
					for _, s := range p.Sections {
						for _, a := range s.Actions {
							ids = append(ids, a.ID)
							for _, u := range a.Updates {
								if u.Note != "" && !u.SharedWithYoungPeople() && len(u.Note) >= 12 && strings.Contains(shown, u.Note) {
									t.Errorf("the unshared note of %s is shown: %q", a.ID, u.Note)
								}
								if u.ForYoungPeople != "" && u.Note != "" && strings.Contains(shown, u.Note) {
									t.Errorf("the officers' note of %s is shown beside its for_young_people text: %q", a.ID, u.Note)
								}
							}
						}
						for _, m := range s.Measures {
							ids = append(ids, m.ID)
						}
					}
					for _, id := range ids {
						if strings.Contains(shown, id) {
							t.Errorf("the report shows the id %q", id)
						}
					}
				}
			})
		}
	}
}

// A shared note that names a child: the report names it at its top (and Publish returns it, for
// stderr); with redaction it is replaced and the report says so.
func TestYoungPeoplePersonalText(t *testing.T) {
	src := `id: t
title: T
council: C
period: {start: 2025-01-01, end: 2027-12-31}
sections:
  - id: t.p1
    kind: promise
    title: Being heard
    actions:
      - id: t.p1.1
        text: Run the forum.
        updates:
          - date: 2025-10-01
            share: young-people
            note: Child J (aged 14) chaired the forum with Mrs Patel.
          - date: 2025-10-02
            note: "Not shared: YP K lives at NW1 2DB."
`
	f := planfile.Parse("plans/t.yaml", []byte(src), planfile.Options{})
	if f.HasErrors() {
		t.Fatal(f.Diags)
	}
	plans := []*plan.Plan{f.Plan}
	for _, format := range []string{"markdown", "html"} {
		doc, found := ypPublish(t, plans, plan.NewRegistry(nil), "2025-12-31", format, false)
		var got []string
		for _, p := range found {
			got = append(got, p.String())
		}
		want := []string{`plans/t.yaml:15:19: note looks like a child's initial and age: "Child J (aged 14)"`,
			`plans/t.yaml:15:19: note looks like a person's title and surname: "Mrs Patel"`}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: found\n%s\nwant\n%s", format, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		shown := string(shownText(doc, format))
		if !strings.Contains(shown, ypWords.Found) || strings.Index(shown, ypWords.Found) > strings.Index(shown, ypWords.Intro) {
			t.Errorf("%s: the notice is not at the top:\n%s", format, shown)
		}
		red, found2 := ypPublish(t, plans, plan.NewRegistry(nil), "2025-12-31", format, true)
		shown = string(shownText(red, format))
		if len(found2) != 2 || strings.Contains(shown, "Child J") || strings.Contains(shown, "Patel") ||
			!strings.Contains(shown, "[removed] chaired the forum with [removed].") || !strings.Contains(shown, ypWords.Removed) {
			t.Errorf("%s: redacted report:\n%s", format, shown)
		}
		if f.Plan.Sections[0].Actions[0].Updates[0].Note != "Child J (aged 14) chaired the forum with Mrs Patel." {
			t.Error("redaction changed the plan it was given")
		}
	}
	// The board report in full shows the note too (the pack shows only what needs attention), and
	// is checked the same way.
	doc, found, err := Publish(plans, plan.NewRegistry(nil), Options{AsOf: date("2025-12-31"), Period: query.ThisQuarter(date("2025-12-31")), Detail: Full},
		PublishOptions{For: ForBoard, Format: "markdown", Redact: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 || bytes.Contains(doc, []byte("Patel")) || !bytes.Contains(doc, []byte("[removed]")) {
		t.Errorf("board report with --redact: found %v\n%s", found, doc)
	}
}

// The words cpp adds (headings, joining sentences, status words) read at 9 to 11, and no
// sentence of them is longer than easy-read guidance allows.
func TestYoungPeopleOwnWordsReadingAge(t *testing.T) {
	fill := strings.NewReplacer("%s", "October 2025")
	var all []string
	// Every field of ypWords, so that a word added to it is measured too.
	v := reflect.ValueOf(ypWords)
	for i := 0; i < v.NumField(); i++ {
		s := fill.Replace(v.Field(i).String())
		all = append(all, strings.TrimRight(s, ".?")+".")
		for _, sent := range readability.Sentences(s) {
			if n := len(readability.Words(sent.Text)); n > readability.MaxAverageWords {
				t.Errorf("%q has %d words; easy-read keeps to %d", sent.Text, n, readability.MaxAverageWords)
			}
		}
	}
	st := readability.Measure(strings.Join(all, " "))
	age := st.ReadingAge()
	t.Logf("cpp's own words: reading age %d (Flesch-Kincaid grade %.1f; %d words in %d sentences)",
		age, st.Grade(), st.Words, st.Sentences)
	if age > readability.MaxReadingAge {
		t.Errorf("cpp's own words read at age %d, want at most %d", age, readability.MaxReadingAge)
	}
}

// The board's line per section on what was shared with young people.
func TestSharedLine(t *testing.T) {
	s := &plan.Section{ID: "s", Plan: &plan.Plan{}}
	a := &plan.Action{ID: "a", Section: s}
	s.Actions = []*plan.Action{a}
	q3, _ := query.ParseQuarter("Q3-2025")
	asOf := date("2025-09-30")
	if got := SharedLine(s, q3, asOf); got != "Nothing shared with young people yet." {
		t.Errorf("no updates: %q", got)
	}
	a.Updates = []plan.Update{{Date: date("2025-06-10"), Note: "n", Share: plan.ShareYoungPeople}, {Date: date("2025-08-01"), Note: "not shared"}}
	if got := SharedLine(s, q3, asOf); got != "Nothing shared with young people since June 2025." {
		t.Errorf("shared in June: %q", got)
	}
	a.Updates = append(a.Updates, plan.Update{Date: date("2025-09-01"), ForYoungPeople: "x"}, plan.Update{Date: date("2025-07-01"), Note: "y", Share: plan.ShareYoungPeople},
		plan.Update{Date: date("2025-10-05"), Note: "later", Share: plan.ShareYoungPeople})
	if got := SharedLine(s, q3, asOf); got != "Shared with young people this quarter: 2 updates." {
		t.Errorf("two in the quarter: %q", got)
	}
	// In financial quarters Q3 2025 is October to December: the updates of July to September
	// are the quarter before it, and the one in October is the board's, had it been known.
	s.Plan.Quarters = deadline.Financial
	if got := SharedLine(s, q3, asOf); got != "Nothing shared with young people since September 2025." {
		t.Errorf("financial quarters, as of the end of September: %q", got)
	}
	if got := SharedLine(s, q3, date("2025-12-31")); got != "Shared with young people this quarter: 1 update." {
		t.Errorf("financial quarters, as of the end of December: %q", got)
	}
}

// The young people's report says the figure the board reads: of two observations on one day, the
// one written later in the file (plan.Measure.Standing), not the first.
func TestYoungPeopleMeasureLatestAsTheBoardReadsIt(t *testing.T) {
	m := &plan.Measure{Text: "Children who took part", Observations: []plan.Observation{
		{Date: date("2025-06-30"), Value: 3}, {Date: date("2025-06-30"), Value: 12}, {Date: date("2025-12-31"), Value: 2}}}
	asOf := date("2025-09-30")
	if got := m.Standing(asOf, DefaultTolerance).Latest.Value; got != 12 {
		t.Fatalf("the board reads %v", got)
	}
	line, ok := measureWords(m, asOf)
	if want := "Children who took part: 12 in June 2025."; !ok || line != want {
		t.Errorf("measureWords: %q, %v; want %q", line, ok, want)
	}
	if _, ok := measureWords(m, date("2025-06-29")); ok {
		t.Error("a figure dated after the report's date was said")
	}
}

// The manual's rendered example (docs/young-people.md) is the golden report's first section, as cpp writes it.
func TestYoungPeopleREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../../docs/young-people.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("../../testdata/report/young-people.md")
	if err != nil {
		t.Fatal(err)
	}
	g := string(golden)
	start, end := strings.Index(g, "### A home that feels like home"), strings.Index(g, "### Being heard")
	if start < 0 || end < start {
		t.Fatal("the golden report has no first section")
	}
	if want := "```markdown\n" + g[start:end-1] + "```\n"; !strings.Contains(string(readme), want) {
		t.Errorf("the README's example is not the report's first section; it should be:\n%s", want)
	}
}

// Personal text that the report prints with its spacing changed (two spaces, or a line break in
// a literal block, become one space) is still named, and --redact still takes it out, in both
// reports and both formats.
func TestPersonalTextWithOtherSpacing(t *testing.T) {
	src := "id: t\ntitle: T\ncouncil: C\nperiod: {start: 2025-01-01, end: 2027-12-31}\nsections:\n" +
		"  - id: t.p1\n    kind: promise\n    title: Home\n    actions:\n" +
		"      - id: t.p1.1\n        text: Find homes.\n        deadline: 2026-03-01\n        status: in-progress\n        rag: red\n        updates:\n" +
		"          - date: 2025-10-01\n            share: young-people\n            note: \"Met  with Mrs  Patel about it.\"\n" +
		"          - date: 2025-10-02\n            share: young-people\n            note: |\n              Carers found near NW1\n              2AB for the sibling group.\n"
	f := planfile.Parse("plans/t.yaml", []byte(src), planfile.Options{})
	if f.HasErrors() {
		t.Fatal(f.Diags)
	}
	plans := []*plan.Plan{f.Plan}
	for _, audience := range []string{ForYoungPeople, ForBoard} {
		for _, format := range []string{"markdown", "html"} {
			for _, redact := range []bool{false, true} {
				doc, found, err := Publish(plans, plan.NewRegistry(nil), Options{AsOf: date("2025-12-31"), Period: query.ThisQuarter(date("2025-12-31")), Tolerance: DefaultTolerance},
					PublishOptions{For: audience, Format: format, Redact: redact})
				if err != nil {
					t.Fatal(err)
				}
				var kinds []string
				for _, p := range found {
					kinds = append(kinds, string(p.Kind))
				}
				want := []string{string(personal.Titled), string(personal.Postcode)}
				if audience == ForBoard {
					want = want[1:] // the board report shows only the latest note
				}
				if strings.Join(kinds, ", ") != strings.Join(want, ", ") {
					t.Errorf("%s %s redact=%v: found %v, want %v", audience, format, redact, kinds, want)
				}
				shown := string(shownText(doc, format))
				if redact && (strings.Contains(shown, "Patel") || strings.Contains(shown, "NW1")) {
					t.Errorf("%s %s: --redact left personal text in the report:\n%s", audience, format, shown)
				}
			}
		}
	}
}

// A small count is suppressed whatever the plan calls what it counts; a rate, a percentage, a
// score and a length of time are not counts of children, and keep their unit.
func TestYoungPeopleSmallCountsWhateverTheUnit(t *testing.T) {
	for _, tc := range []struct {
		unit  string
		value float64
		want  string
	}{
		{"children", 3, "fewer than 5"},
		{"care leavers", 1, "fewer than 5"},
		{"students", 2, "fewer than 5"},
		{"placements", 4, "fewer than 5"},
		{"episodes", 3, "fewer than 5"},
		{"UASC", 2, "fewer than 5"},
		{"", 2, "fewer than 5"}, // "Number of children adopted", no unit
		{"students", 12, "12 students"},
		{"children", 0, "0"},
		{"children", 12, "12"},
		{"%", 3, "3 out of every 100"},
		{"per 10,000 children", 3.5, "3.5 per 10,000 children"},
		{"per 10,000 children", 65, "65 per 10,000 children"},
		{"rate per 10,000", 4, "4 rate per 10,000"},
		{"days", 3, "3 days"},
		{"weeks", 2, "2 weeks"},
		{"score", 3.2, "3.2 score"},
		{"", 3.2, "3.2"}, // an average, not a count
		{"FTE", 2, "2 FTE"},
		{"care leavers aged 19-21 years", 3, "fewer than 5"},
		{"care leavers aged 19-21 years", 30, "30"},
	} {
		m := &plan.Measure{Unit: tc.unit}
		if got := figureWords(m, tc.value); got != tc.want {
			t.Errorf("%v %q: %q, want %q", tc.value, tc.unit, got, tc.want)
		}
	}
}

var twoWords = regexp.MustCompile(`[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}`)

// Every sentence cpp adds to the young people's report is in ypWords, where
// TestYoungPeopleOwnWordsReadingAge measures it: no string in youngpeople*.go outside it holds
// words, and the HTML template's text and labels hold none of their own. SharedLine's words
// are the board's.
func TestYoungPeopleOwnWordsAreAllMeasured(t *testing.T) {
	fset := token.NewFileSet()
	for _, name := range []string{"youngpeople.go", "youngpeople_markdown.go", "youngpeople_html.go"} {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return n.Name.Name != "SharedLine"
			case *ast.ValueSpec:
				if len(n.Names) == 1 && n.Names[0].Name == "ypWords" {
					return false
				}
				if len(n.Names) == 1 && n.Names[0].Name == "ypHTML" {
					tmpl, _ := strconv.Unquote(n.Values[0].(*ast.BasicLit).Value)
					for _, w := range templateWords(tmpl) {
						t.Errorf("%s: the HTML template writes %q itself; put it in ypWords", name, w)
					}
					return false
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(n.Value)
				if twoWords.MatchString(s) {
					t.Errorf("%s: %q is written outside ypWords, where its reading age is not measured", fset.Position(n.Pos()), s)
				}
			}
			return true
		})
	}
}

var (
	reStyle      = regexp.MustCompile(`(?s)<style>.*?</style>|<!DOCTYPE[^>]*>`)
	reActions    = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	reLabelAttrs = regexp.MustCompile(`\b(?:aria-label|alt|title|placeholder)="([^"]*)"`)
)

// templateWords is the words an HTML template writes itself: in its text and in the attributes
// a screen reader says.
func templateWords(tmpl string) []string {
	tmpl = reActions.ReplaceAllString(reStyle.ReplaceAllString(tmpl, ""), "")
	var out []string
	for _, m := range reLabelAttrs.FindAllStringSubmatch(tmpl, -1) {
		if strings.TrimSpace(m[1]) != "" {
			out = append(out, m[1])
		}
	}
	for _, text := range strings.Split(reTags.ReplaceAllString(tmpl, "\x00"), "\x00") {
		if strings.IndexFunc(text, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) >= 0 {
			out = append(out, strings.TrimSpace(text))
		}
	}
	return out
}

// Given the plan files' text, the report names personal text where it starts, as validate does,
// not where its field starts; text it cannot find in the file keeps the field's position.
func TestPersonalTextPosition(t *testing.T) {
	src := "id: t\ntitle: T\ncouncil: C\nperiod: {start: 2025-01-01, end: 2027-12-31}\nsections:\n" +
		"  - id: t.p1\n    kind: promise\n    title: Home\n    actions:\n" +
		"      - id: t.p1.1\n        text: Find homes.\n        deadline: 2026-03-01\n        status: in-progress\n        updates:\n" +
		"          - date: 2025-10-01\n            share: young-people\n            note: >-\n              We met J (14) and\n              Mrs\n              Patel today.\n" +
		"          - date: 2025-10-02\n            share: young-people\n            note: \"Escaped: Ms \\x4Fkafor\"\n"
	f := planfile.Parse("plans/t.yaml", []byte(src), planfile.Options{})
	if f.HasErrors() {
		t.Fatal(f.Diags)
	}
	_, found, err := Publish([]*plan.Plan{f.Plan}, plan.NewRegistry(nil), Options{AsOf: date("2025-12-31"), Period: query.ThisQuarter(date("2025-12-31"))},
		PublishOptions{For: ForYoungPeople, Format: "markdown", Source: func(file string) []byte {
			if file != "plans/t.yaml" {
				t.Errorf("asked for %q", file)
			}
			return []byte(src)
		}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range found {
		got = append(got, fmt.Sprintf("%d:%d %s", p.Pos.Line, p.Pos.Col, p.Text))
	}
	want := []string{"18:22 J (14)", "19:15 Mrs Patel", "23:19 Ms Okafor"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("found at %q, want %q", got, want)
	}
}
