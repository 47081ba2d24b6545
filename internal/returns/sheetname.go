package returns

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
)

// MaxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const MaxSheetName = 31

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
	base := cleanSheetName(lead)
	if base == "" {
		base = "Lead"
	}
	name := cutUTF16(base, MaxSheetName)
	for i := 2; n.used[sheetKey(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = trimSheetEnds(cutUTF16(base, MaxSheetName-len(suffix))) + suffix
	}
	n.used[sheetKey(name)] = true
	return name
}

// cleanSheetName replaces what Excel refuses in a sheet name with spaces, and folds runs of space.
func cleanSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == unicode.ReplacementChar:
			// Control and format characters (bidi overrides among them) would act on whoever
			// reads the tab; a byte that was not UTF-8 arrives as U+FFFD.
			return ' '
		}
		return r
	}, s)
	return trimSheetEnds(strings.Join(strings.Fields(s), " "))
}

// trimSheetEnds removes what may not start or end a sheet name: an apostrophe, and spaces.
func trimSheetEnds(s string) string {
	return strings.Trim(s, "' ")
}

// cutUTF16 shortens s to at most max UTF-16 code units, never splitting a character.
func cutUTF16(s string, max int) string {
	n := 0
	for i, r := range s {
		w := len(utf16.Encode([]rune{r}))
		if n+w > max {
			return trimSheetEnds(s[:i])
		}
		n += w
	}
	return s
}
