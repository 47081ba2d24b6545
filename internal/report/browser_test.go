package report

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/query"
)

// tools are headless Chromium and poppler's pdftotext and pdfinfo.
type tools struct{ chromium, pdftotext, pdfinfo string }

// browser finds the tools. Without them the test is skipped, unless CPP_REQUIRE_BROWSER=1 (as
// .ci/run sets), when it fails. go test -short skips it: Chromium takes seconds to start.
func browser(t *testing.T) tools {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no headless Chromium")
	}
	find := func(names ...string) string {
		for _, n := range names {
			if p, err := exec.LookPath(n); err == nil {
				return p
			}
		}
		return ""
	}
	tl := tools{find("chromium", "chromium-browser", "google-chrome"), find("pdftotext"), find("pdfinfo")}
	if tl.chromium == "" || tl.pdftotext == "" || tl.pdfinfo == "" {
		if os.Getenv("CPP_REQUIRE_BROWSER") == "1" {
			t.Fatal("headless Chromium and poppler-utils are required (apt-get install chromium poppler-utils)")
		}
		t.Skip("no chromium or pdftotext here; .ci/run installs them")
	}
	return tl
}

// run runs headless Chromium on page (written to a file in dir) with args, and returns what it
// prints on stdout.
func (tl tools) run(t *testing.T, dir string, page []byte, args ...string) []byte {
	t.Helper()
	htmlPath := filepath.Join(dir, "report.html")
	if err := os.WriteFile(htmlPath, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile")}, args...)
	cmd := exec.CommandContext(ctx, tl.chromium, append(args, "file://"+htmlPath)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.Bytes())
	}
	return out.Bytes()
}

// printout is an HTML page printed to PDF, read back.
type printout struct {
	pdf   string
	pages []string // pdftotext's text, one string a page
	info  string   // pdfinfo
}

// print prints page to A4 PDF as a board member would (headless Chromium, no browser header or
// footer) and reads the PDF back with pdftotext.
func (tl tools) print(t *testing.T, page []byte) printout {
	t.Helper()
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	tl.run(t, dir, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	text, err := exec.Command(tl.pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command(tl.pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	pages := strings.Split(string(text), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return printout{pdf: pdf, pages: pages, info: string(info)}
}

func (p printout) layout(t *testing.T, tl tools) string {
	t.Helper()
	text, err := exec.Command(tl.pdftotext, "-layout", p.pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -layout: %v", err)
	}
	return string(text)
}

func reportHTML(t *testing.T, dir, asOf, quarter string, left []LeftOut) []byte {
	t.Helper()
	plans, reg := load(t, dir)
	period, err := query.ParseQuarter(quarter)
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, Build(plans, reg, Options{AsOf: date(asOf), Period: period, Tolerance: DefaultTolerance, LeftOut: left})); err != nil {
		t.Fatal(err)
	}
	return page.Bytes()
}

// printFixtures are the reports the printed board pack is checked on: the plans cpp ships, the
// report fixture, and a plan made to break the print (long titles, ids and words, 80 actions).
var printFixtures = []struct {
	name, dir, asOf, quarter string
	leftOut                  []LeftOut
}{
	{"bundled", "../../plans", "2025-12-31", "Q4-2025", nil},
	{"riverside", "../../testdata/report/fixture", "2025-12-31", "Q3-2025/26",
		[]LeftOut{{File: "plans/<i>other</i>.yaml", Error: "plans/other.yaml:2:1: error: unknown field `<b>x</b>` [unknown-field]"}}},
	{"stress", "../../testdata/report/print-stress", "2025-12-31", "Q3-2025/26", nil},
}

// TestPrintedBoardPack prints each fixture's report to A4 in Chromium and reads the PDF as a board
// member (or their PDF reader's search) would.
func TestPrintedBoardPack(t *testing.T) {
	tl := browser(t)
	for _, fx := range printFixtures {
		t.Run(fx.name, func(t *testing.T) {
			page := reportHTML(t, fx.dir, fx.asOf, fx.quarter, fx.leftOut)
			p := tl.print(t, page)
			layout := p.layout(t, tl)
			if !regexp.MustCompile(`Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)`).MatchString(p.info) {
				t.Errorf("pages are not A4:\n%s", p.info)
			}
			if fx.name == "riverside" {
				t.Run("shows", func(t *testing.T) { checkShows(t, layout) })
			}
			t.Run("words whole", func(t *testing.T) { checkWordsWhole(t, page, p, layout) })
			t.Run("page numbers", func(t *testing.T) { checkPageNumbers(t, p) })
			t.Run("headings kept with what follows", func(t *testing.T) { checkHeadings(t, page, strings.Split(layout, "\f")) })
			t.Run("timeline", func(t *testing.T) { checkTimeline(t, page, p) })
			t.Run("no text collides", func(t *testing.T) { checkNoCollisions(t, tl, p) })
		})
	}
}

// checkShows wants the fixture's printed report to show every section, RAG as words, flagged
// commentary, plan text literally (not run), and the notice of a file left out.
func checkShows(t *testing.T, layout string) {
	shown := strings.Join(strings.Fields(layout), " ")
	for _, want := range []string{
		"Riverside Corporate Parenting Plan 2025-2028",
		"Summary", "Exceptions", "Progress by section", "Coming up in", "Measures",
		"Actions by status", "Timeline of deadlines",
		"Red", "Amber", "Green", "No commentary", "Stale (",
		"better", "worse", "no data",
		"<script>alert('x')</script>", "R&D",
		"Partial report", "plans/<i>other</i>.yaml: plans/other.yaml:2:1: error: unknown field `<b>x</b>`",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the printed report does not show %q", want)
		}
	}
}

// boardWords are the words the report rates and flags with. Each must print whole, on one line:
// "Am-ber" or "No commen / tary" cannot be found by searching the PDF.
var boardWords = []string{"Red", "Amber", "Green", "Not rated", "not started", "in progress", "complete", "dropped",
	"overdue", "No commentary", `Stale \(\d{1,2} [A-Z][a-z]{2} \d{4}\)`, "no data", "no target", "no direction"}

// visibleText is the text of an HTML page that a browser draws: no head, no scripts or styles, and
// no SVG <title> (a tooltip), with entities decoded.
func visibleText(page []byte) string {
	s := string(page)
	if i := strings.Index(s, "<body"); i >= 0 {
		s = s[i:]
	}
	s = regexp.MustCompile(`(?s)<title[^>]*>.*?</title>|<style.*?</style>|<script.*?</script>`).ReplaceAllString(s, " ")
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
	return html.UnescapeString(s)
}

// checkWordsWhole counts each board word in the page and in the PDF's text, plain and laid out: a
// word broken across lines (or cut off) is missing from the PDF's count.
func checkWordsWhole(t *testing.T, page []byte, p printout, layout string) {
	text := visibleText(page)
	// One line of the PDF is one run of text: a word broken across two lines is two runs.
	oneLine := func(s string) string { return regexp.MustCompile(`[ \t\x{a0}]+`).ReplaceAllString(s, " ") }
	plain := oneLine(strings.Join(p.pages, "\n"))
	laid := oneLine(layout)
	html := strings.Join(strings.Fields(text), " ")
	seen := 0
	for _, w := range boardWords {
		re := regexp.MustCompile(w)
		// A word counts where it stands alone: "complete" is not in "completed".
		apart := func(r rune) bool { return r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }
		count := func(s string) int {
			n := 0
			for _, line := range strings.Split(s, "\n") {
				for _, loc := range re.FindAllStringIndex(line, -1) {
					before, _ := utf8.DecodeLastRuneInString(line[:loc[0]])
					after, _ := utf8.DecodeRuneInString(line[loc[1]:])
					if (loc[0] == 0 || apart(before)) && (loc[1] == len(line) || apart(after)) {
						n++
					}
				}
			}
			return n
		}
		want := count(html)
		seen += want
		if got := count(plain); got != want {
			t.Errorf("%q: the page shows it %d times, the printed PDF's text %d times (broken or cut off)", w, want, got)
		}
		if got := count(laid); got != want {
			t.Errorf("%q: the page shows it %d times, the printed PDF's laid-out text %d times", w, want, got)
		}
	}
	if seen == 0 {
		t.Error("the report shows none of the board's words")
	}
}

var pageNumber = regexp.MustCompile(`Page (\d+) of (\d+)`)

// checkPageNumbers wants "Page N of M" on each page.
func checkPageNumbers(t *testing.T, p printout) {
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(p.info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", p.info)
	}
	total, _ := strconv.Atoi(m[1])
	if len(p.pages) != total {
		t.Fatalf("pdftotext read %d pages of %d", len(p.pages), total)
	}
	for i, pg := range p.pages {
		if want := fmt.Sprintf("Page %d of %d", i+1, total); !strings.Contains(pg, want) {
			t.Errorf("page %d does not say %q", i+1, want)
		}
	}
}

// checkHeadings wants no page to end with a heading: a heading belongs with what it heads. The
// pages are laid out text, which keeps the order of lines down the page (plain text may not).
func checkHeadings(t *testing.T, page []byte, pages []string) {
	var headings []string
	for _, m := range regexp.MustCompile(`(?s)<h[1-6][^>]*>(.*?)</h[1-6]>`).FindAllStringSubmatch(string(page), -1) {
		headings = append(headings, strings.Join(strings.Fields(visibleText([]byte("<body>"+m[1]))), " "))
	}
	if len(headings) == 0 {
		t.Fatal("the page has no headings")
	}
	for i, pg := range pages[:len(pages)-1] {
		body := strings.Join(strings.Fields(pageNumber.ReplaceAllString(pg, "")), " ")
		for _, h := range headings {
			if h != "" && strings.HasSuffix(body, h) {
				t.Errorf("page %d ends with the heading %q", i+1, h)
			}
		}
	}
}

var (
	axisLabel   = `(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}`
	axisLine    = regexp.MustCompile(`(?m)^\s*(` + axisLabel + `\s*){2,}$`)
	timelineRow = regexp.MustCompile(`(?m)^\s*[\pL\pN_-]+(\.[\pL\pN_…-]+)+(\s+(not started|in progress|complete|dropped|overdue|Red))?\s*$`)
)

// checkTimeline wants every page that shows rows of the timeline to show its axis, axis labels
// apart from each other, and a key in words to its colours.
func checkTimeline(t *testing.T, page []byte, p printout) {
	if !strings.Contains(string(page), "Timeline of deadlines") {
		t.Fatal("the report has no timeline")
	}
	if strings.Contains(string(page), "No dated deadlines.") {
		return
	}
	rows := 0
	for i, pg := range p.pages {
		if !timelineRow.MatchString(pg) {
			continue
		}
		rows++
		if !axisLine.MatchString(pg) {
			t.Errorf("page %d shows rows of the timeline without its axis (%q)", i+1, timelineRow.FindString(pg))
		}
		if m := regexp.MustCompile(`\d{4}` + axisLabel).FindString(pg); m != "" {
			t.Errorf("page %d: the timeline's axis labels run together: %q", i+1, m)
		}
	}
	if rows == 0 {
		t.Error("no page shows the timeline's rows")
	}
	all := strings.Join(p.pages, "\n")
	if !regexp.MustCompile(`Key:`).MatchString(all) {
		t.Error("the timeline has no key to its colours")
	}
}

// checkNoCollisions reads where pdftotext finds each word and wants no two words on one line to
// touch or overlap: text drawn over text (a chart's labels) reads as neither.
func checkNoCollisions(t *testing.T, tl tools, p printout) {
	out, err := exec.Command(tl.pdftotext, "-bbox", p.pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	type box struct {
		x0, y0, x1, y1 float64
		w              string
	}
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	bad := 0
	for pi, pg := range strings.Split(string(out), "<page ")[1:] {
		var boxes []box
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			boxes = append(boxes, box{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				h := min(a.y1-a.y0, b.y1-b.y0)
				if min(a.y1, b.y1)-max(a.y0, b.y0) < h/2 {
					continue // not on one line
				}
				// Words one space apart are a space's width (a quarter of their height) apart.
				gap := max(a.x0, b.x0) - min(a.x1, b.x1)
				if gap < 0.18*h && bad < 10 {
					t.Errorf("page %d: %q and %q touch or overlap", pi+1, a.w, b.w)
					bad++
				}
			}
		}
	}
}

// TestHTMLAt320px lays the report out in a window 320 CSS pixels wide (a phone, or 1280 pixels
// zoomed to 400%) and wants the page not to scroll sideways: WCAG 1.4.10. A wide table may scroll
// within its own box.
func TestHTMLAt320px(t *testing.T) {
	tl := browser(t)
	for _, fx := range printFixtures[1:] {
		t.Run(fx.name, func(t *testing.T) {
			page := reportHTML(t, fx.dir, fx.asOf, fx.quarter, fx.leftOut)
			// The measuring is the test's, not the report's (which has no scripts). Headless
			// Chromium's window is at least 500 pixels wide, so the report is laid out in a frame.
			probe := `<!DOCTYPE html><html lang="en"><head><title>320</title></head><body style="margin:0">
<iframe id="f" title="report" style="width:320px;height:2000px;border:0" srcdoc="` + html.EscapeString(string(page)) + `"></iframe>
<script>
const f = document.getElementById("f");
f.onload = () => {
  const d = f.contentDocument, win = f.contentWindow, wide = [];
  for (const e of d.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.right > win.innerWidth + 0.5 && !e.closest(".scroll")) wide.push(e.tagName + "." + (e.className.baseVal ?? e.className) + " " + Math.round(r.right));
  }
  document.body.insertAdjacentHTML("beforeend", "<pre id=measured>" + win.innerWidth + " " + d.documentElement.scrollWidth + " " + wide.slice(0, 8).join("; ") + "</pre>");
};
</script></body></html>`
			dom := tl.run(t, t.TempDir(), []byte(probe), "--virtual-time-budget=5000", "--dump-dom")
			m := regexp.MustCompile(`<pre id="measured">(\d+) (\d+) ?([^<]*)</pre>`).FindSubmatch(dom)
			if m == nil {
				t.Fatalf("the page was not measured:\n%.2000s", dom)
			}
			width, _ := strconv.Atoi(string(m[1]))
			scroll, _ := strconv.Atoi(string(m[2]))
			if width != 320 {
				t.Fatalf("the window is %d pixels wide, not 320", width)
			}
			if scroll > width {
				t.Errorf("at 320 pixels the page is %d wide and scrolls sideways; too wide: %s", scroll, html.UnescapeString(string(m[3])))
			}
		})
	}
}
