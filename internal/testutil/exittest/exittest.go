// Package exittest checks, in tests, the exit code and message of the error a domain call
// returned.
package exittest

import (
	"errors"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// Check fails the test unless err is an *exitcode.Error with code, whose message contains msg.
func Check(t testing.TB, err error, code int, msg string) {
	t.Helper()
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != code || !strings.Contains(ee.Msg, msg) {
		t.Fatalf("got %#v, want exit %d with %q", err, code, msg)
	}
}
