package exitcode

import (
	"errors"
	"fmt"
	"testing"
)

func TestOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, OK},
		{Usagef("h", "bad %s", "flag"), Usage},
		{Problemf("", "no id"), Problem},
		{Failuref("git failed"), Failure},
		{&Silent{Code: Partial}, Partial},
		{fmt.Errorf("wrapped: %w", &Error{Code: Busy, Msg: "busy"}), Busy},
		{errors.New("anything else"), Failure},
	}
	for _, tt := range tests {
		if got := Of(tt.err); got != tt.want {
			t.Errorf("Of(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestMessageAndHint(t *testing.T) {
	err := Usagef("use one of: a, b", "unknown format %q", "x")
	var ee *Error
	if !errors.As(err, &ee) || ee.Msg != `unknown format "x"` || ee.Hint != "use one of: a, b" || err.Error() != ee.Msg {
		t.Errorf("got %#v", err)
	}
}
