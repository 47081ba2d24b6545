package planimport_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planimport"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/testutil/exittest"
	"github.com/cpp-plans/cpp/internal/testutil/tree"
)

const table = "Action,Deadline,Lead\nFind homes near school,Q3 2025,Virtual School\nRecruit mentors,Q4 2025,Virtual School\n"

const leads = "leads:\n  - name: Virtual School\n"

// otherPlan is a plan already in the repository, whose id an import may ask for again.
const otherPlan = "id: taken\ntitle: T\ncouncil: Riverside Council\nperiod: {start: 2025-01-01, end: 2026-12-31}\nsections: []\n"

// TestRun imports a CSV table into a plan repository in a temp folder.
func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		req      planimport.Request
		repo     bool     // the folder is a plan repository (plans/ with a lead registry)
		written  string   // the file written, relative to the folder; "" for none
		printed  bool     // the plan is the command's to print
		messages []string // told to Messages
		in       []string // in the plan made
		code     int      // the exit code of the error; 0 for none
		msg      string
	}{
		{name: "into the repository's plans folder", req: planimport.Request{ID: "riverside-ap"}, repo: true,
			written: "plans/riverside-ap.yaml", in: []string{"id: riverside-ap\n", "Find homes near school"},
			messages: []string{"cpp import: plan.csv, header row 1\n", "2 actions", "cpp: wrote plans/riverside-ap.yaml; next: cpp validate\n"}},
		{name: "a dry run writes nothing", req: planimport.Request{ID: "riverside-ap", DryRun: true}, repo: true, printed: true,
			messages: []string{"2 actions"}},
		{name: "-o - prints", req: planimport.Request{ID: "riverside-ap", Output: "-"}, repo: true, printed: true},
		{name: "-o names the file", req: planimport.Request{ID: "riverside-ap", Output: "ap.yaml"}, written: "ap.yaml",
			messages: []string{"cpp: wrote ap.yaml; next"}},
		{name: "a dry run needs no repository", req: planimport.Request{ID: "riverside-ap", DryRun: true}, printed: true},
		{name: "a write needs one", req: planimport.Request{ID: "riverside-ap"}, code: exitcode.Usage, msg: "no plans/ folder here or in any parent folder"},
		{name: "cpp.yaml's council and quarters", req: planimport.Request{ID: "riverside-ap", Council: " ", DryRun: true,
			Config: &config.Config{Council: "Camden Council", Quarters: deadline.Financial, QuartersSet: true}}, printed: true,
			in: []string{"council: Camden Council\n", "quarters: financial\n"}},
		{name: "--quarters wins over cpp.yaml", req: planimport.Request{ID: "riverside-ap", DryRun: true, Quarters: "calendar", QuartersGiven: true,
			Config: &config.Config{Quarters: deadline.Financial, QuartersSet: true}}, printed: true, in: []string{"quarters: calendar\n"}},
		{name: "never over a file", req: planimport.Request{ID: "riverside-ap", Output: "plan.csv"}, code: exitcode.Problem,
			msg: "cannot write plan.csv: it already exists; nothing written"},
		{name: "an id another plan has", req: planimport.Request{ID: "taken"}, repo: true, code: exitcode.Problem,
			msg: "the plan would not validate (1 error); nothing written", messages: []string{`duplicate id "taken"`}},
		{name: "no --id", req: planimport.Request{}, code: exitcode.Usage, msg: "cpp import needs --id"},
		{name: "no such table", req: planimport.Request{ID: "riverside-ap", File: "missing.csv", DryRun: true}, code: exitcode.Problem,
			msg: "cannot read missing.csv: no such file"},
		{name: "no column of actions", req: planimport.Request{ID: "riverside-ap", File: "people.csv", DryRun: true}, code: exitcode.Problem, msg: "people.csv"},
		{name: "no actions below the header", req: planimport.Request{ID: "riverside-ap", File: "header.csv", DryRun: true}, code: exitcode.Problem,
			msg: "has no actions below its header row (row 1); nothing written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tree.Write(t, dir, map[string]string{"plan.csv": table, "people.csv": "Name,Age\nAda,9\n", "header.csv": "Action,Deadline\n"})
			if tt.repo {
				tree.Write(t, dir, map[string]string{"plans/leads.yaml": leads, "plans/other.yaml": otherPlan})
			}
			t.Chdir(dir)
			var messages bytes.Buffer
			var locked []string
			req := tt.req
			if req.File == "" {
				req.File = "plan.csv"
			}
			req.Title, req.Messages, req.Today = "Action Plan", &messages, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
			if req.Council == "" {
				req.Council = "Riverside Council"
			}
			req.Getwd = func() (string, error) { return dir, nil }
			req.Lock = func(dirs []string) (*safewrite.Lock, error) { locked = dirs; return &safewrite.Lock{}, nil }
			imp, err := planimport.Run(req)
			for _, want := range tt.messages {
				if !strings.Contains(messages.String(), want) {
					t.Errorf("messages lack %q:\n%s", want, messages.String())
				}
			}
			if tt.code != 0 {
				exittest.Check(t, err, tt.code, tt.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if imp.Printed != tt.printed {
				t.Errorf("printed %v, want %v", imp.Printed, tt.printed)
			}
			for _, want := range tt.in {
				if !bytes.Contains(imp.Data, []byte(want)) {
					t.Errorf("the plan lacks %q:\n%s", want, imp.Data)
				}
			}
			if tt.written == "" {
				if locked != nil {
					t.Errorf("locked %v, writing nothing", locked)
				}
				return
			}
			if data, err := os.ReadFile(filepath.Join(dir, tt.written)); err != nil || !bytes.Equal(data, imp.Data) {
				t.Errorf("%s: %v, or not the plan made", tt.written, err)
			}
			if want := filepath.Dir(tt.written); len(locked) != 1 || locked[0] != want {
				t.Errorf("locked %v, want [%s]", locked, want)
			}
		})
	}
}

// TestRunFails: the lock's error passes through; no working folder, and a write the system
// fails, end with exit 3.
func TestRunFails(t *testing.T) {
	errBusy := errors.New("busy")
	tests := []struct {
		name   string
		output string
		lock   error
		getwd  error
		is     func(error) bool
	}{
		{"the lock", "", errBusy, nil, func(err error) bool { return errors.Is(err, errBusy) }},
		{"no working folder", "", nil, errors.New("gone"), func(err error) bool {
			var ee *exitcode.Error
			return errors.As(err, &ee) && ee.Code == exitcode.Failure && ee.Msg == "cannot find the working directory: gone"
		}},
		{"a folder that is not there", "nowhere/ap.yaml", nil, nil, func(err error) bool {
			return exitcode.Of(err) == exitcode.Failure && strings.HasPrefix(err.Error(), "cannot write nowhere/ap.yaml: ")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tree.Write(t, dir, map[string]string{"plan.csv": table, "plans/leads.yaml": leads})
			t.Chdir(dir)
			_, err := planimport.Run(planimport.Request{File: "plan.csv", ID: "riverside-ap", Title: "Action Plan", Council: "Riverside Council",
				Output: tt.output, Messages: &bytes.Buffer{},
				Getwd: func() (string, error) { return dir, tt.getwd },
				Lock:  func([]string) (*safewrite.Lock, error) { return &safewrite.Lock{}, tt.lock }})
			if !tt.is(err) {
				t.Errorf("got %#v", err)
			}
		})
	}
}
