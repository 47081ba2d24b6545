package plandiff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

func TestWords(t *testing.T) {
	tests := []struct {
		from, to string
		want     string
	}{
		{"Create a peer mentoring programme.", "Create a peer mentoring programme.", "Create a peer mentoring programme."},
		{"Create a peer mentoring programme.", "Create and run a peer mentoring scheme.", "Create {+and run+} a peer mentoring [-programme.-]{+scheme.+}"},
		{"", "New words", "{+New words+}"},
		{"Old words", "", "[-Old words-]"},
		{"a  b\nc", "a b c", "a b c"},
		{"one two three", "three two one", "{+three two+} one [-two three-]"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for i, s := range Words(tt.from, tt.to) {
			if i > 0 {
				b.WriteString(" ")
			}
			switch s.Op {
			case Deleted:
				b.WriteString("[-" + s.Text + "-]")
			case Inserted:
				b.WriteString("{+" + s.Text + "+}")
			default:
				b.WriteString(s.Text)
			}
		}
		got := strings.ReplaceAll(b.String(), "-] {+", "-]{+")
		if got != tt.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

const before = `id: demo
title: Demo plan
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
quarters: calendar
leads:
  - name: Integrated Care Board
    aliases: [ICB]
sections:
  - id: demo.p1
    kind: priority
    title: Homes
    measures:
      - id: demo.p1.m1
        text: Children with three or more moves
        unit: "%"
        direction: lower
        target: {value: 10}
    actions:
      - id: demo.p1.1
        text: Create a peer mentoring programme.
        deadline: Q3 2025
        leads: [Corporate Parenting]
      - id: demo.p1.2
        text: Publish the sufficiency strategy.
        deadline: Q4 2025
        leads: [ICB]
      - id: demo.p1.3
        text: Review health assessments.
        deadline: Q2 2025
        status: in-progress
        rag: amber
        leads: [ICB]
      - id: demo.p1.4
        text: Run a summer festival.
        deadline: September 2025
      - id: demo.p1.5
        text: Hold a celebration event every year.
        deadline: Reviewed annually
      - id: demo.p1.6
        text: Open the hub.
        deadline: Q4 2026
`

const after = `id: demo
title: Demo plan
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
quarters: calendar
leads:
  - name: Integrated Care Board
    aliases: [ICB]
sections:
  - id: demo.p1
    kind: priority
    title: Homes
    measures:
      - id: demo.p1.m1
        text: Children with three or more moves
        unit: "%"
        direction: lower
        target: {value: 8}
    actions:
      - id: demo.p1.1
        text: Create a peer mentoring programme.
        deadline: Q1 2026
        leads: [Corporate Parenting]
      - id: demo.p1.2
        text: Publish the sufficiency strategy.
        deadline: December 2025
        leads: [Integrated Care Board]
      - id: demo.p1.3
        text: Review initial health assessments.
        deadline: Q2 2025
        status: dropped
        rag: red
        leads: [ICB, Virtual School]
        updates:
          - {date: 2025-07-01, note: Stopped; merged with the health plan.}
      - id: demo.p1.festival
        text: Run a summer festival.
        deadline: September 2025
      - id: demo.p1.6
        text: Open the hub.
        deadline: Q1 2027
      - id: demo.p1.7
        text: Start a care leavers' forum.
        deadline: Q2 2026
  - id: demo.p2
    kind: priority
    title: Work
`

func load(t *testing.T, name, src string) (*plan.Plan, *plan.Registry) {
	t.Helper()
	f := planfile.Parse(name, []byte(src), planfile.Options{})
	if f.HasErrors() {
		d, _ := f.FirstError()
		t.Fatalf("%s: %s", name, d.OneLine())
	}
	return f.Plan, plan.NewRegistry(f.Leads)
}

func TestCompare(t *testing.T) {
	a, ra := load(t, "before.yaml", before)
	b, rb := load(t, "after.yaml", after)
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb})

	var got []string
	for _, c := range d.Actions {
		got = append(got, string(c.Kind)+" "+c.ID+": "+c.Describe())
	}
	want := []string{
		"changed demo.p1.1: deadline Q3 2025 → Q1 2026 (slipped 182 days)",
		"changed demo.p1.2: deadline Q4 2025 → December 2025 (same date, reworded)",
		"changed demo.p1.3: text edited; status in-progress → dropped; rag amber → red; leads ICB → ICB, Virtual School; 1 progress update added",
		"renamed demo.p1.festival: renamed from demo.p1.4",
		"removed demo.p1.5: action removed: Hold a celebration event every year.",
		"changed demo.p1.6: deadline Q4 2026 → Q1 2027 (slipped 90 days, after the plan ends on 31 Dec 2026)",
		"added demo.p1.7: action added: Start a care leavers' forum.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if len(d.Sections) != 1 || d.Sections[0].ID != "demo.p2" || d.Sections[0].Kind != Added {
		t.Errorf("sections = %+v, want demo.p2 added", d.Sections)
	}
	if len(d.Measures) != 1 || d.Measures[0].Fields[0].Name != "target" || d.Measures[0].Fields[0].From != "10%" || d.Measures[0].Fields[0].To != "8%" {
		t.Errorf("measures = %+v, want the target 10%% → 8%%", d.Measures)
	}
	if len(d.Plans) != 0 {
		t.Errorf("plans = %+v, want none", d.Plans)
	}

	triggers := func(kinds ...string) []string {
		var ids []string
		for _, tr := range d.Triggers(kinds) {
			ids = append(ids, tr.Kind+":"+tr.ID)
		}
		return ids
	}
	for _, tt := range []struct {
		kinds []string
		want  []string
	}{
		{[]string{"slip"}, []string{"slip:demo.p1.1", "slip:demo.p1.6"}},
		{[]string{"after-end"}, []string{"after-end:demo.p1.6"}},
		{[]string{"removed", "dropped"}, []string{"dropped:demo.p1.3", "removed:demo.p1.5"}},
		{[]string{"lead"}, []string{"lead:demo.p1.3"}},
		{[]string{"target"}, []string{"target:demo.p1.m1"}},
		{[]string{"earlier"}, nil},
		{[]string{"any"}, []string{"added:demo.p2", "deadline:demo.p1.1", "deadline:demo.p1.2", "text:demo.p1.3", "renamed:demo.p1.festival", "removed:demo.p1.5", "deadline:demo.p1.6", "added:demo.p1.7", "measure:demo.p1.m1"}},
	} {
		if got := triggers(tt.kinds...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Triggers(%v) = %v, want %v", tt.kinds, got, tt.want)
		}
	}

	if same := Compare([]*plan.Plan{a}, []*plan.Plan{a}, Options{}); len(same.Plans)+len(same.Sections)+len(same.Actions)+len(same.Measures) != 0 {
		t.Errorf("a plan compared with itself has changes: %+v", same)
	}
}

func TestComparePlansAddedAndRemoved(t *testing.T) {
	a, _ := load(t, "before.yaml", before)
	b, _ := load(t, "after.yaml", strings.Replace(after, "id: demo\n", "id: other\n", 1))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{})
	var got []string
	for _, c := range d.Plans {
		got = append(got, string(c.Kind)+" "+c.ID)
	}
	if want := []string{"removed demo", "added other"}; !reflect.DeepEqual(got, want) {
		t.Errorf("plans = %v, want %v", got, want)
	}
}

func TestDeadlineMovement(t *testing.T) {
	a, _ := load(t, "before.yaml", before)
	b, _ := load(t, "after.yaml", strings.NewReplacer("deadline: Q3 2025", "deadline: Ongoing", "deadline: Q4 2025", "deadline: Q2 2025").Replace(before))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{})
	var got []string
	for _, c := range d.Actions {
		got = append(got, c.ID+" "+c.Deadline.Movement()+" "+strings.Join(c.Kinds(), ","))
	}
	want := []string{
		"demo.p1.1 no longer dated deadline,slip",
		"demo.p1.2 brought forward 184 days deadline,earlier",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A deadline rewritten so that cpp cannot place it ("Q3 2025 subject to funding") is said to be
// not understood, not "no longer dated" as if it were now Ongoing or TBC; and one rewritten from
// not understood to a date is now understood.
func TestDeadlineNotUnderstood(t *testing.T) {
	a, _ := load(t, "before.yaml", before)
	b, _ := load(t, "after.yaml", strings.NewReplacer("deadline: Q3 2025", "deadline: Q3 2025 subject to funding", "deadline: Q4 2025", "deadline: Ongoing").Replace(before))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{})
	var got []string
	for _, c := range d.Actions {
		got = append(got, fmt.Sprintf("%s %s %v %v", c.ID, c.Deadline.Movement(), c.Deadline.FromNotUnderstood, c.Deadline.ToNotUnderstood))
	}
	want := []string{
		"demo.p1.1 not understood: cpp cannot place it in time false true",
		"demo.p1.2 no longer dated false false",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	d = Compare([]*plan.Plan{b}, []*plan.Plan{a}, Options{})
	if c := d.Actions[0]; c.Deadline.Movement() != "now understood and dated" || !c.Deadline.FromNotUnderstood || c.Deadline.ToNotUnderstood {
		t.Errorf("back: %s %+v", c.Deadline.Movement(), c.Deadline)
	}
}

// TestRenumberAndDuplicates: actions renumbered after a deletion, and two actions with the same
// text renamed in place, read as what happened, not as slips.
func TestRenumberAndDuplicates(t *testing.T) {
	const head = "id: demo\ntitle: Demo\ncouncil: Demo Council\nperiod: {start: 2025-01-01, end: 2026-12-31}\nquarters: calendar\nsections:\n  - id: demo.p1\n    kind: priority\n    title: Homes\n    actions:\n"
	act := func(id, text, deadline string) string {
		return "      - {id: " + id + ", text: " + text + ", deadline: " + deadline + "}\n"
	}
	describe := func(d *Diff) []string {
		var got []string
		for _, c := range d.Actions {
			got = append(got, c.ID+": "+c.Describe())
		}
		return got
	}
	a, _ := load(t, "a.yaml", head+act("demo.p1.1", "First thing.", "Q1 2025")+act("demo.p1.2", "Second thing.", "Q2 2025")+act("demo.p1.3", "Third thing.", "Q4 2025"))
	b, _ := load(t, "b.yaml", head+act("demo.p1.1", "First thing.", "Q1 2025")+act("demo.p1.2", "Third thing.", "Q4 2025"))
	got := describe(Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{}))
	want := []string{"demo.p1.2: renamed from demo.p1.3", "demo.p1.2: action removed: Second thing."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("renumbered:\n got %q\nwant %q", got, want)
	}

	a, _ = load(t, "a.yaml", head+act("demo.p1.1", "Same text.", "Q1 2025")+act("demo.p1.2", "Same text.", "Q3 2025"))
	b, _ = load(t, "b.yaml", head+act("demo.p1.9", "Same text.", "Q1 2025")+act("demo.p1.3", "Same text.", "Q3 2025"))
	got = describe(Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{}))
	want = []string{"demo.p1.9: renamed from demo.p1.1", "demo.p1.3: renamed from demo.p1.2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("duplicate texts:\n got %q\nwant %q", got, want)
	}

	// Case and spacing in a deadline are not a change; a section renamed and nothing else is
	// only "renamed".
	a, _ = load(t, "a.yaml", head+act("demo.p1.1", "First thing.", "Ongoing"))
	b, _ = load(t, "b.yaml", strings.Replace(head, "demo.p1\n", "demo.homes\n", 1)+act("demo.p1.1", "First thing.", "ongoing"))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{})
	if len(d.Actions) != 1 || d.Actions[0].Deadline != nil {
		t.Errorf("actions = %q, want only the section move", describe(d))
	}
	if tr := d.Triggers([]string{"deadline"}); len(tr) != 0 {
		t.Errorf("--fail-on deadline fired on a change of case: %+v", tr)
	}
	if tr := d.Triggers([]string{"renamed"}); len(tr) != 1 || tr[0].ID != "demo.homes" {
		t.Errorf("renamed triggers = %+v, want the section", tr)
	}
	for _, tr := range d.Triggers([]string{"section"}) {
		if tr.ID == "demo.homes" {
			t.Errorf("a section renamed and nothing else fired --fail-on section")
		}
	}
}

// TestResolvedValues: what a deadline or a lead means can change while it is written the same;
// each action it changes is reported, with a note saying why.
func TestResolvedValues(t *testing.T) {
	a, ra := load(t, "before.yaml", before)
	tests := []struct {
		name    string
		after   string
		then    bool // read both sides through the old registry once more, as history does
		want    []string
		trigger []string
	}{
		{
			name:  "quarter convention",
			after: strings.Replace(before, "quarters: calendar", "quarters: financial", 1),
			want: []string{
				"demo.p1.1: deadline Q3 2025 → Q3 2025 (slipped 92 days; quarters: calendar → financial)",
				"demo.p1.2: deadline Q4 2025 → Q4 2025 (slipped 90 days; quarters: calendar → financial)",
				"demo.p1.3: deadline Q2 2025 → Q2 2025 (slipped 92 days; quarters: calendar → financial)",
				"demo.p1.6: deadline Q4 2026 → Q4 2026 (slipped 90 days, after the plan ends on 31 Dec 2026; quarters: calendar → financial)",
			},
			trigger: []string{"slip"},
		},
		{
			name:  "quarter convention and a rewritten deadline",
			after: strings.NewReplacer("quarters: calendar", "quarters: financial", "deadline: Q3 2025", "deadline: Q2 2025", "deadline: Q4 2025", "deadline: December 2025", "deadline: Q2 2025\n        status", "deadline: 2025-06-30\n        status", "deadline: Q4 2026", "deadline: December 2026").Replace(before),
			want: []string{
				"demo.p1.1: deadline Q3 2025 → Q2 2025 (same date, reworded; quarters: calendar → financial)",
				"demo.p1.2: deadline Q4 2025 → December 2025 (same date, reworded)",
				"demo.p1.3: deadline Q2 2025 → 2025-06-30 (same date, reworded)",
				"demo.p1.6: deadline Q4 2026 → December 2026 (same date, reworded)",
			},
			trigger: []string{"deadline"},
		},
		{
			name:  "alias moved to another lead",
			after: strings.Replace(before, "  - name: Integrated Care Board\n    aliases: [ICB]\n", "  - name: Integrated Care Board\n  - name: Health Partnership\n    aliases: [ICB]\n", 1),
			want: []string{
				"demo.p1.2: leads Integrated Care Board → Health Partnership (lead registry: ICB was Integrated Care Board, now Health Partnership)",
				"demo.p1.3: leads Integrated Care Board → Health Partnership (lead registry: ICB was Integrated Care Board, now Health Partnership)",
			},
			trigger: []string{"lead"},
		},
		{
			name:  "alias moved, both read through a registry that calls them one",
			after: strings.Replace(before, "  - name: Integrated Care Board\n    aliases: [ICB]\n", "  - name: Integrated Care Board\n  - name: ICB\n", 1),
			then:  true,
		},
		{
			name:  "alias added for a spelling already used",
			after: strings.Replace(before, "aliases: [ICB]", "aliases: [ICB, NHS ICB]", 1),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, rb := load(t, "after.yaml", tt.after)
			opts := Options{OldLeads: ra, NewLeads: rb}
			if tt.then {
				opts.Then = ra
			}
			d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, opts)
			var got, ids []string
			for _, c := range d.Actions {
				got = append(got, c.ID+": "+c.Describe())
				ids = append(ids, c.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("actions:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			if tt.trigger != nil {
				var fired []string
				for _, tr := range d.Triggers(tt.trigger) {
					fired = append(fired, tr.ID)
				}
				if !reflect.DeepEqual(fired, ids) {
					t.Errorf("--fail-on %v fired for %v, want every changed action %v", tt.trigger, fired, ids)
				}
			}
		})
	}
}

// A sub-action with no leads of its own answers to its parent's: when the parent's leads change,
// so do the sub-action's, and the lead gate fires for both.
func TestSubActionLeadsFollowParent(t *testing.T) {
	const src = `id: sub
title: Sub-actions
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
leads:
  - name: Fostering
  - name: Commissioning
sections:
  - id: sub.p1
    kind: priority
    title: Homes
    actions:
      - {id: sub.1, text: Recruit carers., leads: [Fostering]}
      - {id: sub.1a, text: Run a campaign., parent: sub.1}
`
	a, ra := load(t, "before.yaml", src)
	b, rb := load(t, "after.yaml", strings.Replace(src, "leads: [Fostering]", "leads: [Commissioning]", 1))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb})
	var got []string
	for _, c := range d.Actions {
		got = append(got, c.ID+": "+c.Describe())
	}
	want := []string{"sub.1: leads Fostering → Commissioning", "sub.1a: leads Fostering → Commissioning"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if fired := d.Triggers([]string{"lead"}); len(fired) != 2 {
		t.Errorf("--fail-on lead fired %d times, want 2", len(fired))
	}
}

// A recurring deadline's start (from:) and an update's evidence are part of what an action says.
func TestFromAndEvidence(t *testing.T) {
	const src = `id: rec
title: Recurring
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
sections:
  - id: rec.p1
    kind: priority
    title: Reviews
    actions:
      - id: rec.1
        text: Review the local offer.
        deadline: annually
        from: 2025-04-01
        updates:
          - {date: 2025-06-30, note: Reviewed., evidence: minutes}
`
	a, ra := load(t, "before.yaml", src)
	b, rb := load(t, "after.yaml", strings.NewReplacer("from: 2025-04-01", "from: 2025-09-01", "evidence: minutes", "evidence: board minutes").Replace(src))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb})
	if len(d.Actions) != 1 {
		t.Fatalf("%d changes, want 1", len(d.Actions))
	}
	c := d.Actions[0]
	if got := c.Describe(); !strings.Contains(got, "from 2025-04-01 → 2025-09-01") {
		t.Errorf("change = %q, want the from: date", got)
	}
	if len(c.NewUpdates) != 1 || len(c.LostUpdates) != 1 {
		t.Errorf("updates added %d, removed %d; want the rewritten evidence as one of each", len(c.NewUpdates), len(c.LostUpdates))
	}
	if fired := d.Triggers([]string{"deadline"}); len(fired) != 1 {
		t.Errorf("--fail-on deadline fired %d times for a moved from:, want 1", len(fired))
	}
}

// An update newly shared with young people (share:, or a for_young_people: text) changes what
// the young people's report shows, so the diff says so, as it does for a rewritten note: the
// diff and planedit ask the one rule of what makes two updates the same (plan.Update.Same).
func TestUpdateSharedWithYoungPeople(t *testing.T) {
	const src = `id: yp
title: Shared
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
sections:
  - id: yp.p1
    kind: priority
    title: Reviews
    actions:
      - id: yp.1
        text: Review the local offer.
        deadline: Q3 2025
        updates:
          - {date: 2025-06-30, note: Reviewed.}
`
	a, ra := load(t, "before.yaml", src)
	for _, edit := range []string{"note: Reviewed., share: young-people", "note: Reviewed., for_young_people: We looked at it again."} {
		b, rb := load(t, "after.yaml", strings.Replace(src, "note: Reviewed.", edit, 1))
		d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb})
		if len(d.Actions) != 1 || len(d.Actions[0].NewUpdates) != 1 || len(d.Actions[0].LostUpdates) != 1 {
			t.Errorf("%s: %d action changes (%+v); want the update as rewritten", edit, len(d.Actions), d.Actions)
		}
	}
	b, rb := load(t, "after.yaml", strings.Replace(src, "note: Reviewed.", "note: '  Reviewed. '", 1))
	if d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb}); len(d.Actions) != 0 {
		t.Errorf("a change of spacing in a note is a change: %+v", d.Actions)
	}
}

// What young people read as an action or a promise (plain:), and what they told the council
// (you_said:), are part of what the plan says: a rewrite of them is a change, as a rewrite of
// the text is.
func TestPlainWords(t *testing.T) {
	const src = `id: yp
title: Plain
council: Demo Council
period: {start: 2025-01-01, end: 2026-12-31}
sections:
  - id: yp.p1
    kind: priority
    title: Homes
    promise: We will secure suitable accommodation.
    plain: We will help you find a good home.
    you_said: [We want to live near our friends.]
    actions:
      - id: yp.1
        text: Commission supported lodgings.
        plain: We will find more families you can live with.
        deadline: Q3 2025
`
	a, ra := load(t, "before.yaml", src)
	b, rb := load(t, "after.yaml", strings.NewReplacer("a good home.", "a safe home.", "families you can", "people you can", "near our friends", "near our school").Replace(src))
	d := Compare([]*plan.Plan{a}, []*plan.Plan{b}, Options{OldLeads: ra, NewLeads: rb})
	var got []string
	for _, c := range d.Sections {
		for _, f := range c.Fields {
			got = append(got, c.ID+" "+f.Name+": "+f.From+" → "+f.To)
		}
	}
	for _, c := range d.Actions {
		for _, f := range c.Fields {
			got = append(got, c.ID+" "+f.Name+": "+f.From+" → "+f.To)
		}
		got = append(got, c.ID+" is "+strings.Join(c.Kinds(), ","))
	}
	want := []string{
		"yp.p1 plain: We will help you find a good home. → We will help you find a safe home.",
		"yp.p1 you-said: We want to live near our friends. → We want to live near our school.",
		"yp.1 plain: We will find more families you can live with. → We will find more people you can live with.",
		"yp.1 is text",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
