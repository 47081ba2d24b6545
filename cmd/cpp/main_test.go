package main

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cpp-plans/cpp/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cpp": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		// cppexit runs cpp and reports its exit status on stderr, for scripts that assert the code.
		"cppexit": func() {
			code := cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			fmt.Fprintf(os.Stderr, "exit status %d\n", code)
			os.Exit(0)
		},
	})
}

// TestScripts runs testdata/script/*.txtar against the built binary, in a folder holding a copy of
// the bundled plans/, as a user would type the commands.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: os.Getenv("CPP_UPDATE_GOLDEN") == "1",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("CPP_TODAY", "")
			return copyDir("../../plans", filepath.Join(env.WorkDir, "plans"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// writebytes FILE HEX writes raw bytes, for files that are not text.
			"writebytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: writebytes FILE HEX")
				}
				data, err := hex.DecodeString(args[1])
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
		},
	})
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
