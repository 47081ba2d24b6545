package returns

import (
	"errors"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/query"
)

// The quarter asked for is today's when none is given; a bare quarter is read in the repository's
// convention when it sets one, else in each plan's; a financial quarter is itself everywhere.
func TestQuarterAsked(t *testing.T) {
	today := day("2025-10-01")
	financial := deadline.Financial
	for _, tt := range []struct {
		given string
		conv  *deadline.Convention
		start string // the fixed start, "" for a quarter read per plan
		label string
	}{
		{"", nil, "", ""},
		{"", &financial, "", ""},
		{"Q3-2025", nil, "", "Q3 2025"},
		{"Q3-2025", &financial, "2025-10-01", "Q3 2025/26"},
		{"Q3-2025/26", nil, "2025-10-01", "Q3 2025/26"},
	} {
		w, err := QuarterAsked(today, tt.given, tt.conv)
		if err != nil {
			t.Errorf("%q: %v", tt.given, err)
			continue
		}
		start := ""
		if w.Fixed != nil {
			start = w.Fixed.Start.Format("2006-01-02")
		}
		if start != tt.start || w.Label != tt.label || (tt.given == "") != (w == query.ThisQuarter(today)) {
			t.Errorf("%q in %v: %+v, want start %q, label %q", tt.given, tt.conv, w, tt.start, tt.label)
		}
	}
	for _, conv := range []*deadline.Convention{nil, &financial} {
		_, err := QuarterAsked(today, "Q5-2025", conv)
		var ee *exitcode.Error
		if !errors.As(err, &ee) || ee.Code != exitcode.Usage || !strings.HasPrefix(ee.Msg, `invalid --quarter "Q5-2025": `) {
			t.Errorf("Q5-2025 in %v: %#v", conv, err)
		}
	}
}
