package suggest

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"lead", "leads", 1},
		{"dedline", "deadline", 1},
		{"titel", "title", 1}, // two letters swapped is one slip of the fingers
		{"stauts", "status", 1},
		{"café", "cafe", 1}, // counted in runes, not bytes
		{"kitten", "sitting", 3},
		{"<<", "id", 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

// A suggestion must be close to what was written: a wrong guess sends an officer looking for a
// mistake they did not make.
func TestClosest(t *testing.T) {
	actionKeys := []string{"id", "text", "deadline", "leads", "status", "rag", "outcomes", "links", "tags", "updates", "parent"}
	planKeys := []string{"id", "title", "council", "period", "owner", "quarters", "source", "links", "measures", "sections", "leads", "practice"}
	statuses := []string{"not-started", "in-progress", "complete", "dropped"}
	rags := []string{"green", "amber", "red"}
	leads := []string{"Virtual School", "Leaving Care Team", "Integrated Care Board", "ICB"}
	tests := []struct {
		word       string
		candidates []string
		want       string // "" for no suggestion
	}{
		// close slips keep their suggestions
		{"dedline", actionKeys, "deadline"},
		{"deadine", actionKeys, "deadline"},
		{"lead", actionKeys, "leads"},
		{"Leads", actionKeys, "leads"},
		{"tag", actionKeys, "tags"},
		{"titel", planKeys, "title"},
		{"quarter", planKeys, "quarters"},
		{"counsil", planKeys, "council"},
		{"stauts", actionKeys, "status"},
		{"in-progres", statuses, "in-progress"},
		{"completed", statuses, "complete"},
		{"gren", rags, "green"},
		{"amb", rags, "amber"},
		{"Virtual Schol", leads, "Virtual School"},
		{"Virtual", leads, "Virtual School"},
		{"Leaving Care", leads, "Leaving Care Team"},
		{"id", actionKeys, "id"},
		// names that are not close get no suggestion
		{"<<", actionKeys, ""},
		{"to", actionKeys, ""},
		{"ref", actionKeys, ""},
		{"due", actionKeys, ""},
		{"colour", actionKeys, ""},
		{"x", planKeys, ""},
		{"care", leads, ""},
		{"Board", leads, ""},
		{"blocked", statuses, ""},
		{"unknown", rags, ""},
	}
	for _, tt := range tests {
		got := strings.Join(Closest(tt.word, tt.candidates, 1), ",")
		if got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
