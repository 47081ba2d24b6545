package render

import (
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// The light box a table is drawn in. Every column costs its width and three cells more: a space
// either side and the rule to its right (the first column's rule is the left edge).
const (
	ruleCost = 3
	ellipsis = "…"
	// wideMin is what a column of text gets before other columns are given their whole width,
	// when it has that much to show (or the block's TextMin, for its first), and softCap the
	// widest word it is widened to keep whole: a longer word (a URL) is broken.
	wideMin = 16
	softCap = 20
	hardMin = 8
)

// frame is the width of n columns' padding and rules.
func frame(n int) int { return 1 + n*ruleCost }

// column is what fitting knows of one column: its widths at each level of comfort, from the
// least it can be drawn in to its whole width.
type column struct {
	wide    bool
	natural int // the widest line of the header or any cell
	comfy   int // what it needs to read well: its cells whole, or wideMin of text
	soft    int // text: its longest word up to softCap, so that ordinary words stay whole
	hard    int // the least before words are broken: a word of a short column, a little of text
}

func measure(blk Block, i int) column {
	var c column
	c.wide = slices.Contains(blk.Wide, i)
	least := wideMin
	if len(blk.Wide) > 0 && blk.Wide[0] == i {
		least = max(least, blk.TextMin)
	}
	headWord, cellLine, word := 0, 0, 0
	words := func(line string) (longest int) {
		for _, f := range strings.Fields(line) {
			longest = max(longest, cellWidth(f))
		}
		return longest
	}
	if i < len(blk.Header) {
		for line := range strings.SplitSeq(blk.Header[i], "\n") {
			c.natural = max(c.natural, cellWidth(line))
			headWord = max(headWord, words(line))
		}
	}
	word = headWord
	for _, row := range blk.Rows {
		if i >= len(row) {
			continue
		}
		for line := range strings.SplitSeq(row[i], "\n") {
			lw := cellWidth(line)
			cellLine = max(cellLine, lw)
			if lw > word { // else no word in it is longer than the longest so far
				word = max(word, words(line))
			}
		}
	}
	c.natural = max(c.natural, cellLine)
	if c.wide {
		c.hard = min(c.natural, hardMin)
		c.comfy = min(c.natural, max(least, headWord))
		c.soft = min(c.natural, max(c.comfy, min(word, softCap)))
	} else {
		// A short column (an id, a date, a status, a count) keeps its cells whole and wraps
		// its header; squeezed, it may wrap a cell at its spaces ("31 Oct" over "2025").
		c.hard = min(c.natural, word)
		c.comfy = max(cellLine, headWord)
		c.soft = c.comfy
	}
	return c
}

// measureAll measures every column of a block.
func measureAll(blk Block) []column {
	cols := make([]column, len(blk.Header))
	for i := range cols {
		cols[i] = measure(blk, i)
	}
	return cols
}

// drops is how many of the block's Drop columns it goes without to fit total cells: columns are
// left out in that order while what is left cannot be shown comfortably.
func drops(blk Block, cols []column, total int) int {
	n := 0
	for ; n < len(blk.Drop); n++ {
		need, shown := 0, 0
		for i, c := range cols {
			if !slices.Contains(blk.Drop[:n], i) {
				need += c.comfy
				shown++
			}
		}
		if need+frame(shown) <= total {
			break
		}
	}
	return n
}

// layout decides how wide each column a table shows is, to fit total cells, leaving out the
// block's first ndrop Drop columns. Every column gets its hard floor, and what is left goes
// first to the columns short of comfortable, then to words kept whole, then to whole lines, each
// in proportion to want. Only when the hard floors do not fit are words broken below them.
func layout(blk Block, cols []column, total, ndrop int) (shown []int, widths []int) {
	for i := range cols {
		if !slices.Contains(blk.Drop[:ndrop], i) {
			shown = append(shown, i)
		}
	}
	b := total - frame(len(shown))
	w := make([]int, len(shown))
	level := func(f func(column) int) []int {
		out := make([]int, len(shown))
		for k, i := range shown {
			out[k] = max(f(cols[i]), 1)
		}
		return out
	}
	hard := level(func(c column) int { return c.hard })
	if s := sumInts(hard); s > b {
		// Even the floors do not fit: share what there is in proportion to them, a cell at least.
		for k := range w {
			w[k] = 1
		}
		grow(w, hard, b-len(w))
		return shown, w
	}
	copy(w, hard)
	for _, target := range [][]int{
		level(func(c column) int { return c.comfy }),
		level(func(c column) int { return c.soft }),
		level(func(c column) int { return c.natural }),
	} {
		if !grow(w, target, b-sumInts(w)) {
			break
		}
	}
	// A short column squeezed below its whole cells may wrap them in less than it was given
	// ("31 Oct 2025" in 9 cells takes 6): the text columns have the rest.
	freed := 0
	target := make([]int, len(shown))
	for k, i := range shown {
		target[k] = w[k]
		if cols[i].wide {
			target[k] = max(cols[i].natural, 1)
		} else if w[k] < cols[i].natural {
			used := usedWidth(blk, i, w[k])
			freed += w[k] - used
			w[k], target[k] = used, used
		}
	}
	if freed > 0 {
		grow(w, target, freed)
	}
	return shown, w
}

// usedWidth is the widest line of column i wrapped to width.
func usedWidth(blk Block, i, width int) int {
	used := 1
	each := func(s string) {
		for line := range strings.SplitSeq(wrapCell(s, width), "\n") {
			used = max(used, cellWidth(line))
		}
	}
	if i < len(blk.Header) {
		each(blk.Header[i])
	}
	for _, row := range blk.Rows {
		if i < len(row) {
			each(row[i])
		}
	}
	return min(used, width)
}

// grow widens w towards target with at most spare cells, in proportion to what each column
// lacks; it reports whether every column reached its target.
func grow(w, target []int, spare int) bool {
	want := 0
	for k := range w {
		want += max(target[k]-w[k], 0)
	}
	if want <= spare {
		for k := range w {
			w[k] = max(w[k], target[k])
		}
		return true
	}
	if spare <= 0 {
		return false
	}
	given := 0
	for k := range w {
		if lack := target[k] - w[k]; lack > 0 {
			add := spare * lack / want
			w[k] += add
			given += add
		}
	}
	// The cells rounding left over go one each to the columns that lack the most.
	for given < spare {
		best := -1
		for k := range w {
			if w[k] < target[k] && (best < 0 || target[k]-w[k] > target[best]-w[best]) {
				best = k
			}
		}
		if best < 0 {
			break
		}
		w[best]++
		given++
	}
	return false
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// cellWidth is how many terminal cells s takes. Cells have been made safe (termsafe), so ASCII
// text is one cell a byte.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return lipgloss.Width(s)
		}
	}
	return len(s)
}

// fitCell lays a cell out in lines of at most width cells: wrapped at spaces, a word wider than
// the column broken across lines, and, when maxLines is not 0, cut after that many lines with
// "…" at the end of the last.
func fitCell(cell string, width, maxLines int) []string {
	lines := strings.Split(wrapCell(cell, width), "\n")
	if maxLines <= 0 || len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := strings.TrimRight(lines[maxLines-1], " ")
	if cellWidth(last)+1 > width {
		last = strings.TrimRight(cutWidth(last, width-1), " ")
	}
	lines[maxLines-1] = last + ellipsis
	return lines
}

// cutWidth is the longest start of s at most width cells wide.
func cutWidth(s string, width int) string {
	w := 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > width {
			return s[:i]
		}
		w += rw
	}
	return s
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1
	}
	return lipgloss.Width(string(r))
}

// shapeOf names a kind of table by its header: a listing's tables of one kind are laid out as one.
func shapeOf(blk Block) string { return strings.Join(blk.Header, "\x00") }

// fit is how a kind of table is drawn in a listing: the columns shown, each one's width, and the
// columns left out, as the note names them.
type fit struct {
	shown, widths []int
	left          []string
}

// fitShapes makes each block safe to show (visibleBlock) and lays out each kind of table once,
// measured on the rows of every block of that kind, so that a listing's tables (plan after plan)
// leave out the same columns and give each column the same width. With width 0 nothing is
// fitted: each column is as wide as its widest line in the listing.
func fitShapes(blocks []Block, width int) ([]Block, map[string]*fit) {
	visible := make([]Block, len(blocks))
	merged := map[string]*Block{}
	for i, blk := range blocks {
		if len(blk.Rows) == 0 {
			continue
		}
		visible[i] = visibleBlock(blk)
		k := shapeOf(blk)
		if m, ok := merged[k]; ok {
			m.Rows = append(m.Rows, visible[i].Rows...)
			continue
		}
		m := visible[i]
		m.Rows = slices.Clone(m.Rows)
		merged[k] = &m
	}
	fits := make(map[string]*fit, len(merged))
	for k, m := range merged {
		fits[k] = fitBlock(*m, width)
	}
	return visible, fits
}

// fitBlock lays out a block (all of a listing's rows of one kind) in width cells.
func fitBlock(blk Block, width int) *fit {
	cols := measureAll(blk)
	f := &fit{}
	if width <= 0 {
		for i := range blk.Header {
			f.shown = append(f.shown, i)
			f.widths = append(f.widths, max(cols[i].natural, 1))
		}
		return f
	}
	var same map[int]string
	if blk.DropSame {
		blk.Drop, same = sameFirst(blk)
	}
	ndrop := drops(blk, cols, width)
	f.shown, f.widths = layout(blk, cols, width, ndrop)
	for _, i := range blk.Drop[:ndrop] {
		h := blk.Header[i]
		if v, ok := same[i]; ok {
			if v == "" {
				h += " (empty on every row)"
			} else {
				h += " (" + v + " on every row)"
			}
		}
		f.left = append(f.left, h)
	}
	return f
}

// sameFirst is the block's drop order with the columns that say the same on every row put first,
// and what each of those says. Any column may go so but the first, which names the row (an id),
// and the block's main text: a column that says the same on every row tells a reader nothing a
// note cannot ("Latest note (none on every row)"), whether or not it is in Drop.
func sameFirst(blk Block) ([]int, map[int]string) {
	same := map[int]string{}
	if len(blk.Rows) < 2 {
		return blk.Drop, same
	}
	main := -1
	if len(blk.Wide) > 0 {
		main = blk.Wide[0]
	}
	var order []int
	for i := 1; i < len(blk.Header); i++ {
		if i == main {
			continue
		}
		if v, ok := constant(blk.Rows, i); ok {
			same[i] = v
			order = append(order, i)
		}
	}
	for _, i := range blk.Drop {
		if _, ok := same[i]; !ok {
			order = append(order, i)
		}
	}
	return order, same
}

// constant is what column i says on every row, if it says the same on each.
func constant(rows [][]string, i int) (string, bool) {
	cell := func(r []string) string {
		if i < len(r) {
			return r[i]
		}
		return ""
	}
	v := cell(rows[0])
	for _, r := range rows[1:] {
		if cell(r) != v {
			return "", false
		}
	}
	return v, true
}

// drawTable draws a block as a light box, showing the columns shown at their widths. Fitted, each
// cell is wrapped to its column and cut at the block's MaxLines; otherwise each cell's lines are
// drawn whole.
//
// cpp decides what a table shows (which columns, how wide, where each cell's lines break, where
// a long cell is cut) and tablewriter draws it: its own wrapping is off, so every cell reaches it
// as the lines cpp laid out, and every column is given the width cpp chose.
func drawTable(b *strings.Builder, blk Block, shown, widths []int, fitted bool, rag func(string) string) {
	cells := func(r []string, maxLines int, colour bool) []string {
		out := make([]string, len(shown))
		for k, i := range shown {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			var lines []string
			if !fitted {
				lines = strings.Split(c, "\n")
			} else {
				lines = fitCell(c, widths[k], maxLines)
			}
			if colour && i == blk.RAGColumn {
				for n, l := range lines {
					if l != "" {
						lines[n] = rag(l)
					}
				}
			}
			out[k] = strings.Join(lines, "\n")
		}
		return out
	}
	parts := chunks(len(blk.Rows))
	out := make([]strings.Builder, len(parts))
	var wg sync.WaitGroup
	for n, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first, last := n == 0, n == len(parts)-1
			t := newTableWriter(&out[n], widths, first, last)
			if first {
				t.Header(cells(blk.Header, 0, false))
			}
			for _, r := range blk.Rows[part[0]:part[1]] {
				// Append and Render fail only for rows of a type tablewriter cannot print;
				// these are strings.
				_ = t.Append(cells(r, blk.MaxLines, rag != nil))
			}
			_ = t.Render()
		}()
	}
	wg.Wait()
	for n := range out {
		b.WriteString(out[n].String())
	}
}

// chunkRows is how many rows a table has before it is drawn in parts, side by side on the
// machine's cores: the parts are tables of the same widths, the first with the header and top
// rule and the last with the bottom rule, so that put together they are the one table, byte for
// byte. Drawing a row is what costs most in a listing of the national corpus.
var chunkRows = 2000

// chunks are the [start, end) ranges of rows drawn as parts: one for a small table.
func chunks(rows int) [][2]int {
	n := min(runtime.GOMAXPROCS(0), rows/chunkRows)
	if n < 2 {
		return [][2]int{{0, rows}}
	}
	parts := make([][2]int, n)
	for i := range parts {
		parts[i] = [2]int{i * rows / n, (i + 1) * rows / n}
	}
	return parts
}

// state is tablewriter's word for on or off.
func state(on bool) tw.State {
	if on {
		return tw.On
	}
	return tw.Off
}

// newTableWriter is a tablewriter table that draws what it is given: a light box, a space either
// side of each cell, headers as written, every cell's lines as they come (no wrapping, trimming or
// formatting of its own) and each column exactly as wide as widths says.
func newTableWriter(w io.Writer, widths []int, top, bottom bool) *tablewriter.Table {
	perColumn := tw.NewMapper[int, int]()
	for k, width := range widths {
		perColumn.Set(k, width+2) // tablewriter counts a column's padding in its width
	}
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight),
			Borders: tw.Border{Left: tw.On, Right: tw.On, Top: state(top), Bottom: state(bottom)}})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithTrimLine(tw.Off),
		tablewriter.WithColumnWidths(perColumn),
	)
}
