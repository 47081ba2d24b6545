package docs

import (
	"strings"
	"testing"
)

// Every topic is a page, in the contents' order, titled by its page's first line.
func TestTopics(t *testing.T) {
	topics := Topics()
	if len(topics) != len(order) {
		t.Fatalf("Topics() has %d topics, want %d", len(topics), len(order))
	}
	for i, topic := range topics {
		text, ok := Page(topic.Name)
		if topic.Name != order[i] || !ok {
			t.Errorf("topic %d is %q (a page: %v), want %q", i, topic.Name, ok, order[i])
			continue
		}
		first, _, _ := strings.Cut(text, "\n")
		if want := strings.TrimPrefix(first, "# "); topic.Title != want || want == "" || want == first {
			t.Errorf("topic %s is titled %q; its page begins %q", topic.Name, topic.Title, first)
		}
	}
}

// Page refuses names that are not topics: a path, the README, a page that does not exist.
func TestPageRefuses(t *testing.T) {
	for _, name := range []string{"../README", "README", "sub/page", "deadlines.md", "no-such-page"} {
		if _, ok := Page(name); ok {
			t.Errorf("Page(%q) is a page", name)
		}
	}
}
