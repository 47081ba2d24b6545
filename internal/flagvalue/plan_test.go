package flagvalue

import (
	"strings"
	"testing"
)

// The flags of plan words read every spelling the plan reads, and list the words cpp writes.
func TestPlanWords(t *testing.T) {
	status := func(p *string) Enum { return Status(p, "invalid --status %q") }
	rag := func(p *string) Enum { return RAG(p, "invalid --rag %q") }
	for _, tc := range []struct {
		name   string
		flag   func(*string) Enum
		in     string
		want   string
		refuse string
		values string
	}{
		{"status in words", status, "In progress", "in-progress", "", "not-started, in-progress, complete, dropped"},
		{"status on track", status, "on track", "in-progress", "", ""},
		{"status refused as written", status, "Finished", "", `invalid --status "Finished"`, ""},
		{"RAG letter", rag, "A", "amber", "", "green, amber, red"},
		{"RAG refused", rag, "blue", "", `invalid --rag "blue"`, ""},
		{"quarters default", Quarters, "", "calendar", "", "calendar, financial"},
		{"quarters", Quarters, "Financial", "financial", "", ""},
		{"quarters refused, the default kept", Quarters, "fiscal", "calendar", `invalid --quarters "fiscal"`, ""},
	} {
		var v string
		f := tc.flag(&v)
		if tc.in != "" {
			msg, _ := usage(t, f.Set(tc.in))
			if msg != tc.refuse {
				t.Errorf("%s: %q, want %q", tc.name, msg, tc.refuse)
			}
		}
		if v != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, v, tc.want)
		}
		if tc.values != "" && strings.Join(f.Values, ", ") != tc.values {
			t.Errorf("%s: values %q", tc.name, f.Values)
		}
	}
}
