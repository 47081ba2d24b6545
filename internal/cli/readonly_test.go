package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// TestOnlyWritersWrite is the property that no command other than the ones that exist to write
// (fmt, update, init, returns import, import, and the -o of report, returns export and the
// listings) changes any byte under plans/: every command in the tree, in each of its
// formats, runs over a copy of the bundled plans in a git repository (with a messy, a broken, a
// read-only and a symlinked file among them, and an uncommitted edit), and after each one every
// file under plans/ has the same bytes, mode and modification time, and no file came or went.
// The writers run too, in ways that must not touch plans/: fmt on a tidy file, report -o and the
// listings' -o outside plans/, and -o naming a plan it reads, which is refused.
func TestOnlyWritersWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs every command in every format")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	plans := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plans, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("../../plans")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../plans", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(plans, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	extra := map[string]string{
		"messy.yaml":  "id: messy  \r\ntitle: Messy\r\ncouncil: Test\r\nperiod: {start: 2025-01-01, end: 2026-12-31}\r\nsections: []",
		"broken.yaml": "id: broken\ntitle: [unclosed\n",
	}
	for name, text := range extra {
		if err := os.WriteFile(filepath.Join(plans, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("camden-kinship.yaml", filepath.Join(plans, "kinship-link.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	mustGit := func(args ...string) {
		t.Helper()
		if out, err := gitCmd(dir, nil, args...); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
	}
	// A plan repository has its README: cpp init in it must refuse, and leave plans/ alone.
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Plans\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGit("init", "-q")
	mustGit("add", "-A")
	mustGit("commit", "-q", "-m", "plans as adopted")
	replaceIn(t, filepath.Join(plans, "camden-corporate-parenting.yaml"), "deadline: Q3 2025", "deadline: Q1 2026")
	mustGit("commit", "-q", "-a", "-m", "a deadline slips")
	replaceIn(t, filepath.Join(plans, "camden-kinship.yaml"), "deadline:", "deadline:  ")
	if err := os.Chmod(filepath.Join(plans, "ten-pledge-action-plan.yaml"), 0o444); err != nil {
		t.Fatal(err)
	}
	// An old modification time, so that a rewrite with the same bytes still shows.
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	filepath.WalkDir(plans, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			os.Chtimes(path, old, old)
		}
		return nil
	})
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	before := snapshot(t, plans)

	readers := [][]string{
		{"validate"}, {"validate", "--format", "json"}, {"validate", "--format", "github"}, {"validate", "--strict"},
		{"validate", "plans/camden-kinship.yaml", "./plans/kinship-link.yaml"},
		{"list", "--slipped"}, {"list", "--lead", "ICB", "--sort", "due"},
		{"due", "--quarter", "Q3-2025"}, {"due", "--within", "90d"},
		{"overdue"}, {"leads"}, {"status"},
		{"show", "camden-cp.p1.2"}, {"show", "no-such-id"},
		{"report"}, {"report", "--format", "html"}, {"report", "--since", "HEAD~1"}, {"report", "plans"},
		{"diff"}, {"diff", "HEAD~1", "HEAD"}, {"diff", "HEAD~1...HEAD", "--fail-on", "slip"},
		{"log", "camden-cp.p1.2"},
		{"fmt", "--check"}, {"fmt", "--check", "plans/messy.yaml"},
		{"schema"}, {"version"}, {"help"}, {"completion", "bash"}, {"completion", "powershell"},
		{"no-such-command"}, {"list", "--no-such-flag"},
	}
	for _, c := range []string{"list", "due", "overdue", "leads", "status", "show camden-cp.p1.2", "diff", "log camden-cp.p1.2", "validate", "fmt --check"} {
		formats := []string{"json", "markdown", "csv"}
		switch strings.Fields(c)[0] {
		case "list", "due", "overdue", "leads", "status":
			formats = append(formats, "xlsx")
		case "diff", "log":
			formats = []string{"markdown", "json"}
		case "validate", "fmt":
			formats = []string{"json", "github"}
		}
		for _, f := range formats {
			readers = append(readers, append(strings.Fields(c), "--format", f))
		}
	}
	writers := [][]string{
		{"fmt", "plans/camden-corporate-parenting.yaml"}, // tidy: nothing to write
		{"fmt", "plans/london-practice-examples.yaml"},
		{"report", "-o", "out/report.md"},
		{"report", "--format", "html", "-o", "out/report.html"},
		{"report", "-o", "plans/camden-kinship.yaml"},
		{"report", "-o", "plans/kinship-link.yaml"},
		{"report", "-o", "plans/ten-pledge-action-plan.yaml"},
		{"report", "-o", "plans"},
		// The listings write with -o: beside the plans, or refused over one they read.
		{"list", "-o", "out/list.xlsx"}, {"due", "--format", "csv", "-o", "out/due.csv"}, {"list", "--slipped", "-o", "out/slipped.xlsx"},
		{"overdue", "-o", "plans/camden-kinship.yaml"}, {"leads", "--format", "xlsx", "-o", "plans/kinship-link.yaml"},
		{"status", "-o", "plans/ten-pledge-action-plan.yaml"}, {"due", "-o", "plans"},
		// update writes plans by design: here only the cases that must write nothing.
		{"update", "camden-cp.p1.2", "--status", "complete", "--dry-run"},
		{"update", "camden-cp.p1.m1", "--value", "61", "--dry-run"},
		{"update", "camden-cp.p1.2", "--status", "finished"},
		{"update", "no-such-id", "--status", "complete"},
		{"update", "camden-cp.p1.2", "--value", "3"},
		{"update", "camden-cp.p1.2", "--deadline", "Q5 2026"},
		{"returns", "export", "-o", "out/returns.xlsx"}, {"returns", "export", "--format", "csv", "-o", "out/returns.csv"},
		{"returns", "export", "-o", "plans/camden-kinship.yaml"}, {"returns", "export", "-o", "plans/kinship-link.yaml"},
		{"returns", "export", "--format", "csv", "-o", "plans/ten-pledge-action-plan.yaml"},
		{"returns", "missing"}, {"returns", "missing", "--format", "json"}, {"returns", "missing", "--format", "csv"},
		// init writes a new repository: beside the plans, or refused in their repository.
		{"init", "out/new-repo", "--council", "Test Council", "--no-git"},
		{"init", "out/new-repo", "--council", "Test Council", "--no-git"},
		{"init", "--council", "London Borough of Camden"},
		{"init", ".", "--council", "Test Council", "--quarters", "fiscal"},
		{"init", "."},
		// returns import writes plans by design: here only the cases that must write nothing.
		{"returns", "import", "out/filled.csv", "--date", "2025-09-30", "--dry-run"},
		{"returns", "import", "out/returns.xlsx", "--dry-run"}, // blank: nothing to change
		{"returns", "import", "out/bad.csv", "--date", "2025-09-30"},
		{"returns", "import", "out/filled.csv"}, // a CSV needs --date
		{"returns", "import", "out/filled.csv", "out/bad.csv", "--date", "2025-09-30", "--format", "json"},
		// import writes a new plan by design: here only the cases that must write nothing.
		{"import", "out/table.csv", "--id", "new-ap", "--title", "Action Plan", "--council", "Test Council", "--dry-run"},
		{"import", "out/table.csv", "--id", "camden-cp", "--title", "Action Plan", "--council", "Test Council"}, // an id taken
		{"import", "out/table.csv", "--id", "new-ap", "--title", "Action Plan", "--council", "Test Council", "-o", "plans/camden-kinship.yaml"},
		{"import", "out/table.csv", "--id", "new-ap", "--title", "Action Plan", "--council", "Test Council", "-o", "plans/kinship-link.yaml"},
		{"import", "out/filled.csv", "--id", "new-ap", "--title", "Action Plan", "--council", "Test Council"}, // no column of actions
		{"import", "out/table.csv", "--id", "New AP", "--title", "Action Plan", "--council", "Test Council"},
	}
	header := strings.Join([]string{"ID", "New status", "New RAG", "Progress note", "Revised deadline"}, ",")
	returnsCSV := map[string]string{
		"out/filled.csv": header + "\ncamden-cp.p1.2,Complete,G,Done,\ncambs-cp.p1.1,,,,Q1 2027\n",
		"out/bad.csv":    header + "\ncamden-cp.p1.2,In progress,,Started,\ncamden-cp.p1.3,Finished,,,\n",
		"out/table.csv":  "Action,Deadline,Lead\nRecruit foster carers,Q3 2025,Virtual School\n",
	}
	for name, text := range returnsCSV {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	env := func() (*Env, *bytes.Buffer) {
		var stderr bytes.Buffer
		return &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr,
			Getenv:     func(string) string { return "" },
			Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
			IsTerminal: func(io.Writer) bool { return false },
			Getwd:      os.Getwd}, &stderr
	}
	ran := map[string]bool{}
	for _, args := range append(readers, writers...) {
		ran[args[0]] = true
		e, stderr := env()
		code := Run(e, args)
		if code == exitcode.Failure {
			t.Errorf("cpp %s: exit %d: %s", strings.Join(args, " "), code, stderr)
		}
		if diff := compareSnapshots(before, snapshot(t, plans)); diff != "" {
			t.Fatalf("cpp %s changed plans/: %s", strings.Join(args, " "), diff)
		}
	}
	if data, err := os.ReadFile("out/report.md"); err != nil || !bytes.HasPrefix(data, []byte("# ")) {
		t.Errorf("report -o out/report.md wrote %.20q, %v", data, err)
	}
	for _, name := range []string{"out/list.xlsx", "out/slipped.xlsx"} {
		if data, err := os.ReadFile(name); err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			t.Errorf("-o %s wrote %.8q, %v", name, data, err)
		}
	}
	// A CSV file starts with a byte-order mark, for Excel.
	if data, err := os.ReadFile("out/due.csv"); err != nil || !bytes.HasPrefix(data, []byte("\ufeffplan,section,id,")) {
		t.Errorf("due -o out/due.csv wrote %.20q, %v", data, err)
	}
	if _, err := os.Stat("out/new-repo/plans/test-cp.yaml"); err != nil {
		t.Errorf("init out/new-repo wrote no starter plan: %v", err)
	}
	// Every command, now and to come, is run above: a new one must be added to readers or writers.
	root := NewRoot(&Env{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if !ran[c.Name()] {
			t.Errorf("command %q is not in this test: add it to readers, or to writers with a case that must not touch plans/", c.Name())
		}
	}
}

type fileState struct {
	data    string
	mode    fs.FileMode
	modTime time.Time
	link    string
}

// snapshot records every name under dir, with each file's bytes, mode and modification time (a
// folder's mode only).
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	s := map[string]fileState{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		st := fileState{mode: info.Mode(), modTime: info.ModTime()}
		if info.IsDir() {
			// A folder's time changes when a writer's lock file comes and goes in it (a writer
			// that found nothing to change takes the lock all the same); what it holds is what
			// counts, and every name in it is compared.
			st.modTime = time.Time{}
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			st.link, _ = os.Readlink(path)
		case info.Mode().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			st.data = string(data)
		}
		s[path] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func compareSnapshots(before, after map[string]fileState) string {
	var diffs []string
	for path, b := range before {
		a, ok := after[path]
		switch {
		case !ok:
			diffs = append(diffs, path+" is gone")
		case a.data != b.data:
			diffs = append(diffs, path+"'s bytes changed")
		case a.mode != b.mode:
			diffs = append(diffs, path+"'s mode changed")
		case !a.modTime.Equal(b.modTime):
			diffs = append(diffs, path+" was rewritten")
		case a.link != b.link:
			diffs = append(diffs, path+" links elsewhere")
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			diffs = append(diffs, path+" appeared")
		}
	}
	return strings.Join(diffs, "; ")
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
