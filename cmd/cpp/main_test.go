package main

import (
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/charmbracelet/lipgloss"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/testutil/tabtest"
)

func TestMain(m *testing.M) {
	// The stress tests run this test binary as cpp, many at once.
	if os.Getenv("CPP_TEST_AS_CPP") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(quickRun{m}, map[string]func(){
		// holdlock DIR READY RELEASE takes the write lock of the plans in DIR as cpp does, makes
		// the file READY, and holds the lock until the file RELEASE appears (at most 60s): another
		// cpp, as far as every writer can tell.
		"holdlock": func() {
			if len(os.Args) != 4 {
				fmt.Fprintln(os.Stderr, "usage: holdlock DIR READY RELEASE")
				os.Exit(2)
			}
			dir, err := safewrite.LockDir(os.Args[1], true)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			l, err := safewrite.LockDirs([]string{dir}, safewrite.LockOptions{})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			os.WriteFile(os.Args[2], []byte(strconv.Itoa(os.Getpid())), 0o644)
			for i := 0; i < 6000; i++ {
				if _, err := os.Stat(os.Args[3]); err == nil {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			l.Release()
			os.Exit(0)
		},
		"cpp": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		// ttycpp runs cpp with its standard output on a terminal, and prints what the terminal
		// was sent (Linux only: scripts that use it begin [!linux] skip).
		"ttycpp": func() { os.Exit(ttyCPP(os.Args[1:])) },
		// cppexit runs cpp and reports its exit status on stderr, for scripts that assert the code.
		"cppexit": func() {
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			fmt.Fprintf(os.Stderr, "exit status %d\n", code)
			os.Exit(0)
		},
	})
}

// quickRun runs the tests; under -short, unless -parallel is given, with twice as many scripts at
// once as there are CPUs: a script mostly waits for the cpp it started (or for a lock, or for
// git), and at one script a CPU the CPUs sat idle in those waits.
type quickRun struct{ m *testing.M }

func (q quickRun) Run() int {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if testing.Short() && !given {
		flag.Set("test.parallel", strconv.Itoa(2*runtime.GOMAXPROCS(0)))
	}
	return q.m.Run()
}

// TestScripts runs testdata/script/*.txtar against the built binary, in a folder holding a copy of
// the bundled plans/, as a user would type the commands.
func TestScripts(t *testing.T) {
	// After the tests that run one at a time (the README's examples run cpp in this process, in
	// a folder of their own): while they keep one CPU busy, go test runs other packages on the
	// rest, and the scripts, which start many processes at once, come last.
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: os.Getenv("CPP_UPDATE_GOLDEN") == "1",
		// [bash-completion]: the package cpp's bash completion needs is installed (.ci/run installs
		// it, and CPP_REQUIRE_BASH_COMPLETION=1 makes a missing one fail rather than skip).
		// [pyyaml]: PyYAML, a YAML 1.1 reader, is installed (python3-yaml). Without it the
		// scripts that need it skip, unless CPP_REQUIRE_PYYAML=1 (CI) makes that a failure.
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "bash-completion":
				_, err := os.Stat("/usr/share/bash-completion/bash_completion")
				if err != nil && os.Getenv("CPP_REQUIRE_BASH_COMPLETION") == "1" {
					return false, fmt.Errorf("bash-completion is not installed")
				}
				return err == nil, nil
			case "pyyaml":
				if pyyamlPython() == "" {
					if os.Getenv("CPP_REQUIRE_PYYAML") == "1" {
						return false, fmt.Errorf("PyYAML is needed (CPP_REQUIRE_PYYAML=1): apt-get install python3-yaml")
					}
					return false, nil
				}
				return true, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("CPP_TODAY", "")
			// git with no user or system configuration and a fixed identity, so that commits
			// made by scripts have the same ids on every machine.
			env.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Ada Analyst")
			env.Setenv("GIT_AUTHOR_EMAIL", "ada@example.org")
			env.Setenv("GIT_COMMITTER_NAME", "Ada Analyst")
			env.Setenv("GIT_COMMITTER_EMAIL", "ada@example.org")
			return copyDir("../../plans", filepath.Join(env.WorkDir, "plans"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// padfile FILE SIZE appends comment lines to FILE until it holds SIZE bytes.
			"padfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: padfile FILE SIZE")
				}
				size, err := strconv.Atoi(args[1])
				ts.Check(err)
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				line := "# " + strings.Repeat("padding ", 12) + "\n"
				for len(data)+len(line) <= size {
					data = append(data, line...)
				}
				data = append(data, "#"+strings.Repeat(" ", size-len(data)-2)+"\n"...)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
			// repeatline FILE N LINE appends LINE to FILE N times: a table of many rows.
			"repeatline": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: repeatline FILE N LINE")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				ts.Check(err)
				_, err = f.WriteString(strings.Repeat(args[2]+"\n", n))
				ts.Check(err)
				ts.Check(f.Close())
			},
			// hardlink OLD NEW gives the file OLD a second name, NEW.
			"hardlink": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: hardlink OLD NEW")
				}
				ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
			},
			// waitfile FILE waits (up to 60s) for FILE to appear: a background command is ready.
			"waitfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: waitfile FILE")
				}
				for i := 0; i < 6000; i++ {
					if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
						return
					}
					time.Sleep(10 * time.Millisecond)
				}
				ts.Fatalf("%s did not appear in 60s", args[0])
			},
			// pyyaml FILE loads FILE with PyYAML, a YAML 1.1 reader, and prints every scalar as
			// PATH TYPE VALUE (Python's type name: str, int, bool, ...), one a line. Scripts skip
			// with [!pyyaml] where it is not installed.
			"pyyaml": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: pyyaml FILE")
				}
				out, err := exec.Command(pyyamlPython(), "-c", pyyamlDump, ts.MkAbs(args[0])).CombinedOutput()
				if err != nil {
					ts.Fatalf("PyYAML could not read %s: %v\n%s", args[0], err, out)
				}
				ts.Stdout().Write(out)
			},
			// writebytes FILE HEX writes raw bytes, for files that are not text.
			"writebytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: writebytes FILE HEX")
				}
				data, err := hex.DecodeString(args[1])
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
			// commit DATE MESSAGE commits everything in the current folder's repository, dated
			// DATE (YYYY-MM-DD), as a reviewer's branch would.
			"commit": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: commit DATE MESSAGE")
				}
				ts.Setenv("GIT_AUTHOR_DATE", args[0]+"T09:00:00Z")
				ts.Setenv("GIT_COMMITTER_DATE", args[0]+"T09:00:00Z")
				ts.Check(ts.Exec("git", "add", "-A"))
				ts.Check(ts.Exec("git", "commit", "-q", "-m", args[1]))
			},
			// xlsxrows FILE SHEET prints a workbook sheet's rows, cells joined by " | ", as a
			// spreadsheet shows them; with no SHEET, the sheets' names and whether each is hidden.
			"xlsxrows": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 1 || len(args) > 2 {
					ts.Fatalf("usage: xlsxrows FILE [SHEET]")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				if len(args) == 1 {
					for _, name := range f.GetSheetList() {
						visible, err := f.GetSheetVisible(name)
						ts.Check(err)
						fmt.Fprintf(ts.Stdout(), "%s%s\n", name, map[bool]string{false: " (hidden)"}[visible])
					}
					return
				}
				rows, err := f.GetRows(args[1])
				ts.Check(err)
				for _, row := range rows {
					fmt.Fprintln(ts.Stdout(), strings.Join(row, " | "))
				}
			},
			// xlsxcells FILE SHEET [ROWS] prints the sheet's frozen rows and autofilter, then each
			// cell of its first ROWS rows (all with no ROWS) as "CELL TYPE FORMAT VALUE", VALUE as
			// stored and, when a format shows it otherwise, "→ as shown"; FORMAT is "-" for General.
			"xlsxcells": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 || len(args) > 3 {
					ts.Fatalf("usage: xlsxcells FILE SHEET [ROWS]")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				sheet := args[1]
				panes, err := f.GetPanes(sheet)
				ts.Check(err)
				if panes.Freeze {
					fmt.Fprintf(ts.Stdout(), "frozen: %d rows, %d columns\n", panes.YSplit, panes.XSplit)
				}
				for _, d := range f.GetDefinedName() {
					if d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet {
						fmt.Fprintf(ts.Stdout(), "autofilter: %s\n", d.RefersTo)
					}
				}
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				ts.Check(err)
				if len(args) == 3 {
					n, err := strconv.Atoi(args[2])
					ts.Check(err)
					rows = rows[:min(n, len(rows))]
				}
				types := map[excelize.CellType]string{excelize.CellTypeUnset: "number", excelize.CellTypeNumber: "number",
					excelize.CellTypeBool: "bool", excelize.CellTypeSharedString: "string", excelize.CellTypeInlineString: "string",
					excelize.CellTypeFormula: "formula", excelize.CellTypeDate: "date", excelize.CellTypeError: "error"}
				for r, row := range rows {
					for c, raw := range row {
						if raw == "" {
							continue
						}
						cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
						typ, err := f.GetCellType(sheet, cell)
						ts.Check(err)
						if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
							typ = excelize.CellTypeFormula
						}
						id, err := f.GetCellStyle(sheet, cell)
						ts.Check(err)
						style, err := f.GetStyle(id)
						ts.Check(err)
						format := "-"
						switch {
						case style.CustomNumFmt != nil:
							format = *style.CustomNumFmt
						case style.NumFmt == 49:
							format = "@"
						case style.NumFmt != 0:
							format = strconv.Itoa(style.NumFmt)
						}
						line := fmt.Sprintf("%s %s %s %s", cell, types[typ], format, raw)
						if shown, _ := f.GetCellValue(sheet, cell); shown != raw {
							line += " → " + shown
						}
						fmt.Fprintln(ts.Stdout(), line)
					}
				}
			},
			// xlsxfill FILE SHEET ID COLUMN=VALUE... fills in the row with the ID as a lead would
			// in a spreadsheet: VALUE is typed as text, "date:2026-03-31" as a date (shown
			// dd/mm/yyyy, or "date:2026-03-01:mmm-yy" through that format) and "number:66.5" as a
			// number; "formula:A2&B2" is a formula with no value worked out, "formula:A2&B2 -> x"
			// one with the value x kept (an error such as #REF! too); "link:URL" makes the cell,
			// as filled so far, a hyperlink. COLUMN is a header word; ID= changes the ID itself.
			"xlsxfill": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 4 {
					ts.Fatalf("usage: xlsxfill FILE SHEET ID COLUMN=VALUE...")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				rows, err := f.GetRows(args[1])
				ts.Check(err)
				row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == args[2] })
				if row < 0 {
					ts.Fatalf("xlsxfill: no row %s on %s", args[2], args[1])
				}
				kept := map[string]tabtest.Formula{}
				for _, a := range args[3:] {
					col, val, _ := strings.Cut(a, "=")
					c := slices.IndexFunc(rows[0], func(h string) bool { return strings.EqualFold(h, col) })
					if c < 0 {
						ts.Fatalf("xlsxfill: no column %s", col)
					}
					cell, _ := excelize.CoordinatesToCellName(c+1, row+1)
					var v any = val
					if fm, ok := strings.CutPrefix(val, "formula:"); ok {
						text, cached, keep := strings.Cut(fm, " -> ")
						ts.Check(f.SetCellValue(args[1], cell, nil))
						ts.Check(f.SetCellFormula(args[1], cell, text))
						if keep {
							kept[cell] = tabtest.Formula{Text: text, Cached: cached, Kept: true}
						}
						continue
					}
					if url, ok := strings.CutPrefix(val, "link:"); ok {
						ts.Check(f.SetCellHyperLink(args[1], cell, url, "External"))
						continue
					}
					format := ""
					if d, ok := strings.CutPrefix(val, "date:"); ok {
						d, format, _ = strings.Cut(d, ":")
						v, err = time.Parse(time.DateOnly, d)
						ts.Check(err)
					} else if n, ok := strings.CutPrefix(val, "number:"); ok {
						v, err = strconv.ParseFloat(n, 64)
						ts.Check(err)
					}
					ts.Check(f.SetCellValue(args[1], cell, v))
					if format != "" {
						st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
						ts.Check(err)
						ts.Check(f.SetCellStyle(args[1], cell, cell, st))
					}
				}
				ts.Check(f.Save())
				if len(kept) > 0 {
					data, err := tabtest.Keep([]byte(ts.ReadFile(args[0])), args[1], kept)
					ts.Check(err)
					ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
				}
			},
			"icalevents": icalEvents,
			// mkxlsx OUT.xlsx SPEC and mkdocx OUT.docx SPEC build a workbook or a Word document
			// from a plain text spec in the archive: rows of cells separated by " | ", and lines
			// such as "sheet Actions", "merge A2:A4", "fill E3 FFC000", "date D3 2025-09-30",
			// "para Some text" (the spec's language is in internal/testutil/tabtest).
			"mkxlsx": func(ts *testscript.TestScript, neg bool, args []string) {
				mkTable(ts, "mkxlsx", args, tabtest.WriteXLSX)
			},
			"mkdocx": func(ts *testscript.TestScript, neg bool, args []string) {
				mkTable(ts, "mkdocx", args, tabtest.WriteDOCX)
			},
			// windowscsv IN OUT writes IN as Excel on a UK Windows saves "CSV": Windows-1252, with
			// CRLF line ends ("Children’s" becomes byte 0x92).
			"windowscsv": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: windowscsv IN OUT")
				}
				var out []byte
				for _, r := range strings.ReplaceAll(ts.ReadFile(args[0]), "\n", "\r\n") {
					switch b, ok := cp1252[r]; {
					case ok:
						out = append(out, b)
					case r < 0x80 || (r >= 0xa0 && r <= 0xff):
						out = append(out, byte(r))
					default:
						ts.Fatalf("windowscsv: %q is not in Windows-1252", r)
					}
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
			},
			// unicodetext IN OUT writes IN as Excel's "Unicode Text": UTF-16, little-endian, with
			// its byte order mark and CRLF line ends.
			"unicodetext": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: unicodetext IN OUT")
				}
				out := []byte{0xff, 0xfe}
				for _, u := range utf16.Encode([]rune(strings.ReplaceAll(ts.ReadFile(args[0]), "\n", "\r\n"))) {
					out = append(out, byte(u), byte(u>>8))
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
			},
			// tabrows FILE [TABLE] prints the tables cpp import reads from a file: each row as its
			// line and its cells joined by " | " (a fill as {FFC000}, a cell that cannot be read
			// as !(why), a line break as \n), then
			// the merged ranges.
			"tabrows": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 1 || len(args) > 2 {
					ts.Fatalf("usage: tabrows FILE [TABLE]")
				}
				opts := tabular.Options{}
				if len(args) == 2 {
					opts.Sheet = args[1]
				}
				tables, err := tabular.Read(ts.MkAbs(args[0]), opts)
				if neg {
					if err == nil {
						ts.Fatalf("tabrows: read %s", args[0])
					}
					fmt.Fprintln(ts.Stderr(), err)
					return
				}
				ts.Check(err)
				for _, t := range tables {
					fmt.Fprintf(ts.Stdout(), "[%s]\n", t.Name)
					for _, r := range t.Rows {
						cells := make([]string, len(r.Cells))
						for i, c := range r.Cells {
							cells[i] = strings.ReplaceAll(c.Text, "\n", `\n`)
							if c.Unreadable != "" {
								cells[i] = "!(" + c.Unreadable + ")"
							}
							if c.Fill != "" {
								cells[i] = strings.TrimSpace(cells[i] + " {" + c.Fill + "}")
							}
						}
						fmt.Fprintf(ts.Stdout(), "%d: %s\n", r.Line, strings.Join(cells, " | "))
					}
					for _, m := range t.Merges {
						from, _ := excelize.CoordinatesToCellName(m.Col+1, m.Row+1)
						to, _ := excelize.CoordinatesToCellName(m.Col+m.Width, m.Row+m.Height)
						fmt.Fprintf(ts.Stdout(), "merge %s:%s\n", from, to)
					}
				}
			},
			// maxwidth FILE N fails if a line of FILE (stdout, say) is wider than N terminal cells,
			// as a terminal of N columns would wrap it; ! maxwidth wants one that is.
			"maxwidth": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: maxwidth FILE N")
				}
				limit, err := strconv.Atoi(args[1])
				ts.Check(err)
				widest, at := 0, ""
				for _, line := range strings.Split(ts.ReadFile(args[0]), "\n") {
					if w := lipgloss.Width(line); w > widest {
						widest, at = w, line
					}
				}
				if over := widest > limit; over != neg {
					ts.Fatalf("widest line of %s is %d cells (limit %d): %q", args[0], widest, limit, at)
				}
			},
			// replace FILE OLD NEW replaces the one occurrence of OLD in FILE ("\n" is a newline),
			// as an officer editing a plan would.
			"replace": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: replace FILE OLD NEW")
				}
				unescape := strings.NewReplacer(`\n`, "\n").Replace
				path := ts.MkAbs(args[0])
				data, err := os.ReadFile(path)
				ts.Check(err)
				old, new := unescape(args[1]), unescape(args[2])
				if n := strings.Count(string(data), old); n != 1 {
					ts.Fatalf("replace: %q occurs %d times in %s, want once", old, n, args[0])
				}
				ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
			},
		},
	})
}

// cp1252 are the Windows-1252 bytes that are not Latin-1's: the typographic marks Word and Excel
// type.
var cp1252 = map[rune]byte{'€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85}

// pyyamlDump prints every scalar of a YAML file as PyYAML reads it.
const pyyamlDump = `
import sys, yaml
def walk(path, v):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(path + "." + str(k), x)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk(path + "[" + str(i) + "]", x)
    else:
        print(path, type(v).__name__, repr(v) if not isinstance(v, str) else v)
with open(sys.argv[1], encoding="utf-8") as f:
    walk("", yaml.safe_load(f))
`

func mkTable(ts *testscript.TestScript, name string, args []string, write func(path, spec string) error) {
	if len(args) != 2 {
		ts.Fatalf("usage: %s OUT SPEC", name)
	}
	ts.Check(write(ts.MkAbs(args[0]), ts.ReadFile(args[1])))
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pyyamlPython is the first Python that has PyYAML: the one on PATH (which may be a pyenv
// Python of its own), else Debian's, where apt-get install python3-yaml puts it; "" for none.
// It asks once: starting Python (through pyenv's shim) takes a tenth of a second.
var pyyamlPython = sync.OnceValue(func() string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import yaml").Run() == nil {
			return py
		}
	}
	return ""
})
