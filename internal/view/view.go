// Package view owns what each listing (list, due, overdue, leads, status) and show print:
// their records for JSON, CSV and a workbook (field names are stable: scripts read them) and the
// documents people read, built from query's answers. It decides words and columns; render draws
// them.
package view

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func nonEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
