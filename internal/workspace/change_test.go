package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func TestStartChange(t *testing.T) {
	tests := []struct {
		name     string
		plansDir string
		write    bool
		locked   bool
		code     int
	}{
		{name: "dry run", write: false},
		{name: "write", write: true, locked: true},
		{name: "--plans", plansDir: "plans", write: true, locked: true},
		{name: "no plan files", plansDir: "empty", write: true, code: exitcode.Problem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := repo(t, map[string]string{"plans/riverside.yaml": riverside, "empty/": ""})
			e, _ := envIn(t, dir, nil)
			c, err := e.StartChange(tt.plansDir, tt.write)
			if exitcode.Of(err) != tt.code {
				t.Fatalf("exit %d, want %d: %v", exitcode.Of(err), tt.code, err)
			}
			if err != nil {
				// A change that cannot start leaves no lock behind.
				if _, err := os.Stat(filepath.Join(dir, tt.plansDir, safewrite.LockName)); !os.IsNotExist(err) {
					t.Errorf("lock left: %v", err)
				}
				return
			}
			defer c.Lock.Release()
			if (c.Lock != nil) != tt.locked || len(c.Loaded.Plans) != 1 || len(c.Loaded.Parsed) != 1 {
				t.Errorf("lock %v, %d plans, %d parsed", c.Lock, len(c.Loaded.Plans), len(c.Loaded.Parsed))
			}
		})
	}
}

// stamped is a PlanWrite of text to the file at path, stamped as the file is now.
func stamped(t *testing.T, path, text string) PlanWrite {
	t.Helper()
	_, stamp, err := safewrite.Read(path, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return PlanWrite{Path: path, Data: []byte(text), Stamp: stamp}
}

func TestWritePlans(t *testing.T) {
	tests := []struct {
		name    string
		lock    string // the folder locked
		changeB bool   // b.yaml changes after it was read
		code    int
		msg     string
		written string // the files holding the new text, and the notices
		notices string
	}{
		{name: "both", lock: "plans", written: "ab",
			notices: "cpp: updated plans/a.yaml\ncpp: updated plans/b.yaml\n"},
		{name: "not locked", lock: "other", code: exitcode.Problem,
			msg: "cannot write plans/a.yaml: it is not in a folder cpp locked for this command; nothing written"},
		{name: "partly", lock: "plans", changeB: true, code: exitcode.Partial, written: "a",
			msg:     "cannot write plans/b.yaml: it changed after cpp read it; nothing was written; written: plans/a.yaml; not written: plans/b.yaml",
			notices: "cpp: updated plans/a.yaml\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := repo(t, map[string]string{"plans/a.yaml": "a\n", "plans/b.yaml": "b\n", "other/": ""})
			e, notices := envIn(t, dir, nil)
			lk, err := e.Lock([]string{tt.lock})
			if err != nil {
				t.Fatal(err)
			}
			defer lk.Release()
			a, b := filepath.Join("plans", "a.yaml"), filepath.Join("plans", "b.yaml")
			ws := []PlanWrite{stamped(t, a, "new a\n"), stamped(t, b, "new b\n")}
			if tt.changeB {
				if err := os.WriteFile(b, []byte("b, by an editor\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err = e.WritePlans(lk, ws)
			if code, msg := exitOf(err); code != tt.code || msg != filepath.FromSlash(tt.msg) {
				t.Errorf("got %#v, want exit %d %q", err, tt.code, tt.msg)
			}
			if notices.String() != filepath.FromSlash(tt.notices) {
				t.Errorf("notices %q, want %q", notices, tt.notices)
			}
			for _, f := range []string{"a", "b"} {
				data, _ := os.ReadFile(filepath.Join("plans", f+".yaml"))
				if got, want := strings.HasPrefix(string(data), "new"), strings.Contains(tt.written, f); got != want {
					t.Errorf("%s.yaml holds %q", f, data)
				}
			}
		})
	}
}
