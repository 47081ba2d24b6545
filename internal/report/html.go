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
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteHTML writes the report as one self-contained HTML file: styles inline, charts as inline
// SVG, no scripts, fonts or network. It reads on screen, down to 320 pixels wide without
// scrolling sideways (a wide table scrolls in its own box), and prints to A4 with numbered pages,
// headings kept with what follows them, board words (RAG, status, "No commentary") never broken,
// and the timeline in figures of a page each, each with its axis. It follows WCAG 2.1 AA: a
// language, headings in order, table headers, RAG as a word (colour only adds to it) in colours
// with at least 4.5:1 contrast, and a key in words to the timeline's colours and patterns.
func WriteHTML(w io.Writer, r *Report) error {
	// Plan text can hold control characters YAML allows ("\e[31m", a right-to-left override):
	// HTML cannot hold C0 controls, and a bidi override would make the pack say what the plan
	// does not. They show as escapes, as in every other output; the page itself has none.
	safe := termsafe.NewWriter(w)
	if err := pageTemplate().Execute(safe, htmlView{r}); err != nil {
		return err
	}
	return safe.Flush()
}

type htmlView struct{ *Report }

func (v htmlView) AsOfText() string { return words.Day(v.AsOf) }

func (v htmlView) MultiPlan() bool { return len(v.Plans) > 1 }

func (v htmlView) SummaryRows() [][]string { return summaryRows(v.Report) }

func (v htmlView) NotUnderstoodRows() [][]string { return notUnderstoodRows(v.Report) }

func (v htmlView) NotUnderstoodLeadIn() string { return notUnderstoodLeadIn }

func (v htmlView) PartialSentence() string { return partialSentence(v.Report) }

func (v htmlView) YPFound() string { return ypWords.Found + " " + ypWords.FoundHow }

func (v htmlView) YPRemoved() string { return ypWords.Removed }

func (v htmlView) MeasuresNote() string { return measuresNote(v.Report) }

func (v htmlView) ExceptionRows() [][]string { return exceptionRows(v.Report) }

func (v htmlView) MeasureRows() [][]string { return measureRows(v.Report) }

func (v htmlView) StatusPie() template.HTML { return template.HTML(statusPieSVG(v.Report)) }

// rowView is a table row; a dropped action's row has a look of its own, so that it is not read
// as live work.
type rowView struct {
	Cells   []string
	Dropped bool
}

func rowViews(rows []query.Row, cells [][]string) []rowView {
	out := make([]rowView, len(rows))
	for i, row := range rows {
		out[i] = rowView{Cells: cells[i], Dropped: row.Action.Status == plan.Dropped}
	}
	return out
}

type sectionView struct {
	Heading, Promise, Shared string
	Rows                     []rowView
}

func (v htmlView) SectionViews() []sectionView {
	var out []sectionView
	for _, sp := range v.Sections {
		out = append(out, sectionView{Heading: sectionHeading(sp, v.MultiPlan()), Promise: words.OneLine(sp.Section.Promise),
			Shared: SharedLine(sp.Section, v.Period.window, v.AsOf),
			Rows:   rowViews(sp.Rows, sectionRows(v.Report, sp.Rows))})
	}
	return out
}

type leadView struct {
	Lead string
	Rows []rowView
}

func (v htmlView) ComingViews() []leadView {
	var out []leadView
	for _, g := range v.ComingUp {
		out = append(out, leadView{Lead: g.Lead, Rows: rowViews(g.Rows, comingRows(g.Rows))})
	}
	return out
}

type changeView struct {
	Title   string
	Header  []string
	Rows    [][]string
	Dropped bool
}

func (v htmlView) ChangeViews() []changeView {
	c := v.Changes
	if c == nil {
		return nil
	}
	var out []changeView
	items := func(title string, list []Item) {
		if len(list) == 0 {
			return
		}
		cv := changeView{Title: fmt.Sprintf("%s (%d)", title, len(list)), Header: []string{"Action", "Text"}, Dropped: title == "Dropped"}
		for _, it := range list {
			cv.Rows = append(cv.Rows, []string{it.ID, words.OneLine(it.Text)})
		}
		out = append(out, cv)
	}
	items("Added", c.Added)
	items("Completed", c.Completed)
	items("Dropped", c.Dropped)
	if len(c.Moved) > 0 {
		cv := changeView{Title: fmt.Sprintf("Deadlines moved (%d)", len(c.Moved)), Header: []string{"Action", "From", "To", "Moved by"}}
		for _, m := range c.Moved {
			cv.Rows = append(cv.Rows, []string{m.ID, m.From, m.To, moveDays(m)})
		}
		out = append(out, cv)
	}
	return out
}

// boardTerms are the words the report rates and flags with. Each is kept whole on one line (a
// badge broken as "Am-ber" cannot be found by searching the printed PDF), wherever it stands.
var boardTerms = lazyre.New(`\b(?:Red|Amber|Green|Not rated|not started|in progress|complete|dropped|overdue|no data|no target|no direction)\b|\bNo commentary\b|\bStale \(\d{1,2} [A-Z][a-z]{2} \d{4}\)`)

// terms escapes text and keeps each board term in it whole. "No commentary" and "Stale" notes,
// which boards send back, are flagged.
func terms(s string) template.HTML {
	return template.HTML(boardTerms.ReplaceAllStringFunc(template.HTMLEscapeString(s), func(w string) string {
		class := "term"
		if w == "No commentary" || strings.HasPrefix(w, "Stale") {
			class = "flag"
		}
		return `<span class="` + class + `">` + w + `</span>`
	}))
}

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

var funcs = template.FuncMap{"terms": terms, "rag": rag, "status": status,
	"mul100": func(f float64) float64 { return f * 100 }}

// pageTemplate is parsed when a report is first written as HTML, not when cpp starts.
var pageTemplate = sync.OnceValue(func() *template.Template { return template.Must(template.New("page").Funcs(funcs).Parse(pageHTML)) })

const pageHTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: report as of {{.AsOfText}}</title>
<style>
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
p.meta { color: #3b3b3b; }
blockquote { margin: .5rem 0 1rem; padding: .25rem 1rem; border-left: 4px solid #1d4f91; color: #2b2b2b; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef7; }
td { overflow-wrap: anywhere; white-space: pre-line; }
.term, .flag, .rag, .status, .travel { white-space: nowrap; }
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
figure { margin: 1rem 0; }
figcaption { font-size: .9rem; color: #3b3b3b; }
svg { max-width: 100%; height: auto; }
svg text { font-family: Arial, Helvetica, sans-serif; }
.key { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .9rem; }
.key svg { vertical-align: middle; margin-right: .35rem; }
h1, h2, h3 { break-after: avoid-page; break-inside: avoid; }
blockquote, caption, .lead-in { break-after: avoid-page; }
@page { size: A4; margin: 15mm 15mm 18mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #3b3b3b; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  .rag, .key svg, tr.dropped td, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  figure.timeline { break-inside: avoid; }
}
</style>
</head>
<body>
<main>
<h1>{{terms .Title}}</h1>
{{with .LeftOut}}<section class="partial" aria-labelledby="partial-report">
<h2 id="partial-report">Partial report</h2>
<p>{{terms $.PartialSentence}} Run <code>cpp validate</code> for details.</p>
<ul>{{range .}}<li><strong>{{terms .File}}</strong>: {{terms .Error}}</li>{{end}}</ul>
</section>
{{end}}{{with .Options.Personal}}<section class="partial" aria-labelledby="personal-text">
<h2 id="personal-text">{{if .Redacted}}Personal text removed{{else}}Personal text found{{end}}</h2>
{{if .Redacted}}<p>{{$.YPRemoved}}</p>{{else}}<p>{{$.YPFound}}</p><ul>{{range .Found}}<li>{{.String}}</li>{{end}}</ul>{{end}}
</section>
{{end}}<p class="meta">Report as of {{.AsOfText}}. Reporting period: {{.Period.Description}}. Next period: {{.Next.Description}}.</p>
{{if .MultiPlan}}<p>Plans in this report:</p>
<ul>{{range .Plans}}<li>{{.ID}}: {{terms .Title}} ({{terms .Council}})</li>{{end}}</ul>{{end}}

<h2 id="summary">Summary</h2>
<p>{{terms .Summary.Narrative}}</p>
<div class="scroll" role="region" aria-label="Actions in figures" tabindex="0"><table>
<caption>Actions in figures</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Actions</th></tr></thead>
<tbody>{{range .SummaryRows}}<tr><th scope="row">{{terms (index . 0)}}</th><td>{{index . 1}}</td></tr>{{end}}</tbody>
</table></div>
<figure>{{.StatusPie}}<figcaption>Actions by status. The same figures are in the table above.</figcaption></figure>
{{with .NotUnderstoodRows}}<h3 id="not-understood">Deadlines not understood ({{len .}})</h3>
<p>{{terms $.NotUnderstoodLeadIn}}</p>
<div class="scroll" role="region" aria-label="Deadlines not understood" tabindex="0"><table>
<caption>Deadlines not understood</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Deadline as written</th></tr></thead>
<tbody>{{range .}}<tr><td>{{terms (index . 0)}}</td><td>{{terms (index . 1)}}</td><td>{{terms (index . 2)}}</td></tr>{{end}}</tbody>
</table></div>{{end}}

<h2 id="exceptions">Exceptions</h2>
{{with .ExceptionRows}}<p class="lead-in">Every action rated red or amber, and every overdue action (a recurring commitment is overdue when its last period passed with no update), with its latest progress note. "{{terms "No commentary"}}" marks an exception with no note; "Stale" a latest note more than {{$.Options.StaleDays}} days old.</p>
<div class="scroll" role="region" aria-label="Exceptions" tabindex="0"><table>
<caption>Exceptions</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Deadline</th><th scope="col">Days late</th><th scope="col">RAG</th><th scope="col">Latest note</th></tr></thead>
<tbody>{{range .}}<tr><td>{{terms (index . 0)}}</td><td>{{terms (index . 1)}}</td><td>{{terms (index . 2)}}</td><td>{{index . 3}}</td><td>{{rag (index . 4)}}</td><td>{{terms (index . 5)}}</td></tr>{{end}}</tbody>
</table></div>{{else}}<p>No action is rated red or amber, and none is overdue.</p>{{end}}

<h2 id="progress">Progress by section</h2>
{{range .SectionViews}}<h3>{{terms .Heading}}</h3>
{{if .Promise}}<blockquote>{{terms .Promise}}</blockquote>{{end}}
<p class="shared">{{.Shared}}</p>
{{if .Rows}}<div class="scroll" role="region" aria-label="Actions: {{.Heading}}" tabindex="0"><table>
<caption>Actions: {{terms .Heading}}</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Deadline</th><th scope="col">Leads</th><th scope="col">Status</th><th scope="col">RAG</th><th scope="col">Latest update</th></tr></thead>
<tbody>{{range .Rows}}<tr{{if .Dropped}} class="dropped"{{end}}><td>{{terms (index .Cells 0)}}</td><td>{{terms (index .Cells 1)}}</td><td>{{terms (index .Cells 2)}}</td><td>{{status (index .Cells 3)}}</td><td>{{rag (index .Cells 4)}}</td><td>{{terms (index .Cells 5)}}</td></tr>{{end}}</tbody>
</table></div>{{else}}<p>No actions.</p>{{end}}
{{end}}
<h3>Timeline of deadlines</h3>
{{.TimelineKey}}
{{range .Timeline}}<figure class="timeline">{{.SVG}}<figcaption>{{.Caption}}</figcaption></figure>
{{end}}
<h2 id="coming-up">Coming up in {{.Next.Label}}</h2>
{{range .ComingViews}}<h3>{{terms .Lead}}</h3>
<div class="scroll" role="region" aria-label="Due in {{$.Next.Label}}: {{.Lead}}" tabindex="0"><table>
<caption>Due in {{$.Next.Label}}: {{terms .Lead}}</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Deadline</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">RAG</th></tr></thead>
<tbody>{{range .Rows}}<tr{{if .Dropped}} class="dropped"{{end}}><td>{{terms (index .Cells 0)}}</td><td>{{terms (index .Cells 1)}}</td><td>{{index .Cells 2}}</td><td>{{status (index .Cells 3)}}</td><td>{{rag (index .Cells 4)}}</td></tr>{{end}}</tbody>
</table></div>
{{else}}<p>Nothing falls due in the next period.</p>
{{end}}
<h2 id="measures">Measures</h2>
{{with .MeasureRows}}<p class="lead-in">RAG against target: green on target or within {{printf "%.0f" (mul100 $.Options.Tolerance)}}% of it; amber further off but improving; red further off and not improving. Direction of travel is against the previous observation.{{terms $.MeasuresNote}}</p>
<div class="scroll" role="region" aria-label="Measures against target" tabindex="0"><table>
<caption>Measures against target</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Baseline</th><th scope="col">Latest</th><th scope="col">Previous</th><th scope="col">Target</th><th scope="col">Travel</th><th scope="col">RAG</th></tr></thead>
<tbody>{{range .}}<tr><td>{{terms (index . 0)}}</td><td>{{terms (index . 1)}}</td><td>{{terms (index . 2)}}</td><td>{{terms (index . 3)}}</td><td>{{terms (index . 4)}}</td><td><span class="travel">{{index . 5}}</span></td><td>{{rag (index . 6)}}</td></tr>{{end}}</tbody>
</table></div>{{else}}<p>The plans set no measures.</p>{{end}}
{{with .Changes}}
<h2 id="changes">Changes since {{.Since}}</h2>
{{range $cv := $.ChangeViews}}<h3>{{terms .Title}}</h3>
<div class="scroll" role="region" aria-label="{{.Title}}" tabindex="0"><table>
<caption>{{terms .Title}}</caption>
<thead><tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr{{if $cv.Dropped}} class="dropped"{{end}}>{{range .}}<td>{{terms .}}</td>{{end}}</tr>{{end}}</tbody>
</table></div>
{{else}}<p>No action was added, {{terms "dropped"}} or completed, and no deadline moved.</p>
{{end}}{{end}}
</main>
</body>
</html>
`

// Chart colours with at least 3:1 contrast against white, and each slice labelled in words.
var statusColours = map[plan.Status]string{
	plan.NotStarted: "#5a5a5a", plan.InProgress: "#1d4f91", plan.Complete: "#1e6b33", plan.Dropped: "#8a1c1c",
}

func statusPieSVG(r *Report) string {
	total := 0
	for _, s := range plan.Statuses {
		total += r.Summary.Status[s]
	}
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="520" height="220" viewBox="0 0 520 220" role="img" aria-labelledby="pie-title">`)
	b.WriteString(`<title id="pie-title">Actions by status</title>`)
	if total == 0 {
		b.WriteString(`<text x="10" y="110" font-size="14">No actions.</text></svg>`)
		return b.String()
	}
	cx, cy, rad := 110.0, 110.0, 95.0
	angle := -math.Pi / 2
	y := 40
	for _, s := range plan.Statuses {
		n := r.Summary.Status[s]
		if n == 0 {
			continue
		}
		frac := float64(n) / float64(total)
		colour := statusColours[s]
		if frac >= 0.9999 {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>`, cx, cy, rad, colour)
		} else {
			end := angle + frac*2*math.Pi
			large := 0
			if frac > 0.5 {
				large = 1
			}
			fmt.Fprintf(&b, `<path d="M%.1f,%.1f L%.2f,%.2f A%.1f,%.1f 0 %d 1 %.2f,%.2f Z" fill="%s" stroke="#fff" stroke-width="1"/>`,
				cx, cy, cx+rad*math.Cos(angle), cy+rad*math.Sin(angle), rad, rad, large, cx+rad*math.Cos(end), cy+rad*math.Sin(end), colour)
			angle = end
		}
		fmt.Fprintf(&b, `<rect x="240" y="%d" width="14" height="14" fill="%s"/><text x="262" y="%d" font-size="14">%s: %d (%.0f%%)</text>`,
			y-12, colour, y, html.EscapeString(capitalise(render.StatusWord(s))), n, frac*100)
		y += 26
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// The timeline is drawn at the width it prints at, A4 inside the page margins in CSS pixels, so
// that its text is never scaled down; a narrower screen scales it to fit.
const (
	tlWidth     = 680.0
	tlIDCol     = 150.0 // action ids
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
	tlMaxRows = 760.0
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
	{tlDropped, "dropped (an outline; its id struck through)"},
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

// TimelineKey is the key to the timeline's bars, in words beside each look.
func (v htmlView) TimelineKey() template.HTML {
	if len(timelineRows(v.Report)) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<p class="key"><strong>Key:</strong>`)
	for _, k := range tlKey {
		id := "key-hatch"
		b.WriteString(` <span><svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">`)
		if k.kind == tlLate {
			b.WriteString(tlHatch(id))
		}
		tlBar(&b, k.kind, 1, 1, 26, id, "")
		fmt.Fprintf(&b, `</svg>%s</span>`, terms(k.text))
	}
	b.WriteString(` <span><svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false"><line x1="14" y1="0" x2="14" y2="14" stroke="#1b1b1b" stroke-dasharray="4 3"/></svg>the report date</span></p>`)
	return template.HTML(b.String())
}

// tlRow is a row of the timeline: a section's heading, or an action's bar.
type tlRow struct {
	header     string
	id, word   string
	kind       tlKind
	start, end time.Time
	title      string
}

func (r tlRow) height() float64 {
	if r.header != "" {
		return tlHeadH
	}
	return tlRowH
}

// timelineRows are the timeline's rows: each section with dated actions, then its actions.
func timelineRows(r *Report) []tlRow {
	var rows []tlRow
	for _, sp := range r.Sections {
		first := true
		for _, row := range sp.Rows {
			if !row.HasDue() || row.Recurring {
				continue
			}
			if first {
				rows = append(rows, tlRow{header: sectionHeading(sp, len(r.Plans) > 1)})
				first = false
			}
			a := row.Action
			tr := tlRow{id: a.ID, word: render.StatusWord(a.Status), start: a.Deadline.Start, end: a.Deadline.End}
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
			tr.title = fmt.Sprintf("%s: %s to %s (%s)", a.ID, words.Day(tr.start), words.Day(tr.end), tr.word)
			rows = append(rows, tr)
		}
	}
	return rows
}

// timelineFigure is one figure of the timeline: its SVG and caption.
type timelineFigure struct {
	SVG     template.HTML
	Caption string
}

// Timeline draws each dated action as a bar over its deadline period, one row per action, grouped
// by section, against an axis of months, in figures each short enough for one printed page, each
// with its own axis. Every figure has one scale, so that bars compare across them.
func (v htmlView) Timeline() []timelineFigure {
	r := v.Report
	caption := "Each bar is an action's deadline period, by section. The same deadlines are in the tables above."
	rows := timelineRows(r)
	if len(rows) == 0 {
		return []timelineFigure{{SVG: `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="40" viewBox="0 0 520 40" role="img" aria-labelledby="tl-title"><title id="tl-title">Timeline of deadlines</title><text x="10" y="25" font-size="14">No dated deadlines.</text></svg>`,
			Caption: caption}}
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
	var out []timelineFigure
	for i, part := range parts {
		fc := caption
		title := "Timeline of deadlines by section"
		if len(parts) > 1 {
			fc = fmt.Sprintf("Part %d of %d. %s", i+1, len(parts), caption)
			title = fmt.Sprintf("Timeline of deadlines by section, part %d of %d", i+1, len(parts))
		}
		out = append(out, timelineFigure{SVG: template.HTML(timelineSVG(part, minT, maxT, r.AsOf, i+1, title)), Caption: fc})
	}
	return out
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
			html.EscapeString(fitText(row.id, tlIDCol-10, tlFont)), html.EscapeString(row.id))
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
