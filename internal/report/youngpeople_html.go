package report

import (
	"fmt"
	"html/template"
	"io"
	"sync"

	"github.com/cpp-plans/cpp/internal/termsafe"
)

// WriteYoungPeopleHTML writes the young people's report as one self-contained HTML page: one
// column of large type (20 px on screen, 14 pt in print) in short lines, headings as questions,
// lists and no tables; it reads at 320 pixels wide without scrolling sideways, and prints as an
// A5 booklet with headings kept with what follows them and words never broken. It has a
// language, headings in order and text in colours with at least 7:1 contrast; no scripts,
// fonts or network.
func WriteYoungPeopleHTML(w io.Writer, y *YoungPeople) error {
	safe := termsafe.NewWriter(w)
	if err := ypTemplate().Execute(safe, ypView{y}); err != nil {
		return err
	}
	return safe.Flush()
}

type ypView struct{ *YoungPeople }

func (v ypView) Words() any { return ypWords }

func (v ypView) Made() string { return fmt.Sprintf(ypWords.Made, v.AsOf.Format("2 January 2006")) }

var ypFuncs = template.FuncMap{
	"from":      func(c string) string { return fmt.Sprintf(ypWords.From, c) },
	"didStatus": ypDidStatus,
	"dueBy":     func(a YPAction) string { return fmt.Sprintf(ypWords.DueBy, a.When) },
	"id":        func(i, j int) string { return fmt.Sprintf("part-%d-%d", i+1, j+1) },
	"planID":    func(i int) string { return fmt.Sprintf("plan-%d", i+1) },
}

var ypTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("yp").Funcs(ypFuncs).Parse(ypHTML))
})

const ypHTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Words.Title}}</title>
<style>
html { font-size: 100%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #1b1b1b; font-family: Verdana, "DejaVu Sans", Arial, sans-serif;
  font-size: 1.25rem; line-height: 1.6; }
main { max-width: 34em; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.3; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.75rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; padding-top: .5rem; border-top: 4px solid #1d4f91; }
h3 { font-size: 1.35rem; margin: 2rem 0 .5rem; color: #1d4f91; }
h4 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
p, li { max-width: 34em; overflow-wrap: break-word; hyphens: manual; }
ul { padding-left: 1.25em; margin: .25rem 0 1rem; }
li { margin: .35rem 0; }
li ul { margin: .25rem 0; }
.when { font-weight: bold; }
.status { white-space: nowrap; }
.promise { border-left: 6px solid #1d4f91; padding-left: .75rem; margin-left: 0; }
.notice { border: 3px solid #8a1c1c; padding: .25rem 1rem; margin: 1rem 0; }
@page { size: A5; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 14pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20pt; } h2 { font-size: 18pt; } h3 { font-size: 16pt; } h4 { font-size: 14pt; }
  h2 { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
  li, p { break-inside: avoid; page-break-inside: avoid; }
}
</style>
</head>
<body>
<main>
<h1>{{.Words.Title}}</h1>
{{with .Personal}}{{if .Redacted}}<p class="notice">{{$.Words.Removed}}</p>{{else}}<section class="notice" aria-label="{{$.Words.FoundLabel}}">
<p><strong>{{$.Words.Found}}</strong> {{$.Words.FoundHow}}</p>
<ul>{{range .Found}}<li>{{.String}}</li>{{end}}</ul>
</section>{{end}}{{end}}
<p>{{.Words.Intro}}</p>
<p>{{.Made}}</p>
{{range $i, $p := .Plans}}<section aria-labelledby="{{planID $i}}">
<h2 id="{{planID $i}}">{{$p.Title}}</h2>
<p>{{from $p.Council}}</p>
{{range $j, $part := $p.Parts}}<section aria-labelledby="{{id $i $j}}">
<h3 id="{{id $i $j}}">{{$part.Title}}</h3>
{{if $part.Promise}}<h4>{{$.Words.Promise}}</h4>
<p class="promise">{{$part.Promise}}</p>
{{end}}{{with $part.YouSaid}}<h4>{{$.Words.YouSaid}}</h4>
<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{end}}<h4>{{$.Words.Did}}</h4>
{{with $part.Did}}<ul>{{range .}}<li><span class="when">{{didStatus .}}</span> {{.Text}}{{with .News}}<ul>{{range .}}<li><span class="when">{{.When}}:</span> {{.Text}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
{{else}}<p>{{$.Words.NothingYet}}</p>
{{end}}<h4>{{$.Words.Next}}</h4>
{{with $part.Next}}<ul>{{range .}}<li><span class="when">{{dueBy .}}</span> {{.Text}} <em class="status">{{.Status}}.</em></li>{{end}}</ul>
{{else}}<p>{{$.Words.NothingNext}}</p>
{{end}}{{with $part.Stopped}}<h4>{{$.Words.StoppedHeading}}</h4>
<ul>{{range .}}<li>{{.Text}}{{with .News}}<ul>{{range .}}<li><span class="when">{{.When}}:</span> {{.Text}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
{{end}}{{with $part.Measures}}<h4>{{$.Words.Measures}}</h4>
<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{end}}</section>
{{end}}</section>
{{end}}</main>
</body>
</html>
`
