package gitrev

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

func TestFailure(t *testing.T) {
	own := exitcode.Problemf("a hint", "a problem")
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"nil", nil, nil},
		{"git's", &Error{Msg: "unknown revision", Hint: "check it"}, &exitcode.Error{Code: exitcode.Failure, Msg: "unknown revision", Hint: "check it"}},
		{"its own code", own, own},
		{"any other", errors.New("disk on fire"), &exitcode.Error{Code: exitcode.Failure, Msg: "disk on fire"}},
	} {
		if got := Failure(tc.err); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Failure = %#v, want %#v", tc.name, got, tc.want)
		}
	}
}

func TestOpenPlansPath(t *testing.T) {
	dir, _, _ := plansHistory(t)
	getwd := func() (string, error) { return dir, nil }
	for _, tc := range []struct {
		path      string
		wantUnder string
		wantCode  int
	}{
		{"plans", "plans", exitcode.OK},
		{filepath.Join(dir, "plans"), "plans", exitcode.OK},
		{"plans/a.yaml", "plans", exitcode.OK}, // a plan file: its folder
		{"nowhere", "", exitcode.Problem},
		{os.TempDir(), "", exitcode.Failure}, // not a git repository
	} {
		r, err := OpenPlansPath(tc.path, getwd)
		if code := exitcode.Of(err); code != tc.wantCode {
			t.Errorf("OpenPlansPath(%q): exit %d (%v), want %d", tc.path, code, err, tc.wantCode)
			continue
		}
		if err == nil && (r.Under != tc.wantUnder || r.Dir != filepath.Join(dir, "plans")) {
			t.Errorf("OpenPlansPath(%q) = %+v", tc.path, r)
		}
	}
	if _, err := OpenPlansPath("plans", func() (string, error) { return "", errors.New("gone") }); exitcode.Of(err) != exitcode.Failure {
		t.Errorf("no working folder: %v", err)
	}
}

func TestSides(t *testing.T) {
	dir, c1, c2 := plansHistory(t)
	r, err := OpenPlans(filepath.Join(dir, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	git(t, dir, "checkout", "-q", "-b", "side", c1)
	side := commit(t, dir, "Side", map[string]string{"plans/d.yaml": planText("d", "D")})
	git(t, dir, "checkout", "-q", "main")
	write(t, dir, map[string]string{"plans/a.yaml": planText("a", "A, not committed")})
	for _, tc := range []struct {
		revs     []string
		old, new Side
		code     int
	}{
		{nil, Side{Rev: "HEAD", Commit: c2}, Side{Rev: "working tree"}, exitcode.OK},
		{[]string{"HEAD~1"}, Side{Rev: "HEAD~1", Commit: c1}, Side{Rev: "working tree"}, exitcode.OK},
		{[]string{"HEAD~1", "main"}, Side{Rev: "HEAD~1", Commit: c1}, Side{Rev: "main", Commit: c2}, exitcode.OK},
		{[]string{"HEAD~1..main"}, Side{Rev: "HEAD~1", Commit: c1}, Side{Rev: "main", Commit: c2}, exitcode.OK},
		{[]string{"main...side"}, Side{Rev: "merge base of main and side", Commit: c1}, Side{Rev: "side", Commit: side}, exitcode.OK},
		{[]string{"a..b", "c"}, Side{}, Side{}, exitcode.Usage},
		{[]string{"nosuch"}, Side{}, Side{}, exitcode.Failure},
		{[]string{"main", "nosuch"}, Side{}, Side{}, exitcode.Failure},
	} {
		old, new, err := r.Sides(tc.revs)
		if code := exitcode.Of(err); code != tc.code {
			t.Errorf("Sides(%q): exit %d (%v), want %d", tc.revs, code, err, tc.code)
			continue
		}
		if err == nil && (old.Side != tc.old || new.Side != tc.new) {
			t.Errorf("Sides(%q) = %+v, %+v; want %+v, %+v", tc.revs, old.Side, new.Side, tc.old, tc.new)
		}
	}
	// The working tree is read as it is on disk.
	_, now, err := r.Sides(nil)
	if err != nil || len(now.Plans) != 2 || now.Plans[0].Title != "A, not committed" {
		t.Errorf("the working tree: %v", err)
	}
}

// A plans folder that cannot be listed is a problem with the folder, said as planfile says it.
func TestCurrentUnreadable(t *testing.T) {
	dir, _, _ := plansHistory(t)
	r, err := OpenPlans(filepath.Join(dir, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	if now, err := r.Current(); err != nil || len(now.Plans) != 2 || len(now.Broken) != 1 {
		t.Fatalf("Current = %+v, %v", now, err)
	}
	if err := os.RemoveAll(r.Dir); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Current(); exitcode.Of(err) != exitcode.Problem {
		t.Errorf("a plans folder gone: %v", err)
	}
}
