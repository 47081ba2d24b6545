package history

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// changesOf are the files commit i changed against its parent k (0 is the first parent), with
// the files it left alone but re-read under a changed lead registry.
func (h *History) changesOf(i, k int) []gitrev.Change {
	c := h.Commits[i]
	changes := c.Changes
	if k > 0 {
		changes = c.Others[k-1]
	}
	if h.reread != nil && len(h.reread[i][k]) > 0 {
		return append(slices.Clone(changes), h.reread[i][k]...)
	}
	return changes
}

// options says how commit i and its parent k spell their leads.
func (h *History) options(i, k int) plandiff.Options {
	if h.leads == nil {
		return plandiff.Options{OldLeads: h.today, NewLeads: h.today}
	}
	return plandiff.Options{OldLeads: h.leads[i].parents[k], NewLeads: h.leads[i].at, Then: h.today}
}

// loadRegistries finds the lead registry at every commit and its parents, and for a commit that
// changed it, the files it left alone whose actions must be compared again. A registry lives in
// the top-level `leads:` of any file, so the files that ever held one are found first; their
// versions at each commit come from one `git cat-file --batch-check`.
func (h *History) loadRegistries(repo *gitrev.Repo) error {
	all := map[string]bool{}
	holders := map[string]bool{}
	for _, c := range h.Commits {
		for _, changes := range append([][]gitrev.Change{c.Changes}, c.Others...) {
			for _, ch := range changes {
				all[ch.Path] = true
				if !holders[ch.Path] && (leadsBlock(h.blobs[ch.Old]) != nil || leadsBlock(h.blobs[ch.New]) != nil) {
					holders[ch.Path] = true
				}
			}
		}
	}
	if len(holders) == 0 {
		return nil
	}
	paths := sortedKeys(holders)
	revs := func(c gitrev.Commit) []string {
		out := []string{c.Hash}
		for k := range 1 + len(c.Others) {
			out = append(out, c.Hash+"^"+strconv.Itoa(k+1))
		}
		return out
	}
	var names []string
	for _, c := range h.Commits {
		for _, rev := range revs(c) {
			for _, p := range paths {
				names = append(names, rev+":"+p)
			}
		}
	}
	ids, err := repo.ObjectIDs(names)
	if err != nil {
		return err
	}
	if err := h.fetch(repo, ids); err != nil {
		return err
	}
	// A registry is keyed by the text of its leads blocks, not by blob: a plan file holding its
	// own leads changes in nearly every commit, its registry seldom, and only the registry is
	// parsed, not the plan around it.
	blocks := map[string][]byte{} // blob id → its leads block
	registries := map[string]*plan.Registry{}
	registry := func(rev string) (*plan.Registry, string) {
		var key strings.Builder
		for _, p := range paths {
			id := ids[rev+":"+p]
			b, ok := blocks[id]
			if !ok && id != "" {
				b = leadsBlock(h.blobs[id])
				blocks[id] = b
			}
			key.Write(b)
			key.WriteString("\x00")
		}
		k := key.String()
		if r, ok := registries[k]; ok {
			return r, k
		}
		var leads []*plan.Lead
		for _, p := range paths {
			if b := blocks[ids[rev+":"+p]]; b != nil {
				leads = append(leads, planfile.Parse(p, b, planfile.Options{}).Leads...)
			}
		}
		r := plan.NewRegistry(leads)
		registries[k] = r
		return r, k
	}
	h.leads = make([]commitLeads, len(h.Commits))
	h.reread = make([][][]gitrev.Change, len(h.Commits))
	var changed []int
	for i, c := range h.Commits {
		rs := revs(c)
		at, atKey := registry(rs[0])
		h.leads[i].at = at
		h.reread[i] = make([][]gitrev.Change, len(rs)-1)
		moved := false
		for _, rev := range rs[1:] {
			r, key := registry(rev)
			h.leads[i].parents = append(h.leads[i].parents, r)
			moved = moved || key != atKey
		}
		if moved {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	files := sortedKeys(all)
	names = names[:0]
	for _, i := range changed {
		for _, p := range files {
			names = append(names, h.Commits[i].Hash+":"+p)
		}
	}
	if ids, err = repo.ObjectIDs(names); err != nil {
		return err
	}
	if err := h.fetch(repo, ids); err != nil {
		return err
	}
	for _, i := range changed {
		c := h.Commits[i]
		for k := range 1 + len(c.Others) {
			if h.leads[i].parents[k] == h.leads[i].at {
				continue
			}
			touched := map[string]bool{}
			for _, ch := range h.changesOf(i, k) {
				touched[ch.Path] = true
			}
			for _, p := range files {
				if id := ids[c.Hash+":"+p]; id != "" && !touched[p] {
					h.reread[i][k] = append(h.reread[i][k], gitrev.Change{Path: p, Old: id, New: id})
				}
			}
		}
	}
	return nil
}

// fetch reads the blobs named that History does not hold yet.
func (h *History) fetch(repo *gitrev.Repo, ids map[string]string) error {
	var want []string
	for _, id := range ids {
		if _, ok := h.blobs[id]; !ok && !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	got, err := repo.Cat(want)
	if err != nil {
		return err
	}
	for id, data := range got {
		h.blobs[id] = data
	}
	return nil
}

// leadsBlock is a file's top-level `leads:` key with all that is nested under it, or nil when
// it has none. It is cut from the text, not parsed: the lines after the key belong to it while
// they are blank, indented, comments or list items, until the next top-level key or document.
func leadsBlock(data []byte) []byte {
	start := -1
	for off := 0; start < 0; {
		j := bytes.Index(data[off:], []byte("leads"))
		if j < 0 {
			return nil
		}
		j += off
		if (j == 0 || data[j-1] == '\n') && bytes.HasPrefix(bytes.TrimLeft(data[j+len("leads"):], " \t"), []byte(":")) {
			start = j
		}
		off = j + len("leads")
	}
	block := data[start:]
	first := bytes.IndexByte(block, '\n')
	if first < 0 {
		return block
	}
	for i := first + 1; i < len(block); {
		line := block[i:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		separator := bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))
		if len(line) > 0 && (separator || !bytes.ContainsAny(line[:1], " \t-#\r")) {
			return block[:i]
		}
		i += len(line) + 1
	}
	return block
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
