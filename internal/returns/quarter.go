package returns

import (
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/query"
)

// QuarterAsked is the quarter a return is for: the quarter given to --quarter ("Q3-2025", or
// "Q3-2025/26", financial), else the quarter holding today. A bare quarter is read in conv, the
// repository's convention, when its cpp.yaml sets one (so that it covers the same dates for every
// plan), else in each plan's own. A quarter that cannot be read is bad usage.
func QuarterAsked(today time.Time, given string, conv *deadline.Convention) (query.Window, error) {
	if given == "" {
		return query.ThisQuarter(today), nil
	}
	var quarter query.Window
	var err error
	if conv != nil {
		quarter, err = query.ParseQuarterIn(given, *conv)
	} else {
		quarter, err = query.ParseQuarter(given)
	}
	if err != nil {
		return query.Window{}, exitcode.Usagef("", "invalid --quarter %s", strings.TrimPrefix(err.Error(), "invalid quarter "))
	}
	return quarter, nil
}
