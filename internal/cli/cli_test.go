package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run executes cpp in-process with buffers, a fixed clock and no terminal.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return false },
		Getwd:      func() (string, error) { return "../..", nil }}
	code = Run(env, args)
	return out.String(), errb.String(), code
}

// CSV output read back with a standard reader gives the same rows as the JSON output.
func TestCSVReadsBackAsJSON(t *testing.T) {
	for _, args := range [][]string{
		{"due", "--quarter", "Q3-2025"},
		{"list"},
		{"overdue", "--today", "2026-06-30"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			jsonOut, _, code := run(t, append(args, "--format", "json", "../../plans")...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			csvOut, _, _ := run(t, append(args, "--format", "csv", "../../plans")...)
			var recs []map[string]any
			if err := json.Unmarshal([]byte(jsonOut), &recs); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(recs)+1 || len(recs) == 0 {
				t.Fatalf("%d CSV rows for %d JSON records", len(rows), len(recs))
			}
			header := rows[0]
			for i, rec := range recs {
				if len(rec) != len(header) {
					t.Fatalf("record %d has %d fields, CSV has %d columns", i, len(rec), len(header))
				}
				for j, col := range header {
					if got, want := rows[i+1][j], csvValue(rec[col]); got != want {
						t.Errorf("row %d column %s: CSV %q, JSON %q", i, col, got, want)
					}
				}
			}
		})
	}
}

// csvValue is how a JSON value is written in CSV: lists joined with "; ", null as empty.
func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
		}
		return strings.Join(parts, "; ")
	case float64:
		return fmt.Sprint(int(x))
	}
	return fmt.Sprint(v)
}

// A cell a spreadsheet would run as a formula is defused; the JSON keeps the text as written.
func TestCSVFormulaInjection(t *testing.T) {
	dir := t.TempDir()
	plan := `id: evil
title: A plan with formulas in it
council: Test Council
period: {start: 2025-01-01, end: 2028-12-31}
sections:
  - id: evil.p1
    kind: priority
    title: P1
    actions:
      - {id: evil.1, text: "=HYPERLINK(\"http://example.org\",\"click\")", leads: ["+team"], deadline: Q3 2025}
      - {id: evil.2, text: "@SUM(A1)", leads: ["-team"], deadline: Q3 2025}
leads: [{name: "+team"}, {name: "-team"}]
`
	path := filepath.Join(dir, "evil.yaml")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "list", "--format", "csv", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("cell %q would run as a formula", c)
			}
		}
	}
	if rows[1][3] != `'=HYPERLINK("http://example.org","click")` || rows[1][8] != "'+team" {
		t.Errorf("row = %q", rows[1])
	}
	js, _, _ := run(t, "list", "--format", "json", path)
	if !strings.Contains(js, `"text": "=HYPERLINK(\"http://example.org\",\"click\")"`) {
		t.Errorf("JSON does not keep the text as written:\n%s", js)
	}
}
