package tabular

import "testing"

func TestNumberFormat(t *testing.T) {
	tests := []struct{ code, raw, want string }{
		{"General", "0.30000000000000004", "0.3"},
		{"General", "45930", "45930"},
		{"General", "-12.5", "-12.5"},
		{"General", "123456789012345678", "1.23457E+17"},
		{"0", "2.5", "3"},
		{"0.00", "2.675", "2.68"},
		{"0.0", "0.05", "0.1"},
		{"0.00", "0.001", "0.00"},
		{"#.00", "0.5", ".50"},
		{"0", "0", "0"},
		{"0.000", "123456.0005", "123456.001"},
		{"0", "1e20", "100000000000000000000"},
		{"0.00", "3.14159", "3.14"},
		{"#,##0", "1234567.8", "1,234,568"},
		{"#,##0.00", "-1234.5", "-1,234.50"},
		{"0%", "0.58", "58%"},
		{"0.0%", "0.5834", "58.3%"},
		{`£#,##0.00`, "1500", "£1,500.00"},
		{`[$£-809]#,##0`, "1500", "£1,500"},
		{`0.0 "days"`, "12", "12.0 days"},
		{`#,##0_);(#,##0)`, "1500", "1,500 "},
		{`[Red]0.00`, "1", "1.00"},
		{"@", "007", "007"},
		{"0.00E+00", "12345", "12345"},
		{"# ?/?", "0.5", "0.5"},
		{"000", "7", "007"},
		{"0", "not a number", "not a number"},
		{"0.00", "-0.001", "0.00"},
	}
	for _, tt := range tests {
		if got := parseNumberFormat(tt.code).format(tt.raw); got != tt.want {
			t.Errorf("%q of %s: got %q, want %q", tt.code, tt.raw, got, tt.want)
		}
	}
}

func TestDateLayout(t *testing.T) {
	tests := []struct{ code, want string }{
		{"dd/mm/yyyy", dayLayout},
		{"d mmmm yyyy", dayLayout},
		{`[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`, dayLayout},
		{"mmm-yy", monthLayout},
		{"mmmm yyyy;@", monthLayout},
		{"yyyy", yearLayout},
		{"h:mm", timeLayout},
		{"[h]:mm:ss", secsLayout},
		{"mm:ss", secsLayout},
		{"General", ""},
		{"0.00", ""},
		{`0 "days"`, ""},
		{`"Deadline"@`, ""},
		{`\d0`, ""},
		{"#,##0;[Red]-#,##0", ""},
	}
	for _, tt := range tests {
		if got := dateLayout(tt.code); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.code, got, tt.want)
		}
	}
}
