package render

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/termsafe"
)

// How a sheet prints. A board member or a lead prints a workbook on A4; Excel's "fit to one page
// wide" alone shrinks a wide sheet (a return has 16 columns) to 4-point text. So a sheet is fitted
// to the page width only while that keeps the text at MinPrintScale or more; a wider sheet prints
// at that scale with its columns split across pages (Excel never cuts a column), the first column
// (the id) and the header row repeated on every page.
const (
	// MinPrintScale is the smallest scale a sheet prints at, in per cent: 11-point text at 70% is
	// about 8 points, as small as a printed table is comfortably read.
	MinPrintScale = 70
	// printWidthPoints is what an A4 landscape page holds between 0.5-inch margins.
	printWidthPoints = (11.69 - 1.0) * 72
)

// PrintPlan is how a sheet of the given column widths (in Excel's units, about a character
// each) prints: fitted to one page wide, or at MinPrintScale with its columns split across pages.
type PrintPlan struct {
	FitWidth bool
	Scale    int // when not fitted
}

// PlanPrint decides how columns of these widths print.
func PlanPrint(widths []float64) PrintPlan {
	if columnsPoints(widths)*MinPrintScale/100 <= printWidthPoints {
		return PrintPlan{FitWidth: true}
	}
	return PrintPlan{Scale: MinPrintScale}
}

// columnsPoints is how wide columns print at 100%: Excel draws a column of width w in w
// characters of 7 pixels and 5 pixels of padding, at 96 pixels to 72 points.
func columnsPoints(widths []float64) float64 {
	total := 0.0
	for _, w := range widths {
		total += (w*7 + 5) * 0.75
	}
	return total
}

// SetPrintLayout makes a sheet print on A4 landscape as PlanPrint decides, with half-inch side
// margins, the header row repeated on every page (when headerRow), and, when the columns are
// split across pages, the first column too.
func SetPrintLayout(f *excelize.File, sheet string, widths []float64, headerRow bool) error {
	p := PlanPrint(widths)
	a4, landscape := 9, "landscape"
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	if p.FitWidth {
		wide, tall := 1, 0
		layout.FitToWidth, layout.FitToHeight = &wide, &tall
	} else {
		scale := uint(p.Scale)
		layout.AdjustTo = &scale
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &p.FitWidth}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	side, ends := 0.5, 0.6
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &ends, Bottom: &ends}); err != nil {
		return err
	}
	if !headerRow {
		return nil
	}
	ref := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	titles := ref + "$1:$1"
	if !p.FitWidth {
		titles = ref + "$A:$A," + titles
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// lineHeight is the height of a line of 11-point text, in points; Excel's rows stop at 409.
const lineHeight, maxRowHeight = 15.0, 409.0

// RowHeight is the height a row needs for its tallest cell, its text wrapped at the column widths.
func RowHeight(cells []string, widths []float64) float64 {
	n := 1
	for i, c := range cells {
		if i < len(widths) {
			n = max(n, wrappedLines(termsafe.Text(c), widths[i]))
		}
	}
	return min(float64(n)*lineHeight, maxRowHeight)
}

// wrappedLines counts the lines text takes in a column width wide (Excel's width is about one
// character of the default font), wrapping at spaces as a spreadsheet does; an estimate that errs
// towards a line too many rather than text cut off.
func wrappedLines(text string, width float64) int {
	per := max(int(width)-1, 1)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= per:
				used += 1 + l
			default:
				n++
				used = l
			}
			for used > per { // a word longer than the column breaks anywhere
				n++
				used -= per
			}
		}
	}
	return n
}

// HeaderWords is a machine column name as a workbook's header says it to a person: "days_late" is
// "Days late", "id" is "ID", "rag" is "RAG". The README lists the CSV and JSON names beside them.
func HeaderWords(name string) string {
	switch name {
	case "id", "rag", "url":
		return strings.ToUpper(name)
	}
	words := strings.ReplaceAll(name, "_", " ")
	if words == "" {
		return words
	}
	return strings.ToUpper(words[:1]) + words[1:]
}
