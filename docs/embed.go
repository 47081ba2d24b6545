// Package docs is cpp's manual: the pages in this folder, which the README links to and
// `cpp help TOPIC` shows in the terminal. A page's topic is its file name without .md.
package docs

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/suggest"
)

//go:embed *.md
var files embed.FS

// Topic is one page of the manual.
type Topic struct {
	Name  string // file-format, deadlines, ...
	Title string // the page's heading
}

// order is the contents page's order; a test keeps it equal to README.md's list.
var order = []string{"file-format", "deadlines", "commands", "queries-and-formats", "reports", "young-people", "returns",
	"updates", "import", "init", "config", "review-and-ci", "safe-writes", "validation", "exit-codes", "development"}

// Topics lists the pages in the contents page's order.
func Topics() []Topic {
	out := make([]Topic, 0, len(order))
	for _, name := range order {
		out = append(out, Topic{Name: name, Title: title(name)})
	}
	return out
}

// title is the first line of a topic's page, less its "# ". Every cpp command's help lists the
// topics, so every run asks for the titles: it reads only the first line, where copying each
// whole page out of the binary cost a run half a megabyte of garbage.
func title(name string) string {
	f, err := files.Open(name + ".md")
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, 128).ReadString('\n')
	return strings.TrimPrefix(strings.TrimSuffix(line, "\n"), "# ")
}

// Page is the Markdown text of a topic's page.
func Page(name string) (string, bool) {
	if strings.ContainsAny(name, "/\\.") || name == "README" {
		return "", false
	}
	data, err := files.ReadFile(name + ".md")
	return string(data), err == nil
}

// TopicList is the topics, one a line with its title, for help texts.
func TopicList() string {
	var b strings.Builder
	for _, t := range Topics() {
		fmt.Fprintf(&b, "  %-20s %s\n", t.Name, t.Title)
	}
	return b.String()
}

// Nearest is the topic, or one of the commands, nearest to a name that is neither, for a "did you
// mean" hint; "" when none is near.
func Nearest(name string, commands []string) string {
	var names []string
	for _, t := range Topics() {
		names = append(names, t.Name)
	}
	if near := suggest.Closest(name, append(names, commands...), 1); len(near) > 0 {
		return near[0]
	}
	return ""
}
