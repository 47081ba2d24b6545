package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// runTerminal runs cpp with stdout taken for a terminal.
func runTerminal(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: func(w io.Writer) bool { return w == io.Writer(&out) },
		Getwd:      func() (string, error) { return "../..", nil }}
	code = Run(env, args)
	return out.String(), errb.String(), code
}

// A workbook is binary: it goes to a file, or to standard output only when that is not a terminal.
func TestReturnsWorkbookNotToATerminal(t *testing.T) {
	out, errs, code := runTerminal(t, "returns", "export", "-o", "-", "../../plans")
	if code != exitcode.Usage || out != "" || !strings.Contains(errs, "cpp: will not write a workbook to a terminal") {
		t.Errorf("-o - on a terminal: exit %d, %d bytes out, stderr %q", code, len(out), errs)
	}
	out, _, code = run(t, "returns", "export", "-o", "-", "../../plans")
	if code != exitcode.OK || !strings.HasPrefix(out, "PK\x03\x04") {
		t.Errorf("-o - into a pipe: exit %d, %.8q", code, out)
	}
	// CSV is text, and may go to a terminal.
	out, _, code = runTerminal(t, "returns", "export", "--format", "csv", "../../plans")
	if code != exitcode.OK || !strings.HasPrefix(out, "ID,Plan,Section,Action,Lead,") {
		t.Errorf("CSV on a terminal: exit %d, %.40q", code, out)
	}
}
