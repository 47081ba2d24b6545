package flagvalue

import (
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
)

// Status reads a status in every spelling plan.ParseStatus reads ("In progress", "on track");
// refusal is the error for any other word. Help and completion show the statuses as cpp writes
// them.
func Status(p *string, refusal string) Enum {
	return Enum{Value: p, Values: stringsOf(plan.Statuses), Refusal: refusal, Hint: "use one of: " + plan.StatusWords,
		Parse: func(s string) (string, bool) { st, ok := plan.ParseStatus(s); return string(st), ok }}
}

// RAG reads a RAG rating as a word or its letter, as plan.ParseRAG does.
func RAG(p *string, refusal string) Enum {
	return Enum{Value: p, Values: stringsOf(plan.RAGs), Refusal: refusal, Hint: "use one of: " + plan.RAGWords,
		Parse: func(s string) (string, bool) { r, ok := plan.ParseRAG(s); return string(r), ok }}
}

// Quarters is --quarters, how plans read "Q3 2025": calendar (the default) or financial.
func Quarters(p *string) Enum {
	*p = deadline.Calendar.String()
	return Enum{Value: p, Values: []string{deadline.Calendar.String(), deadline.Financial.String()}, Refusal: "invalid --quarters %q",
		Parse: func(s string) (string, bool) { c, ok := deadline.ParseConvention(s); return c.String(), ok }}
}

func stringsOf[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
