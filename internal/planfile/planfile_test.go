package planfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
)

const small = `id: t
title: Test plan
council: Test Council
period: {start: 2025-04-01, end: 2028-03-31}
quarters: financial
sections:
  - id: t.p1
    kind: pledge
    title: Pledge 1
    delivered_by: [Virtual School]
    actions:
      - id: t.p1.1
        text: Do the thing.
        deadline: Q3 2025
        leads: [Virtual School, "Team Manager: Life Chances"]
        status: in-progress
        rag: amber
        updates:
          - {date: 2025-09-01, status: in-progress, rag: amber, note: Started.}
      - id: t.p1.2
        outcomes: [Young people are heard.]
    measures:
      - id: t.p1.m1
        text: Care leavers in EET
        unit: "%"
        direction: higher
        target: {value: 70}
        observations:
          - {date: 2024-12-31, value: 55.5, source: SSDA903}
leads:
  - name: Virtual School
    aliases: [VS]
`

func TestParseSmallPlan(t *testing.T) {
	f := Parse("t.yaml", []byte(small), Options{})
	if len(f.Diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", f.Diags)
	}
	p := f.Plan
	if p.ID != "t" || p.Quarters != deadline.Financial || len(p.Sections) != 1 {
		t.Fatalf("plan = %+v", p)
	}
	if !p.Period.End.Equal(time.Date(2028, 3, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("period end = %v", p.Period.End)
	}
	a := p.Sections[0].Actions[0]
	if a.Status != plan.InProgress || a.RAG != plan.Amber {
		t.Errorf("status, rag = %q, %q; want in-progress, amber (case and spaces forgiven)", a.Status, a.RAG)
	}
	// Financial plan: Q3 2025 is October to December 2025.
	if due, ok := a.Due(); !ok || due.Format("2006-01-02") != "2025-12-31" {
		t.Errorf("due = %v, %v", due, ok)
	}
	if got := a.EffectiveLeads(); len(got) != 2 || got[1] != "Team Manager: Life Chances" {
		t.Errorf("leads = %q", got)
	}
	b := p.Sections[0].Actions[1]
	if b.Label() != "Young people are heard." || b.HasDeadline {
		t.Errorf("outcome-only action: label %q, has deadline %v", b.Label(), b.HasDeadline)
	}
	if got := b.EffectiveLeads(); len(got) != 1 || got[0] != "Virtual School" {
		t.Errorf("an action with no leads takes its section's delivered_by, got %q", got)
	}
	m := p.Sections[0].Measures[0]
	if m.Target == nil || m.Target.Value != 70 || len(m.Observations) != 1 || m.Observations[0].Value != 55.5 {
		t.Errorf("measure = %+v", m)
	}
	if len(f.Leads) != 1 || f.Leads[0].Aliases[0] != "VS" {
		t.Errorf("leads = %+v", f.Leads)
	}
}

func TestPositions(t *testing.T) {
	f := Parse("t.yaml", []byte(small), Options{})
	a := f.Plan.Sections[0].Actions[0]
	tests := []struct {
		key       string
		line, col int
	}{
		{"id", 12, 13},
		{"deadline", 14, 19},
		{"leads.0", 15, 17},
		{"leads.1", 15, 33},
		{"status", 16, 17},
	}
	for _, tt := range tests {
		p, ok := a.At.Of(tt.key)
		if !ok || p.Line != tt.line || p.Col != tt.col {
			t.Errorf("position of %s = %v (found %v), want %d:%d", tt.key, p, ok, tt.line, tt.col)
		}
	}
	if a.Pos != (plan.Pos{Line: 12, Col: 9}) {
		t.Errorf("action position = %v", a.Pos)
	}
}

// Officers edit on Windows: a byte-order mark and CRLF line endings are valid and change no
// positions.
func TestBOMAndCRLF(t *testing.T) {
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(small, "\n", "\r\n")
	f := Parse("w.yaml", []byte(crlf), Options{})
	if len(f.Diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", f.Diags)
	}
	a := f.Plan.Sections[0].Actions[0]
	if p, _ := a.At.Of("deadline"); p != (plan.Pos{Line: 14, Col: 19}) {
		t.Errorf("deadline position = %v, want 14:19", p)
	}
	if a.Text != "Do the thing." {
		t.Errorf("text = %q: a carriage return leaked into a value", a.Text)
	}
}

func TestBadInput(t *testing.T) {
	// A billion laughs: each level repeats the one before ten times.
	bomb := "id: x\nsource:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 40; i++ {
		bomb += fmt.Sprintf("  - &a%d [%s]\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
	}
	bomb += "sections: *a39\n"
	tests := []struct {
		name, input, rule string
		line              int
	}{
		{"empty", "", "empty", 0},
		{"only spaces", "  \n\n", "empty", 0},
		{"only a comment", "# nothing here\n", "empty", 0},
		{"tab indentation", "id: x\n\ttitle: y\n", "syntax", 2},
		{"unclosed quote", "id: x\ntitle: \"y\n", "syntax", 2},
		{"unclosed bracket", "id: x\nleads: [a, b\n", "syntax", 0},
		{"invalid utf-8", "id: x\ntitle: \xff\n", "encoding", 2},
		{"binary", "\x89PNG\r\n\x1a\n\x00", "encoding", 1},
		{"NUL byte", "id: x\x00\n", "encoding", 1},
		{"a list", "- a\n- b\n", "type", 1},
		{"a word", "hello\n", "type", 1},
		{"alias", "id: &i x\ntitle: *i\n", "alias", 2},
		{"anchor", "id: &i x\n", "alias", 1},
		{"merge key", "id: x\n<<: {title: y}\n", "alias", 2},
		{"alias bomb", bomb, "alias", 0},
		{"unknown key", "id: x\ntitel: y\n", "unknown-field", 2},
		{"section not a list", "id: x\ntitle: t\ncouncil: c\nperiod: {start: 2025-01-01, end: 2026-01-01}\nsections: nope\n", "type", 5},
		{"period backwards", "id: x\ntitle: t\ncouncil: c\nperiod: {start: 2026-01-01, end: 2025-01-01}\nsections: []\n", "period", 4},
		{"number as key", "1: x\n", "unknown-field", 1},
		{"mapping as key", "? {a: b}\n: c\n", "type", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			f := Parse("bad.yaml", []byte(tt.input), Options{})
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			d, ok := f.FirstError()
			if !ok {
				t.Fatalf("no error for %q; diagnostics: %v", tt.input, f.Diags)
			}
			found := false
			for _, d := range f.Diags {
				if d.Rule == tt.rule && (tt.line == 0 || d.Line == tt.line) {
					found = true
				}
				if strings.Contains(d.Message, "\n") || strings.Contains(d.Hint, "\n") {
					t.Errorf("diagnostic is not one line: %q", d.Message)
				}
			}
			if !found {
				t.Errorf("no [%s] diagnostic at line %d; first error: %s", tt.rule, tt.line, d.OneLine())
			}
		})
	}
}

func TestLoadRefusesHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := Load(path, Options{})
	d, ok := got.FirstError()
	if !ok || d.Rule != "size" || !strings.Contains(d.Message, "50.0 MB") {
		t.Fatalf("got %v", got.Diags)
	}
}

func TestExpandMissingPath(t *testing.T) {
	_, ds := Expand([]string{filepath.Join(t.TempDir(), "nope")})
	if len(ds) != 1 || ds[0].Severity != diag.Error || ds[0].Message != "no such file or directory" {
		t.Fatalf("got %v", ds)
	}
}

func TestExpandFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.yaml", "a.yml", "notes.txt", ".hidden/c.yaml", "sub/d.yaml"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x: 1\n"), 0o644)
	}
	files, ds := Expand([]string{dir})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	var names []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		names = append(names, rel)
	}
	if got := strings.Join(names, ","); got != "a.yml,b.yaml,sub/d.yaml" {
		t.Errorf("files = %s", got)
	}
}

func TestFindPlansDir(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "plans", "sub")
	os.MkdirAll(deep, 0o755)
	if got, ok := FindPlansDir(deep); !ok || got != filepath.Join(root, "plans") {
		t.Errorf("from inside plans/: %q %v", got, ok)
	}
	if _, ok := FindPlansDir(t.TempDir()); ok {
		t.Errorf("found a plans folder where there is none")
	}
}

// Everything in a file is read: a second YAML document is an error at the marker that starts it,
// whatever follows; a single document may start with `---` or end with `...`.
func TestDocuments(t *testing.T) {
	lines := strings.Count(small, "\n")
	after := lines + 1 // the line just after small
	tests := []struct {
		name, input string
		line        int // 0: no multiple-documents error
	}{
		{"one document", small, 0},
		{"leading marker", "---\n" + small, 0},
		{"comment before leading marker", "# plan\n---\n" + small, 0},
		{"end marker", small + "...\n", 0},
		{"end marker and a comment", small + "...\n# the end\n", 0},
		{"second document", small + "---\nid: u\ntitle: another\n", after},
		{"second document, invalid YAML", small + "---\n  - [not valid\n", after},
		{"second document after a comment on the marker line", small + "--- # more\nid: u\n", after},
		{"empty second document", small + "---\n", after},
		{"leading marker and a second document", "---\n" + small + "---\nid: u\n", after + 1},
		{"content after an end marker", small + "...\nid: u\n", after},
		{"content after an end marker, invalid YAML", small + "...\n[\n", after},
		{"CRLF", strings.ReplaceAll(small+"---\nid: u\n", "\n", "\r\n"), after},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse("d.yaml", []byte(tt.input), Options{})
			var got []diag.Diagnostic
			for _, d := range f.Diags {
				if d.Rule == "multiple-documents" {
					got = append(got, d)
				} else {
					t.Errorf("unexpected diagnostic: %s", d.OneLine())
				}
			}
			if tt.line == 0 {
				if len(got) != 0 {
					t.Fatalf("got %v, want no multiple-documents error", got)
				}
				return
			}
			if len(got) != 1 || got[0].Line != tt.line || got[0].Col != 1 || got[0].Severity != diag.Error || got[0].Hint == "" {
				t.Fatalf("got %v, want one multiple-documents error at %d:1 with a hint", got, tt.line)
			}
			if f.Plan == nil || f.Plan.ID != "t" {
				t.Errorf("the first document was not read: plan = %v", f.Plan)
			}
		})
	}
}

// Problems in the text and syntax errors are reported where they are, not at 1:1, and not on the
// line before (yaml.v3 counts parser errors' lines from zero).
func TestBadTextPositions(t *testing.T) {
	tests := []struct {
		name, input, rule string
		line, col         int
	}{
		{"vertical tab", "id: x\ntitle: y\ncouncil: a\vb\n", "encoding", 3, 11},
		{"escape", "id: x\ntitle: \x1b[31mred\n", "encoding", 2, 8},
		{"delete", "id: x\n\x7f: y\n", "encoding", 2, 1},
		{"C1 control after a multi-byte letter", "id: x\ntitle: café\u0080\n", "encoding", 2, 12},
		{"noncharacter", "id: x\ntitle: \uffff\n", "encoding", 2, 8},
		{"control after CRLF lines", "id: x\r\ntitle: y\r\ncouncil: \x01\r\n", "encoding", 3, 10},
		{"unclosed flow list", "id: x\nleads: [a, b\n", "syntax", 2, 8},
		{"unclosed flow mapping", "id: x\nsections:\n  - id: a\n    actions: [\n      {id: b, text: c\n", "syntax", 5, 7},
		{"sequence item in a mapping", "id: x\ntitle: y\n- z\n", "syntax", 3, 1},
		{"bad indentation", "a:\n  b: c\n d: e\n", "syntax", 3, 2},
		{"undefined tag handle", "id: x\ntitle: !foo!bar y\n", "syntax", 2, 8},
		{"reserved character on line 1", "title: @foo\n", "syntax", 1, 8},
		{"reserved character", "id: x\ntitle: `foo`\n", "syntax", 2, 8},
		{"colon in a value", "id: x\ntitle: Team Manager: Life Chances\n", "syntax", 2, 20},
		{"unclosed quote", "id: x\ntitle: \"y\n", "syntax", 2, 8},
		{"undefined alias", "id: x\ntitle: *nope\n", "alias", 2, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse("bad.yaml", []byte(tt.input), Options{})
			d, ok := f.FirstError()
			if !ok {
				t.Fatalf("no error; diagnostics: %v", f.Diags)
			}
			if d.Rule != tt.rule || d.Line != tt.line || d.Col != tt.col {
				t.Errorf("got %s, want [%s] at %d:%d", d.OneLine(), tt.rule, tt.line, tt.col)
			}
		})
	}
}

func TestIsDropping(t *testing.T) {
	for name, want := range map[string]bool{
		"camden.yaml": false, "camden-2025.yml": false, "x#y.yaml": false, "a~b.yaml": false,
		".#camden.yaml": true, "._camden.yaml": true, "camden.yaml~": true, "#camden.yaml#": true,
		".~lock.camden.yaml#": true,
	} {
		if got := IsDropping(name); got != want {
			t.Errorf("IsDropping(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestExpandNamesEachFileOnce: however a file is named, through a folder, a symlink, a hard
// link, or two spellings of its path, it is listed once, by the first name given.
func TestExpandNamesEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte("x: 1\n"), 0o644)
	os.WriteFile(b, []byte("x: 1\n"), 0o644) // the same bytes, another file: kept
	if err := os.Symlink("a.yaml", filepath.Join(dir, "c.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Link(a, filepath.Join(dir, "d.yaml")); err != nil {
		t.Skip("no hard links here:", err)
	}
	files, ds := Expand([]string{filepath.Join(dir, "c.yaml"), dir, filepath.Join(dir, ".", "a.yaml"), dir + "/"})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	want := []string{filepath.Join(dir, "c.yaml"), b}
	if strings.Join(files, ",") != strings.Join(want, ",") {
		t.Errorf("files = %v, want %v", files, want)
	}
	if ctx := Context([]string{filepath.Join(dir, "d.yaml")}); len(ctx) != 0 {
		t.Errorf("Context = %v: no plans/ folder, nothing to add", ctx)
	}
}

// TestLoadReadsRegularFilesOnly: a named pipe is refused without waiting for a writer.
func TestLoadReadsRegularFilesOnly(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan *File)
	go func() { done <- Load(fifo, Options{}) }()
	select {
	case f := <-done:
		if d, ok := f.FirstError(); !ok || d.Message != "is a named pipe (FIFO), not a plan file" {
			t.Errorf("Load(fifo) = %v", f.Diags)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load waited on a named pipe")
	}
}

// cpp update --evidence and a return's Evidence column record what shows the progress (a report,
// a link) with the dated update it supports.
func TestUpdateEvidence(t *testing.T) {
	src := strings.Replace(small, "note: Started.}", "note: Started., evidence: \"https://example.org/minutes#4\"}", 1)
	f := Parse("t.yaml", []byte(src), Options{})
	if len(f.Diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", f.Diags)
	}
	u := f.Plan.Sections[0].Actions[0].Updates[0]
	if u.Evidence != "https://example.org/minutes#4" || u.Note != "Started." {
		t.Errorf("update = %+v", u)
	}
	v := u
	v.Evidence = "board minutes"
	if u.Same(v) {
		t.Errorf("updates with different evidence are not the same update")
	}
}
