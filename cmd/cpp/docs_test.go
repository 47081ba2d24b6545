package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/docs"
)

// The README stays short: the reference is in docs/.
func TestREADMEIsShort(t *testing.T) {
	info, err := os.Stat(filepath.Join(repoRoot(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() >= 20<<10 {
		t.Errorf("README.md is %d bytes: keep it under 20 KB, and move reference into docs/", info.Size())
	}
}

// The contents page links every page of docs/, in the order cpp help lists the topics, and
// every page is a topic.
func TestDocsContents(t *testing.T) {
	contents, err := os.ReadFile(filepath.Join(repoRoot(), "docs", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var linked []string
	for _, m := range regexp.MustCompile(`\]\(([a-z-]+)\.md\)`).FindAllStringSubmatch(string(contents), -1) {
		linked = append(linked, m[1])
	}
	var topics []string
	for _, tp := range docs.Topics() {
		topics = append(topics, tp.Name)
		if tp.Title == "" {
			t.Errorf("docs/%s.md has no title", tp.Name)
		}
	}
	if !slices.Equal(linked, topics) {
		t.Errorf("docs/README.md links %v;\ncpp help lists %v", linked, topics)
	}
	pages, _ := filepath.Glob(filepath.Join(repoRoot(), "docs", "*.md"))
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".md")
		if name != "README" && !slices.Contains(topics, name) {
			t.Errorf("docs/%s.md is not a topic of cpp help, nor in the contents", name)
		}
	}
}

// githubAnchor is the anchor GitHub gives a heading.
func githubAnchor(heading string) string {
	a := strings.ToLower(strings.TrimSpace(heading))
	a = regexp.MustCompile(`[^\p{L}\p{N}\- _]`).ReplaceAllString(a, "")
	return strings.ReplaceAll(a, " ", "-")
}

// anchors are a page's headings' anchors, outside code blocks.
func anchors(text string) map[string]bool {
	out := map[string]bool{}
	fence := false
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "```") {
			fence = !fence
			continue
		}
		if !fence && strings.HasPrefix(l, "#") {
			out[githubAnchor(strings.TrimLeft(l, "#"))] = true
		}
	}
	return out
}

// Every link from the README and docs/ to a file of the repository, or to a heading, leads
// somewhere.
func TestDocsLinks(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	n := 0
	for _, f := range docFiles(t) {
		dir := filepath.Dir(filepath.Join(repoRoot(), filepath.FromSlash(f.name)))
		for _, m := range link.FindAllStringSubmatch(f.text, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			file := filepath.Join(repoRoot(), filepath.FromSlash(f.name))
			if path != "" {
				file = filepath.Join(dir, filepath.FromSlash(path))
			}
			data, err := os.ReadFile(file)
			if err != nil {
				if info, serr := os.Stat(file); serr == nil && info.IsDir() && anchor == "" {
					n++
					continue
				}
				t.Errorf("%s: the link %s leads nowhere", f.name, target)
				continue
			}
			if anchor != "" && !anchors(string(data))[anchor] {
				t.Errorf("%s: the link %s names a heading %s does not have", f.name, target, filepath.Base(file))
			}
			n++
		}
	}
	if n < 30 {
		t.Errorf("checked %d links", n)
	}
}

// cpp help TOPIC prints the page, and cpp help lists every topic.
func TestHelpTopics(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code := runIn(t, dir, nil, &out, &out, []string{"help"}); code != 0 {
		t.Fatalf("cpp help: exit %d\n%s", code, out.String())
	}
	list := out.String()
	for _, tp := range docs.Topics() {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(tp.Name) + ` +` + regexp.QuoteMeta(tp.Title) + `$`).MatchString(list) {
			t.Errorf("cpp help does not list %s", tp.Name)
		}
		want, err := os.ReadFile(filepath.Join(repoRoot(), "docs", tp.Name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if code := runIn(t, dir, nil, &out, &out, []string{"help", tp.Name}); code != 0 {
			t.Errorf("cpp help %s: exit %d", tp.Name, code)
		}
		if !strings.HasPrefix(out.String(), string(want)) {
			t.Errorf("cpp help %s does not print docs/%s.md", tp.Name, tp.Name)
		}
	}
	out.Reset()
	if code := runIn(t, dir, nil, &out, &out, []string{"help", "deadline"}); code != 2 || !strings.Contains(out.String(), "did you mean 'cpp help deadlines'?") {
		t.Errorf("cpp help deadline: exit %d\n%s", code, out.String())
	}
}
