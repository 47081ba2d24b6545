package report

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
)

// WriteHTML writes the report as one self-contained HTML file: styles inline, charts as inline
// SVG, no scripts, fonts or network. It reads on screen and prints to A4, and follows WCAG 2.1
// AA: a language, headings in order, table headers, RAG as a word (colour only adds to it) in
// colours with at least 4.5:1 contrast.
func WriteHTML(w io.Writer, r *Report) error {
	return pageTemplate.Execute(w, htmlView{r})
}

type htmlView struct{ *Report }

func (v htmlView) AsOfText() string { return v.AsOf.Format(dateFmt) }

func (v htmlView) MultiPlan() bool { return len(v.Plans) > 1 }

func (v htmlView) SummaryRows() [][]string { return summaryRows(v.Report) }

func (v htmlView) PartialSentence() string { return partialSentence(v.Report) }

func (v htmlView) MeasuresNote() string { return measuresNote(v.Report) }

func (v htmlView) ExceptionRows() [][]string { return exceptionRows(v.Report) }

func (v htmlView) MeasureRows() [][]string { return measureRows(v.Report) }

func (v htmlView) StatusPie() template.HTML { return template.HTML(statusPieSVG(v.Report)) }

func (v htmlView) Timeline() template.HTML { return template.HTML(timelineSVG(v.Report)) }

type sectionView struct {
	Heading, Promise string
	Rows             [][]string
}

func (v htmlView) SectionViews() []sectionView {
	var out []sectionView
	for _, sp := range v.Sections {
		out = append(out, sectionView{Heading: sectionHeading(sp, v.MultiPlan()), Promise: oneLine(sp.Section.Promise),
			Rows: sectionRows(v.Report, sp.Rows)})
	}
	return out
}

type leadView struct {
	Lead string
	Rows [][]string
}

func (v htmlView) ComingViews() []leadView {
	var out []leadView
	for _, g := range v.ComingUp {
		out = append(out, leadView{Lead: g.Lead, Rows: comingRows(g.Rows)})
	}
	return out
}

type changeView struct {
	Title  string
	Header []string
	Rows   [][]string
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
		cv := changeView{Title: fmt.Sprintf("%s (%d)", title, len(list)), Header: []string{"Action", "Text"}}
		for _, it := range list {
			cv.Rows = append(cv.Rows, []string{it.ID, oneLine(it.Text)})
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

// ragClass picks the badge style for a cell that holds a RAG word.
func ragClass(s string) string {
	switch strings.ToLower(s) {
	case "red":
		return "rag rag-red"
	case "amber":
		return "rag rag-amber"
	case "green":
		return "rag rag-green"
	}
	return ""
}

// flagClass marks "No commentary" and "Stale" notes, which boards send back.
func flagClass(s string) string {
	if s == "No commentary" || strings.HasPrefix(s, "Stale (") {
		return "flag"
	}
	return ""
}

var funcs = template.FuncMap{"ragClass": ragClass, "flagClass": flagClass,
	"mul100": func(f float64) float64 { return f * 100 }}

var pageTemplate = template.Must(template.New("page").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}: report as of {{.AsOfText}}</title>
<style>
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
p.meta { color: #3b3b3b; }
blockquote { margin: .5rem 0 1rem; padding: .25rem 1rem; border-left: 4px solid #1d4f91; color: #2b2b2b; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef7; }
td { overflow-wrap: anywhere; white-space: pre-line; }
.rag { font-weight: bold; padding: .1rem .45rem; border-radius: .25rem; display: inline-block; }
.rag-red { background: #b00020; color: #fff; }
.rag-amber { background: #ffd966; color: #1b1b1b; }
.rag-green { background: #1e6b33; color: #fff; }
.flag { font-weight: bold; color: #8a1c1c; }
.partial { border: 3px solid #b00020; background: #fdf1f1; padding: 0 1rem; margin: 1rem 0; }
.partial h2 { border-bottom: none; color: #8a1c1c; margin-top: .75rem; }
figure { margin: 1rem 0; }
figcaption { font-size: .9rem; color: #3b3b3b; }
svg text { font-family: Arial, Helvetica, sans-serif; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{with .LeftOut}}<section class="partial" aria-labelledby="partial-report">
<h2 id="partial-report">Partial report</h2>
<p>{{$.PartialSentence}} Run <code>cpp validate</code> for details.</p>
<ul>{{range .}}<li><strong>{{.File}}</strong>: {{.Error}}</li>{{end}}</ul>
</section>
{{end}}<p class="meta">Report as of {{.AsOfText}}. Reporting period: {{.Period.Description}}. Next period: {{.Next.Description}}.</p>
{{if .MultiPlan}}<p>Plans in this report:</p>
<ul>{{range .Plans}}<li>{{.ID}}: {{.Title}} ({{.Council}})</li>{{end}}</ul>{{end}}

<h2 id="summary">Summary</h2>
<p>{{.Summary.Narrative}}</p>
<table>
<caption>Actions in figures</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Actions</th></tr></thead>
<tbody>{{range .SummaryRows}}<tr><th scope="row">{{index . 0}}</th><td>{{index . 1}}</td></tr>{{end}}</tbody>
</table>
<figure>{{.StatusPie}}<figcaption>Actions by status. The same figures are in the table above.</figcaption></figure>

<h2 id="exceptions">Exceptions</h2>
{{with .ExceptionRows}}<p>Every action rated red or amber, and every overdue action (a recurring commitment is overdue when its last period passed with no update), with its latest progress note. "No commentary" marks an exception with no note; "Stale" a latest note more than {{$.Options.StaleDays}} days old.</p>
<table>
<caption>Exceptions</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Lead</th><th scope="col">Deadline</th><th scope="col">Days late</th><th scope="col">RAG</th><th scope="col">Latest note</th></tr></thead>
<tbody>{{range .}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td><td>{{index . 3}}</td><td><span class="{{ragClass (index . 4)}}">{{index . 4}}</span></td><td><span class="{{flagClass (index . 5)}}">{{index . 5}}</span></td></tr>{{end}}</tbody>
</table>{{else}}<p>No action is rated red or amber, and none is overdue.</p>{{end}}

<h2 id="progress">Progress by section</h2>
{{range .SectionViews}}<h3>{{.Heading}}</h3>
{{if .Promise}}<blockquote>{{.Promise}}</blockquote>{{end}}
{{if .Rows}}<table>
<caption>Actions: {{.Heading}}</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Deadline</th><th scope="col">Leads</th><th scope="col">Status</th><th scope="col">RAG</th><th scope="col">Latest update</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td><td>{{index . 3}}</td><td><span class="{{ragClass (index . 4)}}">{{index . 4}}</span></td><td>{{index . 5}}</td></tr>{{end}}</tbody>
</table>{{else}}<p>No actions.</p>{{end}}
{{end}}
<h3>Timeline of deadlines</h3>
<figure>{{.Timeline}}<figcaption>Each bar is an action's deadline period, by section. The same deadlines are in the tables above.</figcaption></figure>

<h2 id="coming-up">Coming up in {{.Next.Label}}</h2>
{{range .ComingViews}}<h3>{{.Lead}}</h3>
<table>
<caption>Due in {{$.Next.Label}}: {{.Lead}}</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Deadline</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">RAG</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td><td>{{index . 3}}</td><td><span class="{{ragClass (index . 4)}}">{{index . 4}}</span></td></tr>{{end}}</tbody>
</table>
{{else}}<p>Nothing falls due in the next period.</p>
{{end}}
<h2 id="measures">Measures</h2>
{{with .MeasureRows}}<p>RAG against target: green on target or within {{printf "%.0f" (mul100 $.Options.Tolerance)}}% of it; amber further off but improving; red further off and not improving. Direction of travel is against the previous observation.{{$.MeasuresNote}}</p>
<table>
<caption>Measures against target</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Baseline</th><th scope="col">Latest</th><th scope="col">Previous</th><th scope="col">Target</th><th scope="col">Travel</th><th scope="col">RAG</th></tr></thead>
<tbody>{{range .}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td><td>{{index . 3}}</td><td>{{index . 4}}</td><td>{{index . 5}}</td><td><span class="{{ragClass (index . 6)}}">{{index . 6}}</span></td></tr>{{end}}</tbody>
</table>{{else}}<p>The plans set no measures.</p>{{end}}
{{with .Changes}}
<h2 id="changes">Changes since {{.Since}}</h2>
{{range $.ChangeViews}}<h3>{{.Title}}</h3>
<table>
<caption>{{.Title}}</caption>
<thead><tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody>
</table>
{{else}}<p>No action was added, dropped or completed, and no deadline moved.</p>
{{end}}{{end}}
</main>
</body>
</html>
`))

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

// timelineSVG draws each dated action as a bar over its deadline period, one row per action,
// grouped by section, against a month axis. Red or overdue bars are dark red, complete green.
func timelineSVG(r *Report) string {
	type bar struct {
		label, status  string
		start, end     time.Time
		colour, header string
	}
	var bars []bar
	var minT, maxT time.Time
	for _, sp := range r.Sections {
		first := true
		for _, row := range sp.Rows {
			if !row.HasDue() || row.Recurring {
				continue
			}
			a := row.Action
			colour := "#1d4f91"
			status := render.StatusWord(a.Status)
			switch {
			case a.Status == plan.Complete:
				colour = "#1e6b33"
			case a.RAG == plan.Red || row.DaysLate > 0:
				colour = "#b00020"
				if row.DaysLate > 0 {
					status += ", overdue"
				}
			}
			bb := bar{label: a.ID, status: status, start: a.Deadline.Start, end: a.Deadline.End, colour: colour}
			if first {
				bb.header = sectionHeading(sp, len(r.Plans) > 1)
				first = false
			}
			bars = append(bars, bb)
			if minT.IsZero() || bb.start.Before(minT) {
				minT = bb.start
			}
			if bb.end.After(maxT) {
				maxT = bb.end
			}
		}
	}
	var b strings.Builder
	if len(bars) == 0 {
		return `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="40" role="img" aria-labelledby="tl-title"><title id="tl-title">Timeline of deadlines</title><text x="10" y="25" font-size="14">No dated deadlines.</text></svg>`
	}
	minT = time.Date(minT.Year(), minT.Month(), 1, 0, 0, 0, 0, time.UTC)
	maxT = time.Date(maxT.Year(), maxT.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	left, width, rowH := 190.0, 760.0, 16.0
	headers := 0
	for _, bb := range bars {
		if bb.header != "" {
			headers++
		}
	}
	height := 40 + float64(len(bars))*rowH + float64(headers)*20
	days := maxT.Sub(minT).Hours() / 24
	x := func(t time.Time) float64 { return left + width*(t.Sub(minT).Hours()/24)/days }
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="tl-title">`,
		left+width+20, height, left+width+20, height)
	b.WriteString(`<title id="tl-title">Timeline of deadlines by section</title>`)
	// Month axis: a tick each quarter.
	for t := minT; !t.After(maxT); t = t.AddDate(0, 3, 0) {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="20" x2="%.1f" y2="%.0f" stroke="#c8c8c8"/><text x="%.1f" y="14" font-size="11">%s</text>`,
			x(t), x(t), height, x(t)+2, t.Format("Jan 2006"))
	}
	if !r.AsOf.Before(minT) && !r.AsOf.After(maxT) {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="20" x2="%.1f" y2="%.0f" stroke="#1b1b1b" stroke-dasharray="4 3"/><text x="%.1f" y="%.0f" font-size="11">Report date</text>`,
			x(r.AsOf), x(r.AsOf), height, x(r.AsOf)+3, height-4)
	}
	yPos := 30.0
	for _, bb := range bars {
		if bb.header != "" {
			yPos += 4
			fmt.Fprintf(&b, `<text x="4" y="%.0f" font-size="12" font-weight="bold">%s</text>`, yPos+10, html.EscapeString(truncate(bb.header, 120)))
			yPos += 16
		}
		w := math.Max(x(bb.end.AddDate(0, 0, 1))-x(bb.start), 3)
		fmt.Fprintf(&b, `<text x="8" y="%.0f" font-size="11">%s</text><rect x="%.1f" y="%.0f" width="%.1f" height="%.0f" fill="%s"><title>%s: %s to %s (%s)</title></rect>`,
			yPos+11, html.EscapeString(bb.label), x(bb.start), yPos+2, w, rowH-4, bb.colour,
			html.EscapeString(bb.label), bb.start.Format(dateFmt), bb.end.Format(dateFmt), html.EscapeString(bb.status))
		yPos += rowH
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
