package query

import "github.com/cpp-plans/cpp/internal/deadline"

// ParseQuarterIn reads --quarter as ParseQuarter does, except that a quarter written without a
// financial year ("Q3-2025") is read in conv, the repository's convention (its cpp.yaml), and so
// covers the same dates for every plan: a financial repository's Q3-2025 is October to December
// 2025, Q3 2025/26.
func ParseQuarterIn(s string, conv deadline.Convention) (Window, error) {
	w, err := ParseQuarter(s)
	if err != nil || w.Fixed != nil {
		return w, err
	}
	d, err := deadline.Parse(s, conv)
	if err != nil {
		return Window{}, quarterError(s, err)
	}
	return Window{Label: deadline.QuarterName(d), Fixed: &d}, nil
}
