package returns

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/render"
)

// MaxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const MaxSheetName = render.MaxSheetName

// Sheet names the workbook always has. A lead's sheet never takes one of them.
const (
	SheetInstructions = "Instructions"
	SheetMeasures     = "Measures"
	// SheetMeta is the hidden sheet recording what the return was made from (see WriteXLSX).
	SheetMeta = "cpp"
)

// sheetNamer gives each lead a sheet name Excel accepts: at most 31 UTF-16 units, none of
// []:*?/\, no apostrophe at either end, no control characters, and unique in any case (Excel
// compares sheet names without case). A name cut short or taken is kept apart with " (2)".
type sheetNamer struct{ used map[string]bool }

func newSheetNamer() *sheetNamer {
	n := &sheetNamer{used: map[string]bool{}}
	// "History" is reserved by Excel for change tracking.
	for _, s := range []string{SheetInstructions, SheetMeasures, SheetMeta, "History"} {
		n.used[sheetKey(s)] = true
	}
	return n
}

func sheetKey(s string) string { return strings.ToLower(s) }

// name returns a fresh sheet name for a lead.
func (n *sheetNamer) name(lead string) string {
	base := render.SheetName(lead, MaxSheetName)
	if base == "" {
		base = "Lead"
	}
	name := base
	for i := 2; n.used[sheetKey(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = render.SheetName(base, MaxSheetName-len(suffix)) + suffix
	}
	n.used[sheetKey(name)] = true
	return name
}
