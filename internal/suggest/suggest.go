// Package suggest finds the nearest known words to a mistyped one, for "did you mean" hints.
package suggest

import (
	"sort"
	"strings"
)

// Distance is the number of single-rune edits (insert, delete, replace, or swap two neighbours)
// that turn a into b. A swap counts as one edit because "titel" for "title" is one slip of the
// fingers, not two.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: a swap looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Closest returns up to n candidates nearest to word, nearest first, ignoring case. A candidate
// qualifies when it is within a third of the word's length in edits (at least one edit, and
// never the whole word), or when it starts with or contains the word and the word is at least
// half of it: "Virtual" finds "Virtual School", but "care" does not find "Leaving Care Team".
// A suggestion that is not close is worse than none: it sends the reader after a mistake they
// did not make.
func Closest(word string, candidates []string, n int) []string {
	w := strings.ToLower(word)
	wlen := len([]rune(w))
	limit := max(1, wlen/3)
	type scored struct {
		s      string
		d      int
		prefix int
	}
	var found []scored
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		lc := strings.ToLower(c)
		d := Distance(w, lc)
		near := d <= limit && d < wlen
		part := wlen >= 3 && 2*wlen >= len([]rune(lc)) && strings.Contains(lc, w)
		if near || part {
			found = append(found, scored{c, d, commonPrefix(w, lc)})
		}
	}
	// Between equally near words, the one that starts like the word written is the likelier:
	// "tag" is nearer "tags" than "rag".
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		if found[i].prefix != found[j].prefix {
			return found[i].prefix > found[j].prefix
		}
		return found[i].s < found[j].s
	})
	out := make([]string, 0, n)
	for i := 0; i < len(found) && i < n; i++ {
		out = append(out, found[i].s)
	}
	return out
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
