package plandiff

import "strings"

// Op says what happened to a run of words.
type Op int

const (
	Same Op = iota
	Deleted
	Inserted
)

// Segment is a run of words that were kept, deleted or inserted.
type Segment struct {
	Op   Op
	Text string
}

// maxWordCells bounds the table Words builds; past it, an edit is shown as a whole replacement.
const maxWordCells = 1 << 20

// Words finds the words changed between two texts: the longest common run of words is kept and
// the rest is deleted or inserted. Spacing is not a change.
func Words(from, to string) []Segment {
	a, b := strings.Fields(from), strings.Fields(to)
	if len(a)*len(b) > maxWordCells {
		return merge([]Segment{{Deleted, from}, {Inserted, to}})
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var segs []Segment
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			segs = append(segs, Segment{Same, a[i]})
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			segs = append(segs, Segment{Inserted, b[j]})
			j++
		default:
			segs = append(segs, Segment{Deleted, a[i]})
			i++
		}
	}
	return merge(segs)
}

// merge joins neighbouring words with the same op, and puts a deletion before the insertion
// that replaces it, so that "[-old-]{+new+}" reads in order.
func merge(segs []Segment) []Segment {
	var out []Segment
	for k := 0; k < len(segs); {
		if segs[k].Op == Same {
			end := k
			var words []string
			for end < len(segs) && segs[end].Op == Same {
				words = append(words, segs[end].Text)
				end++
			}
			out = append(out, Segment{Same, strings.Join(words, " ")})
			k = end
			continue
		}
		var del, ins []string
		for k < len(segs) && segs[k].Op != Same {
			if segs[k].Op == Deleted {
				del = append(del, segs[k].Text)
			} else {
				ins = append(ins, segs[k].Text)
			}
			k++
		}
		if len(del) > 0 && strings.Join(del, "") != "" {
			out = append(out, Segment{Deleted, strings.Join(del, " ")})
		}
		if len(ins) > 0 && strings.Join(ins, "") != "" {
			out = append(out, Segment{Inserted, strings.Join(ins, " ")})
		}
	}
	return out
}
