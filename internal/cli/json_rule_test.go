package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// JSON output gives every key of a record, null when there is no value and [] for an empty list
// (README, "Output formats"), so that a script reads r["rag"] without first asking whether the key
// is there. A json tag with omitempty would drop a key from some records and not others.
func TestJSONGivesEveryKey(t *testing.T) {
	omit := regexp.MustCompile("json:\"[^\"]*,omitempty")
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if omit.MatchString(line) {
				t.Errorf("%s:%d: a JSON key that is sometimes left out: %s", path, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
