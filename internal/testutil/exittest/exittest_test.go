package exittest

import (
	"errors"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// fatal records whether Check failed the test, without ending this one.
type fatal struct {
	testing.TB
	failed bool
}

func (f *fatal) Helper()               {}
func (f *fatal) Fatalf(string, ...any) { f.failed = true }

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		err  error
		fail bool
	}{
		{"the code and message", exitcode.Usagef("", "cpp init needs --council"), false},
		{"another code", exitcode.Problemf("", "cpp init needs --council"), true},
		{"another message", exitcode.Usagef("", "invalid --council"), true},
		{"no exit code", errors.New("cpp init needs --council"), true},
		{"no error", nil, true},
	}
	for _, tt := range tests {
		f := &fatal{TB: t}
		Check(f, tt.err, exitcode.Usage, "needs --council")
		if f.failed != tt.fail {
			t.Errorf("%s: failed %v, want %v", tt.name, f.failed, tt.fail)
		}
	}
}
