package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
)

func TestParseReadsEveryKey(t *testing.T) {
	c, ds := Parse("cpp.yaml", []byte(`council: Riverside Council
quarters: financial
report: {title: Board report, stale_days: 60, tolerance: 0}
import: {map: maps/columns.yaml}
plain_english: true
glossary:
  - {term: ICB, meaning: Integrated Care Board}
`))
	if len(ds) > 0 {
		t.Fatalf("problems: %v", ds)
	}
	if c.Council != "Riverside Council" || !c.QuartersSet || c.Quarters != deadline.Financial {
		t.Errorf("council %q, quarters %v (set %v)", c.Council, c.Quarters, c.QuartersSet)
	}
	if c.Report.Title != "Board report" || c.Report.StaleDays != 60 || c.Report.Tolerance == nil || *c.Report.Tolerance != 0 {
		t.Errorf("report %+v", c.Report)
	}
	if c.Import.Map != "maps/columns.yaml" || !c.PlainEnglish {
		t.Errorf("import %+v, plain_english %v", c.Import, c.PlainEnglish)
	}
	if len(c.Glossary) != 1 || c.Glossary[0] != (Term{Term: "ICB", Meaning: "Integrated Care Board", Line: 7, Col: 5}) {
		t.Errorf("glossary %+v", c.Glossary)
	}
}

func TestParseProblemsArePlaced(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"quartres: financial\n", "cpp.yaml:1:1: error: unknown field `quartres` in cpp.yaml [unknown-field] (did you mean `quarters`?)"},
		{"council: x\nreport:\n  stale_day: 3\n", "cpp.yaml:3:3: error: unknown field `stale_day` in report [unknown-field] (did you mean `stale_days`?)"},
		{"quarters: fiscal\n", `cpp.yaml:1:11: error: invalid quarters "fiscal" [value] (use calendar (January to March is Q1) or financial (April to June is Q1))`},
		{"quarters: finacial\n", "cpp.yaml:1:11: error: invalid quarters \"finacial\" [value] (did you mean `financial`?)"},
		{"report: {tolerance: 2}\n", `cpp.yaml:1:21: error: invalid report.tolerance "2": it is a fraction of the target, at least 0 and less than 1 [value] (write a fraction such as 0.1 (within 10% of target is green))`},
		{"plain_english: yes please\n", `cpp.yaml:1:16: error: plain_english must be true or false, not "yes please" [type] (write true or false)`},
		{"glossary: ICB\n", `cpp.yaml:1:11: error: glossary must be a list, not "ICB" [type] (write a list of ` + "`- {term: ICB, meaning: Integrated Care Board}`)"},
		{"council: x\ncouncil: y\n", "cpp.yaml:2:1: error: key `council` appears twice in cpp.yaml [duplicate-key] (delete one of them)"},
		{"- a list\n", "cpp.yaml:1:1: error: cpp.yaml must be a mapping, not a list [type] (write it as `key: value` lines)"},
		{"council: [\n", "cpp.yaml:1:1: error: did not find expected node content [yaml] (fix the YAML syntax)"},
	} {
		_, ds := Parse("cpp.yaml", []byte(tc.in))
		if len(ds) != 1 {
			t.Errorf("%q: %d problems, want 1: %v", tc.in, len(ds), ds)
			continue
		}
		got := ds[0].OneLine() + " (" + ds[0].Hint + ")"
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// cpp.yaml is found beside plans/, from any folder inside the repository, and a map file it
// names is read from there.
func TestLoadFindsTheRepositorysConfig(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "plans", "archive")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("import: {map: columns.yaml}\nquarters: financial\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, ds := Load(sub)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if !strings.HasSuffix(filepath.ToSlash(c.Path), "../../cpp.yaml") || filepath.ToSlash(c.Import.Map) != "../../columns.yaml" || c.Quarters != deadline.Financial {
		t.Errorf("from %s: path %q, map %q, quarters %v", sub, c.Path, c.Import.Map, c.Quarters)
	}
	if c, _ := Load(t.TempDir()); c.Path != "" || c.QuartersSet {
		t.Errorf("a folder with no cpp.yaml gave %+v", c)
	}
}

// A settings file that cannot be read is one problem that says why, whether found beside plans/
// or named: never a silent default, and never a wait on a file that is not a regular one.
func TestReadProblemsSayWhy(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big", FileName)
	if err := os.MkdirAll(filepath.Dir(big), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte("council: x\n"+strings.Repeat("#", maxSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder", FileName)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{big, "cannot read the settings: it is larger than 1.0 MB"},
		{folder, "cannot read the settings: it is a directory, not a regular file"},
		{filepath.Join(dir, "none", FileName), "cannot read the settings: no such file or directory"},
	} {
		c, ds := Read(tc.path)
		if len(ds) != 1 || ds[0].Message != tc.want || ds[0].File != tc.path || ds[0].Hint == "" || c.Path != tc.path {
			t.Errorf("%s: %+v, want one problem %q with a hint", tc.path, ds, tc.want)
		}
	}
	c, ds := Load(filepath.Dir(big))
	if len(ds) != 1 || ds[0].File != FileName || !strings.Contains(ds[0].Message, "larger than") || c.Council != "" {
		t.Errorf("Load of a cpp.yaml too large to read: %+v, %+v", c, ds)
	}
}
