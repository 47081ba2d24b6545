package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/render"
)

// The workbooks cpp writes print: each data sheet A4 landscape with its header row on every
// page, fitted to the page width only while the text stays legible, and, printed by LibreOffice,
// the text is at least 7 points high (11-point text at the 70% floor is 7.7 points; fitted one
// page wide, a return's 16 columns were about 4).
func TestWorkbooksPrint(t *testing.T) {
	dir := t.TempDir()
	plans, err := filepath.Abs("../../plans")
	if err != nil {
		t.Fatal(err)
	}
	listing := filepath.Join(dir, "due.xlsx")
	ret := filepath.Join(dir, "return.xlsx")
	runCpp(t, dir, "due", "--quarter", "Q3-2025", "--today", "2025-10-01", "-o", listing, plans)
	runCpp(t, dir, "returns", "export", "--quarter", "Q3-2025", "--today", "2025-10-01", "--plan", "camden-cp", "-o", ret, plans)

	for _, book := range []string{listing, ret} {
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			if visible, _ := f.GetSheetVisible(sheet); !visible {
				continue
			}
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
				t.Errorf("%s %q: not A4 landscape", filepath.Base(book), sheet)
			}
			props, _ := f.GetSheetProps(sheet)
			fitted := props.FitToPage != nil && *props.FitToPage
			if !fitted && (pl.AdjustTo == nil || *pl.AdjustTo < render.MinPrintScale) {
				t.Errorf("%s %q: neither fitted nor printed at a legible scale", filepath.Base(book), sheet)
			}
			if sheet == "Instructions" {
				continue
			}
			titles := ""
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
					titles = dn.RefersTo
				}
			}
			if !regexp.MustCompile(`\$1:\$1$`).MatchString(titles) {
				t.Errorf("%s %q: the header row is not repeated on each page (print titles %q)", filepath.Base(book), sheet, titles)
			}
		}
		f.Close()
	}

	if testing.Short() {
		t.Skip("-short: the printed size is not checked")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CPP_REQUIRE_SOFFICE") == "1" {
			t.Fatal("CPP_REQUIRE_SOFFICE=1 but soffice is not installed (Debian: libreoffice-calc)")
		}
		t.Skip("LibreOffice (soffice) not installed: the printed size is not checked")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	for _, book := range []string{listing, ret} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/profile",
			"--convert-to", "pdf", "--outdir", dir, book)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		pdf := book[:len(book)-len(".xlsx")] + ".pdf"
		out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		heights := wordHeights(out)
		if len(heights) < 50 {
			t.Fatalf("%s printed %d words", filepath.Base(pdf), len(heights))
		}
		slices.Sort(heights)
		if median := heights[len(heights)/2]; median < 7 {
			t.Errorf("%s prints its text %.1f points high (median of %d words): too small to read", filepath.Base(pdf), median, len(heights))
		}
	}
}

var wordBox = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">`)

// wordHeights are the heights, in points, of the words pdftotext -bbox found.
func wordHeights(bbox []byte) []float64 {
	var hs []float64
	for _, m := range wordBox.FindAllSubmatch(bytes.TrimSpace(bbox), -1) {
		y0, _ := strconv.ParseFloat(string(m[1]), 64)
		y1, _ := strconv.ParseFloat(string(m[2]), 64)
		hs = append(hs, y1-y0)
	}
	return hs
}
