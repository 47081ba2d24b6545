package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/cli"
)

// The README's rule is that every command it shows works as shown. TestREADMEExamples runs each
// fenced block that starts with "$ cpp " (or "$ go run ./cmd/cpp ") and compares what cpp prints,
// stdout and stderr together as a terminal shows them, with the lines the README gives, and checks
// the exit code (0 unless readmeExitCodes says otherwise). Each block runs in a new folder: a copy
// of the bundled plans/, or what readmeSetups makes from the state the README's prose describes.
// The Quick start's `go test ./...` is not run: it is this test's own run.

// readmeExample is one "$ ..." line of a README block and the lines printed under it.
type readmeExample struct {
	heading string
	file    string // README.md or docs/PAGE.md
	line    int    // README line of the command
	command string // without the "$ "
	want    []string
}

// readmeBlock is a fenced block of examples; its commands run in order, in one folder.
type readmeBlock struct {
	heading  string
	examples []readmeExample
}

// readmeSetup makes the folder a block's commands run in, from the state the README's prose
// describes, and returns the folder to run them in. The key is the block's first command.
type readmeSetup struct {
	why     string
	prepare func(t *testing.T, dir string) string
	// commitIDs: the output names commits made for the example, whose ids are the reader's own,
	// so any abbreviated id stands for the one the README shows.
	commitIDs bool
}

// readmeExitCodes are the commands the README shows failing, with the code its prose gives.
var readmeExitCodes = map[string]int{
	`cpp report -o plans/camden-kinship.yaml`:                1, // Safe writes: a refusal is exit 1
	`cpp init riverside-plans --council "Riverside Council"`: 1, // it never overwrites: exit 1
	`cpp returns import vs-bad.xlsx`:                         1, // all or nothing: exit 1
}

// readmeSkips are the example blocks not run, by heading, with the reason. Keep it short.
var readmeSkips = map[string]string{}

var readmeSetups = map[string]readmeSetup{
	`cpp init riverside-plans --council "Riverside Council" --quarters financial`: {
		why:     "cpp init makes a new folder",
		prepare: func(t *testing.T, dir string) string { return dir },
	},
	`cpp init riverside-plans --council "Riverside Council"`: {
		why: "run again where the first cpp init made riverside-plans",
		prepare: func(t *testing.T, dir string) string {
			runCpp(t, dir, "init", "riverside-plans", "--council", "Riverside Council", "--quarters", "financial")
			return dir
		},
	},
	`cpp import plan.csv --id riverside-ap --title 'Corporate Parenting Action Plan 2025-2027' --council 'Riverside Council'`: {
		why: "in the repository cpp init made, with the README's plan.csv",
		prepare: func(t *testing.T, dir string) string {
			repo := initRepo(t, dir)
			csv := readmeFence(t, "Importing a plan: cpp import", "Riverside corporate parenting action plan,")
			if err := os.WriteFile(filepath.Join(repo, "plan.csv"), []byte(csv), 0o644); err != nil {
				t.Fatal(err)
			}
			return repo
		},
	},
	`cpp schema > .cpp/plan.schema.json`: {
		why:     "in a repository cpp init made, which has .cpp/",
		prepare: initRepo,
	},
	`cpp diff HEAD~1 HEAD`: {
		why: "the bundled plans in git, then a commit moving camden-cp.p1.2 from Q3 2025 to Q1 2026",
		prepare: func(t *testing.T, dir string) string {
			bundledPlans(t, dir)
			git(t, dir, "", "init", "-q", "-b", "main")
			gitCommit(t, dir, "2025-04-01", "Plans as published")
			replaceOnce(t, filepath.Join(dir, "plans", "camden-corporate-parenting.yaml"),
				"- id: camden-cp.p1.2\n        text: Create a peer mentoring programme.\n        deadline: Q3 2025\n",
				"- id: camden-cp.p1.2\n        text: Create a peer mentoring programme.\n        deadline: Q1 2026\n")
			gitCommit(t, dir, "2025-10-01", "Peer mentoring slips to Q1 2026")
			return dir
		},
		commitIDs: true,
	},
	`cpp log riverside.p1.3`: {
		why:     "the fictional plan testdata/script/diff_review.txtar commits four times",
		prepare: riversideHistory,
	},
	`cpp returns import virtual-school.xlsx`: {
		why: "the Q3 2025 return made on 1 October 2025, with the Virtual School's three answers",
		prepare: func(t *testing.T, dir string) string {
			bundledPlans(t, dir)
			runCpp(t, dir, "returns", "export", "--quarter", "Q3-2025", "--today", "2025-10-01", "-o", "virtual-school.xlsx")
			file, sheet := filepath.Join(dir, "virtual-school.xlsx"), "Virtual School (Camden)"
			fillReturn(t, file, sheet, "camden-cp.p4.1", map[string]any{"New status": "In progress", "New RAG": "Amber",
				"Progress note": "Awards evening booked for 12 November"})
			fillReturn(t, file, sheet, "camden-cp.p4.2", map[string]any{"New RAG": "Green",
				"Progress note": "Twelve children joined the summer arts programme", "Evidence": "https://camden.example/enrichment-q3"})
			fillReturn(t, file, sheet, "camden-cp.p4.3", map[string]any{"Revised deadline": time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
				"Progress note": "Guide drafted; the careers service reviews it in January"})
			return dir
		},
	},
	`cpp returns import vs-bad.xlsx`: {
		why: "a Q3 2025 return with two answers to one action, a word that is not a status, and a mistyped id",
		prepare: func(t *testing.T, dir string) string {
			bundledPlans(t, dir)
			runCpp(t, dir, "returns", "export", "--quarter", "Q3-2025", "--today", "2025-10-01", "-o", "vs-bad.xlsx")
			file := filepath.Join(dir, "vs-bad.xlsx")
			fillReturn(t, file, "Virtual School (Camden)", "camden-cp.p4.3", map[string]any{"Progress note": "Guide drafted", "Revised deadline": "March 2026"})
			fillReturn(t, file, "Care-Experience (Camden)", "camden-cp.p4.3", map[string]any{"Progress note": "Guide delayed", "Revised deadline": "June 2026"})
			fillReturn(t, file, "Virtual School (Camden)", "camden-cp.p4.8", map[string]any{"New status": "Finished"})
			fillReturn(t, file, "Youth Justice (Camden)", "camden-cp.c3.2", map[string]any{"ID": "camden-cp.c3.9", "Progress note": "Started"})
			return dir
		},
	},
}

func TestREADMEExamples(t *testing.T) {
	repoRoot()
	blocks := readmeBlocks(t)
	gitEnv(t)
	used := map[string]bool{}
	n := 0
	for _, b := range blocks {
		if why, ok := readmeSkips[b.heading]; ok {
			t.Logf("skipped the example under %q: %s", b.heading, why)
			continue
		}
		first := b.examples[0].command
		t.Run(fmt.Sprintf("%s/line %d", b.heading, b.examples[0].line), func(t *testing.T) {
			dir := t.TempDir()
			setup, ok := readmeSetups[first]
			used[first] = ok
			var wd string
			if ok {
				t.Logf("set up: %s", setup.why)
				wd = setup.prepare(t, dir)
			} else {
				bundledPlans(t, dir)
				wd = dir
			}
			for _, ex := range b.examples {
				got, code := runReadmeCommand(t, wd, ex.command)
				want := ex.want
				if setup.commitIDs {
					got = commitID.ReplaceAllString(got, "COMMIT")
					want = slices.Clone(want)
					for i := range want {
						want[i] = commitID.ReplaceAllString(want[i], "COMMIT")
					}
				}
				if !matchElided(strings.Split(strings.TrimSuffix(got, "\n"), "\n"), want) {
					t.Errorf("%s:%d (%s): $ %s\nprints:\n%s\nthe page shows:\n%s", ex.file, ex.line, ex.heading, ex.command, got, strings.Join(ex.want, "\n"))
				}
				if wantCode := readmeExitCodes[ex.command]; code != wantCode {
					t.Errorf("%s:%d: $ %s: exit %d, want %d", ex.file, ex.line, ex.command, code, wantCode)
				}
				n++
			}
		})
	}
	for cmd := range readmeSetups {
		if !used[cmd] {
			t.Errorf("no README block starts with %q, which has a setup: update the setup with the README", cmd)
		}
	}
	for heading := range readmeSkips {
		if !slices.ContainsFunc(blocks, func(b readmeBlock) bool { return b.heading == heading }) {
			t.Errorf("readmeSkips names %q, which has no example", heading)
		}
	}
	if n < 15 {
		t.Errorf("ran %d README commands: the blocks were not found", n)
	}
}

// repoRoot is the repository's folder, found before any example changes the working folder.
var repoRoot = sync.OnceValue(func() string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return root
})

var commitID = regexp.MustCompile(`\b[0-9a-f]{7}\b`)

// docFile is a page of the documentation: the README or a page of docs/.
type docFile struct {
	name string // README.md, docs/deadlines.md
	text string
}

// docFiles are the README and every page of docs/, which the same rules hold for: each command
// shown works as shown.
func docFiles(t *testing.T) []docFile {
	names, err := filepath.Glob(filepath.Join(repoRoot(), "docs", "*.md"))
	if err != nil || len(names) < 10 {
		t.Fatalf("docs/ has %d pages: %v", len(names), err)
	}
	names = append([]string{filepath.Join(repoRoot(), "README.md")}, names...)
	var out []docFile
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(repoRoot(), name)
		out = append(out, docFile{filepath.ToSlash(rel), string(data)})
	}
	return out
}

// allDocs is the text of every page, one after another.
func allDocs(t *testing.T) string {
	var b strings.Builder
	for _, f := range docFiles(t) {
		b.WriteString(f.text)
		b.WriteString("\n")
	}
	return b.String()
}

// readmeBlocks reads the example blocks of the README and docs/, indented ones (in a list) too.
func readmeBlocks(t *testing.T) []readmeBlock {
	var blocks []readmeBlock
	for _, f := range docFiles(t) {
		blocks = append(blocks, fileBlocks(f)...)
	}
	return blocks
}

func fileBlocks(f docFile) []readmeBlock {
	var blocks []readmeBlock
	heading := ""
	lines := strings.Split(f.text, "\n")
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimLeft(lines[i], " ")
		if strings.HasPrefix(lines[i], "#") {
			heading = strings.TrimSpace(strings.TrimLeft(lines[i], "#"))
			continue
		}
		if !strings.HasPrefix(trimmed, "```") {
			continue
		}
		indent := len(lines[i]) - len(trimmed)
		start := i + 1
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
		}
		body := lines[start:min(i, len(lines))]
		if len(body) == 0 || !isReadmeCommand(strip(body[0], indent)) {
			continue
		}
		b := readmeBlock{heading: heading}
		for j, l := range body {
			l = strip(l, indent)
			if isReadmeCommand(l) || strings.HasPrefix(l, "$ ") {
				b.examples = append(b.examples, readmeExample{heading: heading, file: f.name, line: start + j + 1, command: strings.TrimPrefix(l, "$ ")})
				continue
			}
			ex := &b.examples[len(b.examples)-1]
			ex.want = append(ex.want, l)
		}
		blocks = append(blocks, b)
	}
	return blocks
}

func isReadmeCommand(l string) bool {
	return strings.HasPrefix(l, "$ cpp ") || strings.HasPrefix(l, "$ go run ./cmd/cpp ")
}

func strip(l string, indent int) string {
	if len(l) >= indent && strings.TrimSpace(l[:indent]) == "" {
		return l[indent:]
	}
	return l
}

// readmeFence returns the text of the first plain fenced block under heading that starts with
// prefix.
func readmeFence(t *testing.T, heading, prefix string) string {
	_, section, ok := strings.Cut("\n"+allDocs(t), "# "+heading+"\n")
	if !ok {
		t.Fatalf("README has no section %q", heading)
	}
	_, rest, ok := strings.Cut(section, "```\n"+prefix)
	if !ok {
		t.Fatalf("README's %q has no block starting %q", heading, prefix)
	}
	body, _, _ := strings.Cut(rest, "```\n")
	return prefix + body
}

// matchElided compares output lines with the README's, where a line "..." stands for any number
// of lines the README leaves out.
func matchElided(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0 || len(got) == 1 && got[0] == ""
	}
	if want[0] == "..." {
		for k := 0; k <= len(got); k++ {
			if matchElided(got[k:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matchElided(got[1:], want[1:])
}

// runReadmeCommand runs a README command line in dir as a shell would: words in quotes, a
// trailing "# comment" ("# on a terminal 120 columns wide" sets the width), "cd DIR &&" and
// "> FILE" and "< FILE". It returns what was printed, stdout and stderr in the order written, and the exit
// code of the last cpp.
func runReadmeCommand(t *testing.T, dir, line string) (string, int) {
	words, comment := shellWords(t, line)
	env := map[string]string{"NO_COLOR": "1"}
	if m := regexp.MustCompile(`on a terminal (\d+) columns wide`).FindStringSubmatch(comment); m != nil {
		env["COLUMNS"] = m[1]
	}
	var out bytes.Buffer
	code := 0
	for _, cmd := range splitWords(words, "&&") {
		switch {
		case len(cmd) == 2 && cmd[0] == "cd":
			dir = filepath.Join(dir, cmd[1])
		case len(cmd) > 0 && (cmd[0] == "cpp" || len(cmd) > 3 && strings.Join(cmd[:3], " ") == "go run ./cmd/cpp"):
			args := cmd[1:]
			if cmd[0] == "go" {
				args = cmd[3:]
			}
			var stdout io.Writer = &out
			if k := slices.Index(args, ">"); k >= 0 {
				if k != len(args)-2 {
					t.Fatalf("%s: > FILE must end the command", line)
				}
				f, err := os.Create(filepath.Join(dir, args[k+1]))
				if err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				defer f.Close()
				stdout, args = f, args[:k]
			}
			var stdin io.Reader = strings.NewReader("")
			if k := slices.Index(args, "<"); k >= 0 {
				if k != len(args)-2 {
					t.Fatalf("%s: < FILE must end the command", line)
				}
				data, err := os.ReadFile(filepath.Join(dir, args[k+1]))
				if err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				stdin, args = bytes.NewReader(data), args[:k]
			}
			code = runInWith(t, dir, env, stdin, stdout, &out, args)
			// A file the README sends output to holds something: cpp printed it.
			if f, ok := stdout.(*os.File); ok {
				if info, err := f.Stat(); err != nil || info.Size() == 0 {
					t.Errorf("README.md: %q wrote nothing to %s", line, f.Name())
				}
			}
		default:
			t.Fatalf("README.md: %q: cannot run %q", line, strings.Join(cmd, " "))
		}
	}
	return out.String(), code
}

func runIn(t *testing.T, dir string, env map[string]string, stdout, stderr io.Writer, args []string) int {
	return runInWith(t, dir, env, strings.NewReader(""), stdout, stderr, args)
}

func runInWith(t *testing.T, dir string, env map[string]string, stdin io.Reader, stdout, stderr io.Writer, args []string) int {
	t.Chdir(dir)
	return cli.Run(&cli.Env{Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Getenv: func(k string) string { return env[k] }, Now: time.Now,
		IsTerminal: func(io.Writer) bool { return false }, Getwd: os.Getwd}, args)
}

// runCpp runs cpp in dir for a setup, and fails the test when it does not succeed.
func runCpp(t *testing.T, dir string, args ...string) {
	t.Helper()
	var out bytes.Buffer
	if code := runIn(t, dir, nil, &out, &out, args); code != 0 {
		t.Fatalf("cpp %s: exit %d\n%s", strings.Join(args, " "), code, out.String())
	}
}

// shellWords splits a command line into words, honouring quotes, and returns the comment after
// an unquoted " #".
func shellWords(t *testing.T, line string) (words []string, comment string) {
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(line[i+1:], c)
			if end < 0 {
				t.Fatalf("README command %q: unclosed quote", line)
			}
			w.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == ' ':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			return words, line[i:]
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, ""
}

func splitWords(words []string, sep string) [][]string {
	var out [][]string
	cur := []string{}
	for _, w := range words {
		if w == sep {
			out = append(out, cur)
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	return append(out, cur)
}

func bundledPlans(t *testing.T, dir string) {
	if err := copyDir(filepath.Join(repoRoot(), "plans"), filepath.Join(dir, "plans")); err != nil {
		t.Fatal(err)
	}
}

// initRepo makes the repository the README's cpp init example makes, and returns its folder.
func initRepo(t *testing.T, dir string) string {
	runCpp(t, dir, "init", "riverside-plans", "--council", "Riverside Council", "--quarters", "financial")
	return filepath.Join(dir, "riverside-plans")
}

// gitEnv gives git no user or system configuration and a fixed identity, as the scripts do.
func gitEnv(t *testing.T) {
	for k, v := range map[string]string{"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "Ada Analyst", "GIT_AUTHOR_EMAIL": "ada@example.org",
		"GIT_COMMITTER_NAME": "Ada Analyst", "GIT_COMMITTER_EMAIL": "ada@example.org"} {
		t.Setenv(k, v)
	}
}

func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date+"T09:00:00Z", "GIT_COMMITTER_DATE="+date+"T09:00:00Z")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func gitCommit(t *testing.T, dir, date, message string) {
	git(t, dir, date, "add", "-A")
	git(t, dir, date, "commit", "-q", "-m", message)
}

func replaceOnce(t *testing.T, path, old, new string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s has %q %d times, want once", path, old, n)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// riversideHistory commits the four versions of diff_review.txtar's plan as that script does,
// with the same dates and identity, so the commit ids are the script's.
func riversideHistory(t *testing.T, dir string) string {
	a, err := txtar.ParseFile(filepath.Join(repoRoot(), "testdata", "script", "diff_review.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	version := func(name, to string) {
		for _, f := range a.Files {
			if f.Name == name {
				if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(to, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("diff_review.txtar has no %s", name)
	}
	repo := filepath.Join(dir, "council")
	if err := os.MkdirAll(filepath.Join(repo, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "", "init", "-q", "-b", "main")
	version("v1.yaml", filepath.Join(repo, "plans", "riverside.yaml"))
	gitCommit(t, repo, "2025-04-01", "Plan as adopted by the board")
	version("v2.yaml", filepath.Join(repo, "plans", "riverside.yaml"))
	gitCommit(t, repo, "2025-07-01", "Q1 progress: fostering campaign, health RAG, strategy deadline")
	if err := os.MkdirAll(filepath.Join(repo, "plans", "riverside"), 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "", "mv", "plans/riverside.yaml", "plans/riverside/plan.yaml")
	version("v3.yaml", filepath.Join(repo, "plans", "riverside", "plan.yaml"))
	gitCommit(t, repo, "2025-10-01", "Tidy ids, drop the festival, add the adviser offer, move the file")
	version("v4.yaml", filepath.Join(repo, "plans", "riverside", "plan.yaml"))
	gitCommit(t, repo, "2026-01-01", "Q3 review: strategy slips past the plan, fostering brought forward")
	return repo
}

// fillReturn fills in a return's row as a lead would in a spreadsheet: a string is typed text, a
// time.Time a date. A column "ID" changes the id itself.
func fillReturn(t *testing.T, file, sheet, id string, cells map[string]any) {
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == id })
	if row < 0 {
		t.Fatalf("%s: no row %s on %s", file, id, sheet)
	}
	for col, v := range cells {
		c := slices.Index(rows[0], col)
		if c < 0 {
			t.Fatalf("%s: no column %s on %s", file, col, sheet)
		}
		cell, _ := excelize.CoordinatesToCellName(c+1, row+1)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestREADMECommandLines checks every cpp command line the README writes in its prose and
// tables (`cpp due --quarter Q3-2025`) is a command cpp has, with flags it takes; that every
// --flag the README names is a flag of some command; and that every command cpp has is in the
// README's table of commands.
func TestREADMECommandLines(t *testing.T) {
	readme := allDocs(t)
	root := cli.NewRoot(&cli.Env{Getenv: func(string) string { return "" }})
	flags := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.LocalFlags().VisitAll(func(f *pflag.Flag) { flags[f.Name] = true })
		c.InheritedFlags().VisitAll(func(f *pflag.Flag) { flags[f.Name] = true })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root.InitDefaultCompletionCmd()
	walk(root)

	// Code spans outside fenced blocks (``a `b` c`` too), with the README's table escapes and
	// line breaks undone.
	var prose strings.Builder
	fenced := false
	for _, l := range strings.Split(readme, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			prose.WriteString(l + "\n")
		}
	}
	spans := regexp.MustCompile("(?s)``(.+?)``|`([^`]+)`").FindAllStringSubmatch(prose.String(), -1)
	n := 0
	for _, m := range spans {
		m[1] += m[2]
		span := strings.Join(strings.Fields(strings.ReplaceAll(m[1], `\|`, " ")), " ")
		for _, f := range regexp.MustCompile(`(?:^| )--([a-z][a-z-]+)`).FindAllStringSubmatch(span, -1) {
			if !flags[f[1]] && !otherToolsFlags[f[1]] {
				t.Errorf("README names --%s (in `%s`), which no cpp command has", f[1], m[1])
			}
		}
		line, ok := strings.CutPrefix(span, "cpp ")
		if !ok || strings.HasPrefix(line, "COMMAND ") {
			continue
		}
		// A shell pipe or redirect ends the command; a bare | lists alternatives.
		for _, end := range []string{" | ", " > ", " < "} {
			line, _, _ = strings.Cut(line, end)
		}
		words := strings.Fields(strings.NewReplacer("|", " ", "[", " ", "]", " ", `"`, "", "'", "").Replace(line))
		cmd, rest, err := root.Find(words)
		// The root's own flags (cpp --version) are a command line too.
		if err == nil && cmd == root && len(rest) > 0 && strings.HasPrefix(rest[0], "-") {
			if err := cmd.ParseFlags(rest); err != nil {
				t.Errorf("README: `%s`: %v", m[1], err)
			}
			n++
			continue
		}
		if err != nil || cmd == root {
			t.Errorf("README: `%s`: no such cpp command", m[1])
			continue
		}
		// `cpp report -o` names the flag without its value, and a synopsis writes a value as a
		// placeholder (--from DATE), which a typed flag refuses: names are what is checked here.
		var placeholder *pflag.InvalidValueError
		if err := cmd.ParseFlags(rest); err != nil && !strings.Contains(err.Error(), "needs an argument") && !errors.As(err, &placeholder) {
			t.Errorf("README: `%s`: %v", m[1], err)
		}
		n++
	}
	if n < 40 {
		t.Errorf("checked %d cpp command lines in the README's text, want its table and prose", n)
	}

	_, table, _ := strings.Cut(readme, "| command | what it does |")
	table, _, _ = strings.Cut(table, "\n\n")
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		if !strings.Contains(table, "`cpp "+c.Name()) && !strings.Contains(table, ", `cpp "+c.Name()) {
			t.Errorf("cpp %s is not in the README's table of commands", c.Name())
		}
	}
}

// otherToolsFlags are flags the README gives to git and gh, not to cpp.
var otherToolsFlags = map[string]bool{"unshallow": true, "global": true, "add": true,
	"edit-last": true, "create-if-none": true, "body-file": true, "batch": true}

// TestREADMEFieldLists checks the JSON keys and CSV columns the README's "Output formats" lists
// are the ones cpp writes, in the same order.
func TestREADMEFieldLists(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(), "docs", "queries-and-formats.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, formats, _ := strings.Cut(string(data), "# Output formats\n")
	formats, _, _ = strings.Cut(formats, "\n## ")
	names := regexp.MustCompile("`([a-z_]+)`")
	backticked := func(s string) []string {
		var out []string
		for _, m := range names.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	// The table of an action row's fields: `plan`, `section`, `id` | string | ids
	_, table, _ := strings.Cut(formats, "| field | type | meaning |")
	table, _, _ = strings.Cut(table, "\n\n")
	var actionFields []string
	for _, row := range strings.Split(table, "\n") {
		if cells := strings.Split(row, "|"); len(cells) > 2 {
			actionFields = append(actionFields, backticked(cells[1])...)
		}
	}
	sentence := func(start string) []string {
		_, s, ok := strings.Cut(formats, start)
		if !ok {
			t.Fatalf("README's Output formats has no %q", start)
		}
		s, _, _ = strings.Cut(s, ". ")
		return backticked(s)
	}
	dir := t.TempDir()
	bundledPlans(t, dir)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"list"}, actionFields},
		{[]string{"due", "--quarter", "Q3-2025"}, actionFields},
		{[]string{"overdue"}, actionFields},
		{[]string{"leads"}, sentence("`leads` objects have ")},
		{[]string{"status"}, sentence("`status` objects\nhave ")},
	} {
		for _, format := range []string{"json", "csv"} {
			var out bytes.Buffer
			args := append(slices.Clone(c.args), "--today", "2025-10-01", "--format", format)
			if code := runIn(t, dir, nil, &out, io.Discard, args); code != 0 {
				t.Fatalf("cpp %s: exit %d", strings.Join(args, " "), code)
			}
			var got []string
			if format == "csv" {
				header, _, _ := strings.Cut(out.String(), "\n")
				got = strings.Split(strings.TrimSpace(header), ",")
			} else {
				got = firstObjectKeys(t, out.Bytes())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("cpp %s --format %s gives\n  %s\nthe README lists\n  %s", strings.Join(c.args, " "), format,
					strings.Join(got, ", "), strings.Join(c.want, ", "))
			}
		}
	}
}

// firstObjectKeys returns the keys of the first object of a JSON array, in the order written.
func firstObjectKeys(t *testing.T, data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("reading JSON: %v", err)
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
			continue
		case json.Delim(']'), json.Delim('}'):
			depth--
			if depth == 1 {
				return keys
			}
			continue
		}
		if depth == 2 {
			keys = append(keys, tok.(string))
			// Skip the value, whatever it is.
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
	}
}
