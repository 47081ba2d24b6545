package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yaml a release depends on.
type goreleaserConfig struct {
	Before struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Goos    []string `yaml:"goos"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []yaml.Node `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	} `yaml:"checksum"`
}

// The release archives carry the licence, the README and the man pages the before hook makes;
// Windows gets a zip, the others tar.gz; checksums are written; the version is stamped into the
// variable cpp version reads. (goreleaser itself is too big to build in CI's time.)
func TestReleaseArchives(t *testing.T) {
	root := repoRoot()
	data, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg goreleaserConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("want one build and one archive, got %d and %d", len(cfg.Builds), len(cfg.Archives))
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/cpp" || b.Binary != "cpp" {
		t.Errorf("build main %q binary %q, want ./cmd/cpp and cpp (cpp.exe on Windows)", b.Main, b.Binary)
	}
	for _, os := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, os) {
			t.Errorf("no %s build", os)
		}
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X github.com/cpp-plans/cpp/internal/cli.version={{.Version}}") {
		t.Errorf("ldflags %q do not stamp internal/cli.version", b.Ldflags)
	}

	// The man pages come from the before hook, and the hook's program is in the repository.
	var manDir string
	for _, h := range cfg.Before.Hooks {
		if f := strings.Fields(h); len(f) >= 3 && f[0] == "go" && f[1] == "run" && f[2] == "./internal/genman" {
			manDir = f[len(f)-1]
			if _, err := os.Stat(filepath.Join(root, "internal", "genman", "main.go")); err != nil {
				t.Errorf("the hook %q runs a program that is not there: %v", h, err)
			}
		}
	}
	if manDir == "" {
		t.Fatalf("no before hook makes the man pages (go run ./internal/genman DIR): %q", cfg.Before.Hooks)
	}

	a := cfg.Archives[0]
	if !slices.Equal(a.Formats, []string{"tar.gz"}) {
		t.Errorf("archive formats %q, want tar.gz", a.Formats)
	}
	if len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || !slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("want a zip for windows, got %+v", a.FormatOverrides)
	}
	var srcs []string
	for _, f := range a.Files {
		switch f.Kind {
		case yaml.ScalarNode:
			srcs = append(srcs, f.Value)
		case yaml.MappingNode:
			var m struct{ Src string }
			if err := f.Decode(&m); err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, m.Src)
		}
	}
	for _, want := range []string{"LICENSE", "README.md", "docs/*.md", manDir + "/*.1", manDir + "/*.7"} {
		if !slices.Contains(srcs, want) {
			t.Errorf("archives do not carry %s (files: %q)", want, srcs)
		}
		if !strings.Contains(want, "*") {
			if _, err := os.Stat(filepath.Join(root, want)); err != nil {
				t.Errorf("archives name %s, which is not in the repository", want)
			}
		}
	}
	if cfg.Checksum.NameTemplate == "" {
		t.Error("no checksum file")
	}
}

// The licence is MIT, from the cpp authors, and the README names it.
func TestLicense(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(), "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MIT License", "Copyright (c) 2025 the cpp authors", "THE SOFTWARE IS PROVIDED \"AS IS\""} {
		if !strings.Contains(string(data), want) {
			t.Errorf("LICENSE lacks %q", want)
		}
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "[MIT licence](LICENSE)") {
		t.Error("the README does not name the licence as [MIT licence](LICENSE)")
	}
}
