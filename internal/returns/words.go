package returns

import (
	"slices"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
)

// The header words of a return. Tools and CI read returns by these words, and `returns import`
// finds its columns by them (in any case), so they are a stable interface: change one and every
// return already sent out stops reading back.
const (
	ColID             = "ID"
	ColPlan           = "Plan"
	ColSection        = "Section"
	ColAction         = "Action"
	ColLead           = "Lead"
	ColDeadline       = "Deadline"
	ColDue            = "Due"
	ColCurrentStatus  = "Current status"
	ColCurrentRAG     = "Current RAG"
	ColLatestNote     = "Latest note"
	ColLatestNoteDate = "Latest note date"
	ColNewStatus      = "New status"
	ColNewRAG         = "New RAG"
	ColProgressNote   = "Progress note"
	ColRevised        = "Revised deadline"
	ColEvidence       = "Evidence"
	// ColShare says whether young people may read the progress note: blank (the default) or No
	// keeps it for officers and the board.
	ColShare = "Share with young people"

	ColMeasure         = "Measure"
	ColUnit            = "Unit"
	ColTarget          = "Target"
	ColLatestValue     = "Latest value"
	ColLatestValueDate = "Latest value date"
	ColNewValue        = "New value"
	ColValueDate       = "Value date"
	ColSource          = "Source"
	ColNote            = "Note"
)

// NotUnderstood is what the Due column says of an action whose deadline cpp cannot place in time
// (plan.Action.DeadlineNotUnderstood), as it says "recurring" of a recurring one.
const NotUnderstood = "not understood"

// ActionHeader is the header row of a lead's sheet and of the CSV return, in order: what the plan
// says now (locked in the workbook), then from ActionFillFrom on, what the lead fills in.
var ActionHeader = []string{ColID, ColPlan, ColSection, ColAction, ColLead, ColDeadline, ColDue,
	ColCurrentStatus, ColCurrentRAG, ColLatestNote, ColLatestNoteDate,
	ColNewStatus, ColNewRAG, ColProgressNote, ColRevised, ColEvidence, ColShare}

// ActionFillFrom is the index in ActionHeader of the first column the lead fills in.
const ActionFillFrom = 11

// MeasureHeader is the header row of the measures sheet (and of `--measures` CSV): the measure as
// it stands, then from MeasureFillFrom on, the figure for the period.
var MeasureHeader = []string{ColID, ColPlan, ColSection, ColMeasure, ColLead, ColUnit, ColTarget,
	ColLatestValue, ColLatestValueDate,
	ColNewValue, ColValueDate, ColSource, ColNote}

// MeasureFillFrom is the index in MeasureHeader of the first column the lead fills in.
const MeasureFillFrom = 9

// StatusWords are the drop-down's words for each status, in the order the list shows them.
var StatusWords = wordsOf(plan.Statuses, StatusWord)

// ShareWords are the drop-down's words for ColShare.
var ShareWords = []string{"Yes", "No"}

// ParseShare reads ColShare: yes or no as people write them; blank is no.
func ParseShare(s string) (share, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "share", "shared":
		return true, true
	case "", "no", "n", "false":
		return false, true
	}
	return false, false
}

// RAGWords are the drop-down's words for each RAG rating.
var RAGWords = wordsOf(plan.RAGs, RAGWord)

// StatusWord is how a return writes a status: the word every output uses (plan.Status.Word),
// capitalised as a drop-down's item is: "In progress".
func StatusWord(s plan.Status) string {
	if !slices.Contains(plan.Statuses, s) {
		return string(s)
	}
	w := s.Word()
	return strings.ToUpper(w[:1]) + w[1:]
}

// RAGWord is how a return writes a RAG rating: the word every output uses (plan.RAG.Word),
// "Amber"; empty when not rated, so that the cell is left to fill.
func RAGWord(r plan.RAG) string {
	if !slices.Contains(plan.RAGs, r) {
		return string(r)
	}
	return r.Word()
}

// wordsOf are the words of each value, in order.
func wordsOf[T any](values []T, word func(T) string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = word(v)
	}
	return out
}
