package render

import (
	"math"
	"strings"
	"unicode"
)

// wrapCell wraps each line of a cell to width columns as tablewriter's own wrapping lays it out
// (words kept whole, runs of spaces as one, the breaks that leave the lines least ragged), but in
// time proportional to the text. tablewriter tries every later word as the end of every line,
// which is quadratic: a 320 KB action took seconds to list, and a few MB never finished. Here a
// line ends only where it still fits, so a word is looked at no more often than a line has words.
// Unlike tablewriter, a line's indent counts in its width (it is repeated on the lines it wraps
// to), a word wider than the column (a URL) is broken into lines of the column's width rather
// than widening every line, and trailing spaces are dropped, so that no line is wider than the
// column.
func wrapCell(cell string, width int) string {
	var out []string
	for _, line := range strings.Split(cell, "\n") {
		out = append(out, wrapLine(line, width)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(line string, width int) []string {
	core := strings.TrimFunc(line, unicode.IsSpace)
	if core == "" {
		return []string{""}
	}
	lead := line[:len(line)-len(strings.TrimLeftFunc(line, unicode.IsSpace))]
	lim := width - cellWidth(lead)
	if lim < 1 {
		lead, lim = "", max(width, 1)
	}
	var words []string
	var lengths []int
	for _, w := range strings.FieldsFunc(core, unicode.IsSpace) {
		if n := cellWidth(w); n <= lim {
			words, lengths = append(words, w), append(lengths, n)
			continue
		}
		// Broken into pieces of the line's width, each of which has a line to itself.
		start, n := 0, 0
		for i, r := range w {
			rw := runeWidth(r)
			if n+rw > lim && i > start {
				words, lengths = append(words, w[start:i]), append(lengths, n)
				start, n = i, 0
			}
			n += rw
		}
		words, lengths = append(words, w[start:]), append(lengths, n)
	}
	next := leastRagged(lengths, lim)
	var out []string
	for start := 0; start < len(words); start = next[start] {
		out = append(out, lead+strings.Join(words[start:next[start]], " "))
	}
	return out
}

// leastRagged chooses line breaks for words of the given widths on lines of lim columns: the
// squares of the space left at the end of each line but the last add up to the least. next[i] is
// the word after the line that starts at word i.
func leastRagged(lengths []int, lim int) []int {
	n := len(lengths)
	next := make([]int, n)
	cost := make([]int, n)
	rest := -1 // width of words i..n-1 on one line
	for i := n - 1; i >= 0; i-- {
		rest += 1 + lengths[i]
		if rest <= lim || i == n-1 {
			cost[i], next[i] = 0, n // the rest fits on the last line, which costs nothing
			continue
		}
		cost[i] = math.MaxInt
		phrase := lengths[i]
		// A break before word j, for every j that leaves the line fitting; a word wider than the
		// line has it to itself. (j == n would put the rest on this line, and it does not fit.)
		for j := i + 1; j < n; j++ {
			if j > i+1 {
				phrase += 1 + lengths[j-1]
				if phrase > lim {
					break
				}
			}
			d := max(lim-phrase, 0)
			if c := d*d + cost[j]; c < cost[i] {
				cost[i], next[i] = c, j
			}
		}
	}
	return next
}
