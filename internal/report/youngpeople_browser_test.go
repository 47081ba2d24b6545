package report

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ypPages are the young people's reports checked in the browser: the fixture, and the bundled
// plans (long formal text, many parts).
func ypPages(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	for name, dir := range map[string]string{"young-people": ypFixture, "bundled": "../../plans"} {
		plans, reg := load(t, dir)
		doc, _ := ypPublish(t, plans, reg, "2025-12-31", "html", false)
		out[name] = doc
	}
	return out
}

// ypWordsWhole are words that must print whole: the status words and the headings' words.
func ypWordsWhole() []string {
	v := ypWords
	return []string{v.Done, v.Started, v.NotStarted, v.Promise, v.YouSaid, v.Did, v.Next, v.Measures, "fewer than 5", "out of every 100"}
}

// TestYoungPeoplePrintedA5 prints the young people's page in Chromium and wants A5 pages, its
// words whole (a word broken across lines is missing from the PDF's text) and headings kept
// with what follows them.
func TestYoungPeoplePrintedA5(t *testing.T) {
	tl := browser(t)
	for name, page := range ypPages(t) {
		t.Run(name, func(t *testing.T) {
			p := tl.print(t, page)
			if !regexp.MustCompile(`Page size:\s+4(19|20)(\.\d+)? x 59[45](\.\d+)? pts \(A5\)`).MatchString(p.info) {
				t.Errorf("pages are not A5:\n%s", p.info)
			}
			layout := p.layout(t, tl)
			oneLine := func(s string) string { return regexp.MustCompile(`[ \t\x{a0}]+`).ReplaceAllString(s, " ") }
			shown := oneLine(strings.Join(strings.Fields(visibleText(page)), " "))
			printed := oneLine(strings.Join(p.pages, "\n"))
			// Every word of the page prints whole: a word broken across lines (or cut off) shows
			// in the PDF's text as two pieces, so the counts differ.
			words := func(s string) map[string]int {
				n := map[string]int{}
				for _, w := range regexp.MustCompile(`\pL{5,}`).FindAllString(s, -1) {
					n[w]++
				}
				return n
			}
			// A line may break after a hyphen the text has ("care-" / "experienced"), which
			// pdftotext joins up; so hyphens between letters are dropped on both sides.
			joined := regexp.MustCompile(`(\pL)-\s*(\pL)`)
			onPage, inPrint := words(joined.ReplaceAllString(shown, "$1$2")), words(joined.ReplaceAllString(printed, "$1$2"))
			bad := 0
			for w, want := range onPage {
				if got := inPrint[w]; got != want && bad < 10 {
					t.Errorf("%q: the page shows it %d times, the printed A5 text %d times (broken or cut off)", w, want, got)
					bad++
				}
			}
			if len(onPage) < 50 {
				t.Fatalf("the page shows only %d distinct words", len(onPage))
			}
			for _, w := range ypWordsWhole() {
				if want, got := strings.Count(shown, w), strings.Count(printed, w); strings.Fields(w)[0] == w && want != got {
					t.Errorf("%q: the page shows it %d times, the printed A5 text %d times", w, want, got)
				}
			}
			// No word of the page's text is cut by a hyphen the page did not have.
			for _, m := range regexp.MustCompile(`(?m)(\pL+)-\n\s*(\pL+)`).FindAllStringSubmatch(strings.Join(p.pages, "\n"), -1) {
				if !strings.Contains(shown, m[1]+"-"+m[2]) {
					t.Errorf("a word is broken across lines: %q", m[0])
				}
			}
			checkHeadings(t, page, strings.Split(layout, "\f"))
		})
	}
}

// TestYoungPeopleAt320px lays the page out 320 CSS pixels wide and wants no sideways scroll,
// and the type at least 18 pixels.
func TestYoungPeopleAt320px(t *testing.T) {
	tl := browser(t)
	for name, page := range ypPages(t) {
		t.Run(name, func(t *testing.T) {
			probe := `<!DOCTYPE html><html lang="en"><head><title>320</title></head><body style="margin:0">
<iframe id="f" title="report" style="width:320px;height:2000px;border:0" srcdoc="` + html.EscapeString(string(page)) + `"></iframe>
<script>
const f = document.getElementById("f");
f.onload = () => {
  const d = f.contentDocument, win = f.contentWindow, wide = [];
  let smallest = 1000;
  for (const e of d.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.right > win.innerWidth + 0.5) wide.push(e.tagName + " " + Math.round(r.right));
    if (e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) smallest = Math.min(smallest, parseFloat(win.getComputedStyle(e).fontSize));
  }
  document.body.insertAdjacentHTML("beforeend", "<pre id=measured>" + win.innerWidth + " " + d.documentElement.scrollWidth + " " + smallest + " " + wide.slice(0, 8).join("; ") + "</pre>");
};
</script></body></html>`
			dom := tl.run(t, t.TempDir(), []byte(probe), "--virtual-time-budget=5000", "--dump-dom")
			m := regexp.MustCompile(`<pre id="measured">(\d+) (\d+) ([\d.]+) ?([^<]*)</pre>`).FindSubmatch(dom)
			if m == nil {
				t.Fatalf("the page was not measured:\n%.2000s", dom)
			}
			width, _ := strconv.Atoi(string(m[1]))
			scroll, _ := strconv.Atoi(string(m[2]))
			smallest, _ := strconv.ParseFloat(string(m[3]), 64)
			if width != 320 {
				t.Fatalf("the window is %d pixels wide, not 320", width)
			}
			if scroll > width {
				t.Errorf("at 320 pixels the page is %d wide and scrolls sideways; too wide: %s", scroll, m[4])
			}
			if smallest < 18 {
				t.Errorf("the smallest text is %.1f pixels; the page promises at least 18", smallest)
			}
		})
	}
}
