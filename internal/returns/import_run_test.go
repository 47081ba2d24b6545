package returns

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/render"
)

// ImportFiles prepares the change the returns make, or refuses them all: an undated CSV without
// a day given is bad usage; any problem is listed and ends the import (exit 1), with a hint that
// mentions plan files left unread.
func TestImportFiles(t *testing.T) {
	dir := t.TempDir()
	planPath := filepath.Join(dir, "tiny.yaml")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(planPath, tiny)
	f := planfile.Parse(planPath, []byte(tiny), planfile.Options{})
	plans := []*plan.Plan{f.Plan}
	header := "ID,Action,New status,New RAG,Progress note\n"
	good, bad := filepath.Join(dir, "good.csv"), filepath.Join(dir, "bad.csv")
	write(good, header+"tiny.p1.1,One.,In progress,,Going well.\n")
	write(bad, header+"tiny.p1.9,Nine.,In progress,,No such action.\n")
	day := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)

	for _, tt := range []struct {
		name   string
		files  []string
		opts   ImportOptions
		code   int
		msg    string
		hint   string
		listed string
	}{
		{"undated", []string{good}, ImportOptions{}, exitcode.Usage,
			good + " does not say which day the return was made (a CSV has no record of it): give --date",
			"give the day the updates are for, as in --date 2025-09-30", ""},
		{"an unknown id", []string{good, bad}, ImportOptions{Date: day}, exitcode.Problem,
			"returns import: 1 problem; nothing written", "correct the rows named (or ask their leads to) and import again", bad + ": row 2"},
		{"with broken plans", []string{bad}, ImportOptions{Date: day, Broken: true}, exitcode.Problem,
			"returns import: 1 problem; nothing written",
			"correct the rows named (or ask their leads to) and import again; plan files with errors were not read (see above)", bad + ": row 2"},
	} {
		var listed strings.Builder
		tt.opts.Problems = &listed
		im, err := ImportFiles(tt.files, plans, tt.opts)
		var ee *exitcode.Error
		if im != nil || !errors.As(err, &ee) || ee.Code != tt.code || ee.Msg != tt.msg || ee.Hint != tt.hint {
			t.Errorf("%s: %v, %#v", tt.name, im, err)
		}
		if !strings.HasPrefix(listed.String(), tt.listed) || (tt.listed == "") != (listed.Len() == 0) {
			t.Errorf("%s: listed %q, want it to start %q", tt.name, listed.String(), tt.listed)
		}
	}

	im, err := ImportFiles([]string{good}, plans, ImportOptions{Date: day, Problems: &strings.Builder{}})
	if err != nil || len(im.Change.Files) != 1 || im.Change.Files[0].Path != planPath || im.Unchanged() != "" {
		t.Fatalf("a good return: %+v, %v", im, err)
	}
	write(planPath, string(im.Change.Files[0].Data))
	f = planfile.Parse(planPath, im.Change.Files[0].Data, planfile.Options{})
	im, err = ImportFiles([]string{good}, []*plan.Plan{f.Plan}, ImportOptions{Date: day, Problems: &strings.Builder{}})
	if err != nil || im.Unchanged() != "nothing to change: 1 answered row, all already recorded" {
		t.Errorf("the same return again: %v, %q", err, im.Unchanged())
	}
}

// The returns are the new side of the change: the one file, or how many.
func TestImportSide(t *testing.T) {
	for _, tt := range []struct {
		files  []string
		dryRun bool
		want   string
	}{
		{[]string{"q3.xlsx"}, false, "q3.xlsx"},
		{[]string{"q3.xlsx"}, true, "q3.xlsx (dry run: nothing written)"},
		{[]string{"a.xlsx", "b.csv"}, false, "2 returns"},
		{[]string{"a.xlsx", "b.csv", "c.csv"}, true, "3 returns (dry run: nothing written)"},
	} {
		if got := ImportSide(tt.files, tt.dryRun); got != (render.Side{Rev: tt.want}) {
			t.Errorf("%v, dry run %v: %+v, want %q", tt.files, tt.dryRun, got, tt.want)
		}
	}
}
