// Command genman writes cpp's man pages, one per command, from the cobra command tree: the
// release build runs it (go run ./internal/genman [-date UNIX] DIR) and ships DIR in every
// archive.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/spf13/cobra/doc"

	"github.com/cpp-plans/cpp/docs"
	"github.com/cpp-plans/cpp/internal/cli"
)

func main() {
	date := flag.String("date", "", "date the pages from this Unix time (default $SOURCE_DATE_EPOCH, else today)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/genman [-date UNIX] DIR")
		os.Exit(2)
	}
	if *date == "" {
		*date = os.Getenv("SOURCE_DATE_EPOCH")
	}
	d, err := pageDate(*date, time.Now())
	if err == nil {
		err = write(flag.Arg(0), d)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "genman: %v\n", err)
		os.Exit(1)
	}
}

// pageDate is the date the pages carry: epoch, a Unix time, else now. A release dates its pages
// from the commit (-date {{ .CommitTimestamp }}), so that the same source gives the same
// archives: a date that does not read stops the build rather than dating the pages today.
func pageDate(epoch string, now time.Time) (time.Time, error) {
	if epoch == "" {
		return now.UTC(), nil
	}
	s, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q: give a Unix time, such as 1759276800", epoch)
	}
	return time.Unix(s, 0).UTC(), nil
}

// write writes a man page for each command, and one for each topic of the manual, into dir,
// dated d.
func write(dir string, d time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	env := &cli.Env{Stdin: os.Stdin, Stdout: io.Discard, Stderr: os.Stderr, Getenv: func(string) string { return "" },
		Now: time.Now, IsTerminal: func(io.Writer) bool { return false }, Getwd: os.Getwd}
	root := cli.NewRoot(env)
	root.DisableAutoGenTag = true
	h := &doc.GenManHeader{Title: "CPP", Section: "1", Source: "cpp", Manual: "cpp manual"}
	h.Date = &d
	if err := doc.GenManTree(root, h, dir); err != nil {
		return err
	}
	// The manual's topics, as cpp help TOPIC shows them: section 7, cpp-TOPIC.
	for _, t := range docs.Topics() {
		text, _ := docs.Page(t.Name)
		title := fmt.Sprintf("%% CPP-%s 7 \"%s\" \"cpp\" \"cpp manual\"\n", strings.ToUpper(t.Name), h.Date.Format("Jan 2006"))
		page := md2man.Render([]byte(title + text))
		if err := os.WriteFile(filepath.Join(dir, "cpp-"+t.Name+".7"), page, 0o644); err != nil {
			return err
		}
	}
	return nil
}
