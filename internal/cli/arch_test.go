package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The command layer stays thin (ARCHITECTURE.md): these tests keep it so. They read this
// package's own source.

// maxLines is the most non-test lines internal/cli may have, and maxFuncLines the longest a
// function in it may be: commands are flags → one domain call → one printer.
const (
	maxLines     = 2500
	maxFuncLines = 40
)

type cliSource struct {
	fset  *token.FileSet
	files []*ast.File
	names []string // base names, as files
	lines int
}

func readCLISource(t *testing.T) *cliSource {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	src := &cliSource{fset: token.NewFileSet()}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(src.fset, name, data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		src.files = append(src.files, f)
		src.names = append(src.names, name)
		src.lines += strings.Count(string(data), "\n")
	}
	return src
}

func TestCLIStaysThin(t *testing.T) {
	src := readCLISource(t)
	if src.lines >= maxLines {
		t.Errorf("internal/cli has %d non-test lines; keep it under %d: move domain logic and views to their packages", src.lines, maxLines)
	}
	for _, f := range src.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			start, end := src.fset.Position(fd.Pos()), src.fset.Position(fd.End())
			if n := end.Line - start.Line + 1; n > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines; keep a function of the command layer to %d", start.Filename, start.Line, fd.Name.Name, n, maxFuncLines)
			}
		}
	}
}

// TestNoArrowsBackUp checks the package's own import graph between files: cli.go is the root
// (Main, Run, NewRoot); a cmd_*.go file uses only its own declarations and the shared plumbing
// files; a plumbing file uses no command file and not the root.
func TestNoArrowsBackUp(t *testing.T) {
	src := readCLISource(t)
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{
		// Only the package's own declarations matter here: imports are empty stand-ins, and the
		// errors they cause are ignored.
		Importer: importerFunc(func(p string) (*types.Package, error) {
			return types.NewPackage(p, importName(p)), nil
		}),
		Error: func(error) {},
	}
	pkg, _ := conf.Check("cli", src.fset, src.files, info)
	role := func(file string) string {
		switch {
		case file == "cli.go":
			return "root"
		case strings.HasPrefix(file, "cmd_"):
			return "command"
		}
		return "plumbing"
	}
	var back []string
	seen := map[string]bool{}
	for id, obj := range info.Uses {
		if obj == nil || obj.Pkg() != pkg || obj.Pos() == token.NoPos {
			continue
		}
		if obj.Parent() != pkg.Scope() && !isMethod(obj) {
			continue
		}
		from := filepath.Base(src.fset.Position(id.Pos()).Filename)
		to := filepath.Base(src.fset.Position(obj.Pos()).Filename)
		if from == to {
			continue
		}
		up := role(to) == "root" || (role(to) == "command" && role(from) != "root")
		key := from + " -> " + to + " (" + obj.Name() + ")"
		if up && !seen[key] {
			seen[key] = true
			back = append(back, key)
		}
	}
	sort.Strings(back)
	for _, b := range back {
		t.Errorf("arrow running back up: %s; move what both use into a plumbing file or a domain package", b)
	}
}

func isMethod(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Type().(*types.Signature).Recv() != nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importName is the name a package is used by, for the stand-ins: the last element of its path
// that is not a major version.
func importName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(p))
	}
	return strings.TrimPrefix(strings.TrimSuffix(base, ".go"), "go-")
}

// layers are cpp's packages from the top of ARCHITECTURE.md's drawing down. A package imports only
// packages in its own layer or below; every package under internal/ is in one.
var layers = [][]string{
	{"cli", "genman"},          // the command layer, and the man pages made from it
	{"planimport", "scaffold"}, // jobs over a whole repository: import, init
	{"workspace"},              // the plan repository a command works on
	{"query", "validate", "plandiff", "history", "report", "returns", "tidy", "schema", "complete", // answers
		"view", "render", "ical"}, // and their printers
	{"planfile", "gitrev", "tabular", "importer", "planedit", "safewrite", "config", "yaml11", "personal", "readability", // reading and writing
		"iostreams", "flagvalue", "bashcompletion"}, // command support
	{"plan", "deadline"}, // the domain
	{"words", "termsafe", "suggest", "lazyre", "diag", "exitcode"}, // small helpers
}

func TestLayers(t *testing.T) {
	const module = "github.com/cpp-plans/cpp/internal/"
	layer := map[string]int{}
	for i, names := range layers {
		for _, n := range names {
			layer[n] = i
		}
	}
	dirs, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "testutil" {
			continue
		}
		from, ok := layer[d.Name()]
		if !ok {
			t.Errorf("internal/%s is in no layer: place it in ARCHITECTURE.md's drawing and in layers here", d.Name())
			continue
		}
		files, _ := filepath.Glob(filepath.Join("..", d.Name(), "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				p := strings.Trim(imp.Path.Value, `"`)
				if !strings.HasPrefix(p, module) {
					continue
				}
				to := strings.SplitN(strings.TrimPrefix(p, module), "/", 2)[0]
				if l, ok := layer[to]; ok && l < from {
					t.Errorf("%s imports internal/%s, which is above it: an import running back up", filepath.ToSlash(name), to)
				}
			}
		}
	}
}
