// Package planfile turns plan files into plan values: bytes to yaml.Node to plan.Plan, keeping
// the line and column of every value and reporting every problem in a file (syntax, unknown keys,
// wrong types, missing values, unreadable deadlines) as diagnostics rather than stopping at the
// first. It never panics on bad input.
package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

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

// IsPlanName reports whether a file found in a plans folder (on disk or at a git revision) is
// read as a plan: a YAML file that is not an editor's or operating system's dropping. The working
// tree and every revision use it, so that a committed ._x.yaml is not a plan in one and not the other.
func IsPlanName(path string) bool {
	return IsPlanFile(path) && !IsDropping(filepath.Base(path))
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
		// WalkDir does not follow a symlink, even the one it starts at: a plans/ folder that is
		// a link to the real one is walked through a name ending in "/", which the system
		// resolves to the folder itself. Links inside are left alone (they could loop).
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				ds = append(ds, ioDiag(path, err))
				return nil
			}
			if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && IsPlanName(path) {
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
	// A decoder rather than yaml.Unmarshal, which reads the first document and silently ignores
	// the rest: everything in a plan file must be read, so a second document is an error.
	dec := yaml.NewDecoder(bytes.NewReader(body))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		f.Diags = append(f.Diags, syntaxDiag(path, body, err))
		return f
	}
	var rest yaml.Node
	if err := dec.Decode(&rest); err != io.EOF {
		f.Diags = append(f.Diags, secondDocument(path, body, &rest, err))
	}
	if opts.KeepNodes {
		f.Root = &root
	}
	b := &builder{file: f}
	b.document(&root)
	return f
}

// secondDocument reports what follows the plan's document, at the marker that ends it. rest is
// the second document when it parsed; err is why it did not. Invalid YAML after the marker is
// reported the same way: it is the second document that must go, not its syntax that must be
// fixed.
func secondDocument(path string, body []byte, rest *yaml.Node, err error) diag.Diagnostic {
	line, marker := documentBoundary(body)
	if err == nil && rest.Kind == yaml.DocumentNode && rest.Line > 0 {
		// The node knows its own `---`, even after a first document that was only a marker.
		line, marker = rest.Line, "---"
	}
	if line == 0 {
		line, marker = 1, "---"
		if err != nil {
			line = syntaxDiag(path, body, err).Line
		}
	}
	d := diag.Diagnostic{File: path, Line: line, Col: 1, Span: 3, Severity: diag.Error, Rule: "multiple-documents",
		Message: "`---` starts a second YAML document; a plan file holds one plan",
		Hint:    "one plan per file: move what follows `---` into a file of its own, or delete it"}
	if marker == "..." {
		d.Message = "`...` ends the YAML document, but the file goes on"
		d.Hint = "one plan per file: delete the `...` line, or move what follows it into a file of its own"
	}
	return d
}

// documentBoundary finds the first document marker (`---` or `...` at the start of a line) that
// follows content: a `---` before any content only opens the first document. YAML ends a
// document at such a line wherever it appears, so no quoting can hide one.
func documentBoundary(body []byte) (line int, marker string) {
	content := false
	for n := 1; len(body) > 0; n++ {
		var text []byte
		text, body, _ = bytes.Cut(body, []byte("\n"))
		text = bytes.TrimSuffix(text, []byte("\r"))
		if m := documentMarker(text); m != "" {
			if content {
				return n, m
			}
			after := bytes.TrimSpace(text[3:])
			content = len(after) > 0 && after[0] != '#'
			continue
		}
		t := bytes.TrimSpace(text)
		if len(t) > 0 && t[0] != '#' && text[0] != '%' {
			content = true
		}
	}
	return 0, ""
}

func documentMarker(text []byte) string {
	if len(text) < 3 || !(bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))) {
		return ""
	}
	if len(text) > 3 && text[3] != ' ' && text[3] != '\t' {
		return ""
	}
	return string(text[:3])
}

// checkText rejects what is not UTF-8 text, control characters, and tabs used for indentation,
// with their positions: the YAML library reports a control character with no position at all,
// and its messages for the others are less helpful.
func checkText(path string, body []byte) (diag.Diagnostic, bool) {
	line, col := 1, 1
	lineStart := true
	for i := 0; i < len(body); {
		// Printable ASCII, nearly every byte of a plan, is none of those: it only moves on.
		if b := body[i]; b > ' ' && b < 0x7f {
			col, lineStart = col+1, false
			i++
			continue
		}
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
		case isControl(r):
			return diag.Diagnostic{File: path, Line: line, Col: col, Severity: diag.Error, Rule: "encoding",
				Message: fmt.Sprintf("control character %U is not allowed in a plan file", r),
				Hint:    "delete it: plan files are plain text, and such characters come from pasting out of other programs"}, true
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

// isControl reports the characters YAML does not allow in a file at all (YAML 1.2, 5.1): C0 and
// C1 controls other than tab, line feed, carriage return and next line, DEL, and U+FFFE/U+FFFF.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}

// yaml.v3 numbers a scanner error's line from one but a parser error's from zero, and leaves the
// line out when it is zero. These are the parser's problems (parserc.go).
var parserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

var reUnknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

func syntaxDiag(path string, body []byte, err error) diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	d := diag.Diagnostic{File: path, Line: 1, Severity: diag.Error, Rule: "syntax", Message: msg}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		d.Message = te.Errors[0]
	}
	if m := reUnknownAnchor.FindStringSubmatch(err.Error()); m != nil {
		// An alias with no anchor: the alias is the mistake, wherever it points.
		d.Line, d.Col = find(body, "*"+m[1])
		d.Rule, d.Span = "alias", len([]rune(m[1]))+1
		d.Message = fmt.Sprintf("YAML aliases (*%s) are not supported in plan files", m[1])
		d.Hint = "write the value out in full"
		return d
	}
	if m := reYAMLLine.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		d.Message = m[2]
		if slices.Contains(parserProblems, d.Message) {
			d.Line++
		}
	}
	// A file whose lines end in a bare carriage return has more lines for YAML than for us.
	d.Line = min(d.Line, bytes.Count(body, []byte("\n"))+1)
	d.Col = problemColumn(body, d.Line, d.Message)
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

// problemColumn finds where on its line a syntax problem is. yaml.v3 gives only the line, so the
// column is the character the problem is about when the line shows it (an unclosed bracket or
// quote, a second ': ', a reserved character), or else the line's first.
func problemColumn(body []byte, line int, problem string) int {
	text := lineText(body, line)
	i := -1
	switch problem {
	case "did not find expected ',' or ']'":
		i = bytes.LastIndexByte(text, '[')
	case "did not find expected ',' or '}'":
		i = bytes.LastIndexByte(text, '{')
	case "found undefined tag handle":
		i = bytes.IndexByte(text, '!')
	case "found unexpected end of stream", "found unexpected document indicator":
		i = bytes.IndexAny(text, "\"'")
	case "found character that cannot start any token":
		for j, c := range text {
			if (c == '@' || c == '`') && (j == 0 || bytes.IndexByte([]byte(" \t[{,"), text[j-1]) >= 0) {
				i = j
				break
			}
		}
	case "mapping values are not allowed in this context":
		// The first ': ' ends the key; a second is the one YAML cannot take. A line with only one
		// is indented as if it were inside the line above.
		seen := 0
		for j, c := range text {
			if c == ':' && (j+1 == len(text) || text[j+1] == ' ') && seen < 2 {
				i, seen = j, seen+1
			}
		}
	}
	if i < 0 {
		return firstNonSpace(body, line)
	}
	return utf8.RuneCount(text[:i]) + 1
}

// lineText is the text of a 1-based line, without its line ending.
func lineText(body []byte, line int) []byte {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(body, '\n')
		if j < 0 {
			return nil
		}
		body = body[j+1:]
	}
	text, _, _ := bytes.Cut(body, []byte("\n"))
	return bytes.TrimSuffix(text, []byte("\r"))
}

// find returns the line and column of the first occurrence of word standing alone (not inside a
// longer word), or 1:1.
func find(body []byte, word string) (line, col int) {
	for off := 0; off < len(body); {
		i := bytes.Index(body[off:], []byte(word))
		if i < 0 {
			break
		}
		i += off
		end := i + len(word)
		if end == len(body) || bytes.IndexByte([]byte(" \t\r\n,]}"), body[end]) >= 0 {
			before := body[:i]
			start := bytes.LastIndexByte(before, '\n') + 1
			return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(body[start:i]) + 1
		}
		off = i + 1
	}
	return 1, 1
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
