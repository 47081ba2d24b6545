// Package docs is cpp's manual: the pages in this folder, which the README links to and
// `cpp help TOPIC` shows in the terminal. A page's topic is its file name without .md.
package docs

import (
	"bufio"
	"embed"
	"strings"
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
