package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/testutil/golden"
)

func load(t *testing.T, dir string) ([]*plan.Plan, *plan.Registry) {
	t.Helper()
	files, ds := planfile.Expand([]string{dir})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var plans []*plan.Plan
	var leads []*plan.Lead
	for _, f := range planfile.LoadAll(files, planfile.Options{}) {
		if f.HasErrors() {
			t.Fatalf("%s: %v", f.Path, f.Diags)
		}
		if f.Plan != nil {
			plans = append(plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	return plans, plan.NewRegistry(leads)
}

func date(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// fixture is a report the tests print: plans, a report date, a period ("" for the default, the
// quarter just ended) and how much detail.
type fixture struct {
	name, dir, asOf, period string
	plans                   []string // only these plans; all when empty
	detail                  Detail
	leftOut                 []LeftOut
}

var fixtures = []fixture{
	{name: "bundled", dir: "../../plans", asOf: "2025-12-31"},
	{name: "bundled-full", dir: "../../plans", asOf: "2025-12-31", detail: Full},
	{name: "riverside", dir: "../../testdata/report/fixture", asOf: "2025-12-31"},
	{name: "riverside-full", dir: "../../testdata/report/fixture", asOf: "2025-12-31", detail: Full},
	// The same plan in calendar quarters, reported in October on the quarter just ended.
	{name: "riverside-calendar", dir: "calendar", asOf: "2025-10-01"},
	{name: "riverside-q3", dir: "../../testdata/report/fixture", asOf: "2025-12-31", period: "Q3-2025/26"},
}

// calendarFixture is the report fixture with its quarters read as calendar quarters.
func calendarFixture(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../testdata/report/fixture/riverside.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cal := strings.Replace(string(src), "quarters: financial", "quarters: calendar", 1)
	if cal == string(src) {
		t.Fatal("the fixture no longer says quarters: financial")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "riverside.yaml"), []byte(cal), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// build makes a fixture's report.
func (fx fixture) build(t *testing.T) *Report {
	t.Helper()
	dir := fx.dir
	if dir == "calendar" {
		dir = calendarFixture(t)
	}
	plans, reg := load(t, dir)
	if len(fx.plans) > 0 {
		var only []*plan.Plan
		for _, p := range plans {
			if slices.Contains(fx.plans, p.ID) {
				only = append(only, p)
			}
		}
		plans = only
	}
	var period query.Window
	if fx.period != "" {
		var err error
		if period, err = query.ParseQuarter(fx.period); err != nil {
			t.Fatal(err)
		}
	}
	return Build(plans, reg, Options{AsOf: date(fx.asOf), Period: period, Tolerance: DefaultTolerance, Detail: fx.detail, LeftOut: fx.leftOut})
}

// The report for the bundled plans and for a plan with progress, RAGs and measures is pinned,
// in both formats, both quarter conventions and both levels of detail, and is the same bytes
// every time.
func TestGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			var md, md2, page, page2 bytes.Buffer
			if err := WriteMarkdown(&md, fx.build(t)); err != nil {
				t.Fatal(err)
			}
			WriteMarkdown(&md2, fx.build(t))
			if err := WriteHTML(&page, fx.build(t)); err != nil {
				t.Fatal(err)
			}
			WriteHTML(&page2, fx.build(t))
			if !bytes.Equal(md.Bytes(), md2.Bytes()) || !bytes.Equal(page.Bytes(), page2.Bytes()) {
				t.Error("the same plans and date gave different output")
			}
			golden.Check(t, "../../testdata/report/"+fx.name+".md", md.Bytes())
			golden.Check(t, "../../testdata/report/"+fx.name+".html", page.Bytes())
			checkMarkdownTables(t, md.String())
		})
	}
}

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

// checkMarkdownTables asserts that every row of every table has as many cells as its header.
func checkMarkdownTables(t *testing.T, md string) {
	t.Helper()
	cells := func(line string) int { return len(unescapedPipe.FindAllString(line, -1)) - 1 }
	lines := strings.Split(md, "\n")
	tables := 0
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "| ---") {
			continue
		}
		tables++
		want := cells(lines[i])
		for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			if got := cells(lines[j]); got != want {
				t.Errorf("table at line %d: row %d has %d cells, header has %d:\n%s", i+1, j+1, got, want, lines[j])
			}
			i = j
		}
	}
	if tables == 0 {
		t.Error("no tables found")
	}
}

// A measure's RAG word says why it has none: the standing is plan's (plan.Measure.Standing).
func TestMeasureRAGWord(t *testing.T) {
	obs := []plan.Observation{{Date: date("2025-01-01"), HasDate: true, Value: 60}, {Date: date("2025-04-01"), HasDate: true, Value: 65}}
	target := &plan.Observation{Value: 70}
	for _, tt := range []struct {
		name string
		m    plan.Measure
		word string
	}{
		{"rated", plan.Measure{Direction: "higher", Target: target, Observations: obs}, "Green"},
		{"no data", plan.Measure{Direction: "higher", Target: target}, "no data"},
		{"no target", plan.Measure{Direction: "higher", Observations: obs}, "no target"},
		{"context", plan.Measure{Direction: "context", Target: target, Observations: obs}, "context"},
		{"no direction", plan.Measure{Target: target, Observations: obs}, "no direction"},
	} {
		ms := MeasureStatus{Measure: &tt.m, Standing: tt.m.Standing(date("2025-12-31"), DefaultTolerance)}
		if got := MeasureRAGWord(ms); got != tt.word {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.word)
		}
	}
}

// Text from a plan file shows literally and never breaks a table or injects markup.
func TestEscaping(t *testing.T) {
	p := &plan.Plan{ID: "x", Title: "Plan <b>bold</b> | *x*", Council: "C"}
	s := &plan.Section{ID: "x.s", Title: "S `code`", Promise: "We *promise* <script>alert(1)</script>", Plan: p}
	a := &plan.Action{ID: "x.1", Text: "A | B\nC <script>alert('x')</script> _em_ `tick`", Status: plan.InProgress, RAG: plan.Red, Section: s,
		Updates: []plan.Update{{Date: date("2025-11-01"), Note: "line one\nline | two <img src=x onerror=alert(1)>"}}}
	s.Actions = []*plan.Action{a}
	p.Sections = []*plan.Section{s}
	q, _ := query.ParseQuarter("Q4-2025")
	r := Build([]*plan.Plan{p}, plan.NewRegistry(nil), Options{AsOf: date("2025-12-31"), Period: q})
	var md, page bytes.Buffer
	WriteMarkdown(&md, r)
	WriteHTML(&page, r)
	checkMarkdownTables(t, md.String())
	for _, bad := range []string{"<script>", "<img", "<b>"} {
		if strings.Contains(md.String(), bad) || strings.Contains(page.String(), bad) {
			t.Errorf("%q reached the output unescaped", bad)
		}
	}
	if !strings.Contains(page.String(), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Error("HTML does not show the text literally")
	}
	if !strings.Contains(md.String(), `A \| B C &lt;script&gt;`) {
		t.Errorf("Markdown does not escape the cell:\n%s", md.String())
	}
}

// A report that leaves files out says so at its top, in both formats, naming each file and its
// first error; file names and errors are hostile text like any other.
func TestPartialNotice(t *testing.T) {
	plans, reg := load(t, "../../testdata/report/fixture")
	q, _ := query.ParseQuarter("Q3-2025/26")
	left := []LeftOut{
		{File: "plans/a <b>x</b>.yaml", Error: "plans/a.yaml:3:1: error: unknown field `<script>alert(1)</script>` [unknown-field]"},
		{File: "plans/b.yaml", Error: "plans/b.yaml:1:1: error: a | b\n# heading [yaml]"},
	}
	r := Build(plans, reg, Options{AsOf: date("2025-12-31"), Period: q, Tolerance: DefaultTolerance, LeftOut: left})
	var md, page bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	wantMD := "# Riverside Corporate Parenting Plan 2025-2028\n\n" +
		"> **Partial report:** 2 plan files with errors are left out, so this report does not count what they hold. Run `cpp validate` for details.\n>\n" +
		"> - **plans/a &lt;b&gt;x&lt;/b&gt;.yaml**: plans/a.yaml:3:1: error: unknown field \\`&lt;script&gt;alert(1)&lt;/script&gt;\\` \\[unknown-field\\]\n" +
		"> - **plans/b.yaml**: plans/b.yaml:1:1: error: a | b \\# heading \\[yaml\\]\n\n**Quarter 3 2025/26: October to December 2025.** Report as of"
	if !strings.HasPrefix(md.String(), wantMD) {
		t.Errorf("Markdown does not open with the notice:\n%s", md.String()[:min(len(md.String()), 900)])
	}
	checkMarkdownTables(t, md.String())
	for _, want := range []string{
		"<h1>Riverside Corporate Parenting Plan 2025-2028<span class=\"period\">Quarter 3 2025/26: October to December 2025</span></h1>\n<section class=\"partial\" aria-labelledby=\"partial-report\">\n<h2 id=\"partial-report\">Partial report</h2>\n",
		"<li><strong>plans/a &lt;b&gt;x&lt;/b&gt;.yaml</strong>: plans/a.yaml:3:1: error: unknown field `&lt;script&gt;alert(1)&lt;/script&gt;` [unknown-field]</li>",
	} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>", "<b>"} {
		if strings.Contains(md.String(), bad) || strings.Contains(page.String(), bad) {
			t.Errorf("%q reached the output unescaped", bad)
		}
	}

	one := Build(plans, reg, Options{AsOf: date("2025-12-31"), Period: q, Tolerance: DefaultTolerance, LeftOut: left[1:]})
	md.Reset()
	WriteMarkdown(&md, one)
	if !strings.Contains(md.String(), "1 plan file with errors is left out, so this report does not count what it holds.") {
		t.Errorf("one file left out is not said in the singular:\n%s", md.String()[:400])
	}

	whole := Build(plans, reg, Options{AsOf: date("2025-12-31"), Period: q, Tolerance: DefaultTolerance})
	md.Reset()
	page.Reset()
	WriteMarkdown(&md, whole)
	WriteHTML(&page, whole)
	if strings.Contains(md.String(), "Partial report") || strings.Contains(page.String(), "Partial report") {
		t.Error("a whole report carries the partial notice")
	}
}

// A tolerance of 0 is a tolerance: only on target or better is green.
func TestToleranceZero(t *testing.T) {
	m := plan.Measure{Direction: "higher", Target: &plan.Observation{Value: 70},
		Observations: []plan.Observation{{Date: date("2025-06-30"), HasDate: true, Value: 69}}}
	p := &plan.Plan{ID: "x", Title: "X", Measures: []*plan.Measure{&m}}
	q, _ := query.ParseQuarter("Q4-2025")
	r := Build([]*plan.Plan{p}, plan.NewRegistry(nil), Options{AsOf: date("2025-12-31"), Period: q, Tolerance: 0})
	if got := r.Measures[0].RAG; got != plan.Red {
		t.Errorf("69 against a target of 70 with no tolerance rated %q, want red", got)
	}
}

// A note is stale by the calendar, however many days --stale-days allows.
func TestStaleDays(t *testing.T) {
	a := &plan.Action{ID: "x.1", Text: "x", Status: plan.InProgress, RAG: plan.Red,
		Updates: []plan.Update{{Date: date("2025-01-01"), Note: "n"}}}
	s := &plan.Section{ID: "x.s", Title: "S", Actions: []*plan.Action{a}}
	p := &plan.Plan{ID: "x", Title: "X", Sections: []*plan.Section{s}}
	a.Section, s.Plan = s, p
	q, _ := query.ParseQuarter("Q4-2025")
	for _, tt := range []struct {
		days  int
		stale bool
	}{{364, true}, {365, false}, {36500, false}} {
		r := Build([]*plan.Plan{p}, plan.NewRegistry(nil), Options{AsOf: date("2026-01-01"), Period: q, StaleDays: tt.days, Tolerance: DefaultTolerance})
		if len(r.Exceptions) != 1 || r.Exceptions[0].Stale != tt.stale {
			t.Errorf("stale days %d: got %+v, want stale %v", tt.days, r.Exceptions, tt.stale)
		}
	}
}

// A dropped action has a look of its own in the HTML, in words as well as style, so that it is
// not read as live work: its row muted and struck through with a boxed "dropped", and in the full
// timeline an outline bar, its words struck through and "dropped" beside it, with a key that says
// so. Status words are the same words everywhere ("not started", never "not-started").
func TestHTMLDroppedLook(t *testing.T) {
	var b bytes.Buffer
	WriteHTML(&b, fixture{dir: "../../testdata/report/fixture", asOf: "2025-12-31", detail: Full}.build(t))
	page := b.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`<tr class="dropped"><td data-label="Action">Create a participation app\. <span class="id">riverside\.<wbr>p3\.<wbr>5</span></td><td data-label="Deadline">[^<]*</td><td data-label="Progress"><span class="status status-dropped">dropped</span></td>`),
		regexp.MustCompile(`<text x="4" y="\d+" font-size="11" text-decoration="line-through" fill="#4a4a4a">Create a participation app\.<title>riverside\.p3\.5: Create a participation app\. \(1 Jan 2026 to 31 Mar 2026, dropped\)</title></text><text x="\d+" y="\d+" font-size="11">dropped</text><rect [^>]*fill="#fff" stroke="#4a4a4a" stroke-dasharray="3 2"><title>riverside\.p3\.5: [^<]*, dropped\)</title></rect>`),
		regexp.MustCompile(`<p class="key"><strong>Key:</strong>.*<span class="term">dropped</span> \(an outline; its words struck through\)</span>`),
	} {
		if !want.MatchString(page) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`(?i)>[^<]*\b(not-started|in-progress)\b[^<]*<`).FindString(visibleText([]byte(page))); m != "" {
		t.Errorf("the HTML shows a status as the YAML spells it: %q", m)
	}
	// Its row in progress by section, and in coming up (it was due next quarter).
	if n, p35 := strings.Count(page, `<tr class="dropped">`), strings.Count(page, `<tr class="dropped"><td data-label="Action">Create a participation app.`); n != 2 || p35 != 2 {
		t.Errorf("%d rows are marked dropped, %d of them riverside.p3.5's; want its 2", n, p35)
	}
}
