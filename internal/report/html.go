package report

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/cpp-plans/cpp/internal/lazyre"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteHTML writes the report as one self-contained HTML file: styles inline, charts as inline
// SVG, no scripts, fonts or network. On a screen narrower than a printed page (a phone at 390
// pixels, or 1280 zoomed to 400%) its tables become cards, a "label: value" line for each cell, and
// the page never scrolls sideways. No word breaks across lines, on screen or on paper, unless it
// is wider than the screen; an id may break at its dots. It prints to A4 with numbered pages,
// header rows repeated on each page, headings kept with what follows them, and the timeline in
// figures of a page each, each with its axis and key. It follows WCAG 2.1 AA: a language,
// headings in order, table headers, RAG as a word (colour only adds to it) in colours with at
// least 4.5:1 contrast, and charts whose words are beside them.
func WriteHTML(w io.Writer, r *Report) error {
	// Plan text can hold control characters YAML allows ("\e[31m", a right-to-left override):
	// HTML cannot hold C0 controls, and a bidi override would make the pack say what the plan
	// does not. They show as escapes, as in every other output; the page itself has none.
	safe := termsafe.NewWriter(w)
	var body strings.Builder
	for _, bl := range compose(r) {
		writeHTMLBlock(&body, bl)
	}
	if err := pageTemplate().Execute(safe, htmlView{r, template.HTML(body.String())}); err != nil {
		return err
	}
	return safe.Flush()
}

type htmlView struct {
	*Report
	Body template.HTML
}

func (v htmlView) AsOfText() string { return words.Day(v.AsOf) }

func (v htmlView) MultiPlan() bool { return len(v.Plans) > 1 }

func (v htmlView) PartialSentence() string { return partialSentence(v.Report) }

func (v htmlView) Meta() string { return metaSentence(v.Report) }

func (v htmlView) Council(p *plan.Plan) string { return CouncilName(p.Council) }

func (v htmlView) YPFound() string { return ypWords.Found + " " + ypWords.FoundHow }

func (v htmlView) YPRemoved() string { return ypWords.Removed }

func writeHTMLBlock(b *strings.Builder, bl block) {
	switch x := bl.(type) {
	case heading:
		id := ""
		if x.ID != "" {
			id = ` id="` + x.ID + `"`
		}
		fmt.Fprintf(b, "<h%d%s>%s</h%d>\n", x.Level, id, terms(x.Text), x.Level)
	case para:
		class := ""
		if x.Lead {
			class = ` class="lead-in"`
		}
		fmt.Fprintf(b, "<p%s>%s</p>\n", class, terms(x.Text))
	case quote:
		fmt.Fprintf(b, "<blockquote>%s</blockquote>\n", terms(x.Text))
	case figures:
		b.WriteString(`<ul class="figures">`)
		for _, h := range x.Items {
			fmt.Fprintf(b, `<li><span class="figure">%s</span> %s</li>`, template.HTMLEscapeString(h.Figure), terms(h.Words))
		}
		b.WriteString("</ul>\n")
	case table:
		writeHTMLTable(b, x)
	case list:
		b.WriteString(`<ul class="refs">`)
		for _, it := range x.Items {
			b.WriteString("<li>")
			if it.Strong != "" {
				fmt.Fprintf(b, "<strong>%s</strong>: ", terms(it.Strong))
			}
			b.WriteString(string(terms(it.Text)))
			if len(it.Refs) > 0 {
				b.WriteString(": ")
				for i, rf := range it.Refs {
					if i > 0 {
						// Not "; ": a separator against the small id reads, to a PDF's text, as
						// one word run into the next.
						b.WriteString(" · ")
					}
					fmt.Fprintf(b, "%s%s", terms(rf.Text), idHTML(rf.ID))
					if rf.Note != "" {
						fmt.Fprintf(b, " – %s", terms(rf.Note))
					}
				}
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n")
	case chart:
		if x.HTML != nil {
			b.WriteString(x.HTML())
		}
	}
}

// writeHTMLTable writes a table whose cells carry their column's name, so that on a narrow screen
// each row reads as a card of "label: value" lines.
func writeHTMLTable(b *strings.Builder, t table) {
	label := template.HTMLEscapeString(t.Caption)
	class := ""
	if h := t.Header[0]; len(t.Header) > 2 && (h == "Action" || h == "Measure") {
		class = ` class="words-first"`
	}
	fmt.Fprintf(b, `<div class="scroll" role="region" aria-label="%s" tabindex="0"><table%s>`+"\n", label, class)
	fmt.Fprintf(b, "<caption>%s</caption>\n<thead><tr>", terms(t.Caption))
	for _, h := range t.Header {
		fmt.Fprintf(b, `<th scope="col">%s</th>`, template.HTMLEscapeString(h))
	}
	b.WriteString("</tr></thead>\n<tbody>")
	for _, row := range t.Rows {
		if row.Dropped {
			b.WriteString(`<tr class="dropped">`)
		} else {
			b.WriteString("<tr>")
		}
		for i, c := range row.Cells {
			tag, scope := "td", ""
			if i == 0 && t.RowHeads {
				tag, scope = "th", ` scope="row"`
			}
			fmt.Fprintf(b, `<%s%s data-label="%s">%s</%s>`, tag, scope, template.HTMLEscapeString(t.Header[i]), cellHTML(c), tag)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody>\n</table></div>\n")
}

func cellHTML(c cell) template.HTML {
	var s string
	switch {
	case c.RAG:
		s = string(rag(c.Text))
	case c.Status:
		s = string(status(c.Text))
		if c.After != "" {
			s += " " + string(rag(c.After))
		}
	default:
		s = string(terms(c.Text))
	}
	if c.Chart != "" {
		s = c.Chart + s
	}
	return template.HTML(s + string(idHTML(c.ID)))
}

// idHTML shows an id small and muted after the words it names; it may break at its dots, and
// nowhere else.
func idHTML(id string) template.HTML {
	if id == "" {
		return ""
	}
	return template.HTML(` <span class="id">` + strings.ReplaceAll(template.HTMLEscapeString(id), ".", ".<wbr>") + `</span>`)
}

// boardTerms are the words the report rates and flags with. Each is kept whole on one line (a
// badge broken as "Am-ber" cannot be found by searching the printed PDF), wherever it stands.
var boardTerms = lazyre.New(`\b(?:Red|Amber|Green|Not rated|not started|in progress|complete|dropped|overdue|no data|no target|no direction)\b|\bNo commentary\b|\bStale \(\d{1,2} [A-Z][a-z]{2} \d{4}\)`)

// terms escapes text and keeps each board term in it whole. "No commentary" and "Stale" notes,
// which boards send back, are flagged.
func terms(s string) template.HTML {
	h := boardTerms.ReplaceAllStringFunc(template.HTMLEscapeString(s), func(w string) string {
		class := "term"
		if w == "No commentary" || strings.HasPrefix(w, "Stale") {
			class = "flag"
		}
		return `<span class="` + class + `">` + w + `</span>`
	})
	return template.HTML(longRun.ReplaceAllStringFunc(h, func(run string) string {
		if strings.Count(run, "/") < 3 {
			return run
		}
		return strings.ReplaceAll(run, "/", "/<wbr>")
	}))
}

// longRun is a run of text with no space long enough to be wider than a phone's column: when it is
// a path or web address (three slashes or more), it may break after its slashes, so that it never has to break inside a word.
var longRun = lazyre.New(`[^\s<>]{25,}`)

// rag shows a cell that holds a RAG word (or a measure's reason for having none) as a badge.
func rag(s string) template.HTML {
	class := "rag-none"
	switch s {
	case render.RAGWord(plan.Red):
		class = "rag-red"
	case render.RAGWord(plan.Amber):
		class = "rag-amber"
	case render.RAGWord(plan.Green):
		class = "rag-green"
	}
	return template.HTML(`<span class="rag ` + class + `">` + template.HTMLEscapeString(s) + `</span>`)
}

// status shows a status word, a dropped action's boxed and dashed.
func status(s string) template.HTML {
	class := "status"
	if s == render.StatusWord(plan.Dropped) {
		class += " status-dropped"
	}
	return template.HTML(`<span class="` + class + `">` + template.HTMLEscapeString(s) + `</span>`)
}

var funcs = template.FuncMap{"terms": terms}

// pageTemplate is parsed when a report is first written as HTML, not when cpp starts.
var pageTemplate = sync.OnceValue(func() *template.Template { return template.Must(template.New("page").Funcs(funcs).Parse(pageHTML)) })

const pageHTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: {{.Period.Words}}</title>
<style>
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.45; overflow-wrap: break-word; hyphens: manual; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h1 .period { display: block; font-size: 1.25rem; font-weight: normal; color: #1d4f91; margin-top: .25rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
p.meta { color: #3b3b3b; }
blockquote { margin: .5rem 0 1rem; padding: .25rem 1rem; border-left: 4px solid #1d4f91; color: #2b2b2b; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef7; }
tbody th { font-weight: bold; }
td { white-space: pre-line; }
table.words-first td:first-child { width: 50%; }
.term, .flag, .rag, .status, .travel { white-space: nowrap; }
.id { font-size: .8em; color: #595959; }
.rag { font-weight: bold; padding: .1rem .45rem; border-radius: .25rem; display: inline-block; border: 1px solid transparent; }
.rag-red { background: #b00020; color: #fff; }
.rag-amber { background: #ffd966; color: #1b1b1b; border-color: #8a6d00; }
.rag-green { background: #1e6b33; color: #fff; }
.rag-none { font-weight: normal; padding-left: 0; }
.flag { font-weight: bold; color: #8a1c1c; }
tr.dropped td { background: #f2f2f2; color: #4a4a4a; }
tr.dropped td:first-child { text-decoration: line-through; }
.status-dropped { border: 1px dashed #4a4a4a; padding: 0 .3rem; font-style: italic; }
.partial { border: 3px solid #b00020; background: #fdf1f1; padding: 0 1rem; margin: 1rem 0; }
.partial h2 { border-bottom: none; color: #8a1c1c; margin-top: .75rem; }
ul.figures { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
ul.figures li { border: 1px solid #8a8a8a; border-top: 4px solid #1d4f91; padding: .4rem .6rem; flex: 1 1 9rem; max-width: 16rem; }
.figure { display: block; font-size: 1.5rem; font-weight: bold; }
ul.refs li { margin-bottom: .4rem; }
svg.bar, svg.spark { display: block; margin: .15rem 0; }
figure { margin: 1rem 0; }
figcaption { font-size: .9rem; color: #3b3b3b; }
svg { max-width: 100%; height: auto; }
svg text { font-family: Arial, Helvetica, sans-serif; }
.key { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .9rem; margin: .25rem 0; }
.key svg { vertical-align: middle; margin-right: .35rem; }
h1, h2, h3 { break-after: avoid-page; break-inside: avoid; }
blockquote, caption, .lead-in { break-after: avoid-page; }
@page { size: A4; margin: 15mm 15mm 18mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #3b3b3b; }
}
@media screen and (max-width: 36rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  .scroll { overflow-x: visible; }
  .scroll table, .scroll tbody, .scroll tr, .scroll td, .scroll tbody th, .scroll caption { display: block; width: auto; }
  .scroll thead { display: none; }
  .scroll tr { border: 1px solid #8a8a8a; margin: 0 0 .6rem; }
  .scroll td, .scroll tbody th { border: none; border-top: 1px solid #d0d0d0; }
  .scroll tr > :first-child { border-top: none; }
  .scroll td[data-label]::before, .scroll tbody th[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
  th, td { padding: .2rem .35rem; }
  h2 { margin-top: 1.2rem; }
  h3 { margin-top: 1rem; }
  .scroll { overflow: visible; }
  .rag, .key svg, svg.bar, tr.dropped td, th, ul.figures li { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, ul.figures li { break-inside: avoid; }
  .id { white-space: nowrap; }
  .id wbr { display: none; }
  thead { display: table-header-group; }
  figure.timeline { break-inside: avoid; }
}
</style>
</head>
<body>
<main>
<h1>{{terms .Title}}<span class="period">{{terms .Period.Words}}</span></h1>
{{with .LeftOut}}<section class="partial" aria-labelledby="partial-report">
<h2 id="partial-report">Partial report</h2>
<p>{{terms $.PartialSentence}} Run <code>cpp validate</code> for details.</p>
<ul>{{range .}}<li><strong>{{terms .File}}</strong>: {{terms .Error}}</li>{{end}}</ul>
</section>
{{end}}{{with .Options.Personal}}<section class="partial" aria-labelledby="personal-text">
<h2 id="personal-text">{{if .Redacted}}Personal text removed{{else}}Personal text found{{end}}</h2>
{{if .Redacted}}<p>{{$.YPRemoved}}</p>{{else}}<p>{{$.YPFound}}</p><ul>{{range .Found}}<li>{{.String}}</li>{{end}}</ul>{{end}}
</section>
{{end}}<p class="meta">{{.Meta}}</p>
{{if .MultiPlan}}<p>Plans in this report:</p>
<ul>{{range .Plans}}<li>{{.ID}}: {{terms .Title}} ({{terms ($.Council .)}})</li>{{end}}</ul>{{end}}
{{.Body}}</main>
</body>
</html>
`

// The timeline is drawn at the width it prints at, A4 inside the page margins in CSS pixels, so
// that its text is never scaled down; a narrower screen scales it to fit.
const (
	tlWidth     = 680.0
	tlIDCol     = 250.0 // actions' words
	tlStatusCol = 82.0  // the word for each bar's look
	tlLeft      = tlIDCol + tlStatusCol
	tlRight     = tlWidth - 10
	tlTop       = 26.0 // the axis's labels
	tlBottom    = 22.0 // the report date's label, below every row
	tlRowH      = 16.0
	tlHeadH     = 22.0
	tlFont      = 11.0
	tlHeadFont  = 12.0
	// tlMaxRows is the height of rows one figure holds, so that each figure, with its axis, fits
	// on an A4 page with the heading and key above it; a longer timeline is drawn as several.
	tlMaxRows = 720.0
)

// tlKind is the look of a bar. Each look has a shape or pattern as well as a colour, and a word
// beside the bar, so that colour is never the only thing that tells them apart (WCAG 1.4.1).
type tlKind int

const (
	tlOpen tlKind = iota
	tlComplete
	tlLate // overdue, or rated Red
	tlDropped
)

var tlKey = []struct {
	kind tlKind
	text string
}{
	{tlOpen, "not started or in progress"},
	{tlComplete, "complete (a thin bar)"},
	{tlLate, "overdue or rated Red (hatched)"},
	{tlDropped, "dropped (an outline; its words struck through)"},
}

// tlBar draws a bar of a kind; pat names the figure's hatch pattern.
func tlBar(b *strings.Builder, kind tlKind, x, y, w float64, pat, title string) {
	var rect string
	switch kind {
	case tlComplete:
		rect = fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="5" fill="#1e6b33"`, x, y+3.5, w)
	case tlLate:
		rect = fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="12" fill="url(#%s)" stroke="#b00020"`, x, y, w, pat)
	case tlDropped:
		rect = fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="11" fill="#fff" stroke="#4a4a4a" stroke-dasharray="3 2"`, x+.5, y+.5, w-1)
	default:
		rect = fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="12" fill="#1d4f91"`, x, y, w)
	}
	b.WriteString(rect)
	if title == "" {
		b.WriteString(`/>`)
		return
	}
	fmt.Fprintf(b, `><title>%s</title></rect>`, html.EscapeString(title))
}

// tlHatch defines the hatch of overdue and Red bars, under id.
func tlHatch(id string) string {
	return `<defs><pattern id="` + id + `" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="#b00020"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.5"/></pattern></defs>`
}

// timelineKey is the key to the timeline's bars, in words beside each look. Each figure has its
// own, so that the key is on the page of the bars it explains.
func timelineKey(n int) string {
	var b strings.Builder
	b.WriteString(`<p class="key"><strong>Key:</strong>`)
	for _, k := range tlKey {
		id := fmt.Sprintf("key%d-hatch", n)
		b.WriteString(` <span><svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">`)
		if k.kind == tlLate {
			b.WriteString(tlHatch(id))
		}
		tlBar(&b, k.kind, 1, 1, 26, id, "")
		fmt.Fprintf(&b, `</svg>%s</span>`, terms(k.text))
	}
	b.WriteString(` <span><svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false"><line x1="14" y1="0" x2="14" y2="14" stroke="#1b1b1b" stroke-dasharray="4 3"/></svg>the report date</span></p>`)
	return b.String()
}

// tlRow is a row of the timeline: a band's heading, or an action's bar.
type tlRow struct {
	header      string
	label, word string
	kind        tlKind
	start, end  time.Time
	title       string
}

func (r tlRow) height() float64 {
	if r.header != "" {
		return tlHeadH
	}
	return tlRowH
}

// timelineRows are the timeline's rows: each band's heading, then its actions, each labelled with
// its words (cut to fit; the whole of them and the id in its tooltip and in the tables).
func timelineRows(groups []tlGroup) []tlRow {
	var rows []tlRow
	for _, g := range groups {
		rows = append(rows, tlRow{header: g.Title})
		for _, row := range g.Rows {
			a := row.Action
			tr := tlRow{label: words.OneLine(a.Label()), word: render.StatusWord(a.Status), start: a.Deadline.Start, end: a.Deadline.End}
			switch {
			case a.Status == plan.Dropped:
				tr.kind = tlDropped
			case a.Status == plan.Complete:
				tr.kind = tlComplete
			case row.DaysLate > 0:
				tr.kind, tr.word = tlLate, "overdue"
			case a.RAG == plan.Red:
				tr.kind, tr.word = tlLate, render.RAGWord(plan.Red)
			}
			tr.title = fmt.Sprintf("%s: %s (%s to %s, %s)", a.ID, tr.label, words.Day(tr.start), words.Day(tr.end), tr.word)
			rows = append(rows, tr)
		}
	}
	return rows
}

// timelineHTML draws each action of the bands as a bar over its deadline period, one row per
// action, against an axis of months, in figures each short enough for one printed page, each with
// its own axis and key. Every figure has one scale, so that bars compare across them.
func timelineHTML(r *Report, groups []tlGroup, title string) string {
	caption := "Each bar is an action's deadline period. The same deadlines are in the tables above."
	rows := timelineRows(groups)
	if len(rows) == 0 {
		return `<figure class="timeline"><svg xmlns="http://www.w3.org/2000/svg" width="520" height="40" viewBox="0 0 520 40" role="img" aria-labelledby="tl-title"><title id="tl-title">` +
			html.EscapeString(title) + `</title><text x="10" y="25" font-size="14">No dated deadlines.</text></svg><figcaption>` + caption + `</figcaption></figure>` + "\n"
	}
	var minT, maxT time.Time
	for _, row := range rows {
		if row.header != "" {
			continue
		}
		if minT.IsZero() || row.start.Before(minT) {
			minT = row.start
		}
		if row.end.After(maxT) {
			maxT = row.end
		}
	}
	minT = time.Date(minT.Year(), minT.Month(), 1, 0, 0, 0, 0, time.UTC)
	maxT = time.Date(maxT.Year(), maxT.Month()+1, 1, 0, 0, 0, 0, time.UTC)

	parts := splitTimeline(rows)
	var b strings.Builder
	for i, part := range parts {
		fc, t := caption, title
		if len(parts) > 1 {
			fc = fmt.Sprintf("Part %d of %d. %s", i+1, len(parts), caption)
			t = fmt.Sprintf("%s, part %d of %d", title, i+1, len(parts))
		}
		fmt.Fprintf(&b, "<figure class=\"timeline\">%s%s<figcaption>%s</figcaption></figure>\n", timelineKey(i+1),
			timelineSVG(part, minT, maxT, r.AsOf, i+1, t), html.EscapeString(fc))
	}
	return b.String()
}

// splitTimeline cuts the rows into figures of at most tlMaxRows. A section's heading never ends a
// figure, and a section that goes on in the next figure has its heading again there.
func splitTimeline(rows []tlRow) [][]tlRow {
	var parts [][]tlRow
	var cur []tlRow
	used := 0.0
	header := ""
	for i, row := range rows {
		need := row.height()
		if row.header != "" && i+1 < len(rows) {
			need += rows[i+1].height() // a heading comes with its first action
		}
		if used+need > tlMaxRows && len(cur) > 0 {
			parts = append(parts, cur)
			cur, used = nil, 0
			if row.header == "" {
				cont := tlRow{header: header + " (continued)"}
				cur, used = append(cur, cont), cont.height()
			}
		}
		if row.header != "" {
			header = row.header
		}
		cur = append(cur, row)
		used += row.height()
	}
	return append(parts, cur)
}

// axisStep is the months between the axis's labels: the fewest that keep labels apart.
func axisStep(pxPerMonth float64) int {
	need := textWidth("Sep 2028", tlFont) + 14
	for _, step := range []int{1, 2, 3, 6, 12, 24, 60, 120} {
		if float64(step)*pxPerMonth >= need {
			return step
		}
	}
	return 240
}

func timelineSVG(rows []tlRow, minT, maxT, asOf time.Time, n int, title string) string {
	body := 0.0
	for _, row := range rows {
		body += row.height()
	}
	height := tlTop + body + tlBottom
	days := maxT.Sub(minT).Hours() / 24
	x := func(t time.Time) float64 { return tlLeft + (tlRight-tlLeft)*(t.Sub(minT).Hours()/24)/days }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="tl%d-title">`,
		tlWidth, height, tlWidth, height, n)
	fmt.Fprintf(&b, `<title id="tl%d-title">%s</title>`, n, html.EscapeString(title))
	pat := fmt.Sprintf("tl%d-hatch", n)
	b.WriteString(tlHatch(pat))
	// Grid and axis: a line at each step's month, its label above the rows.
	months := float64((maxT.Year()-minT.Year())*12 + int(maxT.Month()) - int(minT.Month()))
	step := axisStep((tlRight - tlLeft) / months)
	labelW := textWidth("Sep 2028", tlFont)
	for t := minT; !t.After(maxT); t = t.AddDate(0, step, 0) {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#c8c8c8"/>`, x(t), tlTop-8, x(t), height-tlBottom)
		if x(t)+2+labelW <= tlWidth {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%.0f">%s</text>`, x(t)+2, tlTop-12, tlFont, t.Format("Jan 2006"))
		}
	}
	// Section headings on bands over the grid.
	y := tlTop
	for _, row := range rows {
		if row.header != "" {
			fmt.Fprintf(&b, `<rect x="0" y="%.0f" width="%.0f" height="%.0f" fill="#eef2f8"/><text x="4" y="%.0f" font-size="%.0f" font-weight="bold">%s<title>%s</title></text>`,
				y+2, tlWidth, tlHeadH-4, y+15, tlHeadFont, html.EscapeString(fitText(row.header, tlWidth-8, tlHeadFont*1.08)), html.EscapeString(row.header))
		}
		y += row.height()
	}
	if !asOf.Before(minT) && !asOf.After(maxT) {
		ax := x(asOf)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#1b1b1b" stroke-dasharray="4 3"/>`, ax, tlTop-8, ax, height-tlBottom+4)
		label, lx, anchor := "Report date", ax+3, "start"
		if lx+textWidth(label, tlFont) > tlWidth {
			lx, anchor = ax-3, "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="%.0f" text-anchor="%s">%s</text>`, lx, height-6, tlFont, anchor, label)
	}
	y = tlTop
	for _, row := range rows {
		if row.header != "" {
			y += row.height()
			continue
		}
		struck := ""
		if row.kind == tlDropped {
			struck = ` text-decoration="line-through" fill="#4a4a4a"`
		}
		fmt.Fprintf(&b, `<text x="4" y="%.0f" font-size="%.0f"%s>%s<title>%s</title></text>`, y+12, tlFont, struck,
			html.EscapeString(fitText(row.label, tlIDCol-10, tlFont)), html.EscapeString(row.title))
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="%.0f">%s</text>`, tlIDCol, y+12, tlFont, html.EscapeString(row.word))
		w := math.Max(x(row.end.AddDate(0, 0, 1))-x(row.start), 3)
		tlBar(&b, row.kind, x(row.start), y+2, w, pat, row.title)
		y += row.height()
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// textWidth is a generous guess at the width of s in Arial at size pixels, from the widths of
// its letters' kinds; the SVG has no way to measure text before it is drawn.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("ijl.,:;'|!()[]` ", r):
			w += 0.30
		case strings.ContainsRune("frtI-/\"", r):
			w += 0.36
		case strings.ContainsRune("mwMW", r):
			w += 0.90
		case r >= 'A' && r <= 'Z':
			w += 0.74
		case r < 128:
			w += 0.58
		default:
			w += 1.0 // anything else, as wide as a wide letter
		}
	}
	return w * size
}

// fitText cuts s with "…" to fit width at size.
func fitText(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && textWidth(string(r)+"…", size) > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// The glance table's bars: each segment a colour and a pattern, with the same counts in words
// beside the bar (the bar is hidden from screen readers, which read the words).
const barW, barH = 150.0, 12.0

type segment struct {
	n       int
	fill    string // a colour, or a pattern's url
	outline bool
}

var barPatterns = `<defs>` +
	`<pattern id="p-stripe" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#1d4f91"/><rect width="4" height="1.5" fill="#fff"/></pattern>` +
	`<pattern id="p-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#b00020"/><rect width="2" height="5" fill="#fff"/></pattern>` +
	`<pattern id="p-dots" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#ffd966"/><circle cx="2" cy="2" r="1" fill="#8a6d00"/></pattern>` +
	`</defs>`

// barSVG draws segments in a bar; id makes its patterns' ids unique in the page.
func barSVG(id string, segs []segment) string {
	total := 0
	for _, s := range segs {
		total += s.n
	}
	if total == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bar" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" aria-hidden="true" focusable="false">`, barW, barH, barW, barH)
	b.WriteString(strings.ReplaceAll(barPatterns, `id="p-`, `id="`+id+`-`))
	x := 0.0
	for _, s := range segs {
		if s.n == 0 {
			continue
		}
		w := barW * float64(s.n) / float64(total)
		if s.outline {
			fmt.Fprintf(&b, `<rect x="%.1f" y=".5" width="%.1f" height="%.0f" fill="#fff" stroke="#5a5a5a" stroke-dasharray="2 1"/>`, x+.5, math.Max(w-1, 1), barH-1)
		} else {
			fmt.Fprintf(&b, `<rect x="%.1f" y="0" width="%.1f" height="%.0f" fill="%s" stroke="#fff" stroke-width=".5"/>`, x, w, barH, strings.Replace(s.fill, "#p-", "#"+id+"-", 1))
		}
		x += w
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// statusBarSVG is a section's actions by status, in the order its words give them: not started
// solid grey, in progress striped blue, complete solid green, dropped an outline.
func statusBarSVG(g GlanceRow, id string) string {
	return barSVG(id, []segment{{n: g.Status[plan.NotStarted], fill: "#8a8a8a"}, {n: g.Status[plan.InProgress], fill: "url(#p-stripe)"},
		{n: g.Status[plan.Complete], fill: "#1e6b33"}, {n: g.Status[plan.Dropped], outline: true}})
}

// ragBarSVG is a section's open actions by RAG: red hatched, amber dotted, green solid, not rated
// an outline.
func ragBarSVG(g GlanceRow, id string) string {
	return barSVG(id, []segment{{n: g.RAG[plan.Red], fill: "url(#p-hatch)"}, {n: g.RAG[plan.Amber], fill: "url(#p-dots)"},
		{n: g.RAG[plan.Green], fill: "#1e6b33"}, {n: g.RAG[""], outline: true}})
}

// sparkSVG draws a measure's observations as a line, its target as a dashed line; the values are
// in words beside it.
func sparkSVG(m MeasureStatus) string {
	obs := m.History
	if len(obs) < 2 {
		return ""
	}
	const w, h, pad = 90.0, 24.0, 3.0
	lo, hi := obs[0].Value, obs[0].Value
	for _, o := range obs {
		lo, hi = math.Min(lo, o.Value), math.Max(hi, o.Value)
	}
	if t := m.Measure.Target; t != nil {
		lo, hi = math.Min(lo, t.Value), math.Max(hi, t.Value)
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	y := func(v float64) float64 { return pad + (h-2*pad)*(hi-v)/(hi-lo) }
	x := func(i int) float64 { return pad + (w-2*pad)*float64(i)/float64(len(obs)-1) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" aria-hidden="true" focusable="false">`, w, h, w, h)
	if t := m.Measure.Target; t != nil {
		fmt.Fprintf(&b, `<line x1="0" x2="%.0f" y1="%.1f" y2="%.1f" stroke="#1e6b33" stroke-dasharray="3 2"/>`, w, y(t.Value), y(t.Value))
	}
	var pts []string
	for i, o := range obs {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(o.Value)))
	}
	fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1d4f91" stroke-width="1.5"/>`, strings.Join(pts, " "))
	fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="#1d4f91"/></svg>`, x(len(obs)-1), y(obs[len(obs)-1].Value))
	return b.String()
}
