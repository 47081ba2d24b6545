// Package planfile turns plan files into plan values: bytes to yaml.Node to plan.Plan, keeping
// the line and column of every value and reporting every problem in a file (syntax, unknown keys,
// wrong types, missing values, unreadable deadlines) as diagnostics rather than stopping at the
// first. It never panics on bad input.
package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// MaxSize is the largest plan file read. A council's plan is tens of kilobytes; a file a thousand
// times that is a mistake, and parsing it would take longer than anyone would wait.
const MaxSize = 10 << 20

// File is one loaded file and what was found in it.
type File struct {
	Path     string
	Data     []byte // as read, for quoting lines in diagnostics
	Plan     *plan.Plan
	Leads    []*plan.Lead
	Practice []*plan.Practice
	// Root is the parsed document; kept only when Options.KeepNodes is set.
	Root  *yaml.Node
	Diags []diag.Diagnostic
}

// Options tune loading.
type Options struct {
	// KeepNodes keeps each file's yaml.Node tree for checks that read raw values (validate).
	KeepNodes bool
}

// HasErrors reports whether any diagnostic in the file is an error.
func (f *File) HasErrors() bool {
	for _, d := range f.Diags {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// FirstError returns the file's first error, for naming a broken file in one line.
func (f *File) FirstError() (diag.Diagnostic, bool) {
	for _, d := range f.Diags {
		if d.Severity == diag.Error {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// IsPlanFile reports whether a path names a YAML file.
func IsPlanFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// Expand turns the paths given on the command line into the plan files they name: a directory
// means every .yaml and .yml file under it, sorted, less hidden folders and the droppings of
// editors and operating systems (see IsDropping). A file named twice, however its path is spelt
// (./plans/x.yaml and plans/x.yaml, a folder and a file in it, a symlink beside its target), is
// listed once, under the name it was first given: reading it twice would make each of its ids a
// duplicate. A path that does not exist is an error.
func Expand(paths []string) ([]string, []diag.Diagnostic) {
	var files []string
	var ds []diag.Diagnostic
	var seen sameFiles
	add := func(p string) {
		if seen.add(p) {
			files = append(files, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			ds = append(ds, ioDiag(p, err))
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				ds = append(ds, ioDiag(path, err))
				return nil
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && IsPlanFile(path) && !IsDropping(d.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			ds = append(ds, ioDiag(p, err))
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, ds
}

// IsDropping reports whether a file name is one that editors and operating systems leave beside
// the file a person edits, which is not a plan even when its name ends in .yaml:
//
//	.#x.yaml   Emacs's lock: a symlink to user@host.pid, pointing nowhere
//	._x.yaml   macOS's AppleDouble file (resource fork), written on shared drives and in zips
//	#x.yaml#   Emacs's auto-save; .~lock.x.yaml# LibreOffice's lock
//	x.yaml~    the backup copy of Emacs, gedit, nano and others
//
// Vim's .x.yaml.swp and the temporary files safewrite makes do not end in .yaml.
func IsDropping(name string) bool {
	return strings.HasPrefix(name, ".#") || strings.HasPrefix(name, "._") ||
		strings.HasSuffix(name, "#") || strings.HasSuffix(name, "~")
}

// sameFiles remembers files by identity (device and inode, through os.SameFile), so that two
// names for one file count once. A name that cannot be stat'ed is remembered by its cleaned
// absolute path.
type sameFiles struct {
	bySize map[int64][]fs.FileInfo
	names  map[string]bool
}

// add reports whether path names a file not seen before, and remembers it.
func (s *sameFiles) add(path string) bool {
	if s.bySize == nil {
		s.bySize, s.names = map[int64][]fs.FileInfo{}, map[string]bool{}
	}
	info, err := os.Stat(path)
	if err != nil {
		name := path
		if abs, err := filepath.Abs(path); err == nil {
			name = abs
		}
		if s.names[name] {
			return false
		}
		s.names[name] = true
		return true
	}
	for _, o := range s.bySize[info.Size()] {
		if os.SameFile(o, info) {
			return false
		}
	}
	s.bySize[info.Size()] = append(s.bySize[info.Size()], info)
	return true
}

func ioDiag(path string, err error) diag.Diagnostic {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	d := diag.Diagnostic{File: path, Severity: diag.Error, Rule: "io", Message: msg}
	if errors.Is(err, fs.ErrNotExist) {
		d.Message = "no such file or directory"
		d.Hint = "check the path; with no path, cpp reads the plans/ folder of the repository"
	}
	return d
}

// LoadAll loads files in parallel, one worker per CPU, and returns them in the order given.
func LoadAll(paths []string, opts Options) []*File {
	files := make([]*File, len(paths))
	parallel(len(paths), func(i int) { files[i] = Load(paths[i], opts) })
	return files
}

// ParseAll parses files already read (from git, say) in parallel, in the order given. A path
// with no contents in data is parsed as empty.
func ParseAll(paths []string, data map[string][]byte, opts Options) []*File {
	files := make([]*File, len(paths))
	parallel(len(paths), func(i int) { files[i] = Parse(paths[i], data[paths[i]], opts) })
	return files
}

// parallel runs do(0) … do(n-1) on one worker per CPU.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Load reads and parses one file.
func Load(path string, opts Options) *File {
	data, err := safewrite.ReadFile(path, MaxSize)
	if err != nil {
		return &File{Path: path, Diags: []diag.Diagnostic{ReadError(path, err)}}
	}
	return Parse(path, data, opts)
}

// ReadError is the diagnostic for a plan file that could not be read (from safewrite.Read).
func ReadError(path string, err error) diag.Diagnostic {
	var se *safewrite.Error
	if !errors.As(err, &se) {
		return ioDiag(path, err)
	}
	switch se.Kind {
	case safewrite.NotRegular:
		d := diag.Diagnostic{File: path, Severity: diag.Error, Rule: "io", Message: "is " + se.What + ", not a plan file"}
		if se.What != "a directory" {
			d.Hint = "plan files are regular files; move it out of the plans folder"
		}
		return d
	case safewrite.TooLarge:
		msg := fmt.Sprintf("file is larger than %s, the limit for plan files", safewrite.HumanSize(se.Limit))
		if se.Size > 0 {
			msg = fmt.Sprintf("file is too large (%s); plan files are limited to %s", safewrite.HumanSize(se.Size), safewrite.HumanSize(se.Limit))
		}
		return diag.Diagnostic{File: path, Severity: diag.Error, Rule: "size", Message: msg,
			Hint: "split the plan into one file per plan, or check that this is a plan file"}
	}
	return ioDiag(path, se.Err)
}

var reYAMLLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses a file's contents. Every problem found becomes a diagnostic on the returned File.
func Parse(path string, data []byte, opts Options) (f *File) {
	f = &File{Path: path, Data: data}
	defer func() {
		// The YAML library is not ours; a panic inside it must not become a stack trace.
		if r := recover(); r != nil {
			f.Plan, f.Leads, f.Practice, f.Root = nil, nil, nil, nil
			f.Diags = append(f.Diags, diag.Diagnostic{File: path, Line: 1, Col: 1, Severity: diag.Error, Rule: "syntax",
				Message: fmt.Sprintf("the YAML parser failed on this file: %v", r),
				Hint:    "simplify the file; if it is valid YAML, report this as a bug"})
		}
	}()
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if d, bad := checkText(path, body); bad {
		f.Diags = append(f.Diags, d)
		return f
	}
	if len(bytes.TrimSpace(body)) == 0 {
		f.Diags = append(f.Diags, diag.Diagnostic{File: path, Severity: diag.Error, Rule: "empty",
			Message: "file is empty", Hint: "a plan file needs at least id, title, council, period and sections; or delete the file"})
		return f
	}
	var root yaml.Node
	if err := yaml.Unmarshal(body, &root); err != nil {
		f.Diags = append(f.Diags, syntaxDiag(path, body, err))
		return f
	}
	if opts.KeepNodes {
		f.Root = &root
	}
	b := &builder{file: f}
	b.document(&root)
	return f
}

// checkText rejects what is not UTF-8 text, and tabs used for indentation, with their positions:
// the YAML library's own messages for these are less helpful.
func checkText(path string, body []byte) (diag.Diagnostic, bool) {
	line, col := 1, 1
	lineStart := true
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return diag.Diagnostic{File: path, Line: line, Col: col, Severity: diag.Error, Rule: "encoding",
				Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", body[i]),
				Hint:    "save the file as UTF-8; if it is not a plan file, move it out of plans/"}, true
		case r == 0:
			return diag.Diagnostic{File: path, Line: line, Col: col, Severity: diag.Error, Rule: "encoding",
				Message: "file contains a NUL byte: it is not a text file",
				Hint:    "plan files are YAML text; move other files out of plans/"}, true
		case r == '\t' && lineStart:
			return diag.Diagnostic{File: path, Line: line, Col: col, Severity: diag.Error, Rule: "syntax",
				Message: "tab used for indentation", Hint: "YAML indents with spaces: replace the tab with spaces"}, true
		case r == '\n':
			line, col, lineStart = line+1, 1, true
			i += size
			continue
		case r != ' ' && r != '\r':
			lineStart = false
		}
		col++
		i += size
	}
	return diag.Diagnostic{}, false
}

func syntaxDiag(path string, body []byte, err error) diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	d := diag.Diagnostic{File: path, Line: 1, Col: 1, Severity: diag.Error, Rule: "syntax", Message: msg}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := reYAMLLine.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		d.Message = m[2]
		d.Col = firstNonSpace(body, d.Line)
	} else {
		d.Message = msg
	}
	if strings.Contains(d.Message, "could not find expected ':'") {
		d.Hint = "each line in a mapping needs `key: value`; a text value that contains ': ' must be quoted"
	} else if strings.Contains(d.Message, "mapping values are not allowed") {
		d.Hint = "a value that contains ': ' must be quoted, as in text: \"Team Manager: Life Chances\""
	} else if strings.Contains(d.Message, "did not find expected") || strings.Contains(d.Message, "found unexpected end of stream") {
		d.Hint = "check indentation and closing quotes or brackets near this line; the file may be cut short"
	} else {
		d.Hint = "check the YAML syntax near this line"
	}
	return d
}

// firstNonSpace returns the column of the first non-blank character on a line, or 1.
func firstNonSpace(body []byte, line int) int {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(body, '\n')
		if j < 0 {
			return 1
		}
		body = body[j+1:]
	}
	col := 1
	for _, c := range body {
		if c != ' ' {
			break
		}
		col++
	}
	return col
}

// FindPlansDir looks for a plans/ folder in dir and then in each parent, the way git finds its
// repository, so that cpp works from anywhere inside a plan repository.
func FindPlansDir(dir string) (string, bool) {
	for {
		p := filepath.Join(dir, "plans")
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Context returns the other plan files of the repositories the given files belong to: the plans/
// folder found from each file's own folder. Files already given are left out.
func Context(files []string) []string {
	var given sameFiles
	for _, f := range files {
		given.add(f)
	}
	var out []string
	dirs := map[string]bool{}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		dir, ok := FindPlansDir(filepath.Dir(abs))
		if !ok || dirs[dir] || !strings.HasPrefix(abs, dir+string(filepath.Separator)) {
			continue
		}
		dirs[dir] = true
		found, _ := Expand([]string{dir})
		for _, c := range found {
			if given.add(c) {
				out = append(out, c)
			}
		}
	}
	return out
}
