package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
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

	"github.com/cpp-plans/cpp/internal/testutil/golden"
	"github.com/cpp-plans/cpp/internal/words"
)

// tools are headless Chromium and poppler's pdftotext and pdfinfo.
type tools struct{ chromium, pdftotext, pdfinfo, pdftoppm string }

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
	tl := tools{find("chromium", "chromium-browser", "google-chrome"), find("pdftotext"), find("pdfinfo"), find("pdftoppm")}
	if tl.chromium == "" || tl.pdftotext == "" || tl.pdfinfo == "" || tl.pdftoppm == "" {
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

func reportHTML(t *testing.T, fx fixture) []byte {
	t.Helper()
	var page bytes.Buffer
	if err := WriteHTML(&page, fx.build(t)); err != nil {
		t.Fatal(err)
	}
	return page.Bytes()
}

// printFixtures are the reports the printed board pack is checked on: the plans cpp ships (all of
// them, and Camden's on its own), in the pack and in full, the report fixture, and a plan made to
// break the print (long titles, ids and words, 80 actions). maxPages is the most pages the pack
// may print to (0: no limit).
var printFixtures = []struct {
	fixture
	maxPages int
}{
	{fixture{name: "bundled", dir: "../../plans", asOf: "2025-12-31"}, 30},
	{fixture{name: "camden", dir: "../../plans", asOf: "2025-12-31", plans: []string{"camden-cp"}}, 12},
	{fixture{name: "riverside", dir: "../../testdata/report/fixture", asOf: "2025-12-31",
		leftOut: []LeftOut{{File: "plans/<i>other</i>.yaml", Error: "plans/other.yaml:2:1: error: unknown field `<b>x</b>` [unknown-field]"}}}, 0},
	{fixture{name: "riverside-full", dir: "../../testdata/report/fixture", asOf: "2025-12-31", detail: Full}, 0},
	{fixture{name: "stress", dir: "../../testdata/report/print-stress", asOf: "2025-12-31"}, 0},
	{fixture{name: "stress-full", dir: "../../testdata/report/print-stress", asOf: "2025-12-31", detail: Full}, 0},
}

// TestPrintedBoardPack prints each fixture's report to A4 in Chromium and reads the PDF as a board
// member (or their PDF reader's search) would.
func TestPrintedBoardPack(t *testing.T) {
	tl := browser(t)
	for _, fx := range printFixtures {
		t.Run(fx.name, func(t *testing.T) {
			page := reportHTML(t, fx.fixture)
			p := tl.print(t, page)
			layout := p.layout(t, tl)
			if !regexp.MustCompile(`Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)`).MatchString(p.info) {
				t.Errorf("pages are not A4:\n%s", p.info)
			}
			t.Logf("%s prints to %d pages", fx.name, len(p.pages))
			if fx.maxPages > 0 && len(p.pages) > fx.maxPages {
				t.Errorf("the pack prints to %d A4 pages; it should take at most %d", len(p.pages), fx.maxPages)
			}
			if fx.name == "riverside" {
				t.Run("shows", func(t *testing.T) { checkShows(t, layout) })
			}
			t.Run("words whole", func(t *testing.T) { checkWordsWhole(t, page, p, layout) })
			t.Run("every word whole", func(t *testing.T) { checkEveryWordWhole(t, page, layout) })
			t.Run("page numbers", func(t *testing.T) { checkPageNumbers(t, p) })
			t.Run("headings kept with what follows", func(t *testing.T) { checkHeadings(t, page, strings.Split(layout, "\f")) })
			t.Run("header rows repeated", func(t *testing.T) { checkHeaderRows(t, page, strings.Split(layout, "\f")) })
			t.Run("timeline", func(t *testing.T) { checkTimeline(t, page, p) })
			t.Run("no text collides", func(t *testing.T) { checkNoCollisions(t, tl, p) })
		})
	}
}

// The pack in full leaves nothing of the plans out: every action's and measure's id, and every
// progress note, is in its printed text.
func TestPrintedFullKeepsEverything(t *testing.T) {
	tl := browser(t)
	fx := fixture{dir: "../../testdata/report/fixture", asOf: "2025-12-31", detail: Full}
	r := fx.build(t)
	p := tl.print(t, reportHTML(t, fx))
	text := strings.Join(strings.Fields(strings.Join(p.pages, " ")), " ")
	ids := text // printed, an id is never broken
	for _, sp := range r.Sections {
		for _, row := range sp.Rows {
			if !strings.Contains(ids, row.Action.ID) {
				t.Errorf("the full pack does not show %s", row.Action.ID)
			}
			if u := r.LatestUpdate(row.Action); u != nil && !strings.Contains(text, words.OneLine(u.Note)) {
				t.Errorf("the full pack does not show %s's latest note %q", row.Action.ID, u.Note)
			}
		}
	}
	for _, m := range r.Measures {
		if !strings.Contains(ids, m.Measure.ID) {
			t.Errorf("the full pack does not show measure %s", m.Measure.ID)
		}
	}
}

// checkShows wants the fixture's printed pack to show its parts in order of reading, the quarter
// in words, RAG as words, flagged commentary, the chase list by lead, plan text literally (not
// run), and the notice of a file left out.
func checkShows(t *testing.T, layout string) {
	shown := strings.Join(strings.Fields(layout), " ")
	for _, want := range []string{
		"Riverside Corporate Parenting Plan 2025-2028", "Quarter 3 2025/26: October to December 2025",
		"At a glance", "What needs the board's attention", "Progress by section", "Coming up in Quarter 4 2025/26: January to March 2026", "Measures",
		"Timeline of open actions", "Key:",
		"Red", "Amber", "Green", "No commentary", "Stale (",
		"Leaving Care Service: 2 overdue, no update", "Youth Justice Service: 1 overdue, no update",
		"better", "worse", "No data yet",
		"<script>alert('x')</script>",
		"Partial report", "plans/<i>other</i>.yaml: plans/other.yaml:2:1: error: unknown field `<b>x</b>`",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the printed report does not show %q", want)
		}
	}
	order := []string{"At a glance", "What needs the board's attention", "Progress by section", "Coming up in", "Measures with data"}
	last := -1
	for _, h := range order {
		i := strings.Index(shown, h)
		if i < last {
			t.Errorf("%q comes before what it should follow", h)
		}
		last = i
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
	axisLabel = `(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}`
	axisLine  = regexp.MustCompile(`(?m)^\s*(` + axisLabel + `\s*){2,}$`)
	// tlWord is the word beside a bar of the timeline, at the end of its row.
	tlWord = regexp.MustCompile(`(?m)\s(not started|in progress|complete|dropped|overdue|Red)\s*$`)
)

// checkTimeline wants every page that shows the timeline (its axis) to show rows beside it, its
// key to the colours on the same page, and axis labels apart from each other.
func checkTimeline(t *testing.T, page []byte, p printout) {
	if !strings.Contains(string(page), `<figure class="timeline">`) {
		t.Fatal("the report has no timeline")
	}
	if strings.Contains(string(page), "No dated deadlines.") {
		return
	}
	figures := strings.Count(string(page), `<figure class="timeline">`)
	shown := 0
	for i, pg := range p.pages {
		if !axisLine.MatchString(pg) {
			continue
		}
		shown += len(axisLine.FindAllString(pg, -1))
		if !tlWord.MatchString(pg) {
			t.Errorf("page %d shows the timeline's axis with no rows", i+1)
		}
		if !strings.Contains(pg, "Key:") {
			t.Errorf("page %d shows the timeline without its key", i+1)
		}
		if m := regexp.MustCompile(`\d{4}` + axisLabel).FindString(pg); m != "" {
			t.Errorf("page %d: the timeline's axis labels run together: %q", i+1, m)
		}
	}
	if shown < figures {
		t.Errorf("the printed pages show %d of the timeline's %d axes", shown, figures)
	}
}

// wordRun is a word as the checks count it: letters and digits. A line may break at a hyphen, a
// slash or an id's dot, so those end a word.
var wordRun = regexp.MustCompile(`[\pL\pN]+`)

// longestWhole is the longest word that must print whole: a longer one (the stress fixture's
// 80-letter word) is wider than a column and must break rather than run off the page.
const longestWhole = 30

// checkEveryWordWhole counts every word of the page's text in the printed PDF's text: a word broken
// across lines ("Corp" "orate") is missing from the PDF's count. The PDF may hold more (a table's
// header row repeated on each page, the page numbers).
func checkEveryWordWhole(t *testing.T, page []byte, layout string) {
	want := map[string]int{}
	for _, w := range wordRun.FindAllString(visibleText(page), -1) {
		if n := utf8.RuneCountInString(w); n >= 2 && n <= longestWhole {
			want[w]++
		}
	}
	got := map[string]int{}
	// The laid-out text: pdftotext's plain text joins "twenty-" and "five" at a line's end.
	for _, w := range wordRun.FindAllString(layout, -1) {
		got[w]++
	}
	bad := 0
	for w, n := range want {
		if got[w] < n && bad < 15 {
			t.Errorf("%q: the page shows it %d times, the printed PDF %d times (broken across lines, or cut off)", w, n, got[w])
			bad++
		}
	}
	if len(want) < 50 {
		t.Errorf("only %d words counted", len(want))
	}
}

// checkHeaderRows walks the printed tables in order and wants each page a table goes on to
// to repeat its header row above its rows there.
func checkHeaderRows(t *testing.T, page []byte, pages []string) {
	type line struct {
		page int
		text string
	}
	var lines []line
	for i, pg := range pages {
		for _, l := range strings.Split(pg, "\n") {
			lines = append(lines, line{i, strings.Join(strings.Fields(l), " ")})
		}
	}
	tableRe := regexp.MustCompile(`(?s)<caption>(.*?)</caption>\s*<thead><tr>(.*?)</tr></thead>\s*<tbody>(.*?)</tbody>`)
	cellRe := regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	rowRe := regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	words := func(s string, n int) string {
		f := strings.Fields(visibleText([]byte("<body>" + s)))
		return strings.Join(f[:min(n, len(f))], " ")
	}
	pos, spanning := 0, 0
	for _, m := range tableRe.FindAllStringSubmatch(string(page), -1) {
		heads := cellRe.FindAllStringSubmatch(m[2], -1)
		header := words(heads[0][1], 1) + " " + words(heads[1][1], 1)
		caption := words(m[1], 3)
		for pos < len(lines) && !strings.Contains(lines[pos].text, caption) {
			pos++
		}
		pos++ // rows come after the caption
		if pos == len(lines) {
			t.Errorf("the table %q is not in the printed text", caption)
			return
		}
		pg := lines[pos].page
		crossed := false
		for _, row := range rowRe.FindAllStringSubmatch(m[3], -1) {
			first := cellRe.FindStringSubmatch(row[1])
			if first == nil {
				continue
			}
			// A row starts a line with its first cell's first word.
			prefix := words(first[1], 1)
			start := pos
			for pos < len(lines) && !strings.HasPrefix(lines[pos].text, prefix) {
				pos++
			}
			if pos == len(lines) {
				t.Errorf("table %q: the row %q is not in the printed text", caption, prefix)
				return
			}
			if lines[pos].page != pg {
				pg, crossed = lines[pos].page, true
				found := false
				for i := start; i < pos; i++ {
					if lines[i].page == pg && strings.Contains(lines[i].text, header) {
						found = true
					}
				}
				if !found {
					t.Errorf("table %q goes on to page %d without its header row (%q)", caption, pg+1, header)
				}
			}
		}
		if crossed {
			spanning++
		}
	}
	t.Logf("%d tables go over a page", spanning)
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

// narrow lays page out in a window width CSS pixels wide and measures it with the DOM: the width
// of the page (which must not scroll sideways), the elements wider than the window (outside a box
// that scrolls on its own, when scrollBoxes), and the words that break across lines (each word's
// text in more than one line box; an id may break at its dots, so a word is letters and digits).
// The measuring is the test's, not the report's (which has no scripts). Headless Chromium's
// window is at least 500 pixels wide, so the report is laid out in a frame.
func narrow(t *testing.T, tl tools, page []byte, width int, scrollBoxes bool) (scroll int, wide, broken []string) {
	t.Helper()
	probe := `<!DOCTYPE html><html lang="en"><head><title>narrow</title></head><body style="margin:0">
<iframe id="f" title="report" style="width:` + strconv.Itoa(width) + `px;height:2000px;border:0" srcdoc="` + html.EscapeString(string(page)) + `"></iframe>
<script>
const f = document.getElementById("f");
f.onload = () => {
  const d = f.contentDocument, win = f.contentWindow, wide = [], broken = [];
  for (const e of d.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.right > win.innerWidth + 0.5 && !(SCROLL && e.closest(".scroll"))) wide.push(e.tagName + "." + (e.className.baseVal ?? e.className) + " " + Math.round(r.right));
  }
  const walk = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.parentElement.closest("svg")) continue;
    for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (m[0].length < 2 || m[0].length > 30) continue;
      const r = d.createRange();
      r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  const out = d.createElement("pre");
  out.textContent = JSON.stringify({width: win.innerWidth, scroll: d.documentElement.scrollWidth, wide: wide.slice(0, 8), broken: broken.slice(0, 20)});
  document.body.append(out);
  out.id = "measured";
};
</script></body></html>`
	probe = strings.Replace(probe, "SCROLL", strconv.FormatBool(scrollBoxes), 1)
	dom := tl.run(t, t.TempDir(), []byte(probe), "--virtual-time-budget=5000", "--dump-dom")
	m := regexp.MustCompile(`<pre id="measured">([^<]*)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the page was not measured:\n%.2000s", dom)
	}
	var got struct {
		Width, Scroll int
		Wide, Broken  []string
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
		t.Fatal(err)
	}
	if got.Width != width {
		t.Fatalf("the window is %d pixels wide, not %d", got.Width, width)
	}
	return got.Scroll, got.Wide, got.Broken
}

// TestHTMLAt320px lays the report out in a window 320 CSS pixels wide (a phone, or 1280 pixels
// zoomed to 400%) and wants the page not to scroll sideways: WCAG 1.4.10.
func TestHTMLAt320px(t *testing.T) {
	tl := browser(t)
	for _, fx := range printFixtures[2:] {
		t.Run(fx.name, func(t *testing.T) {
			scroll, wide, _ := narrow(t, tl, reportHTML(t, fx.fixture), 320, true)
			if scroll > 320 {
				t.Errorf("at 320 pixels the page is %d wide and scrolls sideways; too wide: %s", scroll, wide)
			}
		})
	}
}

// TestHTMLAt390px lays the report out as a phone shows it, 390 CSS pixels wide: its tables are
// cards, nothing is wider than the screen (not even within a box of its own), and no word breaks
// across lines.
func TestHTMLAt390px(t *testing.T) {
	tl := browser(t)
	for _, fx := range printFixtures {
		t.Run(fx.name, func(t *testing.T) {
			page := reportHTML(t, fx.fixture)
			scroll, wide, broken := narrow(t, tl, page, 390, false)
			if scroll > 390 || len(wide) > 0 {
				t.Errorf("at 390 pixels the page is %d wide; too wide: %s", scroll, wide)
			}
			if len(broken) > 0 {
				t.Errorf("at 390 pixels words break across lines: %q", broken)
			}
		})
	}
}

// screenshot is the picture of the pack's first page the README shows.
const screenshot = "../../docs/report-page-one.png"

// TestPageOne prints the report fixture's pack and wants its first two pages to tell a board
// member which priorities are behind, what is red or amber and why, and who has not reported. Its
// first page, as a PNG, is the README's picture: CPP_UPDATE_GOLDEN=1 draws it again, and otherwise
// the picture must be one of this page, at its size (pixels differ between Chromium versions, so
// they are not compared).
func TestPageOne(t *testing.T) {
	tl := browser(t)
	fx := fixture{dir: "../../testdata/report/fixture", asOf: "2025-12-31"}
	p := tl.print(t, reportHTML(t, fx))
	first := strings.Join(strings.Fields(strings.Join(p.pages[:2], " ")), " ")
	for _, want := range []string{"At a glance", "Sections at a glance", "Priority 1: Feeling safe and settled at home",
		"1 Red, 2 Amber", "Rated red or amber", "Only 6 approvals so far", "Overdue with no update, by lead",
		"Leaving Care Service: 2 overdue, no update"} {
		if !strings.Contains(first, want) {
			t.Errorf("the pack's first two pages do not show %q", want)
		}
	}
	dir := t.TempDir()
	if out, err := exec.Command(tl.pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", p.pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.MkdirAll(filepath.Dir(screenshot), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(screenshot, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(screenshot)
	if err != nil {
		t.Fatalf("%v (run with CPP_UPDATE_GOLDEN=1 to draw it)", err)
	}
	gw, gh := pngSize(t, got)
	ww, wh := pngSize(t, want)
	if gw != ww || gh != wh {
		t.Errorf("%s is %dx%d; page one prints at %dx%d (run with CPP_UPDATE_GOLDEN=1 to draw it again)", screenshot, ww, wh, gw, gh)
	}
}

func pngSize(t *testing.T, b []byte) (w, h int) {
	t.Helper()
	c, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return c.Width, c.Height
}
