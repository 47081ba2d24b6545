package returns

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
)

// north is a calendar plan with every kind of action a return must sort out: open and closed,
// sub-actions with no leads of their own, two leads, no lead, a shared team, hostile text and
// lead names that no spreadsheet accepts as a sheet name.
const north = `id: north
title: North Plan
council: North Council
period: {start: 2025-01-01, end: 2027-12-31}
quarters: calendar
sections:
  - id: north.p1
    kind: priority
    title: '=HYPERLINK("http://evil.example","click")'
    measures:
      - id: north.p1.m1
        text: Placement stability
        unit: "%"
        direction: higher
        target: {value: 70}
        observations:
          - {date: 2025-06-30, value: 61.5}
          - {date: 2025-08-31, value: 64}
          - {date: 2025-11-30, value: 66}
      - id: north.p1.m2
        text: Care leavers in touch
        direction: higher
        observations:
          - {date: 2025-03-31, value: 88}
      - id: north.p1.m3
        text: Young people tell us they feel heard
      - id: north.p1.m4
        text: Children in care
        direction: context
        unit: children
    delivered_by: [Virtual School]
    actions:
      - id: north.p1.1
        text: "+SUM(A1:A9) open, in progress"
        deadline: Q3 2025
        leads: [Virtual School, "Team Manager: CLA, CSST, Family Safeguarding"]
        status: in-progress
        rag: amber
        updates:
          - {date: 2025-05-01, note: Started.}
          - {date: 2025-08-15, status: in-progress, rag: amber, note: "@cmd delayed"}
          - {date: 2025-10-20, note: Written after the return's day.}
      - id: north.p1.1a
        text: A lettered sub-action with no leads of its own.
        parent: north.p1.1
        deadline: Q4 2025
      - id: north.p1.2
        text: Done already.
        leads: [Virtual School]
        status: complete
      - id: north.p1.3
        text: Given up.
        leads: [Virtual School]
        status: dropped
      - id: north.p1.4
        text: Reviewed every year.
        deadline: Reviewed annually
        leads: ["[Health]/Education*? services: a very long name indeed for one team"]
      - id: north.p1.5
        text: Another very long name that is the same for its first thirty-one characters.
        leads: ["[Health]/Education*? services: a very long name but another team"]
      - id: north.p1.6
        text: Led by teams named like the workbook's own sheets.
        leads: [Instructions, measures, History, "'Quoted'", "Children's Services", "Esc` + "\\e" + `[2J"]
      - id: north.p1.7
        text: Integrated Care Board work.
        leads: [ICB]
  - id: north.p2
    kind: priority
    title: Unled
    actions:
      - id: north.p2.1
        text: Nobody leads this.
leads:
  - name: Virtual School
  - name: "Team Manager: CLA, CSST, Family Safeguarding"
  - name: Integrated Care Board
    aliases: [ICB]
    shared: true
`

// south is a financial plan of another council, with its own Virtual School and the shared ICB.
const south = `id: south
title: South Plan
council: South Council
period: {start: 2025-04-01, end: 2028-03-31}
quarters: financial
sections:
  - id: south.p1
    kind: priority
    title: Priority 1
    actions:
      - id: south.p1.1
        text: Southern virtual school work.
        deadline: Q3 2025
        leads: [Virtual School]
        updates:
          - {date: 2025-10-02, note: Updated in the financial Q3.}
      - id: south.p1.2
        text: ICB work in the south.
        leads: [Integrated Care Board]
`

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func loadText(t testing.TB, texts ...string) ([]*plan.Plan, *plan.Registry) {
	t.Helper()
	var plans []*plan.Plan
	var leads []*plan.Lead
	for i, text := range texts {
		f := planfile.Parse(string(rune('a'+i))+".yaml", []byte(text), planfile.Options{})
		if f.HasErrors() {
			t.Fatalf("%v", f.Diags)
		}
		plans = append(plans, f.Plan)
		leads = append(leads, f.Leads...)
	}
	return plans, plan.NewRegistry(leads)
}

func build(t testing.TB, quarter string, leads []string, texts ...string) *Return {
	t.Helper()
	plans, reg := loadText(t, texts...)
	q, err := query.ParseQuarter(quarter)
	if err != nil {
		t.Fatal(err)
	}
	return Build(plans, reg, Options{Today: day("2025-10-01"), Quarter: q, Leads: leads})
}

func ids(rows []*ActionRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Action.ID)
	}
	return strings.Join(out, " ")
}

func leadOf(r *Return, name string) *LeadReturn {
	for _, l := range r.Leads {
		if l.Name == name {
			return l
		}
	}
	return nil
}

func TestBuildRowsPerLead(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	var names []string
	for _, l := range r.Leads {
		names = append(names, l.Name)
	}
	want := []string{"'Quoted'", "[Health]/Education*? services: a very long name but another team",
		"[Health]/Education*? services: a very long name indeed for one team", "Children's Services", "Esc\x1b[2J", "History", "Instructions", "Integrated Care Board", "measures",
		"Team Manager: CLA, CSST, Family Safeguarding", "Virtual School", NoLead}
	if got := strings.Join(names, " | "); got != strings.Join(want, " | ") {
		t.Fatalf("leads:\n got %s\nwant %s", got, strings.Join(want, " | "))
	}
	// Open actions only; the sub-action answers to its parent's leads.
	if got := ids(leadOf(r, "Virtual School").Rows); got != "north.p1.1 north.p1.1a" {
		t.Errorf("Virtual School rows: %s", got)
	}
	if got := ids(leadOf(r, "Team Manager: CLA, CSST, Family Safeguarding").Rows); got != "north.p1.1 north.p1.1a" {
		t.Errorf("Team Manager rows: %s", got)
	}
	if got := ids(leadOf(r, NoLead).Rows); got != "north.p2.1" {
		t.Errorf("unled rows: %s", got)
	}
	a := leadOf(r, "Virtual School").Rows[0]
	if a.Latest == nil || a.Latest.Note != "@cmd delayed" {
		t.Errorf("latest note on 1 Oct 2025 = %+v, want the note of 15 Aug (not the one written after)", a.Latest)
	}
	if a.Updated == nil || !a.Updated.Date.Equal(day("2025-08-15")) {
		t.Errorf("update in Q3 2025 = %+v", a.Updated)
	}
	cells := a.Cells()
	if len(cells) != len(ActionHeader) {
		t.Fatalf("%d cells for %d columns", len(cells), len(ActionHeader))
	}
	wantCells := []string{"north.p1.1", "north", `=HYPERLINK("http://evil.example","click")`, "+SUM(A1:A9) open, in progress",
		"Virtual School", "Q3 2025", "2025-09-30", "In progress", "Amber", "@cmd delayed", "2025-08-15", "", "", "", "", "", ""}
	if strings.Join(cells, "|") != strings.Join(wantCells, "|") {
		t.Errorf("cells:\n got %q\nwant %q", cells, wantCells)
	}
	if c := leadOf(r, NoLead).Rows[0].Cells(); c[6] != "" || c[8] != "" || c[9] != "" {
		t.Errorf("an undated, unrated action with no notes: %q", c)
	}
	// A recurring action is due when its current occurrence is (see deadline.Schedule).
	if c := leadOf(r, "[Health]/Education*? services: a very long name indeed for one team").Rows[0].Cells(); c[6] != "2025-12-31" {
		t.Errorf("a recurring action's due: %q, want its occurrence's, 2025-12-31", c[6])
	}
}

func TestBuildTwoCouncils(t *testing.T) {
	r := build(t, "Q3-2025", nil, north, south)
	// Two councils' Virtual Schools are two teams, named with their council; the ICB is shared.
	for _, name := range []string{"Virtual School (North Council)", "Virtual School (South Council)", "Integrated Care Board"} {
		if leadOf(r, name) == nil {
			t.Errorf("no sheet for %q", name)
		}
	}
	if got := ids(leadOf(r, "Integrated Care Board").Rows); got != "north.p1.7 south.p1.2" {
		t.Errorf("shared team rows: %s", got)
	}
	// Each plan reads the quarter in its own convention.
	if p := r.Periods[1]; p.Name != "Q3 2025/26" || !p.Start.Equal(day("2025-10-01")) || !p.End.Equal(day("2025-12-31")) {
		t.Errorf("financial plan's Q3 2025: %+v", p)
	}
	if p := r.Periods[0]; p.Name != "Q3 2025" || !p.Start.Equal(day("2025-07-01")) {
		t.Errorf("calendar plan's Q3 2025: %+v", p)
	}
	s := leadOf(r, "Virtual School (South Council)").Rows[0]
	if s.Updated == nil {
		t.Errorf("an update of 2 Oct 2025 is in the financial plan's Q3 2025")
	}
}

func TestBuildLeadFilter(t *testing.T) {
	r := build(t, "Q3-2025", []string{"virtual school"}, north, south)
	var names []string
	for _, l := range r.Leads {
		names = append(names, l.Name)
	}
	// Only the teams asked for get a sheet, though north.p1.1 is also the Team Manager's.
	if got := strings.Join(names, " | "); got != "Virtual School (North Council) | Virtual School (South Council)" {
		t.Errorf("sheets: %s", got)
	}
	if len(r.Measures) != 2 {
		t.Errorf("measures of the Virtual School's section: %d, want 2", len(r.Measures))
	}
	r = build(t, "Q3-2025", []string{"ICB"}, north, south)
	if len(r.Leads) != 1 || len(r.Measures) != 0 {
		t.Errorf("--lead ICB: %d sheets, %d measures", len(r.Leads), len(r.Measures))
	}
}

// A file without a plan (practice examples, a registry of leads) is no part of a return.
func TestBuildPlansOnly(t *testing.T) {
	plans, reg := loadText(t, north)
	examples := &plan.Plan{ID: "examples"}
	r := Build([]*plan.Plan{examples, plans[0]}, reg, Options{Today: day("2025-10-01"), Quarter: query.ThisQuarter(day("2025-10-01"))})
	if len(r.Plans) != 1 || r.Plans[0] != plans[0] || len(r.Periods) != 1 {
		t.Errorf("plans %v, periods %d", r.Plans, len(r.Periods))
	}
}

func TestExpectsFigure(t *testing.T) {
	r := build(t, "Q3-2025", nil, north)
	var got []string
	for _, m := range r.Measures {
		got = append(got, m.Measure.ID)
	}
	// m3 is a sentence, m4 a context figure.
	if strings.Join(got, " ") != "north.p1.m1 north.p1.m2" {
		t.Errorf("measures that expect a figure: %v", got)
	}
	m := r.Measures[0]
	if m.Latest == nil || m.Latest.Value != 64 || m.InPeriod == nil || m.InPeriod.Value != 64 {
		t.Errorf("m1 latest %+v in period %+v", m.Latest, m.InPeriod)
	}
	if c := m.Cells(); strings.Join(c[:MeasureFillFrom], "|") != `north.p1.m1|north|=HYPERLINK("http://evil.example","click")|Placement stability|Virtual School|%|70|64|2025-08-31` {
		t.Errorf("measure cells %q", c)
	}
}

func TestMissing(t *testing.T) {
	r := build(t, "Q3-2025", nil, north, south)
	cs := r.Missing()
	got := map[string]string{}
	for _, c := range cs {
		var items []string
		for _, a := range c.Actions {
			items = append(items, a.Action.ID)
		}
		for _, m := range c.Measures {
			items = append(items, m.Measure.ID)
		}
		got[c.Name] = strings.Join(items, " ")
	}
	// p1.1 was updated in Q3; its sub-action was not. m1 has a figure for Q3; m2 has none.
	if g := got["Virtual School (North Council)"]; g != "north.p1.1a north.p1.m2" {
		t.Errorf("north's Virtual School is chased for %q", g)
	}
	if _, ok := got["Virtual School (South Council)"]; ok {
		t.Errorf("south's Virtual School updated in its Q3 2025/26, and is not chased")
	}
	if g := got[NoLead+" (North Council)"]; g != "north.p2.1" {
		t.Errorf("unled: %q", g)
	}
	if cs[len(cs)-1].Team.Lead != NoLead {
		t.Errorf("the unled come last, got %q", cs[len(cs)-1].Name)
	}
	a, m := Outstanding(cs)
	// north.p1.1a is under two teams, and counts once.
	if a != 7 || m != 1 {
		t.Errorf("outstanding: %d actions, %d measures", a, m)
	}
}

// Every lead gets a sheet name Excel accepts, unique in any case, never one of the workbook's own.
func TestSheetNames(t *testing.T) {
	n := newSheetNamer()
	long := strings.Repeat("x", 40)
	inputs := []string{
		"Virtual School", "virtual school", "VIRTUAL SCHOOL",
		"Team Manager: CLA, CSST, Family Safeguarding",
		"[Health]/Education*? services", `a\b`, "'Quoted'", "''", "   ", "",
		"Instructions", "measures", "CPP", "History",
		long, long + "y", long + "z",
		"Esc\x1b[2J and \u202eevil", "\xff\xfe bad bytes",
		strings.Repeat("😀", 20), "a" + strings.Repeat("😀", 20),
		"ends with an apostrophe that is long enough to be cut here'",
	}
	seen := map[string]bool{}
	f := excelize.NewFile()
	defer f.Close()
	for _, in := range inputs {
		name := n.name(in)
		if l := len(utf16.Encode([]rune(name))); l > MaxSheetName || l == 0 {
			t.Errorf("%q → %q: %d UTF-16 units", in, name, l)
		}
		if strings.ContainsAny(name, `[]:*?/\`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
			t.Errorf("%q → %q: a character Excel refuses", in, name)
		}
		for _, r := range name {
			if r < 0x20 || r == 0x7f || r == 0x202e || r == 0xfffd {
				t.Errorf("%q → %q: control character", in, name)
			}
		}
		k := strings.ToLower(name)
		if seen[k] || k == "instructions" || k == "measures" || k == "cpp" || k == "history" {
			t.Errorf("%q → %q: taken", in, name)
		}
		seen[k] = true
		if _, err := f.NewSheet(name); err != nil {
			t.Errorf("%q → %q: excelize refuses it: %v", in, name, err)
		}
	}
	if got := newSheetNamer().name("Team Manager: CLA, CSST, Family Safeguarding"); got != "Team Manager CLA, CSST, Family" {
		t.Errorf("cut: %q", got)
	}
	n = newSheetNamer()
	if a, b := n.name(long), n.name(long+"y"); a != strings.Repeat("x", 31) || b != strings.Repeat("x", 27)+" (2)" {
		t.Errorf("two long names: %q, %q", a, b)
	}
}

// PerLead gives each team its own return: its actions, the measures it answers for (a measure of a
// section no team delivers goes to its council's "(no lead)"), a return even for a team asked
// only for figures, and file names unique in any case and safe on every system.
func TestPerLead(t *testing.T) {
	r := build(t, "Q3-2025", nil, north, south)
	parts := r.PerLead()
	rows, files := 0, map[string]bool{}
	measures := map[string]int{}
	for _, p := range parts {
		if files[strings.ToLower(p.File)] {
			t.Errorf("two files named %q", p.File)
		}
		files[strings.ToLower(p.File)] = true
		if strings.ContainsAny(p.File, `/\:*?"<>|`) || strings.TrimSpace(p.File) != p.File {
			t.Errorf("file name %q is not safe", p.File)
		}
		for _, lr := range p.Return.Leads {
			rows += len(lr.Rows)
		}
		for _, m := range p.Return.Measures {
			measures[m.Measure.ID]++
		}
	}
	if rows != r.ActionCount() {
		t.Errorf("the parts hold %d action rows, the return %d", rows, r.ActionCount())
	}
	for _, m := range r.Measures {
		if measures[m.Measure.ID] == 0 {
			t.Errorf("measure %s is in no lead's return", m.Measure.ID)
		}
	}
	vs := ""
	for _, p := range parts {
		if p.Name == "Virtual School (North Council)" {
			vs = fmt.Sprint(len(p.Return.Leads), len(p.Return.Measures))
		}
	}
	if vs != "1 2" { // one sheet; the two measures of north.p1 that expect a figure
		t.Errorf("Virtual School (North Council): sheets and measures %q, want \"1 2\"", vs)
	}
}

func TestFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Virtual School (London Borough of Camden)", "Virtual School (London Borough of Camden)"},
		{"Team Manager: CLA/CSST", "Team Manager CLA CSST"},
		{"Adult’s Social Care", "Adult’s Social Care"},
		{"...", "Lead"},
		{"CON", "Lead CON"},
		{"Esc\x1b[2J", "Esc 2J"},
		// Windows reserves COM0-9 and LPT0-9 too, and a reserved name followed by any
		// extension ("NUL.txt", "CON. Team") is the device as well.
		{"COM5", "Lead COM5"},
		{"lpt9", "Lead lpt9"},
		{"aux.txt", "Lead aux.txt"},
		{"Con. Team", "Lead Con. Team"},
		{"Console team", "Console team"},
		{"Nulla Team", "Nulla Team"},
		// Long names are cut at a word, not in one.
		{"The Extraordinarily Long Named Multi Agency Partnership Board For Children And Young People Leavingcare Across The County",
			"The Extraordinarily Long Named Multi Agency Partnership Board For Children And Young People"},
	} {
		if got := FileName(tt.in); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFileNameFitsFileSystems checks that a long name in any script leaves room for " (99)" and
// ".xlsx" within the 255 bytes a file name may take on Linux and macOS: 100 characters of
// Japanese are 300 bytes, which the file system refused ("file name too long").
func TestFileNameFitsFileSystems(t *testing.T) {
	for _, team := range []string{
		strings.Repeat("児童福祉", 30),
		strings.Repeat("𝐓𝐞𝐚𝐦 ", 40), // letters outside the BMP: 4 bytes each
		strings.Repeat("Gwasanaethau Plant ", 10),
	} {
		got := FileName(team)
		if n := len(got + " (99).xlsx"); n > 255 {
			t.Errorf("FileName(%q) = %q: %d bytes with \" (99).xlsx\", over 255", team, got, n)
		}
		if !utf8.ValidString(got) || got == "" {
			t.Errorf("FileName(%q) = %q: not a whole name", team, got)
		}
		if !strings.HasPrefix(team, got) {
			t.Errorf("FileName(%q) = %q: not the start of the name", team, got)
		}
	}
}

// solo is the start of a one-council plan; a test adds its sections.
const solo = `id: solo
title: Solo Plan
council: Solo Council
period: {start: 2025-01-01, end: 2027-12-31}
quarters: calendar
sections:
`

// The unled actions and the unled measures of a council are one team to chase, as they are one
// return (PerLead): the chasing list names "(no lead)" once, with its council, never twice.
func TestMissingUnledIsOneTeam(t *testing.T) {
	const unled = solo + `  - id: solo.p1
    kind: priority
    title: Unled
    measures:
      - id: solo.p1.m1
        text: Care leavers in touch
        direction: higher
    actions:
      - id: solo.p1.1
        text: Nobody leads this.
`
	r := build(t, "Q3-2025", nil, unled)
	cs := r.Missing()
	if len(cs) != 1 {
		var names []string
		for _, c := range cs {
			names = append(names, fmt.Sprintf("%q (%s)", c.Name, c.Team.Council))
		}
		t.Fatalf("the chasing list has %d teams, want one: %s", len(cs), strings.Join(names, ", "))
	}
	if c := cs[0]; c.Team != (plan.Team{Lead: NoLead, Council: "Solo Council"}) || len(c.Actions) != 1 || len(c.Measures) != 1 {
		t.Errorf("unled: %+v, %d actions, %d measures", c.Team, len(c.Actions), len(c.Measures))
	}
	parts := r.PerLead()
	if len(parts) != 1 || len(parts[0].Return.Measures) != 1 {
		t.Errorf("per lead: %d parts", len(parts))
	}
}

// A measure of a section no team delivers is in its council's "(no lead)" return even when no
// action is unled: split per lead, the return leaves out nothing it asks.
func TestPerLeadUnledMeasureOnly(t *testing.T) {
	const plan = solo + `  - id: solo.p1
    kind: priority
    title: Unled measure
    measures:
      - id: solo.p1.m1
        text: Care leavers in touch
        direction: higher
  - id: solo.p2
    kind: priority
    title: Led
    actions:
      - id: solo.p2.1
        text: Led by the Virtual School.
        leads: [Virtual School]
`
	r := build(t, "Q3-2025", nil, plan)
	var got []string
	for _, p := range r.PerLead() {
		for _, m := range p.Return.Measures {
			got = append(got, p.Name+": "+m.Measure.ID)
		}
	}
	if strings.Join(got, ", ") != NoLead+": solo.p1.m1" {
		t.Errorf("the unled measure is in %q, want %q", got, NoLead+": solo.p1.m1")
	}
}

// A return's drop-downs say each status and rating in the words every other output uses,
// capitalised, in the plan's order; a rating not given is a blank cell to fill.
func TestDropDownWords(t *testing.T) {
	if got := strings.Join(StatusWords, "|"); got != "Not started|In progress|Complete|Dropped" {
		t.Errorf("StatusWords = %s", got)
	}
	if got := strings.Join(RAGWords, "|"); got != "Green|Amber|Red" {
		t.Errorf("RAGWords = %s", got)
	}
	if StatusWord(plan.InProgress) != "In progress" || RAGWord(plan.Amber) != "Amber" || RAGWord("") != "" {
		t.Errorf("StatusWord/RAGWord: %q %q %q", StatusWord(plan.InProgress), RAGWord(plan.Amber), RAGWord(""))
	}
}
