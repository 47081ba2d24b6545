package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func TestLockWait(t *testing.T) {
	tests := []struct {
		timeout string
		want    time.Duration
		code    int
	}{
		{"", safewrite.DefaultWait, exitcode.OK},
		{"30s", 30 * time.Second, exitcode.OK},
		{"1500ms", 1500 * time.Millisecond, exitcode.OK},
		{"soon", 0, exitcode.Usage},
		{"0s", 0, exitcode.Usage},
		{"-1s", 0, exitcode.Usage},
	}
	for _, tt := range tests {
		e := Env{Getenv: func(string) string { return tt.timeout }}
		got, err := e.lockWait()
		if got != tt.want || exitcode.Of(err) != tt.code {
			t.Errorf("CPP_LOCK_TIMEOUT=%q: %v, exit %d; want %v, exit %d", tt.timeout, got, exitcode.Of(err), tt.want, tt.code)
		}
	}
	e, _ := envIn(t, t.TempDir(), map[string]string{"CPP_LOCK_TIMEOUT": "soon"})
	if _, err := e.Lock([]string{"."}); err == nil || err.Error() != `invalid CPP_LOCK_TIMEOUT "soon"` {
		t.Errorf("Lock with a bad timeout: %v", err)
	}
}

// A folder is guarded by its own lock and by the lock of each folder of plans below it; a file
// by its folder's; a path that does not exist by none.
func TestLockDirs(t *testing.T) {
	dir := repo(t, map[string]string{"plans/a.yaml": riverside, "plans/old/b.yaml": riverside, "other/c.yaml": riverside})
	real := func(p string) string {
		r, err := filepath.EvalSymlinks(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		paths []string
		want  []string
	}{
		{[]string{filepath.Join(dir, "plans")}, []string{real("plans"), real("plans/old")}},
		{[]string{filepath.Join(dir, "other", "c.yaml")}, []string{real("other")}},
		{[]string{filepath.Join(dir, "missing")}, nil},
	}
	for _, tt := range tests {
		got := slices.Compact(slices.Sorted(slices.Values(lockDirs(tt.paths))))
		if !slices.Equal(got, tt.want) {
			t.Errorf("lockDirs(%q) = %q, want %q", tt.paths, got, tt.want)
		}
	}
}

// A second writer gives up after CPP_LOCK_TIMEOUT with exit 5, naming the lock from where the
// user is; once the first is done, it goes ahead.
func TestLockBusy(t *testing.T) {
	dir := repo(t, map[string]string{"plans/a.yaml": riverside})
	e, _ := envIn(t, dir, map[string]string{"CPP_LOCK_TIMEOUT": "100ms"})
	first, err := e.Lock([]string{"plans"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Lock([]string{"plans"})
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Busy ||
		!strings.HasSuffix(ee.Msg, "is writing the plans in plans: waited 100ms for it; nothing written") ||
		!strings.HasSuffix(ee.Hint, "remove "+filepath.Join("plans", safewrite.LockName)) {
		t.Fatalf("second writer: %#v", err)
	}
	first.Release()
	second, err := e.Lock([]string{"plans"})
	if err != nil || !second.Covers(filepath.Join("plans", "a.yaml")) {
		t.Fatalf("after release: %v", err)
	}
	second.Release()
	if _, err := os.Stat(filepath.Join(dir, "plans", safewrite.LockName)); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}

func TestInUseError(t *testing.T) {
	err := inUseError(&safewrite.Error{Op: "write", Path: "returns.xlsx", Kind: safewrite.Failed})
	var ee *exitcode.Error
	if !errors.As(err, &ee) {
		t.Fatalf("%T", err)
	}
	if ee.Code != exitcode.Problem || ee.Msg != "cannot write returns.xlsx: another program has it open" ||
		ee.Hint != "close it in Excel (or the program that has it open) and run again" {
		t.Errorf("got exit %d, %q, hint %q", ee.Code, ee.Msg, ee.Hint)
	}
}

func TestWriteFailed(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code int
	}{
		{"not safewrite's", errors.New("disk on fire"), exitcode.Failure},
		{"refused", &safewrite.Error{Op: "write", Path: "due.csv", Kind: safewrite.Changed}, exitcode.Problem},
		// Outside Windows the error numbers that mean "in use" there mean other things: they
		// stay the system's failure.
		{"the system's", &safewrite.Error{Op: "write", Path: "due.csv", Kind: safewrite.Failed, Err: os.ErrPermission}, exitcode.Failure},
	}
	for _, tt := range tests {
		if got := exitcode.Of(WriteFailed(tt.err)); got != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.name, got, tt.code)
		}
	}
}
